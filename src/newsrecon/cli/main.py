"""The ``newsrecon`` command."""

from __future__ import annotations

import json
import sys

import typer

from newsrecon.errors import NewsreconError
from newsrecon.report.schema import json_schema

app = typer.Typer(
    name="newsrecon",
    help="Reconcile news reports across outlets: stories, who said what, what is corroborated "
    "and what is disputed, every finding with its evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the dossier document.

    Example: newsrecon schema > dossier.schema.json
    """
    typer.echo(json.dumps(json_schema(), indent=2))


def run() -> None:
    """Console entry point: one line per error, never a traceback for expected failures."""
    try:
        app()
    except NewsreconError as err:
        typer.echo(f"newsrecon: {err}", err=True)
        sys.exit(err.exit_code)

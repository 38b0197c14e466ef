"""``newsrecon eval timex DIR``: temporal expressions scored TempEval-3 style."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from newsrecon.api.evaluate_timex import evaluate_timex

_OUT = Console(highlight=False, soft_wrap=True)


def timex(
    directory: Path,
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score temporal expressions on a TimeML corpus (TempEval-3), beside dateparser.

    Example: newsrecon eval timex ../shared/corpora/tempeval3/data/TBAQ-cleaned --json
    """
    result = evaluate_timex(directory)
    if as_json:
        typer.echo(json.dumps(result))
        return
    table = Table(title=f"Temporal expressions, {result['documents']} documents (TempEval-3)")
    table.add_column("system")
    table.add_column("score")
    for name in ("precision", "recall", "f1"):
        table.add_column(name, justify="right")
    systems: list[tuple[str, Any]] = [("newsrecon", result), ("dateparser", result["baseline"])]
    for system, scores in systems:
        for kind in ("strict", "relaxed", "value"):
            row = scores[kind]
            table.add_row(system, kind, *(f"{row[k]:.3f}" for k in ("precision", "recall", "f1")))
    _OUT.print(table)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    eval_app.command("timex")(timex)

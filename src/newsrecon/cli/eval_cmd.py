"""``newsrecon eval``: measure newsrecon on published, human-annotated corpora."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsrecon.api.evaluate import extraction_report, report_as_dict
from newsrecon.evaluation.extraction import ExtractionScores

eval_app = typer.Typer(
    help="Score newsrecon on an annotated corpus, next to a baseline run on the same data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@eval_app.callback()
def _group() -> None:
    """Score newsrecon on an annotated corpus (kept as a group so more corpora can join)."""


@eval_app.command()
def extraction(
    directory: Annotated[
        Path,
        typer.Argument(
            help="A folder in the Fundus evaluation layout: ground_truth.json and html/*.html.gz."
        ),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object instead of a table.")
    ] = False,
) -> None:
    """HTML main-text extraction: word-level precision/recall/F1 and ROUGE-LSum.

    Scores are per page, then averaged over pages; the baseline is trafilatura.extract with its
    default settings on the same pages.

    Example: newsrecon eval extraction ../shared/corpora/fundus_eval --json
    """
    report = extraction_report(directory)
    if as_json:
        typer.echo(json.dumps(report_as_dict(report)))
        return
    table = Table(title=f"HTML extraction, {report.ours.documents} pages (macro averages)")
    table.add_column("extractor")
    for column in ("precision", "recall", "F1", "micro F1", "ROUGE-LSum"):
        table.add_column(column, justify="right")
    table.add_row("newsrecon", *_cells(report.ours))
    table.add_row("trafilatura defaults", *_cells(report.baseline))
    Console(highlight=False).print(table)


def _cells(scores: ExtractionScores) -> list[str]:
    return [
        f"{scores.words.precision:.4f}",
        f"{scores.words.recall:.4f}",
        f"{scores.words.f1:.4f}",
        f"{scores.words_micro.f1:.4f}",
        f"{scores.rouge_lsum.f1:.4f}",
    ]

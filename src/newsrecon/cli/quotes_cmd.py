"""``newsrecon quotes STORY_ID|FILE...`` and ``newsrecon eval attribution DIR``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from newsrecon.api import usecases
from newsrecon.api.evaluate_attribution import evaluate_attribution
from newsrecon.api.quotes import QuotesReport
from newsrecon.api.quotes import quotes as quotes_usecase
from newsrecon.cli.text import clip
from newsrecon.report.build import to_json_value

_OUT = Console(highlight=False, soft_wrap=True)


def _as_dict(report: QuotesReport) -> dict[str, Any]:
    texts = {a.id: a.text for a in report.articles}
    value: Any = to_json_value(
        {
            "quotes": report.quotes,
            "statements": report.statements,
            "conflicts": report.conflicts,
            "rejected": report.rejected,
            "failures": report.failures,
        },
        texts,
    )
    return dict(value)


def quotes(
    items: Annotated[
        list[str], typer.Argument(help="A stored story id, or article files/folders/globs.")
    ],
    db: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional on 3.11
        typer.Option(
            "--db",
            envvar=usecases.ENV_DB,
            help="Store (SQLite file or postgresql:// URL) for a story id.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Who said what: statements grouped across outlets, then every quote with its speaker,
    cue and kind (a stance, belief or act credited to someone is marked "not speech").

    Example: newsrecon quotes st1a2b3c --db news.db
    """
    with usecases.story_store(items, db) as store:
        report = quotes_usecase(items, store=store)
    if as_json:
        typer.echo(json.dumps(_as_dict(report)))
        return
    texts = {a.id: a.text for a in report.articles}
    outlets = {a.id: a.outlet for a in report.articles}
    if report.statements:
        table = Table(
            "statement",
            "speaker",
            "outlet",
            "relation",
            "kind",
            "wording",
            title="Statements across outlets",
        )
        for st in report.statements:
            for n, v in enumerate(st.variants):
                table.add_row(
                    st.id if n == 0 else "",
                    st.speaker if n == 0 else "",
                    v.outlet,
                    v.relation.value,
                    v.kind.value,
                    clip(texts[v.article][v.content.start : v.content.end], 110),
                )
        _OUT.print(table)
    for c in report.conflicts:
        _OUT.print(f"[{c.severity.value}] {c.kind}: {c.explanation}", markup=False)
    table = Table("outlet", "speaker", "as written", "kind", "cue", "quote", title="Quotes")
    for q in report.quotes:
        text = texts[q.article]
        table.add_row(
            outlets.get(q.article, q.outlet),
            q.speaker,
            q.speaker_as_written if q.speaker_as_written != q.speaker else "",
            q.kind.value if q.reported_as.value == "speech" else f"{q.kind.value}, not speech",
            text[q.cue.start : q.cue.end] if q.cue else "",
            clip(text[q.content.start : q.content.end], 110),
        )
    _OUT.print(table)
    for line in report.failures:
        _OUT.print(f"stage failed: {line}", markup=False)


def _score_rows(table: Table, name: str, block: dict[str, Any]) -> None:
    for kind in ("source", "cue", "content"):
        for mode in ("exact", "overlap"):
            row = block[kind][mode]
            table.add_row(
                name, kind, mode, *(f"{row[k]:.4f}" for k in ("precision", "recall", "f1"))
            )


def _score_table(title: str) -> Table:
    table = Table(title=title)
    for column in ("system", "span", "match", "precision", "recall", "F1"):
        table.add_column(
            column, justify="left" if column in {"system", "span", "match"} else "right"
        )
    return table


def attribution(
    directories: Annotated[
        list[Path],
        typer.Argument(
            help="PolNeAR split folders (text/ and attributions/*.ann); several are pooled."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    shared_only: Annotated[
        bool,
        typer.Option(
            "--shared-only",
            help="Score only the documents several annotators marked (quick on a large "
            "split; on train, newsrecon has seen them in training).",
        ),
    ] = False,
) -> None:
    """Attribution extraction (source, cue, content spans; exact and overlap match) on
    PolNeAR, beside the quotation-mark baseline. Documents with several annotator files are
    scored against each file and their counts averaged. On those documents the annotators'
    own agreement is scored the same way: each annotator against each other one (pairwise),
    and against the spans at least k of the others marked (consensus), beside newsrecon.

    Example: newsrecon eval attribution ../shared/corpora/polnear/data/dev --json
    """
    result: dict[str, Any] = evaluate_attribution(directories, shared_only=shared_only)
    if as_json:
        typer.echo(json.dumps(result))
        return
    table = _score_table(f"Attribution, {result['documents']} documents (PolNeAR)")
    _score_rows(table, "newsrecon", result)
    _score_rows(table, "baseline", result["baseline"])
    _OUT.print(table)
    humans = result["annotators"]
    if not humans["documents"]:
        return
    table = _score_table(
        f"Annotators' agreement, {humans['documents']} documents several annotators marked"
    )
    _score_rows(table, "annotator pairs", humans["pairwise"])
    for votes, block in humans["consensus"].items():
        _score_rows(table, f"consensus of >= {votes} others", block)
    _score_rows(table, "newsrecon", humans["newsrecon"])
    _OUT.print(table)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("quotes")(quotes)
    eval_app.command("attribution")(attribution)

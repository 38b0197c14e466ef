"""``newsrecon reuse`` (shared passages and who copied whom) and ``newsrecon eval reuse``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsrecon.api import usecases
from newsrecon.api.evaluate_reuse import evaluate_reuse
from newsrecon.api.reuse import ReuseReport, reuse
from newsrecon.cli.text import clip
from newsrecon.model.reuse import Direction
from newsrecon.report.build import to_json_value

_OUT = Console(highlight=False, soft_wrap=True)


def reuse_cmd(
    items: Annotated[list[str], typer.Argument(help="A stored story id, or files/folders/globs.")],
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
    """Passages articles share (copied narrative, shared quotations), how much of each article
    they cover, and which article likely carries the original.

    Example: newsrecon reuse ../shared/seeds
    """
    with usecases.story_store(items, db) as store:
        report = reuse(items, store=store)
    if as_json:
        typer.echo(json.dumps(_as_json(report)))
        return
    _print(report)


def _as_json(report: ReuseReport) -> dict[str, Any]:
    texts = {a.id: a.text for a in report.articles}
    return {
        "parameters": report.parameters,
        "articles": [{"id": a.id, "source": a.source, "outlet": a.outlet} for a in report.articles],
        "pairs": [to_json_value(p, texts) for p in report.pairs],
        "wire_groups": [list(g) for g in report.wire_groups],
        "provenance": [to_json_value(g, texts) for g in report.provenance],
        "rejected": [r.message() for r in report.rejected],
    }


def _print(report: ReuseReport) -> None:
    names = {a.id: f"{a.id} ({a.outlet})" for a in report.articles}
    texts = {a.id: a.text for a in report.articles}
    for r in report.rejected:
        _OUT.print(f"not analysed: {escape(r.message())}")
    if not report.pairs:
        _OUT.print(f"no shared passages among {len(report.articles)} articles")
    for p in report.pairs:
        arrow = {Direction.A_TO_B: "->", Direction.B_TO_A: "<-"}.get(p.direction, "--")
        basis = f" ({', '.join(p.basis)})" if p.basis else ""
        _OUT.print(
            f"\n{escape(names[p.article_a])} {arrow} {escape(names[p.article_b])}{basis}: "
            f"{p.share_a:.0%} / {p.share_b:.0%} of their words shared, "
            f"{p.narrative_words} words of copied narrative"
        )
        table = Table("kind", "sim", "words", "in a", "in b", show_lines=True)
        for x in p.passages:
            table.add_row(
                x.kind.value,
                f"{x.similarity:.2f}",
                str(x.words),
                escape(clip(texts[x.a.article][x.a.start : x.a.end], 160)),
                escape(clip(texts[x.b.article][x.b.start : x.b.end], 160)),
            )
        _OUT.print(table)
    _OUT.print("\nprovenance:")
    grouped = {a for g in report.provenance for a in g.articles}
    for g in report.provenance:
        head = names[g.original] if g.original else "original unknown"
        agency = f", credits {g.agency}" if g.agency else ""
        basis = f" [{', '.join(g.basis)}]" if g.basis else ""
        _OUT.print(f"  wire group: {escape(head)}{agency}{basis}")
        for a in g.copies if g.original else g.articles:
            _OUT.print(f"    {'└─ copy ' if g.original else '· '}{escape(names[a])}")
    for article in report.articles:
        if article.id not in grouped:
            _OUT.print(f"  independent: {escape(names[article.id])}")


def eval_reuse(
    directory: Annotated[
        Path, typer.Argument(help="A folder of plain-text articles (*.txt), e.g. PolNeAR text/.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the derived copies.")] = 13,
) -> None:
    """Reuse benchmark built from real articles: copies derived at run time (edited, reordered,
    truncated, embedded) with their planted spans; span-level recall and precision and the
    false-positive rate on unrelated pairs, beside a MinHash LSH + difflib baseline.

    Example: newsrecon eval reuse ../shared/corpora/polnear/data/dev/text --json
    """
    result: dict[str, Any] = evaluate_reuse(directory, seed=seed)
    if as_json:
        typer.echo(json.dumps(result))
        return
    table = Table(
        title=f"Reuse benchmark: {result['articles']} articles, "
        f"{result['planted_passages']} planted passages, "
        f"{result['unrelated_pairs']} unrelated pairs"
    )
    for column in ("system", "precision", "recall", "f1", "passages found", "FP rate unrelated"):
        table.add_column(column, justify="right")
    rows: list[tuple[str, Any]] = [
        ("newsrecon", result),
        ("MinHash LSH + difflib", result["baseline"]),
    ]
    for name, scores in rows:
        table.add_row(
            name,
            f"{scores['precision']:.4f}",
            f"{scores['recall']:.4f}",
            f"{scores['f1']:.4f}",
            f"{scores['passage_recall']:.4f}",
            f"{scores['false_positive_rate']:.4f}",
        )
    _OUT.print(table)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("reuse")(reuse_cmd)
    eval_app.command("reuse")(eval_reuse)

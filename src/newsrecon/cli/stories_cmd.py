"""``newsrecon watch`` and ``newsrecon eval stories``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from newsrecon.api import usecases
from newsrecon.api.watch import Poll, watch
from newsrecon.errors import ConfigError
from newsrecon.model import AnalysisParameters

_OUT = Console(highlight=False, soft_wrap=True)
_ERR = Console(stderr=True, highlight=False, soft_wrap=True)


def watch_cmd(
    target: Annotated[Path, typer.Argument(help="A folder to poll, or a local feed file.")],
    db: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional on 3.11
        typer.Option(
            "--db", envvar=usecases.ENV_DB, help="Store: a SQLite file or a postgresql:// URL."
        ),
    ] = None,
    interval: Annotated[
        float, typer.Option("--interval", min=0.1, help="Seconds between polls.")
    ] = 5.0,
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    similarity: Annotated[
        float,
        typer.Option(
            "--story-similarity",
            "--similarity",
            min=0.0,
            max=1.0,
            help="How alike an article must be to a story to join it (0-1).",
        ),
    ] = 0.5,
) -> None:
    """Keep ingesting new files in a folder (or new entries of a feed file), assigning each
    new article to a story as it arrives; Ctrl-C stops.

    Example: newsrecon watch ~/incoming/ --interval 30
    """
    params = AnalysisParameters(story_similarity=similarity)

    def report(poll: Poll) -> None:
        if poll.files:
            _ERR.print(
                f"{poll.files} files: {poll.new_articles} new articles, {poll.new_stories} new "
                f"stories, {poll.merged} merged, {poll.split} split, {poll.rejected} not analysed",
                markup=False,
            )

    with usecases.open_db(db) as store:
        watch(target, params, store, interval=interval, once=once, on_poll=report)


def eval_stories(
    directory: Path,
    fmt: Annotated[str, typer.Option("--format", help="Corpus layout (ecbplus).")] = "ecbplus",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    similarity: Annotated[
        float, typer.Option("--similarity", min=0.0, max=1.0, help="The story knob (0-1).")
    ] = 0.5,
    topic_similarity: Annotated[
        Optional[float],  # noqa: UP045 - typer needs Optional on 3.11
        typer.Option(
            "--topic-similarity",
            min=0.0,
            max=1.0,
            help="The topic knob (0-1; default: the calibrated one).",
        ),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Arrival-order shuffle seed.")] = 13,
) -> None:
    """Score story clustering (streaming, batch, TF-IDF baseline) on ECB+ topics and
    sub-topics: B-cubed and pairwise P/R/F1. Streaming scores its topic level (stories
    grouped into topics) against ECB+ topics and its stories against sub-topics.

    Example: newsrecon eval stories ../shared/corpora/ecbplus/topics --format ecbplus --json
    """
    if fmt != "ecbplus":
        raise ConfigError(f"unknown corpus format {fmt!r} (known: ecbplus)")
    from newsrecon.api.evaluate_stories import evaluate_stories

    result = evaluate_stories(
        directory, similarity=similarity, topic_similarity=topic_similarity, seed=seed
    )
    if as_json:
        typer.echo(json.dumps(result))
        return
    table = Table(title=f"Stories, {result['documents']} documents (ECB+)")
    for column in ("system", "level", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1"):
        table.add_column(column)
    for system in ("streaming", "batch", "baseline"):
        for level in ("topic", "subtopic"):
            row: Any = result[system][level]
            table.add_row(
                system,
                level,
                *(f"{row['b3'][k]:.3f}" for k in ("precision", "recall", "f1")),
                *(f"{row['pairwise'][k]:.3f}" for k in ("precision", "recall", "f1")),
            )
    _OUT.print(table)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("watch")(watch_cmd)
    eval_app.command("stories")(eval_stories)

"""The ``newsrecon`` command: thin wrappers over :mod:`newsrecon.api.usecases`."""

from __future__ import annotations

import dataclasses
import importlib
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from newsrecon.api import usecases
from newsrecon.cli.progress import ERR, reporter
from newsrecon.errors import ConfigError, NewsreconError
from newsrecon.model import AnalysisParameters, Article
from newsrecon.report.render import format_for_path, render
from newsrecon.report.schema import Document, json_schema

app = typer.Typer(
    name="newsrecon",
    help="Reconcile news reports across outlets: stories, who said what, what is corroborated "
    "and what is disputed, every finding with its evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
OUT = Console(highlight=False, soft_wrap=True)

DbOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional on 3.11
    typer.Option(
        "--db",
        envvar=usecases.ENV_DB,
        help="Store: a SQLite file or a postgresql:// URL (default: $NEWSRECON_DB or "
        "~/.local/share/newsrecon/newsrecon.db).",
    ),
]
Similarity = Annotated[
    float,
    typer.Option(
        "--similarity",
        "--story-similarity",
        min=0.0,
        max=1.0,
        help="How alike two articles must be to be the same story: 0 = everything is one "
        "story, 1 = only near-identical copies.",
    ),
]
MaxBytes = Annotated[
    int, typer.Option("--max-bytes", min=1, help="Refuse input files larger than this.")
]
NonEnglish = Annotated[
    bool,
    typer.Option(
        "--allow-non-english", help="Analyse non-English articles instead of rejecting them."
    ),
]
Format = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--format", "-f", help="json, md or html (default: from the output's extension)."),
]
Out = Annotated[str, typer.Option("--out", "-o", help="Output file, or - for standard output.")]
Outs = Annotated[
    list[str],
    typer.Option(
        "--out",
        "-o",
        help="Output file, or - for standard output; repeat to write several formats at once.",
    ),
]

_DEFAULTS = AnalysisParameters()


def _params(similarity: float, max_bytes: int, allow_non_english: bool) -> AnalysisParameters:
    return AnalysisParameters(
        story_similarity=similarity, max_bytes=max_bytes, allow_non_english=allow_non_english
    )


def _write(text: str, out: str) -> None:
    if out == "-":
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    try:
        Path(out).write_text(text, encoding="utf-8")
    except OSError as err:
        raise ConfigError(f"{out}: cannot write the output ({err.strerror})") from err


def _emit(doc: Document, out: str, fmt: str | None) -> None:
    kind = format_for_path(None if out == "-" else out, fmt)
    _write(render(doc, kind), out)
    if out != "-":
        stories = len(doc.stories)
        articles = sum(len(s.articles) for s in doc.stories)
        ERR.print(
            f"wrote {out} ({kind}): {stories} stories, {articles} articles, "
            f"{len(doc.rejected)} inputs not analysed",
            markup=False,
        )


@app.command()
def analyze(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    outs: Outs = ["-"],  # noqa: B006 (Typer reads the default; it is never mutated)
    fmt: Format = None,
    similarity: Similarity = _DEFAULTS.story_similarity,
    max_bytes: MaxBytes = _DEFAULTS.max_bytes,
    allow_non_english: NonEnglish = False,
    db: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--db", help="Cache parses in this store (default: in memory only)."),
    ] = None,
) -> None:
    """Group articles into stories and write a dossier for each.

    Example: newsrecon analyze ~/collected/ -o dossier.html -o dossier.json
    """
    params = _params(similarity, max_bytes, allow_non_english)
    doc = usecases.analyze(
        inputs,
        params,
        db=db,
        stdin=sys.stdin.buffer if "-" in inputs else None,
        progress=reporter(),
    )
    for out in outs:
        _emit(doc, out, fmt)


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    db: DbOption = None,
    similarity: Similarity = _DEFAULTS.story_similarity,
    max_bytes: MaxBytes = _DEFAULTS.max_bytes,
    allow_non_english: NonEnglish = False,
) -> None:
    """Add articles to the store and assign each new one to a story (incrementally).

    Example: newsrecon ingest feed.xml crawl.warc.gz notes/*.txt
    """
    params = _params(similarity, max_bytes, allow_non_english)
    with usecases.open_db(db) as store:
        result, assigned = usecases.ingest(
            inputs,
            params,
            store,
            stdin=sys.stdin.buffer if "-" in inputs else None,
            progress=reporter(),
        )
        total = len(store.stories())
    ERR.print(
        f"{result.new} new articles, {result.stored - result.new} already stored, "
        f"{len(result.rejected)} not analysed; {assigned.opened} new stories, "
        f"{len(assigned.merged)} merged, {len(assigned.split)} split, {total} stories in the store",
        markup=False,
    )


@app.command()
def stories(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per story.")] = False,
    changes: Annotated[
        bool, typer.Option("--changes", help="List the merges and splits made so far instead.")
    ] = False,
) -> None:
    """List the stories in the store, with their outlets and article counts (or, with
    --changes, every merge and split the incremental assignment made, in order).

    Example: newsrecon stories --db news.db
    """
    if changes:
        _story_changes(db, as_json)
        return
    with usecases.open_db(db) as store:
        rows = usecases.list_stories(store)
    if as_json:
        for row in rows:
            typer.echo(
                json.dumps(
                    {
                        "id": row.story.id,
                        "topic": row.story.parameters.get("topic"),
                        "title": row.story.title,
                        "articles": len(row.story.article_ids),
                        "outlets": list(row.outlets),
                        "first_published": row.first_published,
                        "last_published": row.last_published,
                    }
                )
            )
        return
    table = Table("story", "topic", "articles", "outlets", "dates", "title", title="Stories")
    for row in rows:
        dates = " – ".join(d[:10] for d in {row.first_published, row.last_published} if d)
        table.add_row(
            row.story.id,
            str(row.story.parameters.get("topic") or ""),
            str(len(row.story.article_ids)),
            ", ".join(row.outlets),
            dates,
            row.story.title,
        )
    OUT.print(table)


def _story_changes(db: Path | None, as_json: bool) -> None:
    with usecases.open_db(db) as store:
        found = usecases.story_changes(store)
    if as_json:
        for change in found:
            typer.echo(json.dumps(dataclasses.asdict(change)))
        return
    table = Table("change", "story", "other story", "articles moved", "similarity")
    table.title = "Story merges and splits"
    for c in found:
        score = "" if c.score is None else f"{c.score:.2f}"
        table.add_row(c.kind, c.story, c.other, str(len(c.articles)) if c.articles else "", score)
    OUT.print(table)


@app.command()
def show(
    item: Annotated[str, typer.Argument(help="A story id or an article id (unique prefix).")],
    db: DbOption = None,
    fmt: Format = None,
    out: Out = "-",
    removed: Annotated[
        bool, typer.Option("--removed", help="For an article: show what cleaning removed.")
    ] = False,
) -> None:
    """Show a story's dossier, or one stored article.

    Example: newsrecon show st1a2b3c --format md
    """
    with usecases.open_db(db) as store:
        try:
            doc = usecases.show_story(store, item, AnalysisParameters())
        except NewsreconError:
            article = usecases.show_article(store, item)
            _write(_article_text(article, removed), out)
            return
    _emit(doc, out, fmt or ("md" if out == "-" else None))


def _article_text(article: Article, removed: bool) -> str:
    lines = [
        f"article:   {article.id}",
        f"source:    {article.source}",
        f"outlet:    {article.outlet}  (from {article.outlet_basis})",
        f"title:     {article.title or '-'}",
        f"url:       {article.url or '-'}",
        f"published: {article.published or '-'}"
        + (f"  (from {article.published_basis})" if article.published_basis else ""),
        f"language:  {article.language}",
        "",
    ]
    if removed:
        lines.append(f"removed by cleaning ({len(article.removed)}):")
        lines += [f"  [{r.reason}] {r.text!r}" for r in article.removed] or ["  (nothing)"]
    else:
        lines.append(article.text)
    return "\n".join(lines)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to look for in the stored articles.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1)] = 20,
) -> None:
    """Full-text search over the stored articles' clean text (best first).

    Example: newsrecon search "warehouse fire"
    """
    with usecases.open_db(db) as store:
        table = Table("article", "score", "outlet", "title")
        for article_id, score in store.search(query, limit):
            article = store.get_article(article_id)
            table.add_row(article_id, f"{score:.2f}", article.outlet, article.title or "")
    OUT.print(table)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the dossier document.

    Example: newsrecon schema > dossier.schema.json
    """
    typer.echo(json.dumps(json_schema(), indent=2))


# Command modules beyond the core ones above. Each defines ``register(app, eval_app)`` adding
# its commands (``newsrecon entities``) and eval subcommands (``newsrecon eval coref``); one line
# per module here keeps this file small as capabilities land.
COMMAND_MODULES: tuple[str, ...] = (
    "newsrecon.cli.eval_timex",
    "newsrecon.cli.quotes_cmd",
    "newsrecon.cli.reuse_cmd",
    "newsrecon.cli.entities_cmd",
    "newsrecon.cli.verify_cmd",
    "newsrecon.cli.spark_cmd",
    "newsrecon.cli.stories_cmd",
)


def _register_commands() -> None:
    from newsrecon.cli.eval_cmd import eval_app

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app, eval_app)
    app.add_typer(eval_app, name="eval", help="Score newsrecon on annotated corpora.")


_register_commands()


def run() -> None:
    """Console entry point: one line per error, never a traceback for expected failures."""
    try:
        app()
    except NewsreconError as err:
        ERR.print(f"newsrecon: {err}", markup=False)
        sys.exit(err.exit_code)

"""``newsrecon entities STORY_ID`` and ``newsrecon eval coref DIR``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from newsrecon.api import usecases
from newsrecon.api.entities import story_entities
from newsrecon.api.evaluate_coref import evaluate_coref

_OUT = Console(highlight=False, soft_wrap=True)


def entities(
    story_id: Annotated[str, typer.Argument(help="A story id (see `newsrecon stories`).")],
    db: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional on 3.11
        typer.Option(
            "--db", envvar=usecases.ENV_DB, help="Store: a SQLite file or a postgresql:// URL."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the entities as JSON.")] = False,
) -> None:
    """Who is who in a story: one row per entity, its aliases with the outlets that wrote them.

    Example: newsrecon entities st1a2b3c --db news.db
    """
    with usecases.open_db(db) as store:
        rows = story_entities(store, story_id)
    if as_json:
        typer.echo(json.dumps(rows))
        return
    table = Table("entity", "type", "outlets", "mentions", "aliases (outlets)", "titles")
    for row in rows:
        aliases = "; ".join(f"{a['text']} ({len(a['outlets'])})" for a in row["aliases"])
        titles = "; ".join(f"{t['title']} ({', '.join(t['outlets'])})" for t in row["titles"])
        table.add_row(
            row["name"],
            row["type"],
            str(row["outlet_count"]),
            str(len(row["mentions"])),
            aliases,
            titles,
        )
    _OUT.print(table)


def coref(
    directory: Annotated[Path, typer.Argument(help="A corpus folder in the given layout.")],
    fmt: Annotated[str, typer.Option("--format", help="ecbplus or meantime.")] = "ecbplus",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Cross-document entity coreference (MUC, B-cubed, CEAF-e, CoNLL F1) on gold and
    predicted mentions, beside the same-head-lemma baseline, plus NER span F1 per type.

    Example: newsrecon eval coref ../shared/corpora/ecbplus/topics --format ecbplus --json
    """
    result = evaluate_coref(directory, fmt)
    if as_json:
        typer.echo(json.dumps(result))
        return
    table = Table(title=f"Entity coreference, {result['documents']} documents ({fmt})")
    for column in ("system", "MUC F1", "B3 F1", "CEAF-e F1", "CoNLL F1"):
        table.add_column(column, justify="left" if column == "system" else "right")
    names = {"gold": "newsrecon, gold mentions", "predicted": "newsrecon, predicted mentions"}
    for key in ("gold", "predicted", "baseline"):
        block: Any = result[key]
        table.add_row(
            names.get(key, "same head lemma per gold topic, gold mentions"),
            *(f"{block[m]['f1']:.4f}" for m in ("muc", "b3", "ceafe")),
            f"{block['conll']:.4f}",
        )
    _OUT.print(table)
    ner: Any = result["ner"]
    ner_table = Table("type", "precision", "recall", "F1", title="NER span F1 (head match)")
    for name, row in ner.items():
        ner_table.add_row(name, *(f"{row[k]:.4f}" for k in ("precision", "recall", "f1")))
    _OUT.print(ner_table)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("entities")(entities)
    eval_app.command("coref")(coref)

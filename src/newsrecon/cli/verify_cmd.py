"""``newsrecon verify`` and the claim evals (``eval consistency``, ``eval conflicts``)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from newsrecon.api import usecases
from newsrecon.api.evaluate_claims import evaluate_conflicts, evaluate_consistency
from newsrecon.api.verify import Verification, verify_files, verify_story
from newsrecon.errors import InputError
from newsrecon.model import AnalysisParameters

_OUT = Console(highlight=False, soft_wrap=True)


def verify(
    claim: Annotated[str, typer.Argument(help="The claim to check, in quotes.")],
    inputs: Annotated[
        Optional[list[str]],  # noqa: UP045 - typer needs Optional on 3.11
        typer.Argument(help="Article files or folders (or use --story)."),
    ] = None,
    story: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--story", help="Check against a stored story instead of files."),
    ] = None,
    db: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--db",
            envvar=usecases.ENV_DB,
            help="Store (SQLite file or postgresql:// URL) for --story.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Say whether articles support, contradict or do not mention a claim, with evidence.

    Example: newsrecon verify "the bridge collapsed on Tuesday" examples/
    """
    params = AnalysisParameters()
    if story and inputs:
        raise InputError("verify", "give either --story or files, not both")
    if story:
        with usecases.open_db(db) as store:
            result = verify_story(claim, store, story, params)
    elif inputs:
        result = verify_files(claim, inputs, params)
    else:
        raise InputError("verify", "nothing to check against: give files or --story ID")
    if as_json:
        typer.echo(json.dumps(_as_dict(result)))
        return
    _OUT.print(f"{result.verdict.upper()}: {result.claim}", markup=False)
    for label, outlets in (
        ("supported by", result.supporting_outlets),
        ("contradicted by", result.contradicting_outlets),
    ):
        if outlets:
            _OUT.print(f"  {label}: {', '.join(outlets)}", markup=False)
    for title, side in (("supporting", result.supporting), ("contradicting", result.contradicting)):
        if not side:
            continue
        table = Table("outlet", "similarity", "evidence", "why", title=title)
        for e in side:
            table.add_row(e.outlet, f"{e.similarity:.2f}", e.text, "; ".join(e.reasons))
        _OUT.print(table)


def _as_dict(result: Verification) -> dict[str, Any]:
    return dataclasses.asdict(result)


def consistency(
    path: Annotated[Path, typer.Argument(help="A SummEdits JSON file, or a folder of them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Summary-versus-document consistency (SummEdits): balanced accuracy, beside the majority
    class. Positive class: inconsistent.

    Example: newsrecon eval consistency ../shared/corpora/summedits_dev/summedits_ectsum.json --json
    """
    _print(evaluate_consistency(path), as_json, "Consistency (SummEdits)", "balanced_accuracy")


def conflicts(
    directory: Annotated[Path, typer.Argument(help="A folder of plain-text news (*.txt).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Conflict precision/recall on pairs generated (fixed seed) from real sentences with one
    slot perturbed, plus true paraphrase-ish and unrelated pairs.

    Example: newsrecon eval conflicts ../shared/corpora/polnear/data --json
    """
    _print(evaluate_conflicts(directory), as_json, "Conflicts (generated pairs)", "f1")


def _print(result: dict[str, Any], as_json: bool, title: str, main: str) -> None:
    if as_json:
        typer.echo(json.dumps(result))
        return
    table = Table("system", main, "precision", "recall", title=f"{title}, {result['pairs']} pairs")
    for name, row in (("newsrecon", result), (result["baseline"]["system"], result["baseline"])):
        table.add_row(name, *(f"{row[k]:.3f}" for k in (main, "precision", "recall")))
    _OUT.print(table)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("verify")(verify)
    eval_app.command("consistency")(consistency)
    eval_app.command("conflicts")(conflicts)

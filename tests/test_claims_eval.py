"""The claim evals' loaders, scores and benchmark generator on fictional data, and verify."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsrecon.cli.main import app
from newsrecon.errors import CorpusError, NotFound
from newsrecon.evaluation.conflict_bench import generate
from newsrecon.evaluation.summedits import load_summedits, score_binary
from tests.fixtures import BRIDGE, BRIDGE_2, ELECTION


@pytest.mark.parametrize(
    ("gold", "predicted", "balanced", "precision", "recall"),
    [
        ([True, True, False, False], [True, False, False, False], 0.75, 1.0, 0.5),
        ([True, True, False, False], [True, True, True, True], 0.5, 0.5, 1.0),
        ([True, False], [False, True], 0.0, 0.0, 0.0),
    ],
)
def test_binary_scores(
    gold: list[bool], predicted: list[bool], balanced: float, precision: float, recall: float
) -> None:
    scores = score_binary(gold, predicted)
    assert (scores.balanced_accuracy, scores.precision, scores.recall) == (
        balanced,
        precision,
        recall,
    )


def test_summedits_loader_reads_only_what_a_checker_may_see(tmp_path: Path) -> None:
    path = tmp_path / "pairs.json"
    rows = [{"id": "x", "doc": "D", "summary": "S", "label": 0, "original_summary": "O"}]
    path.write_text(json.dumps(rows))
    (pair,) = load_summedits(path)
    assert (pair.doc, pair.summary, pair.consistent) == ("D", "S", False)
    path.write_text("{}")
    with pytest.raises(CorpusError, match=r"pairs\.json"):
        load_summedits(path)


def test_benchmark_is_reproducible_and_labelled(tmp_path: Path) -> None:
    for n, text in enumerate((BRIDGE, BRIDGE_2, ELECTION)):
        (tmp_path / f"{n}.txt").write_text(text)
    first, second = generate(tmp_path, 5), generate(tmp_path, 5)
    assert first == second and first
    for pair in first:
        assert pair.left != pair.right
        assert pair.conflict == (pair.kind in {"number", "date", "negation", "name"})
        if pair.kind in {"spelling", "alias"}:
            assert not pair.conflict
    with pytest.raises(CorpusError):
        generate(tmp_path / "absent", 5)


def test_verify_on_files(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ELECTION)
    runner = CliRunner()
    args = ["verify", "Turnout in Qestria was 61 percent, the board said.", str(tmp_path), "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    supported = json.loads(result.output)
    assert supported["verdict"] == "supported" and supported["supporting_outlets"]
    args[1] = "Turnout in Qestria was 85 percent, the board said."
    flipped = json.loads(runner.invoke(app, args).output)
    assert flipped["verdict"] == "contradicted" and flipped["contradicting"]


def test_verify_on_a_stored_story(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text(ELECTION)
    db = str(tmp_path / "news.db")
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    listed = runner.invoke(app, ["stories", "--db", db, "--json"])
    story = json.loads(listed.output.splitlines()[0])
    story_id = story.get("id") or story["story_id"]
    claim = "Turnout in Qestria was 85 percent, the board said."
    result = runner.invoke(app, ["verify", claim, "--story", story_id, "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["verdict"] == "contradicted" and answer["contradicting_outlets"]
    missing = runner.invoke(app, ["verify", claim, "--story", "st-none", "--db", db])
    assert isinstance(missing.exception, NotFound) and "st-none" in str(missing.exception)

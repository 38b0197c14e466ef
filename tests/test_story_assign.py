"""Incremental assignment through the store (ingest, watch) and the clustering scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsrecon.api.runner import Runner
from newsrecon.api.story_assign import assign_stories
from newsrecon.api.watch import watch
from newsrecon.errors import InputError
from newsrecon.evaluation.clustering import bcubed, pairwise
from newsrecon.evaluation.metrics import PRF
from newsrecon.model import AnalysisParameters
from newsrecon.store.base import open_store
from tests.fixtures import BRIDGE, BRIDGE_2, ELECTION


@pytest.mark.parametrize(
    ("predicted", "gold", "b3", "pairs"),
    [
        ({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "y"}, PRF(1, 1, 1), PRF(1, 1, 1)),
        (
            {"a": 1, "b": 1, "c": 1},
            {"a": "x", "b": "x", "c": "y"},
            PRF(5 / 9, 1.0, 2 * (5 / 9) / (5 / 9 + 1)),
            PRF(1 / 3, 1.0, 0.5),
        ),
        (
            {"a": 1, "b": 2, "c": 3},
            {"a": "x", "b": "x", "c": "y"},
            PRF(1.0, 2 / 3, 0.8),
            PRF(1.0, 0.0, 0.0),
        ),
    ],
)
def test_bcubed_and_pairwise(
    predicted: dict[str, int], gold: dict[str, str], b3: PRF, pairs: PRF
) -> None:
    for got, want in ((bcubed(predicted, gold), b3), (pairwise(predicted, gold), pairs)):
        assert (got.precision, got.recall, got.f1) == pytest.approx(
            (want.precision, want.recall, want.f1)
        )


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_watch_once_assigns_new_files_and_a_second_poll_adds_only_the_new_one(
    tmp_path: Path,
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _write(inbox, "larrow-courier.txt", BRIDGE)
    _write(inbox, "qestria-daily.txt", ELECTION)
    with open_store(tmp_path / "db.sqlite") as store:
        params = AnalysisParameters()
        first = watch(inbox, params, store, once=True)
        assert first[0].new_articles == 2 and first[0].new_stories == 2
        _write(inbox, "coast-post.txt", BRIDGE_2)
        second = watch(inbox, params, store, once=True)
        # The folder is re-listed (a fresh watch): stored files are skipped by content.
        assert second[0].new_articles == 1 and second[0].new_stories == 0
        stories = store.stories()
        assert sorted(len(s.article_ids) for s in stories) == [1, 2]
        kinds = [e["kind"] for e in store.story_events()]
        assert kinds.count("opened") == 2 and kinds.count("joined") == 1


def test_ingest_again_changes_nothing_and_resumes_the_stored_stream(tmp_path: Path) -> None:
    with open_store(":memory:") as store:
        runner = Runner(store, AnalysisParameters())
        path = tmp_path / "a.txt"
        path.write_text(BRIDGE, encoding="utf-8")
        articles = runner.ingest([str(path)]).articles
        done = assign_stories(runner, articles, embed=False)
        assert done.opened == 1
        again = assign_stories(runner, articles, embed=False)
        assert again.assigned == 0
        other = tmp_path / "b.txt"
        other.write_text(BRIDGE_2, encoding="utf-8")
        later = assign_stories(runner, runner.ingest([str(other)]).articles, embed=False)
        assert later.opened == 0 and later.assigned == 1
        (story,) = store.stories()
        assert len(story.article_ids) == 2
        assert story.parameters["similarity"] == 0.5
        assert "embedding" in story.parameters["features"]


def test_watch_refuses_a_missing_target(tmp_path: Path) -> None:
    with open_store(":memory:") as store, pytest.raises(InputError, match="no such folder"):
        watch(tmp_path / "nope", AnalysisParameters(), store, once=True)


@pytest.mark.corpus
@pytest.mark.slow
def test_ecbplus_sample_streaming_beats_the_tfidf_baseline_on_events() -> None:
    from newsrecon.api.evaluate_stories import evaluate_stories
    from tests.conftest import CORPORA, require

    topics = require(CORPORA / "ecbplus" / "topics")
    result = evaluate_stories(topics, topics=("1", "3"))
    assert result["topics"] == 2 and result["subtopics"] == 4
    stream, base = result["streaming"]["subtopic"], result["baseline"]["subtopic"]
    for scores in (stream, base, result["batch"]["subtopic"]):
        assert 0.0 <= scores["b3"]["f1"] <= 1.0
    # Two topics of different kinds of event never share a story.
    assert result["streaming"]["topic"]["b3"]["precision"] >= 0.95
    assert stream["b3"]["f1"] > base["b3"]["f1"]

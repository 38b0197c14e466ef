"""The topic level above streamed stories, on fictional articles: two earthquakes a year apart
are two stories in one topic, an unrelated election is another topic; topics are recorded in
the store with stable ids and resume from stored state."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsrecon.api.runner import Runner
from newsrecon.api.story_assign import assign_stories
from newsrecon.model import AnalysisParameters
from newsrecon.pipeline.story_signals import (
    ArticleSignals,
    day_number,
    light_entity_keys,
    make_signals,
)
from newsrecon.pipeline.story_stream import StoryIndex
from newsrecon.pipeline.story_topics import TopicLayer, topic_id_for
from newsrecon.store.base import open_store
from tests.fixtures import BRIDGE, ELECTION
from tests.test_story_stream import QUAKE, QUAKE_2, QUAKE_NEXT_YEAR

ROWS = [
    ("q1", QUAKE, date(2024, 3, 4)),
    ("e1", ELECTION, date(2024, 3, 5)),
    ("q2", QUAKE_2, date(2024, 3, 5)),
    ("q3", QUAKE_NEXT_YEAR, date(2025, 3, 10)),
]


def _signals(rows: list[tuple[str, str, date]]) -> list[ArticleSignals]:
    return make_signals(
        [r[0] for r in rows],
        [day_number(r[2]) for r in rows],
        [r[1] for r in rows],
        [light_entity_keys(r[1]) for r in rows],
    )


def _run(items: list[ArticleSignals], batch: int) -> tuple[dict[str, str], dict[str, str]]:
    index, layer = StoryIndex(), TopicLayer.fresh()
    stories: dict[str, str] = {}
    for start in range(0, len(items), batch):
        chunk = items[start : start + batch]
        placed = index.assign(chunk)
        index.close_stale()
        layer.place(chunk, placed)
        stories.update((a.article_id, a.story_id) for a in placed)
    topics = {a: layer.topic_of(s) or "" for a, s in stories.items()}
    return stories, topics


@pytest.mark.parametrize("batch", [1, 2, 64])
@pytest.mark.parametrize(
    ("same_story", "same_topic", "expected"),
    [
        ("q1", "q2", (True, True)),  # one earthquake, two reports
        ("q1", "q3", (False, True)),  # the same kind of event a year later
        ("q1", "e1", (False, False)),  # an unrelated election
        ("q3", "e1", (False, False)),
    ],
)
def test_stories_nest_in_topics(
    batch: int, same_story: str, same_topic: str, expected: tuple[bool, bool]
) -> None:
    stories, topics = _run(_signals(ROWS), batch)
    a, b = same_story, same_topic
    assert (stories[a] == stories[b], topics[a] == topics[b]) == expected


@pytest.mark.parametrize("batch", [1, 3, 64])
def test_every_story_lies_in_one_topic_with_a_stable_id(batch: int) -> None:
    stories, topics = _run(_signals(ROWS), batch)
    by_story: dict[str, set[str]] = {}
    for article, story in stories.items():
        by_story.setdefault(story, set()).add(topics[article])
    assert all(len(t) == 1 for t in by_story.values())
    # A topic is named after the article that founded it (the first quake report here).
    assert topics["q1"] == topic_id_for("q1") and topics["e1"] == topic_id_for("e1")


def test_topics_are_recorded_in_the_store_and_resume(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.sqlite") as store:
        runner = Runner(store, AnalysisParameters())
        paths = []
        for name, text in [("q1", QUAKE), ("e1", ELECTION), ("b1", BRIDGE)]:
            path = tmp_path / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        assign_stories(runner, runner.ingest(paths).articles, embed=False)
        first = {s.id: s.parameters["topic"] for s in store.stories()}
        assert len(first) == 3 and all(t and t.startswith("tp") for t in first.values())
        assert len(set(first.values())) == 3
        later = tmp_path / "q2.txt"
        later.write_text(QUAKE_2, encoding="utf-8")
        assign_stories(runner, runner.ingest([str(later)]).articles, embed=False)
        after = {s.id: s.parameters["topic"] for s in store.stories()}
        assert after == first  # joined the quake story: no new story, same topics
        data, open_topics = store.topic_state("default")
        assert data is not None and len(open_topics) == 3
        assert "topics" in next(iter(store.stories())).parameters


def test_a_topic_merge_rewrites_the_retired_topic_of_stored_stories() -> None:
    from newsrecon.model import Story
    from newsrecon.model.story_stream import StreamUpdate

    with open_store(":memory:") as store:
        opened = (Story("st1", (), "one", {}), Story("st2", (), "two", {}))
        store.apply_stream_update(
            StreamUpdate(opened, story_topics=(("st1", "tpA"), ("st2", "tpB"))), "default"
        )
        assert store.story_topics(["st1", "st2", "st9"]) == {"st1": "tpA", "st2": "tpB"}
        store.apply_stream_update(StreamUpdate(topic_merges=(("tpA", "tpB"),)), "default")
        assert {s.id: s.parameters["topic"] for s in store.stories()} == {
            "st1": "tpA",
            "st2": "tpA",
        }


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        # perfect: every gold cluster in one predicted cluster, nothing mixed
        ({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "y"}, ({"1": 2}, 0)),
        # gold x split in two predicted clusters
        ({"a": 1, "b": 2, "c": 3}, {"a": "x", "b": "x", "c": "y"}, ({"1": 1, "2": 1}, 0)),
        # everything in one predicted cluster: nothing split, one cluster mixed
        ({"a": 1, "b": 1, "c": 1}, {"a": "x", "b": "x", "c": "y"}, ({"1": 2}, 1)),
        # x spread over three clusters, one of which also holds y
        (
            {"a": 1, "b": 2, "c": 3, "d": 3},
            {"a": "x", "b": "x", "c": "x", "d": "y"},
            ({"1": 1, "3": 1}, 1),
        ),
        ({}, {}, ({}, 0)),
    ],
)
def test_fragmentation_counts_split_and_mixed_clusters(
    predicted: dict[str, int], gold: dict[str, str], expected: tuple[dict[str, int], int]
) -> None:
    from newsrecon.evaluation.clustering import fragmentation

    profile = fragmentation(predicted, gold)
    assert (profile["split"], profile["mixed"]) == expected


def test_fragmentation_refuses_different_items() -> None:
    from newsrecon.evaluation.clustering import fragmentation

    with pytest.raises(ValueError, match="same items"):
        fragmentation({"a": 1}, {"b": "x"})


@pytest.mark.parametrize(
    ("similarity", "weights", "unused"),
    [
        (None, None, {"entities"}),
        (0.3, {"embedding": 1.0, "text": 0.0, "entities": 0.0}, {"text", "entities"}),
        (0.7, {"embedding": 0.4, "text": 0.3, "entities": 0.3}, set()),
    ],
)
def test_topic_parameters_record_the_knob_threshold_and_features(
    similarity: float | None, weights: dict[str, float] | None, unused: set[str]
) -> None:
    from newsrecon.pipeline.story_stream import stream_threshold_for
    from newsrecon.pipeline.story_topics import DEFAULT_TOPIC_SIMILARITY

    knob = DEFAULT_TOPIC_SIMILARITY if similarity is None else similarity
    params = TopicLayer.fresh(knob, weights).parameters()
    assert params["similarity"] == knob
    assert params["threshold"] == pytest.approx(stream_threshold_for(knob))
    assert params["time_window_days"] is None
    features = params["features"]
    assert set(features) == {"embedding", "text", "entities"}
    assert {name for name, text in features.items() if text.startswith("not used")} == unused

"""Story splits on fictional vectors: a story whose articles form two groups splits (the
founder's part keeps the id), a coherent one never does, the split is stored and listed, and
the result depends only on the arrivals."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from newsrecon.api.runner import Runner
from newsrecon.api.usecases import story_changes
from newsrecon.model import AnalysisParameters, Story
from newsrecon.model.story_stream import StoryEvent, StreamUpdate
from newsrecon.pipeline.story_codec import story_from_bytes, story_to_bytes
from newsrecon.pipeline.story_members import MAX_MEMBERS, SplitPolicy
from newsrecon.pipeline.story_signals import ArticleSignals
from newsrecon.pipeline.story_splits import Split, apply_split, split_changed, two_groups
from newsrecon.pipeline.story_stream import StoryIndex, story_id_for
from newsrecon.store.base import open_store
from tests.fixtures import BRIDGE, BRIDGE_2, ELECTION

DIM = 16
# Two fictional events: each has its own direction, terms and entity keys.
GROUPS = {"a": (0, range(1, 9), (101, 102)), "b": (1, range(21, 29), (201, 202))}


def article(name: str, noise: int = 0) -> ArticleSignals:
    """``name`` like ``a3``: an article of group ``a``; ``noise`` seeds a small wobble."""
    axis, terms, ents = GROUPS[name[0]]
    rng = np.random.default_rng(noise + 97 * int(name[1:]))
    vec = np.zeros(DIM, dtype=np.float32)
    vec[axis] = 1.0
    vec += rng.normal(0, 0.08, DIM).astype(np.float32)
    vec /= np.linalg.norm(vec)
    picked = np.array(sorted(rng.choice(list(terms), 6, replace=False)), dtype=np.int32)
    return ArticleSignals(
        name,
        math.nan,
        picked,
        np.ones(len(picked), dtype=np.float32),
        np.array(ents, dtype=np.int32),
        vec,
    )


def forced_story(names: list[str], policy: SplitPolicy | None = None) -> tuple[StoryIndex, str]:
    """One story holding ``names`` in that order (the first founds it; the rest are put in
    it whatever their similarity, as a chain of bridging articles would)."""
    index = StoryIndex(split_policy=policy or SplitPolicy())
    (opened,) = index.assign([article(names[0])])
    rest = [article(n) for n in names[1:]]
    index.assign(rest, {a.article_id: opened.story_id for a in rest})
    return index, opened.story_id


@pytest.mark.parametrize(
    ("names", "policy", "stays", "moves"),
    [
        # two clear groups, arriving interleaved: the founder's group keeps the id
        (["a1", "b1", "a2", "b2", "a3", "b3"], None, {"a1", "a2", "a3"}, ("b1", "b2", "b3")),
        (["b2", "a1", "a2", "b1", "a3"], SplitPolicy(min_part=2), {"b2", "b1"}, ("a1", "a2", "a3")),
        (["b2", "a1", "a2", "b1", "a3"], None, None, None),  # default: 3 articles a part
        # one coherent event: never split
        (["a1", "a2", "a3", "a4", "a5", "a6"], None, None, None),
        # the other group is a single article: below the minimal part
        (["a1", "a2", "a3", "a4", "b1"], None, None, None),
        (["a1", "b1", "a2", "b2"], SplitPolicy(min_part=3), None, None),
        # above the size cap: not looked at
        (["a1", "b1", "a2", "b2", "a3", "b3"], SplitPolicy(max_size=5), None, None),
        (["a1", "b1", "a2", "b2", "a3", "b3"], SplitPolicy(enabled=False), None, None),
    ],
)
def test_a_story_splits_only_into_two_coherent_groups(
    names: list[str],
    policy: SplitPolicy | None,
    stays: set[str] | None,
    moves: tuple[str, ...] | None,
) -> None:
    index, sid = forced_story(names, policy)
    splits = split_changed(index, {sid})
    if stays is None or moves is None:
        assert splits == []
        assert set(index.open) == {sid} and index.open[sid].size == len(names)
        return
    (split,) = splits
    assert split.story_id == sid and split.moved == moves
    assert split.new_story_id == story_id_for(moves[0])  # the founder rule: earliest article
    assert split.between < index.threshold <= min(split.within)
    kept, new = index.open[sid], index.open[split.new_story_id]
    assert kept.members is not None and new.members is not None
    assert {m.article_id for m in kept.members} == stays and kept.size == len(stays)
    assert tuple(m.article_id for m in new.members) == moves and new.founder == moves[0]


def test_after_a_split_new_articles_join_the_right_part_and_ids_stay() -> None:
    index, sid = forced_story(["a1", "b1", "a2", "b2", "a3", "b3"])
    (split,) = split_changed(index, {sid})
    placed = index.assign([article("b4"), article("a4")])
    assert [(p.article_id, p.story_id, p.opened) for p in placed] == [
        ("b4", split.new_story_id, False),
        ("a4", sid, False),
    ]
    assert split_changed(index, {p.story_id for p in placed}) == []


def run_twice(order: list[str]) -> list[list[Split]]:
    outcomes = []
    for _ in range(2):
        index, sid = forced_story(order)
        outcomes.append(split_changed(index, [sid, "st-unknown"]))
    return outcomes


@pytest.mark.parametrize(
    "order", [["a1", "b1", "a2", "b2", "a3", "b3"], ["b3", "b1", "a2", "a1", "b2", "a3"]]
)
def test_splits_depend_only_on_the_arrivals(order: list[str]) -> None:
    first, second = run_twice(order)
    assert first == second and len(first) == 1


def test_members_survive_the_stored_summary_and_a_resumed_story_can_split() -> None:
    index, sid = forced_story(["a1", "b1", "a2", "b2", "a3", "b3"])
    story = index.open[sid]
    again = story_from_bytes(story_to_bytes(story))
    assert again.members is not None and story.members is not None
    assert [m.article_id for m in again.members] == [m.article_id for m in story.members]
    for got, want in zip(again.members, story.members, strict=True):
        assert np.array_equal(got.terms, want.terms) and np.allclose(got.text, want.text)
        assert got.embedding is not None and want.embedding is not None
        assert np.allclose(got.embedding, want.embedding)
    index.open[sid] = again
    assert len(split_changed(index, {sid})) == 1


def test_a_large_story_drops_its_members() -> None:
    names = [f"a{i}" for i in range(1, MAX_MEMBERS + 3)]
    index, sid = forced_story(names)
    assert index.open[sid].members is None
    assert split_changed(index, {sid}) == []


@pytest.mark.parametrize(
    ("similarity", "groups"),
    [
        (np.array([[1, 0.9, 0.1], [0.9, 1, 0.2], [0.1, 0.2, 1.0]]), [{0, 1}, {2}]),
        (
            np.array(
                [[1, 0.1, 0.8, 0.1], [0.1, 1, 0.1, 0.7], [0.8, 0.1, 1, 0.2], [0.1, 0.7, 0.2, 1]]
            ),
            [{0, 2}, {1, 3}],
        ),
    ],
)
def test_two_groups_is_average_linkage_cut_in_two(
    similarity: np.ndarray, groups: list[set[int]]
) -> None:
    labels = two_groups(similarity.astype(np.float64))
    got = [set(np.flatnonzero(labels == k).tolist()) for k in (0, 1)]
    assert sorted(got, key=min) == groups


def test_a_split_is_stored_and_listed(tmp_path: Path) -> None:
    paths = []
    for i, text in enumerate((BRIDGE, BRIDGE_2, ELECTION, ELECTION + "\nMore later.")):
        path = tmp_path / f"n{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    with open_store(":memory:") as store:
        runner = Runner(store, AnalysisParameters())
        ids = [a.id for a in runner.ingest(paths).articles]
        store.apply_stream_update(
            StreamUpdate(
                (Story("st1", (), "one", {}),), tuple(("st1", i) for i in ids), topic_index=None
            ),
            "default",
        )
        moved = tuple(ids[2:])
        store.apply_stream_update(
            StreamUpdate(
                (Story("st2", (), "two", {}),),
                events=tuple(StoryEvent("split", "st1", a, "st2", 0.1) for a in moved),
                splits=(("st1", "st2", moved),),
            ),
            "default",
        )
        assert store.get_story("st1").article_ids == tuple(ids[:2])
        assert store.get_story("st2").article_ids == moved
        events = [e for e in store.story_events("st1") if e["kind"] == "split"]
        assert [(e["article_id"], e["other_story"]) for e in events] == [(a, "st2") for a in moved]
        assert store.story_events("st2") == events
        changes = story_changes(store)
        assert [(c.kind, c.story, c.other, c.articles) for c in changes] == [
            ("split", "st1", "st2", moved)
        ]


def test_ingest_records_a_split_with_its_new_story_topic_and_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The API's bookkeeping around a split (the decision itself is tested above): a split
    that moves a story's latest article out is stored, titled, placed in the parent's topic,
    counted, and its summary is kept open for the stream to resume."""
    from newsrecon.api import story_assign

    def split_latest(index: StoryIndex, ids: set[str]) -> list[Split]:
        out = []
        for sid in sorted(ids):
            story = index.open.get(sid)
            if story is not None and story.members is not None and len(story.members) >= 2:
                moved = (story.members[-1].article_id,)
                split = Split(sid, story_id_for(moved[0]), moved, 0.1, (1.0, 1.0))
                apply_split(index, split)
                out.append(split)
        return out

    monkeypatch.setattr(story_assign, "split_changed", split_latest)
    paths = []
    for i, text in enumerate((BRIDGE, BRIDGE_2)):
        path = tmp_path / f"n{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    with open_store(":memory:") as store:
        runner = Runner(store, AnalysisParameters())
        first, second = runner.ingest(paths).articles
        result = story_assign.assign_stories(runner, [first, second], embed=False)
        assert result.opened == 1 and len(result.split) == 1
        parent, new = story_id_for(first.id), story_id_for(second.id)
        stories = {s.id: s for s in store.stories()}
        assert set(stories) == {parent, new}
        assert stories[new].article_ids == (second.id,) and stories[new].title
        assert stories[new].parameters["topic"] == stories[parent].parameters["topic"]
        assert "average-linkage" in stories[parent].parameters["splits"]
        kinds = [(e["kind"], e["story_id"], e["other_story"]) for e in store.story_events()]
        assert ("split", parent, new) in kinds
        _, open_summaries = store.stream_state("default")
        assert sorted(story_from_bytes(b).story_id for b in open_summaries) == sorted([parent, new])

"""Incremental story assignment on fictional articles: joins, time, stable ids, bounded memory,
batch-size invariance, resuming from stored state."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecon.errors import ConfigError
from newsrecon.pipeline.story_codec import (
    index_to_bytes,
    restore_index,
    story_from_bytes,
    story_to_bytes,
)
from newsrecon.pipeline.story_signals import (
    ArticleSignals,
    day_number,
    light_entity_keys,
    make_signals,
)
from newsrecon.pipeline.story_stream import (
    StoryIndex,
    story_id_for,
    stream_threshold_for,
)
from tests.fixtures import BRIDGE, BRIDGE_2, ELECTION

QUAKE = (
    "A strong earthquake struck the fictional valley of Orsk on Monday, toppling the Kessel "
    "Mill and damaging the Orsk Valley Hospital, regional governor Petra Lind said. Rescue "
    "teams from Dunmore searched the rubble of the mill through the night."
)
QUAKE_2 = (
    "Rescuers from Dunmore dug through the ruins of the Kessel Mill after an earthquake hit the "
    "Orsk valley, governor Petra Lind told reporters. The Orsk Valley Hospital was damaged and "
    "patients were moved to tents."
)
QUAKE_NEXT_YEAR = (
    "An earthquake struck the fictional valley of Orsk again on Monday, damaging the Orsk "
    "Valley Hospital, governor Petra Lind said. Rescue teams from Dunmore searched the area."
)
POOL = [BRIDGE, BRIDGE_2, ELECTION, QUAKE, QUAKE_2, QUAKE_NEXT_YEAR]


def signals(rows: list[tuple[str, str, date | None]]) -> list[ArticleSignals]:
    return make_signals(
        [r[0] for r in rows],
        [day_number(r[2]) for r in rows],
        [r[1] for r in rows],
        [light_entity_keys(r[1]) for r in rows],
    )


def run(items: list[ArticleSignals], batch: int = 64, **kw: object) -> dict[str, str]:
    index = StoryIndex(**kw)  # type: ignore[arg-type]
    out: dict[str, str] = {}
    retired: dict[str, str] = {}
    for start in range(0, len(items), batch):
        for a in index.assign(items[start : start + batch]):
            out[a.article_id] = a.story_id
            retired.update(dict.fromkeys(a.merged, a.story_id))
        index.close_stale()
    for article, story in out.items():
        while story in retired:
            story = retired[story]
        out[article] = story
    return out


@pytest.mark.parametrize(
    ("rows", "together", "apart"),
    [
        (
            [
                ("bridge", BRIDGE, date(2024, 3, 5)),
                ("vote", ELECTION, date(2024, 3, 5)),
                ("bridge-2", BRIDGE_2, date(2024, 3, 6)),
            ],
            [("bridge", "bridge-2")],
            [("bridge", "vote")],
        ),
        (
            [
                ("quake", QUAKE, date(2024, 6, 3)),
                ("quake-2", QUAKE_2, date(2024, 6, 4)),
                ("quake-later", QUAKE_NEXT_YEAR, date(2025, 6, 2)),
            ],
            [("quake", "quake-2")],
            [("quake", "quake-later"), ("quake-2", "quake-later")],
        ),
        (  # undated: time cannot separate, the text still joins the same event
            [("quake", QUAKE, None), ("quake-2", QUAKE_2, None), ("vote", ELECTION, None)],
            [("quake", "quake-2")],
            [("quake", "vote")],
        ),
    ],
)
def test_same_event_joins_and_other_events_or_years_do_not(
    rows: list[tuple[str, str, date | None]],
    together: list[tuple[str, str]],
    apart: list[tuple[str, str]],
) -> None:
    labels = run(signals(rows))
    for a, b in together:
        assert labels[a] == labels[b]
    for a, b in apart:
        assert labels[a] != labels[b]


def test_same_kind_of_event_a_year_later_joins_only_without_dates() -> None:
    rows = [("quake", QUAKE, date(2024, 6, 3)), ("later", QUAKE_NEXT_YEAR, date(2025, 6, 2))]
    dated = run(signals(rows), similarity=0.3)
    undated = run(signals([(i, t, None) for i, t, _ in rows]), similarity=0.3)
    assert dated["quake"] != dated["later"]
    assert undated["quake"] == undated["later"]


def test_story_ids_come_from_the_founder_and_are_stable() -> None:
    rows = [("bridge", BRIDGE, None), ("bridge-2", BRIDGE_2, None), ("vote", ELECTION, None)]
    first, again = run(signals(rows)), run(signals(rows))
    assert first == again
    assert first["bridge"] == first["bridge-2"] == story_id_for("bridge")
    assert first["vote"] == story_id_for("vote")


def test_open_stories_are_bounded_by_the_window_and_the_cap() -> None:
    rows: list[tuple[str, str, date | None]] = [
        (f"a{i}", POOL[i % len(POOL)] + f" Item {i}.", date(2024, 1, 1 + i // 2)) for i in range(40)
    ]
    index = StoryIndex(similarity=0.99, window_days=2.0, max_open=5)
    items = signals(rows)
    for start in range(0, len(items), 4):
        index.assign(items[start : start + 4])
        index.close_stale()
        assert len(index.open) <= 5
        assert all(s.last_day >= index.newest_day - 2 * 2.0 for s in index.open.values())


@settings(max_examples=25, deadline=None)
@given(
    picks=st.lists(
        st.tuples(st.integers(0, len(POOL) - 1), st.one_of(st.none(), st.integers(0, 400))),
        min_size=1,
        max_size=14,
    ),
    batch=st.integers(1, 6),
    similarity=st.floats(0.05, 0.95),
)
def test_batch_size_never_changes_the_stories(
    picks: list[tuple[int, int | None]], batch: int, similarity: float
) -> None:
    rows = [
        (f"a{i}", POOL[p] + f" Note {i}.", None if d is None else date.fromordinal(738000 + d))
        for i, (p, d) in enumerate(picks)
    ]
    one = run(signals(rows), batch=1, similarity=similarity, window_days=math.inf)
    many = run(signals(rows), batch=batch, similarity=similarity, window_days=math.inf)
    assert one == many
    assert set(one) == {r[0] for r in rows}  # every article placed exactly once


def test_resuming_from_stored_bytes_continues_the_same_stream() -> None:
    rows = [
        ("bridge", BRIDGE, date(2024, 3, 5)),
        ("vote", ELECTION, date(2024, 3, 5)),
        ("bridge-2", BRIDGE_2, date(2024, 3, 6)),
        ("quake", QUAKE, date(2024, 3, 7)),
        ("quake-2", QUAKE_2, date(2024, 3, 7)),
    ]
    items = signals(rows)
    whole = StoryIndex()
    expected = [a.story_id for a in whole.assign(items)]
    first = StoryIndex()
    got = [a.story_id for a in first.assign(items[:2])]
    blobs = [story_to_bytes(s) for s in first.open.values()]
    resumed = restore_index(index_to_bytes(first), blobs, first.similarity, first.max_open)
    got += [a.story_id for a in resumed.assign(items[2:])]
    assert got == expected
    story = next(iter(first.open.values()))
    back = story_from_bytes(story_to_bytes(story))
    assert back.story_id == story.story_id and np.array_equal(back.terms, story.terms)


@pytest.mark.parametrize("bad", [-0.1, 1.5, math.nan])
def test_knob_out_of_range_is_refused(bad: float) -> None:
    with pytest.raises(ConfigError, match="between 0 and 1"):
        stream_threshold_for(bad)


def test_parameters_record_knob_threshold_and_features() -> None:
    params = StoryIndex(similarity=0.7).parameters()
    assert params["similarity"] == 0.7
    assert params["threshold"] == stream_threshold_for(0.7)
    assert set(params["features"]["weights"]) == {"embedding", "text", "entities"}

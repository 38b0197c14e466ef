"""Invariants of the Spark story job's pure helpers (no Spark needed): verifying pairs in a
group gives bit-for-bit the per-pair similarity, and prefix filtering never loses a pair that
reaches the bound."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecon.pipeline.stories import pair_similarity
from newsrecon.spark import story_math

TERMS = [f"t{i}" for i in range(12)]
KEYS = [f"PERSON:k{i}" for i in range(5)]


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}


articles = st.tuples(
    st.dictionaries(st.sampled_from(TERMS), st.floats(0.01, 1.0), max_size=8).map(_unit),
    st.dictionaries(st.sampled_from(KEYS), st.floats(0.5, 4.0), max_size=3),
    st.one_of(st.none(), st.floats(0, 60)),
)


def _pairwise(a: story_math.Sides, b: story_math.Sides, window_days: float) -> float:
    """The per-pair reference: rows built for the two articles alone."""
    first, second = story_math.article_vectors([a, b])
    return pair_similarity(first, second, window_days)


@settings(max_examples=150, deadline=None)
@given(st.lists(articles, min_size=2, max_size=7), st.floats(0.05, 0.95))
def test_group_verification_equals_pairwise_up_to_rounding(sides, floor) -> None:
    """Verified a hair below the floor (as the job does), no pair the per-pair reference
    passes is lost, and none passes that the reference puts further below."""
    by_id = {f"a{i}": side for i, side in enumerate(sides)}
    pairs = [(a, b) for a in by_id for b in by_id if a < b]
    reference = {(a, b): _pairwise(by_id[a], by_id[b], 7.0) for a, b in pairs}
    grouped = set(story_math.verified_pairs(pairs, by_id, 7.0, floor - 1e-9))
    assert {pair for pair, s in reference.items() if s >= floor} <= grouped
    assert all(reference[pair] >= floor - 2e-9 for pair in grouped)
    built = dict(zip(by_id, story_math.article_vectors(list(by_id.values())), strict=True))
    for a, b in pairs:  # the very same float, not merely the same decision
        assert pair_similarity(built[a], built[b], 7.0) == _pairwise(by_id[a], by_id[b], 7.0)


@settings(max_examples=150, deadline=None)
@given(articles, articles, st.floats(0.1, 0.9))
def test_pairs_reaching_the_bound_share_a_prefix_term(a, b, bound) -> None:
    cosine = sum(w * b[0].get(t, 0.0) for t, w in a[0].items())
    if cosine >= bound:
        assert set(story_math.norm_prefix(a[0], bound)) & set(b[0])


@pytest.mark.parametrize(
    ("weights", "bound", "expected"),
    [
        ({"x": 0.8, "y": 0.6}, 0.5, ["x", "y"]),  # dropping y leaves norm .8 >= .5
        ({"x": 0.8, "y": 0.6}, 0.9, ["x"]),  # the rest (y, norm .6) is below .9
        ({}, 0.5, []),
    ],
)
def test_norm_prefix_table(weights, bound, expected) -> None:
    assert story_math.norm_prefix(weights, bound) == expected

"""Average linkage in the stream index, on hand-made embedding vectors: an article's score is
its mean similarity to a story's members (not its cosine to their normalised centroid), and
:meth:`StoryIndex.consolidate` merges two open groups whose members match on average."""

from __future__ import annotations

import math

import numpy as np
import pytest

from newsrecon.pipeline.story_signals import ArticleSignals
from newsrecon.pipeline.story_stream import GAMMA, StoryIndex

EMBEDDING_ONLY = {"embedding": 1.0, "text": 0.0, "entities": 0.0}


def _article(article_id: str, *vector: float) -> ArticleSignals:
    v = np.array(vector, dtype=np.float32)
    return ArticleSignals(
        article_id,
        math.nan,
        np.zeros(0, dtype=np.int32),
        np.zeros(0, dtype=np.float32),
        np.zeros(0, dtype=np.int32),
        v / np.linalg.norm(v),
    )


def _index(threshold: float) -> StoryIndex:
    return StoryIndex(similarity=threshold ** (1.0 / GAMMA), weights=dict(EMBEDDING_ONLY))


def _story_of(index: StoryIndex, *members: ArticleSignals) -> str:
    """One story holding ``members`` (the first opens it, the rest are placed into it)."""
    sid = index.assign([members[0]])[0].story_id
    for member in members[1:]:
        index.assign([member], {member.article_id: sid})
    return sid


@pytest.mark.parametrize(
    ("threshold", "joins"),
    [
        # members (1,0,0) and (0,1,0); the article (1,1,0)/sqrt2 has cosine 1.0 to their
        # centroid but a mean similarity of 0.707 to them: only the mean is compared.
        (0.6, True),
        (0.8, False),
    ],
)
def test_an_article_is_scored_by_its_mean_similarity_to_the_members(
    threshold: float, joins: bool
) -> None:
    index = _index(threshold)
    sid = _story_of(index, _article("a", 1, 0, 0), _article("b", 0, 1, 0))
    (placed,) = index.assign([_article("c", 1, 1, 0)])
    assert (placed.story_id == sid) == joins
    if joins:
        assert placed.score == pytest.approx(math.sqrt(0.5), abs=1e-5)


@pytest.mark.parametrize(
    ("placed_into_second", "merges"),
    [
        ((1, 0, 0), True),  # the second group now matches the first on average by 0.5
        ((0, 1, 0), False),  # still nothing in common
        ((0, 0, 1), False),
    ],
)
def test_consolidate_merges_groups_that_match_on_average(
    placed_into_second: tuple[int, int, int], merges: bool
) -> None:
    index = _index(0.5)
    first = _story_of(index, _article("a", 1, 0, 0))
    second = _story_of(index, _article("b", 0, 1, 0), _article("c", *placed_into_second))
    assert first != second
    done = index.consolidate({second})
    assert done == ([(first, second)] if merges else [])
    assert (second in index.open) != merges
    assert index.open[first].size == (3 if merges else 1)

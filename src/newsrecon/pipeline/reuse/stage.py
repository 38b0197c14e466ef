"""Story stage ``reuse``: shared passages between the story's articles, and wire groups.

A story holds few articles, so every pair is aligned (exact, and cheap: pairs with no shared
word run are dismissed on their hashes); the LSH candidate step is for corpus-scale runs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from newsrecon.model import Article
from newsrecon.model.reuse import ReusePair
from newsrecon.pipeline.analysis import Results, StoryInput
from newsrecon.pipeline.reuse.detect import DEFAULT, ReuseParams, align_pair, side
from newsrecon.pipeline.reuse.provenance import direction, provenance, wire_groups


def all_pairs(articles: Sequence[Article], params: ReuseParams = DEFAULT) -> list[ReusePair]:
    """Every pair of ``articles`` that shares a passage, aligned exhaustively, directed."""
    ordered = sorted(articles, key=lambda a: a.id)
    return _pairs(ordered, [side(a.id, a.text) for a in ordered], params)


def _pairs(
    ordered: Sequence[Article], sides: Sequence[Any], params: ReuseParams
) -> list[ReusePair]:
    found: list[ReusePair] = []
    for i, a in enumerate(sides):
        for j in range(i + 1, len(sides)):
            pair = align_pair(a, sides[j], params)
            if pair is not None:
                found.append(direction(pair, ordered[i], ordered[j]))
    return found


def analyse(
    articles: Sequence[Article], params: ReuseParams = DEFAULT
) -> tuple[list[ReusePair], tuple[tuple[str, ...], ...], list[Any]]:
    """Pairs, the wire-group partition, and one provenance record per group of two or more."""
    ordered = sorted(articles, key=lambda a: a.id)
    sides = [side(a.id, a.text) for a in ordered]  # tokenised once, for pairs and lengths
    pairs = _pairs(ordered, sides, params)
    lengths = {a.id: len(s.words) for a, s in zip(ordered, sides, strict=True)}
    groups = wire_groups(
        [a.id for a in articles], pairs, lengths, params.wire_min_words, params.wire_min_share
    )
    by_id: Mapping[str, Article] = {a.id: a for a in articles}
    records = [
        provenance(g, pairs, by_id, params.wire_min_words, params.wire_min_share)
        for g in groups
        if len(g) > 1
    ]
    return pairs, groups, records


def reuse_stage(story: StoryInput, results: Results) -> Results:
    pairs, groups, records = analyse(story.articles)
    return {"reuse": (*pairs, *records), "wire_groups": groups}

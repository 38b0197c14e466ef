"""What a small open story keeps of each of its articles, so it can be split later.

A story's summary (sums, see :mod:`story_stream`) cannot say whether its articles have drifted
into two groups; the articles' own vectors can. So a story keeps one :class:`Member` per
article while it has at most :data:`MAX_MEMBERS` articles (a split only ever looks at stories
that small, see :mod:`story_splits`); past that, or once merged with a story that dropped its
members, it drops them for good. Each member's TF-IDF vector is cut to its
:data:`MEMBER_TERMS` heaviest terms and renormalised. Memory per open story is then bounded
by ``MAX_MEMBERS x (MEMBER_TERMS + entities + embedding)`` numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsrecon.pipeline.story_signals import F32, I32, ArticleSignals

MAX_MEMBERS = 40
MEMBER_TERMS = 128
# Chosen on the odd-numbered ECB+ dev topics only (the even ones are the check), by streaming
# sub-topic B-cubed F1 over {no splits, 2, 3}: 3 (odd .871 -> .899; even .883 -> .895). A
# two-article group is too little evidence of a second event.
DEFAULT_MIN_PART = 3


@dataclass(frozen=True, slots=True, eq=False)
class Member:
    """One article of a story: ``seq`` is the index's clock when it arrived (arrival order
    across stories, so the earliest article of any group of members is known)."""

    article_id: str
    seq: int
    day: float
    terms: I32
    text: F32
    entities: I32
    embedding: F32 | None


@dataclass(frozen=True, slots=True)
class SplitPolicy:
    """When a changed open story is split (see :mod:`story_splits`): ``enabled``; each part
    needs ``min_part`` articles; only stories of at most ``max_size`` articles are looked at
    (never more than :data:`MAX_MEMBERS`, the members kept)."""

    enabled: bool = True
    min_part: int = DEFAULT_MIN_PART
    max_size: int = MAX_MEMBERS

    def describe(self) -> str:
        if not self.enabled:
            return "not made"
        return (
            "after each batch, each changed open story of at most "
            f"{min(self.max_size, MAX_MEMBERS)} articles is cut in two by average-linkage "
            "agglomeration of its articles' combined similarity (same features, weights and "
            "time window as assignment); it splits when the mean similarity between the two "
            "parts is below the threshold, each part's mean within-part similarity reaches it "
            f"and each part has at least {self.min_part} articles; the part holding the "
            "founding article keeps the story id, the other part becomes a new story whose id "
            "comes from its earliest article"
        )


def member_of(article: ArticleSignals, text_vec: F32, seq: int) -> Member:
    terms, text = article.terms, text_vec
    if len(terms) > MEMBER_TERMS:
        keep = np.sort(np.lexsort((terms, -text))[:MEMBER_TERMS])
        terms, text = terms[keep], text[keep]
        norm = float(np.linalg.norm(text))
        text = text / norm if norm > 0 else text
    return Member(
        article.article_id,
        seq,
        article.day,
        terms.astype(np.int32),
        text.astype(np.float32),
        article.entities.astype(np.int32),
        None if article.embedding is None else article.embedding.astype(np.float32),
    )


def join_members(kept: list[Member] | None, more: Sequence[Member] | None) -> list[Member] | None:
    """Both stories' members, or None once either dropped them or the story outgrows
    :data:`MAX_MEMBERS` (a story that large is never split)."""
    if kept is None or more is None or len(kept) + len(more) > MAX_MEMBERS:
        return None
    return [*kept, *more]

"""Reuse between articles: candidates from the LSH index, then alignment of each candidate.

Everything here is a function of article ids and texts, so the same code runs inside a story
stage, on a command line over files, and in Spark tasks (candidate generation and pair
alignment are separate steps so a cluster can distribute either).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

import numpy as np

from newsrecon.model.reuse import PassageKind, ReusePair
from newsrecon.pipeline.reuse.align import AlignParams, align
from newsrecon.pipeline.reuse.candidates import CandidateIndex, CandidateParams
from newsrecon.pipeline.reuse.passages import Side, to_passages
from newsrecon.pipeline.reuse.tokens import (
    U32,
    Words,
    quoted_mask,
    shingle_hashes,
    word_ids,
    words_of,
)


@dataclass(frozen=True, slots=True)
class ReuseParams:
    """Everything that decides what counts as reuse, in one record kept with the results.

    ``min_words``: shortest shared passage reported, in words; ``min_quote_words``: shortest
    run of words quoted in both texts reported as a shared quotation; ``wire_min_words`` and
    ``wire_min_share``: two articles belong to one wire group when they share at least this
    many words of copied narrative, or this fraction of the shorter article."""

    align: AlignParams = field(default_factory=AlignParams)
    candidates: CandidateParams = field(default_factory=CandidateParams)
    min_quote_words: int = 8
    wire_min_words: int = 40
    wire_min_share: float = 0.3

    def as_dict(self) -> dict[str, object]:
        return {
            "min_words": self.align.min_words,
            "min_similarity": self.align.min_similarity,
            "anchor_words": self.align.anchor_words,
            "max_gap_words": self.align.max_gap,
            "min_quote_words": self.min_quote_words,
            "wire_min_words": self.wire_min_words,
            "wire_min_share": self.wire_min_share,
            "chunk_words": self.candidates.chunk_words,
            "num_perm": self.candidates.num_perm,
            "bands": self.candidates.bands,
            "window": self.candidates.window,
        }


DEFAULT = ReuseParams()


def side(article: str, text: str, words: Words | None = None) -> Side:
    w = words if words is not None else words_of(text)
    return Side(article, w, quoted_mask(w, text))


def align_pair(a: Side, b: Side, params: ReuseParams = DEFAULT) -> ReusePair | None:
    """The passages ``a`` and ``b`` share, or ``None`` when they share none."""
    passages = []
    for aligned in align(a.words, b.words, params.align):
        passages.extend(to_passages(a, b, aligned, params.align.min_words, params.min_quote_words))
    if not passages:
        return None
    passages.sort(key=lambda p: (p.a.start, p.b.start))
    narrative = sum(p.words for p in passages if p.kind is PassageKind.NARRATIVE)
    return ReusePair(
        article_a=a.article,
        article_b=b.article,
        passages=tuple(passages),
        share_a=_share(a.words, [(p.a.start, p.a.end) for p in passages]),
        share_b=_share(b.words, [(p.b.start, p.b.end) for p in passages]),
        narrative_words=narrative,
    )


def _share(words: Words, spans: list[tuple[int, int]]) -> float:
    if not len(words):
        return 0.0
    starts = np.asarray(words.starts)
    covered = np.zeros(len(starts), dtype=bool)
    for lo, hi in spans:
        covered[np.searchsorted(starts, lo) : np.searchsorted(starts, hi)] = True
    return round(int(covered.sum()) / len(words), 4)


def find_reuse(texts: Mapping[str, str], params: ReuseParams = DEFAULT) -> list[ReusePair]:
    """Every pair of ``texts`` (article id -> clean text) sharing a passage, in id order.
    The texts are in memory already, so no window: every pair that collides is aligned."""
    unbounded = replace(params, candidates=replace(params.candidates, window=None))
    return sorted(
        stream_reuse(sorted(texts.items()), unbounded),
        key=lambda p: (p.article_a, p.article_b),
    )


def stream_reuse(
    articles: Iterable[tuple[str, str]], params: ReuseParams = DEFAULT
) -> Iterator[ReusePair]:
    """Reuse pairs as articles arrive (earlier article first in each pair). Only articles
    still in the candidate window are kept: the text as a plain string and its word hashes
    (a tokenised article takes ten times the memory); the few sides alignment needs are
    rebuilt on demand, and only for candidates that share enough anchors to hold a passage
    (LSH collisions of unrelated chunks are dismissed on the hashes alone)."""
    index = CandidateIndex(params.candidates)
    kept: OrderedDict[str, tuple[str, U32]] = OrderedDict()
    sides: OrderedDict[str, Side] = OrderedDict()
    window = params.candidates.window
    anchor = params.align.anchor_words
    for article, text in articles:
        current: Side | None = None
        ids = word_ids(text)
        grams: U32 | None = None
        for other in sorted(index.add(article, ids)):
            if other not in kept:
                continue
            other_text, other_ids = kept[other]
            grams = shingle_hashes(ids, anchor) if grams is None else grams
            if not _may_share(shingle_hashes(other_ids, anchor), grams, params.align):
                continue
            earlier = sides.get(other) or side(other, other_text)
            _remember(sides, other, earlier)
            current = current or side(article, text)
            found = align_pair(earlier, current, params)
            if found is not None:
                yield found
        kept[article] = (text, ids)
        if current is not None:
            _remember(sides, article, current)
        while window is not None and len(kept) > window:
            kept.popitem(last=False)


def _may_share(a: U32, b: U32, params: AlignParams) -> bool:
    """False only where alignment surely finds nothing: a passage longer than one anchor
    chains at least two anchors, and two anchors with one hash need it twice in each text."""
    common = np.intersect1d(a, b)
    if len(common) != 1 or params.min_words <= params.anchor_words:
        return len(common) > 0
    return bool((a == common[0]).sum() > 1 and (b == common[0]).sum() > 1)


def _remember(cache: OrderedDict[str, Side], key: str, value: Side, size: int = 64) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > size:
        cache.popitem(last=False)

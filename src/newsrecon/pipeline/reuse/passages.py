"""From aligned word ranges to :class:`~newsrecon.model.reuse.Passage` records: character spans
in both articles, and the split between copied narrative and shared quotation.

Several independent reports quoting the same letter share its words without copying each
other, so a run of words that sits inside quotation marks in both texts is a ``quotation``
passage; the reporting text around it, when shared too, is ``narrative``. A short quoted
phrase inside a copied sentence (a two-word scare quote) stays part of the narrative.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import Indel

from newsrecon.model import Span
from newsrecon.model.reuse import Passage, PassageKind
from newsrecon.pipeline.reuse.align import Aligned, matched_words
from newsrecon.pipeline.reuse.tokens import Words

Mask = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Side:
    """One article as alignment sees it: id, words, and which words are quoted."""

    article: str
    words: Words
    quoted: Mask


def to_passages(
    a: Side, b: Side, aligned: Aligned, min_words: int, min_quote_words: int
) -> list[Passage]:
    """The passage, split where it enters or leaves a quotation both sides share."""
    pairs = matched_words(a.words, b.words, aligned)
    if not pairs:
        return []
    labels = [bool(a.quoted[i] and b.quoted[j]) for i, j in pairs]
    runs: list[tuple[int, int, bool]] = []  # [start, end) indices into pairs, quoted?
    start = 0
    for k in range(1, len(pairs) + 1):
        if k == len(pairs) or labels[k] != labels[start]:
            runs.append((start, k, labels[start]))
            start = k
    # Short quoted runs (scare quotes, a title) belong to the narrative around them.
    merged: list[tuple[int, int, bool]] = []
    for lo, hi, quoted_run in runs:
        quoted = quoted_run and _words(pairs, lo, hi) >= min_quote_words
        if merged and merged[-1][2] == quoted:
            merged[-1] = (merged[-1][0], hi, quoted)
        else:
            merged.append((lo, hi, quoted))
    out: list[Passage] = []
    for lo, hi, quoted in merged:
        passage = _passage(a, b, pairs[lo], pairs[hi - 1], quoted)
        if passage.words >= (min_quote_words if quoted else min_words):
            out.append(passage)
    return out


def _words(pairs: list[tuple[int, int]], lo: int, hi: int) -> int:
    return min(pairs[hi - 1][0] - pairs[lo][0], pairs[hi - 1][1] - pairs[lo][1]) + 1


def _passage(
    a: Side, b: Side, first: tuple[int, int], last: tuple[int, int], quoted: bool
) -> Passage:
    (i0, j0), (i1, j1) = first, last
    wa, wb = a.words, b.words
    sim = Indel.normalized_similarity(wa.words[i0 : i1 + 1], wb.words[j0 : j1 + 1])
    return Passage(
        a=Span(a.article, wa.starts[i0], wa.ends[i1]),
        b=Span(b.article, wb.starts[j0], wb.ends[j1]),
        similarity=round(sim, 4),
        kind=PassageKind.QUOTATION if quoted else PassageKind.NARRATIVE,
        words=min(i1 - i0, j1 - j0) + 1,
    )

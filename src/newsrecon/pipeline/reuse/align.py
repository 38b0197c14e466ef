"""Exact passage alignment of two texts: shared word n-grams seed anchors, anchors that
follow each other on (nearly) the same diagonal chain into maximal passages.

Chaining tolerates a few substituted, inserted or deleted words between anchors, and since
every chain keeps its own diagonal, passages found in a different order in the two texts
(reordered paragraphs, a paragraph pasted into another story) come out as separate passages.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Indel

from newsrecon.pipeline.reuse.tokens import Words, shingle_hashes


@dataclass(frozen=True, slots=True)
class AlignParams:
    """``anchor_words``: length of the exact word runs that seed a passage. ``max_gap``: how
    many differing words may separate two anchors of one passage. ``min_words``: shortest
    passage reported (words). ``min_similarity``: lowest word-level similarity of the two
    sides of a passage. ``max_repeats``: a word run occurring more often than this in one text
    is boilerplate and seeds nothing."""

    anchor_words: int = 4
    max_gap: int = 8
    min_words: int = 12
    min_similarity: float = 0.7
    max_repeats: int = 3


@dataclass(frozen=True, slots=True)
class Aligned:
    """Word ranges ``[a_lo, a_hi)`` and ``[b_lo, b_hi)`` that match."""

    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int
    similarity: float


@dataclass(slots=True)
class _Chain:
    a_lo: int
    b_lo: int
    a_last: int
    b_last: int
    anchors: int


def anchors(a: Words, b: Words, params: AlignParams) -> list[tuple[int, int]]:
    """Every (i, j) where the word runs starting at ``a[i]`` and ``b[j]`` are equal.

    Both run-hash arrays are sorted once and matched by binary search, so the Python work
    is per shared run, not per word."""
    n = params.anchor_words
    ga, gb = shingle_hashes(a.ids, n), shingle_hashes(b.ids, n)
    order_a, order_b = np.argsort(ga, kind="stable"), np.argsort(gb, kind="stable")
    sorted_a, sorted_b = ga[order_a], gb[order_b]
    lo_b = np.searchsorted(sorted_b, sorted_a, side="left")
    hi_b = np.searchsorted(sorted_b, sorted_a, side="right")
    shared = hi_b > lo_b
    if not shared.any():
        return []
    limit = params.max_repeats
    repeats_a = np.searchsorted(sorted_a, sorted_a, side="right") - np.searchsorted(
        sorted_a, sorted_a, side="left"
    )
    keep = np.flatnonzero(shared & (repeats_a <= limit) & (hi_b - lo_b <= limit))
    words_a, words_b = a.words, b.words
    found: list[tuple[int, int]] = []
    for i, lo, hi in zip(
        order_a[keep].tolist(), lo_b[keep].tolist(), hi_b[keep].tolist(), strict=True
    ):
        others = order_b[lo:hi].tolist()
        if words_a[i : i + n] != words_b[others[0] : others[0] + n]:
            continue  # a hash collision, not a shared run
        found.extend((i, j) for j in others)
    found.sort()
    return found


def chain(points: list[tuple[int, int]], params: AlignParams) -> list[_Chain]:
    """Greedy chaining of sorted anchors: each anchor extends the open chain it follows most
    closely (same diagonal first), or starts a new one."""
    reach = params.anchor_words + params.max_gap
    chains: list[_Chain] = []
    open_: list[_Chain] = []
    by_end: dict[tuple[int, int], _Chain] = {}
    for i, j in points:
        best = by_end.pop((i - 1, j - 1), None)
        if best is None:
            open_ = [c for c in open_ if i - c.a_last <= reach]
            best_cost = None
            for c in open_:
                di, dj = i - c.a_last, j - c.b_last
                if 0 < di <= reach and 0 < dj <= reach and abs(di - dj) <= params.max_gap:
                    cost = abs(di - dj) + di + dj
                    if best_cost is None or cost < best_cost:
                        best, best_cost = c, cost
            if best is not None:
                by_end.pop((best.a_last, best.b_last), None)
        if best is None:
            best = _Chain(i, j, i, j, 0)
            chains.append(best)
            open_.append(best)
        best.a_last, best.b_last = i, j
        best.anchors += 1
        by_end[(i, j)] = best
    return chains


def align(a: Words, b: Words, params: AlignParams = AlignParams()) -> list[Aligned]:
    """Maximal passages shared by ``a`` and ``b``, longest first, none nested in another."""
    n = params.anchor_words
    found: list[Aligned] = []
    for c in chain(anchors(a, b, params), params):
        a_hi, b_hi = c.a_last + n, c.b_last + n
        if min(a_hi - c.a_lo, b_hi - c.b_lo) < params.min_words:
            continue
        sim = Indel.normalized_similarity(a.words[c.a_lo : a_hi], b.words[c.b_lo : b_hi])
        if sim >= params.min_similarity:
            found.append(Aligned(c.a_lo, a_hi, c.b_lo, b_hi, round(sim, 4)))
    found.sort(key=lambda x: (x.a_lo - x.a_hi, x.a_lo, x.b_lo))
    kept: list[Aligned] = []
    for cand in found:
        if not any(_inside(cand, k) for k in kept):
            kept.append(cand)
    kept.sort(key=lambda x: (x.a_lo, x.b_lo))
    return kept


def _inside(x: Aligned, y: Aligned) -> bool:
    """``x`` mostly repeats ``y`` on both sides (a fragment of a passage already kept)."""

    def covered(lo: int, hi: int, olo: int, ohi: int) -> float:
        return max(0, min(hi, ohi) - max(lo, olo)) / max(1, hi - lo)

    return (
        covered(x.a_lo, x.a_hi, y.a_lo, y.a_hi) > 0.5
        and covered(x.b_lo, x.b_hi, y.b_lo, y.b_hi) > 0.5
    )


def matched_words(a: Words, b: Words, x: Aligned) -> list[tuple[int, int]]:
    """Word pairs (i, j) that are equal in the word-level alignment of passage ``x``."""
    blocks = Indel.opcodes(a.words[x.a_lo : x.a_hi], b.words[x.b_lo : x.b_hi])
    pairs: list[tuple[int, int]] = []
    for op in blocks:
        if op.tag == "equal":
            pairs.extend(
                (x.a_lo + op.src_start + k, x.b_lo + op.dest_start + k)
                for k in range(op.src_end - op.src_start)
            )
    return pairs

"""Scores of detected passages against planted ones, at the word level.

Each detected passage covers words on both sides of its pair; recall is the share of
planted words (both sides) covered by a detection for the same pair, precision the share of
detected words that lie in planted text (short shared runs below the reporting threshold
count as correct when found). ``passage_recall`` counts planted passages at least half
covered on both sides; the false-positive rate is the share of unrelated pairs (no planted
text at all) with any detection.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsrecon.evaluation.reuse_bench import Planted, sorted_ids

Detection = tuple[str, str, tuple[int, int], tuple[int, int]]  # x, y, x span, y span
Starts = Mapping[str, npt.NDArray[np.int64]]


@dataclass(frozen=True, slots=True)
class ReuseScores:
    precision: float
    recall: float
    f1: float
    passage_recall: float
    false_positive_rate: float
    detected_pairs: int
    false_positive_pairs: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "passage_recall": round(self.passage_recall, 4),
            "false_positive_rate": round(self.false_positive_rate, 6),
            "detected_pairs": self.detected_pairs,
            "false_positive_pairs": self.false_positive_pairs,
        }


def _words(starts: npt.NDArray[np.int64], span: tuple[int, int]) -> set[int]:
    lo, hi = np.searchsorted(starts, span[0]), np.searchsorted(starts, span[1])
    return set(range(int(lo), int(hi)))


def canonical(detections: Iterable[Detection]) -> list[Detection]:
    """Each detection with its pair's ids in sorted order (spans swapped along)."""
    return [(x, y, sx, sy) if x < y else (y, x, sy, sx) for x, y, sx, sy in detections]


def score(
    detections: Sequence[Detection],
    truth: Sequence[Planted],
    allowed: Sequence[Planted],
    starts: Starts,
    total_pairs: int,
) -> ReuseScores:
    found: dict[tuple[str, str], tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for x, y, sx, sy in canonical(detections):
        wx, wy = found[(x, y)]
        wx |= _words(starts[x], sx)
        wy |= _words(starts[y], sy)
    planted: dict[tuple[str, str], tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    ok: dict[tuple[str, str], tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    hit_passages = 0
    for p in truth:
        px, py = _words(starts[p.x], p.x_span), _words(starts[p.y], p.y_span)
        planted[(p.x, p.y)][0].update(px)
        planted[(p.x, p.y)][1].update(py)
        fx, fy = found.get((p.x, p.y), (set(), set()))
        if len(px & fx) >= len(px) / 2 and len(py & fy) >= len(py) / 2:
            hit_passages += 1
    for p in [*truth, *allowed]:
        ok[(p.x, p.y)][0].update(_words(starts[p.x], p.x_span))
        ok[(p.x, p.y)][1].update(_words(starts[p.y], p.y_span))
    planted_words = sum(len(a) + len(b) for a, b in planted.values())
    recalled = sum(
        len(a & found[k][0]) + len(b & found[k][1]) for k, (a, b) in planted.items() if k in found
    )
    detected_words = sum(len(a) + len(b) for a, b in found.values())
    correct = sum(len(a & ok[k][0]) + len(b & ok[k][1]) for k, (a, b) in found.items() if k in ok)
    related = {(p.x, p.y) for p in [*truth, *allowed]}
    unrelated_hits = sum(1 for k in found if k not in related)
    unrelated_pairs = max(1, total_pairs - len(related))
    precision = correct / detected_words if detected_words else 1.0
    recall = recalled / planted_words if planted_words else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ReuseScores(
        precision=precision,
        recall=recall,
        f1=f1,
        passage_recall=hit_passages / len(truth) if truth else 1.0,
        false_positive_rate=unrelated_hits / unrelated_pairs,
        detected_pairs=len(found),
        false_positive_pairs=unrelated_hits,
    )


__all__ = ["Detection", "ReuseScores", "canonical", "score", "sorted_ids"]

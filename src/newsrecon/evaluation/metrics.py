"""Scores shared by the evaluations: precision/recall/F1 counts and ROUGE-LSum.

``rouge_score`` (Google's reference implementation, which Fundus and the
web-content-extraction benchmark call) is not a dependency, and it needs NLTK for sentence
splitting, so ROUGE-LSum is implemented here after Lin (2004, section 3.2) *and* after that
implementation's choices, so the figures compare with published ones:

- tokens: lowercase, every run of characters other than ``a-z0-9`` is a separator (so accented
  letters split words exactly as there), no stemming;
- summary-level LCS: for each reference unit, the union of its LCS with every candidate unit
  (each LCS read out by the same backtracking rule), with hits clipped by the token counts of
  both sides so that no token is counted twice (ROUGE-1.5.5 behaviour);
- empty texts: both empty scores 1 (the web-content-extraction benchmark's rule), one empty 0;
- units: Fundus splits with NLTK's Punkt sentence splitter; without NLTK we split paragraphs at
  line breaks and then sentences at terminal punctuation followed by a capital, digit or quote.
  Union LCS is insensitive to where units break inside running text, so the difference from
  Punkt is small, but the figures are not bit-identical to Fundus's.

The LCS tables are computed with numpy, one reference unit against all candidate units at once,
because pure-Python tables made an 80-page evaluation take minutes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

_ROUGE_SEPARATOR = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"\w+")
# Terminal punctuation, closing quotes, space, then something that starts a sentence; not after
# a single initial ("J. Smith") or a title, the abbreviations that most often precede a capital.
_SENTENCE_END = re.compile(
    r"(?<![A-Z]\.)(?<!Mr\.)(?<!Ms\.)(?<!Dr\.)(?<!St\.)(?<!Jr\.)(?<!Sr\.)(?<!Mrs\.)"
    r"(?<!Gen\.)(?<!Sen\.)(?<!Rep\.)(?<!Gov\.)(?<!Prof\.)"
    r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])"
)


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 as fractions in [0, 1]."""

    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives, kept so micro averages can sum."""

    tp: int
    fp: int
    fn: int

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def prf(self) -> PRF:
        """Scores from counts; nothing expected and nothing produced is a perfect score.

        An empty prediction against a non-empty reference scores 0 on all three, the way
        ``rouge_score`` scores it, so a page the extractor gave up on counts against it.
        """
        if self.tp + self.fp + self.fn == 0:
            return PRF(1.0, 1.0, 1.0)
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return PRF(precision, recall, f1(precision, recall))


def f1(precision: float, recall: float) -> float:
    """Harmonic mean; 0 where both are 0."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def word_tokens(text: str) -> list[str]:
    """Lowercase Unicode word tokens (``\\w+``): the unit of the word-level body scores."""
    return _WORD.findall(text.lower())


def bag_counts(reference: Iterable[str], predicted: Iterable[str]) -> Counts:
    """Multiset overlap: a token predicted twice but present once counts once."""
    ref = Counter(reference)
    pred = Counter(predicted)
    tp = sum((ref & pred).values())
    return Counts(tp, sum(pred.values()) - tp, sum(ref.values()) - tp)


def macro_average(scores: Sequence[PRF]) -> PRF:
    """Mean of per-document scores (each page weighs the same, as Fundus reports)."""
    if not scores:
        return PRF(0.0, 0.0, 0.0)
    n = len(scores)
    return PRF(
        sum(s.precision for s in scores) / n,
        sum(s.recall for s in scores) / n,
        sum(s.f1 for s in scores) / n,
    )


def rouge_tokens(text: str) -> list[str]:
    """``rouge_score``'s default tokenizer without stemming."""
    return [t for t in _ROUGE_SEPARATOR.split(text.lower()) if t]


def split_units(text: str) -> list[str]:
    """Sentences within lines: the units summary-level LCS is computed over."""
    units: list[str] = []
    for line in text.splitlines():
        units.extend(part for part in _SENTENCE_END.split(line.strip()) if part.strip())
    return units


def _encode(unit: Sequence[str], vocab: dict[str, int]) -> list[int]:
    return [vocab.setdefault(t, len(vocab)) for t in unit]


class _Candidates:
    """Candidate units laid end to end, each behind a separator column that stays 0.

    One flat row instead of a padded matrix: the work per reference token is the total
    candidate length rather than (number of units) x (longest unit).
    """

    def __init__(self, units: Sequence[list[int]]) -> None:
        self.lengths = [len(u) for u in units]
        flat: list[int] = []
        segment: list[int] = []
        ends: list[int] = []
        for number, unit in enumerate(units):
            flat.append(-1)  # the separator: never equals a token id
            flat.extend(unit)
            segment.extend([number] * (len(unit) + 1))
            ends.append(len(flat) - 1)
        self.flat = np.array(flat, dtype=np.int64)
        self.segment = np.array(segment, dtype=np.int64)
        self.ends = np.array(ends, dtype=np.int64)

    def union_lcs(self, ref: Sequence[int]) -> npt.NDArray[np.bool_]:
        """Mask over ``ref`` of the union of its LCS with every candidate unit.

        Table row i is built for all candidates at once: with X[p] = T[i-1][p-1] + 1 where the
        tokens match and T[i-1][p] otherwise, the row is the running maximum of X within each
        candidate (the textbook recurrence); adding segment * (len(ref) + 1) before the running
        maximum and removing it after keeps one candidate's values from leaking into the next.
        The LCS are read out for all candidates in lockstep with ``rouge_score``'s
        ``_backtrack_norec`` rule (match: diagonal; else left if T[i][p-1] > T[i-1][p], else
        up), so the same LCS is chosen where several exist; a walk stops where T reaches 0.
        """
        rows = len(ref)
        width = len(self.flat)
        offset = self.segment * (rows + 1)
        table = np.zeros((rows + 1, width), dtype=np.int32)
        equal = np.zeros((rows + 1, width), dtype=np.bool_)
        for i, token in enumerate(ref, start=1):
            prev = table[i - 1]
            eq = equal[i]
            np.equal(self.flat, token, out=eq)
            if not eq.any():
                table[i] = prev
                continue
            x = prev.copy()
            x[1:][eq[1:]] = prev[:-1][eq[1:]] + 1
            table[i] = np.maximum.accumulate(x + offset) - offset
        # Backtracking on flat indices into the table: up is -width, left is -1.
        flat_table = table.ravel()
        flat_equal = equal.ravel()
        union = np.zeros(rows + 1, dtype=np.bool_)
        at = self.ends + rows * width
        at = at[flat_table[at] > 0]
        while at.size:
            match = flat_equal[at]
            union[at[match] // width] = True
            left = flat_table[at - 1] > flat_table[at - width]
            at = at - np.where(match, width + 1, np.where(left, 1, width))
            at = at[flat_table[at] > 0]
        return union[1:]


class RougeLSum:
    """ROUGE-LSum of many reference variants against one prediction.

    The union LCS of a reference unit depends only on that unit and the prediction, so it is
    computed once per distinct unit and reused for every variant (Fundus scores up to 16
    variants of a page, one per choice of optional paragraphs).
    """

    def __init__(self, prediction: str) -> None:
        self._vocab: dict[str, int] = {}
        units = [u for u in (rouge_tokens(s) for s in split_units(prediction)) if u]
        self._cands = _Candidates([_encode(u, self._vocab) for u in units])
        self._size = sum(self._cands.lengths)
        self._pred_counts = Counter(t for u in units for t in u)
        self._cache: dict[tuple[str, ...], list[str]] = {}

    def _hits_of(self, unit: tuple[str, ...]) -> list[str]:
        hit = self._cache.get(unit)
        if hit is None:
            hit = []
            if self._size:
                mask = self._cands.union_lcs(_encode(unit, self._vocab))
                hit = [token for token, used in zip(unit, mask.tolist(), strict=True) if used]
            self._cache[unit] = hit
        return hit

    def score(self, reference: str) -> PRF:
        """Summary-level LCS score of ``reference`` (units as :func:`split_units` finds them)."""
        units = [tuple(u) for u in (rouge_tokens(s) for s in split_units(reference)) if u]
        m = sum(len(u) for u in units)
        n = self._size
        if not m and not n:
            return PRF(1.0, 1.0, 1.0)
        if not m or not n:
            return PRF(0.0, 0.0, 0.0)
        ref_counts = Counter(t for u in units for t in u)
        pred_counts = Counter(self._pred_counts)
        hits = 0
        for unit in units:
            for token in self._hits_of(unit):
                if pred_counts[token] > 0 and ref_counts[token] > 0:
                    hits += 1
                    pred_counts[token] -= 1
                    ref_counts[token] -= 1
        precision, recall = hits / n, hits / m
        return PRF(precision, recall, f1(precision, recall))


def rouge_lsum(reference: str, prediction: str) -> PRF:
    """ROUGE-LSum of one prediction against one reference."""
    return RougeLSum(prediction).score(reference)

"""TempEval-3 scoring of temporal expressions (UzZaman et al. 2013, section 4.1).

- Strict extraction: a system timex is correct when its character span is identical to a gold
  span.
- Relaxed extraction: a system timex is correct when its span overlaps a gold span. Pairs are
  matched one to one (largest overlap first, then earliest), so one long system span covering
  two gold timexes counts once, as does the reverse.
- Value (attribute) F1: over the relaxed-matched pairs, count those whose TIMEX3 ``value`` is
  identical; precision = correct values / system timexes, recall = correct values / gold
  timexes, F1 their harmonic mean. This is TempEval-3's "value F1", which multiplies the
  extraction and the normalisation errors together.

The document creation time (DCT) is left out of both sides: the system receives it as its
anchor, so gold never contains it, and a system timex overlapping the DCT's span (where a
corpus puts the DCT inside ``<TEXT>``) is dropped before scoring.

Counts are summed over documents before the fractions are taken (micro average), as the
TempEval-3 scorer does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Protocol, TypeVar

from dateparser.search import search_dates

from newsrecon.evaluation.metrics import PRF, Counts


class SpanValue(Protocol):
    """Anything with character offsets and a TIMEX3 value (gold or system)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def value(self) -> str: ...


@dataclass(frozen=True, slots=True)
class TimexCounts:
    """Strict, relaxed and value counts of one document or a sum of documents."""

    strict: Counts
    relaxed: Counts
    value: Counts

    def __add__(self, other: TimexCounts) -> TimexCounts:
        return TimexCounts(
            self.strict + other.strict, self.relaxed + other.relaxed, self.value + other.value
        )


@dataclass(frozen=True, slots=True)
class TimexScores:
    """Micro-averaged scores over a corpus."""

    strict: PRF
    relaxed: PRF
    value: PRF
    documents: int


T = TypeVar("T", bound=SpanValue)

EMPTY = TimexCounts(Counts(0, 0, 0), Counts(0, 0, 0), Counts(0, 0, 0))


def _overlap(a: SpanValue, b: SpanValue) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def relaxed_pairs(gold: Sequence[SpanValue], system: Sequence[SpanValue]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs of overlapping spans, largest overlap first."""
    candidates = sorted(
        (
            (-_overlap(g, s), g.start, s.start, gi, si)
            for gi, g in enumerate(gold)
            for si, s in enumerate(system)
            if _overlap(g, s) > 0
        ),
    )
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, _, gi, si in candidates:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gi, si))
    return pairs


def score_timexes(gold: Sequence[SpanValue], system: Sequence[SpanValue]) -> TimexCounts:
    """Counts for one document's gold and system timexes."""
    n_gold, n_system = len(gold), len(system)
    gold_spans = {(g.start, g.end) for g in gold}
    strict_tp = len({(s.start, s.end) for s in system} & gold_spans)
    pairs = relaxed_pairs(gold, system)
    correct = sum(1 for gi, si in pairs if gold[gi].value == system[si].value)
    return TimexCounts(
        strict=Counts(strict_tp, n_system - strict_tp, n_gold - strict_tp),
        relaxed=Counts(len(pairs), n_system - len(pairs), n_gold - len(pairs)),
        value=Counts(correct, n_system - correct, n_gold - correct),
    )


def without_span(items: Iterable[T], span: tuple[int, int] | None) -> list[T]:
    """``items`` less those overlapping ``span`` (the DCT's place in the text, if it has one)."""
    if span is None:
        return list(items)
    start, end = span
    return [t for t in items if t.end <= start or t.start >= end]


def summarise(counts: TimexCounts, documents: int) -> TimexScores:
    """Fractions from summed counts."""
    return TimexScores(
        counts.strict.prf(), counts.relaxed.prf(), counts.value.prf(), documents=documents
    )


@dataclass(frozen=True, slots=True)
class BaselineTimex:
    """A date the baseline found: its span and a day-granular DATE value."""

    start: int
    end: int
    text: str
    value: str


def baseline_timexes(text: str, anchor: date | datetime | None) -> list[BaselineTimex]:
    """The baseline system: ``dateparser.search.search_dates`` alone, relative to the anchor,
    each date it finds written as a day ("2023-11-16"). Its strings are located in the text
    left to right, as the library does not return offsets."""
    settings: dict[str, object] = {"RETURN_AS_TIMEZONE_AWARE": False}
    if anchor is not None:
        base = anchor if isinstance(anchor, datetime) else datetime.combine(anchor, time())
        settings["RELATIVE_BASE"] = base
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except (ValueError, OverflowError, RecursionError):
        return []
    out: list[BaselineTimex] = []
    cursor = 0
    for fragment, when in found:
        start = text.find(fragment, cursor)
        if start < 0:
            continue
        end = start + len(fragment)
        cursor = end
        out.append(BaselineTimex(start, end, fragment, when.date().isoformat()))
    return out

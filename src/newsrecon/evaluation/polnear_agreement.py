"""How far PolNeAR's own annotators agree, scored exactly as a system is scored.

A system is scored against one annotator's file at a time, so no system can be expected to
agree with an annotator much more than a careful colleague does. PolNeAR had some documents
annotated by all of its annotators; on those we measure two human references:

- *pairwise*: every ordered pair of annotators, one as gold and one as "system"; precision and
  recall are then equal, and the figure is the classic inter-annotator F1;
- *consensus*: leave one annotator out, keep the spans at least ``votes`` of the others marked,
  and score that against the one left out. A system that learned the annotators' shared
  judgement perfectly behaves like this consensus, which is why it is the sharper ceiling:
  it beats pairwise agreement because idiosyncrasies cancel out.

Every document weighs the same, whatever its number of annotators (as in
:func:`newsrecon.evaluation.polnear.score_document`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import permutations

from newsrecon.evaluation.polnear import (
    KINDS,
    AttributionSpans,
    PolnearDocument,
    Table,
    add_tables,
    empty_table,
    match,
)


def shared(documents: Sequence[PolnearDocument]) -> list[PolnearDocument]:
    """The documents that several annotators marked (the only ones agreement can use)."""
    return [d for d in documents if len(d.annotations) > 1]


def _score(gold: AttributionSpans, predicted: AttributionSpans, weight: float) -> Table:
    table = empty_table()
    for kind in KINDS:
        for mode in ("exact", "overlap"):
            counts = match(gold.of(kind), predicted.of(kind), mode == "exact")
            table[kind][mode] = counts.scaled(weight)
    return table


def pairwise(documents: Sequence[PolnearDocument]) -> Table:
    """Every ordered pair of a document's annotators, one as gold and one as prediction."""
    total = empty_table()
    for doc in shared(documents):
        pairs = list(permutations(doc.annotations, 2))
        for gold, other in pairs:
            total = add_tables(total, _score(gold, other, 1.0 / len(pairs)))
    return total


def consensus_of(others: Sequence[AttributionSpans], votes: int) -> AttributionSpans:
    """The spans at least ``votes`` of ``others`` marked, kind by kind."""
    kept = []
    for kind in KINDS:
        counts = Counter(span for other in others for span in other.of(kind))
        kept.append(frozenset(span for span, n in counts.items() if n >= votes))
    return AttributionSpans(*kept)


def consensus(documents: Sequence[PolnearDocument], votes: int) -> Table:
    """Each annotator against the ``votes``-of-the-others consensus of the rest."""
    total = empty_table()
    for doc in shared(documents):
        n = len(doc.annotations)
        for left_out in range(n):
            others = [a for i, a in enumerate(doc.annotations) if i != left_out]
            total = add_tables(
                total, _score(doc.annotations[left_out], consensus_of(others, votes), 1.0 / n)
            )
    return total


def vote_levels(documents: Sequence[PolnearDocument]) -> range:
    """The vote thresholds every shared document can apply (1 .. fewest annotators - 1)."""
    docs = shared(documents)
    if not docs:
        return range(0)
    return range(1, min(len(d.annotations) for d in docs))

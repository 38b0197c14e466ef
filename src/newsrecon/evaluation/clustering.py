"""Clustering scores over items: B-cubed (Bagga & Baldwin 1998) and pairwise P/R/F1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence

from newsrecon.evaluation.metrics import PRF, f1


def _check(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> Sequence[str]:
    if set(predicted) != set(gold):
        raise ValueError("predicted and gold clusterings must cover the same items")
    return sorted(gold)


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> PRF:
    """Per item: share of its predicted cluster that is in its gold cluster (precision), and
    of its gold cluster that is in its predicted cluster (recall); averaged over items."""
    items = _check(predicted, gold)
    if not items:
        return PRF(1.0, 1.0, 1.0)
    cells = Counter((predicted[i], gold[i]) for i in items)
    sizes_p = Counter(predicted[i] for i in items)
    sizes_g = Counter(gold[i] for i in items)
    precision = sum(n * n / sizes_p[p] for (p, _), n in cells.items()) / len(items)
    recall = sum(n * n / sizes_g[g] for (_, g), n in cells.items()) / len(items)
    return PRF(precision, recall, f1(precision, recall))


def pairwise(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> PRF:
    """Over unordered item pairs: put together by the prediction vs. together in gold."""
    items = _check(predicted, gold)

    def pairs(counts: Counter[Hashable] | Counter[tuple[Hashable, Hashable]]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter((predicted[i], gold[i]) for i in items))
    pred = pairs(Counter(predicted[i] for i in items))
    true = pairs(Counter(gold[i] for i in items))
    precision = both / pred if pred else 1.0
    recall = both / true if true else 1.0
    return PRF(precision, recall, f1(precision, recall))

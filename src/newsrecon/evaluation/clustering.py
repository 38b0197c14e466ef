"""Clustering scores over items: B-cubed (Bagga & Baldwin 1998) and pairwise P/R/F1, and an
aggregate error profile (how many gold clusters are split, how many predicted ones mixed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

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


def fragmentation(
    predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]
) -> dict[str, Any]:
    """Where the errors are, counted rather than listed: ``split`` maps k to the number of gold
    clusters whose items lie in k predicted clusters (all at k=1 means no recall loss), and
    ``mixed`` counts predicted clusters holding items of more than one gold cluster (0 means
    no precision loss). Keys are strings so the profile goes into JSON as is."""
    items = _check(predicted, gold)
    spread: dict[Hashable, set[Hashable]] = {}
    sources: dict[Hashable, set[Hashable]] = {}
    for i in items:
        spread.setdefault(gold[i], set()).add(predicted[i])
        sources.setdefault(predicted[i], set()).add(gold[i])
    split = Counter(len(parts) for parts in spread.values())
    return {
        "split": {str(k): split[k] for k in sorted(split)},
        "mixed": sum(1 for golds in sources.values() if len(golds) > 1),
    }

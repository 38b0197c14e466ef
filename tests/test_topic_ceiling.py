"""The topic-clustering ceiling (scripts/topic_ceiling.py): centroids of given groups and the
best cut over thresholds, on hand-made similarity matrices."""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType

import numpy as np
import pytest

from newsrecon.evaluation.clustering import bcubed
from tests.scripts import load_script


@pytest.fixture(scope="module")
def ceiling() -> ModuleType:
    return load_script("topic_ceiling")


def test_centroids_are_unit_means_in_name_order(ceiling: ModuleType) -> None:
    rows = np.array([[1.0, 0.0], [0.0, 1.0], [3.0, 0.0]])
    means, names = ceiling.centroids(rows, ["b", "a", "b"])
    assert names == ["a", "b"]
    assert np.allclose(means, [[0.0, 1.0], [1.0, 0.0]])


# Two tight groups {0, 1} and {2, 3} that are a little alike (0.3) across.
TWO_GROUPS = np.array(
    [
        [1.0, 0.9, 0.3, 0.3],
        [0.9, 1.0, 0.3, 0.3],
        [0.3, 0.3, 1.0, 0.8],
        [0.3, 0.3, 0.8, 1.0],
    ]
)


@pytest.mark.parametrize(
    ("gold", "k", "best", "threshold_range"),
    [
        # The gold splits where the matrix does: a threshold in [0.3, 0.8) is perfect (a pair
        # joins when its distance, 1 - similarity, is below 1 - threshold).
        (["x", "x", "y", "y"], 2, 1.0, (0.3, 0.8)),
        # The gold is one topic: only a threshold below the cross similarity joins all.
        (["x", "x", "x", "x"], 2, 1.0, (0.0, 0.3)),
    ],
)
@pytest.mark.parametrize("linkage", ["average", "complete", "single"])
def test_best_cut_finds_the_threshold_that_fits(
    ceiling: ModuleType,
    linkage: str,
    gold: list[str],
    k: int,
    best: float,
    threshold_range: tuple[float, float],
) -> None:
    names = [f"d{i}" for i in range(4)]

    def score(labels: Sequence[int]) -> float:
        system = {n: str(x) for n, x in zip(names, labels, strict=True)}
        return bcubed(system, dict(zip(names, gold, strict=True))).f1

    cell = ceiling.best_cut(TWO_GROUPS, linkage, score, k)
    assert cell["best"] == pytest.approx(best)
    low, high = threshold_range
    assert low <= cell["threshold"] < high
    expected_at_k = 1.0 if len(set(gold)) == 2 else score([0, 0, 1, 1])
    assert cell["k"] == pytest.approx(expected_at_k)

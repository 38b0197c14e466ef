"""Coreference metrics against values computed by hand from their definitions."""

from __future__ import annotations

import pytest

from newsrecon.evaluation.coref_metrics import b_cubed, ceaf_e, muc, score

KEY = [["a", "b", "c"], ["d", "e"]]
RESPONSE = [["a", "b"], ["c", "d", "e"]]


@pytest.mark.parametrize(
    ("metric", "precision", "recall"),
    [
        # MUC: key links lost 1 of 2 and 0 of 1 -> 2/3; response symmetric -> 2/3.
        (muc, 2 / 3, 2 / 3),
        # B3: (4/3 + 1/3 + 2) / 5 = 11/15 both ways.
        (b_cubed, 11 / 15, 11 / 15),
        # CEAF-e: phi4 0.8 + 0.8 over 2 clusters on each side.
        (ceaf_e, 0.8, 0.8),
    ],
)
def test_metric_values(metric, precision: float, recall: float) -> None:  # type: ignore[no-untyped-def]
    got = metric(KEY, RESPONSE)
    assert got.precision == pytest.approx(precision)
    assert got.recall == pytest.approx(recall)


def test_conll_is_the_mean_of_the_three() -> None:
    assert score(KEY, RESPONSE).conll == pytest.approx((2 / 3 + 11 / 15 + 0.8) / 3)


def test_identical_clusterings_score_one() -> None:
    s = score(KEY, KEY)
    assert (s.muc.f1, s.b3.f1, s.ceafe.f1) == pytest.approx((1.0, 1.0, 1.0))


def test_missing_response_mentions_cost_recall_not_precision() -> None:
    s = b_cubed([["a", "b"], ["c"]], [["a", "b"]])
    assert s.precision == pytest.approx(1.0)
    assert s.recall == pytest.approx(2 / 3)


def test_singletons_everywhere() -> None:
    key = [["a"], ["b"], ["c"]]
    response = [["a", "b", "c"]]
    assert muc(key, response).recall == 0.0  # no key links to find
    assert b_cubed(key, response).precision == pytest.approx(1 / 3)
    assert ceaf_e(key, response).recall == pytest.approx((2 * 1 / 4) / 3)

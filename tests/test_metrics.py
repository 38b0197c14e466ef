"""Metric functions on hand-made tables, and ROUGE-LSum against a plain port of its definition."""

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecon.evaluation.metrics import (
    PRF,
    Counts,
    RougeLSum,
    bag_counts,
    macro_average,
    rouge_lsum,
    rouge_tokens,
    split_units,
    word_tokens,
)


@pytest.mark.parametrize(
    ("reference", "predicted", "expected"),
    [
        ("the cat sat", "The cat SAT", (1.0, 1.0, 1.0)),
        ("alpha beta", "gamma delta", (0.0, 0.0, 0.0)),
        # tp = a, b; fp = e; fn = c, d -> P 2/3, R 1/2, F1 4/7
        ("a b c d", "a b e", (2 / 3, 1 / 2, 4 / 7)),
        # multiset: "a" predicted twice but present once counts once
        ("a b", "a a b", (2 / 3, 1.0, 0.8)),
        ("", "", (1.0, 1.0, 1.0)),
        ("a b", "", (0.0, 0.0, 0.0)),
        ("", "a b", (0.0, 0.0, 0.0)),
    ],
)
def test_bag_of_words_scores(reference: str, predicted: str, expected: tuple[float, ...]) -> None:
    prf = bag_counts(word_tokens(reference), word_tokens(predicted)).prf()
    assert (prf.precision, prf.recall, prf.f1) == pytest.approx(expected)


def test_counts_add_for_micro_average() -> None:
    total = Counts(2, 1, 0) + Counts(1, 0, 3)
    assert total == Counts(3, 1, 3)
    assert total.prf().precision == pytest.approx(3 / 4)
    assert total.prf().recall == pytest.approx(3 / 6)


def test_macro_average_weighs_documents_equally() -> None:
    avg = macro_average([PRF(1.0, 0.5, 2 / 3), PRF(0.0, 0.5, 0.0)])
    assert (avg.precision, avg.recall, avg.f1) == pytest.approx((0.5, 0.5, 1 / 3))


@pytest.mark.parametrize(
    ("reference", "prediction", "expected"),
    [
        ("One two three.", "one two three", (1.0, 1.0, 1.0)),
        ("One two three.", "four five", (0.0, 0.0, 0.0)),
        # ref [a b c d]; units [a b x], [c y]: union LCS {a, b, c}, 3 hits, m = 4, n = 5
        ("a b c d", "a b x\nc y", (3 / 5, 3 / 4, 2 / 3)),
        # Lin (2004) section 3.2: r = w1..w5, c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5;
        # union LCS w1 w2 w3 w5: 4 hits, m = 5, n = 10
        ("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", (0.4, 0.8, 0.8 * 0.4 * 2 / 1.2)),
        ("", "", (1.0, 1.0, 1.0)),
        ("a b", "", (0.0, 0.0, 0.0)),
    ],
)
def test_rouge_lsum_worked_examples(
    reference: str, prediction: str, expected: tuple[float, ...]
) -> None:
    prf = rouge_lsum(reference, prediction)
    assert (prf.precision, prf.recall, prf.f1) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("First one. Second one!", ["First one.", "Second one!"]),
        ("Mr. Smith met J. Doe. Then left.", ["Mr. Smith met J. Doe.", "Then left."]),
        ("line one\nline two", ["line one", "line two"]),
        ('He said "Go." 3 left.', ['He said "Go.', "3 left."]),
        ("no break here. lower case follows", ["no break here. lower case follows"]),
    ],
)
def test_split_units(text: str, units: list[str]) -> None:
    assert split_units(text) == units


def test_rouge_tokens_follow_rouge_score() -> None:
    assert rouge_tokens("Don't stop, café 42!") == ["don", "t", "stop", "caf", "42"]


def _reference_lcs_indices(ref: list[str], can: list[str]) -> list[int]:
    """Straight port of the published algorithm (table, then backtrack), for cross-checking."""
    t = [[0] * (len(can) + 1) for _ in range(len(ref) + 1)]
    for i in range(1, len(ref) + 1):
        for j in range(1, len(can) + 1):
            if ref[i - 1] == can[j - 1]:
                t[i][j] = t[i - 1][j - 1] + 1
            else:
                t[i][j] = max(t[i - 1][j], t[i][j - 1])
    i, j, out = len(ref), len(can), []
    while i > 0 and j > 0:
        if ref[i - 1] == can[j - 1]:
            out.append(i - 1)
            i, j = i - 1, j - 1
        elif t[i][j - 1] > t[i - 1][j]:
            j -= 1
        else:
            i -= 1
    return out


def _reference_rouge_lsum(refs: list[list[str]], cands: list[list[str]]) -> tuple[float, float]:
    m, n = sum(map(len, refs)), sum(map(len, cands))
    if not m or not n:
        return (0.0, 0.0)
    cr: Counter[str] = Counter(t for s in refs for t in s)
    cc: Counter[str] = Counter(t for s in cands for t in s)
    hits = 0
    for r in refs:
        union = sorted(set().union(*(_reference_lcs_indices(r, c) for c in cands)))
        for token in (r[k] for k in union):
            if cc[token] > 0 and cr[token] > 0:
                hits += 1
                cc[token] -= 1
                cr[token] -= 1
    return (hits / n, hits / m)


_units = st.lists(
    st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), min_size=1, max_size=8),
    min_size=1,
    max_size=5,
)


@settings(max_examples=200, deadline=None)
@given(refs=_units, cands=_units)
def test_rouge_lsum_matches_the_published_algorithm(
    refs: list[list[str]], cands: list[list[str]]
) -> None:
    reference = "\n".join(" ".join(u) for u in refs)
    prediction = "\n".join(" ".join(u) for u in cands)
    got = RougeLSum(prediction).score(reference)
    precision, recall = _reference_rouge_lsum(refs, cands)
    assert (got.precision, got.recall) == pytest.approx((precision, recall))
    assert 0.0 <= got.f1 <= 1.0

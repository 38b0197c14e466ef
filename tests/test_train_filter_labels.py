"""Training labels of the attribution filter (scripts/train_attribution_filter.py): of a cue
word's readings that match a gold attribution, only the best-fitting one is positive."""

from __future__ import annotations

from types import ModuleType

import pytest

from newsrecon.pipeline.quotes.spans import Candidate
from tests.scripts import load_script


@pytest.fixture(scope="module")
def training() -> ModuleType:
    return load_script("train_attribution_filter")


SOURCE, CUE = (0, 5), (6, 10)
GOLD = [([SOURCE], [CUE], [(16, 40)])]  # "Maren said that [the bridge will reopen soon]"


def _reading(parts: list[tuple[int, int]], cue_token: int = 1) -> Candidate:
    cue = CUE if cue_token >= 0 else None
    return Candidate(SOURCE, cue, parts, "indirect", cue_token=cue_token, source_head=0)


@pytest.mark.parametrize(
    ("readings", "expected"),
    [
        ([[(16, 40)], [(11, 60)]], [1, 0]),  # exact beats a longer overlapping reading
        ([[(11, 60)], [(16, 40)]], [0, 1]),  # whatever the order
        ([[(11, 60)], [(45, 60)]], [1, 0]),  # the only overlapping one stays positive
        ([[(45, 60)], [(50, 60)]], [0, 0]),  # no match, no positive
    ],
)
def test_best_reading_of_a_cue_is_the_positive_one(
    training: ModuleType, readings: list[list[tuple[int, int]]], expected: list[int]
) -> None:
    scored = [(_reading(parts), [], 0.5) for parts in readings]
    assert training.labels(scored, GOLD) == expected
    assert [training.label(c, GOLD) for c, _, _ in scored] == [
        int(any(s < 40 and e > 16 for s, e in c.parts)) for c, _, _ in scored
    ]


def test_readings_of_different_cue_words_are_labelled_apart(training: ModuleType) -> None:
    scored = [(_reading([(16, 40)], 1), [], 0.5), (_reading([(11, 60)], 2), [], 0.5)]
    assert training.labels(scored, GOLD) == [1, 1]


@pytest.mark.parametrize(
    ("gold_source", "expected"),
    [
        ([], [0, 1]),  # gold credits no one: the twin crediting no one is the positive
        ([SOURCE], [1, 0]),  # gold credits the subject: the twin does not even match
    ],
)
def test_a_twin_crediting_no_one_is_labelled_by_whom_gold_credits(
    training: ModuleType, gold_source: list[tuple[int, int]], expected: list[int]
) -> None:
    credited = _reading([(16, 40)])
    twin = Candidate(None, CUE, [(16, 40)], "indirect", cue_token=1, source_head=0)
    gold = [(gold_source, [CUE], [(16, 40)])]
    scored = [(credited, [], 0.5), (twin, [], 0.5)]
    assert training.labels(scored, gold) == expected

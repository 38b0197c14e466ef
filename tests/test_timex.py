"""The temporal-expression extractor on our own sentences, anchored on Friday 2024-03-15."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecon.pipeline.timex import Timex, find_timexes, infer_year

ANCHOR = date(2024, 3, 15)  # a Friday


def _only(text: str, anchor: date | datetime | None = ANCHOR) -> Timex:
    found = find_timexes(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "span", "type_", "value", "anchored"),
    [
        ("The minister resigned on Thursday.", "Thursday", "DATE", "2024-03-14", True),
        ("The minister resigned on Friday.", "Friday", "DATE", "2024-03-15", True),
        ("The minister will resign on Thursday.", "Thursday", "DATE", "2024-03-21", True),
        ("The bridge closed last Thursday.", "last Thursday", "DATE", "2024-03-14", True),
        ("Exports fell last month.", "last month", "DATE", "2024-02", True),
        ("Exports rose earlier this month.", "earlier this month", "DATE", "2024-03", True),
        ("Talks resume next week.", "next week", "DATE", "2024-W12", True),
        ("Sales doubled this year.", "this year", "DATE", "2024", True),
        ("The mill shut two years ago.", "two years ago", "DATE", "2022", True),
        ("They signed a day after.", "a day after", "DATE", "2024-03-16", True),
        ("The dam burst yesterday.", "yesterday", "DATE", "2024-03-14", True),
        ("Voting ends tomorrow.", "tomorrow", "DATE", "2024-03-16", True),
        ("The fire started on March 3.", "March 3", "DATE", "2024-03-03", True),
        ("The fire started on 16 November 2023.", "16 November 2023", "DATE", "2023-11-16", False),
        ("The fire started on Nov. 16, 2023.", "Nov. 16, 2023", "DATE", "2023-11-16", False),
        ("The file is dated 2023-11-16.", "2023-11-16", "DATE", "2023-11-16", False),
        ("The file is dated 11/16/2023.", "11/16/2023", "DATE", "2023-11-16", False),
        ("The file is dated 16/11/2023.", "16/11/2023", "DATE", "2023-11-16", False),
        ("The mine opened in 2020.", "2020", "DATE", "2020", False),
        ("Output peaked in November 2019.", "November 2019", "DATE", "2019-11", False),
        ("Prices soared in the 1990s.", "the 1990s", "DATE", "199", False),
        (
            "Results for the third quarter of 2023.",
            "the third quarter of 2023",
            "DATE",
            "2023-Q3",
            False,
        ),
        (
            "The harvest failed in the summer of 2021.",
            "the summer of 2021",
            "DATE",
            "2021-SU",
            False,
        ),
        ("The strike lasted three days.", "three days", "DURATION", "P3D", False),
        ("It is a two-year contract.", "two-year", "DURATION", "P2Y", False),
        ("The feud lasted decades.", "decades", "DURATION", "PXDE", False),
        ("The council meets every week.", "every week", "SET", "P1W", False),
        ("Fees are paid annually.", "annually", "SET", "P1Y", False),
        ("Now the plant is idle.", "Now", "DATE", "PRESENT_REF", True),
        ("The plant is currently idle.", "currently", "DATE", "PRESENT_REF", True),
        ("The plant recently closed.", "recently", "DATE", "PAST_REF", True),
        ("Such plants belong to the past.", "the past", "DATE", "PAST_REF", True),
        ("Such plants may return in the future.", "the future", "DATE", "FUTURE_REF", True),
        ("The polls close at 3 p.m.", "3 p.m.", "TIME", "2024-03-15T15:00", True),
        ("The polls opened at noon.", "noon", "TIME", "2024-03-15T12:00", True),
        ("Riots broke out Thursday morning.", "Thursday morning", "TIME", "2024-03-14TMO", True),
        ("Markets open Friday, March 8.", "Friday, March 8", "DATE", "2024-03-08", True),
    ],
)
def test_expressions(sentence: str, span: str, type_: str, value: str, anchored: bool) -> None:
    timex = _only(sentence)
    assert (timex.text, timex.type, timex.value, timex.anchored) == (span, type_, value, anchored)
    assert sentence[timex.start : timex.end] == span


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The strike began on November 16.", "XXXX-11-16"),
        ("The strike began on Thursday.", "XXXX-WXX-4"),
        ("The strike began yesterday.", "XXXX-XX-XX"),
        ("The strike began in 2019.", "2019"),
        ("The strike lasted three days.", "P3D"),
    ],
)
def test_without_anchor_the_anchored_digits_are_unknown(sentence: str, value: str) -> None:
    assert _only(sentence, None).value == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # The reference time: a comparison or a sequel counts from the last date named.
        ("Profit rose in the third quarter of 2023 from a year earlier.", "2022-Q3"),
        ("The deal closed on June 2, 2023, and the shares rose the next day.", "2023-06-03"),
    ],
)
def test_relative_to_the_reference_time(sentence: str, value: str) -> None:
    assert find_timexes(sentence, ANCHOR)[-1].value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "The cost was $2019 per unit.",
        "Shares may rise, analysts said.",
        "Prices fall when supply grows.",
        "A quarter of the voters stayed home.",
        "He won a second time.",
    ],
)
def test_no_expression(sentence: str) -> None:
    assert find_timexes(sentence, ANCHOR) == []


def test_datetime_anchor_is_the_same_day() -> None:
    assert _only("It rained yesterday.", datetime(2024, 3, 15, 23, 59)).value == "2024-03-14"


@pytest.mark.parametrize(
    ("weekday", "month", "day", "near", "window", "expected"),
    [
        (4, 3, 15, date(2024, 6, 1), 10, [2024, 2019, 2030]),  # Friday 15 March
        (3, 11, 16, date(2023, 1, 1), 6, [2023, 2028, 2017]),  # Thursday 16 November
        (3, 2, 29, date(2024, 1, 1), 30, [2024, 1996, 2052]),  # leap years; tie: earlier first
        (0, 2, 30, date(2024, 1, 1), 10, []),  # no such day
        (4, 3, 15, date(2024, 1, 1), 0, [2024]),
    ],
)
def test_infer_year(
    weekday: int, month: int, day: int, near: date, window: int, expected: list[int]
) -> None:
    assert infer_year(weekday, month, day, near, window_years=window) == expected
    for year in expected:
        assert date(year, month, day).weekday() == weekday


_WORDS = st.sampled_from(
    [
        "on",
        "Thursday",
        "last",
        "month",
        "March",
        "3",
        "16",
        "November",
        "2023",
        "the",
        "1990s",
        "three",
        "days",
        "every",
        "week",
        "now",
        "a",
        "day",
        "after",
        "ago",
        "two",
        "years",
        ",",
        ".",
        "11/16/2023",
        "2023-11-16",
        "p.m.",
        "noon",
        "quarter",
        "third",
        "summer",
        "yesterday",
        "next",
        "earlier",
        "this",
        "fiscal",
        "'80s",
        "Friday",
        "morning",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(_WORDS, max_size=25),
    seps=st.sampled_from([" ", "  ", "\n", " - "]),
    with_anchor=st.booleans(),
)
def test_spans_are_the_text(words: list[str], seps: str, with_anchor: bool) -> None:
    text = seps.join(words)
    found = find_timexes(text, ANCHOR if with_anchor else None)
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in {"DATE", "TIME", "DURATION", "SET"}
        assert timex.value
    ends = [t.end for t in found]
    starts = [t.start for t in found]
    assert all(e <= s for e, s in zip(ends, starts[1:], strict=False))


@given(st.text(max_size=200))
@settings(max_examples=100, deadline=None)
def test_any_text_is_safe(text: str) -> None:
    for timex in find_timexes(text, ANCHOR):
        assert text[timex.start : timex.end] == timex.text

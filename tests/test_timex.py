"""The temporal-expression extractor on our own sentences, anchored on Friday 2024-03-15."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsrecon.pipeline.nlp import get_pipeline
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


# --- rules added for the TimeML conventions (fictional sentences, anchor Friday 2024-03-15) --


@pytest.mark.parametrize(
    ("sentence", "span", "type_", "value"),
    [
        # A clock time with its day is one TIME (TIMEX3 extent), the day read as usual.
        ("The polls closed at 8 p.m. Thursday.", "8 p.m. Thursday", "TIME", "2024-03-14T20:00"),
        (
            "The ferry left Thursday, 7:30 a.m. sharp.",
            "Thursday, 7:30 a.m.",
            "TIME",
            "2024-03-14T07:30",
        ),
        ("The vote ends at noon tomorrow.", "noon tomorrow", "TIME", "2024-03-16T12:00"),
        (
            "The vote ended 9 a.m. EST yesterday.",
            "9 a.m. EST yesterday",
            "TIME",
            "2024-03-14T09:00",
        ),
        # "for the year": a stretch of time, a duration.
        ("The mill made a profit for the year.", "the year", "DURATION", "P1Y"),
        # "the past year", "the last week": the period just gone, like "last year".
        ("Rents rose over the past year.", "the past year", "DATE", "2023"),
        ("Rents rose in the last month.", "the last month", "DATE", "2024-02"),
        ("Rents will rise over the coming year.", "the coming year", "DURATION", "P1Y"),
    ],
)
def test_convention_rules(sentence: str, span: str, type_: str, value: str) -> None:
    timex = _only(sentence)
    assert (timex.text, timex.type, timex.value) == (span, type_, value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # In a comparison within a report on a quarter, "last year" is that quarter a year
        # before; outside one it is the year.
        ("Profit in the third quarter of 2023 rose from $4 million last year.", "2022-Q3"),
        ("Profit in the third quarter of 2023 rose. The firm was founded last year.", "2023"),
        # "a year earlier" than a named day is that day a year before.
        ("The bridge opened on June 2, 2023, a year earlier than planned.", "2022-06-02"),
    ],
)
def test_reference_time_rules(sentence: str, value: str) -> None:
    assert find_timexes(sentence, ANCHOR)[-1].value == value


@pytest.fixture(scope="module")
def nlp() -> Language:
    return get_pipeline()


@pytest.mark.parametrize(
    ("sentence", "anchor", "with_parse", "without_parse"),
    [
        # The modal of the governing verb puts the day ahead, though a past verb is nearer.
        (
            "The mayor, who was elected last year, could announce her decision on Tuesday.",
            ANCHOR,
            "2024-03-19",
            "2024-03-12",
        ),
        # An infinitive under a verb of planning is ahead.
        ("Voters who were polled expect the count to end on Tuesday.", ANCHOR, "2024-03-19", None),
        # A past verb keeps the day behind.
        ("The committee met on Tuesday.", ANCHOR, "2024-03-12", "2024-03-12"),
        # With no tense in the verb forms, a month is the one nearest the anchor.
        ("The harvest festival in February draws crowds.", date(2024, 11, 20), "2025-02", None),
        ("The minister resigned in February.", date(2024, 11, 20), "2024-02", "2024-02"),
        ("The firm said it would report in February.", date(2024, 11, 20), "2025-02", None),
    ],
)
def test_the_parse_decides_the_tense(
    nlp: Language, sentence: str, anchor: date, with_parse: str, without_parse: str | None
) -> None:
    parsed = find_timexes(sentence, anchor, nlp(sentence))[-1]
    assert parsed.value == with_parse
    if without_parse is not None:
        assert find_timexes(sentence, anchor)[-1].value == without_parse
    # The parse changes values only, never which expressions are found.
    plain = find_timexes(sentence, anchor)
    assert [(t.start, t.end) for t in plain] == [
        (t.start, t.end) for t in find_timexes(sentence, anchor, nlp(sentence))
    ]


def test_a_parse_of_another_text_is_refused(nlp: Language) -> None:
    with pytest.raises(ValueError, match="not of this text"):
        find_timexes("The vote is on Tuesday.", ANCHOR, nlp("Another text entirely."))

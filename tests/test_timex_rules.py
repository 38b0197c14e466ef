"""Rule families of the temporal-expression extractor after the TimeML guidelines: years said
in words, reporting periods, vague stretches, titles and ages. Fictional sentences, anchored
on Friday 2024-03-15."""

from __future__ import annotations

from datetime import date

import pytest

from newsrecon.pipeline.timex import find_timexes

ANCHOR = date(2024, 3, 15)


def _found(sentence: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_timexes(sentence, ANCHOR)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Years and decades said in words, as transcripts write them.
        ("The dam was built in nineteen ninety-six.", ("nineteen ninety-six", "DATE", "1996")),
        ("The pact ran out in the year two thousand.", ("the year two thousand", "DATE", "2000")),
        ("The mill closed in two thousand.", ("two thousand", "DATE", "2000")),
        ("The mill closed in nineteen oh five.", ("nineteen oh five", "DATE", "1905")),
        (
            "The ferry sank in January nineteen ninety-seven.",
            ("January nineteen ninety-seven", "DATE", "1997-01"),
        ),
        (
            "Snow fell all through the winter of nineteen ninety-four.",
            ("the winter of nineteen ninety-four", "DATE", "1994-WI"),
        ),
        ("Rents soared in the nineteen eighties.", ("the nineteen eighties", "DATE", "198")),
        # A month with a year counted from the anchor is one month.
        ("The road opened in June last year.", ("June last year", "DATE", "2023-06")),
        ("The road opens in April next year.", ("April next year", "DATE", "2025-04")),
        # Vague stretches and the near future.
        ("Prices may ease in the near future.", ("the near future", "DATE", "FUTURE_REF")),
        ("Prices will stay high in the short term.", ("the short term", "DATE", "FUTURE_REF")),
        (
            "The pump must be fixed as soon as possible.",
            ("as soon as possible", "DATE", "FUTURE_REF"),
        ),
        ("More stores will close in the coming months.", ("the coming months", "DURATION", "PXM")),
        ("The weeks ahead will be hard.", ("The weeks ahead", "DURATION", "PXW")),
        ("The repairs took a couple of years.", ("a couple of years", "DURATION", "P2Y")),
        # Midday is noon.
        ("The market closed at midday.", ("midday", "TIME", "2024-03-15T12:00")),
        # A date before a colon is still a date.
        (
            "The paper wrote on Monday, Oct. 23: no change.",
            ("Monday, Oct. 23", "DATE", "2023-10-23"),
        ),
    ],
)
def test_single_expression(sentence: str, expected: tuple[str, str, str]) -> None:
    assert _found(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        # Counts, ages and the names of programmes and films are not times.
        "Nineteen ninety-six people signed the letter.",
        "About two thousand people marched.",
        "Mr. Dunmore, 52 years old, will retire.",
        "She spoke on the programme Morning Edition This Week with Ann Lark.",
        "The film High Noon was shown again.",
        "He is the host of Radio Today.",
        "The long-term plan was dropped.",
    ],
)
def test_no_expression(sentence: str) -> None:
    assert _found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "last"),
    [
        # The period a report is about: anaphora, comparisons and the year before.
        (
            "Profit rose in the third quarter of 2023. In the latest period, costs fell.",
            ("the latest period", "DATE", "2023-Q3"),
        ),
        (
            "Profit rose in the third quarter of 2023, against a loss in the 2022 quarter.",
            ("the 2022 quarter", "DATE", "2022-Q3"),
        ),
        (
            "Profit rose in the second quarter of 2023 from the quarter a year ago.",
            ("the quarter a year ago", "DATE", "2022-Q2"),
        ),
        (
            "Sales in the second half of 2023 beat the comparable period last year.",
            ("the comparable period last year", "DATE", "2022-H2"),
        ),
        # A comparison does not move the report out of its own period.
        (
            "Profit in the third quarter of 2023 beat the year-ago quarter. "
            "Costs fell in the quarter.",
            ("the quarter", "DATE", "2023-Q3"),
        ),
        # The day that closes a period dates it without moving the text to that day.
        (
            "Profit rose in the third quarter of 2023 ended Sept. 30 from a year earlier.",
            ("a year earlier", "DATE", "2022-Q3"),
        ),
        # A stretch to date puts the text in its year.
        (
            "Profit rose in the third quarter of 2023. For the first nine months, profit "
            "rose from a year earlier.",
            ("a year earlier", "DATE", "2022"),
        ),
        (
            "For the nine months, profit rose. In the year-earlier period, it fell.",
            ("the year-earlier period", "DURATION", "P9M"),
        ),
        (
            "Profit for the year-earlier nine months was lower.",
            ("the year-earlier nine months", "DURATION", "P9M"),
        ),
        ("Sales for the full year will rise.", ("the full year", "DATE", "2024")),
        (
            "Sales in the current fiscal year will rise.",
            ("the current fiscal year", "DATE", "2024"),
        ),
        ("The chain lost money for the fiscal year.", ("the fiscal year", "DURATION", "P1Y")),
    ],
)
def test_reporting_periods(sentence: str, last: tuple[str, str, str]) -> None:
    assert _found(sentence)[-1] == last


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # "next to" is a place, not a future cue: the weekday stays behind.
        ("Two stalls burned next to the station on Thursday.", "2024-03-14"),
        ("The fair opens next week and the stalls open on Thursday.", "2024-03-21"),
    ],
)
def test_weekday_cues(sentence: str, value: str) -> None:
    assert _found(sentence)[-1][2] == value

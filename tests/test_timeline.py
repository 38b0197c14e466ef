"""The timeline stage on fictional reports: years from weekdays, relative expressions against
the publication date, and publication dates estimated for undated reports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecon.model import Article, Story
from newsrecon.model.timeline import PublicationEstimate, TimelineEvent
from newsrecon.pipeline import nlp
from newsrecon.pipeline.analysis import StoryInput
from newsrecon.pipeline.timeline.constraints import (
    Constraint,
    compatible,
    constraint_of,
    solve_year,
)
from newsrecon.pipeline.timeline.stage import granularity, timeline_stage

TODAY = date(2026, 1, 1)


def _article(aid: str, outlet: str, text: str, published: str | None = None) -> Article:
    return Article(
        id=aid,
        source=f"{aid}.txt",
        format="text",
        text=text,
        content_hash=aid,
        outlet=outlet,
        outlet_basis="metadata",
        published=published,
        published_basis="metadata" if published else None,
    )


def _run(articles: Sequence[Article], parse: bool = True) -> dict[str, tuple[object, ...]]:
    docs = dict(zip((a.id for a in articles), nlp.parse(a.text for a in articles), strict=True))
    story = Story("s1", tuple(a.id for a in articles), "fixture")
    return dict(timeline_stage(StoryInput(story, tuple(articles), docs if parse else {}), {}))


def _estimates(result: dict[str, tuple[object, ...]]) -> dict[str, PublicationEstimate]:
    out = {}
    for e in result["published_estimates"]:
        assert isinstance(e, PublicationEstimate)
        out[e.article] = e
    return out


def _events(result: dict[str, tuple[object, ...]]) -> list[TimelineEvent]:
    return [e for e in result["timeline"] if isinstance(e, TimelineEvent) and e.kind == "event"]


# --- a weekday beside a calendar date fixes the year --------------------------------------


@pytest.mark.parametrize(
    ("weekday", "month", "day", "lower", "year"),
    [
        (3, 11, 16, 2022, 2023),  # Thursday 16 November
        (3, 3, 14, 2020, 2024),  # Thursday 14 March (2019 lies below the bound)
        (3, 3, 14, 2019, 2019),
        (0, 2, 29, 2010, 2016),  # Monday 29 February: leap years only
        (4, 7, 4, None, 2025),  # Friday 4 July, no bound: the latest year before today
    ],
)
def test_weekday_and_date_fix_the_year(
    weekday: int, month: int, day: int, lower: int | None, year: int
) -> None:
    solution = solve_year(Constraint(None, month, day, weekday), lower, TODAY)
    assert solution is not None
    assert solution.day == date(year, month, day)
    assert solution.day.weekday() == weekday
    assert str(year) in solution.basis


def test_an_impossible_weekday_and_date_has_no_year_in_range() -> None:
    # 30 February never exists; a Friday 4 July before the bound year and after today neither.
    assert solve_year(Constraint(None, 2, 30, 0), 2000, TODAY) is None
    assert solve_year(Constraint(None, 7, 4, 4), TODAY.year, TODAY) is None


@pytest.mark.parametrize(
    ("value", "expression", "expected"),
    [
        ("XXXX-11-16", "November 16", Constraint(None, 11, 16, None)),
        ("XXXX-11-16", "Thursday, Nov. 16", Constraint(None, 11, 16, 3)),
        ("XXXX-WXX-4", "Thursday", Constraint(weekday=3)),
        ("2023-11-16", "16 November 2023", Constraint(2023, 11, 16)),
        ("2023-11", "November 2023", Constraint(2023, 11)),
        ("PRESENT_REF", "now", None),
    ],
)
def test_anchor_free_values_become_constraints(
    value: str, expression: str, expected: Constraint | None
) -> None:
    assert constraint_of(value, expression) == expected


def test_compatibility_follows_the_calendar() -> None:
    thursday = Constraint(weekday=3)
    assert compatible(thursday, Constraint(2024, 3, 14))
    assert not compatible(thursday, Constraint(2024, 3, 15))
    assert compatible(thursday, Constraint(None, 3, 15))  # some year has it on a Thursday
    assert not compatible(Constraint(None, 3, 14), Constraint(None, 3, 15))


@pytest.mark.parametrize(
    ("value", "unit"),
    [
        ("2024-03-14", "day"),
        ("2024-03-14T15:00", "day"),
        ("2024-W11", "week"),
        ("2024-Q1", "quarter"),
        ("2024-SU", "season"),
        ("2024-03", "month"),
        ("2024", "year"),
        ("202", "decade"),
        ("2024-03-01/2024-03-14", "interval"),
        ("PAST_REF", None),
    ],
)
def test_granularity_of_values(value: str, unit: str | None) -> None:
    assert granularity(value) == unit


# --- relative expressions against the publication date -------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The council voted on Thursday to close the pier.", "Thursday", "2024-03-14"),
        ("Repairs to the pier began earlier this month.", "earlier this month", "2024-03"),
        ("Inspectors found cracks in the pier last month.", "last month", "2024-02"),
        ("The pier was closed yesterday after a storm.", "yesterday", "2024-03-14"),
        ("The ferry will resume service on Monday.", "Monday", "2024-03-18"),
        ("The pier first opened on January 9.", "January 9", "2024-01-09"),
    ],
)
def test_relative_expressions_resolve_against_the_publication_date(
    sentence: str, expression: str, value: str
) -> None:
    # Friday 15 March 2024 in the metadata.
    article = _article("a1", "Harbour Ledger", sentence, "2024-03-15")
    events = _events(_run([article], parse=False))
    found = {sentence[e.expression.start : e.expression.end]: e for e in events if e.expression}
    assert found[expression].date == value
    assert not found[expression].estimated  # the anchor is the metadata date


# --- publication dates for undated reports --------------------------------------------------

FERRY_A = (
    "The ferry company published its new timetable on Thursday, the port authority said.\n\n"
    "Crews began repairs to the damaged pier earlier this month."
)
FERRY_B = (
    "The ferry company published a new timetable on March 14, according to the port "
    "authority.\n\nThe old timetable was introduced in 2019."
)
FERRY_C = (
    "Passengers welcomed the changes at the harbour.\n\n"
    "The pier had been closed since March 2, 2024 for repairs, the port authority said."
)


@pytest.fixture(scope="module")
def ferry() -> dict[str, tuple[object, ...]]:
    return _run(
        [
            _article("a", "Harbour Ledger", FERRY_A),
            _article("b", "Valley Courier", FERRY_B),
            _article("c", "Quay Times", FERRY_C),
        ]
    )


def test_weekday_and_date_from_two_outlets_place_the_event(
    ferry: dict[str, tuple[object, ...]],
) -> None:
    merged = [e for e in _events(ferry) if len(e.outlets) >= 2]
    assert merged, _events(ferry)
    event = merged[0]
    day = date.fromisoformat(event.date)
    assert day.weekday() == 3 and (day.month, day.day) == (3, 14)
    # 2019 is also a year with a Thursday 14 March, but the story mentions 2024.
    assert day.year == 2024
    assert event.estimated and "Thursday" in event.basis
    assert {m.outlet for m in event.mentions} == {"Harbour Ledger", "Valley Courier"}


def test_undated_reports_are_estimated_and_bounded_by_their_dates(
    ferry: dict[str, tuple[object, ...]],
) -> None:
    estimates = _estimates(ferry)
    assert set(estimates) == {"a", "b", "c"}
    for estimate in estimates.values():
        assert estimate.estimated
        assert 0 < estimate.confidence < 1
        assert estimate.basis
    assert estimates["a"].date == estimates["b"].date == "2024-03-14"
    assert estimates["c"].date >= "2024-03-02"
    # Relative expressions of an undated report resolve against its estimate, marked as such.
    relative = [e for e in _events(ferry) if e.date == "2024-03" and "a" in _articles_of(e)]
    assert relative and relative[0].estimated


def _articles_of(event: TimelineEvent) -> set[str]:
    return {m.expression.article for m in event.mentions}


def test_latest_written_date_bounds_an_undated_report() -> None:
    text = (
        "The museum reopened on 3 May 2021 after a long closure.\n\n"
        "A new wing followed on June 9, 2021, the director said."
    )
    result = _run([_article("m", "Gallery Notes", text)])
    estimate = _estimates(result)["m"]
    assert estimate.estimated and estimate.date == "2021-06-09"
    published = [e for e in result["timeline"] if isinstance(e, TimelineEvent)]
    assert any(e.kind == "published" and e.estimated and e.article == "m" for e in published)


def test_metadata_dates_are_not_estimates() -> None:
    result = _run([_article("k", "Harbour Ledger", "The pier closed on Thursday.", "2024-03-15")])
    estimate = _estimates(result)["k"]
    assert (estimate.date, estimate.estimated, estimate.confidence) == ("2024-03-15", False, 1.0)


def test_a_report_without_any_date_gets_no_estimate() -> None:
    result = _run([_article("z", "Quay Times", "Passengers welcomed the new timetable.")])
    assert result["published_estimates"] == ()


# --- every span indexes its article's text -------------------------------------------------

_PIECES = st.sampled_from(
    [
        "The pier closed on Thursday.",
        "Repairs began earlier this month.",
        "The ferry sailed on 14 March.",
        "Service resumes next week.",
        "It opened in 2019.",
        "Crews worked for three days.",
        "Nothing happened.",
        "\n\n",
        " ",
        "“Quoted,” she said on Friday, March 15.",
    ]
)


@settings(max_examples=40, deadline=None)
@given(
    texts=st.lists(st.lists(_PIECES, min_size=1, max_size=6), min_size=1, max_size=3),
    dated=st.booleans(),
)
def test_every_span_indexes_its_article(texts: list[list[str]], dated: bool) -> None:
    articles = [
        _article(f"h{i}", f"Outlet {i}", " ".join(parts), "2024-03-15" if dated and i else None)
        for i, parts in enumerate(texts)
    ]
    story = Story("s", tuple(a.id for a in articles), "t")
    result = timeline_stage(StoryInput(story, tuple(articles), {}), {})
    by_id = {a.id: a for a in articles}
    for event in result["timeline"]:
        spans = [event.expression, event.evidence]
        spans += [s for m in event.mentions for s in (m.expression, m.evidence)]
        for span in spans:
            if span is None:
                continue
            assert 0 <= span.start <= span.end <= len(by_id[span.article].text)
        for m in event.mentions:
            e, s = m.expression, m.evidence
            assert s.article == e.article and s.start <= e.start <= e.end <= s.end

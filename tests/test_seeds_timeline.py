"""The seed reports on the timeline. No report states the year of the event they all cover:
it follows from one report's weekday and another's calendar date. Events are found by the
shape of their expressions (a bare weekday, a day and month without a year), never by text."""

from __future__ import annotations

import calendar
import re
from datetime import date

import pytest

from newsrecon.report.schema import Document
from newsrecon.report.schema_timeline import TimelineEventOut

_WEEKDAY = re.compile(rf"^({'|'.join(calendar.day_name)})$")
_MONTHS = "|".join(calendar.month_name[1:])
_DAY_MONTH = re.compile(
    rf"^(?:(?P<m1>{_MONTHS}) (?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}}) (?P<m2>{_MONTHS}))$"
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")

pytestmark = pytest.mark.corpus


def _weekday_and_date_events(doc: Document) -> list[tuple[TimelineEventOut, int, int, int]]:
    """Events named by a bare weekday in one outlet and a year-less date in another."""
    found = []
    for story in doc.stories:
        for event in story.timeline:
            weekdays = {
                (m.outlet, list(calendar.day_name).index(w[1]))
                for m in event.mentions
                if (w := _WEEKDAY.match(m.expression.text))
            }
            dates = {
                (
                    m.outlet,
                    list(calendar.month_name).index(d["m1"] or d["m2"]),
                    int(d["d1"] or d["d2"]),
                )
                for m in event.mentions
                if (d := _DAY_MONTH.match(m.expression.text))
            }
            for w_outlet, weekday in weekdays:
                for d_outlet, month, day in dates:
                    if w_outlet != d_outlet:
                        found.append((event, weekday, month, day))
    return found


def test_weekday_and_calendar_date_place_the_event(seed_document: Document) -> None:
    story = seed_document.stories[0]
    found = _weekday_and_date_events(seed_document)
    assert found, [(e.date, [m.expression.text for m in e.mentions]) for e in story.timeline]
    event, weekday, month, day = max(found, key=lambda f: len(f[0].outlets))
    placed = date.fromisoformat(event.date)
    assert (placed.month, placed.day) == (month, day)
    assert placed.weekday() == weekday
    # The year is inferred, not read: no report writes it, and it is no earlier than the
    # latest year the reports do write, and not in the future.
    assert all(str(placed.year) not in a.text for a in story.articles)
    written = [int(y) for a in story.articles for y in _YEAR.findall(a.text)]
    assert placed.year >= max(written) and placed <= date.today()
    assert event.estimated and event.basis
    assert len(event.outlets) >= 3  # the story's news: most outlets report it


def test_undated_reports_get_an_estimate_on_or_after_the_event(seed_document: Document) -> None:
    story = seed_document.stories[0]
    found = _weekday_and_date_events(seed_document)
    assert found
    event = max(found, key=lambda f: len(f[0].outlets))[0]
    undated = [a.id for a in story.articles if a.published is None]
    assert undated
    published = {e.article: e for e in story.timeline if e.kind == "published"}
    for article in undated:
        entry = published[article]
        assert entry.estimated and entry.basis and 0 < entry.confidence < 1
        assert entry.date >= event.date

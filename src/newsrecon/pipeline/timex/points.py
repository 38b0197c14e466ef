"""Calendar points at a TIMEX3 granularity, their arithmetic, and their TIMEX3 values.

A :class:`Point` is a day plus the granularity the expression speaks at: "last month" is the
month containing the day a month before the anchor, written "2024-02". Weeks are ISO weeks
("2024-W11"), seasons use TimeML's codes (SP, SU, FA, WI), quarters and halves count from
January.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

Granularity = Literal[
    "century", "decade", "year", "half", "quarter", "season", "month", "week", "weekend", "day"
]

# Coarse to fine; shifting a point by a unit never makes it finer than it was.
ORDER: tuple[Granularity, ...] = (
    "century",
    "decade",
    "year",
    "half",
    "quarter",
    "season",
    "month",
    "week",
    "weekend",
    "day",
)
SEASON_OF_MONTH = {
    1: "WI",
    2: "WI",
    3: "SP",
    4: "SP",
    5: "SP",
    6: "SU",
    7: "SU",
    8: "SU",
    9: "FA",
    10: "FA",
    11: "FA",
    12: "WI",
}
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar day standing for the period of ``granularity`` that contains it."""

    day: date
    granularity: Granularity
    part: str = ""  # time of day: "MO", "AF", "EV", "NI", or "15:00"

    def value(self) -> str:
        """The TIMEX3 value of the period."""
        d = self.day
        match self.granularity:
            case "century":
                return f"{d.year // 100:02d}"
            case "decade":
                return f"{d.year // 10:03d}"
            case "year":
                return f"{d.year:04d}"
            case "half":
                return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
            case "quarter":
                return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
            case "season":
                return f"{d.year:04d}-{SEASON_OF_MONTH[d.month]}"
            case "month":
                return f"{d.year:04d}-{d.month:02d}"
            case "week" | "weekend":
                iso = d.isocalendar()
                suffix = "-WE" if self.granularity == "weekend" else ""
                return f"{iso.year:04d}-W{iso.week:02d}{suffix}"
            case "day":
                return f"{d.isoformat()}T{self.part}" if self.part else d.isoformat()

    def at(self, granularity: Granularity) -> Point:
        """The same day at another granularity (time of day dropped unless still a day)."""
        return replace(
            self, granularity=granularity, part=self.part if granularity == "day" else ""
        )


def coarser(a: Granularity, b: Granularity) -> Granularity:
    """The coarser of two granularities."""
    return a if ORDER.index(a) <= ORDER.index(b) else b


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = max(1, min(9999, year))
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


Unit = Literal["century", "decade", "year", "half", "quarter", "month", "week", "day"]
UNIT_MONTHS: dict[str, int] = {
    "century": 1200,
    "decade": 120,
    "year": 12,
    "half": 6,
    "quarter": 3,
    "month": 1,
}


def shift(day: date, unit: str, n: int) -> date:
    """``day`` moved by ``n`` of ``unit``s (negative is earlier)."""
    try:
        if unit in UNIT_MONTHS:
            return add_months(day, UNIT_MONTHS[unit] * n)
        if unit in ("week", "weekend"):
            return day + timedelta(weeks=n)
        return day + timedelta(days=n)
    except OverflowError:
        return day


def nearest_weekday(anchor: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (Monday 0) on or before ``anchor`` (direction -1) or after it (+1).

    Past reference includes the anchor day itself, since news dated Friday reports "Friday"'s
    events; future reference excludes it ("will meet Friday" in a Friday paper means next week).
    """
    if direction < 0:
        return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)
    ahead = (weekday - anchor.weekday()) % 7
    return anchor + timedelta(days=ahead or 7)


def month_year(anchor: date, month: int, direction: int) -> int:
    """The year of a month named without one: the anchor's year, unless the month lies more
    than a quarter after (past tense) or before (future tense) the anchor's month.

    News reports upcoming dates in the past tense ("said the offer expires Dec. 15"), so the
    tense moves the year only for months too far off to be the near future (or past).
    With no tense (``direction`` 0) the month is the occurrence nearest the anchor.
    """
    diff = month - anchor.month
    if direction == 0:
        return anchor.year - 1 if diff > 6 else anchor.year + 1 if diff < -6 else anchor.year
    if direction < 0 and diff > 3:
        return anchor.year - 1
    if direction > 0 and diff < -3:
        return anchor.year + 1
    return anchor.year


def infer_year(
    weekday: int, month: int, day: int, near: date | None, window_years: int = 10
) -> list[int]:
    """Years within ``window_years`` of ``near`` in which ``day`` ``month`` is a ``weekday``.

    "Friday, March 15" fixes its year up to the 28-year cycle of the calendar, so a
    publication year missing from a page can be estimated from it; the nearest candidates come
    first (earlier before later on a tie). ``weekday`` counts from Monday 0; without ``near``
    the window is centred on today. An impossible day-month (30 February) gives no year, and
    29 February only leap years.
    """
    centre = (near or date.today()).year
    found: list[int] = []
    for year in range(max(1, centre - window_years), min(9999, centre + window_years) + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday:
            found.append(year)
    return sorted(found, key=lambda y: (abs(y - centre), y))

"""Anchor-free TIMEX3 values as calendar constraints, and the years that satisfy them.

Without a publication date, "November 16" is ``XXXX-11-16`` and "Thursday" ``XXXX-WXX-4``:
each alone leaves the day open, but when two outlets name one event with them the year is the
one in which 16 November is a Thursday. The calendar repeats every 28 years at most (and
sooner for most dates), so the year is chosen within bounds: not after today, and not before
the latest year the story itself mentions in the past tense.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_FULL = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)")
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")
_YEARISH = re.compile(r"^(\d{4})(?:-(\d\d))?$")
_WEEKDAY_WORD = re.compile(
    r"\b(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.IGNORECASE
)
_WEEKDAY_INDEX = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


@dataclass(frozen=True, slots=True)
class Constraint:
    """What an expression fixes of a day: any of year, month, day of month, weekday (Mon 0)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None

    @property
    def is_day(self) -> bool:
        """Whether it speaks of one day (possibly with the year or more open)."""
        return self.day is not None or (self.weekday is not None and self.month is None)

    def fixed(self) -> date | None:
        """The day, when year, month and day are all known (and valid)."""
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None

    def admits(self, day: date) -> bool:
        return (
            (self.year is None or self.year == day.year)
            and (self.month is None or self.month == day.month)
            and (self.day is None or self.day == day.day)
            and (self.weekday is None or self.weekday == day.weekday())
        )


def constraint_of(value: str, expression: str = "") -> Constraint | None:
    """The constraint an anchor-free TIMEX3 ``value`` states; a weekday written in
    ``expression`` beside a year-less date ("Thursday, November 16") is kept too."""
    if m := _FULL.match(value):
        return Constraint(int(m[1]), int(m[2]), int(m[3]))
    if m := _MONTH_DAY.match(value):
        return Constraint(None, int(m[1]), int(m[2]), weekday_in(expression))
    if m := _WEEKDAY.match(value):
        return Constraint(weekday=int(m[1]) - 1)
    if m := _YEARISH.match(value):
        return Constraint(int(m[1]), int(m[2]) if m[2] else None)
    return None


def weekday_in(expression: str) -> int | None:
    """The weekday an expression names, if it names one."""
    m = _WEEKDAY_WORD.search(expression)
    return _WEEKDAY_INDEX[m[1].lower()[:3]] if m else None


def compatible(a: Constraint, b: Constraint) -> bool:
    """Whether some day satisfies both (checked field by field, then by the calendar)."""
    for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day), (a.weekday, b.weekday)):
        if x is not None and y is not None and x != y:
            return False
    merged = merge(a, b)
    day = merged.fixed()
    if day is not None and merged.weekday is not None:
        return day.weekday() == merged.weekday
    return True


def merge(a: Constraint, b: Constraint) -> Constraint:
    return Constraint(
        a.year if a.year is not None else b.year,
        a.month if a.month is not None else b.month,
        a.day if a.day is not None else b.day,
        a.weekday if a.weekday is not None else b.weekday,
    )


@dataclass(frozen=True, slots=True)
class Solution:
    """A day satisfying a constraint, how sure it is, and why, in words."""

    day: date
    confidence: float
    basis: str


def solve_year(
    c: Constraint, lower_year: int | None, today: date, near: date | None = None
) -> Solution | None:
    """The day a month-day-weekday constraint names, choosing its year.

    With ``near`` (a known publication date in the story), the candidate year closest to it.
    Otherwise among the years from ``lower_year`` (latest year the story mentions) to today's
    the earliest, since a story's latest mentioned year is usually its own or the one before;
    confidence falls with the number of candidates in that range.
    """
    if c.fixed() is not None:
        day = c.fixed()
        assert day is not None
        return Solution(day, 1.0, "the date is written in full")
    if c.month is None or c.day is None or c.weekday is None:
        return None
    centre = near.year if near is not None else today.year
    years = [
        y
        for y in range(centre - 30, centre + 2)
        if _valid(y, c.month, c.day) and date(y, c.month, c.day).weekday() == c.weekday
    ]
    wd = calendar.day_name[c.weekday]
    label = f"{c.day} {calendar.month_name[c.month]}"
    if near is not None:
        best = min(years, key=lambda y: (abs(y - near.year), y), default=None)
        if best is None or abs(best - near.year) > 1:
            return None
        return Solution(
            date(best, c.month, c.day),
            0.9,
            f"{label} is a {wd} in {best}, the year nearest the story's dated reports",
        )
    in_range = [y for y in years if y <= today.year and (lower_year is None or y >= lower_year)]
    if not in_range:
        return None
    year = in_range[0] if lower_year is not None else in_range[-1]
    bound = (
        f"on or after {lower_year}, the latest year the story mentions"
        if lower_year is not None
        else "the latest such year before today"
    )
    confidence = 0.85 if len(in_range) == 1 else 0.6 / len(in_range) ** 0.5
    return Solution(
        date(year, c.month, c.day), round(confidence, 2), f"{label} is a {wd} in {year}, {bound}"
    )


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True

"""Reporting periods in company results, after the TimeML guidelines' treatment of
anaphoric and comparative expressions: "the latest period" and "the 1988 quarter" name the
quarter (or half) the report is about, "the quarter a year ago" and "the comparable period
last year" that period a year before, and "the first nine months" is a stretch of time
(P9M) that puts the text in its year, so that a following "a year earlier" is the year
before, not a quarter.

The period the report is about is the last quarter or half the text named
(:attr:`Context.period`); the day that closes it ("the quarter ended Sept. 30") dates the
period rather than moving the text to that day (:func:`closes_a_period`).
"""

from __future__ import annotations

import re
from datetime import date

from newsrecon.pipeline.timex.context import Context
from newsrecon.pipeline.timex.lexicon import parse_number
from newsrecon.pipeline.timex.points import Point, add_months
from newsrecon.pipeline.timex.resolved import _YEAR, Handler, Resolved, _anchor

_CLOSES = re.compile(
    r"\b(?:quarter|period|half|year|months|weeks)(?:\s+of\s+\d{4})?,?\s+(?:that\s+)?"
    r"(?:ended|ending|ends|closed)"
    r"(?:\s+on)?\s+$",
    re.IGNORECASE,
)


def closes_a_period(ctx: Context, start: int) -> bool:
    """Whether the date at ``start`` is the end of a period just named ("the quarter ended
    Sept. 30"): it dates that period, and the text stays in it."""
    return bool(_CLOSES.search(ctx.text[max(0, start - 40) : start]))


def _last_period(ctx: Context) -> Point | None:
    if ctx.period is not None:
        return ctx.period
    ref = ctx.reference
    return ref if ref is not None and ref.granularity in ("quarter", "half") else None


def _completed_quarter(ctx: Context) -> Point:
    anchor = _anchor(ctx)
    current = date(anchor.year, (anchor.month - 1) // 3 * 3 + 1, 1)
    return Point(add_months(current, -3), "quarter")


def _named_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the latest period", "the current period", "the 1988 quarter", "the 1989 period"."""
    base = _last_period(ctx)
    unit = (m["unit"] or m["unit2"]).lower()
    if m["y"]:
        year = int(m["y"])
        if base is None and unit == "quarter":
            base = _completed_quarter(ctx)
        if base is None:
            return Resolved("DATE", f"{year:04d}", False)
        point = Point(date(year, base.day.month, 1), base.granularity)
        # A comparison with another year: the text stays in its own period.
        return Resolved("DATE", point.value(), False)
    if base is None:
        return None
    return Resolved("DATE", base.value(), True, "all")


def _period_year_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the quarter a year ago", "the comparable period last year"."""
    base = _last_period(ctx) or _completed_quarter(ctx)
    point = Point(add_months(base.day, -12), base.granularity)
    return Resolved("DATE", point.value(), True, "all")


def _year_to_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the first nine months": a duration, after which the text speaks of the year."""
    n = parse_number(m["n"])
    if n is None or not 1 <= n <= 11:
        return None
    if m["cmp"]:
        return Resolved("DURATION", f"P{n}M", False)  # the same stretch a year before
    base = _last_period(ctx)
    year = base.day.year if base is not None else _anchor(ctx).year
    return Resolved("DURATION", f"P{n}M", False, "none", Point(date(year, 1, 1), "year"))


def _whole_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the full year", "the current fiscal year": the year the report is in."""
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if m["rel"] is None and re.search(r"\b(?:for|over|throughout|during)\s+$", before, re.I):
        return Resolved("DURATION", "P1Y", False)  # "for the fiscal year": a stretch of time
    base = _last_period(ctx)
    year = base.day.year if base is not None else _anchor(ctx).year
    return Resolved("DATE", f"{year:04d}", True, "all", Point(date(year, 1, 1), "year"))


PERIOD_RULES: list[tuple[str, re.Pattern[str], Handler]] = [
    (
        "named-period",
        re.compile(
            r"\bthe\s+(?:(?P<rel>latest|current|same|comparable|corresponding|most\s+recent)"
            rf"\s+(?P<unit>period)|(?P<y>{_YEAR})\s+(?:fiscal\s+)?(?P<unit2>quarter|period))\b",
            re.IGNORECASE,
        ),
        _named_period,
    ),
    (
        "period-year-ago",
        re.compile(
            r"\bthe\s+(?:(?:same|comparable|corresponding|year-ago|year-earlier)\s+)?"
            r"(?:quarter|period|half)\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year"
            r"|(?:of\s+)?the\s+(?:previous|prior|preceding)\s+year)\b",
            re.IGNORECASE,
        ),
        _period_year_ago,
    ),
    (
        "year-to-date",
        re.compile(
            r"\bthe\s+(?:(?:first|latest)\s+|(?P<cmp>year-earlier|year-ago|comparable)\s+)?"
            r"(?P<n>three|six|nine|[369])\s+months\b(?![\s-]+ago)",
            re.IGNORECASE,
        ),
        _year_to_date,
    ),
    (
        "whole-year",
        re.compile(
            r"\bthe\s+(?:(?P<rel>full|current|latest|present)\s+(?:fiscal\s+)?|fiscal\s+)year\b"
            r"(?![\s-]+(?:ago|earlier|before|later|\d))",
            re.IGNORECASE,
        ),
        _whole_year,
    ),
]

"""Expressions made of two: a clock time with the day it falls on ("3 p.m. Thursday",
"Thursday, 10:30 a.m."). TimeML marks them as one TIME whose value joins the day and the
hour ("2024-03-14T15:00"); read apart, the clock would hang on the wrong day and the day
would lose its hour. Likewise a month with a year counted from the anchor ("June last
year") is one month ("2023-06"), not a month and a year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsrecon.pipeline.timex.context import Context
from newsrecon.pipeline.timex.lexicon import MONTH_RE, WEEKDAY_RE
from newsrecon.pipeline.timex.points import Point
from newsrecon.pipeline.timex.relative_rules import DAY_WORD_OFFSET, weekday_date
from newsrecon.pipeline.timex.resolved import (
    Handler,
    Resolved,
    _anchor,
    _capitalised,
    _date,
    _month_of,
    weekday_of,
)

_CLOCK = (
    r"(?:(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
    r"|(?P<noon>noon|midnight))"
)
_ZONE = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC)\b)?"
_DAY = rf"(?:(?P<wd>{WEEKDAY_RE})|(?P<w>today|yesterday|tomorrow))"


def _clock_time(m: re.Match[str]) -> tuple[int, int] | None:
    if m["noon"]:
        return (12, 0) if m["noon"].lower() == "noon" else (24, 0)
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    if hour > 12 or hour == 0:
        return None
    pm = m["ap"].lower().startswith("p")
    return (hour % 12) + (12 if pm else 0), minute


def _clock_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    clock = _clock_time(m)
    if clock is None:
        return None
    if m["wd"]:
        if m["wd"].lower().endswith("days"):
            return None
        weekday = weekday_of(m["wd"])
        if ctx.anchor is None:
            return Resolved("TIME", f"XXXX-WXX-{weekday + 1}T{clock[0]:02d}:{clock[1]:02d}", True)
        day = weekday_date(ctx, weekday, "", m.start(), m.end())
    else:
        base = ctx.anchor if ctx.anchor is not None else date(2000, 6, 15)
        day = base + timedelta(days=DAY_WORD_OFFSET[m["w"].lower()])
        if ctx.anchor is None:
            return Resolved("TIME", f"XXXX-XX-XXT{clock[0]:02d}:{clock[1]:02d}", True)
    return Resolved("TIME", f"{day.isoformat()}T{clock[0]:02d}:{clock[1]:02d}", True, "all")


def _month_relative_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    if not _capitalised(m["mon"]):
        return None
    shift = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    year = _anchor(ctx).year + shift
    return _date(m, ctx, Point(date(year, _month_of(m["mon"]), 1), "month"), "all")


COMPOUND_RULES: list[tuple[str, re.Pattern[str], Handler]] = [
    (
        "clock-day",
        re.compile(rf"(?<![\d:.]){_CLOCK}{_ZONE},?\s+(?:on\s+)?{_DAY}(?!\w)", re.IGNORECASE),
        _clock_day,
    ),
    (
        "day-clock",
        re.compile(rf"\b{_DAY},?\s+{_CLOCK}{_ZONE}(?![\w.])", re.IGNORECASE),
        _clock_day,
    ),
    (
        "month-relative-year",
        re.compile(rf"\b(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", re.I),
        _month_relative_year,
    ),
]

"""Handlers for expressions counted from the anchor or the reference time: weekdays, today
and its neighbours, clock times, "last month", "two years ago", "the next day", "the year".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsrecon.pipeline.timex.context import Context
from newsrecon.pipeline.timex.lexicon import (
    DURATION_CODE,
    PARTS_OF_DAY,
    parse_number,
)
from newsrecon.pipeline.timex.points import (
    Granularity,
    Point,
    add_months,
    nearest_weekday,
    shift,
)
from newsrecon.pipeline.timex.resolved import (
    Resolved,
    _anchor,
    _capitalised,
    _date,
    _period,
    _unit,
    in_a_title,
    weekday_of,
)

# --- weekdays and days relative to the anchor --------------------------------------------


def _weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = m["wd"]
    if not _capitalised(word):
        return None
    weekday = weekday_of(word)
    if word.lower().endswith("days"):
        return Resolved("SET", f"XXXX-WXX-{weekday + 1}", False)
    if ctx.anchor is None:
        return Resolved("DATE", f"XXXX-WXX-{weekday + 1}", True)
    day = weekday_date(ctx, weekday, (m["rel"] or "").lower(), m.start(), m.end())
    return _with_part(m, ctx, Point(day, "day"))


def weekday_date(ctx: Context, weekday: int, rel: str, start: int, end: int) -> date:
    """The day a weekday names: "last"/"next" as said, otherwise by the tense of its clause."""
    anchor = _anchor(ctx)
    if rel == "last" or rel == "past":
        return nearest_weekday(anchor - timedelta(days=1), weekday, -1)
    if rel in ("next", "coming"):
        return nearest_weekday(anchor, weekday, 1)
    if rel == "this":
        return anchor - timedelta(days=anchor.weekday()) + timedelta(days=weekday)
    return nearest_weekday(anchor, weekday, ctx.tense(start, end))


def _with_part(m: re.Match[str], ctx: Context, point: Point) -> Resolved:
    pod = m.groupdict().get("pod")
    if pod:
        return _date(m, ctx, Point(point.day, "day", PARTS_OF_DAY[pod.lower()]), "all", "TIME")
    return _date(m, ctx, point, "all")


DAY_WORD_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _day_word(m: re.Match[str], ctx: Context) -> Resolved | None:
    if in_a_title(m, ctx):
        return None
    word = m["w"].lower()
    day = _anchor(ctx) + timedelta(days=DAY_WORD_OFFSET[word])
    if m["ba"]:
        day += timedelta(days=-1 if m["ba"].lower() == "before" else 1)
    if word == "tonight":
        return _date(m, ctx, Point(day, "day", "NI"), "all", "TIME")
    return _with_part(m, ctx, Point(day, "day"))


def _part_of_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    rel = m["rel"].lower()
    pod = PARTS_OF_DAY[m["pod"].lower()]
    day = _anchor(ctx)
    if rel == "last":
        day -= timedelta(days=1) if pod == "NI" or pod == "EV" else timedelta(days=0)
    return _date(m, ctx, Point(day, "day", pod), "all", "TIME")


def _clock(m: re.Match[str], ctx: Context) -> Resolved | None:
    if in_a_title(m, ctx):
        return None
    if m["noon"]:
        hour, minute = (24, 0) if m["noon"].lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        if hour > 12 or minute > 59:
            return None
        pm = m["ap"].lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    # The day the text is at (a weekday or date just named), unless that is over a week old.
    day = _anchor(ctx)
    ref = ctx.reference
    if ref is not None and ref.granularity == "day" and abs((ref.day - day).days) <= 7:
        day = ref.day
    return Resolved("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", True, "all")


# --- periods relative to the anchor or the reference time --------------------------------

_UNIT_GRANULARITY: dict[str, Granularity] = {
    "day": "day",
    "week": "week",
    "weekend": "weekend",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
}


def _relative_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "last month", "this week", "next year", "earlier this month", "early next year"."""
    unit = _unit(m["unit"])
    if unit not in _UNIT_GRANULARITY or in_a_title(m, ctx):
        return None
    rel = m["rel"].lower()
    n = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[
        rel
    ]
    base = _anchor(ctx)
    if rel == "previous" and ctx.reference is not None:
        base = ctx.reference.day
    gran = _UNIT_GRANULARITY[unit]
    ref = ctx.reference
    if (
        unit == "year"
        and n == -1
        and ref is not None
        and ref.granularity in ("quarter", "half", "month")
        and _COMPARISON.search(ctx.text[ctx.sentence(m.start(), m.end())[0] : m.start()])
    ):
        # "profit rose in the quarter from $5 million last year": the same period a year
        # before, and the text stays in its own period.
        return Resolved(
            "DATE", Point(add_months(ref.day, -12), ref.granularity).value(), True, "all"
        )
    return _date(m, ctx, Point(shift(base, unit, n), gran), "all")


_COMPARISON = re.compile(
    r"\b(?:from|compared\s+with|compared\s+to|versus|vs\.?|than|against|up\s+from|down\s+from)\b",
    re.IGNORECASE,
)


def _shifted(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "two years ago" (from the anchor), "a year earlier", "a day after", "the next day"
    (from the reference time, the last date the text named, else the anchor)."""
    unit = _unit(m["unit"])
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    sign = -1 if direction in ("ago", "earlier", "before", "before that", "previously") else 1
    n_text = m["num"]
    n = parse_number(n_text) if n_text else 1
    if unit not in _UNIT_GRANULARITY:
        if unit in ("hour", "minute", "second"):
            return None
        return None
    gran = _UNIT_GRANULARITY[unit]
    ref = ctx.reference
    if direction in ("ago", "from now", "hence"):
        base = Point(_anchor(ctx), "day")
        # In reports on a period ("the quarter"), "a year ago" compares like with like.
        if unit == "year" and ref is not None and ref.granularity in ("quarter", "half"):
            base = ref
    else:
        base = ref if ref is not None else Point(_anchor(ctx), "day")
    if n is None:
        # "several years ago": only the direction is known, TimeML's PAST_REF/FUTURE_REF.
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", True)
    point = Point(shift(base.day, unit, sign * n), gran)
    if unit == "year" and base.granularity in ("quarter", "half", "month", "season"):
        # A comparison with the same period a year before; the text stays in its period.
        point = point.at(base.granularity)
        return Resolved("DATE", point.value(), True, "all")
    if (
        direction not in ("ago", "from now", "hence")
        and ref is not None
        and ref.granularity == "day"
    ):
        # "a year earlier" than a named day is that day a year before.
        return _date(m, ctx, Point(point.day, "day"), "all")
    return _date(m, ctx, point, "all")


def _neighbour_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the next day", "the following week", "the day before", "that day", "the same day"."""
    unit = _unit(m["unit"])
    if unit not in _UNIT_GRANULARITY:
        return None
    rel = re.sub(r"\s+", " ", (m["rel"] or m["rel2"] or "").lower())
    n = {
        "next": 1,
        "following": 1,
        "after": 1,
        "previous": -1,
        "before": -1,
        "same": 0,
        "that": 0,
        "prior": -1,
        "preceding": -1,
    }[rel]
    base = ctx.reference.day if ctx.reference is not None else _anchor(ctx)
    return _date(m, ctx, Point(shift(base, unit, n), _UNIT_GRANULARITY[unit]), "all")


def _the_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the year", "the week", "the weekend": the current one, or the one the text is in."""
    unit = _unit(m["unit"])
    anchor = _anchor(ctx)
    if unit == "weekend":
        tense = ctx.tense(m.start(), m.end())
        saturday = nearest_weekday(anchor, 5, tense)
        return _date(m, ctx, Point(saturday, "weekend"), "all")
    if unit == "year" and re.search(
        r"\b(?:for|over|throughout)\s+$", ctx.text[max(0, m.start() - 12) : m.start()], re.I
    ):
        # "for the year", "over the year": the stretch of time, a DURATION in TimeML.
        return Resolved("DURATION", "P1Y", False)
    if unit == "year":
        ref = ctx.reference
        base = (
            ref.day
            if ref is not None and ref.granularity in ("year", "quarter", "half")
            else anchor
        )
        return _date(m, ctx, Point(base, "year"), "all")
    return None


def _neighbour(m: re.Match[str], ctx: Context) -> Resolved | None:
    if m["unit2"]:
        base = ctx.reference.day if ctx.reference is not None else _anchor(ctx)
        n = 1 if m["rel3"].lower() == "after" else -1
        return _date(m, ctx, Point(base + timedelta(days=n), "day"), "all")
    return _neighbour_day(m, ctx)


def _past_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the past year", "the last week": the period just gone, like "last year"; "the next
    year", "the coming week": the stretch ahead, a duration."""
    unit = _unit(m["unit"])
    if m["rel"].lower() in ("past", "last") and unit in _UNIT_GRANULARITY:
        point = Point(shift(_anchor(ctx), unit, -1), _UNIT_GRANULARITY[unit])
        return _date(m, ctx, point, "all")
    return Resolved("DURATION", _period("1", DURATION_CODE[unit]), False)

"""Handlers for calendar expressions: explicit dates, months, years, decades, centuries,
seasons, holidays, quarters and halves. A month or season named without a year takes the
anchor's year, moved by the tense of its clause.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsrecon.pipeline.timex.context import Context
from newsrecon.pipeline.timex.lexicon import (
    DECADE_WORDS,
    FIXED_HOLIDAYS,
    FLOATING_HOLIDAYS,
    ORDINALS,
    SEASONS,
)
from newsrecon.pipeline.timex.points import (
    SEASON_MONTH,
    Granularity,
    Point,
    add_months,
    infer_year,
    month_year,
)
from newsrecon.pipeline.timex.resolved import (
    _FULL_MONTHS,
    Resolved,
    _anchor,
    _capitalised,
    _date,
    _day_number,
    _month_of,
    _safe_date,
    weekday_of,
)

# --- explicit calendar dates -------------------------------------------------------------


def _iso(m: re.Match[str], ctx: Context) -> Resolved | None:
    day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if day is None:
        return None
    if m["H"]:
        return Resolved("TIME", f"{day.isoformat()}T{m['H']}:{m['M']}", False)
    return _date(m, ctx, Point(day, "day"), "none")


def _numeric(m: re.Match[str], ctx: Context) -> Resolved | None:
    """11/16/2023 or 16/11/2023: a first number over 12 must be the day, a second number over
    12 must be the day; when both could be months the document's own unambiguous dates decide,
    and failing those the US order (month first) used by the English-language wires."""
    a, b = int(m["a"]), int(m["b"])
    year = int(m["y"])
    if year < 100:
        year += 1900 if year >= 50 else 2000
    if a > 12 or (b <= 12 and _day_first(ctx)):
        a, b = b, a
    day = _safe_date(year, a, b)
    return None if day is None else _date(m, ctx, Point(day, "day"), "none")


_NUMERIC_RE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/])")


def _day_first(ctx: Context) -> bool:
    votes = 0
    for m in _NUMERIC_RE.finditer(ctx.text):
        a, b = int(m[1]), int(m[2])
        votes += (a > 12 >= b) - (b > 12 >= a)
    return votes > 0


def _day_month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    if not _capitalised(m["mon"]):
        return None
    month, day_n = _month_of(m["mon"]), _day_number(m["d"])
    return _calendar_day(m, ctx, month, day_n, m["y"], m["wd"] if "wd" in m.groupdict() else None)


def _calendar_day(
    m: re.Match[str], ctx: Context, month: int, day_n: int, year_text: str | None, wd: str | None
) -> Resolved | None:
    anchor = _anchor(ctx)
    if year_text:
        day = _safe_date(int(year_text), month, day_n)
        return None if day is None else _date(m, ctx, Point(day, "day"), "none")
    if wd:
        # A weekday beside the date picks the year among those near the anchor.
        years = infer_year(weekday_of(wd), month, day_n, anchor, window_years=1)
        if years:
            day = _safe_date(years[0], month, day_n)
            if day is not None:
                return _date(m, ctx, Point(day, "day"), "year")
    year = month_year(anchor, month, ctx.direction(m.start(), m.end()))
    day = _safe_date(year, month, day_n)
    return None if day is None else _date(m, ctx, Point(day, "day"), "year")


def _month_day_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    if not _capitalised(m["mon"]):
        return None
    return _calendar_day(
        m, ctx, _month_of(m["mon"]), _day_number(m["d"]), m["y"], m.groupdict().get("wd")
    )


def _month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    if not _capitalised(m["mon"]):
        return None
    return _date(m, ctx, Point(date(int(m["y"]), _month_of(m["mon"]), 1), "month"), "none")


_MAY_CONTEXT = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|through|during|from|to|early|late|mid|last|next|"
    r"this|and|or|between)[\s-]+)$",
    re.IGNORECASE,
)


def _month(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = m["mon"]
    if not _capitalised(word):
        return None
    if word.lower() not in _FULL_MONTHS and not word.endswith(".") and not m["rel"]:
        return None  # "Jan", "Dec" alone are more often names than months
    if (
        word.lower() in ("may", "march")
        and not m["rel"]
        and not m["mod"]
        and not _MAY_CONTEXT.search(ctx.text[max(0, m.start() - 12) : m.start()])
    ):
        return None  # the modal verb and the verb, unless a preposition introduces them
    month = _month_of(word)
    anchor = _anchor(ctx)
    rel = (m["rel"] or "").lower()
    if rel == "last" or rel == "past":
        year = anchor.year - 1 if month >= anchor.month else anchor.year
    elif rel == "next":
        year = anchor.year + 1 if month <= anchor.month else anchor.year
    elif rel == "this":
        year = anchor.year
    else:
        year = month_year(anchor, month, ctx.direction(m.start(), m.end()))
    return _date(m, ctx, Point(date(year, month, 1), "month"), "year")


def _year(m: re.Match[str], ctx: Context) -> Resolved | None:
    year = int(m["y"])
    if m["fy"] is None and m["mod"] is None and not _plausible_year(m, ctx, year):
        return None
    return _date(m, ctx, Point(date(year, 1, 1), "year"), "none")


def _plausible_year(m: re.Match[str], ctx: Context, year: int) -> bool:
    """A bare four-digit number is a year unless it sits among amounts or counts."""
    before = ctx.text[max(0, m.start() - 2) : m.start()]
    if re.search(r"[$#£€]\s?$|No\.\s?$", before):
        return False
    after = ctx.text[m.end() : m.end() + 12].lower()
    return not re.match(
        r"\s*(?:shares|people|units|tons|barrels|employees|cars|feet|meters|miles|points|"
        r"workers|members|troops|acres|homes|jobs)\b",
        after,
    )


def _decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    if m["w"]:
        century = int(m["c"]) if m["c"] else 19
        return Resolved("DATE", f"{century:02d}{DECADE_WORDS[m['w'].lower()]}", m["c"] is None)
    if m["cc"]:
        return Resolved("DATE", f"{m['cc']}{m['dd']}", False)
    # "the '80s", "the 80s": the twentieth century unless that lies in the anchor's future.
    anchor = _anchor(ctx)
    century = 19 if int(f"19{m['sd']}0") <= anchor.year else 18
    if anchor.year >= 2000 and int(f"20{m['sd']}0") <= anchor.year and m["sd"] in "012":
        century = 20
    return Resolved("DATE", f"{century:02d}{m['sd']}", True, "none")


def _century(m: re.Match[str], ctx: Context) -> Resolved | None:
    ordinal = m["ord"].lower()
    n = ORDINALS.get(ordinal) or int(re.sub(r"\D", "", ordinal) or 0)
    if not 1 <= n <= 30:
        return None
    return Resolved("DATE", f"{n - 1:02d}", False)


def _season(m: re.Match[str], ctx: Context) -> Resolved | None:
    code = SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower()
    if (
        not m["y"]
        and not rel
        and not re.search(
            r"\b(?:in|during|by|since|until|through|over|of|this|next|last)\s+$",
            ctx.text[max(0, m.start() - 10) : m.start()],
            re.IGNORECASE,
        )
    ):
        return None  # "prices fall": the verb, unless a preposition introduces the season
    anchor = _anchor(ctx)
    if m["y"]:
        return _date(m, ctx, Point(date(int(m["y"]), SEASON_MONTH[code], 1), "season"), "none")
    current = Point(anchor, "season").value()[-2:] == code
    order = ["WI", "SP", "SU", "FA"]
    here = order.index(Point(anchor, "season").value()[-2:])
    there = order.index(code)
    year = anchor.year
    if rel == "last":
        year -= 1 if there >= here else 0
    elif rel == "next":
        year += 1 if there <= here else 0
    elif rel not in ("this", "current") and not current:
        tense = ctx.tense(m.start(), m.end())
        if tense < 0 and there > here:
            year -= 1
        elif tense > 0 and there < here:
            year += 1
    if code == "WI" and anchor.month == 12 and year == anchor.year:
        year += 1 if rel in ("next",) else 0
    return _date(m, ctx, Point(date(year, SEASON_MONTH[code], 1), "season"), "year")


def _holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    name = re.sub(r"\s+", " ", m["h"].lower())
    if not _capitalised(m["h"]):
        return None
    anchor = _anchor(ctx)
    tense = ctx.tense(m.start(), m.end())

    def on(year: int) -> date:
        if name in FIXED_HOLIDAYS:
            month, day = FIXED_HOLIDAYS[name]
            return date(year, month, day)
        month, weekday, nth = FLOATING_HOLIDAYS[name]
        if nth > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        last = add_months(date(year, month, 1), 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)

    if m["y"]:
        return _date(m, ctx, Point(on(int(m["y"])), "day"), "none")
    day = on(anchor.year)
    if tense < 0 and day > anchor:
        day = on(anchor.year - 1)
    elif tense > 0 and day < anchor:
        day = on(anchor.year + 1)
    return _date(m, ctx, Point(day, "day"), "year")


# --- quarters and halves -----------------------------------------------------------------


def _quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    ordinal = (m["ord"] or "").lower()
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    unit = m["unit"].lower()
    if not ordinal and not rel and not m["the"]:
        return None
    anchor = _anchor(ctx)
    months = 3 if unit == "quarter" else 6
    gran: Granularity = "quarter" if unit == "quarter" else "half"
    if ordinal:
        n = 4 if ordinal == "final" else ORDINALS.get(ordinal, 0)
        if unit == "half" and ordinal == "final":
            n = 2
        if not 1 <= n <= 12 // months:
            return None
        year = int(m["y"] or m["y0"] or anchor.year)
        if m["yrel"]:
            year += {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
        point = Point(date(year, (n - 1) * months + 1, 1), gran)
        shifted = rel in ("year-ago", "year-earlier", "year ago", "year earlier")
        if shifted:
            return _comparison(Point(add_months(point.day, -12), gran))
        return _date(m, ctx, point, "none" if m["y"] or m["y0"] else "year")
    current = Point(date(anchor.year, (anchor.month - 1) // months * months + 1, 1), gran)
    ref = ctx.reference if ctx.reference is not None and ctx.reference.granularity == gran else None
    if ref is None and ctx.period is not None and ctx.period.granularity == gran:
        ref = ctx.period  # the period the report is about, though other dates came between
    if rel in ("current", "this"):
        point = current
    elif rel in ("next", "coming"):
        point = Point(add_months(current.day, months), gran)
    elif rel in ("year-ago", "year-earlier", "year ago", "year earlier"):
        base = ref or Point(add_months(current.day, -months), gran)
        return _comparison(Point(add_months(base.day, -12), gran))
    elif rel in ("previous", "preceding", "prior") and ref is not None:
        point = Point(add_months(ref.day, -months), gran)
    elif ref is not None and rel in ("", "same", "fiscal"):
        point = ref
    else:
        # Reports speak of the last completed period unless a period was just named.
        point = Point(add_months(current.day, -months), gran)
    return _date(m, ctx, point, "all")


def _comparison(point: Point) -> Resolved:
    """The same period a year before, named to compare: the text stays in its own period."""
    return Resolved("DATE", point.value(), True, "all")


def _year_earlier_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    ref = ctx.reference
    anchor = _anchor(ctx)
    if ctx.stretch is not None and m.group(0).lower().endswith("period"):
        # After "the first nine months", "the year-earlier period" is nine months too.
        return Resolved("DURATION", ctx.stretch, False)
    if ref is not None and ref.granularity in ("quarter", "half", "month", "year", "season"):
        # A comparison: the text stays in its own period, so the reference does not move.
        return Resolved(
            "DATE", Point(add_months(ref.day, -12), ref.granularity).value(), True, "all"
        )
    return _date(m, ctx, Point(date(anchor.year - 1, 1, 1), "year"), "all")


def _decade_bare(m: re.Match[str], ctx: Context) -> Resolved | None:
    anchor = _anchor(ctx)
    century = 19 if int(f"19{m['sd']}0") <= anchor.year else 18
    return Resolved("DATE", f"{century:02d}{m['sd']}", True)

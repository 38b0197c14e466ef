"""The extraction rules: a regex per kind of expression and a function that normalises it.

Each rule's pattern finds candidate spans; the longest candidate wins an overlap (ties go to
the rule listed first), then the winners are normalised left to right so that relative
expressions see the reference time the text has reached. Spans follow the TIMEX3 guidelines:
prepositions ("on", "in", "for") are outside, pre-modifiers that shift or bound the period
("last", "early", "the past") are inside.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from newsrecon.pipeline.timex.context import Context
from newsrecon.pipeline.timex.lexicon import (
    DECADE_WORDS,
    DURATION_CODE,
    FIXED_HOLIDAYS,
    FLOATING_HOLIDAYS,
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    ORDINAL_RE,
    ORDINALS,
    PART_OF_DAY_RE,
    PARTS_OF_DAY,
    SEASON_RE,
    SEASONS,
    SET_ADVERBS,
    UNIT_RE,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
    alternation,
    parse_number,
)
from newsrecon.pipeline.timex.points import (
    SEASON_MONTH,
    Granularity,
    Point,
    add_months,
    infer_year,
    month_year,
    nearest_weekday,
    shift,
)

Mask = Literal["none", "year", "all"]

_FULL_MONTHS = frozenset(w for w in MONTHS if len(w) > 4 or w in ("may", "june", "july"))


@dataclass(frozen=True, slots=True)
class Resolved:
    """A rule's reading of its match: TIMEX3 type and value, and what it hangs on.

    ``mask`` says which part of the value came from the anchor ("year" for "November 16",
    "all" for "yesterday"), so that without an anchor those digits become X. ``point`` is set
    for dates, which then become the reference time for later relative expressions.
    """

    type: str
    value: str
    anchored: bool
    mask: Mask = "none"
    point: Point | None = None


Handler = Callable[[re.Match[str], Context], Resolved | None]

_FALLBACK_ANCHOR = date(2000, 6, 15)  # stands in for a missing anchor; its digits are masked
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_NUM_GUARD = r"(?![\d%]|,\d|\.\d|\s*(?:percent|per\s+cent)\b)"


def _date(m: re.Match[str], ctx: Context, point: Point, mask: Mask, t: str = "DATE") -> Resolved:
    return Resolved(t, point.value(), mask != "none", mask, point)


def _anchor(ctx: Context) -> date:
    return ctx.anchor if ctx.anchor is not None else _FALLBACK_ANCHOR


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _month_of(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _weekday_of(word: str) -> int:
    return WEEKDAYS[
        word.lower().rstrip(".").removesuffix("s")
        if word.lower().endswith("days")
        else word.lower().rstrip(".")
    ]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


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
        years = infer_year(_weekday_of(wd), month, day_n, anchor, window_years=1)
        if years:
            day = _safe_date(years[0], month, day_n)
            if day is not None:
                return _date(m, ctx, Point(day, "day"), "year")
    year = month_year(anchor, month, ctx.tense(m.start(), m.end()))
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
        year = month_year(anchor, month, ctx.tense(m.start(), m.end()))
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
            point = Point(add_months(point.day, -12), gran)
        return _date(m, ctx, point, "none" if m["y"] or m["y0"] else "year")
    current = Point(date(anchor.year, (anchor.month - 1) // months * months + 1, 1), gran)
    ref = ctx.reference if ctx.reference is not None and ctx.reference.granularity == gran else None
    if rel in ("current", "this"):
        point = current
    elif rel in ("next", "coming"):
        point = Point(add_months(current.day, months), gran)
    elif rel in ("year-ago", "year-earlier", "year ago", "year earlier"):
        base = ref or Point(add_months(current.day, -months), gran)
        point = Point(add_months(base.day, -12), gran)
    elif rel in ("previous", "preceding", "prior") and ref is not None:
        point = Point(add_months(ref.day, -months), gran)
    elif ref is not None and rel in ("", "same", "fiscal"):
        point = ref
    else:
        # Reports speak of the last completed period unless a period was just named.
        point = Point(add_months(current.day, -months), gran)
    return _date(m, ctx, point, "all")


def _year_earlier_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    ref = ctx.reference
    anchor = _anchor(ctx)
    if ref is not None and ref.granularity in ("quarter", "half", "month", "year", "season"):
        # A comparison: the text stays in its own period, so the reference does not move.
        return Resolved(
            "DATE", Point(add_months(ref.day, -12), ref.granularity).value(), True, "all"
        )
    return _date(m, ctx, Point(date(anchor.year - 1, 1, 1), "year"), "all")


# --- weekdays and days relative to the anchor --------------------------------------------


def _weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = m["wd"]
    if not _capitalised(word):
        return None
    weekday = _weekday_of(word)
    if word.lower().endswith("days"):
        return Resolved("SET", f"XXXX-WXX-{weekday + 1}", False)
    if ctx.anchor is None:
        return Resolved("DATE", f"XXXX-WXX-{weekday + 1}", True)
    anchor = _anchor(ctx)
    rel = (m["rel"] or "").lower()
    if rel == "last" or rel == "past":
        day = nearest_weekday(anchor - timedelta(days=1), weekday, -1)
    elif rel in ("next", "coming"):
        day = nearest_weekday(anchor, weekday, 1)
    elif rel == "this":
        day = anchor - timedelta(days=anchor.weekday()) + timedelta(days=weekday)
    else:
        day = nearest_weekday(anchor, weekday, ctx.tense(m.start(), m.end()))
    return _with_part(m, ctx, Point(day, "day"))


def _with_part(m: re.Match[str], ctx: Context, point: Point) -> Resolved:
    pod = m.groupdict().get("pod")
    if pod:
        return _date(m, ctx, Point(point.day, "day", PARTS_OF_DAY[pod.lower()]), "all", "TIME")
    return _date(m, ctx, point, "all")


_DAY_WORD_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _day_word(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = m["w"].lower()
    day = _anchor(ctx) + timedelta(days=_DAY_WORD_OFFSET[word])
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
    if m["noon"]:
        hour, minute = (12, 0) if m["noon"].lower() == "noon" else (24, 0)
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


def _unit(word: str) -> str:
    return UNITS[word.lower()]


def _relative_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "last month", "this week", "next year", "earlier this month", "early next year"."""
    unit = _unit(m["unit"])
    if unit not in _UNIT_GRANULARITY:
        return None
    rel = m["rel"].lower()
    n = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[
        rel
    ]
    base = _anchor(ctx)
    if rel == "previous" and ctx.reference is not None:
        base = ctx.reference.day
    gran = _UNIT_GRANULARITY[unit]
    return _date(m, ctx, Point(shift(base, unit, n), gran), "all")


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
    if unit == "year":
        ref = ctx.reference
        base = (
            ref.day
            if ref is not None and ref.granularity in ("year", "quarter", "half")
            else anchor
        )
        return _date(m, ctx, Point(base, "year"), "all")
    return None


# --- durations, sets, and the vague present, past and future -----------------------------


def _duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    unit = _unit(m["unit"])
    code = DURATION_CODE[unit]
    n_text = m["num"]
    if n_text.lower() in ("a", "an") and m["unit"].lower().endswith("s"):
        return None
    # "a quarter of", "three-quarters", "a second time": fractions and ordinals, not periods.
    if unit == "quarter" and not m.group(0).lower().startswith("the"):
        return None
    if unit == "second" and n_text.lower() in ("a", "an"):
        return None
    n = parse_number(n_text)
    amount = "X" if n is None else str(n)
    if n == 0:
        return None
    return Resolved("DURATION", _period(amount, code), False)


def _period(amount: str, code: str) -> str:
    return f"PT{amount}{code[1:]}" if code.startswith("T") else f"P{amount}{code}"


def _bare_plural(m: re.Match[str], ctx: Context) -> Resolved | None:
    unit = _unit(m["unit"])
    return Resolved("DURATION", _period("X", DURATION_CODE[unit]), False)


def _set(m: re.Match[str], ctx: Context) -> Resolved | None:
    if m["adv"]:
        if m["adv"].lower() == "quarterly":  # mostly an adjective ("quarterly earnings")
            return None
        return Resolved("SET", SET_ADVERBS[m["adv"].lower()][0], False)
    if m["wd"]:
        if not _capitalised(m["wd"]):
            return None
        return Resolved("SET", f"XXXX-WXX-{_weekday_of(m['wd']) + 1}", False)
    unit = _unit(m["unit"])
    n = parse_number(m["num"]) if m["num"] else 1
    if m["other"]:
        n = 2
    amount = "X" if n is None else str(n)
    return Resolved("SET", _period(amount, DURATION_CODE[unit]), False)


_REFS = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "just now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "formerly": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
}


def _ref(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = re.sub(r"\s+", " ", m["r"].lower())
    return Resolved("DATE", _REFS[word], True)


# --- the rule table ----------------------------------------------------------------------

_NUM = NUMBER_RE
_UNIT = UNIT_RE
_SINGULAR_UNIT = r"(?:day|week|weekend|month|quarter|year|decade|century)"
_WD = WEEKDAY_RE
_MON = MONTH_RE

RULES: list[tuple[str, re.Pattern[str], Handler]] = [
    (
        "iso",
        re.compile(
            r"(?<![\d-])(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
            r"(?:T(?P<H>[012]\d):(?P<M>[0-5]\d)(?::\d\d)?)?(?![\d-])"
        ),
        _iso,
    ),
    (
        "numeric",
        re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
        _numeric,
    ),
    (
        "weekday-day-month-year",
        re.compile(
            rf"\b(?P<wd>{_WD}),?\s+(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MON})"
            rf"(?:,?\s+(?P<y>{_YEAR})\b)?",
            re.IGNORECASE,
        ),
        _day_month_year,
    ),
    (
        "weekday-month-day-year",
        re.compile(
            rf"\b(?P<wd>{_WD}),?\s+(?P<mon>{_MON})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR})\b)?",
            re.IGNORECASE,
        ),
        _month_day_year,
    ),
    (
        "day-month-year",
        re.compile(
            rf"\b(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR})\b)?",
            re.IGNORECASE,
        ),
        _day_month_year,
    ),
    (
        "month-day-year",
        re.compile(
            rf"\b(?P<mon>{_MON})\s+(?:the\s+)?(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR})\b)?",
            re.IGNORECASE,
        ),
        _month_day_year,
    ),
    (
        "month-year",
        re.compile(rf"\b(?P<mon>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b{_NUM_GUARD}", re.I),
        _month_year,
    ),
    (
        "month",
        re.compile(
            r"\b(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
            r"|the\s+middle\s+of)[\s-]+)?(?:(?P<rel>last|this|next|past)\s+)?"
            rf"(?P<mon>{_MON})",
            re.IGNORECASE,
        ),
        _month,
    ),
    (
        "year",
        re.compile(
            r"(?<![$#£€\d.,/-])\b(?:(?P<fy>fiscal|calendar|the\s+year|model\s+year)[\s-]+|"
            r"(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?"
            rf"(?P<y>{_YEAR})\b{_NUM_GUARD}(?!-\d)",
            re.IGNORECASE,
        ),
        _year,
    ),
    (
        "decade",
        re.compile(
            r"(?:\b(?:the\s+)(?:(?:early|mid|late)[\s-]+)?|(?<![\w'])(?:(?:early|mid|late)[\s-]+)?)"
            r"(?:(?P<cc>1[5-9]|20)(?P<dd>\d)0'?s|'(?P<sd>\d)0s|(?:(?P<c>1[5-9]|20)\s*)?"
            r"(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
            re.IGNORECASE,
        ),
        _decade,
    ),
    (
        "decade-bare",
        re.compile(r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?(?P<sd>[1-9])0s\b", re.IGNORECASE),
        lambda m, ctx: _decade_bare(m, ctx),
    ),
    (
        "century",
        re.compile(
            rf"\b(?:the\s+)?(?P<ord>{ORDINAL_RE}|\d{{1,2}}(?:st|nd|rd|th))[\s-]+century\b",
            re.IGNORECASE,
        ),
        _century,
    ),
    (
        "season",
        re.compile(
            r"\b(?:(?P<rel>last|this|next|early|late|the|current|mid)[\s-]+)?"
            rf"(?P<s>{SEASON_RE})(?:\s+(?:of\s+)?(?P<y>{_YEAR})\b)?",
            re.IGNORECASE,
        ),
        _season,
    ),
    (
        "holiday",
        re.compile(
            rf"\b(?P<h>{alternation(list(FIXED_HOLIDAYS) + list(FLOATING_HOLIDAYS))})"
            rf"(?:,?\s+(?P<y>{_YEAR})\b)?",
            re.IGNORECASE,
        ),
        _holiday,
    ),
    (
        "quarter",
        re.compile(
            rf"\b(?P<the>the\s+)?(?:(?P<yrel>last|this|next)\s+year's\s+|(?P<y0>{_YEAR})\s+)?"
            r"(?:(?P<rel>current|latest|last|past|previous|preceding|prior|"
            r"year[\s-]ago|year[\s-]earlier|same|comparable|most\s+recent|recent|fiscal|this|"
            r"next|coming)[\s-]+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)"
            r"[\s-]+)?(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?![\w-])"
            rf"(?:,?\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{_YEAR})\b)?",
            re.IGNORECASE,
        ),
        _quarter,
    ),
    (
        "year-earlier-period",
        re.compile(
            r"\b(?:the\s+)?year[\s-](?:earlier|ago)(?:\s+(?:period|quarter|level|months?))?\b",
            re.IGNORECASE,
        ),
        _year_earlier_period,
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<rel>last|this|next|past|coming|early|late)\s+)?(?P<wd>{_WD})"
            rf"(?:\s+(?P<pod>{PART_OF_DAY_RE}))?(?![\w])",
            re.IGNORECASE,
        ),
        _weekday,
    ),
    (
        "day-word",
        re.compile(
            r"\b(?:the\s+day\s+(?P<ba>before|after)\s+)?(?:(?:early|late)\s+)?"
            r"(?P<w>today|yesterday|tomorrow|tonight)"
            rf"(?:\s+(?P<pod>{PART_OF_DAY_RE}))?\b",
            re.IGNORECASE,
        ),
        _day_word,
    ),
    (
        "part-of-day",
        re.compile(rf"\b(?P<rel>this|last)\s+(?P<pod>{PART_OF_DAY_RE})\b", re.IGNORECASE),
        _part_of_day,
    ),
    (
        "clock",
        re.compile(
            r"(?<![\d:.])(?:(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*"
            r"(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)|\b(?P<noon>noon|midnight)\b)",
            re.IGNORECASE,
        ),
        _clock,
    ),
    (
        "relative-period",
        re.compile(
            r"\b(?:(?:earlier|later|early|late)\s+)?(?P<rel>last|this|next|past|coming|current)"
            rf"\s+(?P<unit>{_SINGULAR_UNIT})\b",
            re.IGNORECASE,
        ),
        _relative_period,
    ),
    (
        "shifted",
        re.compile(
            rf"\b(?:(?P<num>{_NUM})[\s-]+)?(?P<unit>{_UNIT})\s+"
            r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence)\b"
            # "two days after the attack": TimeML marks "two days" (a duration) and leaves the
            # anchoring to the event; "a day after" standing alone is the date itself.
            r"(?!\s+(?:the|a|an|his|her|its|their|this|that|he|she|it|they|we|I)\b)",
            re.IGNORECASE,
        ),
        _shifted,
    ),
    (
        "neighbour",
        re.compile(
            r"\b(?:the\s+(?P<rel>next|following|previous|prior|preceding|same)\s+|"
            rf"(?P<rel2>that)\s+)(?P<unit>{_SINGULAR_UNIT})\b"
            r"|\bthe\s+(?P<unit2>day)\s+(?P<rel3>before|after)\b(?!\s+(?:the|a|an|his|her|its|"
            r"their|this|that|he|she|it|they|we|I|yesterday|tomorrow)\b)",
            re.IGNORECASE,
        ),
        lambda m, ctx: _neighbour(m, ctx),
    ),
    (
        "the-unit",
        re.compile(r"\bthe\s+(?P<unit>year|weekend)\b(?!\s*-)", re.IGNORECASE),
        _the_unit,
    ),
    (
        "duration",
        re.compile(
            r"\b(?:the\s+(?:(?:past|last|next|first|coming|previous|following|final|remaining|"
            r"latest|preceding)\s+)?|(?:past|last|next|first|coming)\s+)?"
            rf"(?P<num>{_NUM})\s+(?P<unit>{_UNIT})\b(?!-)",
            re.IGNORECASE,
        ),
        _duration,
    ),
    (
        # Compound adjectives ("a two-year plan"): the article belongs to the noun, not the span.
        "duration-adjective",
        re.compile(rf"\b(?P<num>{_NUM})-(?P<unit>{_UNIT})\b(?!-)", re.IGNORECASE),
        _duration,
    ),
    (
        "past-unit",
        re.compile(
            rf"\bthe\s+(?:past|last|coming|next)\s+(?P<unit>{_SINGULAR_UNIT})\b",
            re.IGNORECASE,
        ),
        lambda m, ctx: Resolved("DURATION", _period("1", DURATION_CODE[_unit(m["unit"])]), False),
    ),
    (
        "bare-plural",
        re.compile(
            r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s)|\b(?=decades\b)|"
            r"\b(?=centuries\b))(?:recent\s+)?(?P<unit>years|months|weeks|decades|centuries)\b",
            re.IGNORECASE,
        ),
        _bare_plural,
    ),
    (
        "set",
        re.compile(
            rf"\b(?:(?:every|each|per)\s+(?:(?P<other>other)\s+|(?P<num>{_NUM})\s+)?"
            rf"(?:(?P<unit>{_UNIT})|(?P<wd>{_WD}))|(?P<adv>{alternation(SET_ADVERBS)}))\b",
            re.IGNORECASE,
        ),
        _set,
    ),
    (
        "ref",
        re.compile(rf"\b(?P<r>{alternation(_REFS)})\b(?!-)", re.IGNORECASE),
        _ref,
    ),
]


def _decade_bare(m: re.Match[str], ctx: Context) -> Resolved | None:
    anchor = _anchor(ctx)
    century = 19 if int(f"19{m['sd']}0") <= anchor.year else 18
    return Resolved("DATE", f"{century:02d}{m['sd']}", True)


def _neighbour(m: re.Match[str], ctx: Context) -> Resolved | None:
    if m["unit2"]:
        base = ctx.reference.day if ctx.reference is not None else _anchor(ctx)
        n = 1 if m["rel3"].lower() == "after" else -1
        return _date(m, ctx, Point(base + timedelta(days=n), "day"), "all")
    return _neighbour_day(m, ctx)

"""What a rule returns (:class:`Resolved`) and the small helpers every rule uses:
the anchor or its stand-in, capitalisation, month and weekday names, safe dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from newsrecon.pipeline.timex.context import Context
from newsrecon.pipeline.timex.lexicon import (
    MONTHS,
    UNITS,
    WEEKDAYS,
)
from newsrecon.pipeline.timex.points import (
    Point,
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
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_NUM_GUARD = r"(?![\d%]|,\d|\.\d|\s*(?:percent|per\s+cent)\b)"


def _date(m: re.Match[str], ctx: Context, point: Point, mask: Mask, t: str = "DATE") -> Resolved:
    return Resolved(t, point.value(), mask != "none", mask, point)


def _anchor(ctx: Context) -> date:
    return ctx.anchor if ctx.anchor is not None else _FALLBACK_ANCHOR


def in_a_title(m: re.Match[str], ctx: Context) -> bool:
    """Whether a time word is capitalised inside a sentence, as in the names of programmes
    and films ("ABC's This Week", "High Noon", "VOA Today"): a name, not a time."""
    if not m.group(0)[:1].isupper():
        return False
    before = ctx.text[max(0, m.start() - 3) : m.start()].rstrip(" ")
    return bool(before) and (before[-1].isalnum() or before[-1] in ",;")


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _month_of(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_of(word: str) -> int:
    """Monday 0 ... Sunday 6 for a weekday name, abbreviation or plural."""
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


def _unit(word: str) -> str:
    return UNITS[word.lower()]


def _period(amount: str, code: str) -> str:
    return f"PT{amount}{code[1:]}" if code.startswith("T") else f"P{amount}{code}"

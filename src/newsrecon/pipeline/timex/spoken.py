"""Years and decades said in words, as broadcast transcripts write them ("nineteen
ninety-six", "the year two thousand", "January nineteen ninety-seven", "the winter of
nineteen ninety-four", "the nineteen nineties"). TimeML gives them the values of their digit
forms; read apart, "nineteen" and "ninety-six" would be counts and the month would lose its
year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from newsrecon.pipeline.numerals import CARDINALS
from newsrecon.pipeline.timex.context import Context
from newsrecon.pipeline.timex.lexicon import DECADE_WORDS, MONTH_RE, SEASON_RE, SEASONS
from newsrecon.pipeline.timex.points import SEASON_MONTH, Point
from newsrecon.pipeline.timex.resolved import Handler, Resolved, _capitalised, _date, _month_of

# Spoken years are built from the cardinal words ("dozen" is not one of them).
_UNITS = {w: n for w, n in CARDINALS.items() if 1 <= n <= 9}
_TEENS = {w: n for w, n in CARDINALS.items() if 10 <= n <= 19 and w != "dozen"}
_TENS = {w: n for w, n in CARDINALS.items() if n >= 20 and n % 10 == 0}
_CENTURIES = {"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}


def _alt(words: Iterable[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


# "nineteen ninety-six", "eighteen twelve", "nineteen oh five", "two thousand (and) one".
_YEAR_WORDS = (
    rf"(?:(?P<cc>{_alt(_CENTURIES)})[\s-]+(?:(?P<tens>{_alt(_TENS)})(?:[\s-]+(?P<u>{_alt(_UNITS)}))?"
    rf"|(?P<teen>{_alt(_TEENS)})|(?:oh|o)[\s-]+(?P<ou>{_alt(_UNITS)}))"
    rf"|two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?P<tu>{_alt(_UNITS)}|{_alt(_TEENS)}))?)"
)
# Counted things after the words make them a number, not a year (the words are taken whole:
# "nineteen ninety-six people" is not "nineteen ninety").
_NOT_A_YEAR = (
    r"(?![\s-]+(?:percent|per\b|dollars|people|persons|years|points|miles|feet|tons|"
    r"pounds|votes|troops|times|of\b))"
)


def _year(m: re.Match[str]) -> int | None:
    if m["cc"]:
        century = _CENTURIES[m["cc"].lower()] * 100
        if m["tens"]:
            return century + _TENS[m["tens"].lower()] + _UNITS.get((m["u"] or "").lower(), 0)
        if m["teen"]:
            return century + _TEENS[m["teen"].lower()]
        return century + _UNITS[m["ou"].lower()]
    tail = (m["tu"] or "").lower()
    return 2000 + _UNITS.get(tail, _TEENS.get(tail, 0))


def _spoken_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    year = _year(m)
    if year is None or not 1500 <= year <= 2099:
        return None
    if m["mon"]:
        if not _capitalised(m["mon"]):
            return None
        return _date(m, ctx, Point(date(year, _month_of(m["mon"]), 1), "month"), "none")
    if m["s"]:
        code = SEASONS[m["s"].lower()]
        return _date(m, ctx, Point(date(year, SEASON_MONTH[code], 1), "season"), "none")
    if not m["the"] and not m["cc"]:
        # "two thousand" alone is more often a count; as a year it comes with "the year" or
        # a preposition of time.
        before = ctx.text[max(0, m.start() - 8) : m.start()].lower()
        if not re.search(r"\b(?:in|by|since|until|till|before|after)\s+$", before):
            return None
    return _date(m, ctx, Point(date(year, 1, 1), "year"), "none")


def _spoken_decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    century = _CENTURIES[m["dc"].lower()]
    return Resolved("DATE", f"{century:02d}{DECADE_WORDS[m['dw'].lower()]}", False)


SPOKEN_RULES: list[tuple[str, re.Pattern[str], Handler]] = [
    (
        "spoken-year",
        re.compile(
            rf"\b(?:(?P<the>the\s+year\s+)|(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?"
            rf"|(?:the\s+)?(?P<s>{SEASON_RE})\s+of\s+)?(?>{_YEAR_WORDS})\b{_NOT_A_YEAR}",
            re.IGNORECASE,
        ),
        _spoken_year,
    ),
    (
        "spoken-decade",
        re.compile(
            rf"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<dc>{_alt(_CENTURIES)})[\s-]+"
            rf"(?P<dw>{_alt(DECADE_WORDS)})\b",
            re.IGNORECASE,
        ),
        _spoken_decade,
    ),
]

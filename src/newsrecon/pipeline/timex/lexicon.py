"""English temporal vocabulary: the words the rules are written in, as regex alternations
and lookup tables (the categories of the TimeML guidelines and HeidelTime's English
resources: months, weekdays, seasons, parts of day, units, number words, holidays)."""

from __future__ import annotations

import re

from newsrecon.pipeline.numerals import CARDINALS

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}
# Unit word (singular, plural or adjective) -> canonical unit.
UNITS = {
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "weekend": "weekend",
    "weekends": "weekend",
    "month": "month",
    "months": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
}
# ISO 8601 duration letters; hours and below go after "T".
DURATION_CODE = {
    "second": "TS",
    "minute": "TM",
    "hour": "TH",
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
SET_ADVERBS = {
    "hourly": ("PT1H", "hour"),
    "daily": ("P1D", "day"),
    "nightly": ("P1D", "day"),
    "weekly": ("P1W", "week"),
    "monthly": ("P1M", "month"),
    "quarterly": ("P1Q", "quarter"),
    "annually": ("P1Y", "year"),
    "yearly": ("P1Y", "year"),
}
ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    **CARDINALS,
    "hundred": 100,
    "half": 0,  # handled by the caller: "half a year", "a half"
}
VAGUE_NUMBERS = ("several", "a few", "few", "many", "a couple of", "a couple", "couple of", "some")
DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
# Fixed-date holidays (month, day) and rule-based ones (month, weekday, nth; -1 = last).
FIXED_HOLIDAYS = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "valentine's day": (2, 14),
    "independence day": (7, 4),
    "the fourth of july": (7, 4),
    "july fourth": (7, 4),
    "halloween": (10, 31),
    "veterans day": (11, 11),
    "boxing day": (12, 26),
}
FLOATING_HOLIDAYS = {
    "thanksgiving day": (11, 3, 4),
    "thanksgiving": (11, 3, 4),
    "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1),
    "martin luther king day": (1, 0, 3),
    "presidents day": (2, 0, 3),
    "presidents' day": (2, 0, 3),
}


def alternation(words: object) -> str:
    """A regex alternation of ``words``, longest first so that "sept" wins over "sep"."""
    items = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


_UNITS_RE = alternation(UNITS)
MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)(?![\w])"
)
WEEKDAY_RE = (
    r"(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?"
    r"|(?:mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.)"
)
_SIMPLE_NUMBER = alternation(k for k in NUMBER_WORDS if k not in ("a", "an", "half"))
NUMBER_RE = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    + _SIMPLE_NUMBER
    + r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
    + r"|an?(?:\s+(?:dozen|hundred))?|"
    + alternation(VAGUE_NUMBERS)
    + ")"
)
UNIT_RE = _UNITS_RE
PART_OF_DAY_RE = alternation(PARTS_OF_DAY)
SEASON_RE = alternation(SEASONS)
ORDINAL_RE = alternation(ORDINALS)


def parse_number(text: str) -> int | None:
    """An integer from digits or English number words; ``None`` for vague amounts ("several")."""
    words = re.sub(r"[\s-]+", " ", text.strip().lower())
    if words.removeprefix("a ").removesuffix(" of") == "couple":
        return 2  # "a couple of years": two, as TimeML annotators read it (P2Y)
    if words in VAGUE_NUMBERS:
        return None
    digits = words.replace(",", "")
    if re.fullmatch(r"\d+", digits):
        return int(digits)
    if re.fullmatch(r"\d+\.\d+", digits):
        return None
    total = 0
    for word in words.split():
        value = NUMBER_WORDS.get(word)
        if value is None:
            return None
        if word in ("hundred",):
            total = max(total, 1) * 100
        elif word == "dozen":
            total = max(total, 1) * 12
        else:
            total += value
    return total

"""Handlers for durations, sets ("every week", "annually") and the vague present, past
and future (PRESENT_REF, PAST_REF, FUTURE_REF) of the TimeML guidelines.
"""

from __future__ import annotations

import re

from newsrecon.pipeline.timex.context import Context
from newsrecon.pipeline.timex.lexicon import (
    DURATION_CODE,
    SET_ADVERBS,
    parse_number,
)
from newsrecon.pipeline.timex.resolved import (
    Handler,
    Resolved,
    _capitalised,
    _period,
    _unit,
    weekday_of,
)

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
    if unit == "year" and re.match(r"[\s-]+old\b", ctx.text[m.end() : m.end() + 6]):
        return None  # an age ("52 years old"), as the hyphenated "52-year-old" is
    return Resolved("DURATION", _period(amount, code), False)


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
        return Resolved("SET", f"XXXX-WXX-{weekday_of(m['wd']) + 1}", False)
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


def _future(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("DATE", "FUTURE_REF", True)


def _ahead(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the coming weeks", "the months ahead": a stretch of unstated length (TimeML's PXW)."""
    unit = _unit(m["unit"] or m["unit2"])
    return Resolved("DURATION", _period("X", DURATION_CODE[unit]), False)


# Vague phrases of the TimeML guidelines beyond single words: the near future, and
# stretches ahead whose length is not given.
VAGUE_RULES: list[tuple[str, re.Pattern[str], Handler]] = [
    (
        "future-ref",
        re.compile(
            r"\b(?:the\s+(?:near|short)\s+(?:term|future)|as\s+soon\s+as\s+possible)\b(?!-)",
            re.IGNORECASE,
        ),
        _future,
    ),
    (
        "ahead",
        re.compile(
            r"\b(?:the\s+)?coming\s+(?P<unit>days|weeks|months|years|decades)\b"
            r"|\bthe\s+(?P<unit2>days|weeks|months|years)\s+ahead\b",
            re.IGNORECASE,
        ),
        _ahead,
    ),
]

"""The extraction rules: a regex per kind of expression and a function that normalises it.

Each rule's pattern finds candidate spans; the longest candidate wins an overlap (ties go to
the rule listed first), then the winners are normalised left to right so that relative
expressions see the reference time the text has reached. Spans follow the TIMEX3 guidelines:
prepositions ("on", "in", "for") are outside, pre-modifiers that shift or bound the period
("last", "early", "the past") are inside.
"""

from __future__ import annotations

import re

from newsrecon.pipeline.timex.calendar_rules import (
    _century,
    _day_month_year,
    _decade,
    _decade_bare,
    _holiday,
    _iso,
    _month,
    _month_day_year,
    _month_year,
    _numeric,
    _quarter,
    _season,
    _year,
    _year_earlier_period,
)
from newsrecon.pipeline.timex.lexicon import (
    FIXED_HOLIDAYS,
    FLOATING_HOLIDAYS,
    MONTH_RE,
    NUMBER_RE,
    ORDINAL_RE,
    PART_OF_DAY_RE,
    SEASON_RE,
    SET_ADVERBS,
    UNIT_RE,
    WEEKDAY_RE,
    alternation,
)
from newsrecon.pipeline.timex.relative_rules import (
    _clock,
    _day_word,
    _neighbour,
    _part_of_day,
    _past_unit,
    _relative_period,
    _shifted,
    _the_unit,
    _weekday,
)
from newsrecon.pipeline.timex.resolved import (
    _DAY,
    _NUM_GUARD,
    _YEAR,
    Handler,
)
from newsrecon.pipeline.timex.vague_rules import (
    _REFS,
    _bare_plural,
    _duration,
    _ref,
    _set,
)

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
            r"(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)|\b(?P<noon>noon|midday|midnight)\b)",
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
            # "two days after the attack", "a day after Reuters reported": TimeML marks "two
            # days" (a duration) and leaves the anchoring to the event or clause that follows;
            # "a day after" standing alone (before punctuation) is the date itself.
            r"(?!(?<=after)\s+[\w“\"'‘])(?!(?<=before)\s+[\w“\"'‘])",
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
            rf"\bthe\s+(?P<rel>past|last|coming|next)\s+(?P<unit>{_SINGULAR_UNIT})\b",
            re.IGNORECASE,
        ),
        lambda m, ctx: _past_unit(m, ctx),
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

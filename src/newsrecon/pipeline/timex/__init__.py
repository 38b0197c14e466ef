"""Temporal expressions (TIMEX3) found in a text and normalised against its publication date.

Rule-based, after the TimeML/TIMEX3 annotation guidelines and the categories of HeidelTime's
English resources (explicit dates, weekdays and months resolved by the tense of the sentence,
relative periods, durations, times of day, sets, and the vague PRESENT_REF, PAST_REF and
FUTURE_REF). Given a spaCy parse, the tense of the verb an expression hangs on decides the
direction of bare weekdays and months. Relative expressions count from the anchor (the
publication date) or, for "a year earlier" and "the next day", from the last date the text
named. Company reports are read in their reporting period ("the latest period", "the
quarter a year ago", see :mod:`~newsrecon.pipeline.timex.periods`), and years said in words
("nineteen ninety-six") as their digits. Without an anchor, the digits that would have come
from it are written X ("XXXX-11-16").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from newsrecon.pipeline.timex.compound import COMPOUND_RULES
from newsrecon.pipeline.timex.context import Context
from newsrecon.pipeline.timex.periods import PERIOD_RULES, closes_a_period
from newsrecon.pipeline.timex.points import infer_year
from newsrecon.pipeline.timex.resolved import Resolved
from newsrecon.pipeline.timex.rules import RULES
from newsrecon.pipeline.timex.spoken import SPOKEN_RULES
from newsrecon.pipeline.timex.vague_rules import VAGUE_RULES

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The table every expression is sought with: compounds and the more specific readings
# first, so they win ties.
ALL_RULES = (*COMPOUND_RULES, *SPOKEN_RULES, *PERIOD_RULES, *RULES, *VAGUE_RULES)

__all__ = ["Timex", "find_timexes", "infer_year"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: ``text == source[start:end]``, with its TIMEX3 type and value.

    ``anchored`` says whether the value depends on the anchor (a relative expression), which
    is what a timeline must recompute when a better publication date becomes known.
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    anchored: bool


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    found: list[tuple[int, int, int, re.Match[str]]] = []
    for index, (_, pattern, _handler) in enumerate(ALL_RULES):
        for match in pattern.finditer(text):
            if match.end() > match.start():
                found.append((match.start(), match.end(), index, match))
    # Longest first, then earliest, then the rule listed first.
    found.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int, int, re.Match[str]]] = []
    occupied = bytearray(len(text))
    for candidate in found:
        start, end = candidate[0], candidate[1]
        if any(occupied[start:end]):
            continue
        occupied[start:end] = b"\x01" * (end - start)
        taken.append(candidate)
    taken.sort(key=lambda c: c[0])
    return taken


def _masked(resolved: Resolved) -> str:
    value = resolved.value
    if resolved.mask == "year":
        return "XXXX" + value[4:]
    if resolved.mask == "all":
        head, sep, tail = value.partition("T")
        return re.sub(r"\d", "X", head) + sep + tail
    return value


def find_timexes(text: str, anchor: date | datetime | None, doc: Doc | None = None) -> list[Timex]:
    """Temporal expressions in ``text``, in order, normalised against ``anchor``.

    ``doc``, a spaCy parse of exactly ``text``, is optional: with it the tense of the verb an
    expression hangs on decides whether a bare weekday or month lies ahead or behind.
    """
    day = anchor.date() if isinstance(anchor, datetime) else anchor
    ctx = Context.of(text, day, doc)
    out: list[Timex] = []
    for start, end, index, match in _candidates(text):
        resolved = ALL_RULES[index][2](match, ctx)
        if resolved is None:
            continue
        point = resolved.point
        if point is not None and not (point.granularity == "day" and closes_a_period(ctx, start)):
            ctx.reference = point
            if point.granularity in ("quarter", "half"):
                ctx.period, ctx.stretch = point, None
            if resolved.type == "DURATION":
                ctx.stretch = resolved.value
        value = resolved.value if day is not None else _masked(resolved)
        out.append(Timex(start, end, text[start:end], resolved.type, value, resolved.anchored))
    return out

"""Numbers in a sentence, with their approximator, unit and what they count.

A number is only comparable with another that counts the same thing: "1,200 people killed" and
"more than 11,000 people killed" differ in where, and "74 Hezbollah members" is a part of
"nearly 100 killed". So each number keeps the noun it counts (``unit``) and the event that noun
takes part in (``event``), and comparison (:mod:`newsrecon.pipeline.claims.compare`) needs both.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsrecon.pipeline.claims.lexicon import (
    AROUND,
    LOWER_BOUND,
    NEAR_BELOW,
    NUMBER_WORDS,
    SCALES,
    UPPER_BOUND,
    VAGUE_NUMBERS,
    approx_interval,
    event_class,
)

_APPROX = "|".join(
    sorted(
        (re.escape(a) for a in {*LOWER_BOUND, *UPPER_BOUND, *NEAR_BELOW, *AROUND}),
        key=len,
        reverse=True,
    )
)
_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
NUMBER_RE = re.compile(
    rf"(?:\b(?P<approx>{_APPROX})\s+)?"
    rf"(?P<cur>[$€£])?"
    rf"(?:(?P<num>(?<![\w.,/:-])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\w.,/:-])\d+(?:\.\d+)?)"
    rf"|\b(?P<word>{_WORDS})\b|\b(?P<vague>{'|'.join(VAGUE_NUMBERS)})\b)"
    rf"(?:\s*(?P<scale>{_SCALE})\b)?(?P<pct>\s*(?:%|percent\b|per cent\b))?"
    rf"(?![\d/:-])",
    re.IGNORECASE,
)


# A count of time units ("for 15 years", "more than 45 minutes") is a number even inside a
# date or time expression: unlike a calendar date it states a checkable amount.
_DURATION = re.compile(
    r"\s*(?:-\s*)?(?:minute|hour|day|week|month|year|decade|centur)(?:y|ies|s)?\b", re.I
)
BOUND_SPREAD = 2.0  # two bounds in one direction this far apart state different figures


@dataclass(frozen=True, slots=True)
class Number:
    """``start``/``end`` are offsets in the article text; ``low``/``high`` the values the
    expression is compatible with."""

    start: int
    end: int
    text: str
    value: float
    approx: str
    low: float
    high: float
    unit: str
    event: str
    event_token: int = -1

    def normalised(self) -> str:
        bound = {"lower": ">", "upper": "<", "near": "~", "around": "~", "": ""}[_approx_kind(self)]
        if not self.approx and self.high - self.low > 0.05 * self.value:
            return f"{int(self.low)}-{int(self.high)} {self.unit}".strip()
        value = int(self.value) if self.value == int(self.value) else round(self.value, 3)
        return f"{bound}{value} {self.unit}".strip()


def _approx_kind(n: Number) -> str:
    if n.approx in LOWER_BOUND:
        return "lower"
    if n.approx in UPPER_BOUND:
        return "upper"
    if n.approx in NEAR_BELOW:
        return "near"
    if n.approx in AROUND:
        return "around"
    return ""


def _value(match: re.Match[str]) -> tuple[float, float, float] | None:
    """(value, low, high) before the approximator is applied to exact values."""
    scale = SCALES.get((match.group("scale") or "").lower(), 1.0)
    if match.group("num"):
        value = float(match.group("num").replace(",", "")) * scale
        return value, value, value
    if match.group("word"):
        value = float(NUMBER_WORDS[match.group("word").lower()]) * scale
        return value, value, value
    if match.group("vague"):
        low, high = VAGUE_NUMBERS[match.group("vague").lower()]
        return math.sqrt(low * high), low, high
    return None


def _token_at(sent: SpacySpan, char: int) -> Token | None:
    for token in sent:
        if token.idx <= char < token.idx + len(token.text):
            return token
    return None


def _unit_and_event(sent: SpacySpan, end: int, match: re.Match[str]) -> tuple[str, str, int]:
    if match.group("pct"):
        unit = "percent"
    elif match.group("cur"):
        unit = {"$": "usd", "€": "eur", "£": "gbp"}[match.group("cur")]
    else:
        unit = ""
    last = _token_at(sent, end - 1)
    if last is None:
        return unit, "", -1
    head = last
    # The counted noun: the head the number modifies ("1,200 people"), or the number itself as
    # a subject or object ("nearly 100 have been killed").
    if last.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and last.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        head = last.head
        if not unit:
            unit = event_class(head.lemma_)
    event, event_token = "", -1
    node = head
    for _ in range(4):
        if node.head is node:
            break
        node = node.head
        subjects = [c for c in node.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
        if node.lemma_ == "be" and subjects:
            # "Turnout was 61 percent": the copula's subject is what the number measures.
            event, event_token = event_class(subjects[0].lemma_), subjects[0].i
            break
        if node.pos_ in ("VERB", "NOUN") and node.lemma_.lower() not in ("%", "percent"):
            event, event_token = event_class(node.lemma_), node.i
            break
    if not event and head.pos_ == "VERB":
        event, event_token = event_class(head.lemma_), head.i
    return unit, event, event_token


def find_numbers(sent: SpacySpan, masked: list[tuple[int, int]]) -> list[Number]:
    """Numbers in ``sent`` outside ``masked`` ranges (dates and times), offsets in the doc."""
    text = sent.text
    base = sent.start_char
    out: list[Number] = []
    for match in NUMBER_RE.finditer(text):
        core_start = match.start("cur") if match.group("cur") else _core_start(match)
        start, end = base + match.start(), base + match.end()
        duration = _DURATION.match(text, match.end()) is not None and not match.group("pct")
        if not duration and any(
            s < base + match.end() and base + core_start < e for s, e in masked
        ):
            continue
        values = _value(match)
        if values is None:
            continue
        value, low, high = values
        approx = (match.group("approx") or "").lower()
        if low == high:
            low, high = approx_interval(approx, value)
        elif approx:
            low, high = approx_interval(approx, low)[0], approx_interval(approx, high)[1]
        unit, event, event_token = _unit_and_event(sent, end, match)
        if match.group("word") and not unit:
            continue  # "one" as a pronoun, "ten" alone: not a count worth checking
        out.append(
            Number(start, end, match.group(0), value, approx, low, high, unit, event, event_token)
        )
    return out


def _core_start(match: re.Match[str]) -> int:
    for name in ("num", "word", "vague"):
        if match.group(name):
            return match.start(name)
    return match.start()


def compatible(a: Number, b: Number) -> bool:
    """Whether two statements of one count can agree. Intervals must overlap, and two bounds
    in one direction ("at least 9" / "at least 45") must be close: logically both hold when
    the count is 50, but an outlet that writes "at least 9" does not report 45, it reports
    a different figure for the same count."""
    if not (a.low <= b.high and b.low <= a.high):
        return False
    kinds = {_approx_kind(a), _approx_kind(b)}
    if len(kinds) == 1 and kinds & {"lower", "upper"}:
        small, large = sorted((abs(a.value), abs(b.value)))
        return large < BOUND_SPREAD * small if small else large == 0
    return True

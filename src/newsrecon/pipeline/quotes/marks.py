"""Quotation-mark regions in raw text, found before any parsing.

News prose uses curly and straight double marks, ``''``/````` in older wire copy, single curly
marks for nested quotes (and for headlines), and the multi-paragraph convention: a quote that
runs over several paragraphs opens each paragraph with a mark and closes only at its end. A mark
that never closes makes that one candidate unusable; it is dropped and scanning goes on, so one
stray mark never costs the rest of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

MAX_QUOTE_CHARS = 4000

_OPEN, _CLOSE, _AMBIG = "open", "close", "ambig"
_DOUBLE = re.compile(r"``|''|[\"“”„«»]")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_OPENERS_BEFORE = set(" \t\n([{—–-/")


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """``start`` is at the opening mark and ``end`` just after the closing one; ``parts`` are
    the per-paragraph pieces (one piece for a quote within a paragraph), marks included."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    nested: bool = False

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def _mark_role(text: str, at: int, mark: str) -> str:
    if mark in {"“", "„", "«", "``"}:
        return _OPEN
    if mark in {"”", "»"}:
        return _CLOSE
    before = text[at - 1] if at > 0 else " "
    after = text[at + len(mark)] if at + len(mark) < len(text) else " "
    if (before in _OPENERS_BEFORE or before.isspace()) and not after.isspace():
        return _OPEN
    if not before.isspace():
        return _CLOSE
    return _AMBIG


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _PARAGRAPH.finditer(text)]


def double_regions(text: str) -> list[QuoteRegion]:
    """Regions delimited by double marks, multi-paragraph quotes joined, unbalanced dropped."""
    para_of = _paragraph_index(text)
    regions: list[QuoteRegion] = []
    start: int | None = None
    part_start = 0
    parts: list[tuple[int, int]] = []
    depth = 0
    last_para = -1
    for m in _DOUBLE.finditer(text):
        at, mark = m.start(), m.group()
        role = _mark_role(text, at, mark)
        para = para_of(at)
        if start is not None and para != last_para:
            # A paragraph ended inside a quote: it continues only if this paragraph opens
            # with a mark (multi-paragraph convention); otherwise the candidate is dropped.
            line_start = text.rfind("\n", 0, at) + 1
            if role != _CLOSE and not text[line_start:at].strip():
                parts.append((part_start, _para_end(text, part_start)))
                part_start, last_para, depth = at, para, 1
                continue
            start, parts, depth = None, [], 0
        if start is None:
            if role in {_OPEN, _AMBIG}:
                start, part_start, parts, depth, last_para = at, at, [], 1, para
            continue
        straight = mark in {'"', "''"}
        if role == _OPEN and not straight:
            depth += 1
            continue
        depth = depth - 1 if role != _OPEN else 0
        if depth <= 0 or straight:
            end = m.end()
            parts.append((part_start, end))
            if end - start <= MAX_QUOTE_CHARS:
                regions.append(QuoteRegion(start, end, tuple(parts)))
            start, parts, depth = None, [], 0
    return regions


def _para_end(text: str, at: int) -> int:
    nl = text.find("\n", at)
    end = len(text) if nl < 0 else nl
    while end > at and text[end - 1].isspace():
        end -= 1
    return end


def _paragraph_index(text: str) -> Callable[[int], int]:
    starts = _paragraph_starts(text)
    return lambda at: bisect_right(starts, at) - 1


_SINGLE = re.compile(r"(?<![\w’'])‘([^‘’\n]{2,400}?)’(?![\w])")


def single_regions(text: str, outside: list[QuoteRegion]) -> list[QuoteRegion]:
    """Single curly quotes: nested inside a double region, or top level (headlines, British
    style) when they open after a non-letter and close before one, within a paragraph."""
    found: list[QuoteRegion] = []
    for m in _SINGLE.finditer(text):
        inside = any(r.start < m.start() and m.end() <= r.end for r in outside)
        found.append(QuoteRegion(m.start(), m.end(), ((m.start(), m.end()),), nested=inside))
    return found


def quote_regions(text: str) -> list[QuoteRegion]:
    """Top-level quote regions in text order (nested single quotes left out)."""
    doubles = double_regions(text)
    singles = [r for r in single_regions(text, doubles) if not r.nested]
    # A region inside another is nested (British style puts doubles inside singles); of two
    # that cross, the earlier one wins, so top-level regions never overlap.
    top: list[QuoteRegion] = []
    for region in sorted(doubles + singles, key=lambda r: (r.start, -r.end)):
        if not top or region.start >= top[-1].end:
            top.append(region)
    return top

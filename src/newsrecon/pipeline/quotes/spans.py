"""Character ranges of attribution candidates: the candidate record, the quote regions of a
text with fast look-up, and phrase extents cut to the paragraph they start in.

Works on character offsets of the Doc, which is parsed from exactly ``Article.text``, so every
range here indexes the stored clean text.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsrecon.pipeline.quotes.marks import QuoteRegion

Range = tuple[int, int]

# ``Doc.text`` joins every token on each access; attribution reads it hundreds of times.
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


_SKIP_PUNCT = " \t\n,.;:!?—–-"


@dataclass(slots=True)
class Candidate:
    """One attribution found in an article, in character ranges of its text."""

    source: Range | None
    cue: Range | None
    parts: list[Range]
    kind: str
    cue_token: int = -1
    source_head: int = -1
    regions: list[QuoteRegion] = field(default_factory=list)
    # how the content was found ("comp", "adjacent", "dash", ...): a feature for the filter
    route: str = ""
    # for a verb's later reading: the route of its first, and how many readings it had
    first_route: str = ""
    readings: int = 1

    @property
    def content(self) -> Range:
        return self.parts[0][0], self.parts[-1][1]


def extent(tokens: list[Token]) -> Range:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def trim(text: str, rng: Range, chars: str = _SKIP_PUNCT) -> Range | None:
    start, end = rng
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return (start, end) if start < end else None


class Regions:
    """Quote regions with fast lookup of the one holding a character offset."""

    def __init__(self, regions: list[QuoteRegion]) -> None:
        self.items = regions
        self._starts = [r.start for r in regions]

    def holding(self, at: int) -> QuoteRegion | None:
        i = bisect_right(self._starts, at) - 1
        if i >= 0 and self.items[i].start <= at < self.items[i].end:
            return self.items[i]
        return None

    def within(self, start: int, end: int) -> list[QuoteRegion]:
        i = max(0, bisect_right(self._starts, start) - 1)
        out = []
        for r in self.items[i:]:
            if r.start >= end:
                break
            if r.end > start:
                out.append(r)
        return out


def subtree_range(tok: Token, stop: Token | None = None) -> Range:
    left, right = tok.left_edge.i, tok.right_edge.i
    if stop is not None and left <= stop.i <= right:
        if stop.i > tok.i:
            right = stop.i - 1
        else:
            left = stop.i + 1
    doc = tok.doc
    return same_paragraph(
        doc_text(doc), (doc[left].idx, doc[right].idx + len(doc[right].text)), (stop or tok).idx
    )


def same_paragraph(text: str, rng: Range, anchor: int) -> Range:
    """The part of ``rng`` in the paragraph holding ``anchor``: a parse that runs over a line
    break (a caption glued to the lead) must not carry the caption into a quote."""
    start, end = rng
    cut = text.rfind("\n", start, min(anchor, end))
    if cut >= 0:
        start = cut + 1
    cut = text.find("\n", max(anchor, start), end)
    if cut >= 0:
        end = cut
    return start, max(start, end)


def between(text: str, start: int, end: int) -> str:
    return text[start:end] if start < end else ""

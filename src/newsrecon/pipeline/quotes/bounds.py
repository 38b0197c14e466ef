"""Span boundary conventions of attribution sources and contents.

Measured on the PolNeAR *train* split (Newell et al. 2018), where annotators mark the words of
the attribution and leave the sentence's own punctuation out:

- a content keeps its complementiser ("that ...") and every quotation mark it opens or
  closes: a quote that starts or ends inside the clause is taken whole, closing mark and the
  punctuation inside it included (~96% of contents ending in a mark);
- a content drops sentence punctuation outside marks at its edges (trailing "." or ","
  is outside the span in >95% of contents);
- a source drops a trailing comma (95% of sources) unless it closes an apposition opened
  inside the source, and stray quotation marks at its edges.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsrecon.pipeline.quotes.marks import QuoteRegion

Range = tuple[int, int]

_CONTENT_EDGE = " \t\n\xa0,.;:—–-"
_CONTENT_LEAD = " \t\n\xa0,.;:—–-)"
_SOURCE_EDGE = " \t\n\xa0,;:—–-\"“”'‘’"


def _strip(text: str, rng: Range, lead: str, trail: str) -> Range | None:
    start, end = rng
    while start < end and text[start] in lead:
        start += 1
    while end > start and text[end - 1] in trail:
        end -= 1
    return (start, end) if start < end else None


def content_bounds(text: str, rng: Range, regions: Sequence[QuoteRegion]) -> Range | None:
    """``rng`` widened over the quotation marks it cuts through, then its outer
    punctuation dropped; ``regions`` are the quote regions overlapping ``rng``."""
    trimmed = _strip(text, rng, _CONTENT_LEAD, _CONTENT_EDGE)
    if trimmed is None:
        return None
    start, end = trimmed
    for r in regions:
        if start <= r.start < end < r.end:
            end = r.end
        elif r.start < start < r.end <= end:
            start = r.start
        elif r.start <= start and end <= r.end and _opens(text, r.start, start, end, r.end):
            start, end = r.start, r.end
    if end > 0 and text[end - 1] in "”\"’'":
        return start, end
    return _strip(text, (start, end), _CONTENT_LEAD, _CONTENT_EDGE)


def _opens(text: str, mark: int, start: int, end: int, close: int) -> bool:
    """A clause inside a quote stands for the whole quote when it starts the quote (only
    marks before it) or fills most of it."""
    return not text[mark:start].strip(" \t\n\xa0“\"‘'") or (end - start) >= 0.8 * (close - mark - 2)


def source_bounds(text: str, rng: Range) -> Range | None:
    """``rng`` without edge commas, dashes and quotation marks, except a comma or dash that
    closes a parenthetical opened inside the source ("Ann Lee, a senator, said": the
    annotators keep the apposition's closing comma)."""
    stripped = _strip(text, rng, _SOURCE_EDGE, " \t\n\xa0")
    if stripped is None:
        return None
    start, end = stripped
    closer = text[end - 1]
    if closer in ",—–" and closer in text[start : end - 1]:
        return start, end
    return _strip(text, stripped, _SOURCE_EDGE, _SOURCE_EDGE)

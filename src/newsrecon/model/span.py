"""The unit of evidence: a character range in one article's stored clean text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open range ``[start, end)`` into ``Article.text`` of article ``article``.

    Spans never carry their own copy of the text: the article's clean text is the single
    source of truth, so a span can always be checked against it.
    """

    article: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end}) in {self.article}")

    def text_in(self, text: str) -> str:
        if self.end > len(text):
            raise ValueError(f"span [{self.start}, {self.end}) beyond text of {self.article}")
        return text[self.start : self.end]

"""Published shape of the dossier's ``reuse``: passages two articles share (copied narrative
or a quotation both carry), the share of each article they cover, and wire groups with a
guess at which article carries the original."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsrecon.report.schema_base import SpanOut
from newsrecon.report.schema_base import StrictModel as _Model


class PassageOut(_Model):
    a: SpanOut = Field(description="the passage in the pair's first article")
    b: SpanOut = Field(description="the matching passage in its second article")
    similarity: float = Field(ge=0, le=1, description="word-level similarity of the two sides")
    kind: Literal["narrative", "quotation"] = Field(
        description="narrative: reporting text copied; quotation: the same quoted words, "
        "inside quotation marks in both articles"
    )
    words: int = Field(ge=0, description="words on the shorter side")


class ReusePairOut(_Model):
    article_a: str
    article_b: str
    passages: list[PassageOut]
    share_a: float = Field(ge=0, le=1, description="fraction of article a's words shared")
    share_b: float = Field(ge=0, le=1, description="fraction of article b's words shared")
    narrative_words: int = Field(ge=0, description="words of copied narrative (shorter side)")
    direction: Literal["a_to_b", "b_to_a", "unknown"] = Field(
        description="which article likely carries the original"
    )
    basis: list[str] = Field(
        description="evidence for the direction: earlier_publication, more_complete, "
        "agency_attribution"
    )


class WireGroupOut(_Model):
    articles: list[str] = Field(description="articles linked by substantial copied narrative")
    original: str | None = Field(description="the article likely carrying the original text")
    copies: list[str]
    basis: list[str]
    agency: str | None = Field(description="a news agency credited as source in the texts")
    min_words: int = Field(description="narrative words shared that link two articles")
    min_share: float = Field(description="or this fraction of the shorter article")


ReuseOut = ReusePairOut | WireGroupOut

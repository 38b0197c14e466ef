"""The published shape of the cited summary (see :mod:`newsrecon.model.summary`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsrecon.report.schema_base import SpanOut, StrictModel


class SummarySentenceOut(StrictModel):
    rank: int = Field(ge=1)
    kind: Literal["summary", "disputed"]
    text: str = Field(description="the sentence exactly as in the article of ``evidence``")
    evidence: SpanOut
    outlets: list[str] = Field(description="the outlets that carry what the sentence says")
    support: list[SpanOut] = Field(description="where those outlets say it")
    basis: str = Field(description="why it was chosen and how the citations were found")
    claim: str | None = None


class HeadlineOut(StrictModel):
    text: str = Field(description="an article's title, or its first sentence exactly as written")
    article: str = Field(description="the article it comes from")
    evidence: SpanOut | None = Field(
        default=None, description="where the sentence is; null for a title (metadata)"
    )
    basis: str = Field(description="why that article heads the dossier")

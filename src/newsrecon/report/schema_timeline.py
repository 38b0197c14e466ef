"""Published shape of the dossier's ``timeline``: dated events with each outlet's wording,
and each article's publication date, marked when it is estimated rather than stated."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsrecon.report.schema_base import SpanOut
from newsrecon.report.schema_base import StrictModel as _Model


class TimelineMentionOut(_Model):
    outlet: str
    expression: SpanOut = Field(description="the temporal expression as written")
    evidence: SpanOut = Field(description="the sentence holding it")
    value: str = Field(description="TIMEX3 value of the expression alone, against its article")
    anchored: bool = Field(description="whether the value depends on the publication date")


class TimelineEventOut(_Model):
    id: str
    kind: Literal["event", "published"] = Field(
        description="a dated event of the story, or an article's own publication"
    )
    date: str = Field(
        description="TIMEX3-style value: 2023-11-16, 2023-11, 2023-W46, 2023, or an interval"
    )
    granularity: str
    expression: SpanOut | None = Field(
        description="first expression naming the date; for a publication, the words it was "
        "estimated from (null when the basis is metadata or the story as a whole)"
    )
    evidence: SpanOut | None
    description: str
    outlets: list[str]
    estimated: bool = Field(
        description="true when the date rests on an estimated publication date or a year "
        "inferred from a weekday"
    )
    mentions: list[TimelineMentionOut]
    basis: str = Field(description="how the date was obtained, when not stated outright")
    article: str | None = Field(description="for a publication entry, the article's id")
    confidence: float = Field(ge=0, le=1)

"""The dossier contract: a versioned JSON document validated by a published JSON Schema.

pydantic lives here, at the edge. Internal records are dataclasses in :mod:`newsrecon.model`;
:mod:`newsrecon.report.build` converts them. Bump ``SCHEMA_VERSION`` (semver) when the shape
changes: minor for added fields, major for removed or retyped ones.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from newsrecon.report.schema_base import SpanOut as SpanOut
from newsrecon.report.schema_base import StrictModel
from newsrecon.report.schema_claims import ClaimOut, ConflictOut
from newsrecon.report.schema_entities import EntityOut
from newsrecon.report.schema_framing import FramingRowOut
from newsrecon.report.schema_quotes import QuoteOut, StatementOut
from newsrecon.report.schema_reuse import ReusePairOut, WireGroupOut
from newsrecon.report.schema_summary import HeadlineOut, SummarySentenceOut
from newsrecon.report.schema_timeline import TimelineEventOut

SCHEMA_VERSION = "2.2.0"
SCHEMA_ID = f"https://newsrecon.invalid/schema/dossier-{SCHEMA_VERSION}.json"


_Model = StrictModel


class ArticleOut(_Model):
    id: str
    source: str = Field(description="path, URL or path#N of the input it came from")
    outlet: str
    outlet_basis: str = Field(
        description="where the outlet name came from: metadata, url, provenance_line, "
        "self_named or file_name"
    )
    title: str | None
    url: str | None
    published: str | None = Field(description="ISO 8601 date or date-time, if known")
    published_basis: str | None
    language: str
    text: str = Field(description="the clean text that every evidence offset indexes")


class StoryOverview(_Model):
    article_count: int
    outlets: list[str]
    first_published: str | None
    last_published: str | None
    independent_sources: int | None = Field(
        default=None,
        description="outlets left once wire copies are merged (articles of one wire group, "
        "or of one outlet, count once); null when text reuse was not analysed",
    )


class DossierOut(_Model):
    id: str
    title: str = Field(description="the story's title, from the article that opened it")
    headline: HeadlineOut | None = Field(
        default=None,
        description="what heads the dossier: from the article whose claims other outlets "
        "corroborate most (null when the summary stage did not run)",
    )
    overview: StoryOverview
    articles: list[ArticleOut]
    entities: list[EntityOut] = Field(default_factory=list)
    quotes: list[QuoteOut] = Field(default_factory=list)
    statements: list[StatementOut] = Field(default_factory=list)
    claims: list[ClaimOut] = Field(default_factory=list)
    conflicts: list[ConflictOut] = Field(default_factory=list)
    timeline: list[TimelineEventOut] = Field(default_factory=list)
    reuse: list[ReusePairOut | WireGroupOut] = Field(default_factory=list)
    framing: list[FramingRowOut] = Field(default_factory=list)
    summary: list[SummarySentenceOut] = Field(default_factory=list)

    @model_validator(mode="after")
    def _spans_index_their_articles(self) -> DossierOut:
        texts = {a.id: a.text for a in self.articles}
        for span in iter_spans(self.model_dump(include=_FINDINGS)):
            text = texts.get(span["article"])
            if text is None or text[span["start"] : span["end"]] != span["text"]:
                raise ValueError(f"span {span} does not index its article's text")
        return self


FINDING_FIELDS = (
    "entities",
    "quotes",
    "statements",
    "claims",
    "conflicts",
    "timeline",
    "reuse",
    "framing",
    "summary",
)
_FINDINGS = {*FINDING_FIELDS, "headline"}


def iter_spans(obj: Any) -> Any:
    """Every span-shaped dict ({article, start, end, text}) nested anywhere in ``obj``."""
    if isinstance(obj, dict):
        if {"article", "start", "end", "text"} <= obj.keys():
            yield obj
        for value in obj.values():
            yield from iter_spans(value)
    elif isinstance(obj, list | tuple):
        for value in obj:
            yield from iter_spans(value)


class RejectedOut(_Model):
    source: str
    kind: str
    reason: str


class Document(_Model):
    """What ``newsrecon analyze --format json`` writes."""

    schema_version: str = SCHEMA_VERSION
    pipeline_version: str
    parameters: dict[str, Any]
    stories: list[DossierOut]
    rejected: list[RejectedOut]


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of :class:`Document` (``newsrecon schema`` prints it)."""
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = f"newsrecon dossier document {SCHEMA_VERSION}"
    return schema

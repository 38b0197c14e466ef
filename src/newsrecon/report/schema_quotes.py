"""Published shape of the dossier's ``quotes`` and ``statements``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsrecon.report.schema_base import SpanOut
from newsrecon.report.schema_base import StrictModel as _Model

QuoteKindOut = Literal["direct", "indirect", "mixed"]
SpeakerKindOut = Literal["person", "organisation", "document", "group", "unresolved", "unknown"]


class QuoteOut(_Model):
    id: str
    article: str
    outlet: str
    speaker: str = Field(description="who the remark is attributed to after safe resolution")
    speaker_span: SpanOut | None = Field(description="the source as written")
    speaker_entity: str | None = Field(description="id of the story entity, when linked")
    speaker_kind: SpeakerKindOut
    cue: SpanOut | None = Field(description="the cue: said, told, according to, a colon")
    content: SpanOut
    kind: QuoteKindOut
    content_parts: list[SpanOut] = Field(description="pieces of the content a cue interrupts")
    speaker_as_written: str
    resolved_from: SpanOut | None = Field(
        description="the named source a pronoun or description was resolved to"
    )
    reported_as: Literal["speech", "other"] = Field(
        description="speech: words said or written (a reporting verb, quoted words, "
        "'according to'); other: a stance, belief or act credited to the source, which the "
        "attribution corpora count but a reader would not call a quote"
    )


class StatementVariantOut(_Model):
    quote: str
    article: str
    outlet: str
    content: SpanOut
    kind: QuoteKindOut
    relation: Literal["verbatim", "shortened", "reworded", "translated"]
    similarity: float = Field(ge=0, le=1)


class StatementOut(_Model):
    id: str
    speaker: str
    speaker_entity: str | None
    speaker_kind: SpeakerKindOut
    text: str = Field(description="the reference wording the variants are compared with")
    reference: str = Field(description="id of the quote holding the reference wording")
    variants: list[StatementVariantOut]
    outlets: list[str]
    speakers: list[str] = Field(description="every attribution the variants give")

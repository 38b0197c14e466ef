"""The published shape of a dossier's entities (see :mod:`newsrecon.model.entities`)."""

from __future__ import annotations

from pydantic import Field

from newsrecon.report.schema_base import SpanOut
from newsrecon.report.schema_base import StrictModel as _Model


class AliasOut(_Model):
    text: str = Field(description="one way the name was written (titles removed)")
    outlets: list[str]


class TitleSeenOut(_Model):
    title: str = Field(description="normalised title or rank, e.g. 'major general'")
    outlets: list[str]
    evidence: list[SpanOut]


class EntityOut(_Model):
    id: str
    name: str = Field(description="canonical name: the fullest form most outlets wrote")
    type: str = Field(description="PERSON, ORG, GPE, NORP, LOC or FAC")
    aliases: list[AliasOut]
    mentions: list[SpanOut]
    outlets: list[str]
    outlet_count: int = Field(ge=0)
    titles: list[TitleSeenOut] = Field(default_factory=list)
    acronym: str | None = None

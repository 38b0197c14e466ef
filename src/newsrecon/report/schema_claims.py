"""Published shapes of claims (with the corroboration matrix as per-outlet stances) and of
conflicts, which every stage that finds a disagreement reports as a ``model.findings.Conflict``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsrecon.report.schema_base import SpanOut, StrictModel


class SlotOut(StrictModel):
    kind: str = Field(description="number, date, place or name")
    value: str = Field(description="normalised: '>11000 person', 'XXXX-10-07', a canonical name")
    text: str
    head: str = Field(description="what the slot is about: the counted noun or dated event")
    span: SpanOut


class OutletStanceOut(StrictModel):
    outlet: str
    stance: Literal["reported", "reported_with_attribution", "contradicted", "not_mentioned"]


class ClaimOut(StrictModel):
    id: str
    text: str
    evidence: list[SpanOut]
    outlets: list[str]
    stances: list[OutletStanceOut] = Field(
        description="one cell of the corroboration matrix per outlet of the story"
    )
    status: Literal["corroborated", "single_source", "disputed"]
    independent_sources: int = Field(ge=0, description="wire copies of one source count once")
    attribution: str | None
    slots: list[SlotOut]
    rank: int = Field(
        default=0, ge=0, description="1 = most important claim of the story (0: not ranked)"
    )
    importance: float = Field(default=0.0, description="the score behind the rank")
    minor: bool = Field(
        default=False, description="a single-source claim with nothing checkable or disputed"
    )


class ConflictSideOut(StrictModel):
    value: str
    outlets: list[str]
    evidence: list[SpanOut]


class ConflictOut(StrictModel):
    id: str
    kind: str = Field(
        description="date, number, name, title, acronym, place, attribution, speaker, negation, ..."
    )
    severity: Literal["error", "info"]
    explanation: str
    sides: list[ConflictSideOut]
    outlier: str | None = Field(description="the outlet alone against all others, if any")
    stage: str

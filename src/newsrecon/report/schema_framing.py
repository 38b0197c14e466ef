"""The published shape of the framing table (see :mod:`newsrecon.model.framing`)."""

from __future__ import annotations

from pydantic import Field

from newsrecon.report.schema_base import SpanOut, StrictModel


class FramingTermOut(StrictModel):
    term: str = Field(description="lexicon headword, or a claim's text for the context rows")
    tone: str = Field(description="the lexicon's note on the word (pejorative, doubt, ...)")
    count: int = Field(ge=0)
    evidence: list[SpanOut]
    context: list[SpanOut] = Field(
        default_factory=list, description="hedges: the sentences the word hangs on"
    )
    claims: list[str] = Field(default_factory=list, description="ids of claims stated there")


class FramingCellOut(StrictModel):
    outlet: str
    articles: list[str]
    words: int = Field(ge=0, description="the outlet's own words (outside quotation marks)")
    hits: int = Field(ge=0)
    per_1000_words: float | None
    terms: list[FramingTermOut]


class FramingRowOut(StrictModel):
    id: str
    measure: str = Field(
        description="actor_label, act, loaded, hedge, reporting_verb, source, only_here, "
        "omitted_here"
    )
    subject: str = Field(description="the actor or actor class the row is about, or empty")
    explanation: str
    cells: list[FramingCellOut]

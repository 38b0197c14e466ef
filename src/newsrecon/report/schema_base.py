"""The pieces every part of the dossier schema shares: the strict base model and the span.

Kept apart from :mod:`newsrecon.report.schema` so the per-area schema modules
(``schema_<area>.py``) can import them while ``schema`` imports those modules.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SpanOut(StrictModel):
    """Evidence: ``text == article.text[start:end]`` for the article with id ``article``."""

    article: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

"""The ``entities`` use case: a stored story's entity table, from its dossier."""

from __future__ import annotations

from typing import Any

from newsrecon.api.usecases import show_story
from newsrecon.model import AnalysisParameters
from newsrecon.store.base import Store


def story_entities(store: Store, story_id: str) -> list[dict[str, Any]]:
    """The story's entities as published in its dossier (most outlets first); raises
    ``NotFound`` for an unknown story."""
    doc = show_story(store, story_id, AnalysisParameters())
    rows: list[dict[str, Any]] = []
    for story in doc.stories:
        rows.extend(e if isinstance(e, dict) else e.model_dump() for e in story.entities)
    return rows

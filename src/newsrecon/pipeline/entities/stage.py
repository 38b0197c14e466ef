"""The ``entities`` story stage: entities (one per real-world person, organisation, place or
group) and the conflicts about them (spellings, acronym expansions, ranks)."""

from __future__ import annotations

from newsrecon.pipeline.analysis import Results, StoryInput
from newsrecon.pipeline.entities.conflicts import (
    acronym_conflicts,
    spelling_conflicts,
    title_conflicts,
)
from newsrecon.pipeline.entities.resolve import resolve


def entities_stage(story: StoryInput, results: Results) -> Results:
    outlets = {a.id: a.outlet for a in story.articles}
    docs = {a.id: story.docs[a.id] for a in story.articles if a.id in story.docs}
    resolved = resolve(docs, outlets)
    conflicts = []
    for entity, members in zip(resolved.entities, resolved.members, strict=True):
        conflicts.extend(spelling_conflicts(entity, members))
        conflicts.extend(title_conflicts(entity))
    every_mention = [m for members in resolved.members for m in members]
    conflicts.extend(acronym_conflicts(docs, outlets, every_mention))
    return {"entities": resolved.entities, "conflicts": tuple(conflicts)}

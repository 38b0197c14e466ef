"""The analysis of one story. Later stages fill the finding tuples; renderers read this shape
through the published JSON model in :mod:`newsrecon.report.schema`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsrecon.model.article import Article
from newsrecon.model.story import Story


@dataclass(frozen=True, slots=True)
class Dossier:
    story: Story
    articles: tuple[Article, ...]
    entities: tuple[Any, ...] = ()
    quotes: tuple[Any, ...] = ()
    statements: tuple[Any, ...] = ()
    claims: tuple[Any, ...] = ()
    conflicts: tuple[Any, ...] = ()
    timeline: tuple[Any, ...] = ()
    reuse: tuple[Any, ...] = ()
    framing: tuple[Any, ...] = ()
    summary: tuple[Any, ...] = ()
    # At most one ``model.summary.Headline``: what heads the dossier (the story keeps its title).
    headline: tuple[Any, ...] = ()
    # The reuse stage's partition of the articles into wire groups (copies of one text count
    # as one source); empty when that stage did not run. Feeds the overview, not a section.
    wire_groups: tuple[tuple[str, ...], ...] = ()

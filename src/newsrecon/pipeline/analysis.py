"""Story analysis: the stages that fill a dossier, run in the order their inputs need.

A story stage is a plain function ``(StoryInput, Results) -> Results``: it reads the story's
articles, their parses and what earlier stages produced, and returns new tuples of records
keyed by name. Keys named like a dossier field (``entities``, ``conflicts``, ...) end up in the
dossier; several stages may add to the same key (entity resolution and claim comparison both
report ``conflicts``) and their tuples are concatenated in stage order. Other keys (for
example ``wire_groups``) are shared between stages only.

Stages are listed in :data:`STORY_STAGES` by import path, so importing this module stays cheap
and a stage's heavy dependencies load only when a story is analysed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from newsrecon.model import Article, Story

Results = Mapping[str, tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class StoryInput:
    """Everything a story stage may read: the story, its articles (clean text is what every
    span indexes) and their spaCy parses by article id."""

    story: Story
    articles: tuple[Article, ...]
    docs: Mapping[str, Doc]

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)


StoryStage = Callable[[StoryInput, Results], Results]


@dataclass(frozen=True, slots=True)
class StageSpec:
    """``target`` is ``"module:function"``; ``needs`` are result keys read if present (a stage
    must still work, with less, when a stage it benefits from is missing or failed)."""

    name: str
    target: str
    needs: tuple[str, ...] = ()

    def load(self) -> StoryStage:
        module, _, attr = self.target.partition(":")
        fn: StoryStage = getattr(importlib.import_module(module), attr)
        return fn


# In dependency order. Each capability uncomments (or adds) its own line when its stage exists.
STORY_STAGES: tuple[StageSpec, ...] = (
    StageSpec("reuse", "newsrecon.pipeline.reuse.stage:reuse_stage"),
    StageSpec("entities", "newsrecon.pipeline.entities.stage:entities_stage"),
    StageSpec("timeline", "newsrecon.pipeline.timeline.stage:timeline_stage", ("entities",)),
    StageSpec("quotes", "newsrecon.pipeline.quotes.stage:quotes_stage", ("entities",)),
    StageSpec(
        "claims",
        "newsrecon.pipeline.claims.stage:claims_stage",
        ("entities", "wire_groups", "quotes", "published_estimates"),
    ),
    StageSpec(
        "framing",
        "newsrecon.pipeline.framing.stage:framing_stage",
        ("entities", "claims", "quotes"),
    ),
    StageSpec("summary", "newsrecon.pipeline.summary.stage:summary_stage", ("claims",)),
)


@dataclass(frozen=True, slots=True)
class StageFailure:
    stage: str
    reason: str


def analyse_story(
    story: StoryInput, stages: tuple[StageSpec, ...] | None = None
) -> tuple[dict[str, tuple[Any, ...]], list[StageFailure]]:
    """Run every stage; one stage's failure is recorded and the others go on without it."""
    results: dict[str, tuple[Any, ...]] = {}
    failures: list[StageFailure] = []
    for spec in STORY_STAGES if stages is None else stages:
        try:
            produced = spec.load()(story, results)
        except Exception as err:  # a stage bug must cost that stage, not the dossier
            failures.append(StageFailure(spec.name, f"{type(err).__name__}: {err}"))
            continue
        for key, records in produced.items():
            results[key] = results.get(key, ()) + tuple(records)
    return results, failures

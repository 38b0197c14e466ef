"""``newsrecon quotes``: who said what in a stored story (grouped statements) or in given
files (analysed in memory), without building the rest of the dossier."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsrecon.api.adhoc import in_memory, named_story
from newsrecon.api.runner import Runner
from newsrecon.model import AnalysisParameters, Article, Rejection, Story
from newsrecon.model.findings import Conflict
from newsrecon.model.quotes import Quote, Statement
from newsrecon.pipeline.analysis import STORY_STAGES, StoryInput, analyse_story
from newsrecon.store.base import Store

_STAGES = ("entities", "quotes")


@dataclass(frozen=True, slots=True)
class QuotesReport:
    articles: tuple[Article, ...]
    quotes: tuple[Quote, ...]
    statements: tuple[Statement, ...]
    conflicts: tuple[Conflict, ...]
    rejected: tuple[Rejection, ...]
    failures: tuple[str, ...]


def quotes_of_articles(
    runner: Runner, articles: Sequence[Article], rejected: Sequence[Rejection] = ()
) -> QuotesReport:
    docs = runner.docs(articles)
    story = Story(id="adhoc", article_ids=tuple(a.id for a in articles), title="")
    specs = tuple(s for s in STORY_STAGES if s.name in _STAGES)
    results, failures = analyse_story(StoryInput(story, tuple(articles), docs), specs)
    conflicts: tuple[Any, ...] = tuple(
        c for c in results.get("conflicts", ()) if getattr(c, "stage", "") == "quotes"
    )
    return QuotesReport(
        tuple(articles),
        results.get("quotes", ()),
        results.get("statements", ()),
        conflicts,
        tuple(rejected),
        tuple(f"{f.stage}: {f.reason}" for f in failures),
    )


def quotes(
    items: Sequence[str], *, store: Store | None = None, analysis: AnalysisParameters | None = None
) -> QuotesReport:
    """A single item naming a story in ``store`` analyses that story (cached parses);
    otherwise the items are files, folders or globs, analysed in memory."""
    analysis = analysis or AnalysisParameters()
    story = named_story(store, items)
    if store is not None and story is not None:
        return quotes_of_articles(Runner(store, analysis), list(store.articles(story.article_ids)))
    with in_memory(items, analysis) as (runner, result):
        return quotes_of_articles(runner, result.articles, result.rejected)

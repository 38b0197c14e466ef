"""``newsrecon reuse``: shared passages, shares and the provenance graph for a stored story or
for a set of files, without the rest of the analysis (no parsing needed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsrecon.api.adhoc import in_memory, named_story
from newsrecon.model import AnalysisParameters, Article, Rejection
from newsrecon.model.reuse import ReusePair, WireGroup
from newsrecon.pipeline.reuse.detect import DEFAULT, ReuseParams
from newsrecon.pipeline.reuse.stage import analyse
from newsrecon.store.base import Store


@dataclass(frozen=True, slots=True)
class ReuseReport:
    articles: tuple[Article, ...]
    pairs: tuple[ReusePair, ...]
    wire_groups: tuple[tuple[str, ...], ...]
    provenance: tuple[WireGroup, ...]
    rejected: tuple[Rejection, ...]
    parameters: dict[str, object]


def reuse_of_articles(
    articles: Sequence[Article],
    rejected: Sequence[Rejection] = (),
    params: ReuseParams = DEFAULT,
) -> ReuseReport:
    pairs, groups, records = analyse(articles, params)
    return ReuseReport(
        tuple(articles), tuple(pairs), groups, tuple(records), tuple(rejected), params.as_dict()
    )


def reuse(
    items: Sequence[str],
    *,
    store: Store | None = None,
    analysis: AnalysisParameters | None = None,
    params: ReuseParams = DEFAULT,
) -> ReuseReport:
    """A single item that names a story in ``store`` analyses that story; otherwise the items
    are files, folders or globs read like ``newsrecon analyze`` reads them."""
    analysis = analysis or AnalysisParameters()
    story = named_story(store, items)
    if store is not None and story is not None:
        return reuse_of_articles(list(store.articles(story.article_ids)), (), params)
    with in_memory(items, analysis) as (_, result):
        return reuse_of_articles(result.articles, result.rejected, params)

"""``newsrecon reuse``: shared passages, shares and the provenance graph for a stored story or
for a set of files, without the rest of the analysis (no parsing needed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsrecon.api.runner import Runner
from newsrecon.errors import NotFound, NothingToAnalyse
from newsrecon.model import AnalysisParameters, Article, Rejection
from newsrecon.model.reuse import ReusePair, WireGroup
from newsrecon.pipeline.reuse.detect import DEFAULT, ReuseParams
from newsrecon.pipeline.reuse.stage import analyse
from newsrecon.store.base import Store, open_store


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
    if store is not None and len(items) == 1 and not Path(items[0]).exists():
        try:
            story = store.get_story(items[0])
        except NotFound:
            pass
        else:
            return reuse_of_articles(list(store.articles(story.article_ids)), (), params)
    memory = open_store(":memory:")
    try:
        result = Runner(memory, analysis).ingest(items)
    finally:
        memory.close()
    if not result.articles:
        reasons = "; ".join(r.message() for r in result.rejected[:3]) or "no input given"
        raise NothingToAnalyse(f"nothing could be analysed ({reasons})")
    return reuse_of_articles(result.articles, result.rejected, params)

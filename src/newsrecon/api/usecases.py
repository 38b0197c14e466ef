"""The use cases behind the CLI: analyze, ingest, stories, show.

Each opens what it needs, runs the pipeline through the runner and returns records or the
published :class:`~newsrecon.report.schema.Document`; printing is the caller's business.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from newsrecon.api.adhoc import may_name_story, require_articles
from newsrecon.api.progress import Progress
from newsrecon.api.runner import IngestResult, Runner
from newsrecon.api.story_assign import AssignResult, assign_stories
from newsrecon.errors import NotFound, StoreError
from newsrecon.model import AnalysisParameters, Article, Rejection, Story
from newsrecon.report.build import build_document
from newsrecon.report.schema import Document
from newsrecon.store.base import Store, open_store, postgres_url
from newsrecon.version import PIPELINE_VERSION

ENV_DB = "NEWSRECON_DB"


def default_db() -> str | Path:
    """``$NEWSRECON_DB`` (a file path or a ``postgresql://`` URL), else
    ``$XDG_DATA_HOME/newsrecon/newsrecon.db``."""
    env = os.environ.get(ENV_DB)
    if env:
        return env if postgres_url(env) else Path(env)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "newsrecon" / "newsrecon.db"


def open_db(location: str | Path | None) -> Store:
    """Open the user's store, creating its folder for the default location only."""
    if location is None:
        location = default_db()
        if postgres_url(location) is not None:
            return open_store(location)
        try:
            Path(location).parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"{location}: cannot create the store's folder ({err})") from err
    return open_store(location)


@contextmanager
def story_store(items: Sequence[str], location: str | Path | None) -> Iterator[Store | None]:
    """The store to look a story id up in, for the commands that take a story id or files
    (``quotes``, ``reuse``): opened only when the items can name a story and a store is given
    or exists at the default location, so reading files never creates a store."""
    default = default_db() if location is None else None
    if not may_name_story(items) or (isinstance(default, Path) and not default.exists()):
        yield None
        return
    with open_db(location) as store:
        yield store


def analyze(
    inputs: Sequence[str],
    params: AnalysisParameters,
    *,
    db: str | Path | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> Document:
    """Everything for the given inputs in one go; an in-memory store unless ``db`` is given
    (then parses are cached there and re-analysis skips unchanged articles)."""
    store = open_store(db if db is not None else ":memory:")
    try:
        runner = Runner(store, params, progress)
        result = runner.ingest(inputs, stdin)
        require_articles(result)
        docs = runner.docs(result.articles)
        stories = runner.group(result.articles, docs)
        dossiers, failed = runner.dossiers(stories, result.articles, docs)
        return build_document(dossiers, [*result.rejected, *failed], params, PIPELINE_VERSION)
    finally:
        store.close()


def ingest(
    inputs: Sequence[str],
    params: AnalysisParameters,
    store: Store,
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> tuple[IngestResult, AssignResult]:
    """Store the inputs and assign each new article to a story as it is read: an existing
    story or a new one, never re-clustering what is stored (see :mod:`api.story_assign`).
    Articles are not kept: memory holds one batch, whatever the input's size."""
    runner = Runner(store, params, progress)
    result = IngestResult()
    assigned = assign_stories(runner, runner.ingest_iter(inputs, result, stdin))
    if not result.stored:
        require_articles(result)
    return result, assigned


@dataclass(frozen=True, slots=True)
class StorySummary:
    story: Story
    outlets: tuple[str, ...]
    first_published: str | None
    last_published: str | None


def list_stories(store: Store) -> list[StorySummary]:
    out = []
    for story in store.stories():
        articles = list(store.articles(story.article_ids))
        dates = sorted(a.published for a in articles if a.published)
        out.append(
            StorySummary(
                story,
                tuple(sorted({a.outlet for a in articles})),
                dates[0] if dates else None,
                dates[-1] if dates else None,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class StoryChange:
    """A merge (``other`` retired into ``story``) or a split (``articles`` moved from
    ``story`` to the new story ``other``), with the similarity that decided it."""

    kind: str
    story: str
    other: str
    articles: tuple[str, ...]
    score: float | None


def story_changes(store: Store) -> list[StoryChange]:
    """Merges and splits in the order they happened, one row per decision (a split's moved
    articles are recorded one event each; they are gathered here)."""
    rows: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for event in store.story_events():
        if event["kind"] in {"merged", "split"} and event["other_story"]:
            key = (str(event["kind"]), str(event["story_id"]), str(event["other_story"]))
            rows.setdefault(key, []).append(event)
    out = []
    for (kind, story, other), events in rows.items():
        moved = tuple(str(e["article_id"]) for e in events if e["article_id"] and kind == "split")
        score = events[0]["score"]
        out.append(
            StoryChange(kind, story, other, moved, float(score) if score is not None else None)
        )
    return out


def show_story(store: Store, story_id: str, params: AnalysisParameters) -> Document:
    story = store.get_story(story_id)
    articles = list(store.articles(story.article_ids))
    runner = Runner(store, params)
    dossiers, failed = runner.dossiers([story], articles)
    return build_document(dossiers, failed, params, PIPELINE_VERSION)


def show_article(store: Store, article_id: str) -> Article:
    try:
        return store.get_article(article_id)
    except NotFound:
        matches = [a for a in store.articles() if a.id.startswith(article_id)]
        if len(matches) == 1:
            return matches[0]
        raise


__all__ = [
    "AssignResult",
    "Rejection",
    "StorySummary",
    "analyze",
    "default_db",
    "ingest",
    "list_stories",
    "open_db",
    "show_article",
    "show_story",
]

"""The store interface every backend implements (SQLite, and PostgreSQL as an extra).

Why a Protocol and not an ABC: backends live in extras that may not be installed, and the
runner only needs the shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from newsrecon.model import Article, Rejection, Story
from newsrecon.model.story_stream import StreamUpdate


@runtime_checkable
class Store(Protocol):
    """One writer; readers may be many. Methods that write commit before they return."""

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...

    # articles ---------------------------------------------------------------
    def add_article(self, article: Article) -> bool:
        """Store ``article``; False (and nothing written) if its content hash is stored already."""

    def add_articles(self, articles: Iterable[Article]) -> int:
        """Batched :meth:`add_article` in one transaction; returns how many were new."""

    def article_by_hash(self, content_hash: str) -> Article | None: ...

    def get_article(self, article_id: str) -> Article:
        """Raise :class:`newsrecon.errors.NotFound` if absent."""

    def articles(self, ids: Sequence[str] | None = None) -> Iterator[Article]:
        """All articles (in ingestion order), or those of ``ids`` in that order."""

    def count_articles(self) -> int: ...

    def search(self, query: str, limit: int = 20) -> list[tuple[str, float]]:
        """Full-text search over title and clean text, the query taken as plain words, all
        required: (article id, score) best first, score = -bm25 (larger is better)."""

    # rejections -------------------------------------------------------------
    def add_rejection(self, rejection: Rejection) -> None: ...

    def add_rejections(self, rejections: Iterable[Rejection]) -> int:
        """Batched :meth:`add_rejection`; the same (source, kind, reason) is stored once."""

    def rejections(self) -> list[Rejection]: ...

    # caches keyed by (article content hash, pipeline version) ------------------
    def put_doc(self, content_hash: str, version: str, data: bytes) -> None: ...

    def get_doc(self, content_hash: str, version: str) -> bytes | None: ...

    def put_result(self, content_hash: str, stage: str, version: str, payload: Any) -> None:
        """Cache a JSON-serialisable stage result."""

    def get_result(self, content_hash: str, stage: str, version: str) -> Any | None: ...

    # stories ----------------------------------------------------------------
    def save_stories(self, stories: Iterable[Story]) -> None:
        """Replace the stored grouping with ``stories`` (ids stable for the same founders)."""

    def stories(self) -> list[Story]: ...
    # incremental story assignment ---------------------------------------------
    def stream_state(self, name: str) -> tuple[bytes | None, list[bytes]]:
        """The stream index state stored under ``name``, and the open stories' summaries."""

    def assigned(self, article_ids: Sequence[str]) -> set[str]:
        """Those of ``article_ids`` that already belong to a story."""

    def apply_stream_update(self, update: StreamUpdate, name: str) -> None:
        """Record one batch of incremental assignment, all or nothing."""

    def story_events(self, story_id: str | None = None) -> list[dict[str, Any]]: ...

    def topic_state(self, name: str) -> tuple[bytes | None, list[bytes]]:
        """The topic index state of stream ``name``, and the open topics' summaries."""

    def story_topics(self, story_ids: Sequence[str]) -> dict[str, str]:
        """Story id -> topic id for those of ``story_ids`` that have a topic."""

    def get_story(self, story_id: str) -> Story:
        """Raise :class:`newsrecon.errors.NotFound` if absent (a unique id prefix is accepted)."""


def open_store(location: str | Path) -> Store:
    """Open the store at ``location``: a SQLite file path or ``:memory:``, or a
    ``postgresql://`` (``postgres://``) URL for the PostgreSQL backend, an extra imported
    only then (:class:`MissingExtra` says how to install it when psycopg is absent).
    """
    loc = postgres_url(location)
    if loc is not None:
        try:
            from newsrecon.store.postgres import PostgresStore
        except ImportError as exc:
            if exc.name is None or not exc.name.startswith("psycopg"):
                raise
            from newsrecon.errors import MissingExtra

            raise MissingExtra("the PostgreSQL store", "postgres") from exc
        return PostgresStore(loc)
    from newsrecon.store.sqlite import SqliteStore

    return SqliteStore(str(location))


def postgres_url(location: str | Path) -> str | None:
    """``location`` as a PostgreSQL URL, or None if it is not one.

    A URL that went through :class:`pathlib.Path` (a ``--db`` option typed as a path) has lost
    one slash of its ``//``; it is restored, since no file path starts with a URL scheme.
    """
    loc = str(location)
    for scheme in ("postgresql:/", "postgres:/"):
        if loc.startswith(scheme + "/"):
            return loc
        if isinstance(location, Path) and loc.startswith(scheme):
            return scheme + loc[len(scheme) - 1 :]
    return None

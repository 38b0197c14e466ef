"""The PostgreSQL store: a database URL behind :class:`newsrecon.store.base.Store`.

Why a second backend: a team shares one store across machines and processes, and a server
database takes concurrent readers and a long-lived corpus better than a file. It is an extra
(``pip install 'newsrecon[postgres]'``, psycopg 3) imported only when
:func:`newsrecon.store.base.open_store` is given a ``postgresql://`` URL.

Same records, same codecs
    Rows go through :mod:`newsrecon.store.codec` exactly as in the SQLite store, so a record
    reads back identical from either backend. Text columns are ``text`` (PostgreSQL refuses
    NUL characters in them: such an article is refused with a :class:`StoreError` naming it),
    blobs ``bytea``, cached stage results ``jsonb`` (read back through ``payload::text`` and
    orjson, as SQLite's JSON text is).

Concurrency model
    One :class:`PostgresStore` owns one connection in autocommit mode. Every write method runs
    in its own transaction, commits before returning, and first takes a transaction-scoped
    advisory lock (:data:`WRITER_LOCK`): writers are serialised as SQLite's ``BEGIN
    IMMEDIATE`` serialises them (story positions are computed from what is stored, so two
    interleaved assignment batches must not run at once). A second writer waits up to
    :data:`LOCK_TIMEOUT_S`, then gets a :class:`StoreError`. Readers take no lock at all
    (MVCC): each read statement sees the last committed state.

Full-text index
    ``articles.search`` is a stored generated ``tsvector`` (title weighted above text) with a
    GIN index, so PostgreSQL keeps it in step with every write. The ``newsrecon_text``
    configuration folds accents (``unaccent``) and stems with Snowball English without stop
    words (see ``migrations/postgres/0001_init.sql``); queries go through
    ``plainto_tsquery``, which takes any text as plain words, all required, and ``ts_rank``
    orders them (larger is better).

The statements shared with the SQLite store (articles, rejections, caches, stories) are the
mixins :mod:`newsrecon.store.sql_records` and :mod:`newsrecon.store.sql_stories`, spelled for
PostgreSQL by :data:`newsrecon.store.dialect.POSTGRES`; this module keeps the connection, its
transactions, full-text search and how a story's article ids are read. The schema and its
migrations are in :mod:`newsrecon.store.postgres_schema`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any, Final

import psycopg

from newsrecon.errors import StoreError
from newsrecon.model import Article, Story
from newsrecon.store.dialect import POSTGRES, Executor
from newsrecon.store.postgres_schema import connect, migrate, one_line, redact
from newsrecon.store.sql_records import SqlRecords
from newsrecon.store.sql_stories import SqlStories, story_from_row

LOCK_TIMEOUT_S: Final = 10.0
# pg_advisory_xact_lock key held by the one writer ("nrw" + 1): any constant unique to us.
WRITER_LOCK: Final = 0x6E7277_01
# ts_rank weights for labels {D, C, B, A}: title (A) counts twice the text (B), as the SQLite
# store's bm25 column weights do.
RANK_WEIGHTS: Final = (0.1, 0.2, 0.5, 1.0)
TS_CONFIG: Final = "newsrecon_text"

# A story row with its article ids in order, in one round trip (a server may be far away).
_STORY_COLUMNS: Final = (
    "id, title, parameters, topic_id, coalesce((SELECT array_agg(article_id ORDER BY position) "
    "FROM story_articles WHERE story_id = stories.id), '{}') AS article_ids"
)


class PostgresStore(SqlRecords, SqlStories):
    """:class:`newsrecon.store.base.Store` on PostgreSQL; also a context manager that closes it.

    ``url`` is a libpq connection URL (``postgresql://user@host:port/dbname``); the password,
    if any, never appears in messages.
    """

    _dialect = POSTGRES

    def __init__(self, url: str) -> None:
        self.location = redact(url)
        self._conn: psycopg.Connection[dict[str, Any]] = connect(url, self.location)
        try:
            migrate(self._conn, self.location)
        except BaseException:
            self._conn.close()
            raise

    def close(self) -> None:
        """Idempotent."""
        with suppress(psycopg.Error):
            self._conn.close()

    @contextmanager
    def _write(self, action: str) -> Iterator[psycopg.Cursor[dict[str, Any]]]:
        """One transaction holding the writer lock, handing out one cursor for its statements
        (psycopg connections have no ``executemany``); psycopg errors become
        :class:`StoreError`."""
        try:
            with self._conn.transaction():
                self._conn.execute(f"SET LOCAL lock_timeout = {int(LOCK_TIMEOUT_S * 1000)}")
                try:
                    self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
                except psycopg.errors.LockNotAvailable as exc:
                    raise StoreError(
                        f"{self.location}: cannot {action}: another writer holds the store "
                        f"(waited {LOCK_TIMEOUT_S:g} s)"
                    ) from exc
                with self._conn.cursor() as cursor:
                    yield cursor
        except psycopg.Error as exc:
            raise StoreError(f"{self.location}: cannot {action}: {one_line(exc)}") from exc

    def _read(self, sql: str, args: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        try:
            return self._conn.execute(sql, args).fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"{self.location}: read failed: {one_line(exc)}") from exc

    def _insert_article(self, conn: Executor, article: Article) -> int:
        """As the shared insert, naming the article PostgreSQL refuses (a NUL in its text)."""
        try:
            return super()._insert_article(conn, article)
        except psycopg.Error as exc:
            raise StoreError(
                f"{self.location}: cannot store article {article.id}: {one_line(exc)}"
            ) from exc

    def _select_stories(self, tail: str, args: Sequence[Any] = ()) -> list[Story]:
        rows = self._read(self._dialect.sql(f"SELECT {_STORY_COLUMNS} FROM stories {tail}"), args)
        return [story_from_row(row, row["article_ids"]) for row in rows]

    def search(self, query: str, limit: int = 20) -> list[tuple[str, float]]:
        """Full-text search over title and clean text: (article id, score), best first.

        ``plainto_tsquery`` reads ``query`` as plain words, all required, so no input is a
        syntax error; input with no words matches nothing. The score is ``ts_rank`` (larger
        is better); ties go to the earlier ingested article.
        """
        words = query.replace("\x00", " ")
        if not words.split() or limit <= 0:
            return []
        rows = self._read(
            "SELECT a.id, ts_rank(%(weights)s::real[], a.search, q) AS score "
            f"FROM articles AS a, plainto_tsquery('{TS_CONFIG}', %(words)s) AS q "
            "WHERE a.search @@ q ORDER BY score DESC, a.seq LIMIT %(limit)s",
            {"weights": list(RANK_WEIGHTS), "words": words, "limit": limit},
        )
        return [(str(row["id"]), float(row["score"])) for row in rows]

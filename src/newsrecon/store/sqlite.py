"""The SQLite store: one file (or ``:memory:``) behind :class:`newsrecon.store.base.Store`.

Concurrency model
    One :class:`SqliteStore` owns one connection, used from the thread that opened it
    (``sqlite3`` refuses other threads). Every write runs in its own ``BEGIN IMMEDIATE``
    transaction and commits before the method returns, so the write lock is taken up front
    (no deadlock from upgrading a read lock) and held only for that write. A file database
    runs in WAL mode: any number of readers, in this or other processes, read a consistent
    snapshot while one writer writes. A second writer waits up to :data:`BUSY_TIMEOUT_S`
    for the lock, then gets a :class:`StoreError`. ``synchronous=NORMAL`` is the WAL setting
    that keeps the database consistent after a crash and may lose only the last commits on
    power loss; that is fine for a store that can be rebuilt by ingesting again.

Full-text index
    ``articles_fts`` is an FTS5 *external-content* table over ``articles(title, text)``, kept
    in step by triggers (see ``migrations/0001_init.sql``). External content rather than a
    copy keeps the text stored once; rather than contentless, because SQLite 3.40's
    contentless tables cannot delete rows and cannot return column text for ``snippet()`` or
    ``highlight()``, and because an external-content index can be rebuilt from ``articles``
    with ``INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`` if it ever drifts.
    The tokenizer is ``porter unicode61 remove_diacritics 2``: "protesters" finds "protest",
    "Zürich" finds "Zurich".

Bulk paths (``add_articles``, ``add_rejections``) write a whole batch in one transaction
(one commit), after reading the input, so a lazy input never holds the write lock.

The statements shared with the PostgreSQL store (articles, rejections, caches, stories) are
the mixins :mod:`newsrecon.store.sql_records` and :mod:`newsrecon.store.sql_stories`, spelled
for SQLite by :data:`newsrecon.store.dialect.SQLITE`; this module keeps the connection, its
transactions, full-text search and how a story's article ids are read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Final

from newsrecon.errors import StoreError
from newsrecon.model import Story
from newsrecon.store.dialect import SQLITE
from newsrecon.store.migrations import check_not_newer, load_migrations, migrate, schema_version
from newsrecon.store.sql_records import SqlRecords
from newsrecon.store.sql_stories import SqlStories, story_from_row

MEMORY: Final = ":memory:"
BUSY_TIMEOUT_S: Final = 10.0
# bm25 column weights (title, text): a term in the headline says more about the article.
BM25_WEIGHTS: Final = (2.0, 1.0)
MIN_SQLITE: Final = (3, 37, 0)  # STRICT tables


def fts_query(text: str) -> str:
    """User text as an FTS5 query of plain terms, all required.

    Each whitespace-separated word becomes a quoted string (inner quotes doubled), so FTS5
    operators and syntax in the input (``AND``, ``NEAR``, ``(``, ``*``, ``:``) are just
    words. A word that is only punctuation tokenizes to nothing and constrains nothing. NUL
    ends a string for the FTS5 parser, so it separates words like whitespace.
    """
    words = text.replace("\x00", " ").split()
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


class SqliteStore(SqlRecords, SqlStories):
    """:class:`newsrecon.store.base.Store` on SQLite; also a context manager that closes it."""

    _dialect = SQLITE

    def __init__(self, location: str) -> None:
        self.location = str(location)
        migrations = load_migrations()
        self._conn = _connect(self.location, migrations[-1].version)
        try:
            migrate(self._conn, migrations, self.location)
        except sqlite3.Error as exc:
            self._conn.close()
            raise StoreError(f"{self.location}: cannot migrate ({exc})") from exc
        except BaseException:
            self._conn.close()
            raise

    def close(self) -> None:
        """Idempotent. ``PRAGMA optimize`` first: it refreshes planner statistics cheaply."""
        with suppress(sqlite3.Error):  # closed already, or read-only: statistics are a nicety
            self._conn.execute("PRAGMA optimize")
        self._conn.close()

    @property
    def journal_mode(self) -> str:
        return str(self._conn.execute("PRAGMA journal_mode").fetchone()[0])

    @contextmanager
    def _write(self, action: str) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction; SQLite errors become :class:`StoreError`."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.location}: cannot {action}: {exc}") from exc
        try:
            yield self._conn
        except BaseException as exc:
            self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.location}: cannot {action}: {exc}") from exc
            raise
        else:
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._conn.execute("ROLLBACK")
                raise StoreError(f"{self.location}: cannot {action}: {exc}") from exc

    def _read(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        """All rows of one statement (``sqlite3.Row``, read by column name)."""
        return self._conn.execute(sql, args).fetchall()

    def _select_stories(self, tail: str, args: Sequence[Any] = ()) -> list[Story]:
        """One query for the stories, then one per story for its article ids: SQLite 3.37
        has no ordered aggregate to gather them in the same query."""
        rows = self._read(f"SELECT id, title, parameters, topic_id FROM stories {tail}", args)
        return [story_from_row(row, self._story_article_ids(row["id"])) for row in rows]

    def _story_article_ids(self, story_id: str) -> list[str]:
        rows = self._read(
            "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY position",
            (story_id,),
        )
        return [row["article_id"] for row in rows]

    def search(self, query: str, limit: int = 20) -> list[tuple[str, float]]:
        """Full-text search over title and clean text: (article id, score), best first.

        ``query`` is plain words, all required (see :func:`fts_query`), so no input is a
        syntax error. The score is FTS5's ``bm25()`` negated, so larger is better; ties go
        to the earlier ingested article.
        """
        match = fts_query(query)
        if not match or limit <= 0:
            return []
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        try:
            rows = self._conn.execute(
                f"SELECT a.id, -bm25(articles_fts, {weights}) AS score "
                "FROM articles_fts JOIN articles AS a ON a.seq = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY score DESC, a.seq LIMIT ?",
                (match, limit),
            ).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.location}: search {query!r} failed: {exc}") from exc
        return [(str(row["id"]), float(row["score"])) for row in rows]


def _connect(location: str, latest: int) -> sqlite3.Connection:
    """Open and configure a connection, turning every way a path can be wrong into one line.

    The schema version is checked before anything is written, so a database from a newer
    newsrecon (or a file that is not a database) is left exactly as it was.
    """
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        wanted = ".".join(map(str, MIN_SQLITE))
        raise StoreError(f"SQLite {sqlite3.sqlite_version} is too old: need {wanted} or later")
    if not location:
        raise StoreError("no store location given (a file path or :memory:)")
    if location != MEMORY:
        path = Path(location)
        if path.is_dir():
            raise StoreError(f"{location}: is a directory, not a database file")
        if not path.parent.is_dir():
            raise StoreError(f"{location}: directory {path.parent} does not exist")
    try:
        # isolation_level=None: autocommit; transactions are explicit (BEGIN IMMEDIATE).
        conn = sqlite3.connect(location, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{location}: cannot open ({exc})") from exc
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        check_not_newer(schema_version(conn), latest, location)
        if location != MEMORY:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"{location}: cannot use WAL journal mode (got {mode})")
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        reason = "not a SQLite database" if "not a database" in str(exc) else str(exc)
        raise StoreError(f"{location}: {reason}") from exc
    except BaseException:
        conn.close()
        raise
    return conn

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

Stories (groupings, incremental assignment, topics, events) are a mixin in
:mod:`newsrecon.store.sqlite_stories`, so this module keeps to the connection, articles,
rejections and caches while both halves share one connection and one writer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Final

import orjson

from newsrecon.errors import NotFound, StoreError
from newsrecon.model import Article, Rejection
from newsrecon.store import codec
from newsrecon.store.chunks import CHUNK, chunks
from newsrecon.store.migrations import check_not_newer, load_migrations, migrate, schema_version
from newsrecon.store.sqlite_stories import SqliteStories

MEMORY: Final = ":memory:"
BUSY_TIMEOUT_S: Final = 10.0
# bm25 column weights (title, text): a term in the headline says more about the article.
BM25_WEIGHTS: Final = (2.0, 1.0)
MIN_SQLITE: Final = (3, 37, 0)  # STRICT tables

_INSERT_ARTICLE: Final = (
    f"INSERT INTO articles ({', '.join(codec.ARTICLE_COLUMNS)}) "
    f"VALUES ({', '.join(':' + c for c in codec.ARTICLE_COLUMNS)}) "
    "ON CONFLICT (content_hash) DO NOTHING"
)
_SELECT_ARTICLE: Final = f"SELECT seq, {', '.join(codec.ARTICLE_COLUMNS)} FROM articles"


def fts_query(text: str) -> str:
    """User text as an FTS5 query of plain terms, all required.

    Each whitespace-separated word becomes a quoted string (inner quotes doubled), so FTS5
    operators and syntax in the input (``AND``, ``NEAR``, ``(``, ``*``, ``:``) are just
    words. A word that is only punctuation tokenizes to nothing and constrains nothing. NUL
    ends a string for the FTS5 parser, so it separates words like whitespace.
    """
    words = text.replace("\x00", " ").split()
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


class SqliteStore(SqliteStories):
    """:class:`newsrecon.store.base.Store` on SQLite; also a context manager that closes it."""

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

    def __repr__(self) -> str:
        return f"SqliteStore({self.location!r})"

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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

    # articles ---------------------------------------------------------------
    def add_article(self, article: Article) -> bool:
        """Store ``article``; False (and nothing written) if its content hash is stored already.

        An article whose *id* is stored with other content raises :class:`StoreError`: ids
        derive from content, so that is a bug upstream, not a duplicate.
        """
        with self._write(f"store article {article.id}") as conn:
            cursor = conn.execute(_INSERT_ARTICLE, codec.article_to_row(article))
            return cursor.rowcount == 1

    def add_articles(self, articles: Iterable[Article]) -> int:
        """Store many articles in one transaction (all or none); return how many were new.

        ``articles`` is read in full before the write lock is taken, so a lazy input never
        holds other writers up. Duplicates by content hash (stored already, or repeated within
        ``articles``) are skipped as in :meth:`add_article`.
        """
        batch = list(articles)
        if not batch:
            return 0
        with self._write(f"store {len(batch)} articles") as conn:
            return sum(
                conn.execute(_INSERT_ARTICLE, codec.article_to_row(a)).rowcount for a in batch
            )

    def article_by_hash(self, content_hash: str) -> Article | None:
        row = self._conn.execute(
            f"{_SELECT_ARTICLE} WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return None if row is None else codec.row_to_article(row)

    def get_article(self, article_id: str) -> Article:
        """Raise :class:`newsrecon.errors.NotFound` if absent."""
        row = self._conn.execute(f"{_SELECT_ARTICLE} WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        return codec.row_to_article(row)

    def articles(self, ids: Sequence[str] | None = None) -> Iterator[Article]:
        """All articles in ingestion order, or those of ``ids`` in that order.

        Pages by ``seq`` (keyset) instead of holding one cursor open, so a long iteration
        holds no read transaction and sees writes made meanwhile by this connection.
        An id that is not stored raises :class:`NotFound` (naming it) when its page is read.
        """
        if ids is None:
            return self._all_articles()
        return self._articles_by_id(ids)

    def _all_articles(self) -> Iterator[Article]:
        after = 0
        while True:
            rows = self._conn.execute(
                f"{_SELECT_ARTICLE} WHERE seq > ? ORDER BY seq LIMIT ?", (after, CHUNK)
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield codec.row_to_article(row)
            after = rows[-1]["seq"]

    def _articles_by_id(self, ids: Sequence[str]) -> Iterator[Article]:
        for chunk in chunks(ids, CHUNK):
            wanted = sorted(set(chunk))
            marks = ", ".join("?" * len(wanted))
            rows = self._conn.execute(f"{_SELECT_ARTICLE} WHERE id IN ({marks})", wanted)
            found = {row["id"]: codec.row_to_article(row) for row in rows}
            missing = [i for i in wanted if i not in found]
            if missing:
                raise NotFound(f"no article with id {', '.join(map(repr, missing))}")
            yield from (found[i] for i in chunk)

    def count_articles(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

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

    # rejections -------------------------------------------------------------
    def add_rejection(self, rejection: Rejection) -> None:
        """The same (source, kind, reason) is stored once, however often it is reported."""
        self.add_rejections((rejection,))

    def add_rejections(self, rejections: Iterable[Rejection]) -> int:
        """Store many rejections in one transaction; return how many were new."""
        batch = [codec.rejection_to_row(r) for r in rejections]
        if not batch:
            return 0
        with self._write(f"store {len(batch)} rejections") as conn:
            return sum(
                conn.execute(
                    "INSERT INTO rejections (source, kind, reason) VALUES (?, ?, ?) "
                    "ON CONFLICT DO NOTHING",
                    row,
                ).rowcount
                for row in batch
            )

    def rejections(self) -> list[Rejection]:
        rows = self._conn.execute("SELECT source, kind, reason FROM rejections ORDER BY seq")
        return [codec.row_to_rejection(row) for row in rows]

    # caches -----------------------------------------------------------------
    def put_doc(self, content_hash: str, version: str, data: bytes) -> None:
        with self._write(f"cache doc {content_hash}") as conn:
            conn.execute(
                "INSERT INTO docs (content_hash, version, data) VALUES (?, ?, ?) "
                "ON CONFLICT DO UPDATE SET data = excluded.data",
                (content_hash, version, bytes(data)),
            )

    def get_doc(self, content_hash: str, version: str) -> bytes | None:
        row = self._conn.execute(
            "SELECT data FROM docs WHERE content_hash = ? AND version = ?",
            (content_hash, version),
        ).fetchone()
        return None if row is None else bytes(row["data"])

    def put_result(self, content_hash: str, stage: str, version: str, payload: Any) -> None:
        """Cache a JSON-serialisable stage result.

        Tuples come back as lists (JSON has no tuple); a value orjson cannot write (a set,
        a non-string key, an int beyond 64 bits) raises :class:`StoreError` naming the stage.
        """
        try:
            text = codec.dumps(payload)
        except orjson.JSONEncodeError as exc:
            raise StoreError(f"cannot cache {stage} result for {content_hash}: {exc}") from exc
        with self._write(f"cache {stage} result for {content_hash}") as conn:
            conn.execute(
                "INSERT INTO results (content_hash, stage, version, payload) VALUES (?, ?, ?, ?) "
                "ON CONFLICT DO UPDATE SET payload = excluded.payload",
                (content_hash, stage, version, text),
            )

    def get_result(self, content_hash: str, stage: str, version: str) -> Any | None:
        row = self._conn.execute(
            "SELECT payload FROM results WHERE content_hash = ? AND stage = ? AND version = ?",
            (content_hash, stage, version),
        ).fetchone()
        return None if row is None else codec.loads(row["payload"])


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

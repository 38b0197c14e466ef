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

Stories are a mixin in :mod:`newsrecon.store.postgres_stories`; the schema and its
migrations in :mod:`newsrecon.store.postgres_schema`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any, Final

import orjson
import psycopg

from newsrecon.errors import NotFound, StoreError
from newsrecon.model import Article, Rejection
from newsrecon.store import codec
from newsrecon.store.chunks import CHUNK, chunks
from newsrecon.store.postgres_schema import connect, migrate, one_line, redact
from newsrecon.store.postgres_stories import PostgresStories

LOCK_TIMEOUT_S: Final = 10.0
# pg_advisory_xact_lock key held by the one writer ("nrw" + 1): any constant unique to us.
WRITER_LOCK: Final = 0x6E7277_01
# ts_rank weights for labels {D, C, B, A}: title (A) counts twice the text (B), as the SQLite
# store's bm25 column weights do.
RANK_WEIGHTS: Final = (0.1, 0.2, 0.5, 1.0)
TS_CONFIG: Final = "newsrecon_text"

_INSERT_ARTICLE: Final = (
    f"INSERT INTO articles ({', '.join(codec.ARTICLE_COLUMNS)}) "
    f"VALUES ({', '.join(f'%({c})s' for c in codec.ARTICLE_COLUMNS)}) "
    "ON CONFLICT (content_hash) DO NOTHING"
)
_SELECT_ARTICLE: Final = f"SELECT seq, {', '.join(codec.ARTICLE_COLUMNS)} FROM articles"


class PostgresStore(PostgresStories):
    """:class:`newsrecon.store.base.Store` on PostgreSQL; also a context manager that closes it.

    ``url`` is a libpq connection URL (``postgresql://user@host:port/dbname``); the password,
    if any, never appears in messages.
    """

    def __init__(self, url: str) -> None:
        self.location = redact(url)
        self._conn: psycopg.Connection[dict[str, Any]] = connect(url, self.location)
        try:
            migrate(self._conn, self.location)
        except BaseException:
            self._conn.close()
            raise

    def __repr__(self) -> str:
        return f"PostgresStore({self.location!r})"

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Idempotent."""
        with suppress(psycopg.Error):
            self._conn.close()

    @contextmanager
    def _write(self, action: str) -> Iterator[psycopg.Connection[dict[str, Any]]]:
        """One transaction holding the writer lock; psycopg errors become :class:`StoreError`."""
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
                yield self._conn
        except psycopg.Error as exc:
            raise StoreError(f"{self.location}: cannot {action}: {one_line(exc)}") from exc

    def _read(self, sql: str, args: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        try:
            return self._conn.execute(sql, args).fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"{self.location}: read failed: {one_line(exc)}") from exc

    # articles ---------------------------------------------------------------
    def add_article(self, article: Article) -> bool:
        """Store ``article``; False (and nothing written) if its content hash is stored already.

        An article whose *id* is stored with other content raises :class:`StoreError`.
        """
        with self._write(f"store article {article.id}") as conn:
            return conn.execute(_INSERT_ARTICLE, codec.article_to_row(article)).rowcount == 1

    def add_articles(self, articles: Iterable[Article]) -> int:
        """Store many articles in one transaction (all or none); return how many were new.

        ``articles`` is read in full before the writer lock is taken.
        """
        batch = list(articles)
        if not batch:
            return 0
        with self._write(f"store {len(batch)} articles") as conn:
            new = 0
            for article in batch:
                try:
                    new += conn.execute(_INSERT_ARTICLE, codec.article_to_row(article)).rowcount
                except psycopg.Error as exc:
                    raise StoreError(
                        f"{self.location}: cannot store article {article.id}: {one_line(exc)}"
                    ) from exc
            return new

    def article_by_hash(self, content_hash: str) -> Article | None:
        rows = self._read(f"{_SELECT_ARTICLE} WHERE content_hash = %s", (content_hash,))
        return codec.row_to_article(rows[0]) if rows else None

    def get_article(self, article_id: str) -> Article:
        """Raise :class:`newsrecon.errors.NotFound` if absent."""
        rows = self._read(f"{_SELECT_ARTICLE} WHERE id = %s", (article_id,))
        if not rows:
            raise NotFound(f"no article with id {article_id!r}")
        return codec.row_to_article(rows[0])

    def articles(self, ids: Sequence[str] | None = None) -> Iterator[Article]:
        """All articles in ingestion order, or those of ``ids`` in that order.

        Pages by ``seq`` (keyset), :data:`CHUNK` rows at a time, so a long iteration holds no
        cursor or transaction open. An id that is not stored raises :class:`NotFound`.
        """
        if ids is None:
            return self._all_articles()
        return self._articles_by_id(ids)

    def _all_articles(self) -> Iterator[Article]:
        after = 0
        while True:
            rows = self._read(
                f"{_SELECT_ARTICLE} WHERE seq > %s ORDER BY seq LIMIT %s", (after, CHUNK)
            )
            if not rows:
                return
            for row in rows:
                yield codec.row_to_article(row)
            after = rows[-1]["seq"]

    def _articles_by_id(self, ids: Sequence[str]) -> Iterator[Article]:
        for chunk in chunks(ids, CHUNK):
            wanted = sorted(set(chunk))
            rows = self._read(f"{_SELECT_ARTICLE} WHERE id = ANY(%s)", (wanted,))
            found = {row["id"]: codec.row_to_article(row) for row in rows}
            missing = [i for i in wanted if i not in found]
            if missing:
                raise NotFound(f"no article with id {', '.join(map(repr, missing))}")
            yield from (found[i] for i in chunk)

    def count_articles(self) -> int:
        return int(self._read("SELECT count(*) AS n FROM articles")[0]["n"])

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
                    "INSERT INTO rejections (source, kind, reason) VALUES (%s, %s, %s) "
                    "ON CONFLICT DO NOTHING",
                    row,
                ).rowcount
                for row in batch
            )

    def rejections(self) -> list[Rejection]:
        rows = self._read("SELECT source, kind, reason FROM rejections ORDER BY seq")
        return [codec.row_to_rejection(row) for row in rows]

    # caches -----------------------------------------------------------------
    def put_doc(self, content_hash: str, version: str, data: bytes) -> None:
        with self._write(f"cache doc {content_hash}") as conn:
            conn.execute(
                "INSERT INTO docs (content_hash, version, data) VALUES (%s, %s, %s) "
                "ON CONFLICT (content_hash, version) DO UPDATE SET data = excluded.data",
                (content_hash, version, bytes(data)),
            )

    def get_doc(self, content_hash: str, version: str) -> bytes | None:
        rows = self._read(
            "SELECT data FROM docs WHERE content_hash = %s AND version = %s",
            (content_hash, version),
        )
        return bytes(rows[0]["data"]) if rows else None

    def put_result(self, content_hash: str, stage: str, version: str, payload: Any) -> None:
        """Cache a JSON-serialisable stage result.

        Tuples come back as lists; a value orjson cannot write, or a string holding NUL
        (``jsonb`` cannot), raises :class:`StoreError` naming the stage.
        """
        try:
            text = codec.dumps(payload)
        except orjson.JSONEncodeError as exc:
            raise StoreError(f"cannot cache {stage} result for {content_hash}: {exc}") from exc
        with self._write(f"cache {stage} result for {content_hash}") as conn:
            conn.execute(
                "INSERT INTO results (content_hash, stage, version, payload) "
                "VALUES (%s, %s, %s, %s::jsonb) "
                "ON CONFLICT (content_hash, stage, version) "
                "DO UPDATE SET payload = excluded.payload",
                (content_hash, stage, version, text),
            )

    def get_result(self, content_hash: str, stage: str, version: str) -> Any | None:
        rows = self._read(
            "SELECT payload::text AS payload FROM results "
            "WHERE content_hash = %s AND stage = %s AND version = %s",
            (content_hash, stage, version),
        )
        return codec.loads(rows[0]["payload"]) if rows else None

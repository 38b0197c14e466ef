"""Articles, rejections and caches for both stores, written once.

The SQLite and PostgreSQL stores keep these tables alike, so the statements and the row
handling live here, spelled through the backend's :class:`~newsrecon.store.dialect.Dialect`;
each backend keeps only its connection, its transactions and its full-text search (FTS5 and
``tsvector`` share nothing but the contract). Rows go through :mod:`newsrecon.store.codec`,
so a record reads back identical from either backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

import orjson

from newsrecon.errors import NotFound, StoreError
from newsrecon.model import Article, Rejection
from newsrecon.store import codec
from newsrecon.store.chunks import CHUNK, chunks
from newsrecon.store.dialect import Executor, SqlBackend

_SELECT_ARTICLE: Final = f"SELECT seq, {', '.join(codec.ARTICLE_COLUMNS)} FROM articles"


class SqlRecords(SqlBackend):
    """The article, rejection and cache methods of :class:`newsrecon.store.base.Store`."""

    # articles ---------------------------------------------------------------
    def add_article(self, article: Article) -> bool:
        """Store ``article``; False (and nothing written) if its content hash is stored already.

        An article whose *id* is stored with other content raises :class:`StoreError`: ids
        derive from content, so that is a bug upstream, not a duplicate.
        """
        with self._write(f"store article {article.id}") as conn:
            return self._insert_article(conn, article) == 1

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
            return sum(self._insert_article(conn, article) for article in batch)

    def _insert_article(self, conn: Executor, article: Article) -> int:
        """Insert one article unless its content hash is stored; 1 if it was new.

        A backend whose driver can refuse one article of a batch overrides this to name it.
        """
        named = self._dialect.named_param
        sql = (
            f"INSERT INTO articles ({', '.join(codec.ARTICLE_COLUMNS)}) "
            f"VALUES ({', '.join(named.format(c) for c in codec.ARTICLE_COLUMNS)}) "
            "ON CONFLICT (content_hash) DO NOTHING"
        )
        return conn.execute(sql, codec.article_to_row(article)).rowcount

    def article_by_hash(self, content_hash: str) -> Article | None:
        rows = self._read(
            self._dialect.sql(f"{_SELECT_ARTICLE} WHERE content_hash = ?"), (content_hash,)
        )
        return codec.row_to_article(rows[0]) if rows else None

    def get_article(self, article_id: str) -> Article:
        """Raise :class:`newsrecon.errors.NotFound` if absent."""
        rows = self._read(self._dialect.sql(f"{_SELECT_ARTICLE} WHERE id = ?"), (article_id,))
        if not rows:
            raise NotFound(f"no article with id {article_id!r}")
        return codec.row_to_article(rows[0])

    def articles(self, ids: Sequence[str] | None = None) -> Iterator[Article]:
        """All articles in ingestion order, or those of ``ids`` in that order.

        Pages by ``seq`` (keyset), :data:`CHUNK` rows at a time, instead of holding one cursor
        open, so a long iteration holds no read transaction and sees writes made meanwhile.
        An id that is not stored raises :class:`NotFound` (naming it) when its page is read.
        """
        if ids is None:
            return self._all_articles()
        return self._articles_by_id(ids)

    def _all_articles(self) -> Iterator[Article]:
        sql = self._dialect.sql(f"{_SELECT_ARTICLE} WHERE seq > ? ORDER BY seq LIMIT ?")
        after = 0
        while True:
            rows = self._read(sql, (after, CHUNK))
            if not rows:
                return
            for row in rows:
                yield codec.row_to_article(row)
            after = rows[-1]["seq"]

    def _articles_by_id(self, ids: Sequence[str]) -> Iterator[Article]:
        for chunk in chunks(ids, CHUNK):
            wanted = sorted(set(chunk))
            where, args = self._dialect.member("id", wanted)
            rows = self._read(self._dialect.sql(f"{_SELECT_ARTICLE} WHERE {where}"), args)
            found = {row["id"]: codec.row_to_article(row) for row in rows}
            missing = [i for i in wanted if i not in found]
            if missing:
                raise NotFound(f"no article with id {', '.join(map(repr, missing))}")
            yield from (found[i] for i in chunk)

    def count_articles(self) -> int:
        return int(self._read("SELECT count(*) AS n FROM articles")[0]["n"])

    # rejections -------------------------------------------------------------
    def add_rejection(self, rejection: Rejection) -> None:
        """The same (source, kind, reason) is stored once, however often it is reported."""
        self.add_rejections((rejection,))

    def add_rejections(self, rejections: Iterable[Rejection]) -> int:
        """Store many rejections in one transaction; return how many were new."""
        batch = [codec.rejection_to_row(r) for r in rejections]
        if not batch:
            return 0
        sql = self._dialect.sql(
            "INSERT INTO rejections (source, kind, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
        )
        with self._write(f"store {len(batch)} rejections") as conn:
            return sum(conn.execute(sql, row).rowcount for row in batch)

    def rejections(self) -> list[Rejection]:
        rows = self._read("SELECT source, kind, reason FROM rejections ORDER BY seq")
        return [codec.row_to_rejection(row) for row in rows]

    # caches -----------------------------------------------------------------
    def put_doc(self, content_hash: str, version: str, data: bytes) -> None:
        with self._write(f"cache doc {content_hash}") as conn:
            conn.execute(
                self._dialect.sql(
                    "INSERT INTO docs (content_hash, version, data) VALUES (?, ?, ?) "
                    "ON CONFLICT (content_hash, version) DO UPDATE SET data = excluded.data"
                ),
                (content_hash, version, bytes(data)),
            )

    def get_doc(self, content_hash: str, version: str) -> bytes | None:
        rows = self._read(
            self._dialect.sql("SELECT data FROM docs WHERE content_hash = ? AND version = ?"),
            (content_hash, version),
        )
        return bytes(rows[0]["data"]) if rows else None

    def put_result(self, content_hash: str, stage: str, version: str, payload: Any) -> None:
        """Cache a JSON-serialisable stage result.

        Tuples come back as lists (JSON has no tuple); a value orjson cannot write (a set,
        a non-string key, an int beyond 64 bits) raises :class:`StoreError` naming the stage,
        as does, in PostgreSQL, a string holding NUL (``jsonb`` cannot).
        """
        try:
            text = codec.dumps(payload)
        except orjson.JSONEncodeError as exc:
            raise StoreError(f"cannot cache {stage} result for {content_hash}: {exc}") from exc
        with self._write(f"cache {stage} result for {content_hash}") as conn:
            conn.execute(
                self._dialect.sql(
                    "INSERT INTO results (content_hash, stage, version, payload) "
                    f"VALUES (?, ?, ?, {self._dialect.json_param}) "
                    "ON CONFLICT (content_hash, stage, version) "
                    "DO UPDATE SET payload = excluded.payload"
                ),
                (content_hash, stage, version, text),
            )

    def get_result(self, content_hash: str, stage: str, version: str) -> Any | None:
        rows = self._read(
            self._dialect.sql(
                f"SELECT {self._dialect.json_text} FROM results "
                "WHERE content_hash = ? AND stage = ? AND version = ?"
            ),
            (content_hash, stage, version),
        )
        return codec.loads(rows[0]["payload"]) if rows else None

"""One writer, many readers: readers keep their snapshot, a second writer waits then fails.

Each test runs on a SQLite file (WAL) and on PostgreSQL (MVCC, writers serialised by an
advisory lock); only the raw "other connection" differs, given by :class:`Backend`.
"""

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsrecon.errors import StoreError
from newsrecon.model import Article
from newsrecon.store.base import Store, open_store
from tests import pg_helpers

# The throwaway PostgreSQL server's fixtures (tests/pg_helpers.py), visible to this module.
pg_server = pg_helpers.pg_server
pg_url = pg_helpers.pg_url


def make_article(n: int) -> Article:
    return Article(f"a{n}", f"in/{n}.txt", "text", f"report {n}", f"h{n}", "o", "file_name")


class Backend:
    """A store location plus what a raw second connection does on it."""

    def __init__(self, kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
        self.kind = kind
        if kind == "file":
            self.location = str(tmp_path / "news.db")
        else:
            self.location = request.getfixturevalue("pg_url")

    def open(self) -> Store:
        return open_store(self.location)

    def snapshot_reader(self) -> tuple[Callable[[], int], Callable[[], None]]:
        """A long read transaction in another connection: (count articles, end it)."""
        if self.kind == "file":
            raw = sqlite3.connect(self.location, isolation_level=None)
            raw.execute("BEGIN")
            conn: Any = raw
        else:
            import psycopg

            conn = psycopg.connect(self.location, autocommit=True)
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")

        def count() -> int:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

        def end() -> None:
            conn.execute("COMMIT")
            conn.close()

        return count, end

    def shorten_lock_waits(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Before opening: SQLite reads its busy timeout when it connects."""
        monkeypatch.setattr("newsrecon.store.sqlite.BUSY_TIMEOUT_S", 0.05)
        if self.kind == "postgres":
            monkeypatch.setattr("newsrecon.store.postgres.LOCK_TIMEOUT_S", 0.05)

    def hold_write_lock(self) -> Callable[[], None]:
        """Another writer takes the write lock; returns its release."""
        if self.kind == "file":
            holder = sqlite3.connect(self.location, isolation_level=None)
            holder.execute("BEGIN IMMEDIATE")

            def release_sqlite() -> None:
                holder.execute("ROLLBACK")
                holder.close()

            return release_sqlite
        import psycopg

        from newsrecon.store import postgres

        conn = psycopg.connect(self.location, autocommit=True)
        conn.execute("BEGIN")
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (postgres.WRITER_LOCK,))

        def release_postgres() -> None:
            conn.execute("ROLLBACK")
            conn.close()

        return release_postgres

    @property
    def locked_message(self) -> str:
        return "locked" if self.kind == "file" else "another writer holds the store"


@pytest.fixture(params=["file", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    return Backend(str(request.param), request, tmp_path)


def test_reader_keeps_snapshot_while_writer_commits(backend: Backend) -> None:
    with backend.open() as writer, backend.open() as reader:
        writer.add_article(make_article(1))
        count, end = backend.snapshot_reader()
        assert count() == 1
        # The writer neither waits for nor disturbs the open read transaction.
        assert writer.add_articles(make_article(n) for n in range(2, 6)) == 4
        assert count() == 1
        assert reader.count_articles() == 5  # a fresh read sees the commit
        end()
        assert [a.id for a in reader.articles()] == [f"a{n}" for n in range(1, 6)]


def test_reader_iterates_while_writer_writes(backend: Backend) -> None:
    with backend.open() as writer:
        writer.add_articles(make_article(n) for n in range(10))
        errors: list[BaseException] = []

        def read() -> None:
            try:
                with backend.open() as reader:
                    for _ in range(20):
                        ids = [a.id for a in reader.articles()]
                        assert ids[:10] == [f"a{n}" for n in range(10)]
            except BaseException as exc:  # surfaced in the main thread below
                errors.append(exc)

        thread = threading.Thread(target=read)
        thread.start()
        for n in range(10, 40):
            writer.add_article(make_article(n))
        thread.join(timeout=30)
        assert not thread.is_alive()
        assert errors == []
        assert writer.count_articles() == 40


def test_second_writer_waits_then_fails_clearly(
    backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend.shorten_lock_waits(monkeypatch)
    with backend.open() as store:
        release = backend.hold_write_lock()
        with pytest.raises(StoreError, match=backend.locked_message):
            store.add_article(make_article(1))
        assert store.count_articles() == 0  # reading still works meanwhile
        release()
        assert store.add_article(make_article(1))

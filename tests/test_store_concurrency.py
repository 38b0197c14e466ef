"""One writer, many readers on a WAL file: readers keep their snapshot, a second writer waits."""

import sqlite3
import threading
from pathlib import Path

import pytest

from newsrecon.errors import StoreError
from newsrecon.model import Article
from newsrecon.store.sqlite import SqliteStore


def make_article(n: int) -> Article:
    return Article(f"a{n}", f"in/{n}.txt", "text", f"report {n}", f"h{n}", "o", "file_name")


def test_reader_keeps_snapshot_while_writer_commits(tmp_path: Path) -> None:
    path = str(tmp_path / "news.db")
    with SqliteStore(path) as writer, SqliteStore(path) as reader:
        writer.add_article(make_article(1))
        raw = sqlite3.connect(path, isolation_level=None)
        raw.execute("BEGIN")  # a long read transaction in another connection
        assert raw.execute("SELECT count(*) FROM articles").fetchone() == (1,)
        # Under WAL the writer neither waits for nor disturbs the open read transaction.
        assert writer.add_articles(make_article(n) for n in range(2, 6)) == 4
        assert raw.execute("SELECT count(*) FROM articles").fetchone() == (1,)
        assert reader.count_articles() == 5  # a fresh read sees the commit
        raw.execute("COMMIT")
        assert raw.execute("SELECT count(*) FROM articles").fetchone() == (5,)
        raw.close()
        assert [a.id for a in reader.articles()] == [f"a{n}" for n in range(1, 6)]


def test_reader_iterates_while_writer_writes(tmp_path: Path) -> None:
    path = str(tmp_path / "news.db")
    with SqliteStore(path) as writer:
        writer.add_articles(make_article(n) for n in range(10))
        errors: list[BaseException] = []

        def read() -> None:
            try:
                with SqliteStore(path) as reader:
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
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsrecon.store.sqlite.BUSY_TIMEOUT_S", 0.05)
    path = str(tmp_path / "news.db")
    with SqliteStore(path) as store:
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        with pytest.raises(StoreError, match="locked"):
            store.add_article(make_article(1))
        assert store.count_articles() == 0  # reading still works meanwhile
        holder.execute("ROLLBACK")
        holder.close()
        assert store.add_article(make_article(1))

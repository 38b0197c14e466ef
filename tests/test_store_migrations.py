"""Opening files: WAL, numbered migrations, and every way a path can be wrong."""

import sqlite3
from pathlib import Path

import pytest

from newsrecon.errors import StoreError
from newsrecon.store.migrations import Migration, load_migrations, migrate, split_statements
from newsrecon.store.sqlite import SqliteStore

LATEST = load_migrations()[-1].version
TABLES = {"articles", "articles_fts", "rejections", "docs", "results", "stories", "story_articles"}


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'").fetchall()
    return {name for (name,) in rows}


def test_shipped_migrations_are_numbered_from_one() -> None:
    assert [m.version for m in load_migrations()] == list(range(1, LATEST + 1))
    assert all(m.statements for m in load_migrations())


@pytest.mark.parametrize(
    ("location", "mode"),
    [("news.db", "wal"), (":memory:", "memory")],
)
def test_journal_mode(tmp_path: Path, location: str, mode: str) -> None:
    target = location if location == ":memory:" else str(tmp_path / location)
    with SqliteStore(target) as store:
        assert store.journal_mode == mode


@pytest.mark.parametrize("existing", [None, b""])
def test_new_or_empty_file_is_migrated_and_reopens(tmp_path: Path, existing: bytes | None) -> None:
    path = tmp_path / "news.db"
    if existing is not None:
        path.write_bytes(existing)
    with SqliteStore(str(path)) as store:
        store.put_doc("h", "v", b"kept")
    assert user_version(path) == LATEST
    assert tables(path) >= TABLES
    with SqliteStore(str(path)) as store:
        assert store.get_doc("h", "v") == b"kept"
    assert user_version(path) == LATEST


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    with pytest.raises(StoreError, match=r"newer than this newsrecon supports") as caught:
        SqliteStore(str(path))
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)
    assert user_version(path) == LATEST + 1
    with sqlite3.connect(path) as conn:  # not even switched to WAL
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_text("just some words, " * 40), "not a SQLite database"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(600)), "not a SQLite database"),
        (lambda p: p.mkdir(), "is a directory"),
    ],
)
def test_not_a_database_names_path_and_reason(tmp_path: Path, make: object, reason: str) -> None:
    path = tmp_path / "thing.db"
    make(path)  # type: ignore[operator]
    with pytest.raises(StoreError, match=reason) as caught:
        SqliteStore(str(path))
    assert str(path) in str(caught.value)


def test_missing_directory_names_path(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "news.db"
    with pytest.raises(StoreError, match="does not exist") as caught:
        SqliteStore(str(path))
    assert str(path) in str(caught.value)
    assert not path.parent.exists()


def test_empty_location_is_refused() -> None:
    with pytest.raises(StoreError, match="no store location"):
        SqliteStore("")


# migrate() with synthetic steps ----------------------------------------------

STEP1 = Migration(1, "0001_a.sql", ("CREATE TABLE a (x INTEGER)",))
STEP2 = Migration(2, "0002_b.sql", ("CREATE TABLE b (y INTEGER)", "INSERT INTO a VALUES (7)"))
BROKEN = Migration(
    2, "0002_bad.sql", ("CREATE TABLE b (y INTEGER)", "INSERT INTO nowhere VALUES (1)")
)


def autocommit(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_older_database_is_brought_forward(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = autocommit(path)
    assert migrate(conn, [STEP1], str(path)) == 1
    assert migrate(conn, [STEP1, STEP2], str(path)) == 2
    assert conn.execute("SELECT x FROM a").fetchall() == [(7,)]
    assert migrate(conn, [STEP1, STEP2], str(path)) == 2  # nothing left to do
    assert conn.execute("SELECT count(*) FROM a").fetchone() == (1,)
    conn.close()
    assert tables(path) == {"a", "b"}


def test_failed_migration_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = autocommit(path)
    migrate(conn, [STEP1], str(path))
    with pytest.raises(StoreError, match="migration failed: no such table: nowhere"):
        migrate(conn, [STEP1, BROKEN], str(path))
    conn.close()
    assert user_version(path) == 1
    assert tables(path) == {"a"}


@pytest.mark.parametrize(
    ("script", "count"),
    [
        ("CREATE TABLE a (x); CREATE TABLE b (y);", 2),
        ("-- a comment; with a semicolon\nCREATE TABLE a (x);", 1),
        ("CREATE TABLE a (x DEFAULT ';');", 1),
        ("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; SELECT 2; END;\n-- done\n", 1),
        ("", 0),
    ],
)
def test_split_statements(script: str, count: int) -> None:
    statements = split_statements(script)
    assert len(statements) == count
    assert all(sqlite3.complete_statement(s) for s in statements)


def test_unterminated_statement_is_refused() -> None:
    with pytest.raises(StoreError, match="unterminated"):
        split_statements("CREATE TABLE a (x); CREATE TABLE b (y)")

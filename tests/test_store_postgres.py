"""What only the PostgreSQL store has: its migrations, its full-text configuration, opening by
URL, and the command line end to end against a real server.

The contract shared with SQLite is tested once for both in ``test_store*.py``. Everything
here skips, saying why, where no PostgreSQL server can start (``tests/pg_helpers.py``).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from newsrecon.errors import MissingExtra, StoreError
from newsrecon.model import Article
from newsrecon.store.base import open_store, postgres_url
from newsrecon.store.migrations import Migration, load_migrations
from tests import pg_helpers
from tests.conftest import EXAMPLES

# The throwaway PostgreSQL server's fixtures (tests/pg_helpers.py), visible to this module.
pg_empty_url = pg_helpers.pg_empty_url
pg_server = pg_helpers.pg_server
pg_url = pg_helpers.pg_url

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (the postgres extra)")

from newsrecon.store import postgres_schema  # noqa: E402 - needs psycopg
from newsrecon.store.postgres import PostgresStore  # noqa: E402

LATEST = postgres_schema.load_migrations()[-1].version


def article(n: int, text: str, title: str | None = None) -> Article:
    return Article(f"a{n}", f"in/{n}.txt", "text", text, f"h{n}", "o", "file_name", title=title)


def query(url: str, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(sql, args)
        return list(cursor.fetchall()) if cursor.description else []


def versions(url: str) -> list[int]:
    return [row[0] for row in query(url, "SELECT version FROM newsrecon_schema ORDER BY version")]


def tables(url: str) -> set[str]:
    rows = query(url, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return {name for (name,) in rows}


# opening ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "url"),
    [
        ("postgresql://u@h:5/db", "postgresql://u@h:5/db"),
        ("postgres://h/db", "postgres://h/db"),
        (Path("postgresql://u@h:5/db"), "postgresql://u@h:5/db"),  # Path ate one slash
        ("news.db", None),
        (Path("postgres:notes.db"), None),
        (":memory:", None),
    ],
)
def test_postgres_url_recognised(location: str | Path, url: str | None) -> None:
    assert postgres_url(location) == url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://ann:s3cret@db:5432/news", "postgresql://ann:***@db:5432/news"),
        ("postgresql://db/news?password=s3cret&x=1", "postgresql://db/news?password=***&x=1"),
        ("postgresql://ann@db/news", "postgresql://ann@db/news"),
    ],
)
def test_password_never_shown(url: str, shown: str) -> None:
    assert postgres_schema.redact(url) == shown


def test_missing_psycopg_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m.startswith("newsrecon.store.postgres")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(MissingExtra, match=r"pip install 'newsrecon\[postgres\]'"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_unreachable_server_is_one_line_without_password() -> None:
    with pytest.raises(StoreError, match="cannot connect") as caught:
        open_store("postgresql://ann:s3cret@127.0.0.1:1/none?connect_timeout=2")
    assert "s3cret" not in str(caught.value)
    assert "\n" not in str(caught.value)


def test_open_store_gives_postgres(pg_url: str) -> None:
    for location in (pg_url, Path(pg_url)):
        with open_store(location) as store:
            assert isinstance(store, PostgresStore)


def test_nul_in_text_is_refused_naming_the_article(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        with pytest.raises(StoreError, match=r"a1.*NUL"):
            store.add_article(article(1, "before\x00after"))
        with pytest.raises(StoreError, match="quotes"):
            store.put_result("h1", "quotes", "v1", {"text": "a\x00b"})
        assert store.count_articles() == 0


# migrations ---------------------------------------------------------------------


def test_same_versions_and_tables_as_sqlite(pg_empty_url: str) -> None:
    assert [m.version for m in postgres_schema.load_migrations()] == [
        m.version for m in load_migrations()
    ]
    PostgresStore(pg_empty_url).close()
    lite = sqlite3.connect(":memory:")
    from newsrecon.store.migrations import migrate

    migrate(lite, load_migrations(), ":memory:")
    lite_tables = {
        name
        for (name,) in lite.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")
        if not name.startswith("articles_fts")
    }
    assert tables(pg_empty_url) - {"newsrecon_schema"} == lite_tables
    # Columns: PostgreSQL adds the stored search vector and a seq where SQLite has a rowid.
    extra = {"articles": {"search"}, "story_state": {"seq"}, "topic_state": {"seq"}}
    for table in lite_tables:
        lite_columns = {row[1] for row in lite.execute(f"PRAGMA table_info({table})")}
        pg_columns = {
            name
            for (name,) in query(
                pg_empty_url,
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
                table,
            )
        }
        assert pg_columns - extra.get(table, set()) == lite_columns, table


def test_new_database_is_migrated_once_and_reopens(pg_empty_url: str) -> None:
    with PostgresStore(pg_empty_url) as store:
        store.put_doc("h", "v", b"kept")
    assert versions(pg_empty_url) == list(range(1, LATEST + 1))
    with PostgresStore(pg_empty_url) as store:
        assert store.get_doc("h", "v") == b"kept"
    assert versions(pg_empty_url) == list(range(1, LATEST + 1))


def test_concurrent_openers_migrate_once(pg_empty_url: str) -> None:
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            PostgresStore(pg_empty_url).close()
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert versions(pg_empty_url) == list(range(1, LATEST + 1))


def test_newer_database_is_refused_untouched(pg_empty_url: str) -> None:
    PostgresStore(pg_empty_url).close()
    query(pg_empty_url, "INSERT INTO newsrecon_schema (version, name) VALUES (%s, 'x')", LATEST + 1)
    before = tables(pg_empty_url)
    with pytest.raises(StoreError, match="newer than this newsrecon supports") as caught:
        PostgresStore(pg_empty_url)
    assert "\n" not in str(caught.value)
    assert tables(pg_empty_url) == before


STEP1 = Migration(1, "0001_a.sql", ("CREATE TABLE a (x integer)",))
STEP2 = Migration(2, "0002_b.sql", ("CREATE TABLE b (y integer); INSERT INTO a VALUES (7);",))
BROKEN = Migration(
    2, "0002_bad.sql", ("CREATE TABLE b (y integer); INSERT INTO nowhere VALUES (1);",)
)


def test_older_database_is_brought_forward(pg_empty_url: str) -> None:
    with postgres_schema.connect(pg_empty_url, "db") as conn:
        assert postgres_schema.migrate(conn, "db", [STEP1]) == 1
        assert postgres_schema.migrate(conn, "db", [STEP1, STEP2]) == 2
        assert postgres_schema.migrate(conn, "db", [STEP1, STEP2]) == 2  # nothing left to do
    assert query(pg_empty_url, "SELECT x FROM a") == [(7,)]
    assert versions(pg_empty_url) == [1, 2]


def test_failed_migration_changes_nothing(pg_empty_url: str) -> None:
    with postgres_schema.connect(pg_empty_url, "db") as conn:
        postgres_schema.migrate(conn, "db", [STEP1])
        with pytest.raises(StoreError, match=r"0002_bad\.sql failed: .*nowhere"):
            postgres_schema.migrate(conn, "db", [STEP1, BROKEN])
    assert versions(pg_empty_url) == [1]
    assert tables(pg_empty_url) == {"a", "newsrecon_schema"}


# full-text search -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "query_text", "found"),
    [
        ("The Zürich-based union marched.", "zurich", True),  # accents folded in compounds
        ("Ministers were not there.", "not", True),  # no stop words: every word counts
        ("He was there and she was not.", "the", False),  # ... and "the" is a word, not noise
        ("Protesters gathered.", "protesting", True),  # Snowball stems both sides
        ("Bridge repairs start.", "bridges repair", True),
        ("Bridge repairs start.", "bridge harbour", False),  # all words required
    ],
)
def test_text_search_configuration(pg_url: str, text: str, query_text: str, found: bool) -> None:
    with PostgresStore(pg_url) as store:
        store.add_article(article(1, text))
        assert bool(store.search(query_text)) is found


def test_search_index_is_kept_by_the_database(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        store.add_article(article(1, "Harbour cranes idle.", title="Strike"))
    rows = query(pg_url, "SELECT search::text FROM articles")
    assert "'strike':1A" in rows[0][0] and "'harbour'" in rows[0][0]
    indexes = query(pg_url, "SELECT indexdef FROM pg_indexes WHERE tablename = 'articles'")
    assert any("gin (search)" in row[0] for row in indexes)


# end to end ---------------------------------------------------------------------


def _run(*args: str) -> str:
    from typer.testing import CliRunner

    from newsrecon.cli.main import app

    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _dossiers(db: str) -> list[dict[str, Any]]:
    _run("ingest", str(EXAMPLES), "--db", db)
    listed = [json.loads(line) for line in _run("stories", "--db", db, "--json").splitlines()]
    return [json.loads(_run("show", row["id"], "--db", db, "--format", "json")) for row in listed]


@pytest.mark.slow
def test_ingest_and_dossier_same_on_both_stores(pg_url: str, tmp_path: Path) -> None:
    on_sqlite = _dossiers(str(tmp_path / "news.db"))
    on_postgres = _dossiers(pg_url)
    assert len(on_postgres) >= 2
    assert on_postgres == on_sqlite
    hits = _run("search", "warehouse fire", "--db", pg_url)
    assert hits.strip()

"""Connecting to PostgreSQL and bringing its schema forward.

Migrations are numbered SQL files in ``migrations/postgres/`` (``NNNN_name.sql``), the same
numbering and meaning as SQLite's set beside them, each run whole (psycopg sends a script
without parameters as one simple query, so no statement splitter is needed). The version is
tracked in a table, ``newsrecon_schema`` (PostgreSQL has no header field like SQLite's
``user_version``): one row per applied migration, the version being the largest.

All pending migrations run in one transaction under an advisory lock: DDL is transactional in
PostgreSQL, so a failure leaves the database exactly as it was, and two processes opening the
same old database cannot both migrate it (the second waits, then finds nothing left to do).
A database from a newer newsrecon is refused before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib.resources import files
from typing import Any, Final

import psycopg
from psycopg.rows import dict_row

from newsrecon.errors import StoreError
from newsrecon.store.migrations import Migration, check_not_newer

SCHEMA_TABLE: Final = "newsrecon_schema"
MIGRATION_LOCK: Final = 0x6E726D_01  # pg_advisory_xact_lock key held while migrating
CONNECT_TIMEOUT_S: Final = 10
MIN_SERVER: Final = 130000  # generated columns (12), trusted unaccent extension (13)

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
_PASSWORD_IN_URL = re.compile(r"^([a-z]+://[^/@:]*):[^/@]*@", re.IGNORECASE)
_PASSWORD_PARAM = re.compile(r"(password=)[^&\s]*", re.IGNORECASE)

Connection = psycopg.Connection[dict[str, Any]]


def redact(url: str) -> str:
    """``url`` as shown in messages: any password replaced by ``***``."""
    return _PASSWORD_PARAM.sub(r"\1***", _PASSWORD_IN_URL.sub(r"\1:***@", url))


def one_line(exc: BaseException) -> str:
    """The first line of a psycopg error (the rest is DETAIL/CONTEXT for a terminal)."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def connect(url: str, location: str) -> Connection:
    """An autocommit connection (transactions are explicit), or one line saying why not."""
    try:
        conn = psycopg.connect(
            url, autocommit=True, row_factory=dict_row, connect_timeout=CONNECT_TIMEOUT_S
        )
    except psycopg.Error as exc:
        raise StoreError(f"{location}: cannot connect ({one_line(exc)})") from exc
    if conn.info.server_version < MIN_SERVER:
        version = conn.info.server_version
        conn.close()
        raise StoreError(f"{location}: PostgreSQL {version // 10000} is too old: need 13 or later")
    return conn


def load_migrations() -> tuple[Migration, ...]:
    """The PostgreSQL migrations shipped in this package, numbered 1..N without gaps."""
    found: list[Migration] = []
    for entry in files("newsrecon.store.migrations").joinpath("postgres").iterdir():
        match = _NAME.match(entry.name)
        if match:
            script = entry.read_text(encoding="utf-8")
            found.append(Migration(int(match.group(1)), entry.name, (script,)))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"migrations are not numbered 1..{len(found)} without gaps: {versions}")
    return tuple(found)


def schema_version(conn: Connection) -> int:
    """The largest applied migration; 0 for a database newsrecon never migrated."""
    row = conn.execute("SELECT to_regclass(%s) IS NOT NULL AS present", (SCHEMA_TABLE,)).fetchone()
    if row is None or not row["present"]:
        return 0
    row = conn.execute(f"SELECT coalesce(max(version), 0) AS v FROM {SCHEMA_TABLE}").fetchone()
    return 0 if row is None else int(row["v"])


def migrate(conn: Connection, location: str, migrations: Sequence[Migration] | None = None) -> int:
    """Bring the database to the last of ``migrations`` (default: the shipped ones); return
    the version it ended at. ``conn`` must be in autocommit mode."""
    if migrations is None:
        migrations = load_migrations()
    latest = migrations[-1].version if migrations else 0
    try:
        check_not_newer(schema_version(conn), latest, location)
        if schema_version(conn) == latest:
            return latest
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            conn.execute(
                f"CREATE TABLE IF NOT EXISTS {SCHEMA_TABLE} (version integer PRIMARY KEY, "
                "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            current = schema_version(conn)  # again, under the lock: another process may have won
            check_not_newer(current, latest, location)
            for migration in migrations:
                if migration.version <= current:
                    continue
                try:
                    for statement in migration.statements:
                        conn.execute(statement.encode("utf-8"))
                except psycopg.Error as exc:
                    raise StoreError(
                        f"{location}: migration {migration.name} failed: {one_line(exc)}"
                    ) from exc
                conn.execute(
                    f"INSERT INTO {SCHEMA_TABLE} (version, name) VALUES (%s, %s)",
                    (migration.version, migration.name),
                )
    except psycopg.Error as exc:
        raise StoreError(f"{location}: migration failed: {one_line(exc)}") from exc
    return latest

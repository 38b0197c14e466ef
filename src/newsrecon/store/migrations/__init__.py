"""Numbered schema migrations (``NNNN_name.sql``), applied in order and tracked in
``PRAGMA user_version``.

Why SQL files and not Python: the schema stays readable as SQL, and a PostgreSQL backend can
keep its own numbered set beside it. Why ``user_version``: it lives in the database header, is
written inside the migrating transaction, and needs no bookkeeping table.

All pending migrations run in one ``BEGIN IMMEDIATE`` transaction: a failure leaves the
database exactly as it was, and two processes opening the same old database cannot both
migrate it (the second waits for the lock, then finds nothing left to do).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files

from newsrecon.errors import StoreError

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: ``statements`` take a database at ``version - 1`` to ``version``."""

    version: int
    name: str
    statements: tuple[str, ...]


def split_statements(script: str) -> tuple[str, ...]:
    """Cut ``script`` at the semicolons that end a statement.

    ``sqlite3.complete_statement`` uses SQLite's own tokenizer, so semicolons inside trigger
    bodies, strings and comments do not cut. Statements run one by one with ``execute``
    because ``executescript`` commits any open transaction first, which would break the
    all-or-nothing migration.
    """
    statements: list[str] = []
    start = 0
    for end in (i + 1 for i, char in enumerate(script) if char == ";"):
        candidate = script[start:end]
        if sqlite3.complete_statement(candidate):
            statements.append(candidate.strip())
            start = end
    rest = script[start:]
    if _strip_comments(rest).strip():
        raise StoreError(f"migration ends with an unterminated statement: {rest.strip()[:60]!r}")
    return tuple(s for s in statements if _strip_comments(s).strip(" \n\t;"))


def _strip_comments(sql: str) -> str:
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def load_migrations() -> tuple[Migration, ...]:
    """The migrations shipped in this package, checked to be numbered 1..N without gaps."""
    found: list[Migration] = []
    for entry in files(__name__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            script = entry.read_text(encoding="utf-8")
            found.append(Migration(int(match.group(1)), entry.name, split_statements(script)))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"migrations are not numbered 1..{len(found)} without gaps: {versions}")
    return tuple(found)


def schema_version(conn: sqlite3.Connection) -> int:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return int(version)


def check_not_newer(version: int, latest: int, location: str) -> None:
    if version > latest:
        raise StoreError(
            f"{location}: database schema version {version} is newer than this newsrecon "
            f"supports ({latest}); upgrade newsrecon to open it"
        )


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration], location: str) -> int:
    """Bring the database to the last of ``migrations``; return the version it ended at.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so the transaction here is
    the only one. Raises :class:`StoreError` for a database newer than ``migrations``.
    """
    latest = migrations[-1].version if migrations else 0
    check_not_newer(schema_version(conn), latest, location)
    if schema_version(conn) == latest:
        return latest
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = schema_version(conn)  # again, under the lock: another process may have won
        check_not_newer(current, latest, location)
        for migration in migrations:
            if migration.version <= current:
                continue
            for statement in migration.statements:
                conn.execute(statement)
            # A PRAGMA takes no parameters; the value is an int from a checked file name.
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        conn.execute("ROLLBACK")
        raise StoreError(f"{location}: migration failed: {exc}") from exc
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return latest

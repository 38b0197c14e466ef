"""What the SQLite and PostgreSQL stores' SQL differs in, said once.

The two backends hold the same tables and run the same statements; they differ in spelling
only (``?`` or ``%s`` parameters, ``IN (?, ...)`` or ``= ANY(%s)``, how a boolean column is
tested, how "now" and timestamps are written, which column gives insertion order). The shared
statements in :mod:`newsrecon.store.sql_records` and :mod:`newsrecon.store.sql_stories` are
written with ``?`` parameters and these differences as :class:`Dialect` slots, so a fix to one
statement reaches both backends. No driver is imported here: the PostgreSQL dialect is plain
text, and psycopg stays an extra.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Final, Protocol, Self


class Result(Protocol):
    """What a statement returns, as both drivers' cursors have it."""

    @property
    def rowcount(self) -> int: ...

    def fetchall(self) -> list[Any]: ...


class Executor(Protocol):
    """What a write transaction hands out: a ``sqlite3.Connection`` or a psycopg cursor."""

    def execute(self, sql: str, params: Any = ..., /) -> Result: ...

    def executemany(self, sql: str, params: Iterable[Any], /) -> object: ...


@dataclass(frozen=True, slots=True)
class Dialect:
    """One backend's spelling of the shared statements (see the module docstring)."""

    placeholder: str  # what ``?`` becomes
    named_param: str  # a named parameter ``{}`` (bound from a dict)
    array_param: bool  # a list binds as one array parameter (``= ANY(?)``)
    open_test: str  # a true boolean column ``is_open``
    now: str  # the current time, as ``created_at`` stores it
    insert_order: str  # insertion order of the state tables (no ``seq`` in SQLite's)
    json_param: str  # a JSON text parameter for a JSON column
    json_text: str  # the JSON column ``payload`` read back as text
    event_time: str  # ``story_events.at`` as ISO-8601 UTC text with milliseconds
    by_code_point: str  # ``id`` ordered by code point whatever the locale
    prefix_test: str  # ``id`` starts with ``?`` (``%`` and ``_`` are characters, no LIKE)

    def sql(self, text: str) -> str:
        """``text`` (``?`` parameters) in this dialect; a literal ``%`` is kept literal."""
        if self.placeholder == "?":
            return text
        return text.replace("%", "%%").replace("?", self.placeholder)

    def member(self, column: str, values: Sequence[Any]) -> tuple[str, tuple[Any, ...]]:
        """``column`` is one of ``values``: the condition (``?`` style) and its parameters.

        Callers bound ``values`` (see :mod:`newsrecon.store.chunks`): SQLite caps the
        parameters of a statement, and an array is one parameter however long.
        """
        if self.array_param:
            return f"{column} = ANY(?)", (list(values),)
        return f"{column} IN ({', '.join('?' * len(values))})", tuple(values)

    def starts_with(self, prefix: str) -> tuple[str, tuple[Any, ...]]:
        """``id`` starts with ``prefix``: the condition (``?`` style) and its parameters."""
        return self.prefix_test, (prefix,) * self.prefix_test.count("?")


class SqlBackend:
    """What a backend supplies to the shared mixins (which also make it a context manager
    that closes it): its dialect, its ``close``, its one-writer transaction
    (committed on exit, rolled back on error, driver errors turned into
    :class:`newsrecon.errors.StoreError`) and a read of all rows of one statement (rows
    indexable by column name)."""

    _dialect: ClassVar[Dialect]
    location: str  # for messages (a PostgreSQL URL without its password)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.location!r})"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        raise NotImplementedError

    if TYPE_CHECKING:

        def _write(self, action: str) -> AbstractContextManager[Executor]: ...

        def _read(self, sql: str, args: Sequence[Any] = ()) -> list[Any]: ...


SQLITE: Final = Dialect(
    placeholder="?",
    named_param=":{}",
    array_param=False,
    open_test="is_open = 1",
    now="strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
    insert_order="rowid",
    json_param="?",
    json_text="payload",
    event_time="at",
    by_code_point="id",  # BINARY collation: UTF-8 bytes sort as code points
    prefix_test="substr(id, 1, length(?)) = ?",
)

POSTGRES: Final = Dialect(
    placeholder="%s",
    named_param="%({})s",
    array_param=True,
    open_test="is_open",
    now="now()",
    insert_order="seq",
    json_param="?::jsonb",
    json_text="payload::text AS payload",
    # SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now'): UTC, milliseconds, so callers see one
    # format from either store.
    event_time="""to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at""",
    by_code_point='id COLLATE "C"',
    prefix_test="starts_with(id, ?)",
)

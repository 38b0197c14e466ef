"""Story persistence for the PostgreSQL store: groupings, incremental assignment, topics, events.

The counterpart of :mod:`newsrecon.store.sqlite_stories`, and a mixin for the same reason:
stories share the store's one connection and its one-writer transactions
(:meth:`newsrecon.store.postgres.PostgresStore._write`), so an assignment batch commits or
rolls back whole. The SQL differs from SQLite's only where the dialects do (``%s``
parameters, ``= ANY`` lists, booleans, a ``seq`` column standing in for SQLite's rowid).
Times go out formatted as the SQLite store writes them, so callers see one format.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Final

import psycopg

from newsrecon.errors import NotFound
from newsrecon.model import Story
from newsrecon.model.story_stream import StreamUpdate
from newsrecon.store import codec
from newsrecon.store.chunks import CHUNK, chunks

Connection = psycopg.Connection[dict[str, Any]]

# SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now'): UTC, milliseconds.
_ISO: Final = """to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"""
_APPEND: Final = (
    "INSERT INTO story_articles (story_id, article_id, position) VALUES (%s, %s, "
    "(SELECT coalesce(max(position), -1) + 1 FROM story_articles WHERE story_id = %s))"
)
_OPEN_STORY: Final = (
    "INSERT INTO stories (id, title, parameters) VALUES (%s, %s, %s) ON CONFLICT (id) DO NOTHING"
)
_PUT_INDEX: Final = (
    "INSERT INTO story_index (name, data) VALUES (%s, %s) "
    "ON CONFLICT (name) DO UPDATE SET data = excluded.data"
)
# A story row with its article ids in order, in one round trip (a server may be far away).
_STORY_COLUMNS: Final = (
    "id, title, parameters, topic_id, coalesce((SELECT array_agg(article_id ORDER BY position) "
    "FROM story_articles WHERE story_id = stories.id), '{}') AS article_ids"
)


class PostgresStories:
    """The story half of :class:`newsrecon.store.postgres.PostgresStore` (which supplies
    ``_conn``, ``_write`` and ``_read``)."""

    _conn: Connection

    if TYPE_CHECKING:

        def _write(self, action: str) -> AbstractContextManager[Connection]: ...

        def _read(
            self, sql: str, args: Sequence[Any] | dict[str, Any] = ()
        ) -> list[dict[str, Any]]: ...

    def save_stories(self, stories: Iterable[Story]) -> None:
        """Replace the stored grouping with ``stories``, all or nothing.

        A story id that was stored before keeps its ``created_at``. Every article id must be
        stored (a foreign key): a story pointing at nothing is refused with :class:`StoreError`.
        """
        stories = list(stories)
        with self._write(f"save {len(stories)} stories") as conn:
            rows = conn.execute("SELECT id, created_at FROM stories").fetchall()
            created = {row["id"]: row["created_at"] for row in rows}
            conn.execute("DELETE FROM stories")  # story_articles go with them (cascade)
            with conn.cursor() as cursor:
                for story in stories:
                    cursor.execute(
                        "INSERT INTO stories (id, title, parameters, created_at) "
                        "VALUES (%s, %s, %s, coalesce(%s, now()))",
                        (
                            story.id,
                            story.title,
                            codec.dumps(story.parameters),
                            created.get(story.id),
                        ),
                    )
                    cursor.executemany(
                        "INSERT INTO story_articles (story_id, article_id, position) "
                        "VALUES (%s, %s, %s)",
                        [(story.id, aid, pos) for pos, aid in enumerate(story.article_ids)],
                    )

    def stream_state(self, name: str) -> tuple[bytes | None, list[bytes]]:
        """The stream index's state stored under ``name`` and the open stories' summaries."""
        index = self._read("SELECT data FROM story_index WHERE name = %s", (name,))
        rows = self._read("SELECT summary FROM story_state WHERE is_open ORDER BY seq")
        return (bytes(index[0]["data"]) if index else None), [bytes(r["summary"]) for r in rows]

    def assigned(self, article_ids: Sequence[str]) -> set[str]:
        """Those of ``article_ids`` that already belong to a story."""
        found: set[str] = set()
        for chunk in chunks(article_ids, CHUNK):
            rows = self._read(
                "SELECT article_id FROM story_articles WHERE article_id = ANY(%s)", (chunk,)
            )
            found.update(str(r["article_id"]) for r in rows)
        return found

    def apply_stream_update(self, update: StreamUpdate, name: str) -> None:
        """One batch of incremental assignment, all or nothing (see
        :meth:`newsrecon.store.sqlite_stories.SqliteStories.apply_stream_update`)."""
        with self._write(f"record {len(update.members)} story assignments") as conn:
            cursor = conn.cursor()
            for story in update.opened:
                cursor.execute(_OPEN_STORY, (story.id, story.title, codec.dumps(story.parameters)))
            for story_id, article_id in update.members:
                cursor.execute(_APPEND, (story_id, article_id, story_id))
            for survivor, retired in update.merges:
                moved = cursor.execute(
                    "SELECT article_id FROM story_articles WHERE story_id = %s ORDER BY position",
                    (retired,),
                ).fetchall()
                cursor.execute("DELETE FROM stories WHERE id = %s", (retired,))
                for row in moved:
                    cursor.execute(_APPEND, (survivor, row["article_id"], survivor))
            new_stories = {story.id: story for story in update.opened}
            for story_id, new_story, articles in update.splits:
                story = new_stories[new_story]  # again: a merge above may have retired its id
                cursor.execute(_OPEN_STORY, (story.id, story.title, codec.dumps(story.parameters)))
                for article_id in articles:
                    cursor.execute(
                        "DELETE FROM story_articles WHERE story_id = %s AND article_id = %s",
                        (story_id, article_id),
                    )
                    cursor.execute(_APPEND, (new_story, article_id, new_story))
            cursor.executemany(
                "INSERT INTO story_events (kind, story_id, article_id, other_story, score) "
                "VALUES (%s, %s, %s, %s, %s)",
                [(e.kind, e.story_id, e.article_id, e.other_story, e.score) for e in update.events],
            )
            cursor.executemany(
                "INSERT INTO story_state (story_id, is_open, summary) VALUES (%s, %s, %s) "
                "ON CONFLICT (story_id) DO UPDATE SET is_open = excluded.is_open, "
                "summary = excluded.summary",
                [(sid, bool(is_open), data) for sid, is_open, data in update.summaries],
            )
            if update.index is not None:
                cursor.execute(_PUT_INDEX, (name, update.index))
            self._apply_topics(cursor, update, name)

    def _apply_topics(
        self, cursor: psycopg.Cursor[dict[str, Any]], update: StreamUpdate, name: str
    ) -> None:
        cursor.executemany(
            "UPDATE stories SET topic_id = %s WHERE id = %s",
            [(topic, story) for story, topic in update.story_topics],
        )
        for survivor, retired in update.topic_merges:
            cursor.execute(
                "UPDATE stories SET topic_id = %s WHERE topic_id = %s", (survivor, retired)
            )
            cursor.execute("DELETE FROM topic_state WHERE topic_id = %s", (retired,))
        retired_topics = {retired for _, retired in update.topic_merges}
        cursor.executemany(
            "INSERT INTO topic_state (topic_id, is_open, summary) VALUES (%s, %s, %s) "
            "ON CONFLICT (topic_id) DO UPDATE SET is_open = excluded.is_open, "
            "summary = excluded.summary",
            [
                (tid, bool(is_open), data)
                for tid, is_open, data in update.topic_summaries
                if tid not in retired_topics
            ],
        )
        if update.topic_index is not None:
            cursor.execute(_PUT_INDEX, (name + ":topics", update.topic_index))

    def topic_state(self, name: str) -> tuple[bytes | None, list[bytes]]:
        """The topic index state of stream ``name`` and the open topics' summaries."""
        index = self._read("SELECT data FROM story_index WHERE name = %s", (name + ":topics",))
        rows = self._read("SELECT summary FROM topic_state WHERE is_open ORDER BY seq")
        return (bytes(index[0]["data"]) if index else None), [bytes(r["summary"]) for r in rows]

    def story_topics(self, story_ids: Sequence[str]) -> dict[str, str]:
        """Story id -> topic id for those of ``story_ids`` that have a topic."""
        found: dict[str, str] = {}
        for chunk in chunks(story_ids, CHUNK):
            rows = self._read(
                "SELECT id, topic_id FROM stories WHERE id = ANY(%s) AND topic_id IS NOT NULL",
                (chunk,),
            )
            found.update((str(r["id"]), str(r["topic_id"])) for r in rows)
        return found

    def story_events(self, story_id: str | None = None) -> list[dict[str, Any]]:
        """Recorded assignment events in order (all, or one story's)."""
        sql = (
            "SELECT kind, story_id, article_id, other_story, score, "
            f"{_ISO.format('at')} AS at FROM story_events"
        )
        args: tuple[str, ...] = ()
        if story_id is not None:
            sql += " WHERE story_id = %s OR other_story = %s"
            args = (story_id, story_id)
        return self._read(sql + " ORDER BY seq", args)

    def stories(self) -> list[Story]:
        rows = self._read(f"SELECT {_STORY_COLUMNS} FROM stories ORDER BY seq")
        return [self._story(row) for row in rows]

    def get_story(self, story_id: str) -> Story:
        """The story with id ``story_id``, else the one story whose id starts with it.

        Raise :class:`NotFound` when none matches, or when the prefix is ambiguous (naming
        a few of the matches so the user can type more).
        """
        rows = self._read(f"SELECT {_STORY_COLUMNS} FROM stories WHERE id = %s", (story_id,))
        if rows:
            return self._story(rows[0])
        if story_id:
            # starts_with, not LIKE: '%' and '_' in the prefix are characters, not wildcards;
            # "C" collation: ids sort by code point whatever the database's locale.
            rows = self._read(
                f"SELECT {_STORY_COLUMNS} FROM stories WHERE starts_with(id, %s) "
                'ORDER BY id COLLATE "C" LIMIT 6',
                (story_id,),
            )
            if len(rows) == 1:
                return self._story(rows[0])
            if rows:
                shown = ", ".join(row["id"] for row in rows[:5])
                more = ", ..." if len(rows) > 5 else ""
                raise NotFound(f"story prefix {story_id!r} is ambiguous: {shown}{more}")
        raise NotFound(f"no story with id or prefix {story_id!r}")

    @staticmethod
    def _story(row: dict[str, Any]) -> Story:
        parameters = codec.loads(row["parameters"])
        topic = row["topic_id"]
        return Story(
            id=row["id"],
            article_ids=tuple(row["article_ids"]),
            title=row["title"],
            # The stored topic id is the current one (topic merges rewrite it).
            parameters=parameters if topic is None else {**parameters, "topic": topic},
        )

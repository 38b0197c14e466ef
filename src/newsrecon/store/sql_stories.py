"""Story persistence for both stores: groupings, incremental assignment, topics, events.

A mixin rather than a class holding its own connection, so stories share the store's one
connection and its one-writer transactions (the backend's ``_write``): an assignment batch
commits or rolls back together with nothing else in flight. It lives apart from the article
and cache tables (:mod:`newsrecon.store.sql_records`) because the stream bookkeeping (merges,
splits, topic state) is most of the store's SQL and changes for other reasons. Statements are
written once with ``?`` parameters and spelled by the backend's
:class:`~newsrecon.store.dialect.Dialect`; only reading a story with its article ids differs
by backend (:meth:`SqlStories._select_stories`), since PostgreSQL gathers them in one round
trip where SQLite 3.37 has no ordered aggregate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

from newsrecon.errors import NotFound
from newsrecon.model import Story
from newsrecon.model.story_stream import StreamUpdate
from newsrecon.store import codec
from newsrecon.store.chunks import CHUNK, chunks
from newsrecon.store.dialect import Executor, SqlBackend

_APPEND: Final = (
    "INSERT INTO story_articles (story_id, article_id, position) VALUES (?, ?, "
    "(SELECT coalesce(max(position), -1) + 1 FROM story_articles WHERE story_id = ?))"
)
_OPEN_STORY: Final = (
    "INSERT INTO stories (id, title, parameters) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING"
)
_PUT_INDEX: Final = (
    "INSERT INTO story_index (name, data) VALUES (?, ?) "
    "ON CONFLICT (name) DO UPDATE SET data = excluded.data"
)
_PUT_STATE: Final = (
    "INSERT INTO {table} ({key}, is_open, summary) VALUES (?, ?, ?) "
    "ON CONFLICT ({key}) DO UPDATE SET is_open = excluded.is_open, summary = excluded.summary"
)


class SqlStories(SqlBackend):
    """The story methods of :class:`newsrecon.store.base.Store`."""

    def _select_stories(self, tail: str, args: Sequence[Any] = ()) -> list[Story]:
        """The stories of ``SELECT ... FROM stories {tail}`` (``tail`` in ``?`` style), each
        with its article ids in position order (see :func:`story_from_row`)."""
        raise NotImplementedError

    def save_stories(self, stories: Iterable[Story]) -> None:
        """Replace the stored grouping with ``stories``, all or nothing.

        A story id that was stored before keeps its ``created_at``. Every article id must be
        stored (a foreign key): a story pointing at nothing is refused with :class:`StoreError`.
        """
        stories = list(stories)
        sql = self._dialect.sql
        with self._write(f"save {len(stories)} stories") as conn:
            rows = conn.execute("SELECT id, created_at FROM stories").fetchall()
            created = {row["id"]: row["created_at"] for row in rows}
            conn.execute("DELETE FROM stories")  # story_articles go with them (cascade)
            for story in stories:
                conn.execute(
                    sql(
                        "INSERT INTO stories (id, title, parameters, created_at) "
                        f"VALUES (?, ?, ?, coalesce(?, {self._dialect.now}))"
                    ),
                    (story.id, story.title, codec.dumps(story.parameters), created.get(story.id)),
                )
                conn.executemany(
                    sql(
                        "INSERT INTO story_articles (story_id, article_id, position) "
                        "VALUES (?, ?, ?)"
                    ),
                    [(story.id, aid, pos) for pos, aid in enumerate(story.article_ids)],
                )

    def stream_state(self, name: str) -> tuple[bytes | None, list[bytes]]:
        """The stream index's state stored under ``name`` and the open stories' summaries."""
        return self._state(name, "story_state")

    def topic_state(self, name: str) -> tuple[bytes | None, list[bytes]]:
        """The topic index state of stream ``name`` and the open topics' summaries."""
        return self._state(name + ":topics", "topic_state")

    def _state(self, index: str, table: str) -> tuple[bytes | None, list[bytes]]:
        """The index state stored under ``index``, and the summaries open in ``table`` in the
        order they were first stored."""
        d = self._dialect
        found = self._read(d.sql("SELECT data FROM story_index WHERE name = ?"), (index,))
        rows = self._read(
            f"SELECT summary FROM {table} WHERE {d.open_test} ORDER BY {d.insert_order}"
        )
        return (bytes(found[0]["data"]) if found else None), [bytes(r["summary"]) for r in rows]

    def assigned(self, article_ids: Sequence[str]) -> set[str]:
        """Those of ``article_ids`` that already belong to a story."""
        found: set[str] = set()
        for chunk in chunks(article_ids, CHUNK):
            where, args = self._dialect.member("article_id", chunk)
            rows = self._read(
                self._dialect.sql(f"SELECT article_id FROM story_articles WHERE {where}"), args
            )
            found.update(str(r["article_id"]) for r in rows)
        return found

    def story_topics(self, story_ids: Sequence[str]) -> dict[str, str]:
        """Story id -> topic id for those of ``story_ids`` that have a topic."""
        found: dict[str, str] = {}
        for chunk in chunks(story_ids, CHUNK):
            where, args = self._dialect.member("id", chunk)
            rows = self._read(
                self._dialect.sql(
                    f"SELECT id, topic_id FROM stories WHERE {where} AND topic_id IS NOT NULL"
                ),
                args,
            )
            found.update((str(r["id"]), str(r["topic_id"])) for r in rows)
        return found

    def apply_stream_update(self, update: StreamUpdate, name: str) -> None:
        """One batch of incremental assignment, all or nothing: new stories, appended
        memberships, merges (the retired story's articles move to the survivor, then it is
        deleted), splits (the moved articles go to the new story), events, summaries and the
        index state under ``name``.

        Open flags are bound as ``bool``: PostgreSQL's column is boolean, and SQLite binds
        a bool as the integer 0 or 1 its column holds."""
        sql = self._dialect.sql
        with self._write(f"record {len(update.members)} story assignments") as conn:
            for story in update.opened:
                conn.execute(
                    sql(_OPEN_STORY), (story.id, story.title, codec.dumps(story.parameters))
                )
            for story_id, article_id in update.members:
                conn.execute(sql(_APPEND), (story_id, article_id, story_id))
            for survivor, retired in update.merges:
                moved = conn.execute(
                    sql(
                        "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY position"
                    ),
                    (retired,),
                ).fetchall()
                conn.execute(sql("DELETE FROM stories WHERE id = ?"), (retired,))
                for row in moved:
                    conn.execute(sql(_APPEND), (survivor, row["article_id"], survivor))
            new_stories = {story.id: story for story in update.opened}
            for story_id, new_story, articles in update.splits:
                story = new_stories[new_story]  # again: a merge above may have retired its id
                conn.execute(
                    sql(_OPEN_STORY), (story.id, story.title, codec.dumps(story.parameters))
                )
                for article_id in articles:
                    conn.execute(
                        sql("DELETE FROM story_articles WHERE story_id = ? AND article_id = ?"),
                        (story_id, article_id),
                    )
                    conn.execute(sql(_APPEND), (new_story, article_id, new_story))
            conn.executemany(
                sql(
                    "INSERT INTO story_events (kind, story_id, article_id, other_story, score) "
                    "VALUES (?, ?, ?, ?, ?)"
                ),
                [(e.kind, e.story_id, e.article_id, e.other_story, e.score) for e in update.events],
            )
            conn.executemany(
                sql(_PUT_STATE.format(table="story_state", key="story_id")),
                [(sid, bool(is_open), data) for sid, is_open, data in update.summaries],
            )
            if update.index is not None:
                conn.execute(sql(_PUT_INDEX), (name, update.index))
            self._apply_topics(conn, update, name)

    def _apply_topics(self, conn: Executor, update: StreamUpdate, name: str) -> None:
        sql = self._dialect.sql
        conn.executemany(
            sql("UPDATE stories SET topic_id = ? WHERE id = ?"),
            [(topic, story) for story, topic in update.story_topics],
        )
        for survivor, retired in update.topic_merges:
            conn.execute(
                sql("UPDATE stories SET topic_id = ? WHERE topic_id = ?"), (survivor, retired)
            )
            conn.execute(sql("DELETE FROM topic_state WHERE topic_id = ?"), (retired,))
        retired_topics = {retired for _, retired in update.topic_merges}
        conn.executemany(
            sql(_PUT_STATE.format(table="topic_state", key="topic_id")),
            [
                (tid, bool(is_open), data)
                for tid, is_open, data in update.topic_summaries
                if tid not in retired_topics
            ],
        )
        if update.topic_index is not None:
            conn.execute(sql(_PUT_INDEX), (name + ":topics", update.topic_index))

    def story_events(self, story_id: str | None = None) -> list[dict[str, Any]]:
        """Recorded assignment events in order (all, or one story's); ``at`` is ISO-8601 UTC
        text with milliseconds from either backend."""
        sql = (
            "SELECT kind, story_id, article_id, other_story, score, "
            f"{self._dialect.event_time} FROM story_events"
        )
        args: tuple[str, ...] = ()
        if story_id is not None:
            sql += " WHERE story_id = ? OR other_story = ?"
            args = (story_id, story_id)
        return [dict(r) for r in self._read(self._dialect.sql(sql + " ORDER BY seq"), args)]

    def stories(self) -> list[Story]:
        return self._select_stories("ORDER BY seq")

    def get_story(self, story_id: str) -> Story:
        """The story with id ``story_id``, else the one story whose id starts with it.

        Raise :class:`NotFound` when none matches, or when the prefix is ambiguous (naming
        a few of the matches so the user can type more).
        """
        found = self._select_stories("WHERE id = ?", (story_id,))
        if found:
            return found[0]
        if story_id:
            where, args = self._dialect.starts_with(story_id)
            found = self._select_stories(
                f"WHERE {where} ORDER BY {self._dialect.by_code_point} LIMIT 6", args
            )
            if len(found) == 1:
                return found[0]
            if found:
                shown = ", ".join(story.id for story in found[:5])
                more = ", ..." if len(found) > 5 else ""
                raise NotFound(f"story prefix {story_id!r} is ambiguous: {shown}{more}")
        raise NotFound(f"no story with id or prefix {story_id!r}")


def story_from_row(row: codec.RowLike, article_ids: Iterable[str]) -> Story:
    """A stored story row (``id, title, parameters, topic_id``) as a :class:`Story`; the
    stored topic id is the current one (topic merges rewrite it), so it overrides the
    parameters'."""
    parameters = codec.loads(row["parameters"])
    topic = row["topic_id"]
    return Story(
        id=row["id"],
        article_ids=tuple(article_ids),
        title=row["title"],
        parameters=parameters if topic is None else {**parameters, "topic": topic},
    )

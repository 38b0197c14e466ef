"""Story persistence for the SQLite store: groupings, incremental assignment, topics, events.

A mixin rather than a second class holding its own connection, so stories share the
store's one connection and its one-writer ``BEGIN IMMEDIATE`` discipline
(:meth:`newsrecon.store.sqlite.SqliteStore._write`): an assignment batch commits or rolls
back together with nothing else in flight. It lives apart from ``sqlite.py`` because the
stream bookkeeping (merges, splits, topic state) is most of the store's SQL and changes for
reasons the article and cache tables do not.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from newsrecon.errors import NotFound
from newsrecon.model import Story
from newsrecon.model.story_stream import StreamUpdate
from newsrecon.store import codec
from newsrecon.store.chunks import CHUNK, chunks


class SqliteStories:
    """The story half of :class:`newsrecon.store.sqlite.SqliteStore` (which supplies both
    ``_conn`` and ``_write``)."""

    _conn: sqlite3.Connection

    if TYPE_CHECKING:

        def _write(self, action: str) -> AbstractContextManager[sqlite3.Connection]: ...

    def save_stories(self, stories: Iterable[Story]) -> None:
        """Replace the stored grouping with ``stories``, all or nothing.

        A story id that was stored before keeps its ``created_at``. Every article id must be
        stored (a foreign key): a story pointing at nothing is refused with :class:`StoreError`.
        """
        stories = list(stories)
        with self._write(f"save {len(stories)} stories") as conn:
            created = dict(conn.execute("SELECT id, created_at FROM stories").fetchall())
            conn.execute("DELETE FROM stories")  # story_articles go with them (cascade)
            for story in stories:
                conn.execute(
                    "INSERT INTO stories (id, title, parameters, created_at) "
                    "VALUES (?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))",
                    (story.id, story.title, codec.dumps(story.parameters), created.get(story.id)),
                )
                conn.executemany(
                    "INSERT INTO story_articles (story_id, article_id, position) VALUES (?, ?, ?)",
                    [(story.id, aid, pos) for pos, aid in enumerate(story.article_ids)],
                )

    def stream_state(self, name: str) -> tuple[bytes | None, list[bytes]]:
        """The stream index's state stored under ``name`` and the open stories' summaries."""
        row = self._conn.execute("SELECT data FROM story_index WHERE name = ?", (name,)).fetchone()
        rows = self._conn.execute(
            "SELECT summary FROM story_state WHERE is_open = 1 ORDER BY rowid"
        ).fetchall()
        return (None if row is None else bytes(row["data"])), [bytes(r["summary"]) for r in rows]

    def assigned(self, article_ids: Sequence[str]) -> set[str]:
        """Those of ``article_ids`` that already belong to a story."""
        found: set[str] = set()
        for chunk in chunks(article_ids, CHUNK):
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT article_id FROM story_articles WHERE article_id IN ({marks})", chunk
            )
            found.update(str(r["article_id"]) for r in rows)
        return found

    def apply_stream_update(self, update: StreamUpdate, name: str) -> None:
        """One batch of incremental assignment, all or nothing: new stories, appended
        memberships, merges (the retired story's articles move to the survivor, then it is
        deleted), splits (the moved articles go to the new story), events, summaries and the
        index state under ``name``."""
        with self._write(f"record {len(update.members)} story assignments") as conn:
            for story in update.opened:
                conn.execute(
                    "INSERT INTO stories (id, title, parameters) VALUES (?, ?, ?) "
                    "ON CONFLICT (id) DO NOTHING",
                    (story.id, story.title, codec.dumps(story.parameters)),
                )
            for story_id, article_id in update.members:
                conn.execute(
                    "INSERT INTO story_articles (story_id, article_id, position) VALUES (?, ?, "
                    "(SELECT coalesce(max(position), -1) + 1 FROM story_articles "
                    "WHERE story_id = ?))",
                    (story_id, article_id, story_id),
                )
            for survivor, retired in update.merges:
                moved = conn.execute(
                    "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY position",
                    (retired,),
                ).fetchall()
                conn.execute("DELETE FROM stories WHERE id = ?", (retired,))
                for row in moved:
                    conn.execute(
                        "INSERT INTO story_articles (story_id, article_id, position) VALUES "
                        "(?, ?, (SELECT coalesce(max(position), -1) + 1 FROM story_articles "
                        "WHERE story_id = ?))",
                        (survivor, row["article_id"], survivor),
                    )
            new_stories = {story.id: story for story in update.opened}
            for story_id, new_story, articles in update.splits:
                story = new_stories[new_story]  # again: a merge above may have retired its id
                conn.execute(
                    "INSERT INTO stories (id, title, parameters) VALUES (?, ?, ?) "
                    "ON CONFLICT (id) DO NOTHING",
                    (story.id, story.title, codec.dumps(story.parameters)),
                )
                for article_id in articles:
                    conn.execute(
                        "DELETE FROM story_articles WHERE story_id = ? AND article_id = ?",
                        (story_id, article_id),
                    )
                    conn.execute(
                        "INSERT INTO story_articles (story_id, article_id, position) VALUES "
                        "(?, ?, (SELECT coalesce(max(position), -1) + 1 FROM story_articles "
                        "WHERE story_id = ?))",
                        (new_story, article_id, new_story),
                    )
            conn.executemany(
                "INSERT INTO story_events (kind, story_id, article_id, other_story, score) "
                "VALUES (?, ?, ?, ?, ?)",
                [(e.kind, e.story_id, e.article_id, e.other_story, e.score) for e in update.events],
            )
            conn.executemany(
                "INSERT INTO story_state (story_id, is_open, summary) VALUES (?, ?, ?) "
                "ON CONFLICT (story_id) DO UPDATE SET is_open = excluded.is_open, "
                "summary = excluded.summary",
                [(sid, int(is_open), data) for sid, is_open, data in update.summaries],
            )
            if update.index is not None:
                conn.execute(
                    "INSERT INTO story_index (name, data) VALUES (?, ?) "
                    "ON CONFLICT (name) DO UPDATE SET data = excluded.data",
                    (name, update.index),
                )
            self._apply_topics(conn, update, name)

    def _apply_topics(self, conn: sqlite3.Connection, update: StreamUpdate, name: str) -> None:
        conn.executemany(
            "UPDATE stories SET topic_id = ? WHERE id = ?",
            [(topic, story) for story, topic in update.story_topics],
        )
        for survivor, retired in update.topic_merges:
            conn.execute("UPDATE stories SET topic_id = ? WHERE topic_id = ?", (survivor, retired))
            conn.execute("DELETE FROM topic_state WHERE topic_id = ?", (retired,))
        retired_topics = {retired for _, retired in update.topic_merges}
        conn.executemany(
            "INSERT INTO topic_state (topic_id, is_open, summary) VALUES (?, ?, ?) "
            "ON CONFLICT (topic_id) DO UPDATE SET is_open = excluded.is_open, "
            "summary = excluded.summary",
            [
                (tid, int(is_open), data)
                for tid, is_open, data in update.topic_summaries
                if tid not in retired_topics
            ],
        )
        if update.topic_index is not None:
            conn.execute(
                "INSERT INTO story_index (name, data) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET data = excluded.data",
                (name + ":topics", update.topic_index),
            )

    def topic_state(self, name: str) -> tuple[bytes | None, list[bytes]]:
        """The topic index state of stream ``name`` and the open topics' summaries."""
        row = self._conn.execute(
            "SELECT data FROM story_index WHERE name = ?", (name + ":topics",)
        ).fetchone()
        rows = self._conn.execute(
            "SELECT summary FROM topic_state WHERE is_open = 1 ORDER BY rowid"
        ).fetchall()
        return (None if row is None else bytes(row["data"])), [bytes(r["summary"]) for r in rows]

    def story_topics(self, story_ids: Sequence[str]) -> dict[str, str]:
        """Story id -> topic id for those of ``story_ids`` that have a topic."""
        found: dict[str, str] = {}
        for chunk in chunks(story_ids, CHUNK):
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT id, topic_id FROM stories WHERE id IN ({marks}) AND topic_id IS NOT NULL",
                chunk,
            )
            found.update((str(r["id"]), str(r["topic_id"])) for r in rows)
        return found

    def story_events(self, story_id: str | None = None) -> list[dict[str, Any]]:
        """Recorded assignment events in order (all, or one story's)."""
        sql = "SELECT kind, story_id, article_id, other_story, score, at FROM story_events"
        args: tuple[str, ...] = ()
        if story_id is not None:
            sql += " WHERE story_id = ? OR other_story = ?"
            args = (story_id, story_id)
        return [dict(r) for r in self._conn.execute(sql + " ORDER BY seq", args).fetchall()]

    def stories(self) -> list[Story]:
        rows = self._conn.execute(
            "SELECT id, title, parameters, topic_id FROM stories ORDER BY seq"
        )
        return [self._story(row) for row in rows.fetchall()]

    def get_story(self, story_id: str) -> Story:
        """The story with id ``story_id``, else the one story whose id starts with it.

        Raise :class:`NotFound` when none matches, or when the prefix is ambiguous (naming
        a few of the matches so the user can type more).
        """
        row = self._conn.execute(
            "SELECT id, title, parameters, topic_id FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        if row is not None:
            return self._story(row)
        if story_id:
            rows = self._conn.execute(
                "SELECT id, title, parameters, topic_id FROM stories "
                "WHERE substr(id, 1, length(?)) = ? ORDER BY id LIMIT 6",
                (story_id, story_id),
            ).fetchall()
            if len(rows) == 1:
                return self._story(rows[0])
            if rows:
                shown = ", ".join(row["id"] for row in rows[:5])
                more = ", ..." if len(rows) > 5 else ""
                raise NotFound(f"story prefix {story_id!r} is ambiguous: {shown}{more}")
        raise NotFound(f"no story with id or prefix {story_id!r}")

    def _story(self, row: sqlite3.Row) -> Story:
        ids = self._conn.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY position",
            (row["id"],),
        ).fetchall()
        return Story(
            id=row["id"],
            article_ids=tuple(r["article_id"] for r in ids),
            title=row["title"],
            parameters=_with_topic(codec.loads(row["parameters"]), row["topic_id"]),
        )


def _with_topic(parameters: dict[str, Any], topic: str | None) -> dict[str, Any]:
    """The stored topic id is the current one (topic merges rewrite it)."""
    return parameters if topic is None else {**parameters, "topic": topic}

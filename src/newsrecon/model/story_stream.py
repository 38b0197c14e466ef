"""What one step of incremental story assignment changes, as plain data for the store."""

from __future__ import annotations

from dataclasses import dataclass

from newsrecon.model.story import Story


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """``kind``: ``opened`` (``article_id`` founded ``story_id``), ``joined`` (it joined with
    ``score``), ``merged`` (``other_story`` was retired into ``story_id``), ``split``
    (``article_id`` moved from ``story_id`` to the new story ``other_story``; ``score``: the
    mean similarity between the part that moved and the part that stayed)."""

    kind: str
    story_id: str
    article_id: str | None = None
    other_story: str | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class StreamUpdate:
    """One batch: stories opened (with no members yet), ``(story, article)`` memberships to
    append in order, ``(survivor, retired)`` merges, events, story summaries as
    ``(story_id, is_open, bytes)`` and the index's global state as bytes; the topic level
    alike: ``(story, topic)`` for stories opened, ``(survivor, retired)`` topic merges, topic
    summaries and the topic index's state; ``(story, new story, moved articles)`` splits,
    applied after the merges (the new story is among ``opened``)."""

    opened: tuple[Story, ...] = ()
    members: tuple[tuple[str, str], ...] = ()
    merges: tuple[tuple[str, str], ...] = ()
    events: tuple[StoryEvent, ...] = ()
    summaries: tuple[tuple[str, bool, bytes], ...] = ()
    index: bytes | None = None
    story_topics: tuple[tuple[str, str], ...] = ()
    topic_merges: tuple[tuple[str, str], ...] = ()
    topic_summaries: tuple[tuple[str, bool, bytes], ...] = ()
    topic_index: bytes | None = None
    splits: tuple[tuple[str, str, tuple[str, ...]], ...] = ()

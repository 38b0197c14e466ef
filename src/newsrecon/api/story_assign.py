"""Incremental story assignment around the store: resume the stream index from the store,
assign articles batch by batch, write each batch's changes in one transaction.

Memory: one batch of articles and parses at a time, plus the open stories' summaries and the
index's fixed-size frequency tables; never all articles. Articles that already belong to a
story are skipped, so ingesting the same files again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from newsrecon.api.runner import Runner, _first_sentence
from newsrecon.model import Article, Story
from newsrecon.model.story_stream import StoryEvent, StreamUpdate
from newsrecon.pipeline.embeddings import get_embedder
from newsrecon.pipeline.story_codec import index_to_bytes, restore_index, story_to_bytes
from newsrecon.pipeline.story_signals import day_number, entity_keys_from_doc, make_signals
from newsrecon.pipeline.story_splits import Split, split_changed
from newsrecon.pipeline.story_stream import DEFAULT_MAX_OPEN, Assignment, StoryIndex
from newsrecon.pipeline.story_topics import TopicLayer, restore_topics

BATCH = 128
INDEX_NAME = "default"


@dataclass(slots=True)
class AssignResult:
    assigned: int = 0
    opened: int = 0
    merged: list[tuple[str, str]] = field(default_factory=list)
    split: list[Split] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def assign_stories(
    runner: Runner,
    articles: Iterable[Article],
    *,
    batch: int = BATCH,
    max_open: int = DEFAULT_MAX_OPEN,
    embed: bool = True,
) -> AssignResult:
    """Assign each article not yet in a story, in the order given; return what was done."""
    store = runner.store
    state, open_stories = store.stream_state(INDEX_NAME)
    index = restore_index(state, open_stories, runner.params.story_similarity, max_open)
    topics = restore_topics(*store.topic_state(INDEX_NAME), max_open)
    result = AssignResult()
    for chunk in _batches(articles, batch):
        done = store.assigned([a.id for a in chunk])
        todo = [a for a in chunk if a.id not in done]
        if todo:
            _assign_batch(runner, index, topics, todo, result, embed)
    return result


def _assign_batch(
    runner: Runner,
    index: StoryIndex,
    topics: TopicLayer,
    articles: list[Article],
    result: AssignResult,
    embed: bool,
) -> None:
    docs = runner.docs(articles)
    texts = [a.text for a in articles]
    signals = make_signals(
        [a.id for a in articles],
        [day_number(a.published) for a in articles],
        texts,
        [entity_keys_from_doc(docs[a.id]) for a in articles],
        get_embedder().embed(texts) if embed else None,
    )
    assignments = index.assign(signals)
    splits = split_changed(index, _touched(assignments))
    closed = index.close_stale()
    topics.story_topic = runner.store.story_topics(sorted(_touched(assignments)))
    topics.retired = {}
    topics.place(signals, assignments)
    for split in splits:  # the new story stays in its parent's topic
        parent_topic = topics.topic_of(split.story_id)
        if parent_topic is not None:
            topics.story_topic[split.new_story_id] = parent_topic
            topics.linked[split.new_story_id] = parent_topic
    by_id = {a.id: a for a in articles}
    params = {**index.parameters(), "topics": topics.parameters()}
    opened, events, merges, members = [], [], [], []
    retired: set[str] = set()
    for a in assignments:
        if a.opened:
            founder = by_id[a.article_id]
            title = founder.title or _first_sentence(founder.text)
            topic = topics.topic_of(a.story_id)
            opened.append(Story(a.story_id, (), title, {**params, "topic": topic}))
            events.append(StoryEvent("opened", a.story_id, a.article_id))
            result.opened += 1
        else:
            for old in a.merged:
                merges.append((a.story_id, old))
                events.append(StoryEvent("merged", a.story_id, a.article_id, old, a.score))
                retired.add(old)
            events.append(StoryEvent("joined", a.story_id, a.article_id, None, a.score))
        members.append((a.story_id, a.article_id))
    opened += _split_stories(runner, splits, params, topics)
    for split in splits:
        events += [
            StoryEvent("split", split.story_id, moved, split.new_story_id, split.between)
            for moved in split.moved
        ]
    result.assigned += len(assignments)
    result.merged += merges
    result.split += splits
    revived = {split.new_story_id for split in splits}  # a split may undo an earlier merge
    touched = (_touched(assignments) - retired) | revived
    summaries = [
        (sid, True, story_to_bytes(index.open[sid])) for sid in touched if sid in index.open
    ]
    summaries += [
        (s.story_id, False, story_to_bytes(s)) for s in closed if s.story_id not in retired
    ]
    result.stories.update(touched)
    runner.store.apply_stream_update(
        StreamUpdate(
            tuple(opened),
            tuple(members),
            tuple(merges),
            tuple(events),
            tuple(sorted(summaries)),
            index_to_bytes(index),
            tuple((sid, topics.topic_of(sid) or tid) for sid, tid in topics.linked.items()),
            tuple(topics.merges),
            _topic_summaries(topics),
            index_to_bytes(topics.index),
            tuple((s.story_id, s.new_story_id, s.moved) for s in splits),
        ),
        INDEX_NAME,
    )


def _split_stories(
    runner: Runner, splits: list[Split], params: dict[str, object], topics: TopicLayer
) -> list[Story]:
    """The stories splits opened, titled by their earliest article (as a founder titles)."""
    stories = []
    for split in splits:
        founder = runner.store.get_article(split.moved[0])
        title = founder.title or _first_sentence(founder.text)
        topic = topics.topic_of(split.new_story_id)
        stories.append(Story(split.new_story_id, (), title, {**params, "topic": topic}))
    return stories


def _touched(assignments: list[Assignment]) -> set[str]:
    return {a.story_id for a in assignments}


def _topic_summaries(topics: TopicLayer) -> tuple[tuple[str, bool, bytes], ...]:
    """The open topics touched in this batch and the topics it closed."""
    return tuple(
        sorted(
            [
                (tid, True, story_to_bytes(topics.index.open[tid]))
                for tid in topics.touched
                if tid in topics.index.open
            ]
            + [(t.story_id, False, story_to_bytes(t)) for t in topics.closed]
        )
    )

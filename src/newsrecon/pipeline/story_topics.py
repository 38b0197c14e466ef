"""The topic level above stories: stories about the same *kind* of subject (two earthquakes a
year apart, two elections) share a topic while staying two stories.

Hierarchical and incremental: a topic is kept exactly like a story (a second
:class:`~newsrecon.pipeline.story_stream.StoryIndex` of summaries: mean MiniLM vector, mean
TF-IDF terms, entity buckets) but with a lower threshold and no time window (a topic spans years).
A story's topic is chosen once, when the story opens, by its founding article: the best open
topic above the topic threshold, else a new topic. Every article that later joins the story
is absorbed into that topic's summary, so the topic follows its stories and a story never
straddles two topics. When two stories merge, the survivor keeps its topic; when two topics
merge (an article bridging them, as for stories), the younger topic id is retired into the
older and :meth:`TopicLayer.topic_of` follows it. Topic ids are stable: derived from the
founding article, as story ids are.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsrecon.pipeline.story_codec import restore_index
from newsrecon.pipeline.story_members import SplitPolicy
from newsrecon.pipeline.story_signals import ArticleSignals
from newsrecon.pipeline.story_stream import (
    DEFAULT_MAX_OPEN,
    GAMMA,
    Assignment,
    StoryIndex,
    StoryState,
)

# Chosen on the odd-numbered ECB+ dev topics only (ECB+ has no train split here; the even
# topics are the check), by streaming topic B-cubed F1 with average linkage over the raw topic
# threshold in {0.15, 0.20, ..., 0.50} x weights (embedding, text, entities) in {(.4,.4,.2),
# (.5,.5,0), (1,0,0), (.3,.7,0), (.7,.3,0)}; best: 0.25 with (.5, .5, 0) (odd .939, even
# .888). Entities get no weight: two events of one kind name different people and places, so
# at this level a shared name is weak evidence and a missing one misleads. The knob maps to
# thresholds as the story knob does (``similarity ** GAMMA``).
# Tried and not adopted (chosen on odd topics, checked on even and all; streaming topic B3 F1):
# a second MiniLM vector of the non-entity nouns of the first three content sentences (the
# kind of event), weighted equally with the text's, text .2, threshold .30: odd .954, even
# .886, all .847 (this setting: .937, .888, .914); embeddings of the first three sentences and
# trigger-verb vectors likewise reach ~.96 on odd only. The odd topics are easier; no setting
# found on them transfers, so the features above stay.
# Also tried (session 5, odd topics, one article at a time): a margin rule that joins the best
# topic below the threshold when it beats the runner-up by a margin (floor in {.10, .15, .20}
# x margin in {.05, .08, .12}): best .942 (floor .20, margin .12) against .937 without it,
# lower floors .55-.90. Too small a gain to adopt.
# Also tried (session 10, same protocol): the topic layer fed text with entity tokens and
# numbers removed (TF-IDF, and MiniLM of that text), or only the non-entity noun/verb/adjective
# lemmas, over the same weight x threshold grid: best odd .947 (de-entitied text and vector,
# (.5, .5), .25) with even .860 and all .870; none beat this setting on even or all.
# The ceiling (session 12, ``python scripts/topic_ceiling.py ../shared/corpora/ecbplus/topics``):
# agglomerating all 772 articles at the best threshold *chosen on the scored documents*, or at
# the number of topics given, over TF-IDF, MiniLM, MiniLM of the text without entity and
# number tokens ("kind"), content lemmas or their mean, with any linkage, peaks at .911; with
# the gold sub-topics as perfect stories and only their centroids grouped, at .958 (kind,
# complete linkage). The .97 goal lies above what these features can give. Tried on that lead
# (odd topics chose the threshold): complete linkage over the kind centroids of the stream's
# own final stories reaches odd .963, even .941, all .943, but only as a re-clustering of all
# stories; kept incremental (a new story joins the topic whose every story it matches, topics
# merging when all their stories do) it reaches odd .948, even .889, all .913, no better than
# this setting, because a story's topic is chosen by its first article. Letting a story move
# to the topic its centroid now fits best until it holds N articles: N = 3, 6, unbounded give
# all .897, .921, .882 at the odd-chosen thresholds (even .850, .896, .818): not robust.
TOPIC_THRESHOLD = 0.25
DEFAULT_TOPIC_SIMILARITY = TOPIC_THRESHOLD ** (1.0 / GAMMA)
TOPIC_WEIGHTS: dict[str, float] = {"embedding": 0.5, "text": 0.5, "entities": 0.0}

NO_SPLITS = SplitPolicy(enabled=False)  # topics are loose groupings: never split


def topic_id_for(founder_article_id: str) -> str:
    """Stable for the same founding article (a different prefix and salt from story ids)."""
    return "tp" + hashlib.sha256(b"topic:" + founder_article_id.encode()).hexdigest()[:10]


@dataclass(slots=True)
class TopicLayer:
    """Story id -> topic id for a stream of :class:`Assignment` batches."""

    index: StoryIndex = field(
        default_factory=lambda: StoryIndex(
            similarity=DEFAULT_TOPIC_SIMILARITY,
            window_days=math.inf,
            weights=dict(TOPIC_WEIGHTS),
            id_for=topic_id_for,
            split_policy=NO_SPLITS,
        )
    )
    story_topic: dict[str, str] = field(default_factory=dict)
    retired: dict[str, str] = field(default_factory=dict)
    # What the last :meth:`place` did, for the caller to persist.
    linked: dict[str, str] = field(default_factory=dict)
    merges: list[tuple[str, str]] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)
    closed: list[StoryState] = field(default_factory=list)

    @classmethod
    def fresh(
        cls,
        similarity: float = DEFAULT_TOPIC_SIMILARITY,
        weights: dict[str, float] | None = None,
        max_open: int = DEFAULT_MAX_OPEN,
    ) -> TopicLayer:
        return cls(
            StoryIndex(
                similarity=similarity,
                window_days=math.inf,
                max_open=max_open,
                weights=dict(weights or TOPIC_WEIGHTS),
                id_for=topic_id_for,
                split_policy=NO_SPLITS,
            )
        )

    def topic_of(self, story_id: str) -> str | None:
        topic = self.story_topic.get(story_id)
        while topic is not None and topic in self.retired:
            topic = self.retired[topic]
        return topic

    def place(
        self, batch: Sequence[ArticleSignals], assignments: Sequence[Assignment]
    ) -> list[Assignment]:
        """Topic assignments for a batch the story index has just placed (same order).

        An article that opened a story is placed by similarity; one that joined a story goes
        to that story's topic. Stories merged in the batch are mapped to the survivor's topic.
        The batch is cut where an article joins a story opened earlier in the same cut, so
        that story's topic is known when the article comes.
        """
        self.linked, self.merges, self.touched = {}, [], set()
        placed: list[Assignment] = []
        start, unknown = 0, set[str]()
        for i, story in enumerate(assignments):
            if not story.opened and story.story_id in unknown:
                placed += self._place(batch[start:i], assignments[start:i])
                start, unknown = i, set()
            if story.opened:
                unknown.add(story.story_id)
        placed += self._place(batch[start:], assignments[start:])
        for survivor, old in self.index.consolidate(self.touched):
            self.retired[old] = survivor
            self.merges.append((survivor, old))
            self.touched.add(survivor)
        self.closed = self.index.close_stale()
        return placed

    def _place(
        self, batch: Sequence[ArticleSignals], assignments: Sequence[Assignment]
    ) -> list[Assignment]:
        forced: dict[str, str] = {}
        for article, story in zip(batch, assignments, strict=True):
            for old in story.merged:
                self.story_topic.pop(old, None)
            known = None if story.opened else self.topic_of(story.story_id)
            if known is not None:
                forced[article.article_id] = known
        placed = self.index.assign(batch, forced)
        for story, topic in zip(assignments, placed, strict=True):
            self.touched.add(topic.story_id)
            for old in topic.merged:
                self.retired[old] = topic.story_id
                self.merges.append((topic.story_id, old))
            if story.story_id not in self.story_topic:
                self.story_topic[story.story_id] = topic.story_id
                self.linked[story.story_id] = topic.story_id
        return placed

    def parameters(self) -> dict[str, Any]:
        inner = self.index.parameters()
        return {
            "similarity": self.index.similarity,
            "threshold": inner["threshold"],
            "threshold_mapping": inner["threshold_mapping"],
            "weights": dict(self.index.weights),
            "features": _topic_features(inner["features"], self.index.weights),
            "time_window_days": None,  # a topic spans years: no window
            "assignment": "a story's topic is chosen when it opens, by its founding article: "
            "best open topic by mean similarity to the topic's articles (average linkage, no "
            "time window), else a new topic; "
            "articles joining the story are added to its topic's summary; after each batch a "
            "changed topic merges into the open topic whose articles it matches on average "
            "as much as the threshold asks (average-linkage agglomeration, done incrementally)",
        }


def _topic_features(features: dict[str, Any], weights: dict[str, float]) -> dict[str, str]:
    """The topic index's own feature descriptions (its "stories" are topics), a weight of 0
    marked unused."""
    return {
        name: str(text) if weights.get(name, 0.0) > 0 else "not used (weight 0)"
        for name, text in features.items()
        if name != "weights"
    }


def restore_topics(data: bytes | None, topics: list[bytes], max_open: int) -> TopicLayer:
    """A topic layer resumed from stored state (fresh when ``data`` is None). The story ->
    topic map is not kept: the caller fills :attr:`TopicLayer.story_topic` per batch."""
    if data is None:
        return TopicLayer.fresh(max_open=max_open)
    index = restore_index(data, topics, DEFAULT_TOPIC_SIMILARITY, max_open)
    index.id_for = topic_id_for
    index.split_policy = NO_SPLITS
    return TopicLayer(index)

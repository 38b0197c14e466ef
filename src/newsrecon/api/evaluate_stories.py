"""``newsrecon eval stories``: story clustering on ECB+ at topic and sub-topic level.

Three systems on the same documents in the same call:

* ``streaming``: :class:`~newsrecon.pipeline.story_stream.StoryIndex`, articles arriving one at
  a time in a fixed pseudo-random order (the corpus sorted by file name, then shuffled with
  ``random.Random(seed)``; default seed 13), in batches of :data:`BATCH`; merges and splits
  applied.
* ``batch``: average-linkage agglomeration over the same combined similarity, all at once;
  its topic level is the same agglomeration with the topic level's weights and threshold.
* ``baseline``: TF-IDF cosine (word 1-2 grams, sublinear tf, English stop words) with
  average-linkage agglomeration at threshold 0.15, no entities, no embeddings, no time.

ECB+ carries no publication dates, so the time window plays no part here. Entities come from
the project's spaCy pipeline, embeddings from MiniLM (see :mod:`newsrecon.pipeline.embeddings`).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from newsrecon.evaluation.clustering import bcubed, fragmentation, pairwise
from newsrecon.evaluation.ecbplus import EcbDocument, load_ecbplus
from newsrecon.pipeline import nlp
from newsrecon.pipeline.embeddings import get_embedder
from newsrecon.pipeline.story_batch import batch_groups
from newsrecon.pipeline.story_members import SplitPolicy
from newsrecon.pipeline.story_signals import ArticleSignals, entity_keys_from_doc, make_signals
from newsrecon.pipeline.story_splits import split_changed
from newsrecon.pipeline.story_stream import DEFAULT_SIMILARITY, StoryIndex
from newsrecon.pipeline.story_topics import DEFAULT_TOPIC_SIMILARITY, TopicLayer

BATCH = 64
DEFAULT_SEED = 13
BASELINE_THRESHOLD = 0.15


def arrival_order(docs: Sequence[EcbDocument], seed: int = DEFAULT_SEED) -> list[EcbDocument]:
    ordered = sorted(docs, key=lambda d: d.name)
    random.Random(seed).shuffle(ordered)
    return ordered


def signals_for(docs: Sequence[EcbDocument]) -> list[ArticleSignals]:
    texts = [d.text for d in docs]
    entities = [entity_keys_from_doc(doc) for doc in nlp.parse(texts)]
    embeddings = get_embedder().embed(texts)
    return make_signals([d.name for d in docs], [math.nan] * len(docs), texts, entities, embeddings)


def stream_labels(
    signals: Sequence[ArticleSignals],
    similarity: float,
    batch: int = BATCH,
    topics: TopicLayer | None = None,
    split_policy: SplitPolicy | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """Article id -> story id and article id -> topic id after the whole stream (merged
    stories followed to their survivors, split-off articles to their new story, topics
    followed to their survivors)."""
    index = StoryIndex(similarity=similarity, split_policy=split_policy or SplitPolicy())
    layer = topics if topics is not None else TopicLayer.fresh()
    members: dict[str, list[str]] = {}
    for start in range(0, len(signals), batch):
        chunk = signals[start : start + batch]
        placed = index.assign(chunk)
        for a in placed:
            for old in a.merged:
                members.setdefault(a.story_id, []).extend(members.pop(old, []))
            members.setdefault(a.story_id, []).append(a.article_id)
        splits = split_changed(index, {a.story_id for a in placed})
        index.close_stale()
        layer.place(chunk, placed)
        for split in splits:
            moved = set(split.moved)
            members[split.story_id] = [m for m in members[split.story_id] if m not in moved]
            members[split.new_story_id] = list(split.moved)
            parent_topic = layer.topic_of(split.story_id)
            if parent_topic is not None:
                layer.story_topic[split.new_story_id] = parent_topic

    stories = {article: story for story, group in members.items() for article in group}
    topic = {article: layer.topic_of(story) or story for article, story in stories.items()}
    return stories, topic


def baseline_labels(docs: Sequence[EcbDocument]) -> dict[str, str]:
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english", ngram_range=(1, 2))
    rows = matrix.fit_transform([d.text for d in docs])
    distance = 1.0 - np.asarray((rows @ rows.T).todense())
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - BASELINE_THRESHOLD,
    ).fit_predict(np.clip(distance, 0.0, None))
    return {d.name: str(label) for d, label in zip(docs, labels, strict=True)}


def _scores(
    predicted: Mapping[str, str],
    docs: Sequence[EcbDocument],
    topic_level: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Both levels scored with ``predicted``, or the topic level with ``topic_level``."""
    out: dict[str, Any] = {}
    levels: dict[str, tuple[Callable[[EcbDocument], str], Mapping[str, str]]] = {
        "topic": (lambda d: d.topic, predicted if topic_level is None else topic_level),
        "subtopic": (lambda d: d.subtopic, predicted),
    }
    for level, (key, system) in levels.items():
        gold = {d.name: key(d) for d in docs}
        b3, pw = bcubed(system, gold), pairwise(system, gold)
        out[level] = {
            "b3": {"precision": b3.precision, "recall": b3.recall, "f1": b3.f1},
            "pairwise": {"precision": pw.precision, "recall": pw.recall, "f1": pw.f1},
            "fragmentation": fragmentation(system, gold),
        }
    out["stories"] = len(set(predicted.values()))
    if topic_level is not None:
        out["topic_groups"] = len(set(topic_level.values()))
    return out


def evaluate_stories(
    directory: Path,
    *,
    similarity: float = DEFAULT_SIMILARITY,
    topic_similarity: float | None = None,
    seed: int = DEFAULT_SEED,
    topics: Sequence[str] | None = None,
) -> dict[str, Any]:
    """``{"streaming": {"topic": {"b3": {...}, "pairwise": {...}}, "subtopic": {...}},
    "batch": {...}, "baseline": {...}, "documents": N, ...}``; fractions in [0, 1].

    ``topics`` restricts the run to those topic folders (tests sample the corpus this way).
    """
    docs = load_ecbplus(directory)
    if topics is not None:
        docs = [d for d in docs if d.topic in set(topics)]
    ordered = arrival_order(docs, seed)
    signals = signals_for(ordered)
    layer = TopicLayer.fresh(
        DEFAULT_TOPIC_SIMILARITY if topic_similarity is None else topic_similarity
    )
    streaming, streaming_topics = stream_labels(signals, similarity, topics=layer)
    groups = batch_groups(signals, similarity, window_days=math.inf)
    batch = {article: str(n) for n, group in enumerate(groups) for article in group}
    topic_groups = batch_groups(
        signals, layer.index.similarity, window_days=math.inf, weights=layer.index.weights
    )
    batch_topics = {article: str(n) for n, group in enumerate(topic_groups) for article in group}
    return {
        "streaming": _scores(streaming, ordered, streaming_topics),
        "batch": _scores(batch, ordered, batch_topics),
        "baseline": _scores(baseline_labels(ordered), ordered),
        "documents": len(ordered),
        "topics": len({d.topic for d in ordered}),
        "subtopics": len({d.subtopic for d in ordered}),
        "similarity": similarity,
        "arrival_order": f"file names sorted, then random.Random({seed}).shuffle",
        "stream_batch": BATCH,
        "parameters": StoryIndex(similarity=similarity).parameters(),
        "topic_parameters": layer.parameters(),
    }

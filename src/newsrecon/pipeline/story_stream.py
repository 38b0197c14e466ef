"""Incremental story assignment: each arriving article joins the most similar open story or
opens a new one; nothing already assigned is re-clustered.

A story is kept as a summary, never as its articles: the sum of its members' unit embeddings,
the sum of their unit TF-IDF vectors cut to the :data:`MAX_TERMS` heaviest hashed terms, its
entity buckets (at most :data:`MAX_ENTITIES`), its size and its first and last publication
day. Document frequencies live in fixed arrays of hash buckets. So memory grows with the
number of *open* stories, not with the number of articles, and a story closes (leaves the
index, for the caller to persist) once the stream's newest day is more than
``window_days`` past its last article, or when more than ``max_open`` stories are open (the
least recently joined closes first).

Similarity of an article to a story, each part in [0, 1]:

* ``embedding``: the mean cosine of the article's MiniLM vector with the story's members'
  (average linkage: the dot product with the sum of their unit vectors over the size);
* ``text``: the mean cosine of the article's TF-IDF vector (IDF from the frequencies seen so
  far, including this article) with the members' (the same from the kept term sums);
* ``entities``: the IDF-weighted share of the article's entity keys the story has named;
* combined: the weighted mean of the parts both sides have (no embedding or no entities is
  missing evidence, not counter-evidence);
* time: 0 when the article is more than ``window_days`` outside the story's span of days,
  unless the texts are near copies (``text >= NEAR_COPY_TEXT``); unknown days never penalise.

The article joins the best story when the combined similarity reaches the threshold
(:func:`stream_threshold_for` maps the user's 0-1 knob). When the runner-up story also reaches
it and the two stories' summaries are as similar as the threshold asks, the article bridged
one story: the younger story is merged into the older (its id is retired and the merge
returned). Splits are made between batches by :mod:`story_splits`, from the :class:`Member`
vectors small stories keep. Results depend only on the arrival order and batch size: the
same input in the same order gives the same stories and ids in any process.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsrecon.errors import ConfigError
from newsrecon.pipeline.story_arrays import EPS, NEAR_COPY_TEXT, LiveStories, Snapshot
from newsrecon.pipeline.story_members import Member, SplitPolicy, join_members, member_of
from newsrecon.pipeline.story_signals import BUCKETS, F32, I32, ArticleSignals

DEFAULT_SIMILARITY = 0.5
# Threshold at the knob's middle. Chosen on the odd-numbered ECB+ dev topics only (ECB+ has
# no train split here; the even topics are the check): best streaming sub-topic B-cubed F1 over
# 0.30, 0.35, ..., 0.55 x weights (embedding, text, entities) in {(.5,.2,.3), (.4,.3,.3),
# (.3,.3,.4), (.4,.2,.4)} with average linkage: 0.45 with (.5, .2, .3) (odd .871, even .883).
CALIBRATED_THRESHOLD = 0.45
GAMMA = math.log(CALIBRATED_THRESHOLD) / math.log(DEFAULT_SIMILARITY)
WEIGHTS: dict[str, float] = {"embedding": 0.5, "text": 0.2, "entities": 0.3}
DEFAULT_WINDOW_DAYS = 10.0
MAX_TERMS = 256
MAX_ENTITIES = 128
DEFAULT_MAX_OPEN = 50_000
EMPTY = np.zeros(0, dtype=np.int32)


def stream_threshold_for(similarity: float) -> float:
    if not 0.0 <= similarity <= 1.0:  # also refuses NaN
        raise ConfigError(f"story similarity must be between 0 and 1, got {similarity}")
    return float(similarity**GAMMA)


def story_id_for(founder_article_id: str) -> str:
    """Stable for the same founding article, whatever joins or merges later."""
    return "st" + hashlib.sha256(founder_article_id.encode()).hexdigest()[:10]


@dataclass(slots=True, eq=False)
class StoryState:
    """One open story's summary (see the module docstring)."""

    story_id: str
    founder: str
    size: int
    first_day: float
    last_day: float
    terms: I32
    weights: F32
    entities: I32
    embedding: F32 | None
    touched: int = 0
    opened: int = 0
    unit: F32 = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    unit_emb: F32 | None = None
    members: list[Member] | None = None  # see story_members

    def refresh(self) -> None:
        """Recompute the mean vectors scoring reads (after any change to the sums).

        Sums divided by the size, not normalised: a dot product with an article's unit vector
        is then the article's *mean* similarity to the story's members (average linkage), which
        does not grow as a diverse story's centroid shrinks, so big stories do not attract
        everything (cosine to the normalised centroid did)."""
        size = max(self.size, 1)
        self.unit = (self.weights / size).astype(np.float32)
        self.unit_emb = None
        if self.embedding is not None and np.any(self.embedding):
            self.unit_emb = (self.embedding / size).astype(np.float32)


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went: ``merged`` lists story ids retired into ``story_id`` now."""

    article_id: str
    story_id: str
    score: float
    opened: bool
    merged: tuple[str, ...] = ()


@dataclass(slots=True)
class StoryIndex:
    similarity: float = DEFAULT_SIMILARITY
    window_days: float = DEFAULT_WINDOW_DAYS
    max_open: int = DEFAULT_MAX_OPEN
    weights: dict[str, float] = field(default_factory=lambda: dict(WEIGHTS))
    id_for: Callable[[str], str] = story_id_for
    split_policy: SplitPolicy = field(default_factory=SplitPolicy)
    term_df: I32 = field(default_factory=lambda: np.zeros(BUCKETS, dtype=np.int32))
    entity_df: I32 = field(default_factory=lambda: np.zeros(BUCKETS, dtype=np.int32))
    documents: int = 0
    newest_day: float = math.nan
    clock: int = 0
    open: dict[str, StoryState] = field(default_factory=dict)
    threshold: float = field(init=False, default=0.0)
    ent_buf: F32 = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.threshold = stream_threshold_for(self.similarity)
        self.ent_buf = np.zeros(BUCKETS, dtype=np.float32)

    def parameters(self) -> dict[str, Any]:
        return {
            "similarity": self.similarity,
            "threshold": self.threshold,
            "threshold_mapping": f"similarity ** {GAMMA:.4f}",
            "assignment": "incremental: best open story by combined similarity, else new",
            "linkage": "average: an article's mean similarity to the story's articles",
            "features": {
                "embedding": "all-MiniLM-L6-v2 int8 ONNX, first 256 word pieces, mean cosine "
                "to the story's articles",
                "text": "hashed TF-IDF mean cosine to the story's articles: word 1-2 grams, "
                f"sublinear tf, streaming idf, {MAX_TERMS} terms kept per story",
                "entities": "idf-weighted share of the article's entity keys the story named",
                "weights": dict(self.weights),
            },
            "time_window_days": self.window_days,
            "near_copy_text": NEAR_COPY_TEXT,
            "merges": "an article above threshold for two stories whose summaries match",
            "splits": self.split_policy.describe(),
        }

    # the stream ---------------------------------------------------------------
    def assign(
        self, batch: Sequence[ArticleSignals], forced: Mapping[str, str] | None = None
    ) -> list[Assignment]:
        """Place each article of ``batch`` in order; call :meth:`close_stale` afterwards.

        ``forced`` (article id -> open story id) places those articles without a choice: the
        topic level uses it to keep every article of a story in that story's topic.
        """
        snapshot = Snapshot.of(list(self.open.values()))
        weighed = [self._weigh(article) for article in batch]
        products = snapshot.products(batch, weighed)
        vocabulary = np.unique(np.concatenate([a.terms for a in batch])) if batch else EMPTY
        live = LiveStories(vocabulary)  # stories opened or changed during this batch
        out = []
        for i, article in enumerate(batch):
            self.clock += 1
            text_vec, ent_w = weighed[i]
            scores = snapshot.scores(i, article, products, ent_w, self)
            scores.update(live.scores(article, text_vec, ent_w, self))
            # Only the best three are ever read: nsmallest is sorted(...)[:3] without the sort.
            ranked = heapq.nsmallest(
                3,
                ((s, sid) for sid, s in scores.items() if sid in self.open),
                key=lambda pair: (-pair[0], pair[1]),
            )
            target = (forced or {}).get(article.article_id)
            if target is not None and target in self.open:
                story = self.open[target]
                merged = self._maybe_merge(story, ranked[:3])
                story = self.open[merged[0]] if merged else story
                _absorb(story, article, text_vec, self.clock)
                story.touched = self.clock
                live.put(story)
                out.append(
                    Assignment(
                        article.article_id,
                        story.story_id,
                        scores.get(target, 0.0),
                        False,
                        merged[1:],
                    )
                )
            elif ranked and ranked[0][0] >= self.threshold - EPS:
                score, sid = ranked[0]
                story = self.open[sid]
                merged = self._maybe_merge(story, ranked[1:3])
                story = self.open[merged[0]] if merged else story
                _absorb(story, article, text_vec, self.clock)
                story.touched = self.clock
                live.put(story)
                out.append(Assignment(article.article_id, story.story_id, score, False, merged[1:]))
            else:
                story = self._open(article, text_vec)
                live.put(story)
                out.append(Assignment(article.article_id, story.story_id, 0.0, True))
            if not math.isnan(article.day):
                self.newest_day = (
                    article.day
                    if math.isnan(self.newest_day)
                    else max(self.newest_day, article.day)
                )
        return out

    def consolidate(self, touched: set[str]) -> list[tuple[str, str]]:
        """Merge each changed story into an open one whose summary now matches it as much as
        the threshold asks (average linkage between the two groups, as agglomeration does);
        (survivor, retired) pairs, the younger retired. Cost: changed x open stories."""
        merges: list[tuple[str, str]] = []
        for sid in sorted(touched):
            story = self.open.get(sid)
            if story is None:
                continue
            best = max(
                (
                    (_story_similarity(story, other, self), other.story_id)
                    for other in self.open.values()
                    if other is not story
                ),
                default=(0.0, ""),
            )
            if best[0] < self.threshold - EPS:
                continue
            other = self.open[best[1]]
            older, younger = sorted((story, other), key=lambda s: s.opened)
            _merge_into(older, younger)
            del self.open[younger.story_id]
            merges.append((older.story_id, younger.story_id))
        return merges

    def close_stale(self) -> list[StoryState]:
        """Close stories no new article can join (past the window) or beyond ``max_open``."""
        closed = []
        if not math.isnan(self.newest_day):
            horizon = self.newest_day - 2 * self.window_days
            closed = [s for s in self.open.values() if s.last_day < horizon]
        excess = len(self.open) - len(closed) - self.max_open
        if excess > 0:
            rest = sorted(
                (s for s in self.open.values() if s not in closed), key=lambda s: s.touched
            )
            closed += rest[:excess]
        for story in closed:
            del self.open[story.story_id]
        return closed

    # internals ----------------------------------------------------------------
    def _weigh(self, article: ArticleSignals) -> tuple[F32, F32]:
        self.documents += 1
        self.term_df[article.terms] += 1
        self.entity_df[article.entities] += 1
        n = self.documents
        idf = np.log((1.0 + n) / (1.0 + self.term_df[article.terms])) + 1.0
        vec = (article.tf * idf).astype(np.float32)
        norm = float(np.linalg.norm(vec))
        vec = vec / norm if norm > 0 else vec
        ent_w = (np.log((1.0 + n) / (1.0 + self.entity_df[article.entities])) + 1.0).astype(
            np.float32
        )
        return vec, ent_w

    def _open(self, article: ArticleSignals, text_vec: F32) -> StoryState:
        sid = self.id_for(article.article_id)
        story = StoryState(
            sid,
            article.article_id,
            1,
            article.day,
            article.day,
            article.terms.copy(),
            text_vec.copy(),
            article.entities[:MAX_ENTITIES].copy(),
            None if article.embedding is None else article.embedding.copy(),
            self.clock,
            self.clock,
        )
        if self.split_policy.enabled:
            story.members = [member_of(article, text_vec, self.clock)]
        _trim(story)
        self.open[sid] = story
        return story

    def _combine(self, emb: float | None, text: float, ent: float | None, gap: float) -> float:
        if gap > self.window_days and text < NEAR_COPY_TEXT:
            return 0.0
        total = self.weights["text"] * text
        mass = self.weights["text"]
        if emb is not None:
            total += self.weights["embedding"] * emb
            mass += self.weights["embedding"]
        if ent is not None:
            total += self.weights["entities"] * ent
            mass += self.weights["entities"]
        return min(max(total / mass, 0.0), 1.0) if mass > 0 else 0.0

    def _maybe_merge(self, best: StoryState, runners: list[tuple[float, str]]) -> tuple[str, ...]:
        """(surviving id, retired ids...) when the runner-up is the same story, else ()."""
        for score, sid in runners:
            if score < self.threshold - EPS or sid == best.story_id:
                continue
            other = self.open[sid]
            if _story_similarity(best, other, self) < self.threshold - EPS:
                continue
            older, younger = sorted((best, other), key=lambda s: s.opened)
            _merge_into(older, younger)
            del self.open[younger.story_id]
            return (older.story_id, younger.story_id)
        return ()


def _absorb(story: StoryState, article: ArticleSignals, text_vec: F32, seq: int) -> None:
    story.size += 1
    if story.members is not None:
        story.members = join_members(story.members, [member_of(article, text_vec, seq)])
    if not math.isnan(article.day):
        story.first_day = (
            article.day if math.isnan(story.first_day) else min(story.first_day, article.day)
        )
        story.last_day = (
            article.day if math.isnan(story.last_day) else max(story.last_day, article.day)
        )
    story.terms = np.concatenate([story.terms, article.terms])
    story.weights = np.concatenate([story.weights, text_vec])
    story.entities = np.union1d(story.entities, article.entities).astype(np.int32)
    if article.embedding is not None:
        story.embedding = (
            article.embedding.copy()
            if story.embedding is None
            else story.embedding + article.embedding
        )
    _trim(story)


def _trim(story: StoryState) -> None:
    """Sum duplicate terms, keep the heaviest :data:`MAX_TERMS` (ties: lower bucket)."""
    terms, inverse = np.unique(story.terms, return_inverse=True)
    weights = np.bincount(inverse, weights=story.weights).astype(np.float32)
    if len(terms) > MAX_TERMS:
        keep = np.lexsort((terms, -weights))[:MAX_TERMS]
        keep.sort()
        terms, weights = terms[keep], weights[keep]
    story.terms, story.weights = terms.astype(np.int32), weights
    if len(story.entities) > MAX_ENTITIES:
        story.entities = story.entities[:MAX_ENTITIES]
    story.refresh()


def _merge_into(older: StoryState, younger: StoryState) -> None:
    older.size += younger.size
    older.members = join_members(older.members, younger.members)
    for day in (younger.first_day, younger.last_day):
        if not math.isnan(day):
            older.first_day = day if math.isnan(older.first_day) else min(older.first_day, day)
            older.last_day = day if math.isnan(older.last_day) else max(older.last_day, day)
    older.terms = np.concatenate([older.terms, younger.terms])
    older.weights = np.concatenate([older.weights, younger.weights])
    older.entities = np.union1d(older.entities, younger.entities).astype(np.int32)
    if younger.embedding is not None:
        older.embedding = (
            younger.embedding.copy()
            if older.embedding is None
            else older.embedding + younger.embedding
        )
    older.touched = max(older.touched, younger.touched)
    _trim(older)


def _story_similarity(a: StoryState, b: StoryState, index: StoryIndex) -> float:
    ua, ub = a.unit, b.unit
    common, ia, ib = np.intersect1d(a.terms, b.terms, return_indices=True)
    text = float(np.dot(ua[ia], ub[ib])) if len(common) else 0.0
    ent = None
    if len(a.entities) and len(b.entities):
        shared = len(np.intersect1d(a.entities, b.entities))
        ent = shared / min(len(a.entities), len(b.entities))
    ea, eb = a.unit_emb, b.unit_emb
    emb = float(np.dot(ea, eb)) if ea is not None and eb is not None else None
    gap = 0.0
    if not (math.isnan(a.first_day) or math.isnan(b.first_day)):
        gap = max(a.first_day - b.last_day, b.first_day - a.last_day, 0.0)
    return index._combine(emb, text, ent, gap)

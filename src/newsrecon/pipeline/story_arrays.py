"""Scoring an article against many open stories at once (see :mod:`story_stream`): the
stories as they stood at the start of a batch as sparse matrices, and the stories changed
during the batch in an append-only arena. Both give exactly what scoring one story at a time
would, which is what makes the stream's result independent of the batch size."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]

from newsrecon.pipeline.story_signals import BUCKETS, F32, I32, ArticleSignals

if TYPE_CHECKING:
    from newsrecon.pipeline.story_stream import StoryIndex, StoryState

NEAR_COPY_TEXT = 0.8
EPS = 1e-9


@dataclass(slots=True)
class Snapshot:
    """The open stories at the start of a batch as matrices, so one article is scored against
    all of them with a few sparse products instead of a Python loop."""

    ids: list[str]
    text: Any  # stories x BUCKETS, unit rows
    entities: Any  # stories x BUCKETS, 0/1
    embedding: F32  # stories x dim, unit rows (zero rows where unknown)
    has_embedding: npt.NDArray[np.bool_]
    has_entities: npt.NDArray[np.bool_]
    first: F32
    last: F32

    @classmethod
    def of(cls, stories: list[StoryState]) -> Snapshot:
        n = len(stories)
        text = _rows([s.terms for s in stories], [s.unit for s in stories])
        ents = _rows(
            [s.entities for s in stories],
            [np.ones(len(s.entities), dtype=np.float32) for s in stories],
        )
        dims = next((len(s.embedding) for s in stories if s.embedding is not None), 1)
        emb = np.zeros((n, dims), dtype=np.float32)
        has_emb = np.zeros(n, dtype=bool)
        for i, story in enumerate(stories):
            unit = story.unit_emb
            if unit is not None:
                emb[i], has_emb[i] = unit, True
        return cls(
            [s.story_id for s in stories],
            text,
            ents,
            emb,
            has_emb,
            np.array([len(s.entities) > 0 for s in stories], dtype=bool),
            np.array([s.first_day for s in stories], dtype=np.float64),
            np.array([s.last_day for s in stories], dtype=np.float64),
        )

    def products(
        self, batch: Sequence[ArticleSignals], weighed: list[tuple[F32, F32]]
    ) -> tuple[Any, Any]:
        """Text and entity overlaps of every article of the batch with every snapshot story,
        as two sparse products (articles x stories)."""
        if not self.ids or not batch:
            return None, None
        text = _rows([a.terms for a in batch], [w[0] for w in weighed]) @ self.text.T
        ents = _rows([a.entities for a in batch], [w[1] for w in weighed]) @ self.entities.T
        return text.tocsr(), ents.tocsr()

    def scores(
        self,
        row: int,
        article: ArticleSignals,
        products: tuple[Any, Any],
        ent_w: F32,
        index: StoryIndex,
    ) -> dict[str, float]:
        if not self.ids:
            return {}
        text_m, ent_m = products
        n = len(self.ids)
        t0, t1 = text_m.indptr[row], text_m.indptr[row + 1]
        e0, e1 = ent_m.indptr[row], ent_m.indptr[row + 1]
        use_emb = article.embedding is not None and self.embedding.shape[1] == len(
            article.embedding
        )
        if use_emb:
            cand = np.arange(n)
        else:
            cand = np.union1d(text_m.indices[t0:t1], ent_m.indices[e0:e1])
            if not len(cand):
                return {}
        text = np.zeros(n)
        text[text_m.indices[t0:t1]] = text_m.data[t0:t1]
        text = text[cand]
        w = index.weights
        total = w["text"] * text
        mass = np.full(len(cand), w["text"])
        if len(article.entities):
            shared = np.zeros(n)
            shared[ent_m.indices[e0:e1]] = ent_m.data[e0:e1]
            ent = shared[cand] / float(ent_w.sum())
            has = self.has_entities[cand]
            total = total + np.where(has, w["entities"] * ent, 0.0)
            mass = mass + np.where(has, w["entities"], 0.0)
        if use_emb and article.embedding is not None:
            emb = self.embedding @ article.embedding
            total = total + np.where(self.has_embedding, w["embedding"] * emb, 0.0)
            mass = mass + np.where(self.has_embedding, w["embedding"], 0.0)
        combined = np.clip(total / np.maximum(mass, EPS), 0.0, 1.0)
        if not math.isnan(article.day):
            with np.errstate(invalid="ignore"):
                gap = np.maximum(self.first[cand] - article.day, article.day - self.last[cand])
            combined[(gap > index.window_days) & (text < NEAR_COPY_TEXT)] = 0.0
        keep = np.flatnonzero(combined >= index.threshold * 0.5)
        return {self.ids[cand[i]]: float(combined[i]) for i in keep}


class LiveStories:
    """Stories opened or changed in the current batch, scored exactly against each article.
    Their terms sit in an append-only arena (a changed story appends a new segment and its old
    one is disowned), so one gather and one ``bincount`` score them all."""

    def __init__(self) -> None:
        self.stories: list[StoryState] = []
        self.slot: dict[str, int] = {}
        self.segments: dict[str, tuple[int, int, int, int]] = {}
        self.terms: list[I32] = []
        self.units: list[F32] = []
        self.owner: list[Any] = []
        self.ents: list[I32] = []
        self.ent_owner: list[Any] = []
        self._arena: tuple[Any, ...] | None = None
        self._size = (0, 0)

    def put(self, story: StoryState) -> None:
        slot = self.slot.setdefault(story.story_id, len(self.slot))
        if slot == len(self.stories):
            self.stories.append(story)
        self.stories[slot] = story
        self._disown(story.story_id)
        t, e = self._size
        self.terms.append(story.terms)
        self.units.append(story.unit)
        self.owner.append(np.full(len(story.terms), slot + 1, dtype=np.int64))
        self.ents.append(story.entities)
        self.ent_owner.append(np.full(len(story.entities), slot + 1, dtype=np.int64))
        self.segments[story.story_id] = (t, t + len(story.terms), e, e + len(story.entities))
        self._size = (t + len(story.terms), e + len(story.entities))
        self._arena = None

    def _disown(self, story_id: str) -> None:
        if story_id in self.segments:
            self._flatten()
            t0, t1, e0, e1 = self.segments[story_id]
            self.owner[0][t0:t1] = 0
            self.ent_owner[0][e0:e1] = 0

    def _flatten(self) -> None:
        if len(self.terms) > 1:
            self.terms = [np.concatenate(self.terms)]
            self.units = [np.concatenate(self.units)]
            self.owner = [np.concatenate(self.owner)]
            self.ents = [np.concatenate(self.ents)]
            self.ent_owner = [np.concatenate(self.ent_owner)]

    def scores(
        self, article: ArticleSignals, text_vec: F32, ent_w: F32, index: StoryIndex
    ) -> dict[str, float]:
        if not self.stories:
            return {}
        self._flatten()
        slots = len(self.stories) + 1
        buf, ebuf = index.text_buf, index.ent_buf
        buf[article.terms] = text_vec
        ebuf[article.entities] = ent_w
        try:
            text = np.bincount(self.owner[0], buf[self.terms[0]] * self.units[0], minlength=slots)
            shared = np.bincount(self.ent_owner[0], ebuf[self.ents[0]], minlength=slots)
        finally:
            buf[article.terms] = 0.0
            ebuf[article.entities] = 0.0
        stories = self.stories
        text, shared = text[1:], shared[1:]
        w = index.weights
        total = w["text"] * text
        weight = np.full(len(stories), w["text"])
        if len(article.entities):
            has = np.array([len(st.entities) > 0 for st in stories])
            total = total + np.where(has, w["entities"] * shared / float(ent_w.sum()), 0.0)
            weight = weight + np.where(has, w["entities"], 0.0)
        if article.embedding is not None:
            emb = np.array(
                [
                    np.nan if st.unit_emb is None else float(np.dot(article.embedding, st.unit_emb))
                    for st in stories
                ]
            )
            has = ~np.isnan(emb)
            total = total + np.where(has, w["embedding"] * np.nan_to_num(emb), 0.0)
            weight = weight + np.where(has, w["embedding"], 0.0)
        combined = np.clip(total / weight, 0.0, 1.0)
        if not math.isnan(article.day):
            first = np.array([st.first_day for st in stories])
            last = np.array([st.last_day for st in stories])
            with np.errstate(invalid="ignore"):
                gap = np.maximum(first - article.day, article.day - last)
            combined[(gap > index.window_days) & (text < NEAR_COPY_TEXT)] = 0.0
        # Every live story gets a score: it overrides the batch-start snapshot's stale one.
        return {st.story_id: float(c) for st, c in zip(stories, combined, strict=True)}


def _rows(indices: list[I32], values: list[F32]) -> Any:
    ptr = np.cumsum([0, *(len(i) for i in indices)])
    cols = np.concatenate(indices) if indices else np.zeros(0, dtype=np.int32)
    data = np.concatenate(values) if values else np.zeros(0, dtype=np.float32)
    return sparse.csr_matrix((data, cols, ptr), shape=(len(indices), BUCKETS), dtype=np.float32)

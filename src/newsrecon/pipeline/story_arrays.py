"""Scoring an article against many open stories at once (see :mod:`story_stream`): the
stories as they stood at the start of a batch as sparse matrices, and the stories changed
during the batch in an append-only arena. Both give exactly what scoring one story at a time
would, which is what makes the stream's result independent of the batch size."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]

from newsrecon.pipeline.story_signals import F32, I32, ArticleSignals

if TYPE_CHECKING:
    from newsrecon.pipeline.story_stream import StoryIndex, StoryState

NEAR_COPY_TEXT = 0.8
EPS = 1e-9
BLOCK_CELLS = 250_000


@dataclass(slots=True)
class Snapshot:
    """The open stories at the start of a batch as matrices, so one article is scored against
    all of them with a few sparse products instead of a Python loop."""

    ids: list[str]
    text: Any  # used terms x stories (the transpose of the stories' unit rows)
    entities: Any  # used entity keys x stories, 0/1
    terms: npt.NDArray[Any]  # the bucket of each row of ``text``
    keys: npt.NDArray[Any]  # the bucket of each row of ``entities``
    embedding: F32  # stories x dim, unit rows (zero rows where unknown)
    has_embedding: npt.NDArray[np.bool_]
    has_entities: npt.NDArray[np.bool_]
    first: npt.NDArray[np.float64]
    last: npt.NDArray[np.float64]
    # Set by :meth:`products` for the batch: each article's day and entity weight.
    days: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    entity_mass: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    _current: _Block | None = None

    @classmethod
    def of(cls, stories: list[StoryState]) -> Snapshot:
        n = len(stories)
        text, terms = compact_rows([s.terms for s in stories], [s.unit for s in stories])
        ents, keys = compact_rows(
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
            text.T.tocsr(),
            ents.T.tocsr(),
            terms,
            keys,
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
        self.days = np.array([a.day for a in batch], dtype=np.float64)
        self.entity_mass = np.array(
            [
                float(w[1].sum()) if len(a.entities) else 0.0
                for a, w in zip(batch, weighed, strict=True)
            ]
        )
        self._current = None
        text = rows_in(self.terms, [a.terms for a in batch], [w[0] for w in weighed]) @ self.text
        ents = rows_in(self.keys, [a.entities for a in batch], [w[1] for w in weighed])
        ents = ents @ self.entities
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
        block = self._block(row, products, index)
        at = row - block.start
        use_emb = article.embedding is not None and self.embedding.shape[1] == len(
            article.embedding
        )
        if use_emb and article.embedding is not None:
            w = index.weights["embedding"]
            emb = self.embedding @ article.embedding
            total = block.total[at] + np.where(self.has_embedding, w * emb, 0.0)
            mass = block.mass[at] + np.where(self.has_embedding, w, 0.0)
            combined = np.clip(total / np.maximum(mass, EPS), 0.0, 1.0)
            combined[block.cut[at]] = 0.0
            cand = np.flatnonzero(combined >= index.threshold * 0.5)
        else:
            combined = block.combined[at]
            cand = np.flatnonzero(block.candidate[at] & (combined >= index.threshold * 0.5))
        return dict(zip([self.ids[i] for i in cand], combined[cand].tolist(), strict=True))

    def _block(self, row: int, products: tuple[Any, Any], index: StoryIndex) -> _Block:
        """The parts of the scores of a run of the batch's articles against every snapshot
        story, as dense arrays (rows x stories) computed at once: the same elementwise
        arithmetic scoring one article at a time does, in far fewer numpy calls. Rows are
        taken ``BLOCK_CELLS // stories`` at a time, so memory stays bounded."""
        if self._current is not None and self._current.start <= row < self._current.stop:
            return self._current
        text_m, ent_m = products
        n = len(self.ids)
        stop = min(row + max(1, BLOCK_CELLS // n), text_m.shape[0])
        self._current = _Block.of(self, row, stop, text_m, ent_m, index)
        return self._current


@dataclass(slots=True)
class _Block:
    start: int
    stop: int
    total: npt.NDArray[np.float64]
    mass: npt.NDArray[np.float64]
    cut: npt.NDArray[np.bool_]
    candidate: npt.NDArray[np.bool_]
    combined: npt.NDArray[np.float64]

    @classmethod
    def of(
        cls, snap: Snapshot, start: int, stop: int, text_m: Any, ent_m: Any, index: StoryIndex
    ) -> _Block:
        text_rows, ent_rows = text_m[start:stop], ent_m[start:stop]
        text = text_rows.toarray().astype(np.float64)
        shared = ent_rows.toarray().astype(np.float64)
        candidate = np.zeros(text.shape, dtype=bool)
        for part in (text_rows, ent_rows):
            rows = np.repeat(np.arange(stop - start), np.diff(part.indptr))
            candidate[rows, part.indices] = True
        w = index.weights
        total = w["text"] * text
        mass = np.full(text.shape, w["text"])
        weighed = snap.entity_mass[start:stop]
        named = (weighed > 0)[:, None] & snap.has_entities[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            ent = shared / weighed[:, None]
        total = total + np.where(named, w["entities"] * ent, 0.0)
        mass = mass + np.where(named, w["entities"], 0.0)
        combined = np.clip(total / np.maximum(mass, EPS), 0.0, 1.0)
        days = snap.days[start:stop, None]
        with np.errstate(invalid="ignore"):
            gap = np.maximum(snap.first[None, :] - days, days - snap.last[None, :])
        cut = (gap > index.window_days) & (text < NEAR_COPY_TEXT)
        combined[cut] = 0.0
        return cls(start, stop, total, mass, cut, candidate, combined)


class LiveStories:
    """Stories opened or changed in the current batch, scored exactly against each article.

    Each live story has a slot holding its latest terms and entity keys; the slots are laid
    end to end (rebuilt only after a change) so one gather and one ``bincount`` score them all.
    ``bincount`` adds each story's terms in that story's own order, wherever its slot sits, so
    the sums are the ones scoring each story alone would give. Only the terms some article of
    the batch has are laid out (numbered within ``vocabulary``, the batch's sorted terms): the
    others would add exact zeros to those sums."""

    def __init__(self, vocabulary: npt.NDArray[Any]) -> None:
        self.vocabulary = vocabulary
        self.buf = np.zeros(len(vocabulary), dtype=np.float32)
        self.stories: list[StoryState] = []
        self.slot: dict[str, int] = {}
        self.terms: list[npt.NDArray[Any]] = []
        self.units: list[F32] = []
        self.ents: list[I32] = []
        self.first: list[float] = []
        self.last: list[float] = []
        self.named: list[bool] = []
        self._arena: tuple[Any, ...] | None = None

    def put(self, story: StoryState) -> None:
        slot = self.slot.setdefault(story.story_id, len(self.slot))
        pos = np.searchsorted(self.vocabulary, story.terms)
        hit = pos < len(self.vocabulary)
        hit[hit] = self.vocabulary[pos[hit]] == story.terms[hit]
        row = (pos[hit], story.unit[hit], story.entities, story.first_day, story.last_day)
        if slot == len(self.stories):
            self.stories.append(story)
            self.terms.append(row[0])
            self.units.append(row[1])
            self.ents.append(row[2])
            self.first.append(row[3])
            self.last.append(row[4])
            self.named.append(len(row[2]) > 0)
        else:
            self.stories[slot] = story
            self.terms[slot], self.units[slot], self.ents[slot] = row[:3]
            self.first[slot], self.last[slot] = row[3:]
            self.named[slot] = len(row[2]) > 0
        self._arena = None

    def _laid_out(self) -> tuple[Any, ...]:
        if self._arena is None:
            slots = np.arange(len(self.stories))
            self._arena = (
                np.concatenate(self.terms),
                np.concatenate(self.units),
                np.repeat(slots, [len(t) for t in self.terms]),
                np.concatenate(self.ents),
                np.repeat(slots, [len(e) for e in self.ents]),
                np.array(self.named, dtype=bool),
                np.array(self.first, dtype=np.float64),
                np.array(self.last, dtype=np.float64),
            )
        return self._arena

    def scores(
        self, article: ArticleSignals, text_vec: F32, ent_w: F32, index: StoryIndex
    ) -> dict[str, float]:
        if not self.stories:
            return {}
        terms, units, owner, ents, ent_owner, named, first, last = self._laid_out()
        slots = len(self.stories)
        buf, ebuf = self.buf, index.ent_buf
        local = np.searchsorted(self.vocabulary, article.terms)
        buf[local] = text_vec
        ebuf[article.entities] = ent_w
        try:
            text = np.bincount(owner, buf[terms] * units, minlength=slots)
            shared = np.bincount(ent_owner, ebuf[ents], minlength=slots)
        finally:
            buf[local] = 0.0
            ebuf[article.entities] = 0.0
        stories = self.stories
        w = index.weights
        total = w["text"] * text
        weight = np.full(slots, w["text"])
        if len(article.entities):
            total = total + np.where(named, w["entities"] * shared / float(ent_w.sum()), 0.0)
            weight = weight + np.where(named, w["entities"], 0.0)
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
        cut_window(combined, text, first, last, article.day, index.window_days)
        # Every live story gets a score: it overrides the batch-start snapshot's stale one.
        return dict(zip(self.slot, combined.tolist(), strict=True))


def cut_window(
    combined: npt.NDArray[np.float64],
    text: npt.NDArray[Any],
    first: npt.NDArray[np.float64],
    last: npt.NDArray[np.float64],
    day: float,
    window_days: float,
) -> None:
    """Zero the scores of stories more than ``window_days`` outside their span of days from
    ``day``, unless the texts are near copies; unknown days never cut."""
    if math.isnan(day):
        return
    with np.errstate(invalid="ignore"):
        gap = np.maximum(first - day, day - last)
    combined[(gap > window_days) & (text < NEAR_COPY_TEXT)] = 0.0


def compact_rows(
    indices: Sequence[npt.NDArray[Any]],
    values: Sequence[npt.NDArray[Any]],
    dtype: type[np.floating[Any]] = np.float32,
) -> tuple[Any, npt.NDArray[Any]]:
    """One CSR row per (column indices, values) pair over only the columns used (and those
    sorted column ids): a transpose or product then costs the entries, not the buckets of
    the hash space. Columns are renumbered in their order, so products add the same terms
    in the same order as over the full width and give the same numbers."""
    flat = np.concatenate(indices) if len(indices) else np.zeros(0, dtype=np.int32)
    vocabulary, cols = np.unique(flat, return_inverse=True)
    ptr = np.cumsum([0, *(len(i) for i in indices)])
    data = np.concatenate(values).astype(dtype) if len(values) else np.zeros(0, dtype=dtype)
    matrix = sparse.csr_matrix(
        (data, cols.ravel(), ptr), shape=(len(indices), len(vocabulary)), dtype=dtype
    )
    return matrix, vocabulary


def rows_in(
    vocabulary: npt.NDArray[Any],
    indices: Sequence[npt.NDArray[Any]],
    values: Sequence[npt.NDArray[Any]],
    dtype: type[np.floating[Any]] = np.float32,
) -> Any:
    """Rows as in :func:`compact_rows`, numbered within ``vocabulary`` (sorted), dropping
    the columns it lacks: they meet only empty columns of the other side of a product, so
    add nothing."""
    flat = np.concatenate(indices) if len(indices) else np.zeros(0, dtype=np.int32)
    data = np.concatenate(values).astype(dtype) if len(values) else np.zeros(0, dtype=dtype)
    pos = np.searchsorted(vocabulary, flat)
    hit = pos < len(vocabulary)
    hit[hit] = vocabulary[pos[hit]] == flat[hit]
    ptr = np.cumsum([0, *(len(i) for i in indices)])
    kept = np.concatenate([[0], np.cumsum(hit)])[ptr]
    return sparse.csr_matrix(
        (data[hit], pos[hit], kept), shape=(len(indices), len(vocabulary)), dtype=dtype
    )

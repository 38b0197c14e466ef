"""Splitting an open story whose articles have drifted into two groups.

Incremental assignment can chain: an article that sits between two events joins one story,
and the next articles of the other event then join it through that bridge. After each batch,
every open story that changed and still keeps its :class:`~story_members.Member` vectors
(at most ``policy.max_size`` articles) is checked:

1. the articles' pairwise combined similarity is computed with the same parts, weights and
   time window as assignment (embedding cosine, TF-IDF cosine with the stream's current IDF,
   the IDF-weighted share of entity keys named by both, averaged over the two directions);
2. average-linkage agglomeration (scipy) cuts the articles into two groups;
3. the story splits when the mean similarity *between* the groups is below the threshold
   (an article that far from a story would not have joined it), each group's mean similarity
   *within* it reaches the threshold (each is a story in its own right), and each group has at
   least ``policy.min_part`` articles.

Ids stay stable: the group holding the founding article keeps the story (and its id); the
other group becomes a new story whose id is made from its earliest-arrived article, as every
story's id is made from its founder. Nothing here depends on anything but the index's state,
so the same arrivals in the same batches give the same splits.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import fcluster, linkage  # type: ignore[import-untyped]
from scipy.spatial.distance import squareform  # type: ignore[import-untyped]

from newsrecon.pipeline.story_arrays import EPS, NEAR_COPY_TEXT, compact_rows
from newsrecon.pipeline.story_members import MAX_MEMBERS, Member
from newsrecon.pipeline.story_stream import MAX_ENTITIES, StoryIndex, StoryState, _trim

F64 = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Split:
    """``moved`` (arrival order) left ``story_id`` for the new story ``new_story_id``;
    ``between``: their mean similarity to the articles that stayed; ``within``: the mean
    similarity inside the part that stayed and inside the part that moved."""

    story_id: str
    new_story_id: str
    moved: tuple[str, ...]
    between: float
    within: tuple[float, float]


def similarity_matrix(members: Sequence[Member], index: StoryIndex) -> F64:
    """Combined similarity of every pair of ``members`` (1 on the diagonal)."""
    n = len(members)
    text, _ = compact_rows([m.terms for m in members], [m.text for m in members], np.float64)
    text_sim = np.asarray((text @ text.T).todense(), dtype=np.float64)
    w = index.weights
    total = w["text"] * text_sim
    mass = np.full((n, n), w["text"])
    n_docs = index.documents
    ent_w = [np.log((1.0 + n_docs) / (1.0 + index.entity_df[m.entities])) + 1.0 for m in members]
    has_ent = np.array([len(m.entities) > 0 for m in members])
    if has_ent.any():
        keys = [m.entities for m in members]
        weighted, _ = compact_rows(keys, ent_w, np.float64)
        named, _ = compact_rows(keys, [np.ones(len(k)) for k in keys], np.float64)
        shared = np.asarray((weighted @ named.T).todense(), dtype=np.float64)
        sums = np.array([float(x.sum()) for x in ent_w])
        share = shared / np.maximum(sums, EPS)[:, None]
        both = np.outer(has_ent, has_ent)
        total = total + np.where(both, w["entities"] * (share + share.T) / 2.0, 0.0)
        mass = mass + np.where(both, w["entities"], 0.0)
    dims = {len(m.embedding) for m in members if m.embedding is not None}
    if len(dims) == 1:
        (dim,) = dims
        emb = np.zeros((n, dim))
        has_emb = np.array([m.embedding is not None for m in members])
        for i, m in enumerate(members):
            if m.embedding is not None:
                emb[i] = m.embedding
        both = np.outer(has_emb, has_emb)
        total = total + np.where(both, w["embedding"] * (emb @ emb.T), 0.0)
        mass = mass + np.where(both, w["embedding"], 0.0)
    combined: F64 = np.clip(total / np.maximum(mass, EPS), 0.0, 1.0)
    days = np.array([m.day for m in members], dtype=np.float64)
    with np.errstate(invalid="ignore"):
        gap = np.abs(days[:, None] - days[None, :])
    combined[(gap > index.window_days) & (text_sim < NEAR_COPY_TEXT)] = 0.0
    np.fill_diagonal(combined, 1.0)
    return combined


def two_groups(similarity: F64) -> npt.NDArray[np.int_]:
    """Labels 0/1 from average-linkage agglomeration stopped at two clusters."""
    distance = squareform(np.clip(1.0 - similarity, 0.0, None), checks=False)
    tree = linkage(distance, method="average")
    labels: npt.NDArray[np.int_] = fcluster(tree, 2, criterion="maxclust") - 1
    return labels


def _mean_within(similarity: F64, part: npt.NDArray[np.int_]) -> float:
    if len(part) < 2:
        return math.nan
    block = similarity[np.ix_(part, part)]
    return float((block.sum() - np.trace(block)) / (len(part) * (len(part) - 1)))


def split_story(story: StoryState, index: StoryIndex) -> Split | None:
    """The split ``story`` should undergo now, or None (see the module docstring)."""
    policy = index.split_policy
    members = story.members
    limit = min(policy.max_size, MAX_MEMBERS)
    if members is None or not 2 * policy.min_part <= len(members) <= limit:
        return None
    founder = [i for i, m in enumerate(members) if m.article_id == story.founder]
    if len(founder) != 1:
        return None
    similarity = similarity_matrix(members, index)
    labels = two_groups(similarity)
    stay = np.flatnonzero(labels == labels[founder[0]])
    move = np.flatnonzero(labels != labels[founder[0]])
    if min(len(stay), len(move)) < policy.min_part:
        return None
    between = float(similarity[np.ix_(stay, move)].mean())
    within = (_mean_within(similarity, stay), _mean_within(similarity, move))
    if between >= index.threshold - EPS or min(within) < index.threshold - EPS:
        return None
    moved = sorted((members[i] for i in move), key=lambda m: m.seq)
    return Split(
        story.story_id,
        index.id_for(moved[0].article_id),
        tuple(m.article_id for m in moved),
        between,
        within,
    )


def split_changed(index: StoryIndex, story_ids: Iterable[str]) -> list[Split]:
    """Check each open story of ``story_ids`` (changed since the last check) and apply the
    splits found to the index; in story id order, so the result does not depend on the
    order ids are given in."""
    if not index.split_policy.enabled:
        return []
    splits = []
    for sid in sorted(set(story_ids)):
        story = index.open.get(sid)
        if story is None or story.members is None:
            continue
        found = split_story(story, index)
        if found is None or found.new_story_id in index.open:
            continue
        apply_split(index, found)
        splits.append(found)
    return splits


def apply_split(index: StoryIndex, split: Split) -> None:
    """Replace the open story by the part that stays and open the part that moved; both
    summaries are rebuilt from the members (the story must still keep them)."""
    story = index.open[split.story_id]
    if story.members is None:
        raise ValueError(f"story {split.story_id} keeps no members: it cannot be split")
    moved = set(split.moved)
    members = story.members
    kept = _rebuild(story, [m for m in members if m.article_id not in moved], story.opened)
    new = _rebuild(story, [m for m in members if m.article_id in moved], index.clock)
    new.story_id, new.founder = split.new_story_id, split.moved[0]
    new.touched = index.clock
    index.open[split.story_id] = kept
    index.open[new.story_id] = new


def _rebuild(story: StoryState, members: list[Member], opened: int) -> StoryState:
    """A summary made from ``members`` alone (as if they had been absorbed one by one)."""
    days = [m.day for m in members if not math.isnan(m.day)]
    embeddings = [m.embedding for m in members if m.embedding is not None]
    entities = np.unique(np.concatenate([m.entities for m in members])).astype(np.int32)
    part = StoryState(
        story.story_id,
        story.founder,
        len(members),
        min(days) if days else math.nan,
        max(days) if days else math.nan,
        np.concatenate([m.terms for m in members]).astype(np.int32),
        np.concatenate([m.text for m in members]).astype(np.float32),
        entities[:MAX_ENTITIES],
        np.sum(embeddings, axis=0).astype(np.float32) if embeddings else None,
        story.touched,
        opened,
        members=list(members),
    )
    _trim(part)
    return part

"""The one-batch form of story assignment: average-linkage agglomeration over the streaming
index's parts, weights and time window (embedding cosine, hashed TF-IDF cosine with the batch's
IDF, entity overlap, near-copy exception), so streaming and batch differ mainly in seeing the
articles one at a time. Quadratic memory: for evaluation and small batches.

The entity part is the one that is not the same formula everywhere, because the two sides
differ: here (article and article) it is the IDF-weighted overlap coefficient, the weight of
the keys both name over the smaller side's weight; the stream scores an article against a
story by the share of the *article's* key weight the story named (:mod:`story_arrays`), a
split compares two members by the mean of the two directions' shares (:mod:`story_splits`),
and a merge compares two story summaries by the unweighted overlap coefficient of their key
sets (``story_stream._story_similarity``). Each was calibrated as it stands; unifying them
would change the measured results."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.cluster import AgglomerativeClustering

from newsrecon.pipeline.story_arrays import NEAR_COPY_TEXT
from newsrecon.pipeline.story_signals import BUCKETS, ArticleSignals
from newsrecon.pipeline.story_stream import WEIGHTS, stream_threshold_for


def similarity_matrix(
    signals: Sequence[ArticleSignals], window_days: float, weights: dict[str, float] = WEIGHTS
) -> npt.NDArray[np.float64]:
    n = len(signals)
    ptr = np.cumsum([0, *(len(s.terms) for s in signals)])
    terms = sparse.csr_matrix(
        (np.concatenate([s.tf for s in signals]), np.concatenate([s.terms for s in signals]), ptr),
        shape=(n, BUCKETS),
    )
    df = np.bincount(terms.indices, minlength=BUCKETS)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    weighted = terms.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    weighted = sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ weighted
    text = np.asarray((weighted @ weighted.T).todense())
    eptr = np.cumsum([0, *(len(s.entities) for s in signals)])
    present = sparse.csr_matrix(
        (np.ones(eptr[-1]), np.concatenate([s.entities for s in signals]), eptr),
        shape=(n, BUCKETS),
    )
    edf = np.bincount(present.indices, minlength=BUCKETS)
    eidf = np.log((1.0 + n) / (1.0 + edf)) + 1.0
    ew = present.multiply(eidf).tocsr()
    shared = np.asarray((ew @ present.T).todense())  # [i, j]: i's weight found in j
    mass = np.asarray(ew.sum(axis=1)).ravel()
    # Overlap coefficient: shared weight over the smaller side's weight.
    ent = np.nan_to_num(shared / np.maximum(np.minimum.outer(mass, mass), 1e-12))
    has_ent = (mass > 0)[:, None] & (mass > 0)[None, :]
    total = weights["text"] * text + np.where(has_ent, weights["entities"] * ent, 0.0)
    mass_w = weights["text"] + np.where(has_ent, weights["entities"], 0.0)
    has = np.array([s.embedding is not None for s in signals])
    if has.any():
        dims = next(len(s.embedding) for s in signals if s.embedding is not None)
        emb = np.zeros((n, dims), dtype=np.float32)
        for i, s in enumerate(signals):
            if s.embedding is not None:
                emb[i] = s.embedding
        both = has[:, None] & has[None, :]
        total = total + np.where(both, weights["embedding"] * (emb @ emb.T), 0.0)
        mass_w = mass_w + np.where(both, weights["embedding"], 0.0)
    combined = np.clip(total / mass_w, 0.0, 1.0)
    days = np.array([s.day for s in signals])
    with np.errstate(invalid="ignore"):
        apart = np.abs(np.subtract.outer(days, days)) > window_days
    combined[apart & (text < NEAR_COPY_TEXT)] = 0.0
    return combined


def batch_groups(
    signals: Sequence[ArticleSignals],
    similarity: float,
    window_days: float,
    weights: dict[str, float] = WEIGHTS,
) -> list[list[str]]:
    """Groups of article ids, in order of their first member's input position (``weights``
    and the knob of the topic level give the batch form of topics)."""
    if len(signals) < 2:
        return [[s.article_id] for s in signals]
    threshold = stream_threshold_for(similarity)
    distance = 1.0 - similarity_matrix(signals, window_days, weights)
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - threshold + 1e-9,
    ).fit_predict(distance)
    groups: dict[int, list[str]] = {}
    for s, label in zip(signals, labels, strict=True):
        groups.setdefault(int(label), []).append(s.article_id)
    return list(groups.values())

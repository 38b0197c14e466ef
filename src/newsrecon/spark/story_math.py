"""Pure helpers of the distributed story grouping (no Spark here, so they are unit-testable).

Why the distributed result equals :func:`newsrecon.pipeline.stories.group_stories` on the whole
batch:

* Similarities use corpus-wide statistics: TF-IDF document frequencies and entity-key weights
  are counted over all articles by Spark, and :func:`corpus_context` builds the very
  :class:`~newsrecon.pipeline.stories.SimilarityContext` (a TF-IDF vectorizer with the stage's
  own parameters, the vocabulary a block needs, and corpus IDF) that ``fit`` on the whole
  batch would have given.
* Average linkage merges two groups only if the mean of their cross similarities reaches the
  threshold, which needs at least one cross pair at or above it. So no story ever spans two
  connected components of the graph "similarity >= threshold", and running the same
  agglomeration per component gives the same stories as on the whole batch.
* Candidate pairs for that graph come from prefix filtering (Bayardo et al. 2007): a pair whose
  combined similarity reaches ``t`` has TF-IDF cosine >= ``t`` or entity overlap >= ``t`` (the
  combination is convex), and such a pair shares a term in the *prefix* of one side: its
  heaviest terms whose removal would leave a norm (entity mass) below ``t``. Joining prefixes
  against full postings, within neighbouring time buckets, finds every such pair without
  comparing all pairs. Candidates are then verified with the stage's own similarity
  (``similarity_given_text``), the text cosines of many pairs in one sparse product: it may
  differ from the stage's own matrix product in the last bits, so the job verifies at a floor
  a hair below the threshold. No pair the stage links is lost, and a pair let through only
  joins two blocks, inside which the stage's own agglomeration decides.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from functools import lru_cache
from itertools import islice
from typing import Any

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import TfidfVectorizer

from newsrecon.pipeline.stories import (
    ArticleVector,
    SimilarityContext,
    StoryFeatures,
    similarity_given_text,
)

# Prefixes keep a little more than the bound requires, so float rounding never loses a pair.
MARGIN = 1e-6


@lru_cache(maxsize=1)
def _vectorizer_params() -> dict[str, Any]:
    """The stage's own TF-IDF parameters, read from a context it fitted (not copied here)."""
    probe = SimilarityContext.fit([StoryFeatures("probe", None, "newsrecon spark probe")])
    assert probe.vectorizer is not None
    params: dict[str, Any] = probe.vectorizer.get_params()
    return params


def text_terms(text: str) -> list[str]:
    """The distinct terms (word 1-2 grams after stop words) the story vectorizer counts."""
    return sorted(set(_analyzer()(text)))


@lru_cache(maxsize=1)
def _analyzer() -> Callable[[str], list[str]]:
    """Built once per worker process: ``text_terms`` runs once per article."""
    analyzer: Callable[[str], list[str]] = TfidfVectorizer(**_vectorizer_params()).build_analyzer()
    return analyzer


def smoothed_idf(documents: int, frequency: int) -> float:
    """sklearn's smoothed IDF, which ``SimilarityContext.fit`` uses for terms and entities."""
    return math.log((1 + documents) / (1 + frequency)) + 1


def corpus_context(
    documents: int, term_df: Mapping[str, int], entity_df: Mapping[str, int]
) -> SimilarityContext:
    """The context ``SimilarityContext.fit`` gives on a corpus of ``documents`` articles,
    restricted to the terms and entity keys named (all those of the articles it will see)."""
    weights = {key: smoothed_idf(documents, df) for key, df in entity_df.items()}
    unseen = math.log(1 + documents) + 1
    if not term_df:
        return SimilarityContext(None, weights, unseen)
    vocabulary = sorted(term_df)
    params = dict(_vectorizer_params(), vocabulary=vocabulary)
    vectorizer = TfidfVectorizer(**params)
    vectorizer.idf_ = np.array(
        [smoothed_idf(documents, term_df[t]) for t in vocabulary], dtype=np.float64
    )
    return SimilarityContext(vectorizer, weights, unseen)


def text_weights(context: SimilarityContext, vector: ArticleVector) -> dict[str, float]:
    """Term -> weight of the article's unit TF-IDF row."""
    if context.vectorizer is None:
        return {}
    names = context.vectorizer.get_feature_names_out()
    row = vector.text.tocoo()
    return {str(names[j]): float(w) for j, w in zip(row.col, row.data, strict=True) if w}


def norm_prefix(weights: Mapping[str, float], bound: float) -> list[str]:
    """Heaviest terms of a unit vector such that the rest has norm below ``bound``: any vector
    with cosine >= ``bound`` to this one shares one of them."""
    ordered = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    limit = (bound - MARGIN) ** 2
    tail, cut = 0.0, len(ordered)
    while cut > 0 and tail + ordered[cut - 1][1] ** 2 < limit:
        cut -= 1
        tail += ordered[cut][1] ** 2
    return [term for term, _ in ordered[:cut]]


def mass_prefix(weights: Mapping[str, float], bound: float) -> list[str]:
    """Heaviest entity keys such that the rest weighs below ``bound`` times the total: an
    article whose overlap coefficient with this one reaches ``bound``, and which weighs at
    least as much, shares one of them."""
    ordered = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    limit = (bound - MARGIN) * sum(weights.values())
    tail, cut = 0.0, len(ordered)
    while cut > 0 and tail + ordered[cut - 1][1] < limit:
        cut -= 1
        tail += ordered[cut][1]
    return [key for key, _ in ordered[:cut]]


def time_bucket(day: float | None, window_days: float) -> int | None:
    """Articles closer than the window fall in the same or adjacent buckets."""
    if day is None or math.isnan(day):
        return None
    return math.floor(day / window_days)


# An article as the verification step sees it: (term weights, entity weights, day or None).
Sides = tuple[Mapping[str, float], Mapping[str, float], float | None]


def term_matrix(sides: Sequence[Sides]) -> Any:
    """One sparse row per article over the sorted union of their terms, built in one go."""
    columns = {term: j for j, term in enumerate(sorted({t for s in sides for t in s[0]}))}
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for terms, _, _ in sides:
        data.extend(terms.values())
        indices.extend(columns[t] for t in terms)
        indptr.append(len(indices))
    shape = (len(sides), max(1, len(columns)))
    return sparse.csr_matrix((data, indices, indptr), shape=shape, dtype=np.float64)


def article_vectors(sides: Sequence[Sides]) -> list[ArticleVector]:
    """The articles as the stage's vectors, rows of :func:`term_matrix` (each article
    converted once, not once per pair). A pair's ``pair_similarity`` sums the terms the two
    share in term order whatever else the union holds, so it is bit for bit the same whether
    the rows were built for the pair alone or for a whole group."""
    return _vectors(sides, term_matrix(sides))


def _vectors(sides: Sequence[Sides], matrix: Any) -> list[ArticleVector]:
    return [
        ArticleVector("", matrix[n], entities, math.nan if day is None else day)
        for n, (_, entities, day) in enumerate(sides)
    ]


def verified_pairs(
    pairs: Iterable[tuple[str, str]],
    sides: Mapping[str, Sides],
    window_days: float,
    floor: float,
) -> Iterator[tuple[str, str]]:
    """The pairs whose stage similarity reaches ``floor``, every article of ``sides``
    vectorised once and the text cosines of :data:`PAIR_BATCH` pairs taken in one sparse
    product (one scipy call per pair cost more than everything else in the step)."""
    ids = sorted(sides)
    ordered = [sides[i] for i in ids]
    matrix = term_matrix(ordered)
    built = _vectors(ordered, matrix)
    rows = {article_id: n for n, article_id in enumerate(ids)}
    iterator = iter(pairs)
    while batch := list(islice(iterator, PAIR_BATCH)):
        yield from _verified(batch, matrix, built, rows, window_days, floor)


PAIR_BATCH = 4096


def _verified(
    batch: list[tuple[str, str]],
    matrix: Any,
    built: Sequence[ArticleVector],
    rows: Mapping[str, int],
    window_days: float,
    floor: float,
) -> Iterator[tuple[str, str]]:
    left = [rows[a] for a, _ in batch]
    right = [rows[b] for _, b in batch]
    texts = np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1)).ravel()
    for (a, b), i, j, text in zip(batch, left, right, texts, strict=True):
        if similarity_given_text(float(text), built[i], built[j], window_days) >= floor:
            yield a, b


def components(ids: Sequence[str], edges: Sequence[tuple[str, str]]) -> dict[str, int]:
    """Connected component index of every id (scipy's union-find over the edge list)."""
    from scipy.sparse.csgraph import connected_components  # type: ignore[import-untyped]

    index = {article_id: i for i, article_id in enumerate(ids)}
    rows = [index[a] for a, _ in edges]
    cols = [index[b] for _, b in edges]
    graph = sparse.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(ids), len(ids)))
    _, labels = connected_components(graph, directed=False)
    return {article_id: int(labels[i]) for article_id, i in index.items()}


def parse_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None

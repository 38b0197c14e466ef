"""Group articles into stories: articles that report the same event.

Similarity of two articles (:func:`pair_similarity`, and :meth:`SimilarityContext.matrix` for a
whole batch at once; both compute the same number):

* ``text``: cosine of TF-IDF vectors (word unigrams and bigrams, sublinear tf, English stop
  words) with the IDF fitted on the batch, so words every article in the batch uses (the
  topic's vocabulary) weigh little and the event's particulars weigh much.
* ``entities``: weighted overlap coefficient of the articles' entity keys,
  ``sum(w, A & B) / min(sum(w, A), sum(w, B))`` with batch IDF weights. The overlap
  coefficient rather than Jaccard because a wire brief and a long feature about one event share
  the brief's names, not the feature's; the weights keep a shared "Washington" from counting like
  a shared victim's name.
* combined: ``TEXT_WEIGHT * text + (1 - TEXT_WEIGHT) * entities`` when both articles name
  entities, else ``text`` alone (no entities is missing evidence, not counter-evidence).
* time: two articles published more than ``window_days`` apart are not the same story
  (similarity 0) unless ``text >= NEAR_COPY_TEXT`` (a republished copy). Unknown dates never
  penalise.

Grouping: average-linkage agglomeration over that similarity. Two groups merge while the mean
similarity over all their cross pairs is at least the threshold. The user's knob
``similarity`` in [0, 1] maps to that threshold by ``threshold = similarity ** GAMMA``: 0 merges
everything into one story (every similarity is >= 0), 1 merges only articles whose similarity
is 1, i.e. identical texts and names, and the curve in between is monotone. Same-event news
articles have TF-IDF cosines around 0.1-0.3, so an identity mapping would leave most of the
knob's range useless; ``GAMMA`` is instead set so that the middle of the knob, 0.5, gives
:data:`CALIBRATED_THRESHOLD`, the threshold that maximised event-level (ECB+ sub-topic)
B-cubed F1 on the coarse grid 0.05, 0.10, ..., 0.50 over the whole ECB+ corpus. The result
depends only on the input order, which fixes the order of groups (by founder) and of ids
within a group.

:class:`StoryGrouper` is the streaming form over the same similarity: each added article joins
the existing story with the highest mean similarity to its members if that reaches the
threshold, else founds a new story.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np
import numpy.typing as npt

# scipy comes with scikit-learn (its sparse matrices are what TfidfVectorizer returns).
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from spacy.tokens import Doc, Span

from newsrecon.errors import ConfigError

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "EVENT", "FAC", "LOC"})
TEXT_WEIGHT = 0.6
NEAR_COPY_TEXT = 0.8
DEFAULT_SIMILARITY = 0.5
CALIBRATED_THRESHOLD = 0.15
GAMMA = math.log(CALIBRATED_THRESHOLD) / math.log(DEFAULT_SIMILARITY)
DEFAULT_WINDOW_DAYS = 7.0
# Float slack so that "similarity >= threshold" holds for identical texts, whose cosine comes
# out a few ulps below 1.
_EPS = 1e-9

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """What story grouping knows about one article."""

    article_id: str
    published: datetime | date | None
    text: str
    entities: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """Articles of one story, in input order; ``founder`` is the first of them."""

    article_ids: tuple[str, ...]
    founder: str


def entity_key(span: Span) -> str:
    """Lowercase lemmas without determiners, punctuation or possessive marks, so "the
    Americans'" and "Americans" are one key."""
    words = [
        token.lemma_.lower()
        for token in span
        if not (token.is_punct or token.is_space or token.pos_ == "DET" or token.tag_ == "POS")
    ]
    return " ".join(word for word in words if word)


def features_from_doc(
    article_id: str, published: datetime | date | None, doc: Doc
) -> StoryFeatures:
    keys = (entity_key(ent) for ent in doc.ents if ent.label_ in ENTITY_LABELS)
    return StoryFeatures(article_id, published, doc.text, frozenset(k for k in keys if k))


def day_of(published: datetime | date | None) -> float:
    """Days on one axis; timezones are ignored (a few hours do not matter against a window
    of days, and mixing naive and aware datetimes must not fail)."""
    if published is None:
        return math.nan
    day = float(published.toordinal())
    if isinstance(published, datetime):
        day += (published.hour * 3600 + published.minute * 60 + published.second) / 86400
    return day


@dataclass(frozen=True, slots=True)
class ArticleVector:
    """One article in a :class:`SimilarityContext`: unit TF-IDF row, weighted entity keys,
    and its day (NaN when unknown)."""

    article_id: str
    text: Any  # 1 x vocabulary sparse row, L2-normalised (or all zero)
    entities: Mapping[str, float]
    day: float


@dataclass(frozen=True, slots=True)
class SimilarityContext:
    """The batch statistics similarity depends on: the TF-IDF vocabulary and IDF, and the
    entity key weights. Fitted on a batch; a streaming grouper keeps one fitted on a
    representative batch (new words are ignored, new entity keys get the highest weight)."""

    vectorizer: TfidfVectorizer | None
    entity_weights: Mapping[str, float]
    unseen_entity_weight: float

    @classmethod
    def fit(cls, features: Sequence[StoryFeatures]) -> SimilarityContext:
        vectorizer: TfidfVectorizer | None = None
        try:
            vectorizer = TfidfVectorizer(
                sublinear_tf=True, stop_words="english", ngram_range=(1, 2), dtype=np.float64
            ).fit([f.text for f in features])
        except ValueError:  # no words outside the stop list anywhere in the batch
            vectorizer = None
        counts = Counter(key for f in features for key in f.entities)
        n = len(features)
        # sklearn's smoothed IDF, so text and entity weights are on the same footing.
        weights = {key: math.log((1 + n) / (1 + df)) + 1 for key, df in counts.items()}
        return cls(vectorizer, weights, math.log(1 + n) + 1)

    def vector(self, features: StoryFeatures) -> ArticleVector:
        return self.vectors([features])[0]

    def vectors(self, features: Sequence[StoryFeatures]) -> list[ArticleVector]:
        rows = self._text_rows(features)
        return [
            ArticleVector(
                f.article_id,
                rows[i],
                {k: self.entity_weights.get(k, self.unseen_entity_weight) for k in f.entities},
                day_of(f.published),
            )
            for i, f in enumerate(features)
        ]

    def _text_rows(self, features: Sequence[StoryFeatures]) -> Any:
        if self.vectorizer is None:
            return sparse.csr_matrix((len(features), 1), dtype=np.float64)
        return self.vectorizer.transform([f.text for f in features]).tocsr()

    def matrix(
        self, features: Sequence[StoryFeatures], window_days: float = DEFAULT_WINDOW_DAYS
    ) -> FloatArray:
        """All pairwise similarities at once (what :func:`pair_similarity` gives per pair)."""
        n = len(features)
        rows = self._text_rows(features)
        text = np.asarray((rows @ rows.T).todense(), dtype=np.float64)
        keys = sorted({k for f in features for k in f.entities})
        index = {k: j for j, k in enumerate(keys)}
        weight = np.array(
            [self.entity_weights.get(k, self.unseen_entity_weight) for k in keys],
            dtype=np.float64,
        )
        cols = [index[k] for f in features for k in f.entities]
        ptr = np.cumsum([0, *(len(f.entities) for f in features)])
        present = sparse.csr_matrix(
            (np.ones(len(cols)), cols, ptr), shape=(n, len(keys)), dtype=np.float64
        )
        weighted = present.multiply(weight).tocsr()
        shared = np.asarray((weighted @ present.T).todense(), dtype=np.float64)
        mass = np.asarray(weighted.sum(axis=1), dtype=np.float64).ravel()
        smaller = np.minimum.outer(mass, mass)
        both = smaller > 0
        entities = np.divide(shared, smaller, out=np.zeros_like(shared), where=both)
        combined = np.where(both, TEXT_WEIGHT * text + (1 - TEXT_WEIGHT) * entities, text)
        days = np.array([day_of(f.published) for f in features], dtype=np.float64)
        with np.errstate(invalid="ignore"):
            apart = np.abs(np.subtract.outer(days, days)) > window_days
        combined[apart & (text < NEAR_COPY_TEXT)] = 0.0
        return np.clip(combined, 0.0, 1.0)


def pair_similarity(
    a: ArticleVector, b: ArticleVector, window_days: float = DEFAULT_WINDOW_DAYS
) -> float:
    """Similarity in [0, 1] of two articles vectorised by one :class:`SimilarityContext`."""
    return similarity_given_text(float(a.text.multiply(b.text).sum()), a, b, window_days)


def similarity_given_text(
    text: float, a: ArticleVector, b: ArticleVector, window_days: float = DEFAULT_WINDOW_DAYS
) -> float:
    """:func:`pair_similarity` from the two articles' text cosine, computed apart (for many
    pairs at once)."""
    combined = text
    mass_a, mass_b = sum(a.entities.values()), sum(b.entities.values())
    if mass_a > 0 and mass_b > 0:
        shared = sum(w for k, w in a.entities.items() if k in b.entities)
        combined = TEXT_WEIGHT * text + (1 - TEXT_WEIGHT) * shared / min(mass_a, mass_b)
    if abs(a.day - b.day) > window_days and text < NEAR_COPY_TEXT:
        combined = 0.0  # NaN (unknown day) compares False: no penalty
    return min(max(combined, 0.0), 1.0)


def threshold_for(similarity: float) -> float:
    """The linkage threshold for the user's knob (``similarity ** GAMMA``; see the module
    docstring)."""
    if not 0.0 <= similarity <= 1.0:  # also refuses NaN
        raise ConfigError(f"story similarity must be between 0 and 1, got {similarity}")
    return float(similarity**GAMMA)


def grouping_parameters(
    similarity: float = DEFAULT_SIMILARITY, window_days: float = DEFAULT_WINDOW_DAYS
) -> dict[str, Any]:
    """Everything that shaped a grouping, for the result to record."""
    return {
        "similarity": similarity,
        "threshold": threshold_for(similarity),
        "threshold_mapping": f"similarity ** {GAMMA:.4f}",
        "linkage": "average",
        "features": {
            "text": "tfidf cosine: word 1-2 grams, sublinear tf, english stop words, batch idf",
            "entities": "idf-weighted overlap coefficient of "
            + "/".join(sorted(ENTITY_LABELS))
            + " lemma keys",
            "text_weight": TEXT_WEIGHT,
        },
        "time_window_days": window_days,
        "near_copy_text": NEAR_COPY_TEXT,
    }


@dataclass(slots=True)
class StoryGrouper:
    """Streaming grouping: :meth:`add` places one article at a time, never revisiting earlier
    decisions (cheap, order-dependent); :func:`group_stories` is the batch form."""

    context: SimilarityContext
    similarity: float = DEFAULT_SIMILARITY
    window_days: float = DEFAULT_WINDOW_DAYS
    _members: list[list[ArticleVector]] = field(default_factory=list)

    def add(self, features: StoryFeatures) -> int:
        """Index of the story the article joined (a new index when it founds one)."""
        vector = self.context.vector(features)
        threshold = threshold_for(self.similarity)
        best, best_score = -1, -1.0
        for index, members in enumerate(self._members):
            score = sum(pair_similarity(vector, m, self.window_days) for m in members) / len(
                members
            )
            if score > best_score:
                best, best_score = index, score
        if best >= 0 and best_score >= threshold - _EPS:
            self._members[best].append(vector)
            return best
        self._members.append([vector])
        return len(self._members) - 1

    def groups(self) -> list[StoryGroup]:
        return [
            StoryGroup(tuple(v.article_id for v in members), members[0].article_id)
            for members in self._members
        ]


def group_stories(
    features: Sequence[StoryFeatures],
    *,
    similarity: float = DEFAULT_SIMILARITY,
    window_days: float = DEFAULT_WINDOW_DAYS,
    context: SimilarityContext | None = None,
) -> list[StoryGroup]:
    """Stories of a batch by average linkage, groups ordered by founder's input position.

    ``context`` defaults to one fitted on ``features``; the Spark runner passes the statistics
    of the whole corpus when it groups one connected block of it.

    Memory is quadratic in the batch (one float per pair); batches beyond tens of thousands
    of articles should go through :class:`StoryGrouper`.
    """
    threshold = threshold_for(similarity)
    ids = [f.article_id for f in features]
    if len(set(ids)) != len(ids):
        raise ValueError("article ids in a grouping batch must be unique")
    if len(features) < 2:
        return [StoryGroup((f.article_id,), f.article_id) for f in features]
    fitted = context if context is not None else SimilarityContext.fit(features)
    matrix = fitted.matrix(features, window_days)
    clustering = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        # sklearn merges while the linkage distance is strictly below this.
        distance_threshold=1.0 - threshold + _EPS,
    )
    distance = 1.0 - matrix
    np.fill_diagonal(distance, 0.0)
    labels = clustering.fit_predict(distance)
    members: dict[int, list[str]] = {}
    for article_id, label in zip(ids, labels, strict=True):
        members.setdefault(int(label), []).append(article_id)
    return [StoryGroup(tuple(group), group[0]) for group in members.values()]

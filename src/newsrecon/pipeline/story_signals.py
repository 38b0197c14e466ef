"""What incremental story assignment knows about one article, as plain arrays.

An :class:`ArticleSignals` holds hashed term counts (word 1-2 grams, English stop words out,
sublinear tf), hashed named-entity keys, an optional sentence embedding and the publication
day. Hashing (murmurhash3 for terms as scikit-learn's ``HashingVectorizer`` does it, CRC-32
for entity keys) rather than a fitted vocabulary is what lets a stream run without ever seeing
the whole corpus: document frequencies are kept per hash bucket by the index, and every
process hashes alike, so the same input gives the same signals anywhere (Spark workers too).

Two feature paths produce the same record: :func:`entity_keys_from_doc` takes spaCy's entities
(the full path that ``newsrecon ingest`` uses), :func:`light_entity_keys` takes capitalised
word runs from raw text (no parser: the benchmark's path at 100k articles).
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import HashingVectorizer
from spacy.tokens import Doc

from newsrecon.pipeline.stories import ENTITY_LABELS, day_of, entity_key

HASH_BITS = 20
BUCKETS = 1 << HASH_BITS

I32 = npt.NDArray[np.int32]
F32 = npt.NDArray[np.float32]

_HASHER = HashingVectorizer(
    n_features=BUCKETS,
    alternate_sign=False,
    norm=None,
    stop_words="english",
    ngram_range=(1, 2),
    dtype=np.float32,
)
# A capitalised word run not at the start of a sentence (where every word is capitalised).
# The leading look-ahead only fails fast where no capital starts (same matches, ~2x faster).
_CAPITALISED = re.compile(
    r"(?=[A-Z])(?<![.!?]\s)(?<!^)\b([A-Z][\w'-]+(?:\s+(?:of\s+)?[A-Z][\w'-]+)*)"
)
_LIGHT_STOP = frozenset({"the", "a", "an", "he", "she", "it", "they", "we", "i", "mr", "mrs"})


@dataclass(frozen=True, slots=True, eq=False)
class ArticleSignals:
    """``terms``/``tf``: hashed term buckets and sublinear term frequencies; ``entities``:
    hashed entity keys (unique); ``embedding``: a unit vector or None; ``day``: days since
    year 1 (NaN when unknown)."""

    article_id: str
    day: float
    terms: I32
    tf: F32
    entities: I32
    embedding: F32 | None = None


def day_number(published: datetime | date | str | None) -> float:
    """Days on one axis, as the batch grouping counts them; an ISO string is read first
    (unreadable: NaN, an unknown day)."""
    if isinstance(published, str):
        try:
            published = datetime.fromisoformat(published.replace("Z", "+00:00"))
        except ValueError:
            return math.nan
    return day_of(published)


def entity_hash(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) & (BUCKETS - 1)


def entity_keys_from_doc(doc: Doc) -> list[str]:
    keys = (entity_key(ent) for ent in doc.ents if ent.label_ in ENTITY_LABELS)
    return sorted({k for k in keys if k})


def light_entity_keys(text: str) -> list[str]:
    """Capitalised word runs (lowercased), a parser-free stand-in for named entities."""
    keys = set()
    for line in text.splitlines():
        for match in _CAPITALISED.finditer(line):
            key = match.group(1).lower()
            if key not in _LIGHT_STOP:
                keys.add(key)
    return sorted(keys)


def make_signals(
    article_ids: Sequence[str],
    days: Sequence[float],
    texts: Sequence[str],
    entities: Sequence[Iterable[str]],
    embeddings: F32 | None = None,
) -> list[ArticleSignals]:
    """Signals for a batch (one hashing pass over all texts: much faster than one by one)."""
    counts = _HASHER.transform(texts).tocsr()
    counts.sum_duplicates()
    out = []
    for i, article_id in enumerate(article_ids):
        start, end = counts.indptr[i], counts.indptr[i + 1]
        terms = counts.indices[start:end].astype(np.int32)
        tf = (1.0 + np.log(counts.data[start:end])).astype(np.float32)
        ents = np.unique(np.array([entity_hash(k) for k in entities[i]], dtype=np.int32))
        vector = None if embeddings is None else embeddings[i].astype(np.float32)
        if vector is not None and not np.any(vector):
            vector = None
        out.append(ArticleSignals(article_id, float(days[i]), terms, tf, ents, vector))
    return out

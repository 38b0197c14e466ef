"""How far the available features can take topic-level clustering on ECB+: an upper bound.

Run: ``python scripts/topic_ceiling.py ../shared/corpora/ecbplus/topics [--json]``

``newsrecon eval stories`` scores the streaming topic level at B-cubed F1 .914 against a goal of
.97. This script asks whether any clustering over the features this project can compute
offline reaches the goal when everything else is given away:

* the **threshold is chosen on the very documents scored** (the best of a grid), and the
  number of topics is also tried as given (``K``);
* at the ``stories`` level the gold **sub-topics are taken as perfect stories**, and only
  their centroids are grouped into topics (the work the topic layer does above the stories);
* every linkage (average, complete, single) and every feature below, alone and averaged.

Features (cosine similarities): ``text``, TF-IDF of the words (sublinear, English stop words);
``embedding``, MiniLM of the text (the model the pipeline ships); ``kind``, MiniLM of the text
with named-entity and number tokens removed (what is left says what *kind* of event it is);
``lemmas``, TF-IDF of the common nouns, verbs and adjectives outside entities; ``mean``, the
mean of the four. The best figure printed is a ceiling for these features, not a system: it
is tuned on what it scores.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from newsrecon.evaluation.clustering import bcubed
from newsrecon.evaluation.ecbplus import EcbDocument, load_ecbplus
from newsrecon.pipeline import nlp
from newsrecon.pipeline.embeddings import get_embedder

Matrix = npt.NDArray[np.float64]
LINKAGES = ("average", "complete", "single")
THRESHOLDS = tuple(round(float(t), 3) for t in np.arange(0.025, 0.9, 0.025))
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})


def tfidf_rows(texts: Sequence[str]) -> Matrix:
    """Unit rows (the vectorizer's own L2 norm)."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english")
    return np.asarray(vectorizer.fit_transform(texts).todense(), dtype=np.float64)


def centroids(rows: Matrix, groups: Sequence[str]) -> tuple[Matrix, list[str]]:
    """Unit mean rows of each group, and the group names in row order."""
    names = sorted(set(groups))
    at = {g: i for i, g in enumerate(names)}
    sums = np.zeros((len(names), rows.shape[1]))
    for row, group in zip(rows, groups, strict=True):
        sums[at[group]] += row
    return normalize(sums), names


def cluster(
    similarity: Matrix, linkage: str, *, threshold: float | None, k: int | None
) -> list[int]:
    """Agglomerative labels over ``1 - similarity``, cut at ``threshold`` or at ``k`` groups."""
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(
        n_clusters=k,
        metric="precomputed",
        linkage=linkage,
        distance_threshold=None if k is not None else 1.0 - float(threshold or 0.0),
    )
    return [int(x) for x in model.fit_predict(distance)]


def best_cut(
    similarity: Matrix, linkage: str, score: Callable[[Sequence[int]], float], k: int
) -> dict[str, float]:
    """F1 at ``k`` groups and at the best threshold of :data:`THRESHOLDS` (ties: the lower)."""
    at_k = score(cluster(similarity, linkage, threshold=None, k=k))
    best_f1, best_t = -1.0, THRESHOLDS[0]
    for t in THRESHOLDS:
        f1 = score(cluster(similarity, linkage, threshold=t, k=None))
        if f1 > best_f1:
            best_f1, best_t = f1, t
    return {"k": at_k, "best": best_f1, "threshold": best_t}


def feature_rows(docs: Sequence[EcbDocument]) -> dict[str, Matrix]:
    texts = [d.text for d in docs]
    kind_texts, lemma_texts = [], []
    for parsed in nlp.parse(texts):
        kind_texts.append(" ".join(t.text for t in parsed if not t.ent_type_ and not t.like_num))
        lemma_texts.append(
            " ".join(
                t.lemma_.lower()
                for t in parsed
                if t.pos_ in _CONTENT_POS and not t.ent_type_ and t.is_alpha and not t.is_stop
            )
        )
    embed = get_embedder().embed
    return {
        "text": tfidf_rows(texts),
        "embedding": normalize(np.asarray(embed(texts), dtype=np.float64)),
        "kind": normalize(np.asarray(embed(kind_texts), dtype=np.float64)),
        "lemmas": tfidf_rows(lemma_texts),
    }


def similarities(rows: Mapping[str, Matrix]) -> dict[str, Matrix]:
    sims = {name: x @ x.T for name, x in rows.items()}
    sims["mean"] = np.mean(np.stack(list(sims.values())), axis=0)
    return sims


def ceiling(docs: Sequence[EcbDocument]) -> dict[str, object]:
    gold = {d.name: d.topic for d in docs}
    k = len(set(gold.values()))
    rows = feature_rows(docs)
    subtopics = [d.subtopic for d in docs]
    central = {name: centroids(x, subtopics) for name, x in rows.items()}
    names = next(iter(central.values()))[1]
    row_of = {s: i for i, s in enumerate(names)}

    def article_score(labels: Sequence[int]) -> float:
        return bcubed({d.name: str(x) for d, x in zip(docs, labels, strict=True)}, gold).f1

    def story_score(labels: Sequence[int]) -> float:
        return bcubed({d.name: str(labels[row_of[d.subtopic]]) for d in docs}, gold).f1

    levels = {
        "articles": (similarities(rows), article_score),
        "stories": (similarities({n: c for n, (c, _) in central.items()}), story_score),
    }
    table: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    for level, (sims, score) in levels.items():
        for feature, sim in sims.items():
            for linkage in LINKAGES:
                cell = best_cut(sim, linkage, score, k)
                table.setdefault(level, {}).setdefault(feature, {})[linkage] = cell
    best = max(
        (cell["best"], level, feature, linkage)
        for level, features in table.items()
        for feature, linkages in features.items()
        for linkage, cell in linkages.items()
    )
    return {
        "documents": len(docs),
        "topics": k,
        "table": table,
        "ceiling": {"b3_f1": best[0], "level": best[1], "feature": best[2], "linkage": best[3]},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = ceiling(load_ecbplus(args.directory))
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"{result['documents']} documents, {result['topics']} topics; topic B-cubed F1")
    print("level     feature    linkage   K given  best threshold")
    table = result["table"]
    assert isinstance(table, dict)
    for level, features in table.items():
        for feature, linkages in features.items():
            for linkage, cell in linkages.items():
                print(
                    f"{level:9s} {feature:10s} {linkage:9s} {cell['k']:.3f}    "
                    f"{cell['best']:.3f} at {cell['threshold']:.3f}"
                )
    print("ceiling:", json.dumps(result["ceiling"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

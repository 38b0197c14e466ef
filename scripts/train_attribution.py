"""Train the attribution cue model ``pipeline/data/cue_model.json`` from PolNeAR *train* only.

Run: ``python scripts/train_attribution.py ../shared/corpora/polnear/data/train [CACHE.spacy]``

Every token whose part of speech can head a cue is an example; it is positive when it heads an
annotated cue span (the token of the span whose syntactic head lies outside it) in the
document's first annotator file (read by :func:`newsrecon.evaluation.polnear.load_polnear`).
Features come from :func:`newsrecon.pipeline.quotes.cues.token_features`, the function the
extractor applies, so training and use cannot drift apart. A logistic regression
(scikit-learn) is fitted; its regularisation and the decision threshold are chosen on a
held-out fifth of the *train* documents (best F1 with precision at least recall), then the
model is refitted on all of train and its weights of magnitude at least ``MIN_WEIGHT`` are
written as JSON: general English words and tags, no corpus text.
The optional cache file is a spaCy DocBin of the split's parses in sorted text order, to skip
re-parsing during development.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, DocBin

from newsrecon.evaluation.polnear import Fragments, PolnearDocument, load_polnear
from newsrecon.pipeline.nlp import get_pipeline, parse
from newsrecon.pipeline.quotes.cues import CANDIDATE_POS, MODEL_FILE, token_features
from newsrecon.pipeline.quotes.marks import quote_regions

OUT = Path(__file__).resolve().parents[1] / "src/newsrecon/pipeline/data" / MODEL_FILE
MIN_FEATURE_COUNT = 3
# Weights smaller than this change no decision in practice; dropping them keeps the file small.
MIN_WEIGHT = 0.02
Example = tuple[list[str], int]


def cue_heads(doc: Doc, spans: Iterable[Fragments]) -> set[int]:
    heads: set[int] = set()
    for frags in spans:
        ids: set[int] = set()
        for start, end in frags:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                ids.update(t.i for t in span)
        for i in sorted(ids):
            if doc[i].head.i not in ids or doc[i].head.i == i:
                heads.add(i)
                break
    return heads


def examples(doc: Doc, positives: set[int]) -> list[Example]:
    regions = quote_regions(doc.text)

    def in_quote(at: int) -> bool:
        return any(r.start <= at < r.end for r in regions)

    return [
        (list(token_features(tok, in_quote(tok.idx))), int(tok.i in positives))
        for tok in doc
        if tok.pos_ in CANDIDATE_POS
    ]


def matrix(rows: list[Example], vocab: dict[str, int]) -> tuple[csr_matrix, np.ndarray]:
    indptr, indices = [0], []
    for feats, _ in rows:
        indices.extend(sorted({vocab[f] for f in feats if f in vocab}))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    x = csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))
    return x, np.array([y for _, y in rows])


def best_threshold(probs: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    best = (0.5, 0.0)
    for threshold in np.arange(0.2, 0.8, 0.02):
        pred = probs >= threshold
        hit = float((pred & (gold == 1)).sum())
        p = hit / max(1, pred.sum())
        r = hit / max(1, (gold == 1).sum())
        f = 2 * p * r / (p + r) if p + r else 0.0
        if p >= r and f > best[1]:
            best = (float(threshold), f)
    return best


def parsed_split(directory: Path, cache: Path | None) -> tuple[list[PolnearDocument], list[Doc]]:
    """The split's documents and their parses (read from ``cache``, a DocBin in the loader's
    order, when given: parsing the train split takes minutes)."""
    documents = load_polnear(directory)
    if cache is not None:
        docs = list(DocBin().from_bytes(cache.read_bytes()).get_docs(get_pipeline().vocab))
    else:
        docs = list(parse(d.text for d in documents))
    return documents, docs


def held_out(count: int) -> set[int]:
    """The fifth of the documents every attribution trainer holds out (the same fifth, so
    one model's held-out figures never saw another's training documents)."""
    order = list(range(count))
    random.Random(13).shuffle(order)
    return set(order[: count // 5])


def main(directory: Path, cache: Path | None) -> None:
    documents, docs = parsed_split(directory, cache)
    per_doc = [
        examples(doc, cue_heads(doc, d.annotations[0].cue))
        for d, doc in zip(documents, docs, strict=True)
    ]
    held = held_out(len(per_doc))
    fit_rows = [e for i, d in enumerate(per_doc) if i not in held for e in d]
    held_rows = [e for i, d in enumerate(per_doc) if i in held for e in d]
    best: tuple[float, float, float] = (1.0, 0.5, -1.0)
    for c in (0.1, 0.3, 1.0):
        vocab = _vocab(fit_rows)
        model = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
        model.fit(*matrix(fit_rows, vocab))
        x_held, y_held = matrix(held_rows, vocab)
        threshold, f = best_threshold(model.predict_proba(x_held)[:, 1], y_held)
        print(f"C={c}: held-out cue-head F1 {f:.3f} at threshold {threshold:.2f}")
        if f > best[2]:
            best = (c, threshold, f)
    rows = fit_rows + held_rows
    vocab = _vocab(rows)
    model = LogisticRegression(C=best[0], max_iter=2000, solver="liblinear")
    model.fit(*matrix(rows, vocab))
    weights = {f: round(float(model.coef_[0][i]), 4) for f, i in vocab.items()}
    weights = {f: w for f, w in weights.items() if abs(w) >= MIN_WEIGHT}
    weights["b"] = round(weights.get("b", 0.0) + float(model.intercept_[0]), 4)
    OUT.write_text(
        json.dumps(
            {
                "about": "attribution cue heads, logistic regression on PolNeAR train "
                "(scripts/train_attribution.py)",
                "C": best[0],
                "threshold": round(best[1], 2),
                "held_out_f1": round(best[2], 4),
                "weights": dict(sorted(weights.items())),
            },
            indent=0,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(weights)} weights to {OUT} (C={best[0]}, threshold {best[1]:.2f})")


def _vocab(rows: list[Example]) -> dict[str, int]:
    counts: Counter[str] = Counter(f for feats, _ in rows for f in set(feats))
    kept = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)
    return {f: i for i, f in enumerate(kept)}


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)

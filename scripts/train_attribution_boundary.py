"""Train the source boundary model ``pipeline/data/source_boundary.json`` from PolNeAR *train*.

Run: ``python scripts/train_attribution_boundary.py ../shared/corpora/polnear/data/train [CACHE]``
(CACHE: a spaCy DocBin of the split's parses in sorted text order, as for the other scripts).

1. Candidates are generated as the extractor does (the packaged cue model at a low threshold);
   those crediting a cue verb's subject are examples (which subjects they are does not depend
   on the boundary model, only where their phrases end).
2. Where a gold source (any annotator file, one fragment) holds the subject's head word, each
   dependent of the head (:func:`newsrecon.pipeline.quotes.boundary.judged_children`, nearest
   first, up to the first one outside) is labelled: inside the gold source, or outside it.
   Dependents that straddle its edge teach nothing and are skipped.
3. A logistic regression (scikit-learn) is fitted on four fifths of the documents (the split
   the other scripts use); its regularisation and threshold are chosen on the held-out fifth
   by the share of sources matching a gold source exactly, printed beside the whole-subtree
   rule's; then it is refitted on all of train and written as JSON.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import train_attribution as cue_training
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc
from train_attribution_filter import LOW_CUE  # the same candidates as the filter learns from

from newsrecon.evaluation.polnear import PolnearDocument
from newsrecon.pipeline.quotes import candidates
from newsrecon.pipeline.quotes.boundary import (
    MODEL_FILE,
    BoundaryModel,
    child_features,
    judged_children,
)

OUT = Path(__file__).resolve().parents[1] / "src/newsrecon/pipeline/data" / MODEL_FILE
# Routes whose source is the cue verb's subject phrase (read by ``_source_range``).
SUBJECT_ROUTES = ("comp", "adjacent", "passive", "host", "object", "as", "rest", "host-")
Example = tuple[list[str], int]
# (gold source, subject head, cue verb) per candidate
Case = tuple[tuple[int, int], int, int]


def cases(doc: Doc, gold: PolnearDocument) -> list[Case]:
    """Candidates crediting a subject whose head lies in a one-fragment gold source."""
    spans: list[tuple[int, int]] = [
        a.source[0] for file in gold.attributions for a in file if len(a.source) == 1
    ]
    found, _ = candidates.raw_candidates(doc, cue_threshold=LOW_CUE)
    out: list[Case] = []
    for c in found:
        if c.source_head < 0 or c.cue_token < 0 or not c.route.startswith(SUBJECT_ROUTES):
            continue
        head = doc[c.source_head]
        hit = [s for s in spans if s[0] <= head.idx < s[1]]
        if hit:
            out.append((hit[0], c.source_head, c.cue_token))
    return out


def examples(doc: Doc, case: Case) -> list[Example]:
    (start, end), h, v = case
    head, verb = doc[h], doc[v]
    rows: list[Example] = []
    for side in judged_children(head, verb):
        for rank, child in enumerate(side):
            words = [t for t in child.subtree if not t.is_punct]
            inside = [start <= t.idx and t.idx + len(t.text) <= end for t in words]
            if all(inside):
                rows.append((list(child_features(head, child, verb, rank)), 1))
            elif not any(inside):
                rows.append((list(child_features(head, child, verb, rank)), 0))
                break
            else:
                break
    return rows


def exact_share(doc_cases: list[tuple[Doc, list[Case]]], model: BoundaryModel | None) -> float:
    """Share of cases whose computed source equals the gold source after edge trimming."""
    hits = total = 0
    for doc, found in doc_cases:
        for gold, h, v in found:
            total += 1
            hits += candidates.source_range(doc[h], doc[v], {}, model) == gold
    return hits / max(1, total)


def matrix(rows: list[Example], vocab: dict[str, int]) -> tuple[csr_matrix, np.ndarray]:
    indptr, indices = [0], []
    for feats, _ in rows:
        indices.extend(sorted({vocab[f] for f in feats if f in vocab}))
        indptr.append(len(indices))
    x = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocab)))
    return x, np.array([y for _, y in rows])


def fit(rows: list[Example], c_value: float) -> BoundaryModel:
    counts: Counter[str] = Counter(f for feats, _ in rows for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= 3))}
    lr = LogisticRegression(C=c_value, max_iter=3000, solver="liblinear")
    lr.fit(*matrix(rows, vocab))
    weights = {f: round(float(lr.coef_[0][i]), 4) for f, i in vocab.items()}
    weights = {f: w for f, w in weights.items() if abs(w) >= 0.01}
    weights["b"] = round(weights.get("b", 0.0) + float(lr.intercept_[0]), 4)
    return BoundaryModel(weights, 0.5)


def main(directory: Path, cache: Path | None) -> None:
    documents, parsed = cue_training.parsed_split(directory, cache)
    per_doc = [(doc, cases(doc, d)) for doc, d in zip(parsed, documents, strict=True)]
    rows = [[e for case in found for e in examples(doc, case)] for doc, found in per_doc]
    held = cue_training.held_out(len(documents))
    fit_rows = [e for i, r in enumerate(rows) if i not in held for e in r]
    held_cases = [per_doc[i] for i in sorted(held)]
    base = exact_share(held_cases, None)
    print(f"held-out: {sum(len(f) for _, f in held_cases)} sources, subtree rule exact {base:.3f}")
    best: tuple[float, float, float] = (base, 0.0, 0.0)
    for c_value in (0.1, 0.3, 1.0):
        model = fit(fit_rows, c_value)
        for threshold in (0.3, 0.4, 0.5, 0.6):
            share = exact_share(held_cases, BoundaryModel(model.weights, threshold))
            print(f"C={c_value} threshold {threshold}: exact {share:.3f}", flush=True)
            if share > best[0]:
                best = (share, c_value, threshold)
    if best[1] == 0.0:
        print("no model beats the subtree rule; nothing written")
        return
    share, c_value, threshold = best
    model = fit([e for r in rows for e in r], c_value)
    OUT.write_text(
        json.dumps(
            {
                "about": "source boundary (which dependents of the source head stay), logistic "
                "regression on PolNeAR train (scripts/train_attribution_boundary.py)",
                "C": c_value,
                "threshold": threshold,
                "held_out_exact": round(share, 4),
                "subtree_rule_exact": round(base, 4),
                "weights": dict(sorted(model.weights.items())),
            },
            indent=0,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(model.weights)} weights to {OUT} (C={c_value}, threshold {threshold})")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)

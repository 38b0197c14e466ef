"""``newsrecon eval consistency`` and ``newsrecon eval conflicts``: the claim comparison
machinery scored on SummEdits and on the generated conflict benchmark, each beside a simple
baseline run on the same pairs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from spacy.tokens import Doc

from newsrecon.evaluation.conflict_bench import PER_KIND, generate
from newsrecon.evaluation.metrics import Counts
from newsrecon.evaluation.summedits import load_summedits, score_binary
from newsrecon.pipeline import nlp
from newsrecon.pipeline.claims.align import WEAK, link_score
from newsrecon.pipeline.claims.check import consistency, facts_with_vectors, statement_facts
from newsrecon.pipeline.claims.compare import compare_facts
from newsrecon.pipeline.claims.facts import Fact, article_facts
from newsrecon.pipeline.embeddings import get_embedder


def _parser() -> Callable[[Iterable[str]], dict[str, Doc]]:
    def parse(texts: Iterable[str]) -> dict[str, Doc]:
        unique = list(dict.fromkeys(texts))
        return dict(zip(unique, nlp.parse(unique), strict=True))

    return parse


def evaluate_consistency(path: Path) -> dict[str, object]:
    """Balanced accuracy, precision and recall of catching inconsistent summaries (positive
    class: inconsistent), beside the majority-class baseline."""
    pairs = load_summedits(path)
    parse = _parser()
    docs = parse(p.doc for p in pairs)
    summaries = parse(p.summary for p in pairs)
    doc_cache: dict[str, tuple[list[Fact], object]] = {}
    predicted: list[bool] = []
    for pair in pairs:
        if pair.doc not in doc_cache:
            doc_cache[pair.doc] = facts_with_vectors(
                [f for f in article_facts("doc", "", docs[pair.doc], None) if not f.part]
            )
        doc_facts, doc_vectors = doc_cache[pair.doc]
        summary_facts, summary_vectors = facts_with_vectors(
            statement_facts(summaries[pair.summary])
        )
        ok, _ = consistency(
            summary_facts,
            summary_vectors,
            pair.doc,
            doc_facts,
            doc_vectors,  # type: ignore[arg-type]
            (summaries[pair.summary], docs[pair.doc]),
        )
        predicted.append(not ok)
    gold = [not p.consistent for p in pairs]
    majority = sum(gold) * 2 >= len(gold)
    baseline = score_binary(gold, [majority] * len(gold))
    ours = score_binary(gold, predicted)
    return {
        **ours.as_dict(),
        "baseline": {**baseline.as_dict(), "system": "majority class"},
        "pairs": len(pairs),
        "inconsistent": sum(gold),
    }


_DIGITS = re.compile(r"\d[\d,.]*")


def pair_conflict(left: Doc, right: Doc) -> tuple[bool, float]:
    """(the two texts conflict, their best sentence similarity): any aligned sentence pair
    with a typed disagreement, as the claims stage finds them."""
    a = [f for f in article_facts("L", "left", left, None) if not f.part]
    b = [f for f in article_facts("R", "right", right, None) if not f.part]
    if not a or not b:
        return False, 0.0
    va, vb = get_embedder().embed([f.text for f in a]), get_embedder().embed([f.text for f in b])
    sims = va @ vb.T
    conflict = False
    for i, fa in enumerate(a):
        for j, fb in enumerate(b):
            if link_score(float(sims[i, j]), fa, fb) > 0 and compare_facts(fa, fb):
                conflict = True
    return conflict, float(sims.max())


def evaluate_conflicts(directory: Path, per_kind: int = PER_KIND) -> dict[str, object]:
    """Conflict precision and recall on pairs generated from ``directory`` (fixed seed),
    beside the naive baseline: similar sentences (cosine >= 0.55) whose numbers differ."""
    pairs = generate(directory, per_kind)
    parse = _parser()
    docs = parse([p.left for p in pairs] + [p.right for p in pairs])
    gold = [p.conflict for p in pairs]
    ours: list[bool] = []
    naive: list[bool] = []
    for pair in pairs:
        found, similarity = pair_conflict(docs[pair.left], docs[pair.right])
        ours.append(found)
        numbers_differ = set(_DIGITS.findall(pair.left)) != set(_DIGITS.findall(pair.right))
        naive.append(similarity >= WEAK and numbers_differ)
    by_kind: dict[str, dict[str, float | int]] = {}
    for kind in sorted({p.kind for p in pairs}):
        idx = [i for i, p in enumerate(pairs) if p.kind == kind]
        flagged = sum(ours[i] for i in idx)
        by_kind[kind] = {
            "pairs": len(idx),
            "flagged": flagged,
            "rate": round(flagged / len(idx), 4),
        }
    return {
        **_prf(gold, ours),
        "baseline": {**_prf(gold, naive), "system": "any differing number in similar sentences"},
        "pairs": len(pairs),
        "by_kind": by_kind,
    }


def _prf(gold: list[bool], predicted: list[bool]) -> dict[str, float]:
    pairs = list(zip(gold, predicted, strict=True))
    scores = Counts(
        sum(g and p for g, p in pairs),
        sum(p and not g for g, p in pairs),
        sum(g and not p for g, p in pairs),
    ).prf()
    return {
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
    }

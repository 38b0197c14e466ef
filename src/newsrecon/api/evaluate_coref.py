"""``newsrecon eval coref``: cross-document entity coreference on ECB+ or MEANTIME, ours on gold
and on predicted mentions beside the same-head-lemma baseline, plus NER span F1 per type."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.tokens import Doc

from newsrecon.errors import ConfigError
from newsrecon.evaluation.coref_cluster import document_groups
from newsrecon.evaluation.coref_corpora import CorefDocument, load_ecbplus, load_meantime
from newsrecon.evaluation.coref_metrics import CorefScores, score
from newsrecon.evaluation.coref_systems import (
    Clusters,
    gold_clusters,
    gold_span,
    resolve_gold,
    resolve_predicted,
    same_head_lemma,
)
from newsrecon.evaluation.metrics import PRF, Counts
from newsrecon.pipeline.entities.mentions import doc_mentions
from newsrecon.pipeline.nlp import parse

LOADERS: dict[str, Callable[[Path], list[CorefDocument]]] = {
    "ecbplus": load_ecbplus,
    "meantime": load_meantime,
}
System = Callable[[Sequence[CorefDocument], dict[str, Doc]], Clusters]
# Our fine types folded into the coarse classes both corpora annotate.
_COARSE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def _prf(p: PRF) -> dict[str, float]:
    return {"precision": round(p.precision, 4), "recall": round(p.recall, 4), "f1": round(p.f1, 4)}


def _block(s: CorefScores) -> dict[str, object]:
    return {
        "muc": _prf(s.muc),
        "b3": _prf(s.b3),
        "ceafe": _prf(s.ceafe),
        "conll": round(s.conll, 4),
    }


def _run(topics: dict[str, list[CorefDocument]], docs: dict[str, Doc], system: System) -> Clusters:
    out: Clusters = []
    for topic in sorted(topics):
        out.extend(system(topics[topic], docs))
    return out


def ner_scores(documents: Sequence[CorefDocument], docs: dict[str, Doc]) -> dict[str, object]:
    """Span F1 of our named mentions against the gold mentions headed by a proper noun, by
    coarse type; a match is the same head token and the same type. Only sentences holding a
    gold mention count (both corpora annotate selected sentences)."""
    counts: dict[str, Counts] = defaultdict(lambda: Counts(0, 0, 0))
    for d in documents:
        doc = docs[d.id]
        gold: set[tuple[int, str]] = set()
        annotated: set[int] = set()
        for g in d.mentions:
            span = gold_span(doc, g)
            if span is not None and len(span):
                annotated.add(span.root.sent.start)
            coarse = _COARSE.get(g.type)
            if span is not None and len(span) and span.root.pos_ == "PROPN" and coarse:
                gold.add((span.root.i, coarse))
        predicted: set[tuple[int, str]] = set()
        for m in doc_mentions(d.id, doc):
            span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            coarse = _COARSE.get(m.type)
            if span is not None and len(span) and coarse and span.root.sent.start in annotated:
                predicted.add((span.root.i, coarse))
        for coarse in ("PERSON", "ORG", "LOC"):
            g_set = {k for k in gold if k[1] == coarse}
            p_set = {k for k in predicted if k[1] == coarse}
            tp = len(g_set & p_set)
            counts[coarse] = counts[coarse] + Counts(tp, len(p_set) - tp, len(g_set) - tp)
    total = Counts(0, 0, 0)
    out: dict[str, object] = {}
    for coarse, c in sorted(counts.items()):
        out[coarse] = _prf(c.prf())
        total = total + c
    out["all"] = _prf(total.prf())
    return out


def evaluate_coref(directory: Path, fmt: str) -> dict[str, object]:
    """Scores on every document of ``directory`` in layout ``fmt`` (ecbplus or meantime)."""
    loader = LOADERS.get(fmt)
    if loader is None:
        raise ConfigError(f"--format {fmt}: expected one of {', '.join(sorted(LOADERS))}")
    documents = loader(directory)
    docs = dict(zip((d.id for d in documents), parse(d.text for d in documents), strict=True))
    topics: dict[str, list[CorefDocument]] = defaultdict(list)
    for d in documents:
        topics[d.topic].append(d)
    key = gold_clusters(documents)
    groups = document_groups(docs)
    return {
        "gold": _block(score(key, resolve_gold(documents, docs, groups))),
        "predicted": _block(score(key, resolve_predicted(documents, docs, groups))),
        "baseline": _block(score(key, _run(topics, docs, same_head_lemma))),
        "ner": ner_scores(documents, docs),
        "documents": len(documents),
        "mentions": sum(len(d.mentions) for d in documents),
        "predicted_mention_matching": "same document and same head token as a gold mention; "
        "predicted mentions from annotated sentences only (those with a gold mention)",
        "document_groups": {
            "stories": len(set(groups.stories.values())),
            "topics": len(set(groups.topics.values())),
        },
        "system": "head lemma within predicted story groups (no gold topics), type, number "
        "and modifier conflicts block, time expressions by all their words, pronouns to "
        "a compatible antecedent (relative pronouns to their noun, first person to the "
        "speaker), appositions and role nouns, given names in their document, name rules "
        "(demonyms, acronyms) across the stories of a predicted topic",
        "baseline_system": "same head lemma within each gold topic",
    }

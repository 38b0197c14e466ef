"""The systems scored by ``newsrecon eval coref``: newsrecon's clustering on gold mentions and
on its own predicted mentions, and the same-head-lemma baseline.

Gold-mention runs give the resolver the corpus's mention spans and coarse types, nothing else
(no chain ids, no topics): documents are grouped by the project's story grouping over the
whole corpus (:mod:`newsrecon.evaluation.coref_cluster`). The baseline runs per gold topic.

Predicted mentions are the model's named entities (the ``entities`` stage's mentions), its
date/time entities, spaCy's noun chunks and pronouns; a predicted mention stands for the gold
mention of the same document with the same syntactic head token (spaCy's root of each span),
others are extra mentions that cost precision. Both corpora annotate only some sentences of
an article (ECB+ its selected sentences), so, as ECB+ evaluations do, predicted mentions are
taken from the annotated sentences only: those holding at least one gold entity mention.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsrecon.evaluation.coref_cluster import (
    CorefConfig,
    CorefItem,
    DocumentGroups,
    cluster_mentions,
)
from newsrecon.evaluation.coref_corpora import CorefDocument, GoldMention
from newsrecon.pipeline.entities.lexicon import PERSON_PRONOUNS
from newsrecon.pipeline.entities.mentions import doc_mentions

Clusters = list[list[Hashable]]
# spaCy entity labels folded into the types both corpora's loaders use.
_TYPES = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "FAC",
    "NORP": "ORG",
    "PRODUCT": "THING",
    "DATE": "TIME",
    "TIME": "TIME",
}


def gold_span(doc: Doc, mention: GoldMention) -> SpacySpan | None:
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def gold_clusters(documents: Sequence[CorefDocument]) -> Clusters:
    chains: dict[str, list[Hashable]] = defaultdict(list)
    for d in documents:
        for m in d.mentions:
            chains[m.chain].append(m.id)
    return list(chains.values())


def resolve_gold(
    documents: Sequence[CorefDocument],
    docs: dict[str, Doc],
    groups: DocumentGroups,
    config: CorefConfig | None = None,
) -> Clusters:
    """Our clustering over the gold mentions of the whole corpus."""
    items = []
    for d in documents:
        for g in d.mentions:
            span = gold_span(docs[d.id], g)
            if span is not None and len(span):
                items.append(CorefItem(g.id, d.id, span, g.type))
    return cluster_mentions(items, groups, config)


PREDICTED_KINDS = frozenset({"names", "times", "chunks", "pronouns"})


def predicted_spans(
    article_id: str, doc: Doc, kinds: frozenset[str] = PREDICTED_KINDS
) -> list[tuple[SpacySpan, str]]:
    """Mention candidates of one parse with a type ("" when unknown), one per head token:
    named entities first (they carry a type), then dates, noun chunks and pronouns."""
    out: dict[int, tuple[SpacySpan, str]] = {}
    for m in doc_mentions(article_id, doc) if "names" in kinds else ():
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is not None and len(span):
            out.setdefault(span.root.i, (span, _TYPES.get(m.type, "")))
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME") and "times" in kinds:
            out.setdefault(ent.root.i, (ent, "TIME"))
    for chunk in doc.noun_chunks:
        root = chunk.root
        pronoun = root.pos_ == "PRON"
        if ("pronouns" if pronoun else "chunks") not in kinds:
            continue
        label = _TYPES.get(root.ent_type_, "")
        if root.lower_ in PERSON_PRONOUNS:
            label = "PERSON"
        out.setdefault(root.i, (chunk, label))
    return [out[i] for i in sorted(out)]


def resolve_predicted(
    documents: Sequence[CorefDocument],
    docs: dict[str, Doc],
    groups: DocumentGroups,
    config: CorefConfig | None = None,
    kinds: frozenset[str] = PREDICTED_KINDS,
) -> Clusters:
    """Our mentions and clustering; a mention on a gold mention's head token takes its id."""
    items = []
    for d in documents:
        doc = docs[d.id]
        heads: dict[int, str] = {}
        annotated: set[int] = set()
        for g in d.mentions:
            span = gold_span(doc, g)
            if span is not None and len(span):
                heads.setdefault(span.root.i, g.id)
                annotated.add(span.root.sent.start)
        for span, type_ in predicted_spans(d.id, doc, kinds):
            if span.root.sent.start not in annotated:
                continue
            mention_id = heads.get(span.root.i, f"{d.id}#pred{span.start_char}-{span.end_char}")
            items.append(CorefItem(mention_id, d.id, span, type_))
    return cluster_mentions(items, groups, config)


def same_head_lemma(topic: Sequence[CorefDocument], docs: dict[str, Doc]) -> Clusters:
    """Baseline: gold mentions of a topic with the same head lemma are one entity."""
    by_lemma: dict[str, list[Hashable]] = defaultdict(list)
    for d in topic:
        for g in d.mentions:
            span = gold_span(docs[d.id], g)
            lemma = span.root.lemma_.lower() if span is not None and len(span) else g.id
            by_lemma[lemma].append(g.id)
    return list(by_lemma.values())

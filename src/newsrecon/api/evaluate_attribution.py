"""``newsrecon eval attribution``: newsrecon's attributions against PolNeAR, beside the
quotation-mark baseline, scored PARC-style (see :mod:`newsrecon.evaluation.polnear`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc

from newsrecon.evaluation.polnear import (
    AttributionSpans,
    add_tables,
    empty_table,
    load_polnear,
    score_document,
    spans_from_triples,
    table_as_dict,
)
from newsrecon.pipeline.nlp import parse
from newsrecon.pipeline.quotes.baseline import baseline_candidates
from newsrecon.pipeline.quotes.candidates import Candidate, candidates

System = Callable[[Doc], list[Candidate]]


def _spans(text: str, found: list[Candidate]) -> AttributionSpans:
    return spans_from_triples(
        text,
        (
            ([c.source] if c.source else None, [c.cue] if c.cue else None, list(c.parts))
            for c in found
        ),
    )


def evaluate_attribution(directory: Path) -> dict[str, object]:
    """Scores of newsrecon's attribution extraction and of the baseline on every annotated
    document under ``directory`` (raises ``CorpusError`` for a wrong layout)."""
    documents = load_polnear(directory)
    ours, base = empty_table(), empty_table()
    for doc, parsed in zip(documents, parse(d.text for d in documents), strict=True):
        ours = add_tables(ours, score_document(doc, _spans(doc.text, candidates(parsed))))
        base = add_tables(base, score_document(doc, _spans(doc.text, baseline_candidates(parsed))))
    return {
        **table_as_dict(ours),
        "baseline": table_as_dict(base),
        "documents": len(documents),
        "annotator_rule": "each annotator file scored separately, document counts averaged",
    }

"""``newsrecon eval attribution``: newsrecon's attributions against PolNeAR, beside the
quotation-mark baseline, scored PARC-style (see :mod:`newsrecon.evaluation.polnear`), and the
annotators' own agreement on the documents several of them marked, with newsrecon scored on
those same documents (see :mod:`newsrecon.evaluation.polnear_agreement`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.tokens import Doc

from newsrecon.errors import CorpusError
from newsrecon.evaluation.polnear import (
    AttributionSpans,
    add_tables,
    empty_table,
    load_polnear,
    score_document,
    spans_from_triples,
    table_as_dict,
)
from newsrecon.evaluation.polnear_agreement import consensus, pairwise, shared, vote_levels
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


def evaluate_attribution(
    directories: Path | Sequence[Path], *, shared_only: bool = False
) -> dict[str, object]:
    """Scores of newsrecon's attribution extraction and of the baseline on every annotated
    document under ``directories`` (splits pooled; only the documents several annotators
    marked if ``shared_only``), and the annotators' agreement; raises ``CorpusError`` for a
    wrong layout."""
    folders = [directories] if isinstance(directories, Path) else list(directories)
    documents = [doc for folder in folders for doc in load_polnear(folder)]
    if shared_only:
        documents = shared(documents)
        if not documents:
            named = ", ".join(str(f) for f in folders)
            raise CorpusError(f"{named}: no document has several annotator files")
    ours, base, ours_shared = empty_table(), empty_table(), empty_table()
    for doc, parsed in zip(documents, parse(d.text for d in documents), strict=True):
        scored = score_document(doc, _spans(doc.text, candidates(parsed)))
        ours = add_tables(ours, scored)
        if len(doc.annotations) > 1:
            ours_shared = add_tables(ours_shared, scored)
        base = add_tables(base, score_document(doc, _spans(doc.text, baseline_candidates(parsed))))
    return {
        **table_as_dict(ours),
        "baseline": table_as_dict(base),
        "documents": len(documents),
        "annotator_rule": "each annotator file scored separately, document counts averaged",
        "annotators": {
            "documents": len(shared(documents)),
            "pairwise": table_as_dict(pairwise(documents)),
            "consensus": {
                str(votes): table_as_dict(consensus(documents, votes))
                for votes in vote_levels(documents)
            },
            "newsrecon": table_as_dict(ours_shared),
        },
    }

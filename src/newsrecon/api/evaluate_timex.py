"""``newsrecon eval timex``: our temporal expressions against a TimeML corpus, beside the
dateparser baseline, scored as TempEval-3 scores them (see
:mod:`newsrecon.evaluation.timex_scoring`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from spacy.tokens import Doc

from newsrecon.evaluation.metrics import PRF
from newsrecon.evaluation.timeml import TimeMLDocument, load_timeml
from newsrecon.evaluation.timex_scoring import (
    EMPTY,
    SpanValue,
    TimexCounts,
    TimexScores,
    baseline_timexes,
    score_timexes,
    summarise,
    without_span,
)
from newsrecon.pipeline.nlp import get_pipeline
from newsrecon.pipeline.timex import find_timexes

System = Callable[[str, date | datetime | None], Sequence[SpanValue]]


def score_system(documents: Sequence[TimeMLDocument], system: System) -> TimexScores:
    """Micro-averaged scores of ``system`` over ``documents``, each anchored at its DCT."""
    total: TimexCounts = EMPTY
    for doc in documents:
        found = without_span(system(doc.text, doc.dct), doc.dct_span)
        total = total + score_timexes(doc.timexes, found)
    return summarise(total, len(documents))


def parsed_system(documents: Sequence[TimeMLDocument]) -> System:
    """:func:`find_timexes` given the project pipeline's parse of each document, as the
    story stages give it theirs (the parse decides the tense of bare weekdays and months)."""
    nlp = get_pipeline()
    texts = [doc.text for doc in documents]
    parses: dict[str, Doc] = dict(zip(texts, nlp.pipe(texts, batch_size=16), strict=True))

    def system(text: str, anchor: date | datetime | None) -> Sequence[SpanValue]:
        return find_timexes(text, anchor, parses.get(text))

    return system


def _prf(scores: PRF) -> dict[str, float]:
    return {
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
    }


def _block(scores: TimexScores) -> dict[str, dict[str, float]]:
    return {
        "strict": _prf(scores.strict),
        "relaxed": _prf(scores.relaxed),
        "value": _prf(scores.value),
    }


def evaluate_timex(directory: Path) -> dict[str, object]:
    """Scores of :func:`newsrecon.pipeline.timex.find_timexes` and of the dateparser baseline
    on every ``*.tml`` under ``directory``; raises ``CorpusError`` for a wrong layout."""
    documents = load_timeml(directory)
    ours = score_system(documents, parsed_system(documents))
    baseline = score_system(documents, baseline_timexes)
    return {**_block(ours), "baseline": _block(baseline), "documents": len(documents)}

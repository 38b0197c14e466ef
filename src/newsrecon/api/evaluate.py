"""Evaluation use cases: score newsrecon against a published corpus, with a baseline.

The baseline runs in the same call on the same pages, so the two figures always describe the
same documents and the same scoring, whatever directory is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsrecon.evaluation.extraction import (
    ExtractionScores,
    load_fundus_corpus,
    score_extractor,
    trafilatura_default,
)
from newsrecon.pipeline.extract import extract_html


@dataclass(frozen=True, slots=True)
class ExtractionReport:
    """newsrecon's extraction scores and the baseline's, on the same pages."""

    ours: ExtractionScores
    baseline: ExtractionScores


def extraction_report(directory: Path) -> ExtractionReport:
    """Score :func:`extract_html` and plain ``trafilatura.extract`` on a Fundus-layout folder.

    Raises :class:`newsrecon.errors.CorpusError` where the folder is not in that layout.
    """
    pages = load_fundus_corpus(directory)
    ours = score_extractor(pages, lambda html, url: extract_html(html, url).text)
    baseline = score_extractor(pages, trafilatura_default)
    return ExtractionReport(ours, baseline)


def _headline(scores: ExtractionScores) -> dict[str, float]:
    return {
        "precision": scores.words.precision,
        "recall": scores.words.recall,
        "f1": scores.words.f1,
        "rouge_lsum": scores.rouge_lsum.f1,
    }


def report_as_dict(report: ExtractionReport) -> dict[str, object]:
    """The published shape: macro word P/R/F1 and ROUGE-LSum F1, the baseline's, the count."""
    return {
        **_headline(report.ours),
        "baseline": _headline(report.baseline),
        "documents": report.ours.documents,
    }


def evaluate_extraction(directory: Path) -> dict[str, object]:
    """``{"precision", "recall", "f1", "rouge_lsum", "baseline": {...}, "documents": N}``.

    Word-level figures are macro averages over pages of bag-of-words scores on lowercase
    tokens; ``rouge_lsum`` is the macro-averaged ROUGE-LSum F1 (see
    :mod:`newsrecon.evaluation.extraction`). Fractions in [0, 1].
    """
    return report_as_dict(extraction_report(directory))

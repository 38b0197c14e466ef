"""The Fundus extraction evaluation set: loader in its published layout, and page scoring.

Layout (Dallabetta et al. 2024, as published): ``DIR/ground_truth.json`` maps a file name to
``{"body": [paragraph, ...], ...}`` and ``DIR/html/<file name>`` holds the gzipped page. A
paragraph written as ``[...]`` is optional: the annotators accept the page with or without it.

Scoring follows Fundus's scorer so figures compare with the published ones:

- each page is scored against every reference variant (optional paragraphs kept or dropped;
  all 2**k choices up to 4 optional paragraphs, otherwise only "all kept" and "all dropped")
  and keeps its best F1, separately for each metric;
- paragraphs are whitespace-normalised and the prediction's lines are its paragraphs;
- word-level precision/recall/F1 count the multiset overlap of lowercase ``\\w+`` tokens of the
  whole body, per page, then average over pages (macro); the micro figures sum the counts of
  each page's chosen variant over all pages;
- ROUGE-LSum as in :mod:`newsrecon.evaluation.metrics`, macro-averaged F1.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import trafilatura
from charset_normalizer import from_bytes

from newsrecon.errors import CorpusError
from newsrecon.evaluation.metrics import (
    PRF,
    Counts,
    RougeLSum,
    bag_counts,
    macro_average,
    word_tokens,
)

MAX_OPTIONAL_PARAGRAPHS = 4
"""Fundus's default: beyond this many optional paragraphs only two variants are scored."""

Extractor = Callable[[str, str | None], str]
"""(html, url) -> main text, paragraphs on separate lines."""


@dataclass(frozen=True, slots=True)
class ExtractionPage:
    """One annotated page: its HTML and the reference body paragraphs (optional ones bracketed)."""

    name: str
    html: str
    body: tuple[str, ...]
    url: str | None = None


@dataclass(frozen=True, slots=True)
class PageScore:
    """Best-variant scores of one page."""

    name: str
    words: Counts
    word_prf: PRF
    rouge_lsum: PRF


@dataclass(frozen=True, slots=True)
class ExtractionScores:
    """Macro averages over pages, plus micro word scores."""

    words: PRF
    words_micro: PRF
    rouge_lsum: PRF
    documents: int
    pages: tuple[PageScore, ...]


def load_fundus_corpus(directory: Path) -> list[ExtractionPage]:
    """Every page listed in ``ground_truth.json``, sorted by name.

    Raises :class:`CorpusError` with a one-line message where the layout is not the published
    one: a missing or unparsable ``ground_truth.json``, an entry without a list of string
    paragraphs, a listed page missing from ``html/``, or a page that is not gzip.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusError(f"{directory}: not a directory")
    truth_path = directory / "ground_truth.json"
    html_dir = directory / "html"
    if not truth_path.is_file():
        raise CorpusError(f"{directory}: no ground_truth.json (expected the Fundus layout)")
    if not html_dir.is_dir():
        raise CorpusError(f"{directory}: no html/ folder (expected the Fundus layout)")
    try:
        truth = json.loads(truth_path.read_bytes())
    except (ValueError, UnicodeDecodeError) as err:
        raise CorpusError(f"{truth_path}: not valid JSON ({err})") from None
    if not isinstance(truth, dict) or not truth:
        raise CorpusError(f"{truth_path}: expected a non-empty object of file name -> entry")
    pages = [_load_page(html_dir, name, entry) for name, entry in sorted(truth.items())]
    return pages


def _load_page(html_dir: Path, name: str, entry: object) -> ExtractionPage:
    body = entry.get("body") if isinstance(entry, dict) else None
    if not isinstance(body, list) or not all(isinstance(p, str) for p in body):
        raise CorpusError(f"ground_truth.json: entry {name!r} has no 'body' list of paragraphs")
    path = html_dir / name
    if "/" in name or "\\" in name or not path.is_file():
        raise CorpusError(f"{html_dir}: page {name!r} listed in ground_truth.json is missing")
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, zlib.error) as err:
        raise CorpusError(f"{path}: not a gzip file ({err})") from None
    url = entry.get("url") if isinstance(entry, dict) else None
    return ExtractionPage(name, _decode(data), tuple(body), url if isinstance(url, str) else None)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", errors="replace")


def _is_optional(paragraph: str) -> bool:
    return len(paragraph) >= 2 and paragraph[0] == "[" and paragraph[-1] == "]"


def _normalise(paragraph: str) -> str:
    return " ".join(paragraph.split())


def reference_variants(body: Sequence[str]) -> Iterator[str]:
    """Each accepted reference body as text, paragraphs on separate lines (Fundus's rule)."""
    optional = [i for i, p in enumerate(body) if _is_optional(p)]
    if len(optional) > MAX_OPTIONAL_PARAGRAPHS:
        drops: list[set[int]] = [set(), set(optional)]
    else:
        drops = [set(c) for k in range(len(optional) + 1) for c in combinations(optional, k)]
    for drop in drops:
        kept = (p[1:-1] if _is_optional(p) else p for i, p in enumerate(body) if i not in drop)
        yield "\n".join(_normalise(p) for p in kept)


def prediction_text(text: str) -> str:
    """The prediction as Fundus sees it: whitespace-normalised lines, empty ones dropped."""
    return "\n".join(n for n in (_normalise(line) for line in text.splitlines()) if n)


def score_page(page: ExtractionPage, predicted: str) -> PageScore:
    """Best word-level and best ROUGE-LSum scores of ``predicted`` over the page's variants."""
    prediction = prediction_text(predicted)
    pred_tokens = word_tokens(prediction)
    rouge = RougeLSum(prediction)
    best_counts: Counts | None = None
    best_words = PRF(-1.0, -1.0, -1.0)
    best_rouge = PRF(-1.0, -1.0, -1.0)
    for reference in reference_variants(page.body):
        counts = bag_counts(word_tokens(reference), pred_tokens)
        words = counts.prf()
        if words.f1 > best_words.f1:
            best_counts, best_words = counts, words
        scored = rouge.score(reference)
        if scored.f1 > best_rouge.f1:
            best_rouge = scored
    assert best_counts is not None  # at least one variant always exists
    return PageScore(page.name, best_counts, best_words, best_rouge)


def score_extractor(pages: Sequence[ExtractionPage], extractor: Extractor) -> ExtractionScores:
    """Run ``extractor`` on every page and average the page scores."""
    scores = tuple(score_page(page, extractor(page.html, page.url)) for page in pages)
    total = Counts(0, 0, 0)
    for s in scores:
        total = total + s.words
    return ExtractionScores(
        words=macro_average([s.word_prf for s in scores]),
        words_micro=total.prf(),
        rouge_lsum=macro_average([s.rouge_lsum for s in scores]),
        documents=len(scores),
        pages=scores,
    )


def trafilatura_default(html: str, url: str | None = None) -> str:
    """The baseline: ``trafilatura.extract`` with every setting at its default."""
    del url  # the baseline is defined as extract(html) alone
    return trafilatura.extract(html) or ""

"""From one RawDocument to an Article (or a Rejection saying why not).

Cleaning, outlet, language and identity are decided here in one place so every reader's
output is turned into articles the same way. The identity is a hash of the clean text with
whitespace normalised, so the same article read from an HTML page and from a text dump, or
ingested twice, gets the same id and is recognised as a duplicate.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime

import dateparser

from newsrecon.model import (
    AnalysisParameters,
    Article,
    RawDocument,
    Rejection,
    RejectKind,
)
from newsrecon.pipeline.clean import clean_body
from newsrecon.pipeline.language import UNDETERMINED, detect_language, language_name
from newsrecon.pipeline.outlet import resolve_outlet

ID_LENGTH = 16
# Absolute dates only: a relative "yesterday" in metadata would depend on when we ran.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
}


def content_hash(text: str) -> str:
    """sha256 of the text in Unicode NFC with every run of whitespace made one space."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def normalise_published(value: str | None) -> str | None:
    """An ISO 8601 date or date-time for a publication date as metadata gave it, or None.

    ISO input is kept at its own precision (a date stays a date); other formats go through
    dateparser, and a time of exactly midnight that the input never spelled out is dropped
    rather than invented.
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    parsed: datetime | None = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        return None
    has_time = bool(re.search(r"\d{1,2}:\d{2}", text))
    if not has_time and parsed.time() == datetime.min.time() and parsed.tzinfo is None:
        return parsed.date().isoformat()
    return parsed.isoformat()


def build_article(raw: RawDocument, params: AnalysisParameters) -> Article | Rejection:
    """Clean ``raw.body`` and fill an Article; a body with nothing left, or a non-English one
    unless ``params.allow_non_english``, becomes a Rejection."""
    if not raw.body.strip():
        return Rejection(raw.source, RejectKind.NO_TEXT, "the document has no text")
    meta = raw.meta
    cleaned = clean_body(raw.body, meta.title)
    if not cleaned.text.strip():
        return Rejection(raw.source, RejectKind.NO_TEXT, "nothing left after removing boilerplate")
    language, score = detect_language(cleaned.text)
    if language not in ("en", UNDETERMINED) and not params.allow_non_english:
        return Rejection(
            raw.source,
            RejectKind.NON_ENGLISH,
            f"language looks like {language_name(language)} ({language}, p={score:.2f}), "
            "not English; use --allow-non-english to analyse it anyway",
        )
    outlet, outlet_basis = resolve_outlet(
        meta, cleaned.provenance, cleaned.self_named, meta.url, raw.name or raw.source
    )
    published = normalise_published(meta.published)
    digest = content_hash(cleaned.text)
    return Article(
        id=digest[:ID_LENGTH],
        source=raw.source,
        format=raw.format,
        text=cleaned.text,
        content_hash=digest,
        outlet=outlet,
        outlet_basis=outlet_basis,
        title=meta.title.strip() if meta.title and meta.title.strip() else None,
        url=meta.url or None,
        published=published,
        published_basis="metadata" if published else None,
        author=(meta.author.strip() if meta.author and meta.author.strip() else None)
        or cleaned.byline,
        language=language,
        language_score=round(score, 4),
        removed=cleaned.removals,
        raw=raw.raw,
        body=raw.body,
    )

"""RSS and Atom feeds through feedparser: one article per entry.

feedparser gets the bytes as a stream (never a string it might take for a URL or file name)
and decodes them itself from the XML declaration; it does not resolve external entities.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from newsrecon.model import ArticleMeta, RawDocument, Rejection, RejectKind
from newsrecon.pipeline.extract import extract_html
from newsrecon.pipeline.ingest.decode import normalise_newlines
from newsrecon.pipeline.ingest.htmltext import html_to_text
from newsrecon.pipeline.ingest.meta import merge_meta, text_field
from newsrecon.pipeline.ingest.problems import Refusal
from newsrecon.pipeline.ingest.sources import Source


def read_feed(source: Source, data: bytes) -> Iterator[RawDocument | Rejection]:
    parsed: Any = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    if not entries:
        reason = "feed has no entries"
        if parsed.get("bozo"):
            reason += f" (not well-formed: {parsed.get('bozo_exception')})"
        raise Refusal(RejectKind.EMPTY_FEED, reason)
    channel = parsed.get("feed") or {}
    outlet = text_field(channel, "title")
    language = text_field(channel, "language")
    for number, entry in enumerate(entries, start=1):
        yield _entry_document(entry, f"{source.label}#{number}", source.name, outlet, language)


def _entry_document(
    entry: Any, label: str, name: str, outlet: str | None, language: str | None
) -> RawDocument | Rejection:
    meta = ArticleMeta(
        title=text_field(entry, "title"),
        url=text_field(entry, "link"),
        outlet=outlet,
        published=_published(entry),
        author=text_field(entry, "author"),
        language=language,
    )
    raw, is_html = _entry_content(entry)
    if not raw.strip():
        return Rejection(label, RejectKind.NO_TEXT, "feed entry has no content or summary")
    if not is_html:
        return RawDocument(label, "feed", raw, normalise_newlines(raw).strip(), meta, name)
    extracted = extract_html(raw, meta.url)
    body = extracted.text.strip() or html_to_text(raw)
    if not body:
        return Rejection(label, RejectKind.NO_TEXT, "feed entry's HTML has no text")
    return RawDocument(label, "feed", raw, body, merge_meta(meta, extracted.meta), name)


def _entry_content(entry: Any) -> tuple[str, bool]:
    """The fullest text the entry carries (content before summary) and whether it is HTML."""
    candidates: list[Any] = list(entry.get("content") or [])
    if entry.get("summary_detail"):
        candidates.append(entry["summary_detail"])
    elif entry.get("summary"):
        candidates.append({"value": entry["summary"], "type": "text/html"})
    for candidate in candidates:
        value = candidate.get("value")
        if isinstance(value, str) and value.strip():
            kind = str(candidate.get("type") or "text/html")
            return value, "html" in kind or "xml" in kind
    return "", False


def _published(entry: Any) -> str | None:
    """ISO 8601 in UTC from feedparser's parsed date; the raw string where it could not parse."""
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return datetime(*parsed[:6], tzinfo=UTC).isoformat()
    return text_field(entry, "published") or text_field(entry, "updated")

"""JSON (one object or a list of objects) and JSON Lines: one article per record.

A record carries ``text`` or ``html`` plus optional metadata fields. JSON Lines are read
lazily, line by line, and a bad line only costs that line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

from newsrecon.model import ArticleMeta, RawDocument, Rejection, RejectKind
from newsrecon.pipeline.extract import extract_html
from newsrecon.pipeline.ingest.decode import decode_bytes, normalise_newlines
from newsrecon.pipeline.ingest.meta import merge_meta, text_field
from newsrecon.pipeline.ingest.pages import NO_ARTICLE, has_running_text
from newsrecon.pipeline.ingest.problems import Refusal
from newsrecon.pipeline.ingest.sources import Source
from newsrecon.pipeline.ingest.streams import (
    Readable,
    StreamTooLarge,
    StreamTruncated,
    iter_lines,
)

_META_FIELDS = ("title", "url", "outlet", "published", "author", "language")


def read_json(source: Source, data: bytes) -> Iterator[RawDocument | Rejection]:
    text = decode_bytes(data)
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise Refusal(RejectKind.MALFORMED, f"malformed JSON: {exc}") from exc
    if isinstance(value, dict):
        yield record_document(value, f"{source.label}#1", text, source.name)
    elif isinstance(value, list):
        if not value:
            raise Refusal(RejectKind.EMPTY, "JSON list holds no records")
        for number, record in enumerate(value, start=1):
            raw = orjson.dumps(record).decode("utf-8")
            yield record_document(record, f"{source.label}#{number}", raw, source.name)
    else:
        raise Refusal(
            RejectKind.MALFORMED,
            f"JSON holds a {_json_type(value)}, not an object or a list of objects",
        )


def read_jsonl(source: Source, stream: Readable, limit: int) -> Iterator[RawDocument | Rejection]:
    records = 0
    try:
        for number, line in iter_lines(stream, limit):
            if not line.strip():
                continue
            records += 1
            label = f"{source.label}#{number}"
            try:
                text = decode_bytes(line)
                value = orjson.loads(text)
            except Refusal as refusal:
                yield refusal.rejection(label)
                continue
            except orjson.JSONDecodeError as exc:
                yield Rejection(label, RejectKind.MALFORMED, f"malformed JSON line: {exc}")
                continue
            yield record_document(value, label, text, source.name)
    except StreamTruncated as exc:
        raise Refusal(
            RejectKind.TRUNCATED, f"gzip stream is truncated after {records} records"
        ) from exc
    except StreamTooLarge as exc:
        raise Refusal(
            RejectKind.TOO_LARGE,
            f"decompressed data is over the {limit:,}-byte limit; stopped after {records} records",
        ) from exc
    if records == 0:
        raise Refusal(RejectKind.EMPTY, "JSON Lines file holds no records")


def record_document(record: Any, label: str, raw: str, name: str) -> RawDocument | Rejection:
    """One JSON record as a document, or the reason it cannot be one."""
    if not isinstance(record, dict):
        kind = _json_type(record)
        return Rejection(label, RejectKind.MALFORMED, f"record is a JSON {kind}, not an object")
    meta = ArticleMeta(**{key: text_field(record, key) for key in _META_FIELDS})
    for key in ("text", "html"):
        if key in record and record[key] is not None and not isinstance(record[key], str):
            kind = _json_type(record[key])
            return Rejection(
                label, RejectKind.MALFORMED, f"record's '{key}' field is a {kind}, not a string"
            )
    text, html = record.get("text"), record.get("html")
    if text is not None and text.strip():
        return RawDocument(label, "json", raw, normalise_newlines(text), meta, name)
    if html is not None and html.strip():
        extracted = extract_html(html, meta.url)
        if not has_running_text(extracted.text):
            return Rejection(label, RejectKind.NO_TEXT, f"record's HTML has {NO_ARTICLE}")
        meta = merge_meta(meta, extracted.meta)
        return RawDocument(label, "json", raw, extracted.text, meta, name)
    if text is not None or html is not None:
        return Rejection(label, RejectKind.EMPTY, "record's text is empty")
    return Rejection(label, RejectKind.MALFORMED, "record has neither a 'text' nor an 'html' field")


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if value is None:
        return "null"
    return "object"

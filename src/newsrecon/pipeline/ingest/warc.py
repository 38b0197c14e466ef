"""WARC and WARC.gz archives through warcio: one article per HTML response.

warcio reads a cut-off archive without complaint (a short last record, or a stop at a partial
header), so truncation is checked here: each record must deliver its full Content-Length, and
nothing but blank lines may follow the last complete record. Gzip is unpacked before warcio
sees the bytes, which also covers archives gzipped whole rather than per record.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from email.message import Message
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsrecon.model import RawDocument, Rejection, RejectKind
from newsrecon.pipeline.extract import extract_html
from newsrecon.pipeline.ingest.decode import decode_bytes
from newsrecon.pipeline.ingest.pages import NO_ARTICLE, has_running_text
from newsrecon.pipeline.ingest.problems import Refusal
from newsrecon.pipeline.ingest.sources import Source
from newsrecon.pipeline.ingest.streams import Readable, StreamTooLarge

logger = logging.getLogger(__name__)

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TAIL_BYTES = 4096


class _Tap:
    """Feeds warcio while noting a gzip truncation (warcio would take it for a clean end),
    counting bytes against the limit and keeping the last bytes for the trailing check."""

    def __init__(self, stream: Readable, limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self.total = 0
        self.tail = b""
        self.truncated = False
        self.at_end = False
        self.corrupt = ""

    def read(self, size: int = -1) -> bytes:
        try:
            data = self._stream.read1(size if size > 0 else 1 << 16)
        except EOFError:
            self.truncated = True
            return b""
        except (gzip.BadGzipFile, zlib.error) as exc:
            self.corrupt = str(exc)
            return b""
        if not data:
            self.at_end = True
        self.total += len(data)
        if self.total > self._limit:
            raise StreamTooLarge
        self.tail = (self.tail + data)[-_TAIL_BYTES:]
        return data

    def trailing_garbage(self, end: int) -> bool:
        """Whether anything but blank lines follows offset ``end`` (the last record's end)."""
        leftover = self.total - end
        if leftover <= 0:
            return False
        if leftover > len(self.tail):
            return True
        return bool(self.tail[-leftover:].strip())


def read_warc(source: Source, stream: Readable, limit: int) -> Iterator[RawDocument | Rejection]:
    tap = _Tap(stream, limit)
    archive = ArchiveIterator(tap)
    records = 0
    yielded = 0
    end = 0
    skipped: Counter[str] = Counter()
    try:
        for record in archive:
            outcome = _outcome(record, source, limit)
            # Drains the record, so a short one shows as an unspent Content-Length; a record
            # cut inside its headers has no Content-Length at all.
            end = archive.get_record_offset() + archive.get_record_length()
            unspent = getattr(record.raw_stream, "limit", 0)
            if unspent > 0 or record.rec_headers.get_header("Content-Length") is None:
                raise Refusal(
                    RejectKind.TRUNCATED,
                    f"WARC is truncated inside record {records + 1} ({records} records read)",
                )
            records += 1
            if isinstance(outcome, str):
                skipped[outcome] += 1
            else:
                yielded += 1
                yield outcome
    except StreamTooLarge as exc:
        raise Refusal(
            RejectKind.TOO_LARGE,
            f"decompressed data is over the {limit:,}-byte limit; stopped after {records} records",
        ) from exc
    except (ArchiveLoadFailed, AttributeError, ValueError, EOFError) as exc:
        # warcio fails this way on a record cut inside its headers, when the input has ended.
        if tap.truncated or tap.at_end:
            raise Refusal(
                RejectKind.TRUNCATED, f"WARC is truncated after {records} records"
            ) from exc
        raise Refusal(
            RejectKind.MALFORMED, f"not a readable WARC after {records} records: {exc}"
        ) from exc
    if tap.corrupt:
        raise Refusal(RejectKind.MALFORMED, f"gzip stream is corrupt: {tap.corrupt}")
    if tap.truncated or tap.trailing_garbage(end):
        raise Refusal(RejectKind.TRUNCATED, f"WARC is truncated after {records} records")
    if records == 0:
        raise Refusal(RejectKind.EMPTY, "WARC holds no records")
    if skipped:
        logger.debug("%s: skipped %s", source.label, dict(skipped))
    if not yielded:
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(skipped.items()))
        raise Refusal(RejectKind.NO_TEXT, f"WARC holds no HTML responses (only {kinds})")


def _outcome(record: Any, source: Source, limit: int) -> RawDocument | Rejection | str:
    """A document, a rejection, or (a string) the kind of record skipped as not an article."""
    if record.rec_type == "response":
        if record.http_headers is None:
            return "response without HTTP headers"
        content_type = record.http_headers.get_header("Content-Type") or ""
        status = record.http_headers.get_statuscode() or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
        status = "200"
    else:
        return str(record.rec_type)
    mime, charset = _content_type(content_type)
    if mime not in _HTML_TYPES:
        return f"{record.rec_type} {mime or 'of unknown type'}"
    if status.startswith(("1", "3")) or status == "204":
        return f"HTTP {status} response"
    uri = record.rec_headers.get_header("WARC-Target-URI")
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    label = f"{source.label}#{uri or record_id}"
    if status.startswith(("4", "5")):
        return Rejection(label, RejectKind.NO_TEXT, f"HTTP {status} error page, not an article")
    try:
        payload = record.content_stream().read(limit + 1)
    except (ValueError, OSError, zlib.error) as exc:
        return Rejection(label, RejectKind.MALFORMED, f"record payload cannot be decoded: {exc}")
    if len(payload) > limit:
        return Rejection(label, RejectKind.TOO_LARGE, f"record is over the {limit:,}-byte limit")
    try:
        html = decode_bytes(payload, declared=charset, html=True)
    except Refusal as refusal:
        return refusal.rejection(label)
    extracted = extract_html(html, uri)
    if not has_running_text(extracted.text):
        return Rejection(label, RejectKind.NO_TEXT, f"HTML response has {NO_ARTICLE}")
    meta = replace(extracted.meta, url=uri or extracted.meta.url)
    return RawDocument(label, "warc", html, extracted.text, meta, source.name)


def _content_type(header: str) -> tuple[str, str | None]:
    message = Message()
    message["Content-Type"] = header or "application/octet-stream"
    charset = message.get_content_charset()
    return message.get_content_type(), charset

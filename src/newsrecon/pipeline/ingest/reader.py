"""``read_inputs``: every input the user named, as candidate articles or rejections.

Sources are opened one at a time and container formats (JSON Lines, WARC) are read lazily,
so memory stays bounded by the largest single non-container input (``max_bytes``).
"""

from __future__ import annotations

import gzip
import io
import logging
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from newsrecon.model import RawDocument, Rejection, RejectKind
from newsrecon.pipeline.ingest.feeds import read_feed
from newsrecon.pipeline.ingest.pages import read_page
from newsrecon.pipeline.ingest.plain import read_plain
from newsrecon.pipeline.ingest.problems import Refusal
from newsrecon.pipeline.ingest.records import read_json, read_jsonl
from newsrecon.pipeline.ingest.sniff import HEAD_BYTES, Sniffed, sniff
from newsrecon.pipeline.ingest.sources import Source, iter_sources
from newsrecon.pipeline.ingest.streams import Readable, read_all, read_head
from newsrecon.pipeline.ingest.warc import read_warc

logger = logging.getLogger(__name__)

_FORMAT_NAMES = {
    "html": "an HTML page",
    "json": "a JSON document",
    "feed": "a feed",
    "text": "a text file",
    "markdown": "a Markdown file",
}


def read_inputs(
    inputs: Sequence[str], *, stdin: BinaryIO | None = None, max_bytes: int = 20_000_000
) -> Iterator[RawDocument | Rejection]:
    """Yield a RawDocument per candidate article and a Rejection per unreadable input or
    record, in input order. Nothing is raised for bad input."""
    if isinstance(inputs, str):
        inputs = [inputs]
    for item in iter_sources(inputs, stdin=stdin, max_bytes=max_bytes):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from _read_source(item, max_bytes)


def _read_source(source: Source, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    if source.size > max_bytes:
        yield Rejection(
            source.label,
            RejectKind.TOO_LARGE,
            f"file is {source.size:,} bytes, over the {max_bytes:,}-byte limit",
        )
        return
    if source.size == 0:
        yield Rejection(source.label, RejectKind.EMPTY, "file is empty")
        return
    try:
        with source.open() as stream:
            yield from _read_stream(source, stream, max_bytes)
    except Refusal as refusal:
        yield refusal.rejection(source.label)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        yield Rejection(source.label, RejectKind.FAILED, f"cannot read file: {reason}")
    except Exception as exc:
        # A reader bug must cost one input, not the batch; the traceback goes to the log.
        logger.exception("reading %s failed", source.label)
        yield Rejection(source.label, RejectKind.FAILED, f"reader failed: {type(exc).__name__}")


def _read_stream(
    source: Source, stream: io.BufferedIOBase, max_bytes: int
) -> Iterator[RawDocument | Rejection]:
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    found = _sniff(head, source, complete=len(head) < HEAD_BYTES)
    if found.kind != "gzip":
        yield from _read_format(source, found, stream, max_bytes)
        return
    with gzip.GzipFile(fileobj=stream, mode="rb") as unpacked:
        inner, truncated = read_head(unpacked, HEAD_BYTES)
        if not inner:
            if truncated:
                raise Refusal(RejectKind.TRUNCATED, "gzip stream is truncated before any data")
            raise Refusal(RejectKind.EMPTY, "gzip file holds no data")
        unpacked.seek(0)
        found = _sniff(inner, source, complete=len(inner) < HEAD_BYTES and not truncated)
        if found.kind == "gzip":
            raise Refusal(RejectKind.UNSUPPORTED, "gzip inside gzip is not unpacked")
        yield from _read_format(source, found, unpacked, max_bytes)


def _sniff(head: bytes, source: Source, *, complete: bool) -> Sniffed:
    if complete and not head.removeprefix(b"\xef\xbb\xbf").strip():
        raise Refusal(RejectKind.EMPTY, "file holds only whitespace")
    return sniff(head, suffix=source.suffix, complete=complete)


def _read_format(
    source: Source, found: Sniffed, stream: Readable, max_bytes: int
) -> Iterator[RawDocument | Rejection]:
    kind = found.kind
    if kind == "binary":
        raise Refusal(RejectKind.BINARY, f"binary file ({found.detail}), not an article")
    if kind == "unsupported":
        raise Refusal(RejectKind.UNSUPPORTED, f"unsupported format: {found.detail}")
    if kind == "warc":
        yield from read_warc(source, stream, max_bytes)
        return
    if kind == "jsonl":
        yield from read_jsonl(source, stream, max_bytes)
        return
    data = read_all(stream, max_bytes, _FORMAT_NAMES.get(kind, kind))
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise Refusal(RejectKind.BINARY, "binary file (contains NUL bytes), not an article")
    if kind == "html":
        yield read_page(source, data)
    elif kind == "feed":
        yield from read_feed(source, data)
    elif kind == "json":
        yield from read_json(source, data)
    else:
        yield read_plain(source, data, markdown=kind == "markdown")

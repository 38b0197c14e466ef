"""Bounded, streaming byte reading shared by the readers, with gzip truncation made visible.

Everything goes through ``read1`` so a truncated gzip stream gives up every byte that was
decompressed before the cut (``read`` on a buffered gzip reader can lose the last buffer).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import Protocol

from newsrecon.model import RejectKind
from newsrecon.pipeline.ingest.problems import Refusal

CHUNK_BYTES = 1 << 16


class Readable(Protocol):
    def read1(self, size: int = ..., /) -> bytes: ...


class StreamTruncated(Exception):
    """The compressed stream ended before its end-of-stream marker."""


class StreamTooLarge(Exception):
    """More bytes than the limit came out of the stream (a decompression bomb, say)."""


def iter_chunks(stream: Readable, limit: int) -> Iterator[bytes]:
    """Chunks of ``stream`` until its end; raises StreamTruncated / StreamTooLarge after
    yielding what was readable, and Refusal (MALFORMED) for a corrupt gzip stream."""
    total = 0
    while True:
        try:
            chunk = stream.read1(CHUNK_BYTES)
        except EOFError as exc:
            raise StreamTruncated(str(exc)) from exc
        except (gzip.BadGzipFile, zlib.error) as exc:
            raise Refusal(RejectKind.MALFORMED, f"gzip stream is corrupt: {exc}") from exc
        if not chunk:
            return
        total += len(chunk)
        if total > limit:
            raise StreamTooLarge
        yield chunk


def read_head(stream: Readable, size: int) -> tuple[bytes, bool]:
    """Up to ``size`` first bytes, and whether the stream was cut short within them."""
    parts: list[bytes] = []
    got = 0
    try:
        for chunk in iter_chunks(stream, limit=1 << 62):
            parts.append(chunk)
            got += len(chunk)
            if got >= size:
                break
    except StreamTruncated:
        return b"".join(parts)[:size], True
    return b"".join(parts)[:size], False


def read_all(stream: Readable, limit: int, what: str) -> bytes:
    """The whole stream, for formats that cannot be read in part (``what`` names the format)."""
    parts: list[bytes] = []
    try:
        for chunk in iter_chunks(stream, limit):
            parts.append(chunk)
    except StreamTruncated as exc:
        raise Refusal(
            RejectKind.TRUNCATED, f"gzip stream is truncated; {what} cannot be read in part"
        ) from exc
    except StreamTooLarge as exc:
        raise Refusal(
            RejectKind.TOO_LARGE, f"decompressed data is over the {limit:,}-byte limit"
        ) from exc
    return b"".join(parts)


def iter_lines(stream: Readable, limit: int) -> Iterator[tuple[int, bytes]]:
    """``(line number, line without its end)`` for each line, lazily. A partial line at a
    truncation is dropped; the stream's exception then propagates."""
    parts: list[bytes] = []
    number = 0
    for chunk in iter_chunks(stream, limit):
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            parts.append(chunk[start:end])
            number += 1
            yield number, b"".join(parts).removesuffix(b"\r")
            parts = []
            start = end + 1
        if start < len(chunk):
            parts.append(chunk[start:])
    if parts:
        yield number + 1, b"".join(parts).removesuffix(b"\r")

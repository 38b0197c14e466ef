"""Format detection from the first bytes, with the file extension as tie-breaker.

Strong content signals (magic bytes, ``WARC/``, a feed or ``<html>`` root) win over any
extension. Weak ones (a leading ``{``, ``[`` or an unknown tag) yield to a text extension, so
a ``.txt`` note that happens to start with a brace is still read as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import orjson

from newsrecon.pipeline.ingest.decode import bom_codec

Kind = Literal[
    "gzip", "warc", "feed", "html", "json", "jsonl", "markdown", "text", "binary", "unsupported"
]

HEAD_BYTES = 1 << 16

# Magic numbers of files that are not text at all.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)

# Wrappers that may hold text but that the readers do not unpack.
_UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xfd7zXZ\x00", "xz-compressed data (only gzip is unpacked)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data (only gzip is unpacked)"),
    (b"\x04\x22\x4d\x18", "LZ4-compressed data (only gzip is unpacked)"),
    (b"\x1f\x9d", "compress (.Z) data (only gzip is unpacked)"),
    (b"{\\rtf", "RTF document (save it as plain text or HTML)"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")

_TEXT_SUFFIXES = {".txt", ".text"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_FEED_SUFFIXES = {".rss", ".atom", ".xml"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}

_FEED_ROOTS = {"rss", "feed", "rdf:rdf", "atom:feed"}
_HTML_STRONG_ROOTS = {"html", "head", "body"}
_HTML_ROOTS = _HTML_STRONG_ROOTS | {
    "article", "main", "section", "div", "p", "span", "a", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "footer", "nav", "aside", "table", "ul", "ol", "li", "meta", "title", "link",
    "script", "style", "br", "img", "figure", "blockquote", "pre", "em", "strong", "b", "i",
}  # fmt: skip
_COMMENT = re.compile(rb"<!--.*?(?:-->|$)", re.S)
_FIRST_TAG = re.compile(rb"<(?![?!/])([A-Za-z][\w:.-]*)")
_DOCTYPE_HTML = re.compile(rb"<!doctype\s+html", re.I)


@dataclass(frozen=True, slots=True)
class Sniffed:
    kind: Kind
    detail: str = ""


def sniff(head: bytes, *, suffix: str, complete: bool) -> Sniffed:
    """Classify an input from its first bytes. ``complete`` says ``head`` is the whole input."""
    for magic, label in _BINARY_MAGIC:
        if head.startswith(magic):
            return Sniffed("binary", label)
    if head.startswith(b"\x1f\x8b"):
        return Sniffed("gzip")
    for magic, label in _UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            return Sniffed("unsupported", label)
    if _BZIP2.match(head):
        return Sniffed("unsupported", "bzip2-compressed data (only gzip is unpacked)")
    codec = bom_codec(head)
    if codec is not None and codec != "utf-8-sig":
        # UTF-16/32 text holds NUL bytes; sniff its ASCII view instead.
        view = head.decode(codec, errors="ignore").encode("ascii", errors="ignore")
    else:
        if b"\x00" in head:
            return Sniffed("binary", "contains NUL bytes")
        view = head.removeprefix(b"\xef\xbb\xbf")
    return _sniff_text(view.lstrip(), suffix, complete)


def _sniff_text(view: bytes, suffix: str, complete: bool) -> Sniffed:
    textual = suffix in _TEXT_SUFFIXES or suffix in _MARKDOWN_SUFFIXES
    plain: Kind = "markdown" if suffix in _MARKDOWN_SUFFIXES else "text"
    if view.startswith((b"WARC/1.", b"WARC/0.")):
        return Sniffed("warc")
    if view.startswith(b"<"):
        markup = _sniff_markup(view[:HEAD_BYTES], xml=suffix in _FEED_SUFFIXES)
        if markup is not None and (markup[1] or not textual):
            return markup[0]
        return Sniffed(plain) if textual else Sniffed("html")
    if not textual and view.startswith(b"["):
        return Sniffed("json")
    if not textual and view.startswith(b"{"):
        if suffix in _JSONL_SUFFIXES or _first_line_is_object(view, complete):
            return Sniffed("jsonl")
        return Sniffed("json")
    if suffix in _HTML_SUFFIXES:
        return Sniffed("html")
    if suffix in _FEED_SUFFIXES:
        return Sniffed("feed")
    if suffix in _JSONL_SUFFIXES:
        return Sniffed("jsonl")
    if suffix == ".json":
        return Sniffed("json")
    if suffix in {".warc", ".arc"}:
        return Sniffed("warc")
    return Sniffed(plain)


def _sniff_markup(view: bytes, *, xml: bool) -> tuple[Sniffed, bool] | None:
    """``(sniffed, strong)`` for markup, or None when no element opens the text. ``xml`` says
    the extension promises XML, so an unknown root is not taken for an HTML fragment."""
    without_comments = _COMMENT.sub(b"", view)
    if _DOCTYPE_HTML.search(without_comments[:1024]):
        return (Sniffed("html"), True)
    first = _FIRST_TAG.search(without_comments)
    if first is None:
        return None
    root = first.group(1).decode("ascii", errors="replace").lower()
    if root in _FEED_ROOTS:
        return (Sniffed("feed"), True)
    if root in _HTML_ROOTS:
        return (Sniffed("html"), root in _HTML_STRONG_ROOTS)
    if xml or without_comments.startswith(b"<?xml"):
        detail = f"XML document with root <{root}> is neither HTML nor an RSS/Atom feed"
        return (Sniffed("unsupported", detail), True)
    return (Sniffed("html"), False)


def _first_line_is_object(view: bytes, complete: bool) -> bool:
    newline = view.find(b"\n")
    if newline < 0 and not complete:
        return False
    line = view if newline < 0 else view[:newline]
    try:
        return isinstance(orjson.loads(line), dict)
    except orjson.JSONDecodeError:
        return False

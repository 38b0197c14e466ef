"""Plain text and Markdown files.

Plain text is kept exactly (newlines normalised) so offsets are predictable. A text file saved
from a news page often opens with its headline on a line of its own; that line is read as the
title (the cleaner then drops it from the body as a title repeat, as for HTML). Markdown is parsed
with markdown-it and reduced to its text: heading, emphasis and list markers and link targets go,
the words stay, each block becomes one paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from newsrecon.model import ArticleMeta, RawDocument, RejectKind
from newsrecon.pipeline.ingest.decode import decode_bytes, normalise_newlines
from newsrecon.pipeline.ingest.htmltext import html_to_text
from newsrecon.pipeline.ingest.problems import Refusal
from newsrecon.pipeline.ingest.sources import Source

_MARKDOWN = MarkdownIt("commonmark")
_INLINE_TEXT = {"text", "text_special", "code_inline"}
# A headline is a phrase, not a sentence or a caption: a few words, no closing punctuation,
# no sentence break inside ("... in 2022. Photo: Agency" is a caption; the full stop of an
# abbreviation such as "U.S." or "Dr." is not one), no byline.
_HEADLINE_WORDS = (3, 20)
_HEADLINE_MAX_CHARS = 160
_SENTENCE_END = tuple(".!?…,;:\"“”'’)»-–—|")
_SENTENCE_BREAK = re.compile(r"(?:[a-z]{2}|\d)[.!?]\s+\S")
_NOT_HEADLINE_START = re.compile(r"(?:by|updated|published|posted|photo|image|source)\b", re.I)


def read_plain(source: Source, data: bytes, *, markdown: bool) -> RawDocument:
    text = decode_bytes(data)
    if not text.strip():
        raise Refusal(RejectKind.EMPTY, "file holds only whitespace")
    body = normalise_newlines(text)
    if not markdown:
        meta = ArticleMeta(title=plain_headline(body))
        return RawDocument(source.label, "text", text, body, meta, source.name)
    plain, title = markdown_text(body)
    if not plain.strip():
        raise Refusal(RejectKind.NO_TEXT, "Markdown file has no text outside its markup")
    return RawDocument(source.label, "markdown", text, plain, ArticleMeta(title=title), source.name)


def plain_headline(body: str) -> str | None:
    """The first line of ``body`` when it stands alone (a blank line follows) and reads as a
    headline; ``None`` otherwise."""
    stripped = body.lstrip()
    first, sep, rest = stripped.partition("\n")
    line = first.strip()
    if not sep or not rest.lstrip(" \t").startswith("\n") or not rest.strip():
        return None  # no blank line after it, or nothing else: a paragraph or a note
    words = line.split()
    if not _HEADLINE_WORDS[0] <= len(words) <= _HEADLINE_WORDS[1]:
        return None
    if len(line) > _HEADLINE_MAX_CHARS or line.endswith(_SENTENCE_END):
        return None
    if _SENTENCE_BREAK.search(line) or _NOT_HEADLINE_START.match(line):
        return None
    if not any(c.isalpha() for c in line) or not (line[0].isupper() or line[0].isdigit()):
        return None
    return line


def markdown_text(markdown: str) -> tuple[str, str | None]:
    """The text of each block, paragraphs separated by a blank line, and the first top-level
    heading as a title."""
    tokens = _MARKDOWN.parse(markdown)
    blocks: list[str] = []
    title: str | None = None
    for index, token in enumerate(tokens):
        if token.type == "inline":
            text = _inline_text(token.children or [])
            opener = tokens[index - 1] if index else None
            if title is None and opener is not None and opener.tag == "h1" and text:
                title = text
        elif token.type in {"fence", "code_block"}:
            text = token.content.strip("\n")
        elif token.type == "html_block":
            text = html_to_text(token.content)
        else:
            continue
        if text.strip():
            blocks.append(text)
    return "\n\n".join(blocks), title


def _inline_text(children: Sequence[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in _INLINE_TEXT:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append("\n")
    return "".join(parts).strip()

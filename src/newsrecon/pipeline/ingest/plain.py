"""Plain text and Markdown files.

Plain text is kept exactly (newlines normalised) so offsets are predictable. Markdown is parsed
with markdown-it and reduced to its text: heading, emphasis and list markers and link targets go,
the words stay, each block becomes one paragraph.
"""

from __future__ import annotations

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


def read_plain(source: Source, data: bytes, *, markdown: bool) -> RawDocument:
    text = decode_bytes(data)
    if not text.strip():
        raise Refusal(RejectKind.EMPTY, "file holds only whitespace")
    body = normalise_newlines(text)
    if not markdown:
        return RawDocument(source.label, "text", text, body, ArticleMeta(), source.name)
    plain, title = markdown_text(body)
    if not plain.strip():
        raise Refusal(RejectKind.NO_TEXT, "Markdown file has no text outside its markup")
    return RawDocument(source.label, "markdown", text, plain, ArticleMeta(title=title), source.name)


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

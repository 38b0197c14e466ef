"""Markup to plain paragraphs with lxml, for fragments too small for article extraction
(feed summaries, HTML blocks inside Markdown)."""

from __future__ import annotations

import lxml.etree
import lxml.html

_BLOCKS = (
    "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr",
    "article", "section", "figure", "figcaption", "dd", "dt", "table", "ul", "ol",
)  # fmt: skip


def html_to_text(fragment: str) -> str:
    """Visible text of ``fragment``, block elements as paragraphs separated by a blank line."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fromstring(fragment)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for hidden in root.xpath("//script|//style|//noscript|//template"):
        hidden.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter(*_BLOCKS):
        block.tail = "\n\n" + (block.tail or "")
        if block is not root:
            block.text = "\n\n" + (block.text or "")
    text: str = root.text_content()
    paragraphs = (" ".join(part.split()) for part in text.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)

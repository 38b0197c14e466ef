"""HTML main-text extraction: trafilatura, plus the metadata it finds.

Kept as one function so every reader (HTML files, WARC records, JSON ``html`` fields, feed
entries) extracts the same way, and so ``newsrecon eval extraction`` scores exactly it.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from newsrecon.model import ArticleMeta


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    meta: ArticleMeta


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Main text (paragraphs separated by blank lines) and metadata of one HTML page.

    Returns empty text where the page holds no article; callers turn that into a rejection.
    """
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None or isinstance(doc, dict):
        return Extracted("", ArticleMeta(url=url))
    text = (doc.text or "").strip()
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    meta = ArticleMeta(
        title=doc.title or None,
        url=doc.url or url,
        published=doc.date or None,
        author=doc.author or None,
        sitename=doc.sitename or None,
        language=doc.language or None,
    )
    return Extracted("\n\n".join(paragraphs), meta)

"""HTML main-text extraction: trafilatura, checked against itself and the page's JSON-LD.

Kept as one function so every reader (HTML files, WARC records, JSON ``html`` fields, feed
entries) extracts the same way, and so ``newsrecon eval extraction`` scores exactly it.

trafilatura's defaults keep nearly all of an article (recall) but also boilerplate around it:
comments, tables, captions, promotions, link lists. Two general checks trim that without any
per-site rule:

1. comments and tables are left out (a news body is prose);
2. a paragraph of that extraction stays if trafilatura's precision-oriented pass kept it too,
   or if it is running prose (long and ending like a sentence), which that pass sometimes
   drops along with the boilerplate around it. A paragraph therefore goes only when both
   signals, the precision pass and the paragraph's own form, call it boilerplate; and if
   that would leave nothing, nothing is dropped.

An extraction with no sentence at all (a page of menus, labels and link lists, which
trafilatura's fallback returns when it finds no article) gives empty text.

Where trafilatura finds no main text at all, the page's own declaration of its article text
(schema.org ``articleBody`` in a ``<script type="application/ld+json">``, parsed as JSON data,
never executed) is used instead. Using that declaration to filter paragraphs of a non-empty
extraction was tried and lowered both precision and recall on the development set (declared
bodies are often abridged), so it is not done.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from newsrecon.model import ArticleMeta

PROSE_MIN_WORDS = 16
"""A paragraph this long that ends like a sentence is running text (reasoned, not fitted:
boilerplate lines are labels, links and captions, which are short or unpunctuated)."""

SENTENCE_MIN_WORDS = 4
"""The fewest words a paragraph needs to count as a sentence of an article."""

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]\s*$")


@dataclass(frozen=True, slots=True)
class Extracted:
    """Main text (paragraphs separated by blank lines) and the metadata trafilatura found."""

    text: str
    meta: ArticleMeta


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Main text (paragraphs separated by blank lines) and metadata of one HTML page.

    Returns empty text where the page holds no article; callers turn that into a rejection.
    """
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, etree.ParserError):  # trafilatura lets some lxml errors through
        doc = None
    if doc is None or isinstance(doc, dict):
        return _declared_only(html, ArticleMeta(url=url))
    meta = ArticleMeta(
        title=doc.title or None,
        url=doc.url or url,
        published=doc.date or None,
        author=doc.author or None,
        sitename=doc.sitename or None,
        language=doc.language or None,
    )
    paragraphs = _paragraphs(doc.text or "")
    if not paragraphs:
        return _declared_only(html, meta)
    confirmed = _precision_pass(html, url)
    if not any(_is_sentence(p) for p in paragraphs):
        return _declared_only(html, meta)  # menus, labels and link lists: no article
    kept = [p for p in paragraphs if not confirmed or p in confirmed or _is_prose(p)]
    return Extracted("\n\n".join(kept or paragraphs), meta)


def _declared_only(html: str, meta: ArticleMeta) -> Extracted:
    return Extracted("\n\n".join(_paragraphs(declared_article_body(html))), meta)


def _paragraphs(text: str) -> list[str]:
    return [n for n in (" ".join(line.split()) for line in text.splitlines()) if n]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _is_prose(paragraph: str) -> bool:
    return len(_words(paragraph)) >= PROSE_MIN_WORDS and bool(_SENTENCE_END.search(paragraph))


def _is_sentence(paragraph: str) -> bool:
    return len(_words(paragraph)) >= SENTENCE_MIN_WORDS and bool(_SENTENCE_END.search(paragraph))


def _precision_pass(html: str, url: str | None) -> set[str]:
    """Paragraphs trafilatura keeps when told to favour precision (empty if it fails)."""
    try:
        strict = trafilatura.extract(
            html, url=url, favor_precision=True, include_comments=False, include_tables=False
        )
    except (ValueError, etree.ParserError):
        return set()
    return set(_paragraphs(strict or ""))


def declared_article_body(html: str) -> str:
    """The longest schema.org ``articleBody`` declared in the page's JSON-LD, or ``""``.

    The scripts are parsed as JSON data only; a script that is not valid JSON is ignored.
    """
    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, etree.ParserError):
        return ""
    best = ""
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for body in _article_bodies(data):
            if len(body) > len(best):
                best = body
    return html_lib.unescape(best).strip()


def _article_bodies(data: object) -> Iterator[str]:
    if isinstance(data, list):
        for item in data:
            yield from _article_bodies(item)
    elif isinstance(data, dict):
        body = data.get("articleBody")
        if isinstance(body, str) and body.strip():
            yield body
        for value in data.values():
            if isinstance(value, list | dict):
                yield from _article_bodies(value)

"""HTML pages: decoded honouring their meta charset, then :func:`extract_html`."""

from __future__ import annotations

from newsrecon.model import RawDocument, RejectKind
from newsrecon.pipeline.extract import extract_html
from newsrecon.pipeline.ingest.decode import decode_bytes
from newsrecon.pipeline.ingest.problems import Refusal
from newsrecon.pipeline.ingest.sources import Source

# Extraction falls back to link and menu labels on pages without an article; an article has at
# least one paragraph of running text, which menus and footers never do.
MIN_PARAGRAPH_WORDS = 8

NO_ARTICLE = "no article text (only navigation or boilerplate)"


def has_running_text(text: str) -> bool:
    """Whether some paragraph of extracted ``text`` reads like prose rather than a menu."""
    return any(len(p.split()) >= MIN_PARAGRAPH_WORDS for p in text.split("\n\n"))


def read_page(source: Source, data: bytes) -> RawDocument:
    html = decode_bytes(data, html=True)
    if not html.strip():
        raise Refusal(RejectKind.EMPTY, "file holds only whitespace")
    extracted = extract_html(html, None)
    if not has_running_text(extracted.text):
        raise Refusal(RejectKind.NO_TEXT, f"HTML page has {NO_ARTICLE}")
    return RawDocument(source.label, "html", html, extracted.text, extracted.meta, source.name)

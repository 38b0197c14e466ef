"""Parsing and phrase lookup shared by the rule tests that work on spaCy Docs."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsrecon.pipeline.nlp import get_pipeline


def parse(text: str) -> Doc:
    return get_pipeline()(text)


def phrase_span(doc: Doc, phrase: str, nth: int = 0) -> SpacySpan:
    """The ``nth`` occurrence (from 0) of ``phrase`` as a token span; it must align."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(phrase, start + 1)
    span = doc.char_span(start, start + len(phrase))
    assert span is not None, phrase
    return span

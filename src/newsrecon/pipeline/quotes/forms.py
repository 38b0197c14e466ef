"""Quotes credited without a cue verb: "“...” —Name", "Name: “...”", transcript lines
"Name: words", and bare quotes that may continue the previous one."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsrecon.pipeline.quotes.marks import QuoteRegion
from newsrecon.pipeline.quotes.spans import Candidate, Regions, doc_text, trim

_DASH = re.compile(r"[ \t]*[—–][ \t]*")
_NAME_COLON = re.compile(r"([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})[ \t]*:[ \t]*")


def _names(doc: Doc, start: int, end: int, entity: bool = True) -> bool:
    """Proper nouns only, and (unless ``entity`` is false) naming a person or organisation."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if not all(t.pos_ in {"PROPN", "PUNCT"} or t.text[:1].isupper() for t in span):
        return False
    return not entity or any(t.ent_type_ in {"PERSON", "ORG"} for t in span)


def _dash_or_colon(doc: Doc, r: QuoteRegion) -> Candidate | None:
    """ "“...” —Name" and "Name: “...”" (also for quotes with no cue verb at all)."""
    text = doc_text(doc)
    m = _DASH.match(text, r.end)
    if m:
        n = re.match(r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4}", text[m.end() :])
        if n and _names(doc, m.end(), m.end() + n.end(), entity=False):
            src = (m.end(), m.end() + n.end())
            return Candidate(src, None, [(r.start, r.end)], "direct", regions=[r], route="dash")
    line_start = text.rfind("\n", 0, r.start) + 1
    m = _NAME_COLON.fullmatch(text, line_start, r.start)
    if m and _names(doc, m.start(1), m.end(1)):
        colon = text.index(":", m.end(1))
        return Candidate(
            m.span(1), (colon, colon + 1), [(r.start, r.end)], "direct", regions=[r], route="colon"
        )
    return _named_before_colon(doc, r, line_start)


def _named_before_colon(doc: Doc, r: QuoteRegion, line_start: int) -> Candidate | None:
    """ "Here is Name in 1992: “...”", "More from Name: “...”": a colon right before the
    quote credits the person or organisation named last before it on the same line."""
    text = doc_text(doc)
    colon = text.rfind(":", line_start, r.start)
    if colon < 0 or text[colon + 1 : r.start].strip():
        return None
    span = doc.char_span(line_start, colon, alignment_mode="contract")
    names = [e for e in span.ents if e.label_ in {"PERSON", "ORG"}] if span is not None else []
    if not names:
        return None
    name = names[-1]
    return Candidate(
        (name.start_char, name.end_char),
        (colon, colon + 1),
        [(r.start, r.end)],
        "direct",
        source_head=name.root.i,
        regions=[r],
        route="colon2",
    )


def colon_lines(doc: Doc, regions: Regions) -> list[Candidate]:
    """Transcript and headline form "Name: what they said" without quotation marks."""
    text = doc_text(doc)
    out: list[Candidate] = []
    for line in re.finditer(r"[^\n]+", text):
        m = _NAME_COLON.match(text, line.start())
        if not m or m.end() >= line.end() or regions.holding(m.end()):
            continue
        if not _names(doc, m.start(1), m.end(1)):
            continue
        content = trim(text, (m.end(), line.end()), " \t")
        if content is None:
            continue
        colon = text.index(":", m.end(1))
        out.append(Candidate(m.span(1), (colon, colon + 1), [content], "direct", route="line"))
    return out


def unattributed_regions(doc: Doc, regions: Regions, found: list[Candidate]) -> list[Candidate]:
    """Regions no cue verb claimed: "—Name", "Name: “...”", or a bare quote that may continue
    the previous one (kept only if it does)."""
    used = {(r.start, r.end) for c in found for r in c.regions}
    extra: list[Candidate] = []
    for r in regions.items:
        if (r.start, r.end) in used:
            continue
        c = _dash_or_colon(doc, r)
        extra.append(c or Candidate(None, None, [(r.start, r.end)], "direct", regions=[r]))
    return extra

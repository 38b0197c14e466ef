"""Mentions from a parse: the model's named entities, cleaned (titles, articles and possessives
moved out of the name; a "person" whose name ends in a word for a body of people retyped as an
organisation), plus defined acronyms the model missed."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsrecon.model.entities import Mention
from newsrecon.model.span import Span
from newsrecon.pipeline.entities.components import acronym_definitions, title_spans
from newsrecon.pipeline.entities.lexicon import ORGANISATION_HEADS, TITLE_WORDS
from newsrecon.pipeline.entities.names import ascii_fold, is_acronym, name_tokens

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_DROP_LEADING = frozenset({"the", "a", "an"})
_TRAILING = frozenset({"'s", "’s", "'", "’"})


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without leading articles/quotes or trailing possessives/punctuation, and
    without what lies outside a bracket left open or closed inside the range (trimming "the
    (Islamic) Ummah" of its article and bracket left "Islamic) Ummah": the name is "Ummah")."""
    while start < end and (doc[start].lower_ in _DROP_LEADING or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in _TRAILING or doc[end - 1].is_punct):
        end -= 1
    depth, cut_start, cut_end = 0, start, end
    for i in range(start, end):
        if doc[i].is_left_punct and doc[i].is_bracket:
            depth += 1
            if cut_end == end:
                cut_end = i  # an opening bracket that is never closed
        elif doc[i].is_right_punct and doc[i].is_bracket:
            if depth == 0:
                cut_start, cut_end = i + 1, end  # a closing bracket opened before the range
            else:
                depth -= 1
                if depth == 0:
                    cut_end = end
    if (cut_start, cut_end) != (start, end) and cut_start < cut_end:
        return _trim(doc, cut_start, cut_end)
    return start, end


def _char_span(article_id: str, doc: Doc, start: int, end: int) -> Span:
    first, last = doc[start], doc[end - 1]
    return Span(article_id, first.idx, last.idx + len(last.text))


def _person_tails(doc: Doc) -> set[tuple[str, ...]]:
    """Person names the article writes: full names, and surnames written alone (as 1-tuples)."""
    return {tuple(name_tokens(e.text)) for e in doc.ents if e.label_ == "PERSON"} - {()}


def doc_mentions(article_id: str, doc: Doc) -> list[Mention]:
    """Named mentions of the article, in text order."""
    titles = {t.end: t for t in title_spans(doc)}
    persons = _person_tails(doc)
    out: list[Mention] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        covered.update(range(ent.start, ent.end))
        for piece_start, piece_end, label in _split_person_tail(doc, ent, persons):
            mention = _mention(article_id, doc, piece_start, piece_end, label, titles)
            if mention is not None:
                out.append(mention)
    defined = {ascii_fold(short.text) for short, _ in acronym_definitions(doc)}
    for tok in doc:
        if tok.i not in covered and is_acronym(tok.text) and ascii_fold(tok.text) in defined:
            out.append(
                Mention(_char_span(article_id, doc, tok.i, tok.i + 1), tok.text, "ORG", "acronym")
            )
    out.sort(key=lambda m: m.span.start)
    return out


def _split_person_tail(
    doc: Doc, ent: SpacySpan, persons: set[tuple[str, ...]]
) -> list[tuple[int, int, str]]:
    """A non-person entity that ends with a person's full name written elsewhere in the article
    (the model fused "the Force Ann Smith") is split into the organisation and the person. So
    is one that ends with two capitalised words of which the last is a surname the article
    writes alone as a person ("Force Ann Smith" ... "Smith said"): a given name and surname,
    the shortest reading of a name."""
    if ent.label_ != "PERSON" and len(ent) >= 3:
        for size in range(len(ent) - 1, 1, -1):
            tail = tuple(name_tokens(doc[ent.end - size : ent.end].text))
            if len(tail) >= 2 and tail in persons:
                return _split_at(ent, size)
        pair = doc[ent.end - 2 : ent.end]
        words = tuple(name_tokens(pair.text))
        if len(words) == 2 and all(t.is_title for t in pair) and words[-1:] in persons:
            return _split_at(ent, 2)
    return [(ent.start, ent.end, ent.label_)]


def _split_at(ent: SpacySpan, size: int) -> list[tuple[int, int, str]]:
    return [(ent.start, ent.end - size, ent.label_), (ent.end - size, ent.end, "PERSON")]


def _mention(
    article_id: str,
    doc: Doc,
    start: int,
    end: int,
    label: str,
    titles: dict[int, SpacySpan],
) -> Mention | None:
    title = None
    title_span = None
    for t in titles.values():  # a title before the entity, or one the model put inside it
        if t.start <= start <= t.end < end:
            title = t
    if title is not None:
        start = title.end
    start, end = _trim(doc, start, end)
    if start >= end:
        return None
    words = [ascii_fold(t.text).rstrip(".") for t in doc[start:end] if not t.is_punct]
    if not words or all(w in TITLE_WORDS for w in words):
        return None
    if label == "PERSON" and len(words) > 1 and words[-1] in ORGANISATION_HEADS:
        label = "ORG"
    span = _char_span(article_id, doc, start, end)
    if title is not None and label == "PERSON":
        title_span = _char_span(article_id, doc, title.start, title.end)
    text = doc.text[span.start : span.end]
    kind = "acronym" if is_acronym(text) else "name"
    head = doc[start:end].root.lemma_.lower()
    return Mention(
        span,
        text,
        label,
        kind,
        head,
        title.label_ if title is not None and label == "PERSON" else None,
        title_span,
    )

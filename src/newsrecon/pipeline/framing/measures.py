"""Find framing words in one article: what the outlet says in its own voice.

Words inside quotation marks are the speaker's, not the outlet's, so labels, acts, loaded
words and hedges there are not counted (the reporting verb and the cited source sit outside
the marks and are). Each :class:`Found` records the measure, the actor it is tied to (or
``""``), the lexicon headword and tone, and its span in the article's clean text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from newsrecon.model import Article, Span
from newsrecon.pipeline.framing.actors import ActorIndex, linked_actor
from newsrecon.pipeline.framing.lexicon import Hit, lexicon

_PARAGRAPH = re.compile(r"[^\n]+")
_OPEN, _CLOSE = frozenset("“«"), frozenset("”»")
_NOUNISH = frozenset({"NOUN", "PROPN"})
_LABEL_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_SOURCE_VERBS = frozenset({"cite", "quote"})
_BY_VERBS = frozenset({"report", "publish", "share", "quote", "say", "carry", "release"})
_NAMED_SOURCE_TYPES = frozenset({"ORG"})
ANYWHERE_SOURCES = frozenset({"agency", "state_media", "outlet"})


@dataclass(frozen=True, slots=True)
class Found:
    measure: str
    subject: str
    term: str
    tone: str
    span: Span
    context: Span | None = None


def quoted_ranges(text: str, extra: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (marks included), plus ``extra`` ranges.

    Curly and guillemet marks nest (a quotation quoting a name in marks is one range); straight
    marks pair up within a paragraph; an unclosed mark ends at its paragraph's end.
    """
    ranges: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(text):
        depth, start, straight = 0, -1, -1
        for i, ch in enumerate(para.group(), para.start()):
            if ch in _OPEN:
                if depth == 0 and straight < 0:
                    start = i
                depth += 1
            elif ch in _CLOSE and depth > 0:
                depth -= 1
                if depth == 0 and straight < 0:
                    ranges.append((start, i + 1))
            elif ch == '"' and depth == 0:
                if straight < 0:
                    straight = i
                else:
                    ranges.append((straight, i + 1))
                    straight = -1
        if depth > 0 and straight < 0:
            ranges.append((start, para.end()))
    return sorted([*ranges, *extra])


def own_words(doc: Doc, quoted: Sequence[tuple[int, int]]) -> int:
    return sum(1 for t in doc if t.is_alpha and not _inside(t.idx, quoted))


def find(
    article: Article, doc: Doc, actors: ActorIndex, quoted: Sequence[tuple[int, int]]
) -> Iterator[Found]:
    yield from _labels(article, doc, actors, quoted)
    yield from _acts(article, doc, actors, quoted)
    yield from _loaded(article, doc, quoted)
    yield from _hedges(article, doc, quoted)
    yield from _verbs(article, doc, actors, quoted)
    yield from _sources(article, doc, quoted)


def _span(article: Article, doc: Doc, hit: Hit) -> Span:
    return Span(article.id, doc[hit.start].idx, doc[hit.end - 1].idx + len(doc[hit.end - 1]))


def _outside(doc: Doc, hit: Hit, quoted: Sequence[tuple[int, int]]) -> bool:
    return not _inside(doc[hit.start].idx, quoted)


def _inside(offset: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in ranges)


def _labels(
    article: Article, doc: Doc, actors: ActorIndex, quoted: Sequence[tuple[int, int]]
) -> Iterator[Found]:
    for hit in lexicon("actor_labels").match(doc):
        head = doc[hit.end - 1]
        if head.pos_ not in _LABEL_POS or not _outside(doc, hit, quoted):
            continue
        if hit.end - hit.start == 1 and head.ent_type_ and head.pos_ == "PROPN":
            continue  # part of a name ("Resistance Party"), not a description
        klass, tone = hit.entry.tag(0), hit.entry.tag(1)
        span = _span(article, doc, hit)
        yield Found("actor_label", f"class:{klass}", hit.entry.term, tone, span)
        actor = linked_actor(actors, article.id, head)
        if actor is not None and actor in actors.names:
            yield Found("actor_label", actor, hit.entry.term, tone, span)


def _acts(
    article: Article, doc: Doc, actors: ActorIndex, quoted: Sequence[tuple[int, int]]
) -> Iterator[Found]:
    for hit in lexicon("acts").match(doc):
        head = doc[hit.end - 1]
        if head.pos_ not in _NOUNISH or head.ent_type_ or not _outside(doc, hit, quoted):
            continue
        tone = hit.entry.tag(0)
        span = _span(article, doc, hit)
        yield Found("act", "", hit.entry.term, tone, span)
        actor = linked_actor(actors, article.id, head)
        if actor is not None and actor in actors.names:
            yield Found("act", actor, hit.entry.term, tone, span)


def _loaded(article: Article, doc: Doc, quoted: Sequence[tuple[int, int]]) -> Iterator[Found]:
    for hit in lexicon("loaded").match(doc):
        head = doc[hit.end - 1]
        if (head.ent_type_ and head.pos_ == "PROPN") or not _outside(doc, hit, quoted):
            continue
        tone = hit.entry.tag(0)
        yield Found("loaded", "", hit.entry.term, tone, _span(article, doc, hit))


def _hedges(article: Article, doc: Doc, quoted: Sequence[tuple[int, int]]) -> Iterator[Found]:
    for hit in lexicon("hedges").match(doc):
        if not _outside(doc, hit, quoted):
            continue
        kind = hit.entry.tag(0)
        first, after = doc[hit.start], doc[hit.end] if hit.end < len(doc) else None
        if kind == "approximator" and (after is None or not after.like_num):
            continue  # "about the letter" is no hedge; "about 1,200" is
        if hit.entry.term in {"may", "might", "could"} and first.tag_ != "MD":
            continue
        sent = first.sent
        context = Span(article.id, sent.start_char, sent.end_char)
        yield Found("hedge", "", hit.entry.term, kind, _span(article, doc, hit), context)


def _verbs(
    article: Article, doc: Doc, actors: ActorIndex, quoted: Sequence[tuple[int, int]]
) -> Iterator[Found]:
    for hit in lexicon("reporting_verbs").match(doc):
        verb = doc[hit.start]
        if verb.pos_ != "VERB" or not _outside(doc, hit, quoted):
            continue
        tone = hit.entry.tag(0)
        span = _span(article, doc, hit)
        yield Found("reporting_verb", "", hit.entry.term, tone, span)
        actor = linked_actor(actors, article.id, verb, verb=True)
        if actor is not None and actor in actors.names:
            yield Found("reporting_verb", actor, hit.entry.term, tone, span)


def _sources(article: Article, doc: Doc, quoted: Sequence[tuple[int, int]]) -> Iterator[Found]:
    covered: set[int] = set()
    for hit in lexicon("sources").match(doc):
        if not _outside(doc, hit, quoted):
            continue
        kind = hit.entry.tag(0)
        head = doc[hit.end - 1]
        if kind in {"agency", "state_media", "outlet"}:
            if len(hit.entry.term) <= 3 and not doc[hit.start].is_upper:
                continue  # "ap", "abc", "cbs" count only as written in capitals
        elif not sourcing_position(head):
            continue
        covered.update(range(hit.start, hit.end))
        yield Found("source", "", hit.entry.term, kind, _span(article, doc, hit))
    for ent in doc.ents:
        if ent.label_ not in _NAMED_SOURCE_TYPES or covered & set(range(ent.start, ent.end)):
            continue
        if _inside(ent.start_char, quoted):
            continue
        if sourcing_position(ent.root):
            yield Found(
                "source",
                "",
                ent.text,
                "named",
                Span(article.id, ent.start_char, ent.end_char),
            )


def sourcing_position(head: Token) -> bool:
    """Is ``head`` what a statement is attributed to? ("according to X", "X said", "citing X",
    "published by X", "a X report")."""
    parent = head.head
    if head.dep_ in {"nsubj", "nsubjpass"} and parent.lemma_.lower() in _reporting_lemmas():
        return True
    if head.dep_ == "pobj" and parent.lower_ == "to" and parent.head.lower_ == "according":
        return True
    if head.dep_ == "dobj" and parent.lemma_.lower() in _SOURCE_VERBS:
        return True
    if head.dep_ == "pobj" and parent.lower_ == "by" and parent.head.lemma_ in _BY_VERBS:
        return True
    return head.dep_ in {"compound", "poss"} and parent.lemma_.lower() in {"report", "statement"}


@cache
def _reporting_lemmas() -> frozenset[str]:
    return frozenset(e.term for e in lexicon("reporting_verbs").entries)

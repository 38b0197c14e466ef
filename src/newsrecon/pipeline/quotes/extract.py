"""Quotes of one article: candidates from the parse turned into :class:`Quote` records with
their speakers classified, pronouns resolved where safe and linked to story entities."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from newsrecon.model import Article, Span
from newsrecon.model.quotes import Quote, QuoteKind, ReportedAs, SpeakerKind
from newsrecon.pipeline.entities.names import name_tokens, persons_match, split_title
from newsrecon.pipeline.quotes.candidates import Candidate, candidates
from newsrecon.pipeline.quotes.lexicon import lexicon
from newsrecon.pipeline.quotes.speakers import Earlier, Speaker, classify, resolve


class EntityIndex:
    """Entity mentions of one article sorted by start, to find the entity a span names."""

    def __init__(self, entities: Sequence[Any], article: str) -> None:
        self._mentions: list[tuple[int, int, Any]] = []
        self._people = [
            (entity, [_person_tokens(a.text) for a in getattr(entity, "aliases", ())])
            for entity in entities
            if getattr(entity, "type", "") == "PERSON"
        ]
        for entity in entities:
            for m in getattr(entity, "mentions", ()):
                if getattr(m, "article", None) == article:
                    self._mentions.append((m.start, m.end, entity))
        self._mentions.sort(key=lambda x: (x[0], x[1]))

    def find(self, start: int, end: int, head: int | None = None) -> Any | None:
        """The entity with a mention overlapping ``[start, end)`` and, when ``head`` (a
        character offset) is given, covering it; a person wins over others, then the longest
        mention. The head matters because a description names other entities than the one it
        describes: "the commander of the Quds Force" is not the Quds Force."""
        hits = [
            (s, e, ent)
            for s, e, ent in self._mentions
            if s < end and start < e and (head is None or s <= head < e)
        ]
        if not hits:
            return None
        hits.sort(key=lambda h: (getattr(h[2], "type", "") != "PERSON", -(h[1] - h[0])))
        return hits[0][2]

    def person_named(self, name: str) -> Any | None:
        """The one person of the story that ``name`` (a speaker named in the text, with no
        entity mention where it stands: the recogniser missed "General Qaani" there) can
        write by :func:`.names.persons_match`, titles set aside; ``None`` when none or several
        can."""
        tokens = _person_tokens(name)
        if not tokens:
            return None
        found = [
            entity
            for entity, aliases in self._people
            if any(alias and persons_match(tokens, alias) for alias in aliases)
        ]
        return found[0] if len(found) == 1 else None


def _person_tokens(name: str) -> list[str]:
    return split_title(name_tokens(name))[1]


def _quote_id(article: str, content: tuple[int, int]) -> str:
    digest = hashlib.sha1(
        f"{article}:{content[0]}:{content[1]}".encode(), usedforsecurity=False
    ).hexdigest()
    return "q" + digest[:10]


def _head_at(doc: Doc, source: tuple[int, int]) -> int | None:
    """Where the syntactic head of the source phrase starts (``None`` if no token aligns)."""
    span = doc.char_span(*source, alignment_mode="expand")
    return span.root.idx if span is not None and len(span) else None


_KIND_OF_ENTITY = {"PERSON": SpeakerKind.PERSON, "ORG": SpeakerKind.ORGANISATION}


def extract_quotes(
    doc: Doc, article: Article, entities: Sequence[Any] = (), nested: bool = True
) -> tuple[Quote, ...]:
    """Every attribution in ``article`` (``doc`` is its parse), in text order; ``nested``
    keeps reported speech inside reported speech ("Reuters reported that X told Y ...")."""
    index = EntityIndex(entities, article.id)
    earlier: list[Earlier] = []
    quotes: list[Quote] = []
    for cand in candidates(doc, nested=nested):
        quote = _quote(doc, article, cand, index, earlier)
        if quote is not None:
            quotes.append(quote)
    return tuple(quotes)


def _quote(
    doc: Doc, article: Article, cand: Candidate, index: EntityIndex, earlier: list[Earlier]
) -> Quote | None:
    aid = article.id
    if cand.source is None:
        return None
    written = classify(doc, *cand.source)
    speaker = resolve(doc, cand.source[0], written, earlier)
    # by the name picked out of the source, else by the source's head: a description names
    # other entities than the one it describes ("the head of the Harbour Authority"); a
    # document keeps the entity it names as who stands behind it ("a Reuters report")
    if written.name_at is not None:
        entity = index.find(*written.name_at)
    elif written.kind is SpeakerKind.DOCUMENT:
        entity = index.find(*cand.source)
    else:
        entity = index.find(*cand.source, _head_at(doc, cand.source))
    if entity is None and speaker.antecedent is not None:
        entity = index.find(*speaker.antecedent, _head_at(doc, speaker.antecedent))
    if entity is None and speaker.named and speaker.kind is SpeakerKind.PERSON:
        entity = index.person_named(speaker.name)
    name, kind = speaker.name, speaker.kind
    if entity is not None and kind is not SpeakerKind.DOCUMENT:
        name = entity.name
        kind = _KIND_OF_ENTITY.get(
            entity.type, SpeakerKind.ORGANISATION if kind is SpeakerKind.UNRESOLVED else kind
        )
        speaker = Speaker(name, kind, True, speaker.antecedent, speaker.key_words, speaker.nouns)
    if speaker.named:
        named_at = speaker.antecedent or written.name_at or cand.source
        earlier.append(Earlier(cand.source[0], speaker, named_at))
    content = Span(aid, *cand.content)
    return Quote(
        id=_quote_id(aid, cand.content),
        article=aid,
        outlet=article.outlet,
        speaker=name,
        speaker_span=Span(aid, *cand.source),
        speaker_entity=getattr(entity, "id", None),
        speaker_kind=kind,
        cue=Span(aid, *cand.cue) if cand.cue else None,
        content=content,
        kind=QuoteKind(cand.kind),
        content_parts=tuple(Span(aid, *p) for p in cand.parts),
        speaker_as_written=written.name,
        resolved_from=(
            Span(aid, *speaker.antecedent) if speaker.antecedent and not written.named else None
        ),
        reported_as=reported_as(doc, cand),
    )


def reported_as(doc: Doc, cand: Candidate) -> ReportedAs:
    """Speech when words are quoted, when no cue word stands between source and words
    ("Name:", "—Name"), when the content is a clause the cue governs ("X sneered that ..."),
    or when the cue is a reporting verb, "according to" or a noun naming what is said or
    written ("in a statement"); any other cue credits a stance, belief or act ("X backed the
    plan")."""
    if cand.kind != QuoteKind.INDIRECT or cand.cue_token < 0:
        return ReportedAs.SPEECH
    if cand.route.startswith("comp"):
        return ReportedAs.SPEECH
    words = lexicon()
    cue = doc[cand.cue_token]
    lemma = cue.lemma_.lower()
    if lemma in words.speech or lemma in words.document or cue.lower_ == "according":
        return ReportedAs.SPEECH
    return ReportedAs.OTHER

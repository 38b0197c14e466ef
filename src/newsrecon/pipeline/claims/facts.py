"""Sentence-level facts: what one sentence of one article asserts, with its typed slots.

A fact is the unit claims are made of: the sentence span, its numbers, dates, places and names,
whether it is negated, hedged or a denial of an earlier report, and whom it is attributed to.
Everything is read from the spaCy parse of exactly ``Article.text``, so offsets are evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsrecon.pipeline.claims.lexicon import (
    DENIAL_VERBS,
    DENIAL_WORDS,
    MODAL_WORDS,
    NEGATION_WORDS,
    REPORT_NOUNS,
    SPEECH_VERBS,
    event_class,
)
from newsrecon.pipeline.claims.numbers import Number, find_numbers
from newsrecon.pipeline.claims.roles import EntityHit, Role, sentence_roles
from newsrecon.pipeline.timex import Timex, find_timexes

_FULL_DATE = re.compile(r"^(?:\d{4}|XXXX)-\d\d(?:-\d\d)?$")
_EXPLICIT = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\d{1,2}/\d{1,2}",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# Parts of a day that reach across midnight: "Tuesday night" and "early Wednesday" can be one
# moment, so such a weekday agrees with the next or previous one.
_EDGE_OF_DAY = re.compile(r"\b(?:night|overnight|midnight|late|early|evening|dawn)\b", re.I)
_NAME_TYPES = ("PERSON", "ORG", "NORP", "FAC")
_PLACE_TYPES = ("GPE", "LOC")


@dataclass(frozen=True, slots=True)
class DateSlot:
    start: int
    end: int
    text: str
    value: str
    event: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One sentence of one article. ``names``/``places`` are canonical names (entity names
    from the entities stage where a mention overlaps, else the lower-cased text)."""

    article: str
    outlet: str
    index: int
    start: int
    end: int
    text: str
    numbers: tuple[Number, ...] = ()
    dates: tuple[DateSlot, ...] = ()
    places: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    lemmas: frozenset[str] = frozenset()
    root: str = ""
    negated: bool = False
    modal: bool = False
    denial: bool = False
    denies_report: bool = False
    reported: str = ""
    attribution: str | None = None
    entity_spans: tuple[tuple[int, int, str, str], ...] = field(default=())
    part: bool = False
    roles: tuple[Role, ...] = ()


def calendar_value(timex: Timex) -> str | None:
    """The value of an explicit calendar date (a month named or written, with a day or a
    year), with the year written X when the text does not state it, so that two reports
    anchored at different (or unknown) publication dates compare on what they actually say.
    Relative expressions ("Thursday", "last month") are left out: their value depends on a
    publication date that may itself be estimated."""
    if not _FULL_DATE.match(timex.value) or not _EXPLICIT.search(timex.text):
        return None
    if not _YEAR.search(timex.text):
        return "XXXX" + timex.value[4:]
    return timex.value


# Parts of a day are where a date sits, not what it dates: "in the night of 9 March" dates
# what happened in that night.
_TIME_OF_DAY = frozenset(
    {"night", "morning", "evening", "afternoon", "dawn", "dusk", "noon", "midnight", "day"}
    | {"a.m", "p.m", "am", "pm", "hours", "hour", "o'clock", "time", "hrs"}
)


def weekday_value(timex: Timex) -> str | None:
    """``weekday:thursday`` (``weekday:thursday~`` at the edge of a day) for an expression that
    names one weekday and no calendar date. A weekday names the day of an event whatever the
    publication date it is read from, so two weekdays for one event compare without anchors."""
    days = {m.lower() for m in _WEEKDAY.findall(timex.text)}
    if len(days) != 1 or _EXPLICIT.search(timex.text):
        return None
    edge = "~" if _EDGE_OF_DAY.search(timex.text) else ""
    return f"weekday:{days.pop()}{edge}"


def _event_of(tokens: list[Token]) -> str:
    """What a date attaches to: up from the date through prepositions to a noun or verb."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i in inside:
            continue
        node = token.head
        for _ in range(5):
            if (
                node.pos_ in ("NOUN", "VERB", "PROPN")
                and node.i not in inside
                and node.lower_.rstrip(".") not in _TIME_OF_DAY
            ):
                return event_class(node.lemma_)
            if node.head is node:
                break
            node = node.head
    return ""


_SOURCE_NOUNS = frozenset(
    {
        "media",
        "medium",
        "agency",
        "official",
        "officials",
        "authority",
        "authorities",
        "report",
        "sources",
        "source",
        "ministry",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "newspaper",
        "television",
    }
)
# Verbs by which an outlet passes on what a source published: the source is an attribution,
# unlike the speaker of a remark ("Qaani said"), who is part of the claim itself.
_PUBLISHING = frozenset({"report", "publish", "share", "cite", "quote", "carry", "broadcast"})


def _source_text(span: SpacySpan) -> str:
    words = [
        t.text
        for t in span
        if t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")
        and t.tag_ != "POS"
        and t.lower_ not in ("the", "a", "an", "'s", "’s", "exclusive")
        and not t.is_punct
    ]
    return " ".join(words).strip()


def attribution_of(sent: SpacySpan) -> tuple[str | None, str]:
    """Who the sentence attributes its content to, and how: ``according`` ("according to
    X"), ``report`` (X reported / published by X / a X report), ``speech`` (X said), or ""."""
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor(1).lower_ == "to":
            objects = [c for c in token.nbor(1).children if c.dep_ == "pobj"]
            if objects:
                return _source_text(_subtree(objects[0])) or None, "according"
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma in _PUBLISHING and verb.pos_ == "VERB":
            for agent in (c for c in verb.children if c.dep_ == "agent"):
                for obj in (c for c in agent.children if c.dep_ == "pobj"):
                    return _source_text(_subtree(obj)) or None, "report"
            for who in (c for c in verb.children if c.dep_ == "nsubj"):
                if who.pos_ != "PRON" and (
                    who.ent_type_ in ("ORG", "NORP", "GPE") or who.lemma_.lower() in _SOURCE_NOUNS
                ):
                    return _source_text(_subtree(who)) or None, "report"
        if lemma == "report" and verb.pos_ == "NOUN":
            owners = [c for c in verb.children if c.dep_ in ("compound", "poss")]
            owners = [c for c in owners if c.ent_type_ in ("ORG", "PERSON", "NORP")]
            if owners:
                return owners[0].text, "report"
    root = sent.root
    speech = [t for t in sent if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB"]
    for verb in sorted(speech, key=lambda t: (t.i != root.i, t.i)):
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ in ("acl", "relcl") or not subj:
            continue
        if subj[0].pos_ == "PRON":
            return None, "speech"
        return _source_text(_subtree(subj[0])) or None, "speech"
    return None, ""


def _subtree(token: Token) -> SpacySpan:
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "appos", "amod", "flat"):
            right = max(right, child.right_edge.i)
    return token.doc[left : right + 1]


def _denial(sent: SpacySpan) -> tuple[bool, bool]:
    """(the sentence denies something, what it denies is an earlier report or claim)."""
    verbs = [t for t in sent if t.lemma_.lower() in DENIAL_VERBS]
    words = [t for t in sent if t.lower_ in DENIAL_WORDS]
    if not verbs and not words:
        return False, False
    for verb in verbs:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "obj")]
        if any(o.lemma_.lower() in REPORT_NOUNS for o in objs):
            return True, True
    return bool(verbs), False


def _entity_names(
    sent: SpacySpan, entities: Mapping[tuple[str, int], EntityHit], article: str
) -> tuple[frozenset[str], frozenset[str], tuple[tuple[int, int, str, str], ...]]:
    names: set[str] = set()
    places: set[str] = set()
    spans: list[tuple[int, int, str, str]] = []
    for ent in sent.ents:
        canonical, etype = ent.text.lower(), ent.label_
        for pos in range(ent.start_char, ent.end_char):
            hit = entities.get((article, pos))
            if hit is not None:
                canonical, etype = hit[0].lower(), hit[1] or etype
                break
        if etype in _PLACE_TYPES:
            places.add(canonical)
        elif etype in _NAME_TYPES:
            names.add(canonical)
        else:
            continue
        spans.append((ent.start_char, ent.end_char, canonical, etype))
    return frozenset(names), frozenset(places), tuple(spans)


def entity_index(entities: tuple[object, ...]) -> dict[tuple[str, int], EntityHit]:
    """(article, char) → (canonical name, type, entity id) for the entities stage's mentions,
    so that "Ghaani" and "Qaani" compare equal when that stage resolved them to one entity."""
    index: dict[tuple[str, int], EntityHit] = {}
    for entity in entities:
        name = str(getattr(entity, "name", "") or "")
        etype = str(getattr(entity, "type", "") or "")
        entity_id = str(getattr(entity, "id", "") or "")
        for mention in getattr(entity, "mentions", ()) or ():
            article = getattr(mention, "article", None)
            if article is None or not name:
                continue
            index[(article, int(mention.start))] = (name, etype, entity_id)
    return index


def article_facts(
    article_id: str,
    outlet: str,
    doc: Doc,
    anchor: date | None,
    entities: Mapping[tuple[str, int], EntityHit] | None = None,
) -> list[Fact]:
    """One fact per sentence that has a verb (headlines, captions and bylines are skipped)."""
    entities = entities or {}
    timexes = find_timexes(doc.text, anchor)
    masked = [(t.start, t.end) for t in timexes]
    masked += [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    out: list[Fact] = []
    parts: list[Fact] = []
    for index, sent in enumerate(doc.sents):
        if not any(t.pos_ in ("VERB", "AUX") for t in sent) or len(sent) < 5:
            continue
        fact = _fact(article_id, outlet, index, sent, timexes, masked, entities)
        out.append(fact)
        for clause in _number_clauses(sent, fact):
            part = _fact(article_id, outlet, index, clause, timexes, masked, entities)
            parts.append(replace(part, part=True))
    return out + parts


def _number_clauses(sent: SpacySpan, fact: Fact) -> list[SpacySpan]:
    """The clause around each counted event of a long sentence ("the massacres that killed
    1,200 people"), so that a count can align with the same count in another article even
    when the rest of the two sentences differ."""
    out: list[SpacySpan] = []
    seen: set[tuple[int, int]] = set()
    doc = sent.doc
    for number in fact.numbers:
        if number.event_token < 0 or not number.unit:
            continue
        event = doc[number.event_token]
        top = event.head if event.dep_ in ("relcl", "acl") and event.head.i != event.i else event
        left, right = top.left_edge.i, top.right_edge.i
        left, right = max(left, sent.start), min(right, sent.end - 1)
        if (left, right) in seen or right - left + 1 >= len(sent) - 2 or right - left < 3:
            continue
        seen.add((left, right))
        out.append(doc[left : right + 1])
    return out


def _fact(
    article_id: str,
    outlet: str,
    index: int,
    sent: SpacySpan,
    timexes: list[Timex],
    masked: list[tuple[int, int]],
    entities: Mapping[tuple[str, int], EntityHit],
) -> Fact:
    start, end = sent.start_char, sent.end_char
    dates = []
    for t in timexes:
        if not (start <= t.start and t.end <= end and t.type in ("DATE", "TIME")):
            continue
        value = calendar_value(t) if t.type == "DATE" else None
        value = value or weekday_value(t)
        if value is not None:
            toks = [tok for tok in sent if t.start <= tok.idx < t.end]
            dates.append(DateSlot(t.start, t.end, t.text, value, _event_of(toks)))
    names, places, spans = _entity_names(sent, entities, article_id)
    root = sent.root
    negated = any(c.dep_ == "neg" or c.lower_ in NEGATION_WORDS for c in root.children) or any(
        t.dep_ == "neg" and t.head.dep_ in ("ccomp", "xcomp", "conj") and t.head.head == root
        for t in sent
    )
    modal = any(t.lower_ in MODAL_WORDS for t in sent)
    denial, denies_report = _denial(sent)
    attribution, reported = attribution_of(sent)
    lemmas = frozenset(
        t.lemma_.lower() for t in sent if t.is_alpha and not t.is_stop and t.pos_ != "PROPN"
    )
    return Fact(
        article=article_id,
        outlet=outlet,
        index=index,
        start=start,
        end=end,
        text=sent.text,
        numbers=tuple(find_numbers(sent, masked)),
        dates=tuple(dates),
        places=places,
        names=names,
        lemmas=lemmas,
        root=root.lemma_.lower(),
        negated=negated,
        modal=modal,
        denial=denial,
        denies_report=denies_report,
        reported=reported,
        attribution=attribution,
        entity_spans=spans,
        roles=sentence_roles(sent, entities, article_id),
    )

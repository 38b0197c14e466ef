"""Who and where a sentence is about: named entities in their syntactic role, and the
comparison that turns "a different name in the same role" into a name, title or place conflict.

Precision first. A name in one sentence is compared with a name in an aligned sentence only
when both fill the same role (subject of the same kind of verb, object of the same preposition
under the same event, ...) and each sentence has one name in that role. Two names are the same
referent when the entities stage resolved them to one entity, or, without entities, when they
write one name: transliteration and spelling variants ("Qaani"/"Ghaani", "Zelensky"/
"Zelenskyy"), a surname for a full name, an acronym for its expansion, a place inside a longer
place name. A spelling variant is therefore never a conflict. A name is not a conflict either
when the other sentence mentions it anywhere (the two sentences distribute roles differently),
and the rest of the two sentences must say nearly the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsrecon.pipeline.claims.lexicon import SPEECH_VERBS, event_class
from newsrecon.pipeline.entities.lexicon import RANKS, TITLES
from newsrecon.pipeline.entities.names import (
    acronym_of,
    is_acronym,
    name_tokens,
    orgs_match,
    persons_match,
    romanised,
    split_title,
    tokens_match,
)

# (canonical name, type, entity id) per (article, character) of an entity mention.
EntityHit = tuple[str, str, str]

NAME_TYPES = frozenset({"PERSON", "ORG", "NORP"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "agent", "attr", "dative"})
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss"})
_TITLE_REACH = 4  # a title is at most this many words before the name
# Honorifics and titles one person holds beside an office: never a conflict with an office.
_NOT_OFFICES = frozenset(
    {"mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "doctor", "professor", "reverend"}
    | {"father", "chief", "commander", "sheikh", "spokesman", "spokeswoman", "imam"}
    | {"ayatollah", "grand ayatollah", "prince", "princess"}
)
_FORMER = frozenset({"former", "ex", "then", "late", "acting", "interim", "outgoing", "incoming"})
MIN_OVERLAP = 0.6  # content-word overlap of two sentences whose names are compared
SPELLING_SIMILARITY = 88.0  # rapidfuzz ratio of two romanised names that write one name


@dataclass(frozen=True, slots=True)
class Role:
    """One named entity of a sentence. ``key`` is the role it fills (``nsubj:say``,
    ``in:kill``); ``kind`` ``name`` or ``place``; ``entity`` the entities stage's id, if any;
    ``title`` the office or rank written before a person (``foreign minister``)."""

    key: str
    kind: str
    etype: str
    name: str
    text: str
    start: int
    end: int
    entity: str | None = None
    title: str | None = None
    title_start: int = -1
    title_end: int = -1

    @property
    def speaker(self) -> bool:
        return self.key.startswith("nsubj:") and self.key.split(":", 1)[1] in SPEECH_VERBS


def _role_key(token: Token) -> str | None:
    """The role of the entity whose head token is ``token``, through appositions and
    conjunctions to the phrase that fills a slot of a verb or a noun."""
    node = token
    for _ in range(3):
        if node.dep_ in ("appos", "conj", "compound", "flat") and node.head.i != node.i:
            node = node.head
        else:
            break
    dep = node.dep_
    head = node.head
    if dep == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
        return f"{head.lower_}:{event_class(head.head.lemma_)}"
    if dep == "poss":
        return f"poss:{event_class(head.lemma_)}"
    if dep in _ROLE_DEPS:
        return f"{dep}:{event_class(head.lemma_)}"
    return None


def _title_before(ent: SpacySpan) -> tuple[str | None, int, int]:
    """An office or rank written just before a person's name ("Foreign Minister X")."""
    doc = ent.doc
    inside, rest = split_title(name_tokens(ent.text))
    if inside is not None and rest:
        return inside, ent.start_char, ent.end_char
    lo = max(ent.sent.start, ent.start - _TITLE_REACH)
    for begin in range(lo, ent.start):
        words = [t.lower_.rstrip(".") for t in doc[begin : ent.start]]
        phrase = " ".join(words)
        if phrase in TITLES:
            if begin > ent.sent.start and doc[begin - 1].lower_.rstrip("-") in _FORMER:
                phrase = "former " + phrase  # a past office is no claim about the present one
            return phrase, doc[begin].idx, doc[ent.start - 1].idx + len(doc[ent.start - 1])
    return None, -1, -1


def sentence_roles(
    sent: SpacySpan, entities: Mapping[tuple[str, int], EntityHit], article: str
) -> tuple[Role, ...]:
    out: list[Role] = []
    for ent in sent.ents:
        etype, canonical, entity = ent.label_, ent.text, None
        for pos in range(ent.start_char, ent.end_char):
            hit = entities.get((article, pos))
            if hit is not None:
                canonical, etype, entity = hit[0], hit[1] or etype, hit[2] or None
                break
        key = _role_key(ent.root) or ""  # kept without a role: it still names who is there
        if etype in NAME_TYPES or (etype == "GPE" and key.split(":")[0] in _ACTOR_DEPS):
            kind = "name"  # a country that says or does something is an actor, not a place
        elif etype in PLACE_TYPES:
            kind = "place"
        else:
            continue
        title, t_start, t_end = _title_before(ent) if etype == "PERSON" else (None, -1, -1)
        out.append(
            Role(
                key,
                kind,
                etype,
                canonical,
                ent.text,
                ent.start_char,
                ent.end_char,
                entity,
                title,
                t_start,
                t_end,
            )
        )
    return tuple(out)


def same_referent(a: Role, b: Role) -> bool:
    """Whether two mentions can name one entity (resolved entities decide when both have one;
    otherwise spelling, transliteration, surname, acronym and containment are all tolerated)."""
    if a.entity and b.entity:
        return a.entity == b.entity
    return names_match(a.text, b.text, a.etype if a.etype == b.etype else "")


def names_match(a: str, b: str, etype: str = "") -> bool:
    ta, tb = split_title(name_tokens(a))[1], split_title(name_tokens(b))[1]
    if not ta or not tb:
        return True  # nothing left to compare: never a conflict
    if ta == tb:
        return True
    if is_acronym(a.strip()) and acronym_of(a.strip(), tb):
        return True
    if is_acronym(b.strip()) and acronym_of(b.strip(), ta):
        return True
    if etype == "PERSON" and persons_match(ta, tb):
        return True
    if etype == "ORG" and orgs_match(ta, tb):
        return True
    ra, rb = " ".join(romanised(t) for t in ta), " ".join(romanised(t) for t in tb)
    if fuzz.ratio(ra, rb) >= SPELLING_SIMILARITY:
        return True
    # One name inside the other ("Gaza" / "the Gaza Strip", "Clinton" / "Hillary Clinton"),
    # token by token with transliteration tolerance.
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(any(tokens_match(s, t) for t in long) for s in short)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (two empty sets agree)."""
    return len(a & b) / len(a | b) if a | b else 1.0


@dataclass(frozen=True, slots=True)
class RoleDisagreement:
    """A name, place or title that differs between two aligned sentences."""

    kind: str  # name | place | title
    key: str
    left: Role
    right: Role
    left_value: str
    right_value: str


def role_disagreements(
    roles_a: Sequence[Role],
    roles_b: Sequence[Role],
    lemmas_a: frozenset[str],
    lemmas_b: frozenset[str],
) -> list[RoleDisagreement]:
    """Different referents in one role, and different offices for one person."""
    out: list[RoleDisagreement] = []
    if overlap(lemmas_a, lemmas_b) < MIN_OVERLAP:
        return out
    for ra in roles_a:
        for rb in roles_b:
            if ra.key and ra.key == rb.key and ra.kind == rb.kind and same_referent(ra, rb):
                title = _title_disagreement(ra, rb)
                if title is not None:
                    out.append(title)
    # Per role, the names of each side that the other sentence does not mention anywhere: a
    # conjunct or a name moved to another role is not a replacement. One left on each side is.
    for key, kind in {(r.key, r.kind) for r in roles_a if r.key}:
        left = [r for r in roles_a if (r.key, r.kind) == (key, kind)]
        right = [r for r in roles_b if (r.key, r.kind) == (key, kind)]
        if not right:
            continue
        lonely_a = [r for r in left if not any(same_referent(r, o) for o in roles_b)]
        lonely_b = [r for r in right if not any(same_referent(r, o) for o in roles_a)]
        if len(lonely_a) == 1 and len(lonely_b) == 1:
            ra, rb = lonely_a[0], lonely_b[0]
            out.append(RoleDisagreement(kind, f"{kind}:{key}", ra, rb, ra.name, rb.name))
    return out


def _title_disagreement(a: Role, b: Role) -> RoleDisagreement | None:
    if not a.title or not b.title or a.title == b.title:
        return None
    if {a.title, b.title} & _NOT_OFFICES or "former" in a.title + b.title:
        return None
    if a.title in RANKS and b.title in RANKS:
        return None  # ranks are the entities stage's title conflicts
    if a.title.endswith(" " + b.title) or b.title.endswith(" " + a.title):
        return None  # "minister" is compatible with "foreign minister"
    return RoleDisagreement("title", f"title:{a.name.lower()}", a, b, a.title, b.title)

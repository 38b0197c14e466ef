"""What a mention's own words say about which entity it can be: the head lemma and the
modifiers that tell two same-head phrases apart.

Two phrases with one head ("the earthquake", "the island") usually name one thing within a
story, which is why same-head matching is a strong baseline; what breaks it is a modifier that
singles out a different referent: another number ("two people" / "three people"), another
proper-name modifier ("the Indonesian island" / "the Greek island"), another ordinal or a
contrastive word ("the first victim" / "the second victim"), or, for names, another given name
("Anna Reid" / "Tom Reid"). Those are read from the parse only (no word lists of names).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from newsrecon.pipeline.entities.lexicon import (
    FIRST_PERSON,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    SECOND_PERSON,
    THING_PRONOUNS,
    TITLE_WORDS,
)
from newsrecon.pipeline.entities.names import ascii_fold, persons_match

# Words that set a referent apart from another of the same kind.
CONTRASTIVE: frozenset[str] = frozenset(
    {
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "last",
        "next",
        "previous",
        "former",
        "current",
        "new",
        "old",
        "other",
        "another",
        "earlier",
        "later",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "upper",
        "lower",
        "senior",
        "junior",
        "male",
        "female",
    }
)
_ALL_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON | SECOND_PERSON


@dataclass(frozen=True, slots=True)
class MentionCues:
    """Parse-level facts about one mention. ``kind`` is name, nominal or pronoun; ``head`` the
    lowercase head lemma (the head word itself for a name); ``name`` the name's folded words."""

    kind: str
    head: str
    numbers: frozenset[str] = frozenset()
    proper: frozenset[str] = frozenset()
    contrast: frozenset[str] = frozenset()
    name: tuple[str, ...] = ()


def mention_kind(span: SpacySpan) -> str:
    root = span.root
    acronym = len(root.text) > 1 and root.text.isupper()  # "US", "IT": names, not pronouns
    if not acronym and (root.pos_ == "PRON" or root.lower_ in _ALL_PRONOUNS):
        return "pronoun"
    if root.pos_ == "PROPN" or (root.ent_type_ == "NORP" and root.text[:1].isupper()):
        return "name"  # a demonym ("Moravanian") is tagged an adjective but names a people
    return "nominal"


def mention_cues(span: SpacySpan) -> MentionCues:
    root = span.root
    kind = mention_kind(span)
    head = root.lower_ if kind != "nominal" else root.lemma_.lower()
    numbers: set[str] = set()
    proper: set[str] = set()
    contrast: set[str] = set()
    name: list[str] = []
    for token in span:
        word = ascii_fold(token.text)
        if token.i == root.i:
            if kind == "name":
                name.append(word)
            continue
        if token.like_num or token.pos_ == "NUM":
            numbers.add(word.replace(",", ""))
        elif token.lemma_.lower() in CONTRASTIVE:
            contrast.add(token.lemma_.lower())
        elif token.pos_ == "PROPN" and token.head.i == root.i and kind == "nominal":
            proper.add(word)
    if kind == "name":
        name = _name_run(span)
    return MentionCues(
        kind, head, frozenset(numbers), frozenset(proper), frozenset(contrast), tuple(name)
    )


def _name_run(span: SpacySpan) -> list[str]:
    """The proper-noun words ending at the head that belong to its name: no title, and no
    other name the model tagged as another entity ("Acme chief Ann Lee")."""
    root = span.root
    words = [ascii_fold(root.text)]
    i = root.i - 1
    while i >= span.start:
        token = root.doc[i]
        other_entity = token.ent_type_ != root.ent_type_ or (
            token.ent_iob_ == "B" and i < root.i - 1
        )
        if token.pos_ != "PROPN" or other_entity or ascii_fold(token.text) in TITLE_WORDS:
            break
        words.insert(0, ascii_fold(token.text).rstrip("."))
        if token.ent_iob_ == "B":
            break
        i -= 1
    return [w for w in words if w.replace("-", "").isalpha()]


def cues_conflict(a: MentionCues, b: MentionCues, persons: bool = False) -> bool:
    """Whether the words of two same-head mentions single out different referents;
    ``persons``: both name people, so their given names must agree too."""
    if a.numbers and b.numbers and not a.numbers & b.numbers:
        return True
    if a.contrast and b.contrast and a.contrast != b.contrast:
        return True
    if a.proper and b.proper and not a.proper & b.proper:
        return True
    if persons and a.kind == "name" and b.kind == "name" and len(a.name) > 1 and len(b.name) > 1:
        return not persons_match(list(a.name), list(b.name))
    return False

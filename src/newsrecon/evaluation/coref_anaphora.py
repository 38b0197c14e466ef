"""Links inside one document for the eval's clustering: a third-person pronoun to its
antecedent, and a phrase to the one it renames (apposition, complement of "be").

Pronouns follow the classic rule-based order (Hobbs; Lee et al. 2013's sieves, simplified):
candidates are earlier mentions at most :data:`PRONOUN_REACH` sentences back that agree in
type and number (a non-pronoun) or are a form of the same pronoun; those in the pronoun's own
sentence come first, then by sentence going back, subjects before other mentions.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from newsrecon.pipeline.claims.lexicon import SPEECH_VERBS
from newsrecon.pipeline.entities.lexicon import (
    FEMALE_WORDS,
    FIRST_PERSON,
    MALE_WORDS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    THING_PRONOUNS,
)
from newsrecon.pipeline.entities.nominals import MentionCues

PRONOUN_REACH = 2
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_FORMS = (
    frozenset({"he", "him", "his", "himself"}),
    frozenset({"she", "her", "hers", "herself"}),
    THING_PRONOUNS,
    PLURAL_PRONOUNS,
)


@dataclass(frozen=True, slots=True)
class CorefItem:
    """One mention to cluster: an id, its document, its parsed span and its coarse type ("" when
    unknown, as for a predicted common noun)."""

    id: Hashable
    doc: str
    span: SpacySpan
    type: str


def types_agree(a: str, b: str) -> bool:
    """Same type, or an unknown type. Kinds of place stay apart: a country and a building in
    it are two entities."""
    return a == b or not a or not b


def _pronoun_types(word: str) -> frozenset[str] | None:
    if word in PERSON_PRONOUNS:
        return frozenset({"PERSON"})
    if word in THING_PRONOUNS:
        return frozenset({"ORG", "GPE", "LOC", "FAC", "THING"})
    if word in PLURAL_PRONOUNS:
        return frozenset({"ORG", "PERSON", "THING", "GPE"})
    return None


def _form(pronoun: str) -> int:
    """Which of he / she / it / they a third-person pronoun is a form of (-1: none)."""
    return next((n for n, forms in enumerate(_FORMS) if pronoun in forms), -1)


def number_agrees(pronoun: str, antecedent: SpacySpan) -> bool:
    """They/them for plurals and names (organisations), the singular pronouns for singulars."""
    plural = antecedent.root.tag_ in _PLURAL_TAGS
    if pronoun in PLURAL_PRONOUNS:
        return plural or antecedent.root.pos_ == "PROPN"
    return not plural


def gender(span: SpacySpan) -> str:
    """ "f", "m" or "" from the phrase's gendered nouns and titles ("the actress", "Mr Venn")."""
    words = {t.lower_.rstrip(".") for t in span} | {t.lemma_.lower() for t in span}
    female, male = bool(words & FEMALE_WORDS), bool(words & MALE_WORDS)
    return "f" if female and not male else "m" if male and not female else ""


def gender_agrees(pronoun: str, antecedent: SpacySpan) -> bool:
    form = _form(pronoun)
    said = gender(antecedent)
    return not said or form not in (0, 1) or said == ("m" if form == 0 else "f")


def antecedent(
    items: Sequence[CorefItem],
    cues: Sequence[MentionCues],
    order: Sequence[int],
    at: int,
    check_number: bool = True,
) -> int | None:
    """Index of the mention the pronoun ``items[order[at]]`` stands for, or None."""
    i = order[at]
    allowed = _pronoun_types(cues[i].head)
    if allowed is None:
        return None
    span = items[i].span
    starts = [s.start for s in span.doc.sents if s.start <= span.sent.start]
    reach = starts[-PRONOUN_REACH - 1 :][0]
    found: list[int] = []
    for j in reversed(order[:at]):
        if items[j].span.sent.start < reach:
            break
        if cues[j].kind == "pronoun":
            if _form(cues[j].head) == _form(cues[i].head):
                found.append(j)
            continue
        if check_number and not number_agrees(cues[i].head, items[j].span):
            continue
        if check_number and not gender_agrees(cues[i].head, items[j].span):
            continue
        typed = items[j].type in allowed or not items[j].type
        if typed and (types_agree(items[j].type, items[i].type) or items[i].type not in allowed):
            found.append(j)
    here = span.sent.start
    found.sort(  # stable: nearest first within each rank
        key=lambda j: (
            items[j].span.sent.start != here,
            -items[j].span.sent.start,
            items[j].span.root.dep_ not in _SUBJECTS,
        )
    )
    return found[0] if found else None


def relative_antecedent(items: Sequence[CorefItem], order: Sequence[int], i: int) -> int | None:
    """The mention a relative pronoun stands for: the noun its clause modifies ("the actress
    who ...", "the clinic where ..."), found through the parse, or None."""
    token = items[i].span.root
    for _ in range(3):  # the pronoun sits at most a few arcs under its clause's verb
        if token.dep_ == "relcl":
            noun = token.head
            inside = [j for j in order if j != i and _covers(items[j].span, noun.i)]
            heads = [j for j in inside if items[j].span.root.i == noun.i]
            return min(heads or inside, key=lambda j: len(items[j].span)) if inside else None
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def speaker(items: Sequence[CorefItem], order: Sequence[int], i: int) -> int | None:
    """The mention that says a first-person pronoun: the subject of a speech verb in the
    pronoun's sentence ("'We will appeal,' the club said"), not itself first-person."""
    sent = items[i].span.sent
    roots = {items[j].span.root.i: j for j in order if j != i}
    for token in sent:
        if token.lemma_.lower() not in SPEECH_VERBS or token.pos_ != "VERB":
            continue
        for child in token.children:
            j = roots.get(child.i)
            if child.dep_ in _SUBJECTS and j is not None and child.lower_ not in FIRST_PERSON:
                return j if types_agree(items[i].type, items[j].type) else None
    return None


def _covers(span: SpacySpan, token: int) -> bool:
    return span.start <= token < span.end


def renamings(items: Sequence[CorefItem], order: Sequence[int]) -> list[tuple[int, int]]:
    """Pairs of one document's mentions where one renames the other: an apposition ("Ann Lee,
    the actress"), the complement of "be" ("Ann Lee is the actress") or a role noun written
    before a name ("actress Ann Lee", marked as two mentions), types agreeing."""
    by_root = {items[i].span.root.i: i for i in order}
    pairs = []
    for i in order:
        root = items[i].span.root
        other: int | None = None
        role = root.dep_ == "compound" and root.pos_ == "NOUN" and root.head.pos_ == "PROPN"
        if root.dep_ == "appos" or role:
            other = by_root.get(root.head.i)
        elif root.dep_ == "attr" and root.head.lemma_ == "be":
            subjects = [t for t in root.head.children if t.dep_ in _SUBJECTS]
            other = by_root.get(subjects[0].i) if subjects else None
        if other is not None and other != i and types_agree(items[i].type, items[other].type):
            pairs.append((i, other))
    return pairs

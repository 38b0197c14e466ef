"""Who a source is: its name, its kind (person, organisation, document, group) and, for a
pronoun or a description, the named speaker it refers to when that is safe to say.

Resolution is conservative (there is no packaged coreference model): ``he``/``she`` go to the
nearest earlier named person speaker only if no other named person is the subject of a
sentence in between; a definite description ("the spokeswoman") goes to the nearest earlier
named person whose own source words hold its head noun ("spokeswoman Maren Oduya"). An
indefinite one ("a senior official") brings in someone new and, like anything else, stays as
written, marked ``unresolved``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsrecon.model.quotes import SpeakerKind
from newsrecon.pipeline.quotes.candidates import doc_text
from newsrecon.pipeline.quotes.lexicon import (
    PRONOUNS,
    PRONOUNS_PERSON,
    PRONOUNS_PLURAL,
    lexicon,
)

MAX_RESOLUTION_CHARS = 2500
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "many", "two", "three"})
_PERSON_ENTS = {"PERSON"}
_ORG_ENTS = {"ORG", "NORP", "GPE", "FAC"}


@dataclass(frozen=True, slots=True)
class Speaker:
    """``name`` is what the quote is attributed to; ``kind`` what it is; ``antecedent`` the
    character range of the named source a pronoun/description was resolved to; ``name_at``
    the range of the name picked out of a longer source ("Mossad's former deputy head,
    Ehud Lavi"), which is what the speaker is linked by."""

    name: str
    kind: SpeakerKind
    named: bool
    antecedent: tuple[int, int] | None = None
    key_words: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    head: str = ""
    name_at: tuple[int, int] | None = None


def _head(span: SpacySpan) -> Token:
    return span.root


def _name_in(span: SpacySpan) -> SpacySpan | None:
    """The first person, else organisation, named entity inside the source."""
    ents = [e for e in span.ents]
    for labels in (_PERSON_ENTS, _ORG_ENTS):
        for ent in ents:
            if ent.label_ in labels:
                return ent
    return None


def _capitalised(span: SpacySpan) -> frozenset[str]:
    return frozenset(
        t.text.lower() for t in span if t.text[:1].isupper() and t.i != span.start and t.is_alpha
    ) | frozenset(t.text.lower() for t in span if t.pos_ == "PROPN")


def classify(doc: Doc, start: int, end: int) -> Speaker:
    """The source at ``[start, end)`` as written, before any resolution."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return Speaker(doc_text(doc)[start:end], SpeakerKind.UNKNOWN, False)
    lex = lexicon()
    head = _head(span)
    lemma = head.lemma_.lower()
    text = span.text.strip(" ,")
    words = _capitalised(span)
    nouns = frozenset(t.lemma_.lower() for t in span if t.pos_ == "NOUN")
    if head.lower_ in PRONOUNS and len(span) <= 2:
        return Speaker(text, SpeakerKind.UNRESOLVED, False, key_words=words, head=lemma)
    named = _name_in(span)
    if lemma in lex.document:
        return Speaker(text, SpeakerKind.DOCUMENT, False, key_words=words)
    # a name as the source, or a description with a person's name inside ("the commander of
    # the Quds Force, Esmail Qaani")
    is_person = named is not None and named.label_ in _PERSON_ENTS
    if named is not None and (head.ent_type_ or head.pos_ == "PROPN" or is_person):
        kind = SpeakerKind.PERSON if is_person else SpeakerKind.ORGANISATION
        at = (named.start_char, named.end_char)
        return Speaker(named.text, kind, True, key_words=words, nouns=nouns, name_at=at)
    if head.pos_ == "PROPN":
        return Speaker(text, SpeakerKind.PERSON, True, key_words=words, nouns=nouns)
    if lemma in lex.organisation or head.lower_ in lex.organisation:
        return Speaker(text, SpeakerKind.ORGANISATION, False, key_words=words)
    if head.tag_ in {"NNS", "NNPS"} or head.lower_ in lex.group:
        return Speaker(text, SpeakerKind.GROUP, False, key_words=words)
    return Speaker(text, SpeakerKind.UNRESOLVED, False, key_words=words, head=lemma)


@dataclass(frozen=True, slots=True)
class Earlier:
    """A speaker already seen in the article, at character ``at``."""

    at: int
    speaker: Speaker
    source: tuple[int, int]


def _last_person_subject(doc: Doc, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """The last named person that is a clause subject in ``[start, end)``."""
    span = doc.char_span(max(0, start), end, alignment_mode="contract")
    if span is None:
        return None
    for tok in reversed(span):
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.ent_type_ == "PERSON":
            ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                return ent.text, (ent.start_char, ent.end_char)
    return None


def resolve(doc: Doc, at: int, speaker: Speaker, earlier: Sequence[Earlier]) -> Speaker:
    """``speaker`` resolved against the speakers named before ``at``; unchanged when unsafe.

    ``he``/``she``: the nearest earlier named person that is a clause subject or a named
    speaker, whichever is closer. A description: the nearest earlier named speaker whose
    own source words include the description's head noun ("spokeswoman Maren Oduya" ...
    "the spokeswoman said"); an indefinite one ("a spokeswoman said") stays as written.
    """
    if speaker.named or speaker.kind is SpeakerKind.DOCUMENT:
        return speaker
    pronoun = speaker.name.lower()
    recent = [e for e in earlier if at - e.at <= MAX_RESOLUTION_CHARS and e.at < at]
    if pronoun in PRONOUNS_PERSON:
        people = [e for e in recent if e.speaker.kind is SpeakerKind.PERSON and e.speaker.named]
        subject = _last_person_subject(doc, at - MAX_RESOLUTION_CHARS, at)
        if subject is not None and (not people or subject[1][0] > people[-1].at):
            return Speaker(subject[0], SpeakerKind.PERSON, True, subject[1])
        if people:
            last = people[-1]
            return Speaker(
                last.speaker.name, SpeakerKind.PERSON, True, last.source, last.speaker.key_words
            )
        return speaker
    if pronoun in PRONOUNS_PLURAL or pronoun in PRONOUNS or not speaker.head:
        return speaker
    if pronoun.split(maxsplit=1)[0] in _INDEFINITE:
        # "a senior official said": news brings in an unnamed source this way, not someone
        # already named, so only a definite description ("the official") is resolved
        return speaker
    # what reaches here is a description of someone ("the official"; one of an organisation
    # is classified as such and kept): it refers to an earlier person, never to an earlier
    # organisation whose words happen to hold the same noun ("... officials said")
    for e in reversed(recent):
        if (
            e.speaker.named
            and e.speaker.kind is SpeakerKind.PERSON
            and speaker.head in e.speaker.nouns
        ):
            return Speaker(
                e.speaker.name, e.speaker.kind, True, e.source, e.speaker.key_words, e.speaker.nouns
            )
    return speaker

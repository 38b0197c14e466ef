"""The tense of the verb an expression hangs on, read from a dependency parse.

A weekday, a month or a season named without a year points back or forward from the
publication date depending on whether the event it dates is past or to come ("resigned on
Thursday" vs "will resign on Thursday"). The nearest tense word in the sentence (the fallback
in :mod:`newsrecon.pipeline.timex.context`) often belongs to another clause ("said it will
vote Thursday"); the governing verb in the parse does not, as in HeidelTime's use of the
tense of the sentence, made clause-local here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Auxiliaries and modals that put the event ahead of the time of speaking.
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
# Verbs whose complement is planned rather than done ("plans to meet", "expected to vote").
_PLAN_VERBS = frozenset(
    {
        "plan",
        "schedule",
        "expect",
        "intend",
        "set",
        "due",
        "aim",
        "hope",
        "prepare",
        "propose",
        "seek",
        "want",
        "going",
    }
)
_VERBAL = frozenset({"VERB", "AUX"})
# How far up the tree to look for the verb: an expression deep in a noun phrase ("the vote
# of the board on Thursday") hangs on a verb a few heads up; further is another clause.
_MAX_CLIMB = 6


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb whose clause the characters ``start``..``end`` modify, if the parse has one."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(_MAX_CLIMB):
        if token.pos_ in _VERBAL and not (start <= token.idx < end):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _aux(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def clause_tense(verb: Token) -> int | None:
    """+1 for a future or planned event, -1 for a past one, ``None`` when the form is
    tenseless or ambiguous (the caller then falls back on the sentence's words)."""
    auxes = _aux(verb)
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return 1
    if any(a.lower_ == "going" for a in auxes) or (
        verb.lemma_ == "go" and any(c.lower_ == "to" for c in verb.children) and verb.tag_ == "VBG"
    ):
        return 1
    if any(a.tag_ == "VBD" for a in auxes) or (verb.tag_ == "VBD" and not auxes):
        return -1
    if any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes) and verb.tag_ == "VBN":
        return -1  # present perfect: done by now
    if verb.tag_ == "VB" and any(a.tag_ == "MD" for a in auxes):
        return 1  # "could vote Thursday", "may resign in June": not yet done
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        # An infinitive takes the tense of the verb it complements: "plans to meet" is ahead,
        # "agreed to meet" is not decided by the form.
        head = verb.head
        if head.i != verb.i and head.lemma_.lower() in _PLAN_VERBS:
            return 1
        return None
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return 1  # present progressive: arranged ("is meeting Thursday")
    return None


def parse_tense(doc: Doc, start: int, end: int) -> int | None:
    """The tense of the clause the expression at ``start``..``end`` belongs to, if decisive."""
    verb = governing_verb(doc, start, end)
    return None if verb is None else clause_tense(verb)

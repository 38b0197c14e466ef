"""How each outlet tells a story: its words for actors and acts, hedges, reporting verbs,
cited sources, and what it alone carries or leaves out.

Framing is shown, never scored: a :class:`FramingRow` is one measure (optionally about one
actor) with one :class:`FramingCell` per outlet, and every cell lists the words found with
their evidence, so a reader judges the difference between outlets from the words themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsrecon.model.span import Span


@dataclass(frozen=True, slots=True)
class FramingTerm:
    """One word (or claim) as one outlet uses it.

    ``term`` is the lexicon headword (or a claim's text for the context measures); ``tone`` is
    the lexicon's note on the word (pejorative, neutral, doubt, evidential, ...); ``evidence``
    the places it occurs; ``context`` the sentences a hedge hangs on; ``claims`` the ids of
    claims whose evidence lies in those sentences.
    """

    term: str
    tone: str
    count: int
    evidence: tuple[Span, ...]
    context: tuple[Span, ...] = ()
    claims: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FramingCell:
    """One outlet's entry in a row. ``words`` counts the outlet's own words (outside quotation
    marks) across its articles in the story; ``per_1000_words`` is the hit count per thousand
    of them (None for the context measures, which count claims, not words)."""

    outlet: str
    articles: tuple[str, ...]
    words: int
    hits: int
    per_1000_words: float | None
    terms: tuple[FramingTerm, ...]


@dataclass(frozen=True, slots=True)
class FramingRow:
    """``measure``: actor_label, act, loaded, hedge, reporting_verb, source, only_here or
    omitted_here. ``subject`` is the actor (or actor class) the row is about, empty for
    outlet-wide measures. ``explanation`` says in a sentence what is counted and how."""

    id: str
    measure: str
    subject: str
    explanation: str
    cells: tuple[FramingCell, ...]

"""The story's timeline and the publication dates it is anchored to.

A timeline event is a date (a TIMEX3-style value: ``2023-11-16``, ``2023-11``, ``2023-W46``,
or an interval ``2023-11-01/2023-11-15``) with the expressions that name it, as written, in
each outlet that reports it. Relative expressions ("Thursday", "earlier this month") are
resolved against their article's publication date, which may itself be estimated; when it is,
the event says so (``estimated``), so nobody mistakes an inference for a stated fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsrecon.model.span import Span


@dataclass(frozen=True, slots=True)
class TimelineMention:
    """One article's naming of an event's date.

    ``expression`` is the temporal expression as written ("Thursday"), ``evidence`` the
    sentence holding it, ``value`` what the expression alone resolves to against its
    article's publication date (``XXXX-WXX-4`` when nothing anchors it).
    """

    outlet: str
    expression: Span
    evidence: Span
    value: str
    anchored: bool


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """An event of the story on a normalised date.

    ``date`` is the value the mentions agree on, ``granularity`` its unit (day, week, month,
    quarter, season, year, decade, century, or ``interval``), ``expression`` and ``evidence``
    the first mention's spans (all mentions, one per outlet and place, are in ``mentions``),
    ``description`` a short phrase for the event taken from the first mention's sentence.
    ``estimated`` is true when the date rests on an estimated publication date or on a year
    inferred from a weekday; ``basis`` then says how. ``kind`` is ``event`` or ``published``
    (an article's own publication: ``article`` names it, ``confidence`` is the estimate's,
    and ``expression``/``evidence`` are the words it was estimated from, ``None`` when the
    basis is the story as a whole or the metadata).
    """

    id: str
    date: str
    granularity: str
    expression: Span | None
    evidence: Span | None
    description: str
    outlets: tuple[str, ...]
    estimated: bool
    mentions: tuple[TimelineMention, ...] = ()
    basis: str = ""
    kind: str = "event"
    article: str | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class PublicationEstimate:
    """An article's publication date: from metadata (``estimated`` false, confidence 1) or
    estimated from the evidence inside the story (``basis`` says which, in a sentence)."""

    article: str
    date: str
    basis: str
    confidence: float
    estimated: bool

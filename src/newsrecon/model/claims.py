"""Claims: the factual statements of a story, aligned across outlets, with their corroboration.

A claim is one statement as several articles make it. It keeps the evidence of every article
that makes it, the typed slots that make it checkable (numbers with their approximators, dates,
places, names), who it is attributed to, and per outlet how that outlet stands towards it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from newsrecon.model.span import Span


class Stance(StrEnum):
    """How one outlet stands towards a claim (the cells of the corroboration matrix)."""

    REPORTED = "reported"
    REPORTED_WITH_ATTRIBUTION = "reported_with_attribution"
    CONTRADICTED = "contradicted"
    NOT_MENTIONED = "not_mentioned"


class ClaimStatus(StrEnum):
    """``corroborated``: two or more independent sources (wire copies of one source count
    once); ``single_source``: one; ``disputed``: an outlet contradicts it or it is reported
    as denied."""

    CORROBORATED = "corroborated"
    SINGLE_SOURCE = "single_source"
    DISPUTED = "disputed"


@dataclass(frozen=True, slots=True)
class Slot:
    """A checkable part of a claim. ``kind``: number, date, place, name. ``value`` is the
    normalised form (``>11000 person``, ``XXXX-10-07``, a canonical name); ``head`` is the word
    the slot attaches to (the counted noun, the dated event), which says what it is about."""

    kind: str
    value: str
    text: str
    head: str
    span: Span


@dataclass(frozen=True, slots=True)
class OutletStance:
    outlet: str
    stance: Stance


@dataclass(frozen=True, slots=True)
class Claim:
    """``text`` is the wording of the first article that makes the claim; ``evidence`` holds
    one span per article that makes it. ``independent_sources`` counts wire groups, not
    articles. ``attribution`` is the source the articles name ("Israeli officials"), if any.
    ``rank`` orders a story's claims (1 = most important: disputed, then corroborated, then
    checkable single-source statements of an article's lead), ``importance`` is the score
    behind it, and ``minor`` marks single-source claims a reader may skip."""

    id: str
    text: str
    evidence: tuple[Span, ...]
    outlets: tuple[str, ...]
    stances: tuple[OutletStance, ...]
    status: ClaimStatus
    independent_sources: int
    attribution: str | None = None
    slots: tuple[Slot, ...] = ()
    rank: int = 0
    importance: float = 0.0
    minor: bool = False

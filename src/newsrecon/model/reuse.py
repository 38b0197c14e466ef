"""Text reuse records: passages two articles share, and who likely copied whom.

A :class:`Passage` pairs a span in one article with the span it matches in another; a
:class:`ReusePair` gathers every passage two articles share with the share of each article
they cover; a :class:`WireGroup` is a set of articles linked by copied narrative, with a
guess at which one carries the original and on what basis.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from newsrecon.model.span import Span


class PassageKind(StrEnum):
    """``narrative``: the reporting text itself was copied (wire copy, a republished story).
    ``quotation``: both sides quote the same words (a speech, a letter) inside quotation
    marks, which independent reports do without copying each other."""

    NARRATIVE = "narrative"
    QUOTATION = "quotation"


class Direction(StrEnum):
    """Which side of a pair likely carries the original text."""

    A_TO_B = "a_to_b"
    B_TO_A = "b_to_a"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Passage:
    """``a`` in the pair's first article matches ``b`` in its second; ``similarity`` in
    [0, 1] is the token-level similarity of the two (1 = the same words in the same order);
    ``words`` is the number of words on the shorter side."""

    a: Span
    b: Span
    similarity: float
    kind: PassageKind
    words: int

    def __post_init__(self) -> None:
        if not 0.0 <= self.similarity <= 1.0:
            raise ValueError(f"similarity {self.similarity} outside [0, 1]")


@dataclass(frozen=True, slots=True)
class ReusePair:
    """Two articles that share passages. ``share_a`` / ``share_b`` are the fractions of each
    article's words inside a shared passage (any kind); ``narrative_words`` counts words of
    copied narrative on the shorter side. ``direction`` guesses which side is the original,
    with the ``basis`` of the guess (``earlier_publication``, ``more_complete``,
    ``agency_attribution``)."""

    article_a: str
    article_b: str
    passages: tuple[Passage, ...]
    share_a: float
    share_b: float
    narrative_words: int
    direction: Direction = Direction.UNKNOWN
    basis: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WireGroup:
    """Articles connected by substantial copied narrative (a wire story and its republications).

    ``original`` is the article most likely to carry the source text (``None`` when nothing
    tells them apart), ``copies`` the others, ``basis`` why, and ``agency`` a news agency
    named as the source in one of the texts, if any. ``min_words`` and ``min_share`` are the
    thresholds that linked the group, recorded with it."""

    articles: tuple[str, ...]
    original: str | None
    copies: tuple[str, ...]
    basis: tuple[str, ...]
    agency: str | None
    min_words: int
    min_share: float

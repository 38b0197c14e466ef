"""Who said what: attributed remarks in one article, and the same remark across outlets.

A :class:`Quote` is one attribution as an article gives it (source, cue, content); a
:class:`Statement` gathers the quotes that report the same remark by the same speaker in
different articles, each with how its wording relates to the fullest version.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from newsrecon.model.span import Span


class QuoteKind(StrEnum):
    """``direct``: the content is in quotation marks; ``indirect``: reported speech without
    marks; ``mixed``: reported speech with some words in marks."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class SpeakerKind(StrEnum):
    """What the source is. Documents (letters, reports, statements) and organisations are kept
    apart from people so a letter is never counted as a person's spoken remark.
    ``unresolved``: a pronoun or description we could not tie to a name (kept as written)."""

    PERSON = "person"
    ORGANISATION = "organisation"
    DOCUMENT = "document"
    GROUP = "group"
    UNRESOLVED = "unresolved"
    UNKNOWN = "unknown"


class ReportedAs(StrEnum):
    """What the attribution credits to its source. ``speech``: words said or written (a
    reporting verb such as "said" or "wrote", words in quotation marks, "according to", a
    "Name:" line); ``other``: a stance, belief or act credited to the source ("X backed",
    "X refused to"), which PolNeAR counts as an attribution but a reader would not call a
    quote, so the dossier labels it apart."""

    SPEECH = "speech"
    OTHER = "other"


class VariantRelation(StrEnum):
    """How one outlet's wording of a statement relates to the statement's fullest wording."""

    VERBATIM = "verbatim"
    SHORTENED = "shortened"
    REWORDED = "reworded"
    TRANSLATED = "translated"


@dataclass(frozen=True, slots=True)
class Quote:
    """One attribution in one article.

    ``speaker`` is the name the quote is attributed to after safe resolution (a pronoun
    resolved to the nearest compatible named speaker), or the source as written when it could
    not be resolved; ``speaker_as_written`` is always the text at ``speaker_span``.
    ``content`` covers the reported words; ``content_parts`` are its pieces when a cue
    interrupts them (``"..., " she said. "..."``), else just ``(content,)``.
    """

    id: str
    article: str
    outlet: str
    speaker: str
    speaker_span: Span | None
    speaker_entity: str | None
    speaker_kind: SpeakerKind
    cue: Span | None
    content: Span
    kind: QuoteKind
    content_parts: tuple[Span, ...] = ()
    speaker_as_written: str = ""
    resolved_from: Span | None = None
    reported_as: ReportedAs = ReportedAs.SPEECH


@dataclass(frozen=True, slots=True)
class StatementVariant:
    """One outlet's report of a statement: which quote, and how its wording relates to the
    statement's reference wording (``similarity`` in [0, 1], lexical and semantic blend)."""

    quote: str
    article: str
    outlet: str
    content: Span
    kind: QuoteKind
    relation: VariantRelation
    similarity: float


@dataclass(frozen=True, slots=True)
class Statement:
    """The same remark by the same speaker as reported by several articles.

    ``reference`` is the quote id whose wording the others are compared against (the fullest
    direct version). ``speakers`` lists every distinct attribution the variants give (more
    than one means an outlet names someone else).
    """

    id: str
    speaker: str
    speaker_entity: str | None
    speaker_kind: SpeakerKind
    text: str
    reference: str
    variants: tuple[StatementVariant, ...]
    outlets: tuple[str, ...]
    speakers: tuple[str, ...] = ()

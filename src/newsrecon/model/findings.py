"""Finding records more than one stage produces, so renderers and later stages read one shape.

A conflict can come from entity resolution (an acronym expanded two ways, a rank given two
ways), from quotes (a remark attributed to two speakers) or from claims (two dates for one
event): all of them land in the dossier's ``conflicts`` list as :class:`Conflict`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from newsrecon.model.span import Span


class Severity(StrEnum):
    """``error``: outlets disagree on a checkable fact. ``info``: a variant worth seeing that
    is not a disagreement (a spelling, a different but compatible attribution)."""

    ERROR = "error"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class ConflictSide:
    """One position in a conflict: the value as normalised, who holds it, and where."""

    value: str
    outlets: tuple[str, ...]
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """``kind`` names what disagrees: date, number, name, title, acronym, place, attribution,
    speaker, negation, ... ``outlier`` is the outlet that stands alone against all others on a
    checkable fact, when there is one."""

    id: str
    kind: str
    severity: Severity
    explanation: str
    sides: tuple[ConflictSide, ...]
    outlier: str | None = None
    stage: str = ""

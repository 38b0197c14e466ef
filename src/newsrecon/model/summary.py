"""A cited summary: sentences extracted from the articles, never written by the tool.

Each :class:`SummarySentence` is a span of one article (``evidence``), the outlets that carry
the same information (``outlets``) and where (``support``), so every citation can be checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsrecon.model.span import Span


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """``kind`` is ``summary`` or ``disputed``. ``basis`` says why the sentence was chosen and
    how its citations were found (from a claim's corroboration, or from sentence similarity
    across outlets); ``claim`` is the claim id it states, when it comes from one."""

    rank: int
    kind: str
    text: str
    evidence: Span
    outlets: tuple[str, ...]
    support: tuple[Span, ...]
    basis: str
    claim: str | None = None

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


@dataclass(frozen=True, slots=True)
class Headline:
    """What heads a story's dossier: the title of one of its articles, or that article's first
    sentence (``evidence``, ``None`` for a title, which is metadata and not in the text).
    ``article`` is the article it comes from; ``basis`` says why that one was chosen."""

    text: str
    article: str
    evidence: Span | None
    basis: str

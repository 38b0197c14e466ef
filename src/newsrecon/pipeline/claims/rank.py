"""Which claims matter: an importance score, a rank and a ``minor`` mark for every claim.

A story of a handful of articles yields dozens of claims, most of them one outlet's sentence
that no other outlet repeats. All are kept (a single-source claim is still evidence), but a
reader, and the summary, should meet first what is disputed, then what independent outlets
confirm, then checkable single-source statements near the top of an article (news puts what
matters first), and last the rest. Each reason is general: agreement between sources,
conflicts, checkable slots (figures, dates, names), position in the article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsrecon.model.claims import Claim, ClaimStatus
from newsrecon.model.findings import Conflict, Severity

LEAD = 3  # sentences from the top of an article that still count as its lead
MIN_WORDS = 6  # a claim shorter than this is a fragment (a dateline, a caption)


def importance(claim: Claim, conflicts: Sequence[Conflict], first_sentence: int) -> float:
    """Higher is more important. ``first_sentence`` is the earliest position (0-based
    sentence index) of the claim in any of its articles."""
    score = 0.0
    if claim.status is ClaimStatus.DISPUTED:
        score += 4.0
    elif claim.status is ClaimStatus.CORROBORATED:
        score += 2.5 + 0.5 * min(claim.independent_sources - 2, 4)
    score += 1.5 * sum(c.severity is Severity.ERROR for c in conflicts)
    score += 0.5 * sum(c.severity is Severity.INFO for c in conflicts)
    kinds = {s.kind for s in claim.slots}
    score += 0.6 * bool(kinds & {"number", "date"}) + 0.3 * bool(kinds & {"name", "place"})
    score += 0.2 * (claim.attribution is not None)
    score += 1.0 / (1.0 + first_sentence)
    if len(claim.text.split()) < MIN_WORDS:
        score -= 1.0
    return round(score, 3)


def is_minor(claim: Claim, conflicts: Sequence[Conflict], first_sentence: int) -> bool:
    """One source, nothing disputed, and either nothing checkable or far from the lead."""
    if claim.status is not ClaimStatus.SINGLE_SOURCE or conflicts:
        return False
    if len(claim.text.split()) < MIN_WORDS:
        return True
    checkable = any(s.kind in ("number", "date") for s in claim.slots)
    return not checkable or first_sentence >= LEAD


def rank_claims(
    scored: Sequence[tuple[Claim, Sequence[Conflict], int]],
) -> tuple[Claim, ...]:
    """The claims, most important first, each with its ``rank`` (1 = first), ``importance``
    and ``minor`` set. Ties keep the order of first appearance."""
    marked = [
        replace(
            claim,
            importance=importance(claim, conflicts, first),
            minor=is_minor(claim, conflicts, first),
        )
        for claim, conflicts, first in scored
    ]
    order = sorted(range(len(marked)), key=lambda i: (marked[i].minor, -marked[i].importance, i))
    return tuple(replace(marked[i], rank=r + 1) for r, i in enumerate(order))

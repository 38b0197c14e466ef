"""Which outlets carry a claim, and whether two spans overlap: how framing and the summary read
the claims stage's output (framing tells which outlet alone carries a claim, the summary cites
the outlets that carry one), kept in one place so both read a claim the same way."""

from __future__ import annotations

from typing import Any

from newsrecon.model import Span

CARRYING = frozenset({"reported", "reported_with_attribution"})


def carriers(claim: Any) -> set[str]:
    """Outlets whose stance reports the claim (with or without attribution); the claim's own
    outlets when it has no stances (an older or partial claims stage)."""
    stances = getattr(claim, "stances", ())
    if stances:
        return {s.outlet for s in stances if str(getattr(s.stance, "value", s.stance)) in CARRYING}
    return set(claim.outlets)


def overlaps(a: Span, b: Span) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end

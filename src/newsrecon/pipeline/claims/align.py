"""Which sentences of different articles make the same claim.

Two facts are linked when their MiniLM embeddings are close, or fairly close and they share
checkable slots (a compatible number for the same thing, the same date, named entities). Claims
are then grown greedily from the strongest links, at most one sentence per article, and a merge
must keep every pair in the claim at least loosely similar, so chains (A like B, B like C) do
not glue unrelated sentences together.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from newsrecon.pipeline.claims.compare import date_key, dates_agree, number_key
from newsrecon.pipeline.claims.facts import Fact
from newsrecon.pipeline.claims.numbers import compatible

STRONG = 0.78  # cosine at which two sentences say the same thing whatever their slots
WEAK = 0.55  # cosine at which shared slots are needed as well
COUNT_WEAK = 0.4  # for a counted clause that states a compatible count of the same thing
FLOOR = 0.4  # every pair inside one claim must be at least this similar


def shared_slots(a: Fact, b: Fact) -> float:
    """Evidence beyond wording that two facts are about the same thing, in [0, 1+]."""
    score = 0.0
    for na in a.numbers:
        for nb in b.numbers:
            if number_key(na) and number_key(na) == number_key(nb) and compatible(na, nb):
                score += 0.5
    for da in a.dates:
        for db in b.dates:
            if date_key(da) and date_key(da) == date_key(db) and dates_agree(da.value, db.value):
                score += 0.25
    ents_a, ents_b = a.names | a.places, b.names | b.places
    if ents_a and ents_b:
        shared = len(ents_a & ents_b)
        score += 0.5 * shared / max(len(ents_a | ents_b), 1) if shared >= 2 else 0.0
    words = len(a.lemmas & b.lemmas)
    score += 0.1 * min(words, 3)
    return score


def link_score(cos: float, a: Fact, b: Fact) -> float:
    """0 when not linked, else a strength used to order merges."""
    if cos >= STRONG:
        return cos
    if cos >= WEAK and shared_slots(a, b) >= 0.5:
        return cos
    if cos >= COUNT_WEAK and (a.part or b.part) and _same_count(a, b):
        return cos
    return 0.0


def _same_count(a: Fact, b: Fact) -> bool:
    return any(
        number_key(na) is not None and number_key(na) == number_key(nb) and compatible(na, nb)
        for na in a.numbers
        for nb in b.numbers
    )


def cluster(facts: Sequence[Fact], vectors: npt.NDArray[np.float32]) -> list[list[int]]:
    """Claims as lists of fact indices (singletons included), in order of first fact."""
    sims = vectors @ vectors.T if len(facts) else np.zeros((0, 0), dtype=np.float32)
    links: list[tuple[float, int, int]] = []
    for i in range(len(facts)):
        for j in range(i + 1, len(facts)):
            if facts[i].article == facts[j].article:
                continue
            score = link_score(float(sims[i, j]), facts[i], facts[j])
            if score > 0:
                links.append((score, i, j))
    links.sort(reverse=True)
    group = list(range(len(facts)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(facts))}
    for _, i, j in links:
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        left, right = members[gi], members[gj]
        if {facts[k].article for k in left} & {facts[k].article for k in right}:
            continue
        if min(float(sims[x, y]) for x in left for y in right) < FLOOR:
            continue
        for k in right:
            group[k] = gi
        members[gi] = left + right
        del members[gj]
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def linked(cos: float, a: Fact, b: Fact) -> bool:
    return link_score(cos, a, b) > 0

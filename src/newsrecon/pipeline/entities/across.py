"""Across articles: chains into entities, precision first.

Candidate pairs come from blocking keys (surname skeleton, organisation key, acronym letters,
head lemma), so the work grows with the number of plausible pairs rather than all pairs. Pairs
are scored and merged strongest first; a merge is refused when it would put two chains of the
same article into one entity (the article already said they are different), which also stops a
weak link from chaining two distinct people together. Names must agree on type and by the
transliteration-aware rules of :mod:`names`; a bare surname links to a full name only when no
other person in the story shares that surname. Chains without a name (common nouns) link only
on the same head lemma within one group of documents about the same event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import combinations

from newsrecon.pipeline.entities.names import (
    acronym_of,
    org_key,
    orgs_match,
    person_parts,
    persons_match,
    skeleton,
)
from newsrecon.pipeline.entities.within import Chain, types_agree

STRONG, MEDIUM, WEAK = 3, 2, 1


def _keys(chain: Chain) -> set[str]:
    keys: set[str] = set()
    for name in chain.names:
        if chain.type == "PERSON":
            keys.add("p:" + skeleton(person_parts(name)[1]))
        else:
            keys.add("o:" + org_key(name))
            keys.add("i:" + "".join(t[0] for t in name if t))
            keys.add("h:" + skeleton(name[-1]))
    for acronym in chain.acronyms:
        keys.add("i:" + acronym)
    keys.update("n:" + h for h in chain.heads)
    return keys


def _ambiguous_surnames(chains: Sequence[Chain]) -> set[str]:
    """Surname skeletons that more than one distinct full name in the story carries."""
    given_by_surname: dict[str, list[list[str]]] = defaultdict(list)
    for chain in chains:
        if chain.type != "PERSON":
            continue
        for name in chain.names:
            given, last = person_parts(name)
            if given:
                given_by_surname[skeleton(last)].append(name)
    ambiguous = set()
    for key, names in given_by_surname.items():
        for a, b in combinations(names, 2):
            if not persons_match(a, b, allow_surname_only=False):
                ambiguous.add(key)
                break
    return ambiguous


def _score(a: Chain, b: Chain, ambiguous: set[str], same_group: bool) -> int:
    if not types_agree(a.type, b.type):
        return 0
    if a.named and b.named:
        if a.type == "PERSON":
            best = 0
            for x in a.names:
                for y in b.names:
                    if persons_match(x, y, allow_surname_only=False):
                        return STRONG
                    if persons_match(x, y) and skeleton(person_parts(x)[1]) not in ambiguous:
                        best = MEDIUM
            return best
        if a.acronyms & b.acronyms:
            return STRONG
        if any(orgs_match(x, y) for x in a.names for y in b.names):
            return STRONG
        if any(acronym_of(ac, n) for ac in a.acronyms for n in b.names) or any(
            acronym_of(ac, n) for ac in b.acronyms for n in a.names
        ):
            return MEDIUM
        if any(_head_final(x, y) for x in a.names for y in b.names):
            return MEDIUM
        return 0
    if same_group and a.heads & b.heads:  # a common noun phrase: same head, same event
        return WEAK
    return 0


def _head_final(x: list[str], y: list[str]) -> bool:
    """One organisation name ends with the whole other one of two or more words."""
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return len(short) >= 2 and long[-len(short) :] == short


def link_chains(
    chains: Sequence[Chain], group_of: Mapping[str, int] | None = None
) -> list[list[int]]:
    """Clusters of chain indices. ``group_of`` maps a document to its event group (documents
    about one event); chains without a name link only inside a group. Default: one group."""
    group_of = group_of or {}
    ambiguous = _ambiguous_surnames(chains)
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, chain in enumerate(chains):
        for key in _keys(chain):
            blocks[key].append(i)
    scored: dict[tuple[int, int], int] = {}
    for members in blocks.values():
        for i, j in combinations(members, 2):
            if (i, j) in scored or chains[i].doc == chains[j].doc:
                continue
            same = group_of.get(chains[i].doc, 0) == group_of.get(chains[j].doc, 0)
            scored[(i, j)] = _score(chains[i], chains[j], ambiguous, same)
    parent = list(range(len(chains)))
    docs: list[set[str]] = [{c.doc} for c in chains]

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (i, j), score in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0])):
        if score <= 0:
            continue
        ri, rj = find(i), find(j)
        if ri == rj or docs[ri] & docs[rj]:
            continue
        parent[rj] = ri
        docs[ri] |= docs[rj]
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(chains)):
        clusters[find(i)].append(i)
    return list(clusters.values())

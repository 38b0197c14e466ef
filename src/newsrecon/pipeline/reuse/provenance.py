"""Who likely copied whom: wire groups and the direction of each reuse pair.

Three kinds of evidence, strongest first: an earlier publication date (a copy cannot predate
its source), a more complete version (a copy trims; the side whose passages cover more text,
with the other side's text all inside them, is likely the source), and a news agency named
as the source in a text (the original is then the agency's, and the article that credits it
most directly is the closest to it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

import networkx as nx

from newsrecon.model import Article
from newsrecon.model.reuse import Direction, ReusePair, WireGroup

# News agencies whose copy outlets republish (names as they are credited in text).
AGENCIES = {
    "Associated Press": r"Associated Press|\(AP\)|\bAP\b",
    "Reuters": r"\bReuters\b",
    "AFP": r"\bAFP\b|Agence France[- ]Presse",
    "dpa": r"\bdpa\b|Deutsche Presse-Agentur",
    "ANSA": r"\bANSA\b",
    "EFE": r"\bEFE\b",
    "Xinhua": r"\bXinhua\b",
    "Kyodo": r"\bKyodo\b",
    "PTI": r"\bPTI\b|Press Trust of India",
    "UPI": r"\bUPI\b|United Press International",
    "Bloomberg": r"\bBloomberg News\b",
    "IRNA": r"\bIRNA\b",
    "TASS": r"\bTASS\b",
    "Anadolu": r"\bAnadolu Agency\b",
}
# A credit line: "(Reuters) -", "— AFP", "Source: AP", "contributed to this report".
_CREDIT = (
    r"(?:^|\n)\s*[^\n]{{0,40}}\(\s*(?:{a})\s*\)\s*[-–—]"
    r"|(?:[-–—]|Source:?)\s*(?:{a})\s*$"
    r"|(?:{a})[^\n.]{{0,40}}contributed"
)


def agency_credited(text: str) -> str | None:
    """The agency the text credits as its source in a byline or credit line, if any."""
    for name, pattern in AGENCIES.items():
        if re.search(_CREDIT.format(a=pattern), text, flags=re.MULTILINE):
            return name
    return None


def is_linked(pair: ReusePair, words_a: int, words_b: int, min_words: int, share: float) -> bool:
    """Substantial copied narrative: enough words, or enough of the shorter article."""
    shorter = max(1, min(words_a, words_b))
    return pair.narrative_words >= min_words or pair.narrative_words / shorter >= share


def wire_groups(
    articles: Sequence[str],
    pairs: Sequence[ReusePair],
    lengths: Mapping[str, int],
    min_words: int,
    share: float,
) -> tuple[tuple[str, ...], ...]:
    """A partition of ``articles``: connected components of substantial narrative reuse,
    singletons for independent articles, each group and the partition in a stable order."""
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(articles)
    for p in pairs:
        if is_linked(p, lengths.get(p.article_a, 0), lengths.get(p.article_b, 0), min_words, share):
            graph.add_edge(p.article_a, p.article_b)
    groups = [tuple(sorted(c)) for c in nx.connected_components(graph)]
    return tuple(sorted(groups, key=lambda g: (-len(g), g)))


def direction(pair: ReusePair, a: Article | None, b: Article | None) -> ReusePair:
    """``pair`` with its direction guessed from dates, completeness and agency credits."""
    basis: list[str] = []
    votes = 0
    da, db = (a.published if a else None), (b.published if b else None)
    if da and db and da[:10] != db[:10]:
        votes += 2 if da < db else -2
        basis.append("earlier_publication")
    if a is not None and b is not None:
        cover_a = sum(p.a.end - p.a.start for p in pair.passages)
        cover_b = sum(p.b.end - p.b.start for p in pair.passages)
        if cover_a and cover_b and abs(cover_a - cover_b) / max(cover_a, cover_b) > 0.05:
            votes += 1 if cover_a > cover_b else -1
            basis.append("more_complete")
        credit_a, credit_b = agency_credited(a.text), agency_credited(b.text)
        if bool(credit_a) != bool(credit_b):
            votes += 1 if credit_a else -1
            basis.append("agency_attribution")
    if votes == 0:
        return replace(pair, direction=Direction.UNKNOWN, basis=tuple(basis))
    return replace(
        pair, direction=Direction.A_TO_B if votes > 0 else Direction.B_TO_A, basis=tuple(basis)
    )


def provenance(
    group: tuple[str, ...],
    pairs: Sequence[ReusePair],
    articles: Mapping[str, Article],
    min_words: int,
    share: float,
) -> WireGroup:
    """The group's likely original: the article most pairs point away from."""
    score = dict.fromkeys(group, 0)
    basis: set[str] = set()
    for p in pairs:
        if p.article_a in score and p.article_b in score and p.direction is not Direction.UNKNOWN:
            src = p.article_a if p.direction is Direction.A_TO_B else p.article_b
            dst = p.article_b if src == p.article_a else p.article_a
            score[src] += 1
            score[dst] -= 1
            basis.update(p.basis)
    best = max(score.values(), default=0)
    leaders = [a for a in group if score[a] == best]
    original = leaders[0] if len(group) > 1 and best > 0 and len(leaders) == 1 else None
    agencies = [agency_credited(articles[a].text) for a in group if a in articles]
    agency = next((x for x in agencies if x), None)
    return WireGroup(
        articles=group,
        original=original,
        copies=tuple(a for a in group if a != original) if original else (),
        basis=tuple(sorted(basis)) if original else (),
        agency=agency,
        min_words=min_words,
        min_share=share,
    )

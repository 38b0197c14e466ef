"""Which candidates survive together: PolNeAR credits one attribution per stretch of text, so
overlapping candidates are resolved (longest content first), and a cue-less quote right after
a direct quote's cue clause is joined to that quote as its second part.

Pure functions of the candidate list: nothing here mutates a candidate, so the filter's
training can apply them to the same candidates under many settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsrecon.pipeline.quotes.spans import Candidate


def one_per_cue(scored: Sequence[tuple[Candidate, float]]) -> list[Candidate]:
    """One reading per cue word (a verb offers every content it may report): the highest
    score wins, the first on a tie; candidates without a cue word all stay."""
    best: dict[int, tuple[Candidate, float]] = {}
    for c, score in scored:
        if c.cue_token >= 0 and (c.cue_token not in best or score > best[c.cue_token][1]):
            best[c.cue_token] = (c, score)
    return [c for c, _ in scored if c.cue_token < 0 or best[c.cue_token][0] is c]


def outermost(found: list[Candidate], text: str, nested: bool) -> list[Candidate]:
    """Candidates that do not clash, in text order. Without ``nested``, none lies in another's
    content; with it, reported speech inside indirect speech is kept too."""
    ordered = sorted(found, key=lambda c: (c.source is None, -(c.content[1] - c.content[0])))
    kept: list[Candidate] = []
    for c in ordered:
        cue_at = c.cue[0] if c.cue else c.content[0]
        clash = any(
            (
                k.content[0] <= cue_at < k.content[1]
                and (not nested or k.kind == "direct" or c.source is None)
            )
            or (
                c.content[0] < k.content[1]
                and k.content[0] < c.content[1]
                and not (nested and k.content[0] <= cue_at < k.content[1])
            )
            for k in kept
        )
        if not clash:
            kept.append(c)
    kept.sort(key=lambda c: c.content[0])
    return join_continuations(kept, text)


def join_continuations(kept: list[Candidate], text: str) -> list[Candidate]:
    """``“A,” she said. “B.”``: a quote with no cue of its own that follows, in the same
    paragraph and right after the cue clause, a direct quote whose cue sits between them is
    the same quote's second part."""
    out: list[Candidate] = []
    for c in kept:
        prev = out[-1] if out else None
        if (
            prev is not None
            and c.cue is None
            and c.source is None
            and prev.kind == "direct"
            and prev.cue is not None
            and prev.content[1] <= prev.cue[0]
            and c.parts[0][0] >= prev.cue[1]
        ):
            gap = text[max(prev.cue[1], prev.source[1] if prev.source else 0) : c.parts[0][0]]
            if "\n" not in gap and len(gap.split()) <= 6:
                out[-1] = replace(prev, parts=[*prev.parts, *c.parts])
                continue
        out.append(c)
    return [c for c in out if c.cue is not None or c.source is not None]

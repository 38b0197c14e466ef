"""Conflicts inside one claim: slot disagreements between outlets, denials, attributions.

A slot disagreement becomes a conflict with one side per value; the outlier is the outlet
that stands alone on a value while two or more other outlets agree on another. For dates the
agreeing side also gathers the story's other sentences that date the same kind of event the
same way, because an outlier is judged against everything the other outlets say, not only
against the one sentence aligned with it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from newsrecon.model import Span
from newsrecon.model.findings import Conflict, ConflictSide, Severity
from newsrecon.pipeline.claims.compare import Disagreement, date_key, dates_agree
from newsrecon.pipeline.claims.facts import Fact
from newsrecon.pipeline.claims.lexicon import SPEECH_VERBS
from newsrecon.pipeline.claims.roles import names_match

STAGE = "claims"


@dataclass(slots=True)
class _Side:
    value: str
    outlets: set[str]
    evidence: set[Span]


def _conflict_id(kind: str, spans: Sequence[Span]) -> str:
    key = kind + "|" + "|".join(f"{s.article}:{s.start}:{s.end}" for s in sorted(spans))
    return "cf" + hashlib.sha256(key.encode()).hexdigest()[:10]


def _agrees(kind: str, a: str, b: str) -> bool:
    if kind == "date":
        return dates_agree(a, b)
    if kind in ("name", "place"):
        return names_match(a, b)
    return a == b


def _speaker_key(key: str) -> bool:
    """``name:nsubj:say``: who said it. Two people can say the same thing, so a different
    speaker is worth seeing but is no error of either outlet."""
    parts = key.split(":")
    return (
        len(parts) == 3 and parts[0] == "name" and parts[1] == "nsubj" and parts[2] in SPEECH_VERBS
    )


def slot_conflicts(
    disagreements: Sequence[Disagreement], outlet_of: dict[str, str], story_facts: Sequence[Fact]
) -> list[Conflict]:
    """One conflict per compared thing (``Disagreement.key``) within a claim."""
    by_key: dict[str, list[Disagreement]] = {}
    for d in disagreements:
        by_key.setdefault(d.key, []).append(d)
    out: list[Conflict] = []
    for key, items in by_key.items():
        kind = items[0].kind
        sides: list[_Side] = []

        def add(value: str, span: Span, sides: list[_Side] = sides, kind: str = kind) -> None:
            for side in sides:
                if _agrees(kind, side.value, value):
                    side.outlets.add(outlet_of[span.article])
                    side.evidence.add(span)
                    return
            sides.append(_Side(value, {outlet_of[span.article]}, {span}))

        for d in items:
            add(d.left, d.left_span)
            add(d.right, d.right_span)
        if kind == "date":
            _gather_dates(key.partition(":")[2], sides, story_facts, outlet_of)
        if len(sides) < 2:
            continue
        out.append(_make(kind, sides, Severity.INFO if _speaker_key(key) else Severity.ERROR, key))
    return out


def _gather_dates(
    event: str, sides: list[_Side], facts: Sequence[Fact], outlet_of: dict[str, str]
) -> None:
    for fact in facts:
        for d in fact.dates:
            if date_key(d) != event:
                continue
            matching = [s for s in sides if dates_agree(s.value, d.value)]
            if len(matching) == 1:
                matching[0].outlets.add(outlet_of[fact.article])
                matching[0].evidence.add(Span(fact.article, d.start, d.end))


def outlier_of(sides: Sequence[_Side]) -> str | None:
    lone = [s for s in sides if len(s.outlets) == 1]
    if len(sides) != 2 or len(lone) != 1:
        return None
    (outlet,) = lone[0].outlets
    other = next(s for s in sides if s is not lone[0])
    return outlet if len(other.outlets - {outlet}) >= 2 else None


def _make(
    kind: str, sides: list[_Side], severity: Severity = Severity.ERROR, key: str = ""
) -> Conflict:
    sides.sort(key=lambda s: (-len(s.outlets), s.value))
    outlier = outlier_of(sides) if severity is Severity.ERROR else None
    what = {
        "date": "dates",
        "number": "figures",
        "name": "names",
        "place": "places",
        "title": "titles",
    }.get(kind, "versions")
    parts = "; ".join(f"{s.value} ({', '.join(sorted(s.outlets))})" for s in sides)
    if kind in ("name", "place"):
        role = key.partition(":")[2].replace(":", " of ", 1)
        explanation = f"Outlets give different {what} in the same role ({role}): {parts}"
    elif kind == "title":
        explanation = f"Outlets give {key.partition(':')[2]} different titles: {parts}"
    else:
        explanation = f"Outlets give different {what} for the same {kind} slot: {parts}"
    if outlier:
        explanation += f"; {outlier} stands alone"
    spans = [span for s in sides for span in s.evidence]
    return Conflict(
        id=_conflict_id(kind, spans),
        kind=kind,
        severity=severity,
        explanation=explanation,
        sides=tuple(
            ConflictSide(s.value, tuple(sorted(s.outlets)), tuple(sorted(s.evidence)))
            for s in sides
        ),
        outlier=outlier,
        stage=STAGE,
    )


def denial_conflict(claimed: Sequence[Fact], denials: Sequence[Fact], trim: TrimFn) -> Conflict:
    """A claim reported by some and denied (as reported by some outlet): a dispute between
    sources, not an error of any outlet, hence ``info``."""
    reported = ConflictSide(
        "reported",
        tuple(sorted({f.outlet for f in claimed})),
        tuple(sorted(trim(f) for f in claimed)),
    )
    denied = ConflictSide(
        "denied",
        tuple(sorted({f.outlet for f in denials})),
        tuple(sorted(trim(f) for f in denials)),
    )
    spans = [*reported.evidence, *denied.evidence]
    return Conflict(
        id=_conflict_id("negation", spans),
        kind="negation",
        severity=Severity.INFO,
        explanation=(
            f"Reported by {', '.join(reported.outlets)}; reported as denied by "
            f"{', '.join(denied.outlets)}"
        ),
        sides=(reported, denied),
        stage=STAGE,
    )


def attribution_conflict(facts: Sequence[Fact], trim: TrimFn) -> Conflict | None:
    """Different named sources for one published claim ("state media", "IRNA", "according to
    Al Arabiya"): worth seeing, not an error."""
    sides: dict[str, list[Fact]] = {}
    for f in facts:
        if f.attribution and f.reported in ("report", "according"):
            sides.setdefault(f.attribution.lower(), []).append(f)
    if len(sides) < 2 or len({f.outlet for fs in sides.values() for f in fs}) < 2:
        return None
    out_sides = tuple(
        ConflictSide(
            value,
            tuple(sorted({f.outlet for f in fs})),
            tuple(sorted(trim(f) for f in fs)),
        )
        for value, fs in sorted(sides.items())
    )
    return Conflict(
        id=_conflict_id("attribution", [s for side in out_sides for s in side.evidence]),
        kind="attribution",
        severity=Severity.INFO,
        explanation="The claim is attributed to different sources: "
        + "; ".join(f"{s.value} ({', '.join(s.outlets)})" for s in out_sides),
        sides=out_sides,
        stage=STAGE,
    )


class TrimFn:
    """Span of a fact's sentence without surrounding whitespace (a callable class so the
    article texts are captured once)."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts

    def __call__(self, fact: Fact) -> Span:
        text = self.texts[fact.article]
        start, end = fact.start, fact.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(fact.article, start, end)

"""The ``claims`` story stage: facts per sentence, aligned across outlets into claims, with
corroboration (wire copies counted once) and the conflicts found inside each claim."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import numpy as np
import numpy.typing as npt

from newsrecon.model import Span
from newsrecon.model.claims import Claim, ClaimStatus, OutletStance, Slot, Stance
from newsrecon.model.findings import Conflict, Severity
from newsrecon.pipeline.analysis import Results, StoryInput
from newsrecon.pipeline.claims.align import cluster
from newsrecon.pipeline.claims.compare import compare_facts
from newsrecon.pipeline.claims.disputes import (
    TrimFn,
    attribution_conflict,
    denial_conflict,
    slot_conflicts,
)
from newsrecon.pipeline.claims.facts import Fact, article_facts, entity_index
from newsrecon.pipeline.claims.rank import rank_claims
from newsrecon.pipeline.embeddings import get_embedder

DENIAL_REACH = 2  # a denial points back at most this many sentences
DENIAL_SIMILARITY = 0.5  # a denial stating its content must resemble what it denies


def anchor_dates(story: StoryInput, results: Results) -> dict[str, date]:
    """Publication dates: the timeline stage's estimates, else the article's own date."""
    out: dict[str, date] = {}
    for est in results.get("published_estimates", ()):
        parsed = _iso_date(str(getattr(est, "date", "")))
        if parsed is not None:
            out[str(getattr(est, "article", ""))] = parsed
    for article in story.articles:
        if article.id not in out and (day := article.published_day) is not None:
            out[article.id] = day
    return out


def _iso_date(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None


def wire_group_of(story: StoryInput, results: Results) -> dict[str, int]:
    groups: dict[str, int] = {}
    for number, group in enumerate(results.get("wire_groups", ())):
        for article_id in group:
            groups[str(article_id)] = number
    base = len(groups) + 1
    for offset, article in enumerate(story.articles):
        groups.setdefault(article.id, base + offset)
    return groups


def story_facts(story: StoryInput, results: Results) -> list[Fact]:
    anchors = anchor_dates(story, results)
    entities = entity_index(results.get("entities", ()))
    facts: list[Fact] = []
    for article in story.articles:
        doc = story.docs.get(article.id)
        if doc is None:
            continue
        facts += article_facts(article.id, article.outlet, doc, anchors.get(article.id), entities)
    return facts


def claims_stage(story: StoryInput, results: Results) -> Mapping[str, tuple[Any, ...]]:
    facts = story_facts(story, results)
    if not facts:
        return {"claims": (), "conflicts": ()}
    vectors = get_embedder().embed([f.text for f in facts])
    trim = TrimFn({a.id: a.text for a in story.articles})
    groups = wire_group_of(story, results)
    outlets = sorted({a.outlet for a in story.articles})
    outlet_of = {a.id: a.outlet for a in story.articles}
    clusters = cluster(facts, vectors)
    cluster_of = {i: n for n, members in enumerate(clusters) for i in members}
    denied = _denials(facts, vectors, cluster_of)
    scored: list[tuple[Claim, list[Conflict], int]] = []
    conflicts: list[Conflict] = []
    for n, members in enumerate(clusters):
        mfacts = [facts[i] for i in members]
        if all(f.part for f in mfacts) and len({f.article for f in mfacts}) < 2:
            continue  # a clause alone repeats its sentence's claim
        disagreements = [
            d
            for a in range(len(mfacts))
            for b in range(a + 1, len(mfacts))
            for d in compare_facts(mfacts[a], mfacts[b])
        ]
        found = slot_conflicts(disagreements, outlet_of, facts)
        if n in denied:
            found.append(denial_conflict(mfacts, [facts[i] for i in denied[n]], trim))
        attributed = attribution_conflict(mfacts, trim)
        if attributed is not None:
            found.append(attributed)
        conflicts += found
        first = min(f.index for f in mfacts)
        scored.append((_claim(mfacts, found, groups, outlets, trim), found, first))
    return {"claims": rank_claims(scored), "conflicts": tuple(conflicts)}


def _denials(
    facts: Sequence[Fact], vectors: npt.NDArray[np.float32], cluster_of: dict[int, int]
) -> dict[int, list[int]]:
    """Claim index → indices of the sentences that deny it. A denial points back to a nearby
    earlier reported statement of its own article: "X reported Y. Z dismissed the report"."""
    out: dict[int, list[int]] = {}
    for i, fact in enumerate(facts):
        if not fact.denial or fact.part:
            continue
        for back in range(1, DENIAL_REACH + 1):
            j = i - back
            if j < 0 or facts[j].article != fact.article:
                break
            target = facts[j]
            if target.denial or not target.reported or target.part:
                continue
            similar = float(vectors[i] @ vectors[j]) >= DENIAL_SIMILARITY
            if fact.denies_report or similar:
                out.setdefault(cluster_of[j], []).append(i)
                break
    return out


def _claim(
    facts: list[Fact],
    conflicts: list[Conflict],
    groups: Mapping[str, int],
    outlets: list[str],
    trim: TrimFn,
) -> Claim:
    errors = [c for c in conflicts if c.severity is Severity.ERROR]
    outliers = {c.outlier for c in errors if c.outlier}
    lead = next((f for f in facts if f.outlet not in outliers), facts[0])
    member_outlets = sorted({f.outlet for f in facts})
    stances = []
    for outlet in outlets:
        mine = [f for f in facts if f.outlet == outlet]
        if outlet in outliers:
            stance = Stance.CONTRADICTED
        elif not mine:
            stance = Stance.NOT_MENTIONED
        elif any(f.attribution and f.reported in ("report", "according") for f in mine):
            stance = Stance.REPORTED_WITH_ATTRIBUTION
        else:
            stance = Stance.REPORTED
        stances.append(OutletStance(outlet, stance))
    independent = min(len({groups[f.article] for f in facts}), len(member_outlets))
    disputed = bool(errors) or any(c.kind == "negation" for c in conflicts)
    status = (
        ClaimStatus.DISPUTED
        if disputed
        else ClaimStatus.CORROBORATED
        if independent >= 2
        else ClaimStatus.SINGLE_SOURCE
    )
    evidence = tuple(trim(f) for f in facts)
    key = "|".join(f"{s.article}:{s.start}" for s in evidence)
    attribution = next(
        (f.attribution for f in facts if f.attribution and f.reported in ("report", "according")),
        None,
    )
    return Claim(
        id="cl" + hashlib.sha256(key.encode()).hexdigest()[:10],
        text=trim.texts[lead.article][trim(lead).start : trim(lead).end],
        evidence=evidence,
        outlets=tuple(member_outlets),
        stances=tuple(stances),
        status=status,
        independent_sources=independent,
        attribution=attribution,
        slots=_slots(lead, trim.texts[lead.article]),
    )


def _slots(fact: Fact, text: str) -> tuple[Slot, ...]:
    out = [
        Slot("number", n.normalised(), n.text, n.event, Span(fact.article, n.start, n.end))
        for n in fact.numbers
    ]
    out += [
        Slot("date", d.value, d.text, d.event, Span(fact.article, d.start, d.end))
        for d in fact.dates
    ]
    for start, end, name, etype in fact.entity_spans:
        kind = "place" if etype in ("GPE", "LOC") else "name"
        out.append(Slot(kind, name, text[start:end], etype, Span(fact.article, start, end)))
    return tuple(out)

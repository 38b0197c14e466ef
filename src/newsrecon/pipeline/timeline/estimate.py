"""Publication dates: from metadata when known, otherwise estimated from the story's evidence.

An undated article cannot be older than what it reports. Its lower bounds, strongest first:

1. an event it dates ("on Thursday", "November 16") whose day the story fixes: one outlet's
   weekday and another's calendar date for the same event give the year (see
   :mod:`newsrecon.pipeline.timeline.constraints`);
2. full dates it writes in the past tense, and year-less ones placed in the story's year;
3. the story's news: the latest dated event that most of the story's other outlets report,
   since an article grouped with them reports the same news.

The estimate is the latest bound (the article is no older than any of them), with that
bound's basis and confidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import reduce
from statistics import median_low

from newsrecon.model import Article
from newsrecon.model.timeline import PublicationEstimate
from newsrecon.pipeline.timeline.constraints import (
    Constraint,
    Solution,
    compatible,
    constraint_of,
    merge,
    solve_year,
)
from newsrecon.pipeline.timeline.grouping import group, similarities
from newsrecon.pipeline.timeline.mentions import Mention
from newsrecon.pipeline.timex.points import month_year


@dataclass(frozen=True, slots=True)
class Fixed:
    """A group of mentions of one event whose day the story's evidence fixes."""

    members: tuple[Mention, ...]
    solution: Solution

    @property
    def outlets(self) -> frozenset[str]:
        return frozenset(m.outlet for m in self.members)


@dataclass(frozen=True, slots=True)
class Estimates:
    """One estimate per article that has one, the mention behind it, and the fixed events."""

    by_article: Mapping[str, PublicationEstimate]
    evidence: Mapping[str, Mention | None]
    fixed: tuple[Fixed, ...]


def fixed_events(
    mentions: Sequence[Mention], known: Sequence[date], today: date
) -> tuple[Fixed, ...]:
    """Events whose day follows from a weekday and a calendar date named for them."""
    cons = [constraint_of(m.raw, m.text) for m in mentions]
    days = [i for i, c in enumerate(cons) if c is not None and c.is_day]
    sims = similarities(mentions)

    def ok(i: int, j: int) -> bool:
        a, b = cons[i], cons[j]
        return a is not None and b is not None and compatible(a, b)

    near = median_low(known) if known else None
    past_years = [
        c.year
        for c, m in zip(cons, mentions, strict=True)
        if c is not None and c.year is not None and m.tense < 0 and c.year <= today.year
    ]
    lower = max(past_years, default=None)
    out: list[Fixed] = []
    for members in group(days, mentions, sims, ok):
        parts = [c for i in members if (c := cons[i]) is not None]
        merged: Constraint = reduce(merge, parts)
        if merged.weekday is None or merged.month is None:
            continue  # a weekday alone or a date alone: the anchor decides, not the story
        solution = solve_year(merged, lower, today, near)
        if solution is not None:
            out.append(Fixed(tuple(mentions[i] for i in members), solution))
    return tuple(out)


def estimate_publication(
    articles: Sequence[Article],
    mentions: Mapping[str, Sequence[Mention]],
    today: date,
) -> Estimates:
    """Publication dates of ``articles``: metadata, or the latest lower bound (see module)."""
    known = {a.id: d for a in articles if (d := a.published_day) is not None}
    everything = [m for a in articles for m in mentions.get(a.id, ())]
    fixed = fixed_events(everything, sorted(known.values()), today)
    reference = _reference(sorted(known.values()), fixed, everything)
    by_article: dict[str, PublicationEstimate] = {}
    evidence: dict[str, Mention | None] = {}
    outlets = {a.outlet for a in articles}
    for article in articles:
        if article.id in known:
            by_article[article.id] = PublicationEstimate(
                article.id, known[article.id].isoformat(), "metadata", 1.0, False
            )
            evidence[article.id] = None
            continue
        bounds = _bounds(article, mentions.get(article.id, ()), fixed, reference, outlets)
        if not bounds:
            continue
        day, confidence, basis, mention = max(bounds, key=lambda b: (b[0], b[1]))
        by_article[article.id] = PublicationEstimate(
            article.id, day.isoformat(), basis, round(confidence, 2), True
        )
        evidence[article.id] = mention
    return Estimates(by_article, evidence, fixed)


Bound = tuple[date, float, str, Mention | None]


def _reference(
    known: Sequence[date], fixed: Sequence[Fixed], mentions: Sequence[Mention]
) -> date | None:
    """The story's own time: its dated reports, else its latest fixed event, else the latest
    full date it writes in the past tense."""
    if known:
        return median_low(known)
    if fixed:
        return max(f.solution.day for f in fixed)
    full = [
        d
        for m in mentions
        if m.tense < 0 and (c := constraint_of(m.raw)) is not None and (d := c.fixed()) is not None
    ]
    return max(full, default=None)


def _bounds(
    article: Article,
    own: Sequence[Mention],
    fixed: Sequence[Fixed],
    reference: date | None,
    outlets: set[str],
) -> list[Bound]:
    bounds: list[Bound] = []
    for event in fixed:
        for m in event.members:
            if m.article == article.id and m.tense < 0:
                bounds.append(
                    (
                        event.solution.day,
                        event.solution.confidence * 0.9,
                        f"it reports “{m.text}” for an event other outlets date; "
                        f"{event.solution.basis}",
                        m,
                    )
                )
    for m in own:
        c = constraint_of(m.raw, m.text)
        if m.tense > 0 or c is None or c.month is None or c.day is None:
            continue
        day = c.fixed()
        if day is not None:
            bounds.append((day, 0.5, f"it mentions “{m.text}” in the past tense", m))
        elif reference is not None:
            year = month_year(reference, c.month, -1)
            placed = _day(year, c.month, c.day)
            if placed is not None:
                bounds.append(
                    (placed, 0.4, f"it mentions “{m.text}”, placed in the story's year {year}", m)
                )
    others = len(outlets - {article.outlet})
    news = [
        e
        for e in fixed
        if others
        and len(e.outlets - {article.outlet}) * 2 > others
        and all(m.tense < 0 for m in e.members)
    ]
    if news:
        latest = max(news, key=lambda e: e.solution.day)
        bounds.append(
            (
                latest.solution.day,
                0.35 * latest.solution.confidence,
                f"the story's news, reported by {len(latest.outlets)} outlets, is dated "
                f"{latest.solution.day.isoformat()} ({latest.solution.basis})",
                None,
            )
        )
    return bounds


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None

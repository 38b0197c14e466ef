"""Story stage ``timeline``: the story's dated events and each article's publication date.

Results: ``timeline`` (:class:`~newsrecon.model.timeline.TimelineEvent`, events first by date,
then one ``published`` entry per article whose publication date is known or estimated) and
``published_estimates`` (:class:`~newsrecon.model.timeline.PublicationEstimate`, for later
stages). Every expression is resolved against its article's publication date, the metadata's
or the estimate; an expression whose value still has unknown digits is left off the timeline.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from newsrecon.model import Span
from newsrecon.model.timeline import PublicationEstimate, TimelineEvent, TimelineMention
from newsrecon.pipeline.analysis import Results, StoryInput
from newsrecon.pipeline.timeline.estimate import Estimates, estimate_publication
from newsrecon.pipeline.timeline.grouping import group, similarities
from newsrecon.pipeline.timeline.mentions import Mention, article_mentions, resolved_values

# Mentions of one date need less textual likeness to be one event than mentions whose dates
# are merely compatible: the shared date is itself evidence.
SAME_DAY_EVENT = 0.12

_GRANULARITY = (
    (re.compile(r"^\d{4}-\d\d-\d\d"), "day"),
    (re.compile(r"^\d{4}-W\d\d"), "week"),
    (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-H\d$"), "half"),
    (re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}-\d\d$"), "month"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
)


def granularity(value: str) -> str | None:
    """The unit a calendar value speaks at, or ``None`` when it is not a calendar value."""
    if "/" in value:
        return "interval"
    return next((name for pattern, name in _GRANULARITY if pattern.match(value)), None)


def timeline_stage(story: StoryInput, results: Results) -> Mapping[str, tuple[Any, ...]]:
    mentions = {a.id: article_mentions(a, story.docs.get(a.id)) for a in story.articles}
    estimates = estimate_publication(story.articles, mentions, date.today())
    events = build_events(story, mentions, estimates)
    published = publication_entries(story, estimates)
    return {
        "timeline": tuple(events) + tuple(published),
        "published_estimates": tuple(estimates.by_article.values()),
    }


def build_events(
    story: StoryInput, mentions: Mapping[str, Sequence[Mention]], estimates: Estimates
) -> list[TimelineEvent]:
    """Mentions resolved against their article's publication date, merged by date and event."""
    fixed_day = {(m.article, m.start): f for f in estimates.fixed for m in f.members}
    items: list[tuple[Mention, str, bool, str]] = []
    for article in story.articles:
        estimate = estimates.by_article.get(article.id)
        anchor = date.fromisoformat(estimate.date) if estimate is not None else None
        resolved = resolved_values(article, anchor)
        for m in mentions[article.id]:
            timex = resolved.get((m.start, m.end))
            if timex is None:
                continue
            value, basis = timex.value, ""
            by_story = fixed_day.get((m.article, m.start))
            if by_story is not None and by_story.solution.confidence < 1.0:
                value = by_story.solution.day.isoformat() + _time_part(timex.value)
                basis = by_story.solution.basis
            if "X" in value or granularity(value.split("T")[0]) is None:
                continue
            on_estimate = timex.anchored and estimate is not None and estimate.estimated
            if on_estimate and estimate is not None and not basis:
                basis = f"resolved against the estimated publication date {estimate.date}"
            items.append((m, value, on_estimate or bool(basis), basis))
    all_mentions = [m for m, _, _, _ in items]
    sims = similarities(all_mentions)
    by_value: dict[str, list[int]] = {}
    for i, (_, value, _, _) in enumerate(items):
        by_value.setdefault(value.split("T")[0], []).append(i)
    events: list[TimelineEvent] = []
    for value, indices in by_value.items():
        for members in group(indices, all_mentions, sims, lambda i, j: True, SAME_DAY_EVENT):
            events.append(_event(story.story.id, value, [items[i] for i in members]))
    events.sort(key=lambda e: (e.date, -len(e.outlets), e.id))
    return events


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:10]


def _time_part(value: str) -> str:
    _, sep, tail = value.partition("T")
    return sep + tail


def _event(
    story_id: str, value: str, items: Sequence[tuple[Mention, str, bool, str]]
) -> TimelineEvent:
    items = sorted(items, key=lambda it: (it[0].outlet, it[0].article, it[0].start))
    first = items[0][0]
    mentions = tuple(
        TimelineMention(
            outlet=m.outlet,
            expression=Span(m.article, m.start, m.end),
            evidence=Span(m.article, m.sent_start, m.sent_end),
            value=v,
            anchored=m.anchored,
        )
        for m, v, _, _ in items
    )
    descriptions = Counter(m.description for m, _, _, _ in items)
    basis = next((b for _, _, _, b in items if b), "")
    key = f"{story_id}|{value}|{first.article}|{first.start}"
    return TimelineEvent(
        id="t" + _digest(key),
        date=value,
        granularity=granularity(value) or "day",
        expression=Span(first.article, first.start, first.end),
        evidence=Span(first.article, first.sent_start, first.sent_end),
        description=descriptions.most_common(1)[0][0],
        outlets=tuple(sorted({m.outlet for m, _, _, _ in items})),
        estimated=any(e for _, _, e, _ in items),
        mentions=mentions,
        basis=basis,
        kind="event",
    )


def publication_entries(story: StoryInput, estimates: Estimates) -> list[TimelineEvent]:
    """One ``published`` entry per article with a known or estimated publication date."""
    out: list[TimelineEvent] = []
    for article in story.articles:
        estimate: PublicationEstimate | None = estimates.by_article.get(article.id)
        if estimate is None:
            continue
        m = estimates.evidence.get(article.id)
        out.append(
            TimelineEvent(
                id="p" + _digest(f"{story.story.id}|{article.id}"),
                date=estimate.date,
                granularity="day",
                expression=Span(article.id, m.start, m.end) if m is not None else None,
                evidence=Span(article.id, m.sent_start, m.sent_end) if m is not None else None,
                description=f"{article.outlet} published this report",
                outlets=(article.outlet,),
                estimated=estimate.estimated,
                basis=estimate.basis,
                kind="published",
                article=article.id,
                confidence=estimate.confidence,
            )
        )
    out.sort(key=lambda e: (e.date, e.id))
    return out

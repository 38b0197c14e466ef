"""Reader-facing views of the findings, shared by the HTML and Markdown renderings.

Each view turns a section's published records (plain dicts) into what a page shows: the
summary with its citations, the corroboration matrix, conflicts, statements, entities and
their spellings, the timeline and reuse drawn as small charts, and the framing table. A view
is ``None`` when its records do not have the expected shape, and the renderer falls back to
the generic table, so a change upstream degrades a section rather than breaking the page.
Evidence stays with every item (``spans``), so the HTML can highlight it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Item = Mapping[str, Any]
Register = Callable[[Any], str]

STANCE_MARKS = {
    "reported": ("✓", "reports it"),
    "reported_with_attribution": ("✓ₐ", "reports it, attributed to a source"),
    "contradicted": ("✗", "contradicts it"),
    "not_mentioned": ("", "does not mention it"),
}

MEASURE_TITLES = {
    "actor_label": "Words for actors",
    "act": "Words for acts",
    "loaded": "Loaded and emotive words",
    "hedge": "Hedges",
    "reporting_verb": "Reporting verbs",
    "source": "Sources cited",
    "only_here": "Context only this outlet carries",
    "omitted_here": "Context this outlet leaves out",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One highlightable thing: ``id`` names its evidence marks in the articles."""

    id: str
    item: Item
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Matrix:
    outlets: list[str]
    rows: list[tuple[Entry, list[tuple[str, str]]]]


@dataclass(frozen=True, slots=True)
class FramingGroup:
    measure: str
    title: str
    explanation: str
    rows: list[tuple[Item, list[tuple[Item, list[Entry]]]]]


@dataclass(frozen=True, slots=True)
class Chart:
    """An SVG drawing described by numbers and text (the template escapes the text)."""

    width: int
    height: int
    points: list[dict[str, Any]]
    lines: list[dict[str, Any]]
    labels: list[dict[str, Any]]


def entries(items: Sequence[Item], register: Register) -> list[Entry]:
    return [Entry(register(item), item) for item in items]


def summary(items: Sequence[Item], register: Register) -> tuple[list[Entry], list[Entry]]:
    main = [i for i in items if i.get("kind") == "summary"]
    disputed = [i for i in items if i.get("kind") == "disputed"]
    return entries(main, register), entries(disputed, register)


def matrix(claims: Sequence[Item], outlets: Sequence[str], register: Register) -> Matrix | None:
    if not claims or not all("stances" in c and "text" in c for c in claims):
        return None
    ordered = sorted(
        claims,
        key=lambda c: (
            bool(c.get("minor")),  # the claims stage's rank: important first, minor last
            int(c.get("rank") or 0) or len(claims) + 1,
            {"disputed": 0, "corroborated": 1}.get(str(c.get("status")), 2),
            -int(c.get("independent_sources") or 0),
            str(c.get("id")),
        ),
    )
    rows = []
    for claim in ordered:
        stances = {str(s.get("outlet")): str(s.get("stance")) for s in claim["stances"]}
        cells = [
            STANCE_MARKS.get(stances.get(o, "not_mentioned"), ("?", "unknown")) for o in outlets
        ]
        rows.append((Entry(register(claim), claim), cells))
    return Matrix(list(outlets), rows)


def framing(rows: Sequence[Item], register: Register) -> list[FramingGroup]:
    groups: dict[str, list[tuple[Item, list[tuple[Item, list[Entry]]]]]] = defaultdict(list)
    explanations: dict[str, str] = {}
    for row in rows:
        measure = str(row.get("measure"))
        explanations.setdefault(measure, str(row.get("explanation", "")))
        cells = [
            (cell, [Entry(register(term), term) for term in cell.get("terms", [])])
            for cell in row.get("cells", [])
        ]
        groups[measure].append((row, cells))
    return [
        FramingGroup(m, MEASURE_TITLES.get(m, m), explanations[m], groups[m])
        for m in [*MEASURE_TITLES, *sorted(set(groups) - set(MEASURE_TITLES))]
        if m in groups
    ]


def timeline_chart(events: Sequence[Entry], width: int = 760) -> Chart | None:
    """Events on a time axis: one dot per event whose date starts with a year (``YYYY``,
    ``YYYY-MM``, ``YYYY-MM-DD``, or an interval's start), labelled by its date."""
    dated = []
    for entry in events:
        day = _day(str(entry.item.get("date", "")))
        if day is not None:
            dated.append((day, entry))
    if not dated:
        return None
    dated.sort(key=lambda d: (d[0], str(d[1].item.get("date"))))
    first, last = dated[0][0], dated[-1][0]
    span_days = max(1, (last - first).days)
    left, right, axis_y = 20, width - 20, 40
    points, labels = [], []
    lanes: dict[int, int] = defaultdict(int)
    seen: set[str] = set()
    for day, entry in dated:
        event = entry.item
        x = left + (right - left) * (day - first).days / span_days
        lane = lanes[round(x / 12)]
        lanes[round(x / 12)] += 1
        y = axis_y + 16 + 14 * lane
        points.append(
            {
                "x": round(x, 1),
                "y": axis_y,
                "r": 4 + min(4, len(event.get("outlets", []))),
                "id": entry.id,
                "label": f"{event.get('date')}: {event.get('description', '')}",
                "estimated": bool(event.get("estimated")),
            }
        )
        if str(event.get("date")) not in seen:
            seen.add(str(event.get("date")))
            labels.append({"x": round(x, 1), "y": y, "text": str(event.get("date"))})
    height = 60 + 14 * max(lanes.values(), default=1)
    ticks = [
        {"x": left, "y": axis_y - 10, "text": first.isoformat()},
        {"x": right, "y": axis_y - 10, "text": last.isoformat()},
    ]
    lines = [{"x1": left, "y1": axis_y, "x2": right, "y2": axis_y, "w": 1}]
    return Chart(width, height, points, lines, ticks + labels)


def reuse_chart(
    pairs: Sequence[Item], outlet_of: Mapping[str, str], size: int = 360
) -> Chart | None:
    """Outlets on a circle, a line between two outlets that share passages (thicker for more
    shared words); nodes are placed in name order so the drawing is reproducible."""
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for pair in pairs:
        a, b = outlet_of.get(str(pair.get("article_a"))), outlet_of.get(str(pair.get("article_b")))
        if a is None or b is None or a == b:
            continue
        words = sum(int(p.get("words", 0)) for p in pair.get("passages", [])) or 1
        weights[(min(a, b), max(a, b))] += words
    if not weights:
        return None
    outlets = sorted(set(outlet_of.values()))
    centre, radius = size / 2, size / 2 - 70
    place = {}
    for n, outlet in enumerate(outlets):
        angle = 2 * math.pi * n / len(outlets) - math.pi / 2
        place[outlet] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    top = max(weights.values())
    lines = [
        {
            "x1": round(place[a][0], 1),
            "y1": round(place[a][1], 1),
            "x2": round(place[b][0], 1),
            "y2": round(place[b][1], 1),
            "w": round(1 + 7 * w / top, 1),
            "label": f"{a} – {b}: {w} shared words",
        }
        for (a, b), w in sorted(weights.items())
    ]
    points = [
        {"x": round(x, 1), "y": round(y, 1), "r": 7, "label": o, "id": ""}
        for o, (x, y) in place.items()
    ]
    labels = [
        {"x": round(x, 1), "y": round(y + (18 if y >= centre else -12), 1), "text": o}
        for o, (x, y) in place.items()
    ]
    return Chart(size, size, points, lines, labels)


def _day(value: str) -> dt.date | None:
    head = value.split("/", 1)[0]
    parts = head.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        day = int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None

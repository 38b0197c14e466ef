"""Typed comparison of two aligned facts: where they disagree, slot by slot.

Precision first: a slot is compared only when both facts state it about the same thing (a
number with the same counted noun and event, a date attached to the same kind of event) and
each fact states it once, so that nothing is compared with a different referent. Hedged
("may", "reportedly") statements never make a negation conflict.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from newsrecon.model import Span
from newsrecon.pipeline.claims.facts import DateSlot, Fact
from newsrecon.pipeline.claims.numbers import Number, compatible
from newsrecon.pipeline.claims.roles import Role, RoleDisagreement, overlap, role_disagreements
from newsrecon.pipeline.timex.lexicon import WEEKDAYS

NEAR_SAME = 0.6  # content-word overlap at which two sentences are compared figure by unit


@dataclass(frozen=True, slots=True)
class Disagreement:
    """``key`` names the compared thing (``date:attack``, ``number:person/kill``)."""

    kind: str
    key: str
    left: str
    right: str
    left_span: Span
    right_span: Span


def _unique(items: list[tuple[str, object]]) -> dict[str, object]:
    counts = Counter(key for key, _ in items)
    return {key: item for key, item in items if counts[key] == 1}


def number_key(n: Number) -> str | None:
    if not n.unit or not n.event:
        return None
    return f"{n.unit}/{n.event}"


def _number_disagreement(key: str, a: Fact, na: Number, b: Fact, nb: Number) -> Disagreement:
    return Disagreement(
        "number",
        f"number:{key}",
        na.normalised(),
        nb.normalised(),
        Span(a.article, na.start, na.end),
        Span(b.article, nb.start, nb.end),
    )


def _by(
    numbers: tuple[Number, ...], key: Callable[[Number], str | None]
) -> dict[str, list[Number]]:
    out: dict[str, list[Number]] = {}
    for n in numbers:
        k = key(n)
        if k is not None:
            out.setdefault(k, []).append(n)
    return out


def _leftover(left: list[Number], right: list[Number]) -> tuple[list[Number], list[Number]]:
    """The numbers of each side that no number of the other side agrees with, so that
    "55 to 21" against "21 to 55" leaves nothing and "55 to 21" against "110 to 21" leaves
    the one figure that changed."""
    lonely_left = [n for n in left if not any(compatible(n, m) for m in right)]
    lonely_right = [m for m in right if not any(compatible(n, m) for n in left)]
    return lonely_left, lonely_right


def number_disagreements(a: Fact, b: Fact) -> list[Disagreement]:
    """Figures for the same thing that cannot both be right.

    Numbers are compared under one key (counted noun and event). A key stated several times
    in a sentence is compared by elimination: what is left once agreeing figures are paired
    must be one figure on each side. Where the parse gives no key (no counted noun, or a
    parse that moved with the figure), two sentences that otherwise say the same thing are
    compared figure by unit the same way.
    """
    out: list[Disagreement] = []
    seen: set[tuple[int, int]] = set()
    keyed_a, keyed_b = _by(a.numbers, number_key), _by(b.numbers, number_key)
    for key in keyed_a.keys() & keyed_b.keys():
        left, right = _leftover(keyed_a[key], keyed_b[key])
        if len(left) == 1 and len(right) == 1:
            out.append(_number_disagreement(key, a, left[0], b, right[0]))
            seen |= {(0, left[0].start), (1, right[0].start)}
        for n in keyed_a[key]:
            seen.add((0, n.start))
        for n in keyed_b[key]:
            seen.add((1, n.start))
    if overlap(a.lemmas, b.lemmas) < NEAR_SAME:
        return out
    loose_a = _by(tuple(n for n in a.numbers if (0, n.start) not in seen), _unit)
    loose_b = _by(tuple(n for n in b.numbers if (1, n.start) not in seen), _unit)
    for unit in loose_a.keys() & loose_b.keys():
        left, right = _leftover(loose_a[unit], loose_b[unit])
        if len(left) == 1 and len(right) == 1 and len(loose_a[unit]) == len(loose_b[unit]):
            out.append(_number_disagreement(unit or "figure", a, left[0], b, right[0]))
    return out


def _unit(n: Number) -> str:
    return n.unit


def date_key(d: DateSlot) -> str | None:
    """The dated event; a weekday and a calendar date of one event ("Tuesday, 10 March") are
    two slots, compared each with its own kind."""
    if not d.event:
        return None
    return d.event + "/weekday" if d.value.startswith("weekday:") else d.event


def dates_agree(a: str, b: str) -> bool:
    """Equal on every digit both state (``XXXX-10-07`` agrees with ``2023-10-07``); weekdays
    equal, or next to each other when one is at the edge of a day (``weekday:tuesday~``)."""
    if a.startswith("weekday:") or b.startswith("weekday:"):
        if not (a.startswith("weekday:") and b.startswith("weekday:")):
            return True  # a weekday against a calendar date: not comparable without anchors
        da, db = a[8:].rstrip("~"), b[8:].rstrip("~")
        gap = (WEEKDAYS[da] - WEEKDAYS[db]) % 7
        return gap == 0 or ("~" in a + b and gap in (1, 6))
    if len(a) != len(b):
        return True  # a month against a day: not comparable, so not a conflict
    return all(x == y or "X" in (x, y) for x, y in zip(a, b, strict=True))


def compare_facts(a: Fact, b: Fact) -> list[Disagreement]:
    """Disagreements between two facts already aligned as the same claim."""
    out: list[Disagreement] = []
    out += number_disagreements(a, b)
    dates_a = _unique([(k, d) for d in a.dates if (k := date_key(d))])
    dates_b = _unique([(k, d) for d in b.dates if (k := date_key(d))])
    for key in dates_a.keys() & dates_b.keys():
        da, db = dates_a[key], dates_b[key]
        assert isinstance(da, DateSlot) and isinstance(db, DateSlot)
        if not dates_agree(da.value, db.value):
            out.append(
                Disagreement(
                    "date",
                    f"date:{key}",
                    da.value,
                    db.value,
                    Span(a.article, da.start, da.end),
                    Span(b.article, db.start, db.end),
                )
            )
    out += [
        _from_role(d, a.article, b.article)
        for d in role_disagreements(a.roles, b.roles, a.lemmas, b.lemmas)
    ]
    if (
        a.negated != b.negated
        and a.root == b.root
        and not (a.modal or b.modal)
        and not (a.denial or b.denial)
    ):
        out.append(
            Disagreement(
                "negation",
                f"negation:{a.root}",
                "not " + a.root if a.negated else a.root,
                "not " + b.root if b.negated else b.root,
                Span(a.article, a.start, a.end),
                Span(b.article, b.start, b.end),
            )
        )
    return out


def _role_span(role: Role, article: str, title: bool) -> Span:
    if title and role.title_start >= 0:
        return Span(article, role.title_start, role.title_end)
    return Span(article, role.start, role.end)


def _from_role(d: RoleDisagreement, left: str, right: str) -> Disagreement:
    title = d.kind == "title"
    return Disagreement(
        d.kind,
        d.key,
        d.left_value,
        d.right_value,
        _role_span(d.left, left, title),
        _role_span(d.right, right, title),
    )

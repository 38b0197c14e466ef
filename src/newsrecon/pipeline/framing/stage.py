"""The framing stage: one table per story, rows are measures, columns are outlets.

Reads ``entities`` (actors), ``claims`` (what hedges hang on; what an outlet alone carries or
leaves out) and ``quotes`` (direct quotations are the speaker's words) when those stages ran,
and works from the parses alone when they did not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from spacy.tokens import Doc

from newsrecon.model import Article, Span
from newsrecon.model.framing import FramingCell, FramingRow, FramingTerm
from newsrecon.pipeline.analysis import Results, StoryInput
from newsrecon.pipeline.framing.actors import main_actors
from newsrecon.pipeline.framing.carriers import carriers, overlaps
from newsrecon.pipeline.framing.measures import Found, find, own_words, quoted_ranges

EXPLANATIONS = {
    "actor_label": "Words the outlet uses, in its own voice, to name actors: one row per class "
    "of actor (any actor so named), then one per main actor the word is tied to through the "
    "parse (compound, possessive, apposition, an 'including' list). Each word carries the "
    "lexicon's usual connotation (pejorative, neutral, sympathetic).",
    "act": "Words for violent or hostile acts in the outlet's own voice: all of them, then those "
    "tied to a main actor (its act), with the lexicon's tone (neutral, pejorative, euphemistic).",
    "loaded": "Loaded or emotive words outside quotation marks (the outlet's evaluation, not a "
    "speaker's), with their tone.",
    "hedge": "Hedges outside quotation marks (reportedly, allegedly, may, at least + number, "
    "...); each lists the sentences it hangs on and the claims stated there.",
    "reporting_verb": "Verbs that introduce what someone said (all, then by main actor as "
    "the verb's subject), by tone: neutral (said, "
    "told), doubt (claimed, insisted), concession (admitted), assertive (declared, vowed), "
    "emphatic (hailed), denial (denied).",
    "source": "Sources the outlet cites: agencies, state media and other outlets wherever "
    "named; officials, anonymous sources and documents only where a statement is attributed "
    "to them (according to X, X said, citing X, a X report); other organisations named there.",
    "only_here": "Claims (from the claims stage) that this outlet alone carries among the "
    "story's outlets: context it adds.",
    "omitted_here": "Claims that every other outlet (at least two) carries but this one does "
    "not: context it leaves out.",
}

_ORDER = ("actor_label", "act", "loaded", "hedge", "reporting_verb", "source")


def framing_stage(story: StoryInput, results: Results) -> Results:
    rows = framing_rows(
        story.articles,
        story.docs,
        entities=results.get("entities", ()),
        claims=results.get("claims", ()),
        quotes=results.get("quotes", ()),
    )
    return {"framing": tuple(rows)}


def framing_rows(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    entities: Sequence[Any] = (),
    claims: Sequence[Any] = (),
    quotes: Sequence[Any] = (),
) -> list[FramingRow]:
    actors = main_actors(articles, docs, entities)
    direct = _direct_quotes(quotes)
    outlets = sorted({a.outlet for a in articles})
    by_outlet: dict[str, list[str]] = defaultdict(list)
    words: dict[str, int] = defaultdict(int)
    found: list[tuple[str, Found]] = []
    for article in articles:
        by_outlet[article.outlet].append(article.id)
        doc = docs.get(article.id)
        if doc is None:
            continue
        quoted = quoted_ranges(article.text, direct.get(article.id, ()))
        words[article.outlet] += own_words(doc, quoted)
        found += [(article.outlet, f) for f in find(article, doc, actors, quoted)]
    claim_spans = [(c.id, tuple(c.evidence)) for c in claims]
    grouped: dict[tuple[str, str], list[tuple[str, Found]]] = defaultdict(list)
    for outlet, f in found:
        grouped[(f.measure, f.subject)].append((outlet, f))
    rows: list[FramingRow] = []
    for measure in _ORDER:
        for subject in _subjects(measure, grouped, actors.names):
            hits = grouped.get((measure, subject), [])
            cells = tuple(
                _cell(o, by_outlet[o], words[o], [f for ho, f in hits if ho == o], claim_spans)
                for o in outlets
            )
            rows.append(_row(measure, subject, cells))
    rows += _context_rows(claims, outlets, by_outlet, words)
    return rows


def _subjects(
    measure: str, grouped: Mapping[tuple[str, str], Any], names: Sequence[str]
) -> list[str]:
    present = {s for m, s in grouped if m == measure}
    classes = sorted(s for s in present if s.startswith("class:"))
    people = [n for n in names if n in present]
    if measure == "actor_label":
        return classes + people
    if measure in {"act", "reporting_verb"}:
        return ["", *people]
    return [""]


def _row(measure: str, subject: str, cells: tuple[FramingCell, ...]) -> FramingRow:
    shown = subject.removeprefix("class:").replace("_", " ")
    if subject.startswith("class:"):
        shown = f"{shown} (any actor)"
    explanation = EXPLANATIONS[measure]
    slug = re.sub(r"[^a-z0-9]+", "-", f"{measure} {shown}".lower()).strip("-")
    return FramingRow(f"framing-{slug}", measure, shown, explanation, cells)


def _cell(
    outlet: str,
    articles: Sequence[str],
    words: int,
    found: Sequence[Found],
    claim_spans: Sequence[tuple[str, tuple[Span, ...]]],
) -> FramingCell:
    terms: dict[tuple[str, str], list[Found]] = defaultdict(list)
    for f in found:
        terms[(f.term, f.tone)].append(f)
    out = []
    for (term, tone), items in terms.items():
        spans = tuple(sorted({f.span for f in items}))
        contexts = tuple(sorted({f.context for f in items if f.context is not None}))
        claims = tuple(
            cid
            for cid, evidence in claim_spans
            if any(overlaps(e, c) for e in evidence for c in contexts)
        )
        out.append(FramingTerm(term, tone, len(spans), spans, contexts, claims))
    out.sort(key=lambda t: (-t.count, t.term))
    hits = sum(t.count for t in out)
    rate = round(1000 * hits / words, 2) if words else None
    return FramingCell(outlet, tuple(articles), words, hits, rate, tuple(out))


def _context_rows(
    claims: Sequence[Any],
    outlets: Sequence[str],
    by_outlet: Mapping[str, Sequence[str]],
    words: Mapping[str, int],
) -> list[FramingRow]:
    if not claims or len(outlets) < 2:
        return []
    only: dict[str, list[FramingTerm]] = defaultdict(list)
    omitted: dict[str, list[FramingTerm]] = defaultdict(list)
    for claim in claims:
        carrying = carriers(claim)
        evidence = tuple(claim.evidence)
        for outlet in outlets:
            mine = tuple(e for e in evidence if e.article in by_outlet[outlet])
            others = [o for o in outlets if o != outlet]
            if carrying == {outlet} and mine:
                only[outlet].append(FramingTerm(claim.text, "claim", 1, mine, (), (claim.id,)))
            elif outlet not in carrying and len(others) >= 2 and set(others) <= carrying:
                theirs = tuple(e for e in evidence if e.article not in by_outlet[outlet])
                omitted[outlet].append(FramingTerm(claim.text, "claim", 1, theirs, (), (claim.id,)))
    rows = []
    for measure, table in (("only_here", only), ("omitted_here", omitted)):
        cells = tuple(
            FramingCell(o, tuple(by_outlet[o]), words[o], len(table[o]), None, tuple(table[o]))
            for o in outlets
        )
        rows.append(_row(measure, "", cells))
    return rows


def _direct_quotes(quotes: Sequence[Any]) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for quote in quotes:
        kind = str(getattr(getattr(quote, "kind", ""), "value", getattr(quote, "kind", "")))
        content = getattr(quote, "content", None)
        if kind == "direct" and isinstance(content, Span):
            out[content.article].append((content.start, content.end))
    return out

"""What a cue verb reports: its complement clause, an adjacent quotation, a passive's subject,
the clause a parenthetical cue interrupts, its object, and (for the filter to judge) looser
fallbacks read from the parse. Each is offered in order of reliability; the route that found
the content is recorded on the candidate as a feature for the learned filter, which keeps one
reading per cue word.

Works on character offsets of the Doc, which is parsed from exactly ``Article.text``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from newsrecon.pipeline.quotes.bounds import content_bounds
from newsrecon.pipeline.quotes.marks import QuoteRegion
from newsrecon.pipeline.quotes.spans import Candidate, Range, doc_text
from newsrecon.pipeline.quotes.spans import Regions as _Regions
from newsrecon.pipeline.quotes.spans import between as _between
from newsrecon.pipeline.quotes.spans import extent as _extent
from newsrecon.pipeline.quotes.spans import same_paragraph as _same_paragraph
from newsrecon.pipeline.quotes.spans import subtree_range as _subtree_range

_CONTENT_DEPS = {"ccomp", "parataxis"}
_OBJECT_DEPS = {"dobj", "xcomp", "attr", "oprd", "dative", "prep"}
_TRAILING = {"advmod", "npadvmod", "prt", "neg", "prep", "dative", "dobj"}
_PREPS = {"about", "for", "on", "of", "against", "over", "to", "with", "at", "around", "into"}
# Dependents of a cue that are not what it reports (the loose "rest" route).
_REST_SKIP = {
    "punct",
    "cc",
    "conj",
    "mark",
    "aux",
    "auxpass",
    "neg",
    "prt",
    "nsubj",
    "nsubjpass",
    "csubj",
    "expl",
    "intj",
    "dep",
    "meta",
    "npadvmod",
}
# Dependents whose own words lead into the content ("calling for X", "sure of X").
_LEAD_DEPS = {"prep", "acomp", "advmod", "agent"}
# The looser routes (an "as" clause's host, "rest", a relative or adverbial clause's host);
# off, candidates are built as before they were added (for ablations).
FALLBACKS = True
# Words between a cue and an adjacent quote that keep them together ("said: “...”").
_GLUE = {",", ":", "that", "-", "—", "–", "in", "a", "an", "the", "statement", "letter"}


def _cue_range(verb: Token) -> Range:
    toks = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    toks.sort(key=lambda t: t.i)
    return _extent(toks)


def _adjacent_region(verb: Token, subject: Token | None, regions: _Regions) -> QuoteRegion | None:
    """A quote right after the cue clause ("X said: “...”") or right before it ("“...,” X
    said"), with only glue words in between."""
    doc = verb.doc
    text = doc_text(doc)
    sent = verb.sent
    clause = [verb] + ([subject] if subject is not None else [])
    lo = min(t.left_edge.i if t is subject else t.i for t in clause)
    hi = max(t.right_edge.i if t is subject else t.i for t in clause)
    for t in verb.children:
        if t.dep_ in _TRAILING and t.i > hi and not regions.holding(t.idx):
            hi = max(hi, t.right_edge.i)
    after = doc[hi].idx + len(doc[hi].text)
    for r in regions.within(after, sent.end_char + 200):
        glue = _between(text, after, r.start).lower().split()
        if all(w.strip(",:") in _GLUE or not w.strip(",:") for w in glue) and len(glue) <= 4:
            return r
        break
    before = doc[lo].idx
    for r in reversed(regions.within(max(0, sent.start_char - 4000), before)):
        if r.end <= before:
            gap = _between(text, r.end, before).strip()
            if gap in {"", ",", "—", "–", "-"}:
                return r
        break
    return None


def _content_child(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _CONTENT_DEPS:
            return child
    return None


def _object_range(verb: Token) -> Range | None:
    objs = [
        c
        for c in verb.children
        if c.dep_ in _OBJECT_DEPS and c.i > verb.i and (c.dep_ != "prep" or c.lower_ in _PREPS)
    ]
    if not objs:
        return None
    first = objs[0]
    if first.dep_ == "prep" and len(objs) == 1:
        # "called for X", "talked about X": the preposition belongs to the cue, X is content
        pobj = next((c for c in first.children if c.dep_ in {"pobj", "pcomp"}), None)
        if pobj is not None:
            return _extent([pobj.left_edge, pobj.right_edge])
    return _extent([first.left_edge, max(o.right_edge for o in objs)])


def _object_content(verb: Token, regions: _Regions) -> Range | None:
    """The verb's object cut to PolNeAR's content edges."""
    rng = _object_range(verb)
    if rng is None:
        return None
    return content_bounds(doc_text(verb.doc), rng, regions.within(*rng))


def readings(
    verb: Token, subject: Token | None, source: Range | None, regions: _Regions, objects: bool
) -> Iterator[Candidate]:
    """Every content ``verb`` may report, in order of reliability."""
    text = doc_text(verb.doc)
    head = subject.i if subject is not None else -1
    cue = _cue_range(verb)
    comp = _content_child(verb)
    if comp is not None:
        raw = _subtree_range(comp, verb)
        rng = content_bounds(text, raw, regions.within(*raw))
        if rng is None:
            return
        inside = regions.within(*rng)
        covered = sum(min(r.end, rng[1]) - max(r.start, rng[0]) for r in inside)
        if inside and covered >= 0.85 * (rng[1] - rng[0]):
            yield Candidate(source, cue, [rng], "direct", verb.i, head, list(inside), route="comp")
        else:
            if subject is not None and rng[0] <= subject.idx < rng[1]:
                return
            kind = "mixed" if inside else "indirect"
            yield Candidate(source, cue, [rng], kind, verb.i, head, list(inside), route="comp")
    region = _adjacent_region(verb, subject, regions)
    if region is not None:
        yield Candidate(
            source,
            cue,
            [(region.start, region.end)],
            "direct",
            verb.i,
            head,
            [region],
            route="adjacent",
        )
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and subject is not None and subject.dep_ == "pobj":
        # "the move was reported by X": what was reported is the passive subject
        raw = _subtree_range(passive, verb)
        rng = content_bounds(text, raw, regions.within(*raw))
        if rng is not None:
            inside = regions.within(*rng)
            kind = "mixed" if inside else "indirect"
            yield Candidate(source, cue, [rng], kind, verb.i, head, inside, route="passive")
    as_clause = verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    )
    if verb.dep_ == "parataxis" or (FALLBACKS and as_clause):
        parts = _host_clause(verb, regions, verb.head)
        if parts:
            route = "host" if verb.dep_ == "parataxis" else "as"
            yield _indirect(source, cue, parts, verb, head, regions, route)
    if objects:
        rng = _object_content(verb, regions)
        if rng is not None:
            inside = regions.within(*rng)
            yield Candidate(
                source,
                cue,
                [rng],
                "mixed" if inside else "indirect",
                verb.i,
                head,
                list(inside),
                route="object",
            )
    if not FALLBACKS:
        return
    rest = _rest_range(verb)
    if rest is not None:
        rng = content_bounds(text, rest, regions.within(*rest))
        if rng is not None:
            yield _indirect(source, cue, [rng], verb, head, regions, "rest")
    host = verb.head.head if verb.dep_ == "relcl" else verb.head
    if verb.dep_ == "advcl" or (verb.dep_ == "relcl" and host.i != verb.head.i):
        parts = _host_clause(verb, regions, host)
        if parts:
            yield _indirect(source, cue, parts, verb, head, regions, "host-" + verb.dep_)


# A verb's later readings carry this after their route ("object-alt"): the order above takes
# a clause or an adjacent quotation before the object, but for "praised" or "attacked" with a
# quotation nearby the object is often what is reported ("praised [the governor's handling of
# the storm]"), and a complement can lose to an object or a looser reading the same way. The
# filter, which sees the route and the first reading's, keeps one reading per cue word
# (:func:`..select.one_per_cue`).
ALTERNATIVE_SUFFIX = "-alt"


def verb_readings(
    verb: Token, subject: Token | None, source: Range | None, regions: _Regions, objects: bool
) -> list[Candidate]:
    """The first of ``verb``'s readings, then each later one with content of its own, marked
    as an alternative to the first."""
    found = list(readings(verb, subject, source, regions, objects))
    if not found:
        return []
    first = found[0]
    out = [first]
    seen = {first.content}
    for r in found[1:]:
        if r.content in seen:
            continue
        seen.add(r.content)
        r.route += ALTERNATIVE_SUFFIX
        r.first_route = first.route
        r.readings = len(found)
        out.append(r)
    return out


def _indirect(
    source: Range | None,
    cue: Range,
    parts: list[Range],
    verb: Token,
    head: int,
    regions: _Regions,
    route: str,
) -> Candidate:
    inside = [r for p in parts for r in regions.within(*p)]
    kind = "mixed" if inside else "indirect"
    return Candidate(source, cue, parts, kind, verb.i, head, inside, route=route)


def _rest_range(verb: Token) -> Range | None:
    """Whatever the cue governs to its right ("is calling for X to act", "is sure of X",
    "backed away from X"), leading prepositions and predicate adjectives left out: a loose
    reading the filter weighs by its route."""
    kids = [c for c in verb.children if c.i > verb.i and c.dep_ not in _REST_SKIP]
    if not kids:
        return None
    first = kids[0]
    start = first.left_edge
    while start.i == first.i and first.dep_ in _LEAD_DEPS:
        right = [c for c in first.children if c.i > first.i and c.dep_ != "punct"]
        if not right:
            break
        first = right[0]
        start = first.left_edge
    end = max(k.right_edge.i for k in kids)
    doc = verb.doc
    while start.dep_ == "mark" and start.i < end:
        start = doc[start.i + 1]
    if end < start.i:
        return None
    return _same_paragraph(doc_text(doc), _extent([start, doc[end]]), verb.idx)


def _host_clause(verb: Token, regions: _Regions, head: Token) -> list[Range]:
    """ "Y, X said, Z", "Y, X said." and "As X said, Y": a cue clause set inside the clause it
    reports (parsed as its parataxis, an "as" clause or, loosely, a relative clause) reports
    ``head``'s clause minus the cue clause, as the fragments either side of it."""
    if head.i == verb.i:
        return []
    doc = verb.doc
    text = doc_text(doc)
    left, right = verb.left_edge.i, verb.right_edge.i
    pieces = []
    if head.left_edge.i < left:
        pieces.append((head.left_edge, doc[left - 1]))
    if right < head.right_edge.i:
        pieces.append((doc[right + 1], head.right_edge))
    parts = []
    for first, last in pieces:
        raw = _same_paragraph(text, _extent([first, last]), verb.idx)
        rng = content_bounds(text, raw, regions.within(*raw))
        if rng is not None:
            parts.append(rng)
    return parts

"""PolNeAR (Newell et al. 2018) in its published layout, and PARC-style attribution scores.

Layout: ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann`` (brat standoff: ``T``
lines ``Source``/``Cue``/``Content`` with character ranges, possibly discontinuous ``a b;c d``,
tied by ``E`` lines). Some documents have several annotator files. Rule used here: each
annotator file is scored on its own and the document's counts are the mean over its files, so
every document weighs the same whatever the number of annotators.

Scores (as PolNeAR and PARC 3.0 papers report them): for each span type, precision is the share
of predicted spans matching a gold span and recall the share of gold spans matched by a
predicted one, under *exact* match (same fragments, whitespace trimmed) and *overlap* match (at
least one shared character). Spans are deduplicated per document (a source shared by two
attributions is one span).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsrecon.errors import CorpusError
from newsrecon.evaluation.metrics import PRF, f1

Fragments = tuple[tuple[int, int], ...]
KINDS = ("source", "cue", "content")


@dataclass(frozen=True, slots=True)
class AttributionSpans:
    """Deduplicated gold or predicted spans of one document by kind."""

    source: frozenset[Fragments]
    cue: frozenset[Fragments]
    content: frozenset[Fragments]

    def of(self, kind: str) -> frozenset[Fragments]:
        spans: frozenset[Fragments] = getattr(self, kind)
        return spans


@dataclass(frozen=True, slots=True)
class PolnearDocument:
    name: str
    text: str
    annotations: tuple[AttributionSpans, ...]
    # per annotator file, in the order of ``annotations``
    attributions: tuple[tuple[Attribution, ...], ...] = ()


def normalise(text: str, fragments: Iterable[tuple[int, int]]) -> Fragments:
    """Fragments trimmed of surrounding whitespace, empty ones dropped, in text order."""
    out = []
    for start, end in sorted(fragments):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return tuple(out)


def spans_from_triples(
    text: str, triples: Iterable[tuple[Sequence[tuple[int, int]] | None, ...]]
) -> AttributionSpans:
    """(source, cue, content) fragment lists per attribution -> deduplicated spans."""
    found: dict[str, set[Fragments]] = {k: set() for k in KINDS}
    for triple in triples:
        for kind, frags in zip(KINDS, triple, strict=True):
            if frags:
                norm = normalise(text, frags)
                if norm:
                    found[kind].add(norm)
    return AttributionSpans(*(frozenset(found[k]) for k in KINDS))


@dataclass(frozen=True, slots=True)
class Attribution:
    """One annotated attribution (a brat ``E`` event): its source, cue and content fragments,
    each normalised; an empty tuple where the annotator marked none."""

    source: Fragments
    cue: Fragments
    content: Fragments


def _ranges(text: str, ranges: str, name: str, number: int) -> Fragments:
    try:
        frags = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
    except ValueError as err:
        raise CorpusError(f"{name}: line {number}: bad ranges {ranges!r}") from err
    if any(len(f) != 2 or f[1] > len(text) for f in frags):
        raise CorpusError(f"{name}: line {number}: ranges {ranges!r} outside the text")
    return normalise(text, [(f[0], f[1]) for f in frags])


def _text_bounds(
    text: str, ann: str, name: str
) -> tuple[dict[str, tuple[str, Fragments]], list[str]]:
    """Text-bound annotations by id (kind, fragments) and the raw ``E`` lines."""
    bounds: dict[str, tuple[str, Fragments]] = {}
    events: list[str] = []
    for number, line in enumerate(ann.splitlines(), 1):
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if line.startswith("E"):
            events.append(parts[1])
            continue
        if not line.startswith("T"):
            continue
        kind, _, ranges = parts[1].partition(" ")
        kind = kind.lower()
        if kind in KINDS:
            bounds[parts[0]] = (kind, _ranges(text, ranges, name, number))
    return bounds, events


def parse_ann(text: str, ann: str, name: str) -> AttributionSpans:
    """The deduplicated source, cue and content spans of one brat file (what is scored)."""
    bounds, _ = _text_bounds(text, ann, name)
    found: dict[str, set[Fragments]] = {k: set() for k in KINDS}
    for kind, norm in bounds.values():
        if norm:
            found[kind].add(norm)
    return AttributionSpans(*(frozenset(found[k]) for k in KINDS))


def parse_attributions(text: str, ann: str, name: str) -> tuple[Attribution, ...]:
    """The attributions of one brat file, source, cue and content tied by its ``E`` lines
    (what training labels candidates against)."""
    bounds, events = _text_bounds(text, ann, name)
    out = []
    for event in events:
        args = dict(a.split(":", 1) for a in event.split()[1:] if ":" in a)
        frags = {k: bounds.get(args.get(k.capitalize(), ""), ("", ()))[1] for k in KINDS}
        out.append(Attribution(frags["source"], frags["cue"], frags["content"]))
    return tuple(out)


def load_polnear(directory: Path) -> list[PolnearDocument]:
    """Every document of ``directory`` that has at least one annotator file."""
    texts_dir, ann_dir = directory / "text", directory / "attributions"
    if not texts_dir.is_dir() or not ann_dir.is_dir():
        raise CorpusError(f"{directory}: not a PolNeAR split (needs text/ and attributions/)")
    docs = []
    for path in sorted(texts_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        raw = [(a.read_text(encoding="utf-8"), a.name) for a in anns]
        docs.append(
            PolnearDocument(
                path.stem,
                text,
                tuple(parse_ann(text, ann, name) for ann, name in raw),
                tuple(parse_attributions(text, ann, name) for ann, name in raw),
            )
        )
    if not docs:
        raise CorpusError(f"{directory}: no annotated documents found")
    return docs


@dataclass(frozen=True, slots=True)
class MatchCounts:
    """Matched predictions, predictions, matched gold spans, gold spans (fractional when a
    document's counts are averaged over annotators)."""

    pred_hit: float = 0.0
    pred: float = 0.0
    gold_hit: float = 0.0
    gold: float = 0.0

    def __add__(self, other: MatchCounts) -> MatchCounts:
        return MatchCounts(
            self.pred_hit + other.pred_hit,
            self.pred + other.pred,
            self.gold_hit + other.gold_hit,
            self.gold + other.gold,
        )

    def scaled(self, factor: float) -> MatchCounts:
        return MatchCounts(
            self.pred_hit * factor, self.pred * factor, self.gold_hit * factor, self.gold * factor
        )

    def prf(self) -> PRF:
        p = self.pred_hit / self.pred if self.pred else 0.0
        r = self.gold_hit / self.gold if self.gold else 0.0
        return PRF(p, r, f1(p, r))


def _overlaps(a: Fragments, b: Fragments) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def match(gold: frozenset[Fragments], pred: frozenset[Fragments], exact: bool) -> MatchCounts:
    if exact:
        hits = len(gold & pred)
        return MatchCounts(hits, len(pred), hits, len(gold))
    pred_hit = sum(1 for p in pred if any(_overlaps(p, g) for g in gold))
    gold_hit = sum(1 for g in gold if any(_overlaps(p, g) for p in pred))
    return MatchCounts(pred_hit, len(pred), gold_hit, len(gold))


Table = dict[str, dict[str, MatchCounts]]


def score_document(doc: PolnearDocument, predicted: AttributionSpans) -> Table:
    """Counts per kind and match mode, averaged over the document's annotator files."""
    weight = 1.0 / len(doc.annotations)
    table: Table = {k: {"exact": MatchCounts(), "overlap": MatchCounts()} for k in KINDS}
    for gold in doc.annotations:
        for kind in KINDS:
            for mode in ("exact", "overlap"):
                counts = match(gold.of(kind), predicted.of(kind), mode == "exact")
                table[kind][mode] = table[kind][mode] + counts.scaled(weight)
    return table


def add_tables(a: Table, b: Table) -> Table:
    return {k: {m: a[k][m] + b[k][m] for m in a[k]} for k in a}


def empty_table() -> Table:
    return {k: {"exact": MatchCounts(), "overlap": MatchCounts()} for k in KINDS}


def table_as_dict(table: Table) -> dict[str, dict[str, dict[str, float]]]:
    out: dict[str, dict[str, dict[str, float]]] = {}
    for kind, modes in table.items():
        out[kind] = {}
        for mode, counts in modes.items():
            prf = counts.prf()
            out[kind][mode] = {
                "precision": round(prf.precision, 4),
                "recall": round(prf.recall, 4),
                "f1": round(prf.f1, 4),
            }
    return out

"""Which attribution candidates to keep: a logistic regression over whole candidates, learned
from PolNeAR *train* by ``scripts/train_attribution_filter.py``.

The cue model judges one word; whether a cue word really reports something depends on the
whole candidate: what kind of phrase its source is (a named person, a pronoun, a date), how
the content was found (a complement clause, an adjacent quotation, a bare object) and how far
apart they are. Reading cues at a lower threshold and filtering whole candidates finds more
attributions at the same precision. The weights are sparse string features summed with
dictionary look-ups (``pipeline/data/attribution_filter.json``); nothing is unpickled.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from newsrecon.pipeline.quotes.boundary import common_word
from newsrecon.pipeline.quotes.spans import Candidate, doc_text
from newsrecon.pipeline.quotes.weights import feature_weights, packaged_model, probability

MODEL_FILE = "attribution_filter.json"
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it", "who", "which", "that"})


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def candidate_features(doc: Doc, c: Candidate, cue_p: float | None) -> Iterator[str]:
    """Sparse string features of candidate ``c`` (shared by training and use); ``cue_p`` is
    the cue model's probability for its cue word, ``None`` for cue-less forms."""
    text = doc_text(doc)
    route = c.route or "none"
    yield "b"
    yield "r=" + route
    yield f"r|k={route}|{c.kind}"
    band = "none" if cue_p is None else str(min(9, int(cue_p * 10)))
    yield "cp=" + band
    yield f"r|cp={route}|{band}"
    if c.first_route:
        yield "first=" + c.first_route
        yield f"pair={c.first_route}|{route}"
        yield f"n={c.readings}"
    lemma = "-"
    if c.cue_token >= 0:
        cue = doc[c.cue_token]
        lemma = common_word(cue, lemma=True)
        yield "l=" + lemma
        yield f"l|r={lemma}|{route}"
        yield "cd=" + cue.dep_
        yield "ct=" + cue.tag_
        yield f"l|cd={lemma}|{cue.dep_}"
        yield f"cd|r={cue.dep_}|{route}"
    if c.source is not None:
        words = text[c.source[0] : c.source[1]].split()
        yield "sn=" + _bucket(len(words), (1, 2, 3, 5, 8, 12))
        yield f"sc={words[0][:1].isupper()}"
        if len(words) == 1 and words[0].lower() in _PRONOUNS:
            yield "sw=" + words[0].lower()
        if c.source_head >= 0:
            head = doc[c.source_head]
            ent = head.ent_type_ or "O"
            yield "se=" + ent
            yield "st=" + head.tag_
            yield "sd=" + head.dep_
            yield f"l|se={lemma}|{ent}"
            yield f"r|se={route}|{ent}"
            yield "sl=" + common_word(head, lemma=True)
        yield f"sbefore={c.source[0] < (c.cue or c.content)[0]}"
    else:
        yield "nosource"
        if is_twin(c):  # a subject set aside
            dropped = doc[c.source_head].dep_
            yield "dropped=" + dropped
            yield f"l|dropped={lemma}|{dropped}"
    start, end = c.content
    n = len(text[start:end].split())
    yield "cn=" + _bucket(n, (1, 2, 4, 8, 16, 32, 64))
    yield f"r|cn={route}|{_bucket(n, (2, 8, 32))}"
    yield "parts=" + _bucket(len(c.parts), (1, 2))
    span = doc.char_span(start, end, alignment_mode="expand")
    first = next((t for t in span if not t.is_quote), None) if span is not None else None
    yield "cf=" + (common_word(first) if first is not None else "")
    yield f"l|cn={lemma}|{_bucket(n, (2, 8, 32))}"
    yield f"l|q={lemma}|{bool(c.regions)}"
    if c.source is not None and len(words) == 1 and words[0].lower() in _PRONOUNS:
        yield f"l|sw={lemma}|{words[0].lower()}"
    if span is not None and len(span):
        root = span.root
        yield "ch=" + root.pos_
        yield f"r|ch={route}|{root.pos_}"
        yield f"l|ch={lemma}|{root.pos_}"
    if c.cue is not None:
        gap = start - c.cue[1] if start >= c.cue[1] else c.cue[0] - end
        yield "gap=" + _bucket(max(0, gap), (1, 2, 8, 40, 200))
        yield f"cafter={start >= c.cue[1]}"


@dataclass(frozen=True, slots=True)
class CandidateFilter:
    """Feature weights, the probability a candidate needs (``threshold``) and the cue
    probability candidates are generated at (``cue_threshold``), both chosen on held-out
    train documents; ``routes``: the ways of finding content its training saw (empty: not
    recorded, every candidate is judged)."""

    weights: dict[str, float]
    threshold: float
    cue_threshold: float
    routes: frozenset[str] = frozenset()

    def score(self, doc: Doc, c: Candidate, cue_p: float | None) -> float:
        return probability(self.weights, candidate_features(doc, c, cue_p))

    def keep(self, doc: Doc, c: Candidate, cues: Mapping[int, float]) -> bool:
        return self.kept_score(doc, c, cues) is not None

    def kept_score(self, doc: Doc, c: Candidate, cues: Mapping[int, float]) -> float | None:
        """``c``'s probability when it passes, else None. Two kinds always pass, scored 1: a
        bare quote (no cue, no source), which only survives as the second part of the quote
        before it, judged already; and a form the training never saw (PolNeAR has no "—Name"
        line), which the weights know nothing of and the rule that found it vouches for. A
        verb's later reading, or a reading that sets its subject aside, of a kind the training
        never saw is dropped instead: scored 1, it would displace the judged reading it is an
        alternative to."""
        if self.routes and c.route not in self.routes:
            return None if c.first_route or is_twin(c) else 1.0
        if is_bare(c):
            return 1.0
        p = self.score(doc, c, cue_probability(c, cues))
        return p if p >= self.threshold else None


def is_bare(c: Candidate) -> bool:
    return c.cue is None and c.source is None


def is_twin(c: Candidate) -> bool:
    """A reading that credits no one although its verb has a subject
    (:func:`.candidates.may_not_speak`)."""
    return c.source is None and c.source_head >= 0


def cue_probability(c: Candidate, cues: Mapping[int, float]) -> float | None:
    """The cue model's probability for ``c``'s cue word; 1.0 for "according to" (read by
    rule), ``None`` for forms without a cue word ("—Name", "Name:")."""
    if c.cue_token < 0:
        return None
    return cues.get(c.cue_token, 1.0)


@lru_cache(maxsize=1)
def candidate_filter() -> CandidateFilter | None:
    """The packaged filter, or ``None`` when the data file is absent (every candidate from
    the cue model's own threshold is kept)."""
    data = packaged_model(MODEL_FILE)
    if data is None:
        return None
    return CandidateFilter(
        feature_weights(data),
        float(data["threshold"]),
        float(data["cue_threshold"]),
        frozenset(data.get("routes", ())),
    )

"""Which tokens are attribution cues: a logistic regression learned from PolNeAR *train*.

PolNeAR annotates every attribution, not only speech: beliefs ("thinks"), evidence ("shows",
"according to"), stances ("supports", "accused"). Whether a verb is a cue depends on its
lemma *and* on its clause (a complement clause, a subject, quotation marks nearby), so a
word list alone either misses or over-fires. ``scripts/train_attribution.py`` fits the model
on sparse string features of each token and exports the weights to
``pipeline/data/cue_model.json``; here they are summed with plain dictionary look-ups, so
nothing is unpickled and scoring costs a few microseconds per token.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsrecon.pipeline.quotes.boundary import common_word
from newsrecon.pipeline.quotes.weights import feature_weights, packaged_model, probability

MODEL_FILE = "cue_model.json"
# Parts of speech a cue head can have (verbs, nouns such as "statement", "according").
CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "ADP", "PROPN"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


def _word(tok: Token, lemma: bool = False) -> str:
    """A word as a feature: :func:`.boundary.common_word` (closed-class and general cue words
    as themselves, punctuation as written, every other word as its kind)."""
    return common_word(tok, lemma=lemma)


def token_features(tok: Token, in_quote: bool) -> Iterator[str]:
    """Sparse string features of ``tok`` as a cue candidate (shared by training and use);
    every word in them passes through :func:`_word`."""
    lemma = _word(tok, lemma=True)
    yield "b"
    yield "l=" + lemma
    yield "p=" + tok.pos_
    yield "t=" + tok.tag_
    yield "d=" + tok.dep_
    yield f"l|d={lemma}|{tok.dep_}"
    yield f"l|t={lemma}|{tok.tag_}"
    head = tok.head
    head_lemma = _word(head, lemma=True)
    yield "hl=" + head_lemma
    yield f"hd={head.dep_}"
    yield f"d|hp={tok.dep_}|{head.pos_}"
    has_subj = False
    deps: set[str] = set()
    for child in tok.children:
        dep = child.dep_
        if dep in _SUBJECTS:
            has_subj = True
        if dep == "prep" or dep == "prt" or dep == "agent":
            yield f"l|{dep}={lemma}|{_word(child)}"
        if dep == "mark" or dep == "aux" or dep == "neg":
            continue
        deps.add(dep)
    for dep in deps:
        yield "c=" + dep
        yield f"l|c={lemma}|{dep}"
    yield f"subj={has_subj}"
    yield f"l|subj={lemma}|{has_subj}"
    if in_quote:
        yield "q"
        yield f"l|q={lemma}"
    doc = tok.doc
    nxt = _word(doc[tok.i + 1]) if tok.i + 1 < len(doc) else "<e>"
    prv = _word(doc[tok.i - 1]) if tok.i > 0 else "<s>"
    yield "n=" + nxt
    yield "pv=" + prv
    yield f"l|n={lemma}|{nxt}"
    yield f"l|pv={lemma}|{prv}"
    yield f"l|hl={lemma}|{head_lemma}"
    yield f"l|hd={lemma}|{head.dep_}"
    if tok.i + 2 < len(doc):
        yield f"n2={nxt}|{_word(doc[tok.i + 2])}"
    if tok.i > 1:
        yield f"pv2={_word(doc[tok.i - 2])}|{prv}"
    yield from _argument_features(tok, lemma)


_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp"})


def _argument_features(tok: Token, lemma: str) -> Iterator[str]:
    """What fills the word's slots: auxiliaries ("is expected to"), the kind of subject (a
    person, a pronoun), how a clause it governs is introduced ("that", "to") and its object."""
    for child in tok.children:
        dep = child.dep_
        if dep in {"aux", "auxpass", "neg"}:
            yield f"l|{dep}={lemma}|{_word(child, lemma=True)}"
        elif dep in _SUBJECTS:
            ent = child.ent_type_ or child.pos_
            yield "sp=" + child.pos_
            yield "se=" + (child.ent_type_ or "O")
            yield f"l|se={lemma}|{ent}"
            if child.pos_ == "PRON":
                yield "sl=" + _word(child)
        elif dep in _CLAUSES:
            mark = next((_word(g) for g in child.children if g.dep_ in {"mark", "aux"}), "-")
            yield f"cm={dep}|{mark}"
            yield f"l|cm={lemma}|{dep}|{mark}"
            yield f"l|cl={lemma}|{_word(child, lemma=True)}"
        elif dep == "dobj":
            yield "oe=" + (child.ent_type_ or child.pos_)
            yield f"l|ol={lemma}|{_word(child, lemma=True)}"


@dataclass(frozen=True, slots=True)
class CueModel:
    """Feature weights and the decision threshold (a probability) chosen on train."""

    weights: dict[str, float]
    threshold: float

    def score(self, tok: Token, in_quote: bool) -> float:
        return probability(self.weights, token_features(tok, in_quote))

    def cues(self, doc: Doc, in_quote: Callable[[int], bool]) -> list[Token]:
        """Tokens of ``doc`` scored at or above the threshold, in text order."""
        return [doc[i] for i in self.scores(doc, in_quote)]

    def scores(
        self, doc: Doc, in_quote: Callable[[int], bool], threshold: float | None = None
    ) -> dict[int, float]:
        """Index -> probability of the tokens scored at or above ``threshold`` (the model's
        own when ``None``), in text order."""
        floor = self.threshold if threshold is None else threshold
        out: dict[int, float] = {}
        for tok in doc:
            if tok.pos_ in CANDIDATE_POS:
                p = self.score(tok, in_quote(tok.idx))
                if p >= floor:
                    out[tok.i] = p
        return out


@lru_cache(maxsize=1)
def cue_model() -> CueModel | None:
    """The packaged model, or ``None`` when the data file is absent (rules fall back to the
    cue lexicon)."""
    data = packaged_model(MODEL_FILE)
    if data is None:
        return None
    return CueModel(feature_weights(data), float(data["threshold"]))

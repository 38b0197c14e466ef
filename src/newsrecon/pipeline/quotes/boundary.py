"""Where a source phrase ends: which dependents of the source's head word belong to it, learned
from PolNeAR *train* by ``scripts/train_attribution_boundary.py``.

A subject's whole subtree is often more than annotators mark as the source: a sentence adverb
("Even X said"), a title, a participle or relative clause describing the speaker ("officials
who spoke with reporters"), a trailing age or home town ("X, 59, of Y"). Which of these stay is
a convention best read off the annotations: each dependent of the head is judged on its own
(its relation, side, part of speech, word, length and punctuation), the nearest first, and the
phrase stops at the first dependent left out on each side, so the source stays one contiguous
stretch. Weights are JSON (``pipeline/data/source_boundary.json``); nothing is unpickled.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Token

from newsrecon.pipeline.quotes.lexicon import lexicon
from newsrecon.pipeline.quotes.weights import feature_weights, packaged_model, probability

MODEL_FILE = "source_boundary.json"
_EDGES = (1, 2, 4, 8, 16)


def _bucket(n: int) -> str:
    for edge in _EDGES:
        if n <= edge:
            return str(edge)
    return f">{_EDGES[-1]}"


def judged_children(head: Token, verb: Token) -> tuple[list[Token], list[Token]]:
    """The head's dependents that could be left out, nearest first on each side; punctuation
    follows the words it separates, and a dependent holding the cue is never part of it."""
    left: list[Token] = []
    right: list[Token] = []
    for child in head.children:
        if child.dep_ == "punct" or child.left_edge.i <= verb.i <= child.right_edge.i:
            continue
        (left if child.i < head.i else right).append(child)
    left.sort(key=lambda t: -t.i)
    right.sort(key=lambda t: t.i)
    return left, right


def child_features(head: Token, child: Token, verb: Token, rank: int) -> Iterator[str]:
    """Sparse string features of ``child`` as part of the source headed by ``head``."""
    side = "L" if child.i < head.i else "R"
    dep = side + child.dep_
    doc = head.doc
    before = doc[child.left_edge.i - 1].text if child.left_edge.i > 0 else "<s>"
    yield "b"
    yield "d=" + dep
    yield f"d|p={dep}|{child.pos_}"
    yield f"d|t={dep}|{child.tag_}"
    yield f"d|w={dep}|{common_word(child)}"
    yield f"d|hp={dep}|{head.pos_}"
    yield f"d|he={dep}|{head.ent_type_ or 'O'}"
    yield f"d|ce={dep}|{child.ent_type_ or 'O'}"
    yield f"d|n={dep}|{_bucket(child.right_edge.i - child.left_edge.i + 1)}"
    yield f"d|r={dep}|{min(rank, 3)}"
    yield f"d|comma={dep}|{before in {',', '—', '–', '-', '('}}"
    yield f"d|v={dep}|{'before' if head.i < verb.i else 'after'}"
    yield f"d|vd={dep}|{verb.dep_}"
    if child.dep_ in {"relcl", "acl"}:
        yield f"d|cl={dep}|{common_word(child, lemma=True)}"


# Parts of speech whose members form a small, fixed set of general words (and punctuation):
# their own form is a safe feature. Every other word is kept only if the general cue lexicon
# lists it or it is a dictionary word written in lower case, so names the tagger mistakes for
# nouns or adjectives never reach a weight.
CLOSED_POS = frozenset({"ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ", "PUNCT"})


@lru_cache(maxsize=1)
def general_words() -> frozenset[str]:
    """Every word of the general attribution lexicon (``cue_lexicon.tsv``, ``quote_words.tsv``):
    reporting verbs and nouns, documents, organisations, groups of people."""
    lex = lexicon()
    return lex.cue_verbs | lex.cue_nouns | lex.speech | lex.document | lex.organisation | lex.group


def keeps_form(tok: Token) -> bool:
    """Whether ``tok``'s own form may be a feature: a closed-class word (or punctuation, or a
    stop word) outside any entity, a word of the general lexicon, or a lower-case dictionary
    word; never a proper noun or a number, and never a word holding a digit.

    Open-class words decide many attributions (PolNeAR counts "supports", "voted", "focused"
    as cues), so hiding every word outside the cue lexicon behind its kind cost the models
    what they could learn about them; a name, by contrast, is capitalised or unknown."""
    if tok.ent_type_ or tok.pos_ in {"PROPN", "NUM"} or any(ch.isdigit() for ch in tok.text):
        return False
    if tok.pos_ == "PUNCT":
        return not any(ch.isalnum() for ch in tok.text)
    if tok.is_stop or tok.pos_ in CLOSED_POS - {"AUX"}:
        return True
    if tok.pos_ == "AUX" and tok.lemma_.lower() in STOP_WORDS:
        # The tagger calls some verbs auxiliaries ("felt", "helped"): only true ones count.
        return True
    words = general_words()
    if tok.lemma_.lower() in words or tok.lower_ in words:
        return True
    return _dictionary_word(tok)


_OPEN_POS = ("NOUN", "VERB", "ADJ", "ADV")  # the parts of speech the dictionary lists


@lru_cache(maxsize=1)
def dictionary() -> dict[str, frozenset[str]]:
    """Base forms per open part of speech from the lemmatizer's own index (the WordNet word
    lists the English model ships): the general vocabulary an open-class word must belong to."""
    from newsrecon.pipeline.nlp import get_pipeline

    lemmatizer = get_pipeline().get_pipe("lemmatizer")
    tables = getattr(lemmatizer, "lookups", None)
    if tables is None or not tables.has_table("lemma_index"):
        return {}
    index = tables.get_table("lemma_index")
    return {pos: frozenset(index.get(pos.lower(), ())) for pos in _OPEN_POS}


def _dictionary_word(tok: Token) -> bool:
    """An open-class word written in lower case whose lemma the dictionary lists for its part
    of speech ("supports", "vote", "focused"): English writes names capitalised, and the
    dictionary leaves out the invented and rare words a name can still hide in."""
    if not tok.text.islower() or tok.pos_ not in _OPEN_POS:
        return False
    return tok.lemma_.lower() in dictionary().get(tok.pos_, frozenset())


def common_word(tok: Token, lemma: bool = False) -> str:
    """The word as a feature when :func:`keeps_form` allows it (its lemma or lower-cased form,
    punctuation as written); any other word stands for its kind (its entity label, else its
    part of speech), so no weight is tied to a particular person, outlet, place or figure."""
    if not keeps_form(tok):
        return "<" + (tok.ent_type_ or tok.pos_) + ">"
    if tok.pos_ == "PUNCT":
        return tok.text
    return tok.lemma_.lower() if lemma else tok.lower_


@dataclass(frozen=True, slots=True)
class BoundaryModel:
    """Feature weights and the probability a dependent needs to stay in the source."""

    weights: dict[str, float]
    threshold: float

    def keeps(self, head: Token, child: Token, verb: Token, rank: int) -> bool:
        return probability(self.weights, child_features(head, child, verb, rank)) >= self.threshold

    def token_range(self, head: Token, verb: Token) -> tuple[int, int]:
        """First and last token index of the source headed by ``head`` (inclusive)."""
        left, right = judged_children(head, verb)
        lo = hi = head.i
        for rank, child in enumerate(left):
            if not self.keeps(head, child, verb, rank):
                break
            lo = child.left_edge.i
        for rank, child in enumerate(right):
            if not self.keeps(head, child, verb, rank):
                break
            hi = child.right_edge.i
        return lo, hi


def source_char_range(model: BoundaryModel, head: Token, verb: Token) -> tuple[int, int]:
    """The character range the model gives the source: from its first word to the start of
    the first word after it that lies in the head's subtree (so a comma closing a kept
    apposition stays for :func:`.bounds.source_bounds` to judge), or its last word's end."""
    lo, hi = model.token_range(head, verb)
    doc = head.doc
    end = doc[hi].idx + len(doc[hi].text)
    nxt = hi + 1
    while nxt <= head.right_edge.i and nxt < len(doc) and doc[nxt].dep_ == "punct":
        end = doc[nxt].idx + len(doc[nxt].text)
        nxt += 1
    return doc[lo].idx, end


@lru_cache(maxsize=1)
def boundary_model() -> BoundaryModel | None:
    """The packaged model, or ``None`` when its data file is absent (the subject's whole
    subtree is the source, as before the model)."""
    data = packaged_model(MODEL_FILE)
    if data is None:
        return None
    return BoundaryModel(feature_weights(data), float(data["threshold"]))

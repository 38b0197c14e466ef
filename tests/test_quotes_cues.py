"""The cue model's features on fictional sentences: names and figures stand for their kind, so
no learned weight belongs to a particular person, place or number."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from spacy.attrs import NORM, ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from newsrecon.pipeline.nlp import get_pipeline, parse
from newsrecon.pipeline.quotes.boundary import (
    CLOSED_POS,
    common_word,
    dictionary,
    general_words,
    keeps_form,
)
from newsrecon.pipeline.quotes.boundary import MODEL_FILE as BOUNDARY_FILE
from newsrecon.pipeline.quotes.cues import CANDIDATE_POS, cue_model, token_features
from newsrecon.pipeline.quotes.cues import MODEL_FILE as CUE_FILE
from newsrecon.pipeline.quotes.filter import MODEL_FILE as FILTER_FILE
from newsrecon.pipeline.quotes.weights import feature_weights, packaged_model

SENTENCES = (
    "Maren Oduya told reporters in Pelvrick on Tuesday that 4,200 ferries would run.",
    'Councillor Tobias Lenk said, "The harbour stays open," according to Vessa Marr.',
    "Brannock Shipping believes the Kestrel Bay terminal will open in 2031.",
)
NAMES = ("maren", "oduya", "pelvrick", "tobias", "lenk", "vessa", "marr", "brannock", "kestrel")


def _values(feature: str) -> list[str]:
    """The values of a feature such as ``l|n=say|,`` (its name may hold digits: ``n2``)."""
    return feature.partition("=")[2].split("|")


def _features(text: str) -> set[str]:
    doc = next(parse([text]))
    return {f for tok in doc if tok.pos_ in CANDIDATE_POS for f in token_features(tok, False)}


@pytest.mark.parametrize("text", SENTENCES)
def test_cue_features_name_no_one(text: str) -> None:
    feats = _features(text)
    words = {w for f in feats for w in _values(f)}
    assert not words & set(NAMES)
    assert not any(re.search(r"\d", w) for w in words)
    assert any("<" in f for f in feats), "names and figures stand for their kind"


def test_cue_features_keep_punctuation_and_common_words() -> None:
    feats = _features(SENTENCES[1])
    assert "l=say" in feats
    assert "n=," in feats


def test_packaged_cue_weights_hold_no_names_or_figures() -> None:
    model = cue_model()
    assert model is not None, "pipeline/data/cue_model.json is packaged"
    # A word in a feature is lower case, a kind in angle brackets, or a tag/label in capitals.
    for key in model.weights:
        for part in _values(key):
            assert not re.search(r"\d", part) or part.startswith(("<", ">")), key
            cased = part == part.lower() or part.isupper() or part in {"True", "False"}
            assert cased or part.startswith("<"), key


# --- The packaged weights of all three attribution models keep no open-class word outside
# the general lexicon and the dictionary (the rule of
# :func:`newsrecon.pipeline.quotes.boundary.keeps_form`).

_MODELS = (CUE_FILE, FILTER_FILE, BOUNDARY_FILE)
# Frames in which the tagger reads a function word as one (a particle after "gave", a
# preposition before a noun phrase, a determiner or pronoun as a subject).
_FRAMES = ("She gave {} money .", "It was {} the house .", "{} it", "They {} go .")


def _weights(file: str) -> dict[str, float]:
    data = packaged_model(file)
    assert data is not None, f"pipeline/data/{file} is packaged"
    return feature_weights(data)


@lru_cache(maxsize=1)
def _labels() -> frozenset[str]:
    """Tags, dependency and entity labels the pipeline assigns (a dependency may carry the
    boundary model's side prefix, L or R), and the candidate routes and kinds the filter
    model itself reports under ``r=`` / ``r|k=``."""
    nlp = get_pipeline()
    labels = {str(x) for name in ("tagger", "parser", "ner") for x in nlp.get_pipe(name).labels}
    labels |= {side + x for x in set(labels) for side in "LR"}
    for key in _weights(FILTER_FILE):
        name, _, value = key.partition("=")
        if name in {"r", "r|k"}:
            labels.update(value.split("|"))
    return frozenset(labels)


@lru_cache(maxsize=1)
def _exception_norms() -> dict[str, set[str]]:
    """Lower-cased pieces of the tokenizer's exceptions with the normal forms they carry."""
    out: dict[str, set[str]] = {}
    for pieces in get_pipeline().tokenizer.rules.values():
        for piece in pieces:
            if NORM in piece:
                out.setdefault(str(piece[ORTH]).lower(), set()).add(str(piece[NORM]))
    return out


def _lemmas(word: str) -> set[str]:
    """The word's lemma read as each open part of speech (so "said" -> "say"), also from the
    normal form a tokenizer exception gives it ("gon" of "gonna" -> "going" -> "go")."""
    nlp = get_pipeline()
    lemmatizer = nlp.get_pipe("lemmatizer")
    forms = {word} | _exception_norms().get(word, set())
    out = set()
    for form in forms:
        for pos in ("VERB", "NOUN", "AUX", "ADJ", "ADV"):
            out.add(lemmatizer(Doc(nlp.vocab, words=[form], pos=[pos]))[0].lemma_.lower())
    return out


@lru_cache(maxsize=1)
def _allowed_words() -> frozenset[str]:
    """Stop words, lexicon and dictionary words with their lemmas (a kept inflected form
    lemmatises into this set; a kept stop word's lemma is in it)."""
    base = set(STOP_WORDS) | set(general_words())
    lemmas = {lemma for word in base for lemma in _lemmas(word)}
    # dictionary entries are base forms already
    return frozenset(base | lemmas | {w for words in dictionary().values() for w in words})


def _closed_class(word: str) -> bool:
    docs = parse([frame.format(word) for frame in _FRAMES])
    closed = CLOSED_POS - {"AUX", "PUNCT"}
    return any(t.lower_ == word and t.pos_ in closed for doc in docs for t in doc)


def _words(file: str) -> set[str]:
    """Values in the model's feature names that are words, not labels, kinds or figures."""
    out = set()
    for key in _weights(file):
        for part in _values(key):
            if part.startswith("<") or part in {"True", "False"} or part in _labels():
                continue
            if any(ch.islower() for ch in part):
                out.add(part)
    return out


@pytest.mark.parametrize("file", _MODELS)
def test_packaged_weights_keep_no_open_class_word_outside_the_lexicon(file: str) -> None:
    allowed = _allowed_words()
    unknown = {w for w in _words(file) if w not in allowed and not _lemmas(w) & allowed}
    leaked = sorted(w for w in unknown if not _closed_class(w))
    assert not leaked, f"{file} keeps open-class words: {leaked[:20]}"


def test_open_class_words_outside_the_lexicon_stand_for_their_kind() -> None:
    doc = next(parse(["The harbourmaster Quill, anti-Lenk, glorped that Oduya said it."]))
    words = {t.text: common_word(t) for t in doc}
    assert words["harbourmaster"] == "<NOUN>"
    assert words["glorped"] == "<VERB>"
    assert words["said"] == "said"
    assert words["that"] == "that"
    assert words[","] == ","
    assert all(not keeps_form(t) for t in doc if t.text in {"Quill", "Lenk", "Oduya"})


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # a dictionary word written in lower case keeps its form, whatever its part of speech
        ("The council supports the harbour plan.", "supports", "supports"),
        ("Voters focused on the ferry fares.", "focused", "focused"),
        ("It was a bitter vote.", "bitter", "bitter"),
        # the same word capitalised inside a sentence may be a name: it stands for its kind
        ("Yesterday Bitter Crane said nothing.", "Bitter", None),
        # a lower-case word the dictionary does not list (invented, rare, a handle) does too
        ("The grumblewick said nothing.", "grumblewick", "<NOUN>"),
    ],
)
def test_lower_case_dictionary_words_keep_their_form(
    text: str, word: str, expected: str | None
) -> None:
    tok = next(t for t in next(parse([text])) if t.text == word)
    if expected is None:
        assert not keeps_form(tok)
    else:
        assert common_word(tok) == expected

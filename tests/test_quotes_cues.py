"""The cue model's features on fictional sentences: names and figures stand for their kind, so
no learned weight belongs to a particular person, place or number."""

from __future__ import annotations

import re

import pytest

from newsrecon.pipeline.nlp import parse
from newsrecon.pipeline.quotes.cues import CANDIDATE_POS, cue_model, token_features

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

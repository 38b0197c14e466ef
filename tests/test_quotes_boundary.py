"""The learned source boundary on fictional sentences: it follows its weights, keeps the source
one contiguous stretch around its head, and (packaged) leaves a sentence adverb out."""

from __future__ import annotations

import pytest

from newsrecon.pipeline.nlp import parse
from newsrecon.pipeline.quotes.boundary import (
    BoundaryModel,
    boundary_model,
    common_word,
    judged_children,
)
from newsrecon.pipeline.quotes.candidates import source_range

APPOSITION = "Even Maren Oduya, a spokeswoman for the ferry line, said the boats would run."
RELATIVE = "Officials who spoke to the council said the boats would run."


def _source(text: str, model: BoundaryModel | None) -> str:
    doc = next(parse([text]))
    verb = next(t for t in doc if t.lemma_ == "say")
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    rng = source_range(subject, verb, {}, model)
    assert rng is not None
    return text[rng[0] : rng[1]]


@pytest.mark.parametrize(
    ("text", "weights", "expected"),
    [
        (APPOSITION, None, "Even Maren Oduya, a spokeswoman for the ferry line,"),
        (APPOSITION, {"b": 5.0}, "Even Maren Oduya, a spokeswoman for the ferry line,"),
        (APPOSITION, {"b": -5.0}, "Oduya"),
        (RELATIVE, {"b": 5.0}, "Officials who spoke to the council"),
        (RELATIVE, {"b": -5.0}, "Officials"),
        (RELATIVE, {"b": 5.0, "d=Rrelcl": -10.0}, "Officials"),
    ],
)
def test_boundary_follows_its_weights(
    text: str, weights: dict[str, float] | None, expected: str
) -> None:
    model = None if weights is None else BoundaryModel(weights, 0.5)
    assert _source(text, model) == expected


def test_judged_children_never_hold_the_cue() -> None:
    doc = next(parse([RELATIVE]))
    verb = next(t for t in doc if t.lemma_ == "say")
    head = next(c for c in verb.children if c.dep_ == "nsubj")
    left, right = judged_children(head, verb)
    for child in left + right:
        assert not child.left_edge.i <= verb.i <= child.right_edge.i
        assert child.dep_ != "punct"
    assert [c.i for c in left] == sorted((c.i for c in left), reverse=True)
    assert [c.i for c in right] == sorted(c.i for c in right)


def test_packaged_boundary_leaves_a_sentence_adverb_out() -> None:
    model = boundary_model()
    if model is None:
        pytest.skip("no packaged source boundary model")
    assert 0.0 < model.threshold < 1.0
    assert _source(APPOSITION, model) == "Maren Oduya, a spokeswoman for the ferry line,"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("spokeswoman", "spokeswoman"), ("Even", "even"), ("Oduya", "<PERSON>"), ("the", "the")],
)
def test_features_name_no_one(word: str, expected: str) -> None:
    """Learned weights hold closed-class, lexicon and lower-case dictionary words only: a name
    stands for its kind."""
    doc = next(parse([APPOSITION]))
    tok = next(t for t in doc if t.text == word)
    assert common_word(tok) == expected

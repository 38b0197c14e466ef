"""Span boundary conventions and the learned cue model, on fictional sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecon.pipeline.nlp import parse
from newsrecon.pipeline.quotes.bounds import content_bounds, source_bounds
from newsrecon.pipeline.quotes.candidates import candidates
from newsrecon.pipeline.quotes.cues import cue_model
from newsrecon.pipeline.quotes.marks import quote_regions


def _content(text: str, inner: str) -> str:
    start = text.index(inner)
    rng = content_bounds(text, (start, start + len(inner)), quote_regions(text))
    assert rng is not None
    return text[rng[0] : rng[1]]


@pytest.mark.parametrize(
    ("text", "inner", "expected"),
    [
        # a quote cut by the clause is taken whole, closing mark and inner period included
        (
            "She said the bridge will “stay shut for now.” Then she left.",
            "the bridge will “stay shut for now",
            "the bridge will “stay shut for now.”",
        ),
        # sentence punctuation outside marks is left out
        ("He said the bridge would reopen.", "the bridge would reopen.", "the bridge would reopen"),
        (
            "He said that the bridge would reopen, and left.",
            "that the bridge would reopen,",
            "that the bridge would reopen",
        ),
        # a clause that is nearly all of a quote is the quote with its marks
        ("“The bridge is closed,” she said.", "The bridge is closed", "“The bridge is closed,”"),
    ],
)
def test_content_bounds(text: str, inner: str, expected: str) -> None:
    assert _content(text, inner) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the comma closing an apposition stays, a lone trailing comma goes
        ("Maren Oduya, the spokeswoman,", "Maren Oduya, the spokeswoman,"),
        ("Tomas Halloran,", "Tomas Halloran"),
        ("“Officials", "Officials"),
        ("Tomas Halloran", "Tomas Halloran"),
    ],
)
def test_source_bounds(text: str, expected: str) -> None:
    rng = source_bounds(text, (0, len(text)))
    assert rng is not None and text[rng[0] : rng[1]] == expected


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet='ab “”",. \n', max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_bounds_stay_inside_the_text(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    for rng in (
        content_bounds(text, (start, end), quote_regions(text)),
        source_bounds(text, (start, end)),
    ):
        if rng is not None:
            assert 0 <= rng[0] < rng[1] <= len(text)


def test_cue_model_reads_clauses_not_only_words() -> None:
    model = cue_model()
    assert model is not None, "pipeline/data/cue_model.json is packaged"
    doc = next(parse(["Maren Oduya said the bridge would reopen. The table was wooden."]))
    cues = {t.text for t in model.cues(doc, lambda at: False)}
    assert "said" in cues
    assert not cues & {"table", "wooden", "bridge"}


def _found(text: str) -> list[tuple[str, str, list[str]]]:
    doc = next(parse([text]))
    return [
        (
            text[c.source[0] : c.source[1]] if c.source else "",
            text[c.cue[0] : c.cue[1]] if c.cue else "",
            [text[s:e] for s, e in c.parts],
        )
        for c in candidates(doc)
    ]


def test_cue_inside_the_clause_it_reports() -> None:
    found = _found("The bridge, Maren Oduya said, will reopen in June.")
    hit = [f for f in found if f[1] == "said"]
    assert hit and hit[0][0] == "Maren Oduya"
    assert hit[0][2] == ["The bridge", "will reopen in June"]


def test_dateline_is_not_part_of_the_source() -> None:
    found = _found("RIVERTON (Gazette Wire) — Mayor Tomas Halloran said the bridge would reopen.")
    hit = [f for f in found if f[1] == "said"]
    assert hit and hit[0][0] == "Mayor Tomas Halloran"
    assert hit[0][2] == ["the bridge would reopen"]

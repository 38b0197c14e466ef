"""The learned candidate filter on fictional sentences: its features say how a candidate was
found, its decision follows its weights, and choosing among candidates mutates none."""

from __future__ import annotations

import pytest

from newsrecon.pipeline.nlp import parse
from newsrecon.pipeline.quotes.candidates import raw_candidates
from newsrecon.pipeline.quotes.filter import (
    CandidateFilter,
    candidate_features,
    candidate_filter,
    cue_probability,
)
from newsrecon.pipeline.quotes.select import outermost
from newsrecon.pipeline.quotes.spans import Candidate

ROUTES = [
    # (text, route of the candidate whose content holds the words, words)
    ("Mayor Tomas Halloran said that the bridge would reopen in June.", "comp", "reopen"),
    ("“The ferry will stop at noon,” Maren Oduya said.", "comp", "ferry"),
    ("According to Maren Oduya, the line had been shut for a week.", "according", "shut"),
    ("The line, Maren Oduya said, had been shut for a week.", "host", "shut"),
    ("“The ferry will stop at noon.” —Maren Oduya", "dash", "ferry"),
    ("As Maren Oduya noted, the line had been shut for a week.", "as", "shut"),
    ("Mayor Tomas Halloran is calling for the council to reopen the bridge.", "rest", "reopen"),
]


@pytest.mark.parametrize(
    ("text", "route", "source", "content"),
    [
        (
            "As Maren Oduya noted, the line had been shut for a week.",
            "as",
            "Maren Oduya",
            "the line had been shut for a week",
        ),
        (
            "Mayor Tomas Halloran is calling for the council to reopen the bridge.",
            "rest",
            "Mayor Tomas Halloran",
            "the council to reopen the bridge",
        ),
    ],
)
def test_fallback_routes_credit_the_subject(
    text: str, route: str, source: str, content: str
) -> None:
    """The looser routes still credit the cue's subject, and leave the clause's own
    introducing words ("for") out of the content."""
    doc = next(parse([text]))
    found, _ = raw_candidates(doc, cue_threshold=0.05)
    mine = [c for c in found if c.route == route]
    assert mine, [(c.route, text[c.content[0] : c.content[1]]) for c in found]
    assert mine[0].source is not None
    assert text[mine[0].source[0] : mine[0].source[1]] == source
    assert text[mine[0].content[0] : mine[0].content[1]] == content


@pytest.mark.parametrize(("text", "route", "words"), ROUTES)
def test_features_name_the_route(text: str, route: str, words: str) -> None:
    doc = next(parse([text]))
    found, cues = raw_candidates(doc, cue_threshold=0.05)
    mine = [c for c in found if words in text[c.content[0] : c.content[1]] and c.route == route]
    assert mine, [(c.route, text[c.content[0] : c.content[1]]) for c in found]
    feats = set(candidate_features(doc, mine[0], cue_probability(mine[0], cues)))
    assert "r=" + route in feats
    assert ("nosource" in feats) is (mine[0].source is None)


def _cand(route: str, cue_token: int = 2) -> Candidate:
    return Candidate((0, 3), (4, 8), [(9, 20)], "indirect", cue_token, 0, route=route)


@pytest.mark.parametrize(
    ("cand", "cues", "expected"),
    [
        (_cand("comp", -1), {}, None),
        (_cand("according", 5), {}, 1.0),
        (_cand("comp", 2), {2: 0.42}, 0.42),
    ],
)
def test_cue_probability(cand: Candidate, cues: dict[int, float], expected: float | None) -> None:
    assert cue_probability(cand, cues) == expected


@pytest.mark.parametrize(
    ("weights", "kept"),
    [
        ({"b": -5.0, "r=comp": 10.0}, True),
        ({"b": -5.0, "r=object": 10.0}, False),
        ({"b": 5.0}, True),
    ],
)
def test_filter_follows_its_weights(weights: dict[str, float], kept: bool) -> None:
    doc = next(parse(["Mayor Tomas Halloran said that the bridge would reopen in June."]))
    found, cues = raw_candidates(doc, cue_threshold=0.05)
    comp = next(c for c in found if c.route == "comp")
    chooser = CandidateFilter(weights, threshold=0.5, cue_threshold=0.05)
    assert chooser.keep(doc, comp, cues) is kept


def test_packaged_filter_thresholds_are_probabilities() -> None:
    chooser = candidate_filter()
    if chooser is None:
        pytest.skip("no packaged attribution filter")
    assert 0.0 < chooser.threshold < 1.0
    assert 0.0 < chooser.cue_threshold < 1.0
    assert len(chooser.weights) > 10


def test_choosing_candidates_mutates_none() -> None:
    text = "“The ferry will stop,” Maren Oduya said. “Buses will run.”"
    first = Candidate((23, 34), (35, 39), [(0, 22)], "direct", 6, 5, route="adjacent")
    second = Candidate(None, None, [(41, len(text))], "direct", route="")
    before = (list(first.parts), list(second.parts))
    joined = outermost([first, second], text, nested=False)
    assert len(joined) == 1 and joined[0].parts == [(0, 22), (41, len(text))]
    assert (first.parts, second.parts) == before

"""The learned candidate filter on fictional sentences: its features say how a candidate was
found, its decision follows its weights, and choosing among candidates mutates none."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsrecon.pipeline.nlp import parse
from newsrecon.pipeline.quotes.candidates import candidates, raw_candidates
from newsrecon.pipeline.quotes.content import ALTERNATIVE_SUFFIX
from newsrecon.pipeline.quotes.filter import (
    CandidateFilter,
    candidate_features,
    candidate_filter,
    cue_probability,
    is_twin,
)
from newsrecon.pipeline.quotes.select import one_per_cue, outermost
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


@pytest.mark.parametrize(
    ("scores", "kept"),
    [
        # (cue word and score of each candidate in order, indices kept)
        ([(2, 0.9), (2, 0.4)], [0]),
        ([(2, 0.4), (2, 0.9)], [1]),
        ([(2, 0.5), (2, 0.5)], [0]),  # a tie keeps the first
        ([(2, 0.5), (7, 0.1), (2, 0.6)], [1, 2]),
        ([(-1, 0.1), (-1, 0.2)], [0, 1]),  # no cue word: nothing to choose between
    ],
)
def test_one_reading_per_cue_word(scores: list[tuple[int, float]], kept: list[int]) -> None:
    cands = [_cand(f"r{n}", cue) for n, (cue, _) in enumerate(scores)]
    chosen = one_per_cue([(c, s) for c, (_, s) in zip(cands, scores, strict=True)])
    assert chosen == [cands[n] for n in kept]


OBJECT_TEXTS = [
    "Senator Ilka Varga praised the harbour board's handling of the storm. “It was superb.”",
    "Mayor Tomas Halloran attacked the ferry company, calling its timetable “a scandal.”",
    "Councillor Ruth Abiodun said the pier would reopen, and thanked the volunteers.",
    "“We will rebuild,” Maren Oduya told the residents of the harbour district.",
]


def _is_alternative(c: Candidate) -> bool:
    return c.route.removesuffix("0").endswith(ALTERNATIVE_SUFFIX)


@pytest.mark.parametrize("text", OBJECT_TEXTS)
def test_later_readings_are_the_same_attribution_with_other_content(text: str) -> None:
    """A verb's later readings credit the same source with the same cue, each with content
    of its own, name the first reading's route, and at most one reading per cue word
    survives selection."""
    doc = next(parse([text]))
    found, _ = raw_candidates(doc, cue_threshold=0.05)
    by_cue: dict[int, list[Candidate]] = {}
    for c in found:
        by_cue.setdefault(c.cue_token, []).append(c)
    for cue_token, group in by_cue.items():
        alternatives = [c for c in group if _is_alternative(c)]
        if cue_token < 0 or not alternatives:
            continue
        first = group[0]
        assert not _is_alternative(first) and len(alternatives) == len(group) - 1
        contents = [c.content for c in group]
        assert len(contents) == len(set(contents))
        for alt in alternatives:
            assert (alt.source, alt.cue, alt.source_head) == (
                first.source,
                first.cue,
                first.source_head,
            )
            assert alt.first_route == first.route
            assert alt.readings >= len(group)
    chosen = candidates(doc)
    cue_words = [c.cue_token for c in chosen if c.cue_token >= 0]
    assert len(cue_words) == len(set(cue_words))


def test_some_verb_offers_a_second_reading() -> None:
    """The table above is not vacuous: at least one of its texts yields an alternative, and
    one of them the verb's object."""
    docs = parse(OBJECT_TEXTS)
    routes = {c.route for doc in docs for c in raw_candidates(doc, cue_threshold=0.05)[0]}
    assert "object" + ALTERNATIVE_SUFFIX in routes, routes


@pytest.mark.parametrize(
    ("routes", "dash_kept", "comp_kept"),
    [
        (frozenset({"comp"}), True, False),  # "—Name" never seen in training: not judged
        (frozenset({"comp", "dash"}), False, False),  # seen: judged like any other
        (frozenset(), False, False),  # routes not recorded: everything judged
    ],
)
def test_forms_unseen_in_training_pass_unjudged(
    routes: frozenset[str], dash_kept: bool, comp_kept: bool
) -> None:
    text = (
        "Mayor Tomas Halloran said that the bridge would reopen.\n\n"
        "“The ferry will stop.” —Maren Oduya"
    )
    doc = next(parse([text]))
    found, cues = raw_candidates(doc, cue_threshold=0.05)
    by_route = {c.route: c for c in found}
    chooser = CandidateFilter({"b": -10.0}, threshold=0.5, cue_threshold=0.05, routes=routes)
    assert chooser.keep(doc, by_route["dash"], cues) is dash_kept
    assert chooser.keep(doc, by_route["comp"], cues) is comp_kept


def test_a_verbs_first_reading_comes_before_its_alternative() -> None:
    """``one_per_cue`` keeps the first of equal scores, so the order decides ties."""
    for doc in parse(OBJECT_TEXTS):
        found, _ = raw_candidates(doc, cue_threshold=0.05)
        for n, c in enumerate(found):
            if _is_alternative(c):
                assert any(f.cue_token == c.cue_token for f in found[:n])


def test_a_later_reading_of_an_unseen_kind_never_displaces_the_first() -> None:
    """Unlike a form the training never saw, a verb's alternative of an unseen kind is
    dropped: it would pass with score 1 and beat every judged first reading."""
    pairs = []
    for doc in parse(OBJECT_TEXTS):
        found, cues = raw_candidates(doc, cue_threshold=0.05)
        for alt in (c for c in found if _is_alternative(c)):
            first = next(c for c in found if c.cue_token == alt.cue_token)
            pairs.append((doc, cues, first, alt))
    assert pairs
    for doc, cues, first, alt in pairs:
        _dropped_only_when_unseen(doc, cues, first, alt)


def _dropped_only_when_unseen(
    doc: Doc, cues: dict[int, float], judged: Candidate, alternative: Candidate
) -> None:
    """With only ``judged``'s route seen in training, ``alternative`` is dropped while
    ``judged`` is scored; a filter that records no routes judges both."""
    seen = frozenset({judged.route})
    chooser = CandidateFilter({"b": 10.0}, threshold=0.5, cue_threshold=0.05, routes=seen)
    assert chooser.kept_score(doc, judged, cues) is not None
    assert chooser.kept_score(doc, alternative, cues) is None
    every = CandidateFilter({"b": 10.0}, threshold=0.5, cue_threshold=0.05)
    assert every.kept_score(doc, alternative, cues) is not None


def test_a_twin_of_an_unseen_kind_never_displaces_the_credited_reading() -> None:
    """A reading that sets a passive's subject aside, of a kind the training never saw, is
    dropped like a later reading; the credited reading is judged as usual."""
    doc = next(parse(["Mayor Tomas Halloran was asked whether the bridge would reopen."]))
    found, cues = raw_candidates(doc, cue_threshold=0.05)
    twins = [c for c in found if is_twin(c)]
    assert twins, [(c.route, c.source) for c in found]
    for twin in twins:
        credited = next(c for c in found if c.cue_token == twin.cue_token and c.source)
        _dropped_only_when_unseen(doc, cues, credited, twin)

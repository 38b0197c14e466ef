"""Story grouping on small fictional articles, plus partition and consistency invariants."""

from __future__ import annotations

import math
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsrecon.errors import ConfigError
from newsrecon.pipeline.stories import (
    DEFAULT_SIMILARITY,
    SimilarityContext,
    StoryFeatures,
    StoryGroup,
    StoryGrouper,
    features_from_doc,
    group_stories,
    grouping_parameters,
    pair_similarity,
    threshold_for,
)

BRIDGE_A = (
    "The Tesmer Bridge in Varnholm collapsed on Tuesday morning during rush hour, sending two "
    "buses into the Ollen River. Mayor Ilse Brandvik said rescue divers had pulled eleven "
    "people from the water. Engineers from Varnholm Transit had inspected the bridge in March."
)
BRIDGE_B = (
    "Rescue divers searched the Ollen River after the Tesmer Bridge collapsed in Varnholm. "
    "Mayor Ilse Brandvik told reporters that two buses fell when the span gave way at rush "
    "hour and that eleven people were rescued. Varnholm Transit inspected the bridge in March."
)
ELECTION_A = (
    "Voters in Quillbury elected Dorota Fenwick as governor on Sunday after a tight count. "
    "Fenwick of the Harbour Party won 52 percent of the ballots against Amos Ridley, who "
    "conceded late in the evening. Turnout in the Quillbury province reached a record high."
)
ELECTION_B = (
    "Dorota Fenwick won the Quillbury governor race with 52 percent of the vote, the province "
    "election commission said. Her rival Amos Ridley conceded on Sunday evening. The Harbour "
    "Party celebrated record turnout across Quillbury."
)
BRIDGE_LATER = (
    "The Tesmer Bridge in Varnholm collapsed again on Tuesday, a year after the span fell into "
    "the Ollen River. Mayor Ilse Brandvik said rescue divers pulled people from the water. "
    "Varnholm Transit had rebuilt the bridge."
)

ENTITIES = {
    "bridge-a": {"tesmer bridge", "varnholm", "ollen river", "ilse brandvik", "varnholm transit"},
    "bridge-b": {"ollen river", "tesmer bridge", "varnholm", "ilse brandvik", "varnholm transit"},
    "election-a": {"quillbury", "dorota fenwick", "harbour party", "amos ridley"},
    "election-b": {"dorota fenwick", "quillbury", "amos ridley", "harbour party"},
    "bridge-later": {"tesmer bridge", "varnholm", "ollen river", "ilse brandvik"},
}


def article(
    article_id: str, text: str, published: date | None = None, entities: set[str] | None = None
) -> StoryFeatures:
    keys = ENTITIES.get(article_id, set()) if entities is None else entities
    return StoryFeatures(article_id, published, text, frozenset(keys))


def batch(dated: bool = True) -> list[StoryFeatures]:
    def on(day: date) -> date | None:
        return day if dated else None

    return [
        article("bridge-a", BRIDGE_A, on(date(2023, 5, 2))),
        article("election-a", ELECTION_A, on(date(2023, 5, 7))),
        article("bridge-b", BRIDGE_B, on(date(2023, 5, 3))),
        article("election-b", ELECTION_B, on(date(2023, 5, 8))),
        article("bridge-later", BRIDGE_LATER, on(date(2024, 5, 7))),
    ]


def as_sets(groups: list[StoryGroup]) -> set[frozenset[str]]:
    return {frozenset(g.article_ids) for g in groups}


def test_default_grouping_separates_events_and_years() -> None:
    groups = group_stories(batch(), similarity=DEFAULT_SIMILARITY)
    assert as_sets(groups) == {
        frozenset({"bridge-a", "bridge-b"}),
        frozenset({"election-a", "election-b"}),
        frozenset({"bridge-later"}),
    }
    # Groups in founder order, ids in input order.
    assert [g.founder for g in groups] == ["bridge-a", "election-a", "bridge-later"]
    assert groups[0].article_ids == ("bridge-a", "bridge-b")


def test_time_factor_is_what_splits_the_year_apart_pair() -> None:
    dated, undated = batch(dated=True), batch(dated=False)
    ctx = SimilarityContext.fit(dated)
    first, later = ctx.vector(dated[0]), ctx.vector(dated[4])
    assert pair_similarity(first, later) == 0.0
    assert pair_similarity(ctx.vector(undated[0]), ctx.vector(undated[4])) > 0.2
    # Only with the dates removed can the later collapse join the first one.
    loose = 0.3
    undated_groups = as_sets(group_stories(undated, similarity=loose))
    assert next(g for g in undated_groups if "bridge-a" in g) >= {"bridge-a", "bridge-later"}
    assert frozenset({"bridge-later"}) in as_sets(group_stories(dated, similarity=loose))


def test_near_copy_survives_the_time_window() -> None:
    items = [
        article("orig", BRIDGE_A, date(2023, 5, 2)),
        article("repost", BRIDGE_A + " Updated.", date(2023, 9, 1)),
        article("other", ELECTION_A, date(2023, 5, 2)),
    ]
    assert frozenset({"orig", "repost"}) in as_sets(group_stories(items, similarity=0.5))


@pytest.mark.parametrize(
    ("similarity", "expected"),
    [
        (0.0, {frozenset({"bridge-a", "election-a", "bridge-b", "election-b", "bridge-later"})}),
        (
            1.0,
            {
                frozenset({"bridge-a", "bridge-a-copy"}),
                frozenset({"election-a"}),
                frozenset({"bridge-b"}),
                frozenset({"election-b"}),
                frozenset({"bridge-later"}),
            },
        ),
    ],
)
def test_knob_extremes(similarity: float, expected: set[frozenset[str]]) -> None:
    items = batch()
    if similarity == 1.0:
        items.append(article("bridge-a-copy", BRIDGE_A, date(2023, 5, 2), ENTITIES["bridge-a"]))
    assert as_sets(group_stories(items, similarity=similarity)) == expected


def test_same_input_gives_same_groups() -> None:
    assert group_stories(batch(), similarity=0.4) == group_stories(batch(), similarity=0.4)


def test_streaming_grouper_agrees_on_clear_events() -> None:
    items = batch()
    grouper = StoryGrouper(SimilarityContext.fit(items))
    indices = [grouper.add(f) for f in items]
    assert indices == [0, 1, 0, 1, 2]
    assert grouper.groups() == group_stories(items)


@pytest.mark.parametrize("bad", [-0.1, 1.5, math.nan])
def test_knob_out_of_range_is_a_config_error(bad: float) -> None:
    with pytest.raises(ConfigError, match="between 0 and 1"):
        group_stories(batch(), similarity=bad)


@pytest.mark.parametrize(("low", "high"), [(0.0, 0.3), (0.3, 0.5), (0.5, 0.8), (0.8, 1.0)])
def test_threshold_mapping_is_monotone_with_fixed_ends(low: float, high: float) -> None:
    assert threshold_for(low) < threshold_for(high)
    assert threshold_for(0.0) == 0.0
    assert threshold_for(1.0) == 1.0


def test_parameters_record_the_knob_and_threshold() -> None:
    params = grouping_parameters(0.7, window_days=3)
    assert params["similarity"] == 0.7
    assert params["threshold"] == threshold_for(0.7)
    assert params["time_window_days"] == 3
    assert set(params["features"]) >= {"text", "entities"}


@pytest.mark.parametrize(
    ("words", "iob", "expected"),
    [
        (["The", "Americans", "'", "voted"], ["B-NORP", "I-NORP", "I-NORP", "O"], {"american"}),
        (
            ["Ilse", "Brandvik", "spoke", "in", "Varnholm"],
            ["B-PERSON", "I-PERSON", "O", "O", "B-GPE"],
            {"ilse brandvik", "varnholm"},
        ),
        (["Sales", "rose", "5", "%"], ["O", "O", "B-PERCENT", "I-PERCENT"], set()),
    ],
)
def test_entity_keys_from_doc(words: list[str], iob: list[str], expected: set[str]) -> None:
    lemmas = {"Americans": "American"}
    pos = {"The": "DET", "'": "PART"}
    tags = {"'": "POS"}
    doc = Doc(
        Vocab(),
        words=words,
        lemmas=[lemmas.get(w, w) for w in words],
        pos=[pos.get(w, "PROPN") for w in words],
        tags=[tags.get(w, "NNP") for w in words],
        ents=iob,
    )
    features = features_from_doc("a1", date(2024, 1, 1), doc)
    assert features.entities == frozenset(expected)
    assert features.text == doc.text


WORDS = ["bridge", "river", "election", "vote", "mayor", "storm", "flood", "court", "fire"]
texts = st.lists(st.sampled_from(WORDS), min_size=0, max_size=8).map(" ".join)
days = st.one_of(st.none(), st.dates(date(2020, 1, 1), date(2021, 1, 1)))
entity_sets = st.frozensets(st.sampled_from(["varnholm", "quillbury", "fenwick"]), max_size=3)
feature_lists = st.lists(st.tuples(texts, days, entity_sets), max_size=12).map(
    lambda rows: [StoryFeatures(f"a{i}", d, t, e) for i, (t, d, e) in enumerate(rows)]
)


@settings(max_examples=60, deadline=None)
@given(feature_lists, st.floats(0.0, 1.0))
def test_every_article_in_exactly_one_group(
    features: list[StoryFeatures], similarity: float
) -> None:
    groups = group_stories(features, similarity=similarity)
    position = {f.article_id: i for i, f in enumerate(features)}
    flat = [a for g in groups for a in g.article_ids]
    assert sorted(flat) == sorted(position)
    for g in groups:
        assert g.founder == g.article_ids[0]
        assert [position[a] for a in g.article_ids] == sorted(position[a] for a in g.article_ids)
    founders = [position[g.founder] for g in groups]
    assert founders == sorted(founders)


@settings(max_examples=60, deadline=None)
@given(feature_lists.filter(lambda fs: len(fs) >= 2), st.floats(1.0, 400.0))
def test_batch_matrix_matches_pair_similarity(features: list[StoryFeatures], window: float) -> None:
    ctx = SimilarityContext.fit(features)
    matrix = ctx.matrix(features, window)
    vectors = ctx.vectors(features)
    for i, a in enumerate(vectors):
        for j, b in enumerate(vectors):
            if i != j:
                assert pair_similarity(a, b, window) == pytest.approx(matrix[i, j], abs=1e-9)
                assert 0.0 <= matrix[i, j] <= 1.0


@pytest.mark.parametrize(
    "published",
    [datetime(2024, 3, 1, 23, 0), date(2024, 3, 1), None],
)
def test_streaming_accepts_datetimes_dates_and_unknown(published: date | None) -> None:
    items = [article("x", BRIDGE_A, published), article("y", BRIDGE_B, date(2024, 3, 2))]
    grouper = StoryGrouper(SimilarityContext.fit(items))
    assert [grouper.add(f) for f in items] == [0, 0]

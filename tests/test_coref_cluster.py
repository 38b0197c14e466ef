"""The eval's clustering configuration on fictional articles parsed with the project pipeline:
same head within a story, modifier conflicts, pronouns, names across stories."""

from __future__ import annotations

from collections.abc import Hashable

import pytest
from spacy.tokens import Doc

from newsrecon.evaluation.coref_anaphora import antecedent, renamings
from newsrecon.evaluation.coref_cluster import (
    CorefConfig,
    CorefItem,
    DocumentGroups,
    cluster_mentions,
)
from newsrecon.pipeline.entities.nominals import cues_conflict, mention_cues
from tests.spacy_helpers import parse as _doc
from tests.spacy_helpers import phrase_span as _span


def _subject(doc: Doc):  # type: ignore[no-untyped-def]
    """The sentence's subject phrase (its words up to the subject's head)."""
    return doc[: next(t.i for t in doc if t.dep_ in ("nsubj", "nsubjpass")) + 1]


@pytest.mark.parametrize(
    ("a", "b", "persons", "conflict"),
    [
        (
            "Two hikers were found near the lake.",
            "Three hikers were found near the lake.",
            False,
            True,
        ),
        (
            "Two hikers were found near the lake.",
            "The two hikers were found near the lake.",
            False,
            False,
        ),
        (
            "The first victim was named on Monday.",
            "The second victim was named on Monday.",
            False,
            True,
        ),
        ("The first victim was named on Monday.", "The victim was named on Monday.", False, False),
        ("Mara Quell spoke on Monday.", "Tobin Quell spoke on Monday.", True, True),
        ("Mara Quell spoke on Monday.", "Quell spoke on Monday.", True, False),
        ("Mara Quell spoke on Monday.", "M. Quell spoke on Monday.", True, False),
    ],
)
def test_cues_conflict(a: str, b: str, persons: bool, conflict: bool) -> None:
    sa, sb = _subject(_doc(a)), _subject(_doc(b))
    assert cues_conflict(mention_cues(sa), mention_cues(sb), persons) is conflict


def _levels(stories: dict[str, int]) -> DocumentGroups:
    return DocumentGroups(stories, {doc: 0 for doc in stories})


def _clusters(clusters: list[list[Hashable]]) -> set[frozenset[Hashable]]:
    return {frozenset(c) for c in clusters}


def test_same_head_joins_in_a_story_but_not_across_stories_nor_past_a_conflict() -> None:
    a = _doc("Two hikers were rescued from the ridge. The hikers were cold.")
    b = _doc("The hikers thanked the rescuers. Three hikers had been lost.")
    c = _doc("The hikers of another valley were never found.")
    items = [
        CorefItem("a1", "a", _span(a, "Two hikers"), "PERSON"),
        CorefItem("a2", "a", _span(a, "The hikers"), "PERSON"),
        CorefItem("b1", "b", _span(b, "The hikers"), "PERSON"),
        CorefItem("b2", "b", _span(b, "Three hikers"), "PERSON"),
        CorefItem("c1", "c", _span(c, "The hikers"), "PERSON"),
    ]
    got = _clusters(cluster_mentions(items, _levels({"a": 0, "b": 0, "c": 1})))
    assert frozenset({"a1", "a2", "b1"}) in got
    assert frozenset({"b2"}) in got
    assert frozenset({"c1"}) in got
    every = _clusters(cluster_mentions(items, _levels({}), CorefConfig(modifier_conflicts=False)))
    assert every == {frozenset({"a1", "a2", "b1", "b2", "c1"})}


def test_pronoun_joins_the_nearest_compatible_antecedent_and_names_cross_stories() -> None:
    a = _doc("Dara Venn opened the depot. She thanked the workers.")
    b = _doc("Officials praised Dara Venn for the depot.")
    items = [
        CorefItem("a1", "a", _span(a, "Dara Venn"), "PERSON"),
        CorefItem("a2", "a", _span(a, "the depot"), "FAC"),
        CorefItem("a3", "a", _span(a, "She"), "PERSON"),
        CorefItem("b1", "b", _span(b, "Dara Venn"), "PERSON"),
        CorefItem("b2", "b", _span(b, "the depot"), "FAC"),
    ]
    got = _clusters(cluster_mentions(items, _levels({"a": 0, "b": 1})))
    assert frozenset({"a1", "a3", "b1"}) in got
    assert frozenset({"a2"}) in got  # common nouns do not cross stories
    apart = _clusters(
        cluster_mentions(items, _levels({"a": 0, "b": 1}), CorefConfig(pronouns=False))
    )
    assert frozenset({"a3"}) in apart


def test_names_link_across_stories_only_inside_a_topic() -> None:
    a = _doc("Dara Venn opened the depot.")
    b = _doc("Officials praised Dara Venn.")
    items = [
        CorefItem("a1", "a", _span(a, "Dara Venn"), "PERSON"),
        CorefItem("b1", "b", _span(b, "Dara Venn"), "PERSON"),
    ]
    same_topic = DocumentGroups({"a": 0, "b": 1}, {"a": 0, "b": 0})
    other_topic = DocumentGroups({"a": 0, "b": 1}, {"a": 0, "b": 1})
    assert _clusters(cluster_mentions(items, same_topic)) == {frozenset({"a1", "b1"})}
    assert len(cluster_mentions(items, other_topic)) == 2


@pytest.mark.parametrize(
    ("text", "pronoun", "expected"),
    [
        # number: "they" skips the singular name for the plural noun
        ("The inspectors met Dara Venn. They left early.", "They", "The inspectors"),
        # the subject of the previous sentence before its object
        ("Dara Venn met Tobin Quell. She left early.", "She", "Dara Venn"),
        # a mention in the pronoun's own sentence first
        ("Dara Venn spoke. Tobin Quell said he left early.", "he", "Tobin Quell"),
    ],
)
def test_antecedent(text: str, pronoun: str, expected: str) -> None:
    doc = _doc(text)
    phrases = ["The inspectors", "Dara Venn", "Tobin Quell", pronoun]
    items = [
        CorefItem(p, "a", _span(doc, p), "PERSON") for p in phrases if p in text and p != pronoun
    ]
    items.append(CorefItem(pronoun, "a", _span(doc, pronoun), "PERSON"))
    items.sort(key=lambda it: it.span.start)
    cues = [mention_cues(it.span) for it in items]
    order = list(range(len(items)))
    at = next(n for n, it in enumerate(items) if it.id == pronoun)
    found = antecedent(items, cues, order, at)
    assert found is not None and items[found].id == expected


def test_renamings_join_an_apposition_and_a_copula() -> None:
    doc = _doc("Dara Venn, the mayor, opened the depot. Tobin Quell is the architect.")
    phrases = ["Dara Venn", "the mayor", "the depot", "Tobin Quell", "the architect"]
    items = [CorefItem(p, "a", _span(doc, p), "") for p in phrases]
    pairs = {frozenset((items[i].id, items[j].id)) for i, j in renamings(items, range(5))}
    assert pairs == {
        frozenset({"Dara Venn", "the mayor"}),
        frozenset({"Tobin Quell", "the architect"}),
    }

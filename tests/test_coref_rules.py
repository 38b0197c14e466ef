"""The eval clustering's rules for relative and open pronouns, role nouns before a name, time
expressions and grammatical number, on fictional articles parsed with the project pipeline."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import pytest
from spacy.tokens import Doc

from newsrecon.evaluation.coref_anaphora import (
    antecedent,
    gender,
    relative_antecedent,
    renamings,
    speaker,
)
from newsrecon.evaluation.coref_cluster import (
    CorefConfig,
    CorefItem,
    DocumentGroups,
    cluster_mentions,
    demonym_of,
)
from newsrecon.pipeline.entities.nominals import mention_cues, mention_kind
from tests.spacy_helpers import parse as _doc
from tests.spacy_helpers import phrase_span as _span


def _items(doc: Doc, doc_id: str, phrases: list[tuple[Any, ...]]) -> list[CorefItem]:
    """Items named ``doc:phrase:n`` for the n-th occurrence of the phrase in the text (a
    third field gives n; by default the phrase's earlier uses in the list are counted)."""
    seen: dict[str, int] = {}
    out = []
    for phrase, type_, *nth_given in phrases:
        nth = nth_given[0] if nth_given else seen.get(phrase, 0)
        seen[phrase] = nth + 1
        out.append(CorefItem(f"{doc_id}:{phrase}:{nth}", doc_id, _span(doc, phrase, nth), type_))
    return out


@pytest.mark.parametrize(
    ("text", "mentions", "pronoun", "expected"),
    [
        (
            "The actress who won the award left the city.",
            ["The actress", "who", "the award", "the city"],
            "who",
            "The actress",
        ),
        (
            "They closed the clinic where Dara Venn worked.",
            ["the clinic", "where", "Dara Venn"],
            "where",
            "the clinic",
        ),
        (
            "The bridge, which opened in spring, was shut by the council.",
            ["The bridge", "which", "the council"],
            "which",
            "The bridge",
        ),
        # "that" opening a complement clause stands for nothing
        ("Dara Venn said that the road was shut.", ["Dara Venn", "that", "the road"], "that", None),
    ],
)
def test_relative_antecedent(
    text: str, mentions: list[str], pronoun: str, expected: str | None
) -> None:
    doc = _doc(text)
    items = [CorefItem(m, "a", _span(doc, m), "") for m in mentions]
    at = mentions.index(pronoun)
    found = relative_antecedent(items, range(len(items)), at)
    assert (items[found].id if found is not None else None) == expected


def test_a_role_noun_before_a_name_renames_it() -> None:
    doc = _doc("The court heard from lawyer Tobin Quell on Monday.")
    items = [CorefItem(p, "a", _span(doc, p), "PERSON") for p in ("lawyer", "Tobin Quell")]
    pairs = {frozenset((items[i].id, items[j].id)) for i, j in renamings(items, range(2))}
    assert pairs == {frozenset({"lawyer", "Tobin Quell"})}


def _clusters(clusters: list[list[Hashable]]) -> set[frozenset[Hashable]]:
    return {frozenset(c) for c in clusters}


def _together(got: set[frozenset[Hashable]], a: str, b: str) -> bool:
    return any(a in c and b in c for c in got)


ONE_STORY = DocumentGroups({"a": 0, "b": 0}, {"a": 0, "b": 0})


@pytest.mark.parametrize(
    ("text_a", "text_b", "mentions_a", "mentions_b", "pair", "joined"),
    [
        # open pronouns never join by their word alone
        (
            "Someone called the depot.",
            "Someone called the depot again.",
            [("Someone", "PERSON")],
            [("Someone", "PERSON")],
            ("a:Someone:0", "b:Someone:0"),
            False,
        ),
        # inside one story (one event's reports) the same time words are the same time
        (
            "The depot opened on Monday.",
            "The depot closed on Monday.",
            [("Monday", "TIME")],
            [("Monday", "TIME")],
            ("a:Monday:0", "b:Monday:0"),
            True,
        ),
        # a time expression is told by all its words
        (
            "The depot opened early Monday. On Monday it was full.",
            "Nothing here.",
            [("early Monday", "TIME"), ("Monday", "TIME", 1)],
            [],
            ("a:early Monday:0", "a:Monday:1"),
            False,
        ),
        # a given name alone is the one full name it begins, inside an article
        (
            "Dara Venn opened the depot. Later Dara thanked the workers.",
            "Dara spoke too.",
            [("Dara Venn", "PERSON"), ("Dara", "PERSON", 1)],
            [("Dara", "PERSON")],
            ("a:Dara Venn:0", "a:Dara:1"),
            True,
        ),
        # ...but not when two people of the article share it
        (
            "Dara Venn met Dara Quell. Later Dara thanked the workers.",
            "Nothing here.",
            [("Dara Venn", "PERSON"), ("Dara Quell", "PERSON"), ("Dara", "PERSON", 2)],
            [],
            ("a:Dara Venn:0", "a:Dara:2"),
            False,
        ),
        # a country and its people, across the stories of a topic
        (
            "Officials in Moravania said so.",
            "Moravanian officials said so.",
            [("Moravania", "GPE")],
            [("Moravanian", "GPE")],
            ("a:Moravania:0", "b:Moravanian:0"),
            True,
        ),
        (
            "The victims were named by the police.",
            "Police named victims on Monday.",
            [("The victims", "PERSON")],
            [("victims", "PERSON")],
            ("a:The victims:0", "b:victims:0"),
            True,
        ),
    ],
)
def test_same_head_rules(
    text_a: str,
    text_b: str,
    mentions_a: list[tuple[Any, ...]],
    mentions_b: list[tuple[Any, ...]],
    pair: tuple[str, str],
    joined: bool,
) -> None:
    items = _items(_doc(text_a), "a", mentions_a) + _items(_doc(text_b), "b", mentions_b)
    got = _clusters(cluster_mentions(items, ONE_STORY))
    assert _together(got, *pair) is joined


@pytest.mark.parametrize(
    ("text_a", "phrase_a", "text_b", "phrase_b", "type_", "switch"),
    [
        ("The victim was named.", "The victim", "The victims were named.", "The victims",
         "PERSON", "number_agreement"),
        ("It shut early Monday.", "early Monday", "It shut on Monday.", "Monday", "TIME",
         "time_words"),
        ("Someone called.", "Someone", "Someone called.", "Someone", "PERSON", "open_words"),
    ],
)  # fmt: skip
def test_switches_turn_the_rules_off(
    text_a: str, phrase_a: str, text_b: str, phrase_b: str, type_: str, switch: str
) -> None:
    a, b = _doc(text_a), _doc(text_b)
    items = [
        CorefItem("a", "a", _span(a, phrase_a), type_),
        CorefItem("b", "b", _span(b, phrase_b), type_),
    ]
    assert len(cluster_mentions(items, ONE_STORY)) == 2
    off = CorefConfig(**{switch: False})
    assert _clusters(cluster_mentions(items, ONE_STORY, off)) == {frozenset({"a", "b"})}


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The actress left.", "The actress", "f"),
        ("Mr Venn left.", "Mr Venn", "m"),
        ("The spokesman left.", "The spokesman", "m"),
        ("The lawyer left.", "The lawyer", ""),
        ("Dara Venn left.", "Dara Venn", ""),  # no list of given names
    ],
)
def test_gender(text: str, phrase: str, expected: str) -> None:
    assert gender(_span(_doc(text), phrase)) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "checked", "unchecked"),
    [
        # the subject of the previous sentence is preferred, and agrees
        (
            "Tobin Quell met the actress. He left early.",
            ["Tobin Quell", "the actress", "He"],
            "Tobin Quell",
            "Tobin Quell",
        ),
        # the preferred subject is of the other gender: only the agreement check skips it
        (
            "The actress met Tobin Quell. He left early.",
            ["The actress", "Tobin Quell", "He"],
            "Tobin Quell",
            "The actress",
        ),
    ],
)
def test_a_pronoun_skips_an_antecedent_of_the_other_gender(
    text: str, mentions: list[str], checked: str, unchecked: str
) -> None:
    doc = _doc(text)
    items = [CorefItem(p, "a", _span(doc, p), "PERSON") for p in mentions]
    cues = [mention_cues(it.span) for it in items]
    for check, expected in ((True, checked), (False, unchecked)):
        found = antecedent(items, cues, [0, 1, 2], 2, check_number=check)
        assert (items[found].id if found is not None else None) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "pronoun", "expected"),
    [
        ('"We will appeal," the club said.', ["We", "the club"], "We", "the club"),
        ('"I was not there," Dara Venn told reporters.', ["I", "Dara Venn"], "I", "Dara Venn"),
        ("I think the club will appeal.", ["I", "the club"], "I", None),
    ],
)
def test_speaker(text: str, mentions: list[str], pronoun: str, expected: str | None) -> None:
    doc = _doc(text)
    items = [CorefItem(m, "a", _span(doc, m), "") for m in mentions]
    found = speaker(items, range(len(items)), mentions.index(pronoun))
    assert (items[found].id if found is not None else None) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("Officials in the US said so.", "US", "name"),
        ("Moravanian officials said so.", "Moravanian", "name"),  # a demonym
        ("They told us so.", "us", "pronoun"),
        ("Dara Venn said so.", "Dara Venn", "name"),
        ("The depot was shut.", "The depot", "nominal"),
    ],
)
def test_mention_kind(text: str, phrase: str, kind: str) -> None:
    assert mention_kind(_span(_doc(text), phrase)) == kind


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("moravania", "moravanian", True),
        ("kestan", "kestani", True),
        ("vornel", "vornelian", True),
        ("tarvo", "tarvese", True),
        ("moravania", "moravia", False),
        ("kestan", "kestrel", False),
    ],
)
def test_demonym_of(a: str, b: str, expected: bool) -> None:
    assert demonym_of(a, b) is expected
    assert demonym_of(b, a) is expected


def test_time_words_never_link_across_stories() -> None:
    """Two stories of one topic: names link, "Monday" (another week's) does not."""
    a, b = _doc("Dara Venn opened the depot on Monday."), _doc("Dara Venn left on Monday.")
    items = _items(a, "a", [("Dara Venn", "PERSON"), ("Monday", "TIME")]) + _items(
        b, "b", [("Dara Venn", "PERSON"), ("Monday", "TIME")]
    )
    got = _clusters(cluster_mentions(items, DocumentGroups({"a": 0, "b": 1}, {"a": 0, "b": 0})))
    assert _together(got, "a:Dara Venn:0", "b:Dara Venn:0")
    assert not _together(got, "a:Monday:0", "b:Monday:0")

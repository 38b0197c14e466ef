"""Resolution within and across articles on fictional mentions, and conflicts on fictional
articles parsed with the project pipeline."""

from __future__ import annotations

import pytest

from newsrecon.model.entities import Mention
from newsrecon.model.span import Span
from newsrecon.pipeline.entities.across import link_chains
from newsrecon.pipeline.entities.conflicts import acronym_conflicts
from newsrecon.pipeline.entities.mentions import doc_mentions
from newsrecon.pipeline.entities.resolve import resolve
from newsrecon.pipeline.entities.within import Chain, build_chains
from newsrecon.pipeline.nlp import get_pipeline


def _chains(article: str, names: list[tuple[str, str]]) -> list[Chain]:
    mentions, pos = [], 0
    for text, type_ in names:
        kind = "acronym" if text.isupper() else "name"
        mentions.append(Mention(Span(article, pos, pos + len(text)), text, type_, kind))
        pos += len(text) + 1
    return build_chains(article, mentions, list(range(len(mentions))))


def _entities(articles: dict[str, list[tuple[str, str]]]) -> list[set[str]]:
    chains = [c for a, names in articles.items() for c in _chains(a, names)]
    return [
        {f"{chains[i].doc}:{m.text}" for i in cluster for m in chains[i].mentions}
        for cluster in link_chains(chains)
    ]


def _together(entities: list[set[str]], *members: str) -> bool:
    return any(set(members) <= e for e in entities)


@pytest.mark.parametrize(
    ("articles", "same", "apart"),
    [
        (  # transliteration variants merge across outlets
            {
                "a": [("Farid Qorbani", "PERSON"), ("Qorbani", "ORG")],
                "b": [("Fareed Ghorbani", "PERSON")],
            },
            ["a:Farid Qorbani", "a:Qorbani", "b:Fareed Ghorbani"],
            [],
        ),
        (  # two people sharing a first name stay apart
            {
                "a": [("Esmat Qorbani", "PERSON"), ("Ismat Haddad", "PERSON")],
                "b": [("Ismat Haddad", "PERSON"), ("Esmat Ghorbani", "PERSON")],
            },
            ["a:Esmat Qorbani", "b:Esmat Ghorbani"],
            [("a:Esmat Qorbani", "a:Ismat Haddad"), ("b:Ismat Haddad", "b:Esmat Ghorbani")],
        ),
        (  # a surname alone after the full name, in the same article
            {"a": [("Lena Marsh", "PERSON"), ("Marsh", "PERSON")], "b": [("Marsh", "PERSON")]},
            ["a:Lena Marsh", "a:Marsh", "b:Marsh"],
            [],
        ),
        (  # a surname before the full name in the same article joins it
            {"a": [("Marsh", "PERSON"), ("Lena Marsh", "PERSON")], "b": [("Lena Marsh", "PERSON")]},
            ["a:Marsh", "a:Lena Marsh", "b:Lena Marsh"],
            [],
        ),
        (  # ... but not when two later full names share it
            {"a": [("Marsh", "PERSON"), ("Lena Marsh", "PERSON"), ("Tom Marsh", "PERSON")]},
            [],
            [("a:Marsh", "a:Lena Marsh"), ("a:Marsh", "a:Tom Marsh")],
        ),
        (  # a bare surname two people share links to neither
            {
                "a": [("Lena Marsh", "PERSON")],
                "b": [("Tom Marsh", "PERSON")],
                "c": [("Marsh", "PERSON")],
            },
            [],
            [
                ("a:Lena Marsh", "b:Tom Marsh"),
                ("a:Lena Marsh", "c:Marsh"),
                ("b:Tom Marsh", "c:Marsh"),
            ],
        ),
        (  # an acronym joins the name its letters spell
            {
                "a": [("Northern Harbour Authority", "ORG"), ("NHA", "ORG")],
                "b": [("NHA", "ORG")],
            },
            ["a:Northern Harbour Authority", "a:NHA", "b:NHA"],
            [],
        ),
    ],
)
def test_resolution(
    articles: dict[str, list[tuple[str, str]]], same: list[str], apart: list[tuple[str, str]]
) -> None:
    entities = _entities(articles)
    if same:
        assert _together(entities, *same), entities
    for a, b in apart:
        assert not _together(entities, a, b), entities


TEXTS = {
    "x": "The Northern Harbour Authority (NHA) closed the port on Monday. Lena Marsh, who "
    "heads the NHA, said the closure would last a week.",
    "y": "Port officials from the Northern Harbour Authority said the port was shut. "
    "Director Lena Marsh of the Authority spoke on Monday.",
    "z": "The port was closed, said the Nordic Hockey Alliance (NHA), according to Lena Marsh.",
}


@pytest.fixture(scope="module")
def docs():  # type: ignore[no-untyped-def]
    nlp = get_pipeline()
    return {k: nlp(v) for k, v in TEXTS.items()}


def test_an_acronym_expanded_two_ways_is_an_error_with_both_sides(docs) -> None:  # type: ignore[no-untyped-def]
    outlets = {k: f"outlet-{k}" for k in docs}
    resolved = resolve(docs, outlets)
    mentions = [m for members in resolved.members for m in members]
    conflicts = acronym_conflicts(docs, outlets, mentions)
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict.kind == "acronym" and conflict.severity == "error"
    by_value = {s.value: s for s in conflict.sides}
    assert set(by_value) == {"Northern Harbour Authority", "Nordic Hockey Alliance"}
    assert by_value["Nordic Hockey Alliance"].outlets == ("outlet-z",)
    for side in conflict.sides:
        for span in side.evidence:
            assert TEXTS[span.article][span.start : span.end]
    assert "outlet-y" in by_value["Northern Harbour Authority"].outlets  # written out in full


def test_one_expansion_everywhere_is_no_conflict(docs) -> None:  # type: ignore[no-untyped-def]
    two = {k: docs[k] for k in ("x", "y")}
    outlets = {k: f"outlet-{k}" for k in two}
    resolved = resolve(two, outlets)
    mentions = [m for members in resolved.members for m in members]
    assert acronym_conflicts(two, outlets, mentions) == []


FUSED = (
    "The head of the Harbour Guard Tomas Vell spoke on Monday. Vell said the port was safe. "
    "The Orrin Brigades denied it."
)


@pytest.mark.parametrize(
    ("ents", "expected"),
    [
        # The model fused the organisation and the person the article names alone later.
        (
            [("Harbour Guard Tomas Vell", "ORG"), ("Vell", "PERSON")],
            [("Harbour Guard", "ORG"), ("Tomas Vell", "PERSON"), ("Vell", "PERSON")],
        ),
        # Without the surname written alone as a person, nothing says where the person starts.
        (
            [("Harbour Guard Tomas Vell", "ORG")],
            [("Harbour Guard Tomas Vell", "ORG")],
        ),
        # A "person" whose name ends in a word for a body of people is an organisation; a
        # person named by one word is left as the model typed it.
        (
            [("Orrin Brigades", "PERSON"), ("Vell", "PERSON")],
            [("Vell", "PERSON"), ("Orrin Brigades", "ORG")],
        ),
    ],
)
def test_mentions_of_persons_and_organisations_the_model_mixed_up(
    ents: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    doc = get_pipeline()(FUSED)
    spans = []
    for text, label in ents:
        start = FUSED.index(text) if text != "Vell" else FUSED.rindex(text)
        span = doc.char_span(start, start + len(text), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = spans
    assert [(m.text, m.type) for m in doc_mentions("a", doc)] == expected


@pytest.mark.parametrize(
    ("text", "entity", "expected"),
    [
        # An editor's insertion opened before the name: the name is what follows it.
        (
            "The crews of the (Northern) Fleetwatch arrived.",
            "the (Northern) Fleetwatch",
            "Fleetwatch",
        ),
        # An expansion the model cut off inside its brackets: the name is what precedes it.
        (
            "Fleetwatch (Northern Harbour Service said nothing.",
            "Fleetwatch (Northern",
            "Fleetwatch",
        ),
        # Balanced brackets inside a name stay.
        ("The Fleetwatch (North) Service said nothing.", "Fleetwatch (North) Service", None),
    ],
)
def test_a_bracket_left_open_or_closed_inside_a_name_is_cut(
    text: str, entity: str, expected: str | None
) -> None:
    doc = get_pipeline()(text)
    start = text.index(entity)
    span = doc.char_span(start, start + len(entity), label="ORG")
    assert span is not None
    doc.ents = [span]
    assert [m.text for m in doc_mentions("a", doc)] == [expected or entity]

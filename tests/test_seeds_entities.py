"""The seed story's entities. Expectations are derived from the dossier with general patterns
(the person named in most outlets under more than one spelling), never from pasted text."""

from __future__ import annotations

from typing import Any

import pytest

from newsrecon.pipeline.entities.names import person_parts, split_title, tokens_match
from newsrecon.report.schema import Document

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def story(seed_document: Document) -> Any:
    assert len(seed_document.stories) == 1
    return seed_document.stories[0]


def _surnames(entity: Any) -> set[str]:
    out = set()
    for alias in entity.aliases:
        _, rest = split_title(alias.text.lower().split())
        out.add(person_parts(rest)[1])
    return out


def _spelled_two_ways(entity: Any) -> bool:
    names = _surnames(entity)
    return len(names) >= 2 and all(tokens_match(a, b) for a in names for b in names)


def _commander(story: Any) -> Any:
    candidates = [e for e in story.entities if e.type == "PERSON" and _spelled_two_ways(e)]
    assert candidates, "no person is written in two spellings"
    return max(candidates, key=lambda e: e.outlet_count)


def test_the_commander_is_one_entity_across_all_reports_under_both_spellings(story: Any) -> None:
    commander = _commander(story)
    assert commander.outlet_count == len(story.articles) == 5
    assert {m.article for m in commander.mentions} == {a.id for a in story.articles}
    surnames = _surnames(commander)
    assert len(surnames) == 2
    spelling = [c for c in story.conflicts if c.kind == "spelling"]
    assert any({s.value.lower() for s in c.sides} >= surnames for c in spelling)


def test_people_sharing_a_first_name_are_not_merged(story: Any) -> None:
    commander = _commander(story)
    first = {split_title(a.text.lower().split())[1][0] for a in commander.aliases}
    first = {f for f in first if f not in _surnames(commander)}
    others = [
        e
        for e in story.entities
        if e.type == "PERSON"
        and e.id != commander.id
        and any(
            len(a.text.split()) >= 2 and any(tokens_match(a.text.split()[0], f) for f in first)
            for a in e.aliases
        )
    ]
    assert others, "another person sharing the commander's first name is expected"
    for other in others:
        assert not (_surnames(other) & _surnames(commander))
        assert not set(other.mentions) & set(commander.mentions)


def test_the_odd_acronym_expansion_is_an_error_with_evidence_on_both_sides(story: Any) -> None:
    acronym = [c for c in story.conflicts if c.kind == "acronym"]
    assert acronym, "an acronym expanded two ways is expected"
    conflict = acronym[0]
    assert conflict.severity == "error"
    assert len(conflict.sides) >= 2
    texts = {a.id: a.text for a in story.articles}
    for side in conflict.sides:
        assert side.evidence and side.outlets
        for span in side.evidence:
            assert texts[span.article][span.start : span.end] == span.text
    lone = [s for s in conflict.sides if len(s.outlets) == 1]
    majority = max(conflict.sides, key=lambda s: len(s.outlets))
    assert lone and len(majority.outlets) >= 3

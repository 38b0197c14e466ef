"""Quote forms on fictional sentences: who is credited, what words, which kind."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecon.model import Article, Span
from newsrecon.model.entities import Alias, Entity
from newsrecon.model.quotes import QuoteKind, SpeakerKind
from newsrecon.pipeline.nlp import parse
from newsrecon.pipeline.quotes.extract import extract_quotes
from newsrecon.pipeline.quotes.marks import quote_regions


def _article(text: str) -> Article:
    return Article(
        id="a1",
        source="t.txt",
        format="text",
        text=text,
        content_hash="h",
        outlet="Gazette",
        outlet_basis="file_name",
    )


def _quotes(text: str):
    article = _article(text)
    return extract_quotes(next(parse([text])), article), text


CASES = [
    # (text, speaker contains, content contains, kind)
    ('"The bridge is closed," said Maren Oduya.', "Oduya", "bridge is closed", "direct"),
    ("“The bridge is closed,” Maren Oduya said.", "Oduya", "bridge is closed", "direct"),
    ("Maren Oduya said: “The bridge is closed.”", "Oduya", "bridge is closed", "direct"),
    ("Maren Oduya told reporters, “The bridge is closed.”", "Oduya", "bridge is", "direct"),
    (
        "“The bridge is closed,” Maren Oduya said. “Buses will run from Thursday.”",
        "Oduya",
        "Buses will run",
        "direct",
    ),
    (
        "Mayor Tomas Halloran said that the bridge would reopen in June.",
        "Halloran",
        "would reopen in June",
        "indirect",
    ),
    (
        "Governor Ilse Varga denied that the council had ignored the warnings.",
        "Varga",
        "had ignored",
        "indirect",
    ),
    (
        "According to Maren Oduya, the line had been shut for a week.",
        "Oduya",
        "shut for a week",
        "indirect",
    ),
    (
        "Ilse Varga said the repairs were “far too slow” and would cost millions.",
        "Varga",
        "far too slow",
        "mixed",
    ),
    ("“We are lucky this happened at night.” —Maren Oduya", "Oduya", "lucky", "direct"),
    ("Maren Oduya: “We are lucky this happened at night.”", "Oduya", "lucky", "direct"),
    (
        "Maren Oduya spoke to reporters on Tuesday. “We are lucky,” she said.",
        "Maren Oduya",
        "lucky",
        "direct",
    ),
    ("'Nobody was hurt,' said Maren Oduya.", None, None, None),
]


@pytest.mark.parametrize(("text", "speaker", "content", "kind"), CASES)
def test_quote_forms(text: str, speaker: str | None, content: str | None, kind: str | None) -> None:
    quotes, text = _quotes(text)
    if speaker is None:
        # straight single quotes are apostrophes too often: not read as quotation marks
        assert all(q.kind is not QuoteKind.DIRECT for q in quotes)
        return
    hits = [q for q in quotes if content in text[q.content.start : q.content.end]]
    assert hits, [text[q.content.start : q.content.end] for q in quotes]
    q = hits[0]
    assert speaker in q.speaker
    assert q.kind == QuoteKind(kind)
    for span in (q.content, q.speaker_span, q.cue, *q.content_parts):
        if span is not None:
            assert 0 <= span.start < span.end <= len(text)


def test_multi_paragraph_quote_joins_paragraphs() -> None:
    text = (
        "Maren Oduya said:\n\n“The first span fell at midnight.\n\n"
        "“The second followed an hour later.”\n\nThe council met on Friday."
    )
    quotes, _ = _quotes(text)
    assert len(quotes) == 1
    assert len(quotes[0].content_parts) == 1
    assert "second followed" in text[quotes[0].content.start : quotes[0].content.end]


def test_unbalanced_mark_drops_only_that_candidate() -> None:
    text = "Maren Oduya said “the bridge is closed.\n\nShe added later: “Buses will run on Monday.”"
    regions = quote_regions(text)
    assert [text[r.start : r.end] for r in regions] == ["“Buses will run on Monday.”"]


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    text = "“He told me ‘never again’ and left,” said Tomas Halloran."
    quotes, _ = _quotes(text)
    assert len(quotes) == 1 and "Halloran" in quotes[0].speaker
    assert text[quotes[0].content.start : quotes[0].content.end].startswith("“He told")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The letter said the council would pay for the repairs.", SpeakerKind.DOCUMENT),
        ("The report said the council would pay for the repairs.", SpeakerKind.DOCUMENT),
        ("Maren Oduya said the council would pay for the repairs.", SpeakerKind.PERSON),
    ],
)
def test_documents_are_not_people(text: str, kind: SpeakerKind) -> None:
    quotes, _ = _quotes(text)
    assert quotes and quotes[0].speaker_kind is kind


def test_unresolvable_pronoun_stays_as_written() -> None:
    quotes, _ = _quotes("“The bridge is closed,” she said.")
    assert quotes and quotes[0].speaker == "she"
    assert quotes[0].speaker_kind is SpeakerKind.UNRESOLVED


def _entity(eid: str, name: str, kind: str, text: str) -> Entity:
    start = text.index(name)
    mention = Span("a1", start, start + len(name))
    return Entity(eid, name, kind, (Alias(name, ("Gazette",)),), (mention,), ("Gazette",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the source's head is the person: linked to the person, not to the organisation
        ("Harbour Authority spokeswoman Maren Oduya said the bridge would reopen.", "e-person"),
        # the source is the organisation itself
        ("The Harbour Authority said the bridge would reopen on Monday.", "e-org"),
        # a description naming an organisation is not that organisation
        ("The head of the Harbour Authority said the bridge would reopen on Monday.", None),
    ],
)
def test_speaker_links_to_the_entity_at_the_head_of_the_source(
    text: str, expected: str | None
) -> None:
    entities = [_entity("e-org", "Harbour Authority", "ORG", text)]
    if "Oduya" in text:
        entities.append(_entity("e-person", "Maren Oduya", "PERSON", text))
    quotes = extract_quotes(next(parse([text])), _article(text), entities)
    assert quotes and quotes[0].speaker_entity == expected


@pytest.mark.parametrize(
    ("others", "expected"),
    [((), "e-maren"), (("Tomas Oduya",), None)],
)
def test_a_named_speaker_the_recogniser_missed_links_by_name_when_unambiguous(
    others: tuple[str, ...], expected: str | None
) -> None:
    # only the first "Oduya" is an entity mention, as when the recogniser misses the second
    text = (
        "Maren Oduya opened the new bridge on Monday. Tomas Oduya watched. "
        "“Buses will run from Thursday,” said Commissioner Oduya."
    )
    entities = [_entity("e-maren", "Maren Oduya", "PERSON", text)]
    entities += [_entity(f"e-{n}", n, "PERSON", text) for n in others]
    quotes = extract_quotes(next(parse([text])), _article(text), entities)
    said = [q for q in quotes if "Buses" in text[q.content.start : q.content.end]]
    assert said and said[0].speaker_entity == expected


_PIECES = st.lists(
    st.sampled_from(["“", "”", '"', "‘", "’", "word", " ", "\n", "\n\n", ",", ".", "said"]),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(_PIECES)
def test_regions_are_valid_spans(pieces: list[str]) -> None:
    text = "".join(pieces)
    last = -1
    for r in quote_regions(text):
        assert 0 <= r.start < r.end <= len(text)
        assert r.start >= last
        last = r.end
        for start, end in r.parts:
            assert r.start <= start < end <= r.end


@pytest.mark.parametrize(
    ("text", "cue", "reported_as"),
    [
        ("Mayor Lena Marsh said that the bridge would reopen in May.", "said", "speech"),
        ("According to the harbour council, the bridge will reopen in May.", "According", "speech"),
        ("Oduya praised the “remarkable work” of the crews.", "praised", "speech"),
        ("Mayor Lena Marsh sneered that the new bridge was a folly.", "sneered", "speech"),
        ("The harbour council refused to approve the budget for the bridge.", "refused", "other"),
        ("Mayor Lena Marsh backed the plan to rebuild the bridge.", "backed", "other"),
    ],
)
def test_speech_is_told_from_other_attributions(text: str, cue: str, reported_as: str) -> None:
    """A reporting verb, "according to" or quoted words report speech; a stance or act that
    the attribution corpora also count is labelled apart."""
    quotes, _ = _quotes(text)
    found = [q for q in quotes if q.cue is not None and text[q.cue.start :].startswith(cue)]
    assert len(found) == 1, quotes
    assert found[0].reported_as.value == reported_as

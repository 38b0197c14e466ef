"""Statement grouping and the PolNeAR scorer on fictional data."""

from __future__ import annotations

import pytest

from newsrecon.errors import CorpusError
from newsrecon.evaluation.polnear import (
    Attribution,
    match,
    normalise,
    parse_ann,
    parse_attributions,
)
from newsrecon.model import Span
from newsrecon.model.quotes import Quote, QuoteKind, SpeakerKind, VariantRelation
from newsrecon.pipeline.quotes.group import content_text, group_statements
from newsrecon.pipeline.quotes.similarity import relation


def _quote(article: str, outlet: str, speaker: str, text: str, kind: str = "direct") -> Quote:
    return Quote(
        id=f"q{article}",
        article=article,
        outlet=outlet,
        speaker=speaker,
        speaker_span=None,
        speaker_entity=None,
        speaker_kind=SpeakerKind.PERSON,
        cue=None,
        content=Span(article, 0, len(text)),
        kind=QuoteKind(kind),
    )


REMARK = "We will rebuild the bridge before the winter floods arrive"


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        (REMARK, VariantRelation.VERBATIM),
        ("rebuild the bridge before the winter floods", VariantRelation.SHORTENED),
        ("We will rebuild the old bridge before winter floods arrive", VariantRelation.REWORDED),
    ],
)
def test_relation(variant: str, expected: VariantRelation) -> None:
    assert relation(variant, REMARK, semantic=0.9) is expected


def test_grouping_and_findings_without_embeddings() -> None:
    texts = {
        "a": REMARK,
        "b": "We will rebuild the old bridge before winter floods arrive",
        "c": "we will rebuild the bridge before the winter floods arrive",
        "d": "Ticket prices will rise by ten percent next spring",
    }
    quotes = [
        _quote("a", "Gazette", "Maren Oduya", texts["a"]),
        _quote("b", "Courier", "Oduya", texts["b"], "indirect"),
        _quote("c", "Herald", "Tomas Halloran", texts["c"]),
        _quote("d", "Herald", "Maren Oduya", texts["d"]),
    ]
    statements, conflicts = group_statements(quotes, texts, embed=None)
    assert len(statements) == 1
    assert set(statements[0].outlets) == {"Gazette", "Courier", "Herald"}
    kinds = {c.kind for c in conflicts}
    assert "speaker" in kinds  # Herald names someone else for the same words
    assert "quotation" in kinds  # Courier paraphrases what the others quote


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("“The bridge is closed,”", "The bridge is closed"),
        ('"The bridge is closed."', "The bridge is closed"),
        ("the report as “pure fiction.”", "the report as “pure fiction.”"),
        ('the plan "a costly mistake,"', 'the plan "a costly mistake,"'),
        ("that the bridge was “unsafe” and closed.", "that the bridge was “unsafe” and closed"),
    ],
)
def test_content_text_keeps_the_end_of_a_quotation_it_opens(content: str, expected: str) -> None:
    quote = _quote("a", "Gazette", "Maren Oduya", content)
    assert content_text(quote, {"a": content}) == expected


def test_reference_is_the_wording_most_outlets_share() -> None:
    """Three outlets carry one wording and a fourth a longer rewording: the shared wording is
    the reference, so the one outlet that departs from it is the one marked as rewording."""
    shared = "We will rebuild the bridge before the winter floods arrive"
    longer = "We are going to rebuild the whole bridge before the winter floods arrive here"
    texts = {"a": shared, "b": shared, "c": shared, "d": longer}
    outlets = {"a": "Gazette", "b": "Courier", "c": "Herald", "d": "Echo"}
    quotes = [_quote(k, outlets[k], "Maren Oduya", t) for k, t in texts.items()]
    statements, _ = group_statements(quotes, texts, embed=None)
    assert len(statements) == 1
    statement = statements[0]
    assert statement.text == shared
    relations = {v.outlet: v.relation for v in statement.variants}
    assert relations["Echo"] is not VariantRelation.VERBATIM
    assert {relations[o] for o in ("Gazette", "Courier", "Herald")} == {VariantRelation.VERBATIM}


@pytest.mark.parametrize(
    ("second_kind", "finding"),
    [
        ("indirect", True),  # no quotation marks at all: only paraphrase
        ("mixed", False),  # some words in quotation marks: quoted too
        ("direct", False),
    ],
)
def test_quotation_finding_needs_an_outlet_without_quotation_marks(
    second_kind: str, finding: bool
) -> None:
    texts = {"a": REMARK, "b": "We will rebuild the old bridge before winter floods arrive"}
    quotes = [
        _quote("a", "Gazette", "Maren Oduya", texts["a"]),
        _quote("b", "Courier", "Maren Oduya", texts["b"], second_kind),
    ]
    _, conflicts = group_statements(quotes, texts, embed=None)
    assert ("quotation" in {c.kind for c in conflicts}) is finding


ANN = "T1\tSource 0 5\tMaren\nT2\tCue 6 10\tsaid\nT3\tContent 11 16;21 25\tthing more\n"


def test_scorer_exact_and_overlap() -> None:
    text = "Maren said thing and more words here"
    gold = parse_ann(text, ANN, "x.ann")
    assert gold.content == frozenset({((11, 16), (21, 25))})
    exact = match(gold.source, frozenset({normalise(text, [(0, 5)])}), exact=True)
    assert exact.prf().f1 == 1.0
    loose = match(gold.content, frozenset({((11, 30),)}), exact=False)
    assert loose.prf().f1 == 1.0
    assert match(gold.content, frozenset({((11, 30),)}), exact=True).prf().f1 == 0.0
    miss = match(gold.cue, frozenset({((30, 36),)}), exact=False)
    assert miss.prf().precision == 0.0 and miss.prf().recall == 0.0


EVENTS = (
    "T1\tSource 0 5\tMaren\nT2\tCue 6 10\tsaid\nT3\tContent 11 16;21 25\tthing more\n"
    "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 26 31\twords\nT6\tContent 32 36\there\nT7\tAttribution 26 31\twords\n"
    "E2\tAttribution:T7 Content:T6 Cue:T5\n"
)


def test_attributions_tie_their_spans_as_the_scorer_reads_them() -> None:
    """Training reads the same brat parse as the scorer: every event's fragments are among
    the scored spans, and a missing source stays empty."""
    text = "Maren said thing and more words here"
    events = parse_attributions(text, EVENTS, "x.ann")
    assert events == (
        Attribution(((0, 5),), ((6, 10),), ((11, 16), (21, 25))),
        Attribution((), ((26, 31),), ((32, 36),)),
    )
    spans = parse_ann(text, EVENTS, "x.ann")
    assert {e.cue for e in events} == spans.cue
    with pytest.raises(CorpusError):
        parse_attributions(text, "T1\tSource 0 99\tMaren\n", "bad.ann")

"""Claims on fictional fixtures: number tolerance, dates, negation and denial, attribution
variants as information, wire copies counted once, and span validity."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsrecon.model import Article, Story
from newsrecon.model.findings import Severity
from newsrecon.pipeline import nlp
from newsrecon.pipeline.analysis import StoryInput
from newsrecon.pipeline.claims.compare import compare_facts
from newsrecon.pipeline.claims.facts import Fact, article_facts, attribution_of
from newsrecon.pipeline.claims.stage import claims_stage


def _facts(text: str, article: str = "a") -> list[Fact]:
    doc = next(nlp.parse([text]))
    return [f for f in article_facts(article, article, doc, None) if not f.part]


def _kinds(left: str, right: str) -> list[str]:
    (a,), (b,) = _facts(left, "a"), _facts(right, "b")
    return [d.kind for d in compare_facts(a, b)]


@pytest.mark.parametrize(
    ("left", "right", "kinds"),
    [
        # approximators: over 240 and around 240 agree
        (
            "Gunmen seized over 240 hostages in the raid on Vell.",
            "Gunmen seized around 240 hostages in the raid on Vell.",
            [],
        ),
        (
            "The flood killed roughly 1,200 people in Larrow.",
            "The flood killed 1,200 people in Larrow.",
            [],
        ),
        (
            "The flood killed 1,200 people in Larrow.",
            "The flood killed 3,400 people in Larrow.",
            ["number"],
        ),
        (
            "The flood killed more than 500 people in Larrow.",
            "The flood killed nearly 300 people in Larrow.",
            ["number"],
        ),
        # different counted things are not compared
        (
            "The flood killed 12 people in Larrow.",
            "The flood destroyed 400 homes in Larrow.",
            [],
        ),
        # dates: same event, different month
        (
            "The storm hit the coast of Qestria on March 4.",
            "The storm hit the coast of Qestria on May 4.",
            ["date"],
        ),
        ("The storm hit Qestria on March 4.", "The storm hit Qestria on 4 March.", []),
        # negation, and hedges that never make a negation conflict
        (
            "The council approved the new bridge for Larrow.",
            "The council did not approve the new bridge for Larrow.",
            ["negation"],
        ),
        (
            "The council approved the new bridge for Larrow.",
            "The council may not approve the new bridge for Larrow.",
            [],
        ),
    ],
)
def test_slot_comparison(left: str, right: str, kinds: list[str]) -> None:
    assert _kinds(left, right) == kinds


def _article(aid: str, outlet: str, text: str) -> Article:
    return Article(
        id=aid,
        source=aid,
        format="text",
        text=text,
        content_hash=aid,
        outlet=outlet,
        outlet_basis="metadata",
    )


def _run(articles: list[Article], results: dict[str, tuple[object, ...]] | None = None):  # type: ignore[no-untyped-def]
    docs = dict(zip((a.id for a in articles), nlp.parse(a.text for a in articles), strict=True))
    story = Story(id="s", article_ids=tuple(a.id for a in articles), title="t", parameters={})
    return claims_stage(StoryInput(story, tuple(articles), docs), results or {})


WIRE = (
    "The Venn dam near Larrow burst on Tuesday, flooding 300 homes, the regional water "
    "authority said."
)


def test_wire_copies_count_once() -> None:
    articles = [
        _article("a1", "Daily Larrow", WIRE),
        _article("a2", "Coast Herald", WIRE.replace("Tuesday", "Tuesday night")),
        _article(
            "a3",
            "Valley Post",
            "About 300 homes were flooded when the Venn dam near Larrow burst on Tuesday, "
            "officials of the regional water authority said.",
        ),
    ]
    copied = _run(articles, {"wire_groups": (("a1", "a2"), ("a3",))})
    independent = _run(articles, {"wire_groups": (("a1", "a2", "a3"),)})
    (claim,) = [c for c in copied["claims"] if len(c.outlets) == 3]
    assert claim.independent_sources == 2 and claim.status == "corroborated"
    (same,) = [c for c in independent["claims"] if len(c.outlets) == 3]
    assert same.independent_sources == 1 and same.status == "single_source"


def test_denial_of_a_report_makes_a_disputed_claim() -> None:
    articles = [
        _article(
            "b1",
            "Daily Larrow",
            "The Larrow Courier reported that mayor Ilse Varga sold the old mill to her brother. "
            "Varga dismissed the report as baseless.",
        ),
        _article(
            "b2",
            "Coast Herald",
            "Mayor Ilse Varga sold the old mill to her brother, the Larrow Courier reported.",
        ),
    ]
    out = _run(articles)
    disputed = [c for c in out["claims"] if c.status == "disputed"]
    assert disputed and {"Daily Larrow", "Coast Herald"} <= set(disputed[0].outlets)
    (conflict,) = [c for c in out["conflicts"] if c.kind == "negation"]
    assert conflict.severity is Severity.INFO
    assert [s.value for s in conflict.sides] == ["reported", "denied"]


def test_attribution_variants_are_information_not_errors() -> None:
    articles = [
        _article(
            "c1",
            "Daily Larrow",
            "Governor Tomas Halloran will visit the flooded villages of Qestria on Friday, "
            "state media reported.",
        ),
        _article(
            "c2",
            "Coast Herald",
            "Governor Tomas Halloran will visit the flooded villages of Qestria on Friday, "
            "according to the Qestrian News Agency.",
        ),
    ]
    out = _run(articles)
    kinds = {(c.kind, c.severity) for c in out["conflicts"]}
    assert ("attribution", Severity.INFO) in kinds
    assert not [c for c in out["conflicts"] if c.severity is Severity.ERROR]
    (claim,) = [c for c in out["claims"] if len(c.outlets) == 2]
    assert claim.status == "corroborated"
    assert {s.stance for s in claim.stances} == {"reported_with_attribution"}


def test_date_outlier_is_the_outlet_alone() -> None:
    base = "The dam near Larrow burst on {} and flooded the valley, officials said."
    articles = [
        _article("d1", "Daily Larrow", base.format("March 4")),
        _article("d2", "Coast Herald", base.format("March 4")),
        _article("d3", "Valley Post", base.format("May 4")),
    ]
    out = _run(articles)
    (conflict,) = [c for c in out["conflicts"] if c.kind == "date"]
    assert conflict.outlier == "Valley Post"
    assert all(side.evidence for side in conflict.sides)


_WORDS = st.sampled_from(
    [
        "the",
        "council",
        "said",
        "killed",
        "over",
        "240",
        "1,200",
        "people",
        "on",
        "March",
        "4",
        "not",
        "Larrow",
        "roughly",
        "reported",
        "denied",
        ".",
        ",",
        "hundreds",
        "three",
        "\n",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, min_size=3, max_size=40))
def test_fact_and_slot_spans_index_the_text(words: list[str]) -> None:
    text = " ".join(words)
    doc = next(nlp.parse([text]))
    for fact in article_facts("h", "h", doc, None):
        assert 0 <= fact.start <= fact.end <= len(text)
        assert text[fact.start : fact.end] == fact.text
        for n in fact.numbers:
            assert text[n.start : n.end] == n.text
        for d in fact.dates:
            assert text[d.start : d.end] == d.text


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the sentence's own speech verb credits the claim, not one in a clause before it
        (
            "As Maren Oduya told reporters, the harbour master said the ferry would stop.",
            "harbour master",
        ),
        (
            "When Maren Oduya told the council, the mayor announced that the tram would stop.",
            "mayor",
        ),
        # with only the clause's verb, that one credits
        ("Maren Oduya told reporters that the ferry would stop.", "Maren Oduya"),
    ],
)
def test_the_root_speech_verb_credits_the_claim(text: str, source: str) -> None:
    doc = next(nlp.parse([text]))
    assert attribution_of(next(iter(doc.sents))) == (source, "speech")

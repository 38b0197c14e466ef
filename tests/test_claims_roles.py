"""Names, titles and places in claims; figures compared by elimination; claim ranking; the
verify paraphrase fallback. Fictional sentences only."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsrecon.model import Article, Story
from newsrecon.model.findings import Severity
from newsrecon.pipeline import nlp
from newsrecon.pipeline.analysis import StoryInput
from newsrecon.pipeline.claims.check import opposite_words, slot_coverage
from newsrecon.pipeline.claims.compare import compare_facts
from newsrecon.pipeline.claims.facts import Fact, article_facts
from newsrecon.pipeline.claims.roles import EntityHit, names_match
from newsrecon.pipeline.claims.stage import claims_stage


def _fact(
    text: str, article: str, entities: dict[tuple[str, int], EntityHit] | None = None
) -> Fact:
    doc = next(nlp.parse([text]))
    (fact,) = [f for f in article_facts(article, article, doc, None, entities) if not f.part]
    return fact


def _kinds(left: str, right: str) -> list[str]:
    return [d.kind for d in compare_facts(_fact(left, "a"), _fact(right, "b"))]


@pytest.mark.parametrize(
    ("left", "right", "kinds"),
    [
        # a different person in the same role
        (
            "Mara Vellin won the mayoral race in Larrow on Sunday.",
            "Tomas Okri won the mayoral race in Larrow on Sunday.",
            ["name"],
        ),
        # spelling and transliteration variants, a surname alone: the same person
        (
            "Ahmad Qaderi won the mayoral race in Larrow on Sunday.",
            "Ahmed Ghaderi won the mayoral race in Larrow on Sunday.",
            [],
        ),
        (
            "Mara Vellin won the mayoral race in Larrow on Sunday.",
            "Vellin won the mayoral race in Larrow on Sunday.",
            [],
        ),
        # a different place for the same event
        (
            "The storm hit the coast of Qestria on Tuesday.",
            "The storm hit the coast of Brevonia on Tuesday.",
            ["place"],
        ),
        # one person, two offices
        (
            "Foreign Minister Ilse Varga visited Larrow on Tuesday.",
            "Defense Minister Ilse Varga visited Larrow on Tuesday.",
            ["title"],
        ),
        # an honorific is no office
        (
            "President Ilse Varga visited Larrow on Tuesday.",
            "Mrs. Ilse Varga visited Larrow on Tuesday.",
            [],
        ),
        # both names in both sentences, in other roles: not a replacement
        (
            "Mara Vellin beat Tomas Okri in the mayoral race in Larrow.",
            "Tomas Okri lost to Mara Vellin in the mayoral race in Larrow.",
            [],
        ),
        # figures: one of two changed, compared by elimination
        (
            "The council voted 55 to 21 for the new bridge in Larrow.",
            "The council voted 110 to 21 for the new bridge in Larrow.",
            ["number"],
        ),
        (
            "The council voted 55 to 21 for the new bridge in Larrow.",
            "The council voted 21 to 55 for the new bridge in Larrow.",
            [],
        ),
        # two lower bounds far apart state different figures
        (
            "The flood killed at least 9 people in Larrow.",
            "The flood killed at least 45 people in Larrow.",
            ["number"],
        ),
        (
            "The flood killed at least 40 people in Larrow.",
            "The flood killed at least 45 people in Larrow.",
            [],
        ),
        # weekdays name the day whatever the publication date; a night reaches the next day
        (
            "The dam near Larrow burst on Tuesday, officials said.",
            "The dam near Larrow burst on Friday, officials said.",
            ["date"],
        ),
        (
            "The dam near Larrow burst on Tuesday night, officials said.",
            "The dam near Larrow burst early on Wednesday, officials said.",
            [],
        ),
        # a duration is a figure
        (
            "The siege of Larrow lasted 15 days, the council said.",
            "The siege of Larrow lasted 45 days, the council said.",
            ["number"],
        ),
    ],
)
def test_role_and_figure_comparison(left: str, right: str, kinds: list[str]) -> None:
    assert _kinds(left, right) == kinds


def test_resolved_entities_decide_over_spelling() -> None:
    left = "Ilse Varga opened the new bridge in Larrow on Tuesday."
    right = "Elsa Vargos opened the new bridge in Larrow on Tuesday."
    one = {("a", 0): ("Ilse Varga", "PERSON", "e1"), ("b", 0): ("Ilse Varga", "PERSON", "e1")}
    two = {("a", 0): ("Ilse Varga", "PERSON", "e1"), ("b", 0): ("Elsa Vargos", "PERSON", "e2")}
    same = compare_facts(_fact(left, "a", one), _fact(right, "b", one))
    assert not [d for d in same if d.kind == "name"]
    different = compare_facts(_fact(left, "a", two), _fact(right, "b", two))
    assert [d.kind for d in different] == ["name"]


_NAMES = st.sampled_from(["Qaderi", "Vellin", "Haniyeh", "Mohammed", "Okri", "Zelensky"])
_REWRITES = st.sampled_from([("q", "gh"), ("i", "ee"), ("o", "ou"), ("e", "i"), ("y", "yy")])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_NAMES, _REWRITES)
def test_romanisation_variants_always_match(name: str, rewrite: tuple[str, str]) -> None:
    old, new = rewrite
    variant = name[0] + name[1:].replace(old, new, 1)
    assert names_match(name, variant, "PERSON")
    assert names_match("Ahmad " + name, variant, "PERSON")


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


def _run(articles: list[Article]):  # type: ignore[no-untyped-def]
    docs = dict(zip((a.id for a in articles), nlp.parse(a.text for a in articles), strict=True))
    story = Story(id="s", article_ids=tuple(a.id for a in articles), title="t", parameters={})
    return claims_stage(StoryInput(story, tuple(articles), docs), {})


def test_claims_are_ranked_disputed_and_corroborated_first() -> None:
    lead = "The dam near Larrow burst on {} and flooded 300 homes, officials said."
    tail = (
        " The valley has long been known for its orchards and its quiet roads."
        " Many visitors come to walk along the river in the summer months."
    )
    articles = [
        _article("r1", "Daily Larrow", lead.format("March 4") + tail),
        _article("r2", "Coast Herald", lead.format("March 4")),
        _article("r3", "Valley Post", lead.format("May 4")),
    ]
    out = _run(articles)
    claims = out["claims"]
    assert sorted(c.rank for c in claims) == list(range(1, len(claims) + 1))
    first = min(claims, key=lambda c: c.rank)
    assert first.status == "disputed" and not first.minor
    minor = [c for c in claims if c.minor]
    assert minor and all(c.status == "single_source" for c in minor)
    assert all(c.rank > first.rank for c in minor)
    assert max(c.rank for c in claims if not c.minor) < min(c.rank for c in minor)
    assert any(c.kind == "date" and c.severity is Severity.ERROR for c in out["conflicts"])


def test_slot_coverage_aligns_a_paraphrase_by_its_names_and_figures() -> None:
    claim = _fact("Ilse Varga said 300 homes in Larrow were flooded.", "statement")
    paraphrase = _fact(
        "Floodwater reached some 300 homes across Larrow, according to Ilse Varga.", "a"
    )
    unrelated = _fact("Monks planted the orchards of Brevonia long ago.", "b")
    assert slot_coverage(claim, paraphrase) >= 0.66
    assert slot_coverage(claim, unrelated) == 0.0


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("The bakery in Larrow reported a profit in the spring.", True),
        ("The bakery in Larrow lost money in the spring.", False),
        ("The bakery in Larrow reported a loss in the spring.", False),
    ],
)
def test_opposite_wording_against_the_whole_document(summary: str, flagged: bool) -> None:
    source = (
        "The bakery in Larrow reported a loss in the spring. Sales fell after the bridge closed."
    )
    docs = list(nlp.parse([summary, source]))
    assert bool(opposite_words(docs[0], docs[1])) is flagged

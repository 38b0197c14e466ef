"""The cited summary on fictional stories: extracted, cited faithfully, deterministic."""

from __future__ import annotations

import dataclasses

import pytest
from markupsafe import escape

from newsrecon.model import AnalysisParameters, Span, Story
from newsrecon.model.claims import Claim, ClaimStatus, OutletStance, Stance
from newsrecon.model.dossier import Dossier
from newsrecon.model.findings import Conflict, ConflictSide, Severity
from newsrecon.model.summary import SummarySentence
from newsrecon.pipeline.nlp import get_pipeline
from newsrecon.pipeline.summary.headline import choose_headline
from newsrecon.pipeline.summary.stage import summarise
from newsrecon.report.build import build_document
from newsrecon.report.html import render_html
from newsrecon.report.markdown import escape_inline, render_markdown
from newsrecon.report.sections import lone_outlets
from tests.fixtures import BRIDGE, BRIDGE_2
from tests.test_report_fixtures import article

BRIDGE_3 = """Two spans of the old rail bridge at Larrow fell into the Venn river after midnight, \
the town council said on Wednesday, leaving the town without a rail link to the coast.

Nobody was hurt, council spokeswoman Maren Oduya said. Inspectors had found cracks in a pier \
a week before and the line had been closed since then.

A local shopkeeper said the bridge had been a landmark for a century.
"""


@pytest.fixture(scope="module")
def story() -> tuple[list, dict]:
    nlp = get_pipeline()
    arts = [
        article(1, BRIDGE, outlet="Larrow Post"),
        article(2, BRIDGE_2, outlet="Coast Courier"),
        article(3, BRIDGE_3, outlet="Venn Valley News"),
    ]
    return arts, {a.id: nlp(a.text) for a in arts}


def _faithful(summary: list[SummarySentence], arts: list) -> None:
    texts = {a.id: a.text for a in arts}
    outlet_of = {a.id: a.outlet for a in arts}
    for s in summary:
        ev = s.evidence
        assert texts[ev.article][ev.start : ev.end] == s.text  # a span, not generated prose
        carried = {outlet_of[sp.article] for sp in s.support}
        assert set(s.outlets) <= carried, s  # every cited outlet has a supporting passage
        assert outlet_of[ev.article] in s.outlets


def test_without_claims_sentences_are_extracted_cited_and_deterministic(story) -> None:
    arts, docs = story
    first = summarise(arts, docs)
    again = summarise(list(reversed(arts)), docs)
    assert first == again
    main = [s for s in first if s.kind == "summary"]
    assert 1 <= len(main) <= 8
    _faithful(first, arts)
    # The bridge's collapse is what all three outlets tell: it leads, cited by all three.
    assert len(main[0].outlets) == 3
    assert "bridge" in main[0].text.lower() or "spans" in main[0].text.lower()


def _claim(cid: str, evidence: tuple[Span, ...], outlets: dict[str, Stance], n: int) -> Claim:
    return Claim(
        id=cid,
        text="x",
        evidence=evidence,
        outlets=tuple(o for o, st in outlets.items() if st is not Stance.NOT_MENTIONED),
        stances=tuple(OutletStance(o, st) for o, st in outlets.items()),
        status=ClaimStatus.DISPUTED
        if Stance.CONTRADICTED in outlets.values()
        else (ClaimStatus.CORROBORATED if n > 1 else ClaimStatus.SINGLE_SOURCE),
        independent_sources=n,
    )


def test_with_claims_the_most_corroborated_leads_and_cites_its_carriers(story) -> None:
    arts, docs = story
    a1, a2, a3 = arts
    buses1 = a1.text.index("The regional transport")
    buses2 = a2.text.index("Replacement buses")
    night = a1.text.index("We are lucky")
    cracks3 = a3.text.index("Inspectors had found")
    cracks1 = a1.text.index("Engineers had closed")
    claims = [
        _claim(
            "single",
            (Span(a1.id, night, night + 20),),
            {"Larrow Post": Stance.REPORTED},
            1,
        ),
        _claim(
            "buses",
            (Span(a1.id, buses1, buses1 + 30), Span(a2.id, buses2, buses2 + 30)),
            {
                "Larrow Post": Stance.REPORTED,
                "Coast Courier": Stance.REPORTED_WITH_ATTRIBUTION,
                "Venn Valley News": Stance.NOT_MENTIONED,
            },
            2,
        ),
        _claim(
            "cracks",
            (Span(a3.id, cracks3, cracks3 + 20), Span(a1.id, cracks1, cracks1 + 20)),
            {"Venn Valley News": Stance.REPORTED, "Larrow Post": Stance.CONTRADICTED},
            1,
        ),
    ]
    summary = summarise(arts, docs, claims)
    _faithful(summary, arts)
    main = [s for s in summary if s.kind == "summary"]
    disputed = [s for s in summary if s.kind == "disputed"]
    assert main[0].claim == "buses"
    assert set(main[0].outlets) == {"Larrow Post", "Coast Courier"}
    assert [s.claim for s in disputed] == ["cracks"]
    assert summary == summarise(arts, docs, list(reversed(claims)))


@pytest.mark.parametrize(
    ("independent", "basis_ends"),
    [
        (2, ", 2 independent sources"),
        # the two outlets carry one wire text: they count once, and the basis says so
        (1, ", 1 independent source among 2 outlets (copies of one text count once)"),
    ],
)
def test_basis_says_why_outlets_count_less_than_they_seem(
    story, independent: int, basis_ends: str
) -> None:
    arts, docs = story
    a1, a2, _ = arts
    buses1 = a1.text.index("The regional transport")
    buses2 = a2.text.index("Replacement buses")
    claim = _claim(
        "buses",
        (Span(a1.id, buses1, buses1 + 30), Span(a2.id, buses2, buses2 + 30)),
        {"Larrow Post": Stance.REPORTED, "Coast Courier": Stance.REPORTED},
        independent,
    )
    first = summarise(arts, docs, [claim])[0]
    assert first.claim == "buses" and first.basis.endswith(basis_ends), first.basis


def _untitled(arts: list) -> list:
    return [dataclasses.replace(a, title=None) for a in arts]


def _corroborated(*articles: str) -> Claim:
    return _claim(
        "c" + "".join(articles),
        tuple(Span(a, 0, 5) for a in articles),
        {a: Stance.REPORTED for a in articles},
        len(articles),
    )


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        # no claim: the first article, the story's opener
        ((), "a1"),
        # the article that carries most of what the others confirm heads the dossier
        ((("a2", "a3"), ("a2", "a1"), ("a3", "a1")), "a1"),
        ((("a2", "a3"), ("a2", "a1")), "a2"),
        ((("a3", "a1"), ("a3", "a2")), "a3"),
    ],
)
def test_headline_comes_from_the_most_corroborated_article(
    story, claims: tuple[tuple[str, ...], ...], expected: str
) -> None:
    arts, docs = story
    arts = _untitled(arts)
    headline = choose_headline(arts, docs, [_corroborated(*c) for c in claims])
    assert headline is not None and headline.article == expected
    lead = next(a for a in arts if a.id == expected)
    # an untitled article gives its first sentence, as a span of its text
    assert headline.evidence is not None
    assert lead.text[headline.evidence.start : headline.evidence.end] == headline.text
    assert lead.text.lstrip().startswith(headline.text)
    assert headline.text.endswith(".")


def test_headline_prefers_a_title_on_a_tie_and_ignores_disputed_claims(story) -> None:
    arts, docs = story
    a1, a2, a3 = _untitled(arts)
    a3 = dataclasses.replace(a3, title="Rail bridge falls into the Venn")
    disputed = _claim("d", (Span("a1", 0, 5),), {"a1": Stance.CONTRADICTED}, 2)
    headline = choose_headline([a1, a2, a3], docs, [disputed])
    assert headline is not None
    assert (headline.article, headline.text, headline.evidence) == ("a3", a3.title, None)
    assert headline.basis.startswith("title of")
    assert choose_headline([], docs) is None


def test_dossier_heading_is_the_headline_and_the_story_title_stays(story) -> None:
    arts, docs = story
    arts = _untitled(arts)
    stub = Story("s1", tuple(a.id for a in arts), "Opening words of the first article", {})
    headline = choose_headline(arts, docs, [_corroborated("a2", "a3")])
    dossier = Dossier(story=stub, articles=tuple(arts), headline=(headline,))
    document = build_document([dossier], [], AnalysisParameters(), "test")
    out = document.stories[0]
    assert out.title == stub.title and out.headline is not None
    assert out.headline.evidence is not None and out.headline.evidence.article == "a2"
    markdown = render_markdown(document)
    assert markdown.splitlines()[0] == f"# {escape_inline(out.headline.text)}"
    assert "Headline from:** Coast Courier, article 2" in markdown
    assert escape_inline(stub.title) in markdown
    html = render_html(document)
    assert html.count(str(escape(out.headline.text))) >= 2  # page title and heading


def _conflict(cid: str, severity: Severity, *sides: tuple[str, tuple[str, ...]]) -> Conflict:
    return Conflict(
        id=cid,
        kind=cid,
        severity=severity,
        explanation="x",
        sides=tuple(ConflictSide(v, o, (Span("a1", 0, 3),)) for v, o in sides),
    )


def test_overview_names_the_outlet_standing_alone(story) -> None:
    """One outlet alone against two others on an error-level conflict is named in the
    overview; a one-against-one split, or an info-level difference, names no one."""
    arts, _ = story
    conflicts = (
        _conflict("date", Severity.ERROR, ("May", ("Larrow Post",)), ("June", ("A", "B"))),
        _conflict("title", Severity.ERROR, ("mayor", ("Coast Courier",)), ("aide", ("C",))),
        _conflict("spelling", Severity.INFO, ("Oduya", ("Venn Valley News",)), ("x", ("A", "B"))),
    )
    stub = Story("s1", tuple(a.id for a in arts), "Bridge", {})
    dossier = Dossier(story=stub, articles=tuple(arts), conflicts=conflicts)
    document = build_document([dossier], [], AnalysisParameters(), "test")
    assert lone_outlets(document.stories[0]) == [("Larrow Post", ["date"])]
    markdown = render_markdown(document)
    assert (
        "Stands alone against the other outlets (see Conflicts):** Larrow Post (date)" in markdown
    )
    assert "Stands alone</th>" in render_html(document)

"""Fixture documents shared by the report tests (no tests here): hostile web text, findings
records of the shapes later stages will define, and a large story."""

from __future__ import annotations

from newsrecon.model import AnalysisParameters, Article, Dossier, Rejection, RejectKind, Span, Story
from newsrecon.model.claims import Claim, ClaimStatus, OutletStance, Stance
from newsrecon.model.entities import Alias, Entity
from newsrecon.model.findings import Conflict, ConflictSide, Severity
from newsrecon.model.framing import FramingCell, FramingRow, FramingTerm
from newsrecon.model.quotes import Quote, QuoteKind, SpeakerKind
from newsrecon.model.reuse import Passage, PassageKind, ReusePair
from newsrecon.model.summary import SummarySentence
from newsrecon.report.build import build_document
from newsrecon.report.schema import Document

HOSTILE_TEXT = (
    "Officials said <script>alert(1)</script> was found near the river.\n\n"
    "# Not a heading\n- not a list\n1. not ordered\n> not a quote\n===\n"
    "<img src=x onerror=alert(1)> and [click](javascript:alert(1)) & &amp; &lt;b&gt; &copy;\n\n"
    "    indented `tick` *star* _under_ | pipe | ~~strike~~ costs $5 and $6 \\ back\n"
    '<a href="javascript:alert(2)">link</a> https://example.com/x //cdn.example/y.js\n'
    "```\nfenced\n```\n"
    "[ref]: https://example.com/ref\n"
    "<!-- comment --> <style>body{display:none}</style> ]]> {{ 7*7 }} {% raw %}"
)
HOSTILE_TITLE = '<b onmouseover="alert(5)">Bold</b> & "quoted" {{ title }}'


def article(
    n: int,
    text: str,
    *,
    outlet: str = "Outlet",
    published: str | None = None,
    title: str | None = "Title",
    url: str | None = None,
    source: str | None = None,
) -> Article:
    return Article(
        id=f"a{n}",
        source=source or f"in/{n}.txt",
        format="text",
        text=text,
        content_hash=f"h{n}",
        outlet=outlet,
        outlet_basis="metadata",
        title=title,
        url=url,
        published=published,
        published_basis="metadata" if published else None,
    )


def hostile_document() -> Document:
    """Two articles carrying markup, and findings whose evidence overlaps across paragraphs."""
    hostile = article(
        1,
        HOSTILE_TEXT,
        outlet="Evil <i>Outlet</i>",
        title=HOSTILE_TITLE,
        url="javascript:alert(3)",
        source="<svg onload=alert(4)>.html",
        published="2024-05-02T10:00:00+02:00",
    )
    plain = article(2, "The river rose.\nIt rose again.\n\nOfficials said so.", outlet="Plain")
    script_at = HOSTILE_TEXT.index("<script>")
    outlets = ("Evil <i>Outlet</i>", "Plain")
    claims = (
        Claim(
            id="c1",
            text="Something <b>was</b> found <img src=x onerror=alert(6)>",
            evidence=(Span("a1", 0, script_at + 8), Span("a2", 0, 15)),
            outlets=outlets,
            stances=tuple(OutletStance(o, Stance.REPORTED) for o in outlets),
            status=ClaimStatus.CORROBORATED,
            independent_sources=2,
        ),
        Claim(
            id="c2",
            text="Overlapping and crossing a paragraph break",
            evidence=(Span("a1", script_at, script_at + 90), Span("a2", 10, 40)),
            outlets=outlets,
            stances=(
                OutletStance(outlets[0], Stance.REPORTED),
                OutletStance(outlets[1], Stance.CONTRADICTED),
            ),
            status=ClaimStatus.DISPUTED,
            independent_sources=1,
            attribution="<b>officials</b>",
        ),
    )
    conflict = Conflict(
        id="k1",
        kind="number",
        severity=Severity.ERROR,
        explanation="<script>alert(7)</script> two counts",
        sides=(
            ConflictSide("<i>one</i>", (outlets[0],), (Span("a1", 0, 9),)),
            ConflictSide("two", (outlets[1],), (Span("a2", 4, 9),)),
        ),
    )
    term = FramingTerm("official", "neutral", 1, (Span("a1", 0, 9),))
    framing = FramingRow(
        "framing-source",
        "source",
        "",
        "Sources <b>cited</b>",
        (
            FramingCell(outlets[0], ("a1",), 40, 1, 25.0, (term,)),
            FramingCell(outlets[1], ("a2",), 8, 0, 0.0, ()),
        ),
    )
    summary = (
        SummarySentence(
            1,
            "summary",
            plain.text[:15],
            Span("a2", 0, 15),
            outlets,
            (Span("a2", 0, 15), Span("a1", 0, script_at + 8)),
            "claim c1",
            "c1",
        ),
    )
    story = Story(id="s1", article_ids=("a1", "a2"), title=HOSTILE_TITLE)
    dossier = Dossier(
        story=story,
        articles=(hostile, plain),
        claims=claims,
        conflicts=(conflict,),
        framing=(framing,),
        summary=summary,
        entities=(
            Entity(
                "e1",
                "Officials",
                "ORG",
                (Alias("Officials", outlets),),
                (Span("a1", 0, 9),),
                (outlets[0],),
            ),
            Entity(
                "e2",
                "river",
                "LOC",
                (Alias("river <b>", outlets),),
                (Span("a1", 55, 60),),
                (outlets[0],),
            ),
        ),
        wire_groups=(("a1",), ("a2",)),
    )
    rejected = [Rejection("<b>bad</b>.bin", RejectKind.BINARY, "binary file <NUL> bytes")]
    return build_document([dossier], rejected, AnalysisParameters(), "test-1")


def large_document(articles: int = 50) -> Document:
    """One story of ``articles`` articles from a handful of outlets, with one shared claim."""
    items = tuple(
        article(
            n,
            f"Paragraph one of article {n}.\n\nParagraph two of article {n}, with more words.",
            outlet=f"Outlet {n % 7}",
            published=f"2024-03-{1 + n % 28:02d}",
        )
        for n in range(1, articles + 1)
    )
    outlets = tuple(sorted({a.outlet for a in items}))
    claim = Claim(
        id="c1",
        text="Every article has two paragraphs",
        evidence=tuple(Span(a.id, 0, 13) for a in items),
        outlets=outlets,
        stances=tuple(OutletStance(o, Stance.REPORTED) for o in outlets),
        status=ClaimStatus.CORROBORATED,
        independent_sources=len(outlets),
    )
    story = Story(id="big", article_ids=tuple(a.id for a in items), title="A large story")
    dossier = Dossier(story=story, articles=items, claims=(claim,))
    return build_document([dossier], [], AnalysisParameters(), "test-1")


QUOTED = "“We will rebuild the pier,” the mayor said."
PLAIN = "The mayor said the pier would be rebuilt."


def quote_marks_document() -> Document:
    """Two articles: one quotes with its own marks, the other paraphrases (a conflict's sides)."""
    first = article(1, QUOTED, outlet="Quoting")
    second = article(2, PLAIN, outlet="Paraphrasing")
    quote_end = QUOTED.index("the mayor")
    conflict = Conflict(
        id="k1",
        kind="attribution",
        severity=Severity.INFO,
        explanation="one outlet quotes, the other paraphrases",
        sides=(
            ConflictSide("direct", ("Quoting",), (Span("a1", 0, quote_end - 1),)),
            ConflictSide("indirect", ("Paraphrasing",), (Span("a2", 0, len(PLAIN)),)),
        ),
    )
    story = Story(id="s1", article_ids=("a1", "a2"), title="Pier")
    dossier = Dossier(story=story, articles=(first, second), conflicts=(conflict,))
    return build_document([dossier], [], AnalysisParameters(), "test-1")


def reuse_document() -> Document:
    """Two articles sharing one copied passage, and a quote: the pair's sides and the quote's
    article are bare article ids."""
    text = "The pier reopened on Monday after repairs. Crowds came."
    first = article(1, text, outlet="Copier <b>one</b>")
    second = article(2, text.replace("Crowds came.", "Few came."), outlet="Wire")
    shared = len("The pier reopened on Monday after repairs.")
    pair = ReusePair(
        "a1",
        "a2",
        (Passage(Span("a1", 0, shared), Span("a2", 0, shared), 1.0, PassageKind.NARRATIVE, 7),),
        0.8,
        0.8,
        7,
    )
    story = Story(id="s1", article_ids=("a1", "a2"), title="Pier")
    quote = Quote(
        id="q1",
        article="a1",
        outlet=first.outlet,
        speaker="Crowds",
        speaker_span=Span("a1", shared + 1, shared + 7),
        speaker_entity=None,
        speaker_kind=SpeakerKind.PERSON,
        cue=None,
        content=Span("a1", 0, shared),
        kind=QuoteKind.INDIRECT,
    )
    dossier = Dossier(story=story, articles=(first, second), reuse=(pair,), quotes=(quote,))
    return build_document([dossier], [], AnalysisParameters(), "test-1")

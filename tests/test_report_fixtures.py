"""Fixture documents shared by the report tests (no tests here): hostile web text, findings
records of the shapes later stages will define, and a large story."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from newsrecon.model import AnalysisParameters, Article, Dossier, Rejection, RejectKind, Span, Story
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


class Stance(StrEnum):
    SUPPORTS = "supports"
    DISPUTES = "disputes"


@dataclass(frozen=True, slots=True)
class Mention:
    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class Claim:
    text: str
    stance: Stance
    confidence: float
    evidence: tuple[Span, ...]
    mentions: tuple[Mention, ...] = ()
    extra: dict[str, object] | None = None


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
    claims = (
        Claim(
            text="Something <b>was</b> found",
            stance=Stance.SUPPORTS,
            confidence=0.75,
            evidence=(Span("a1", 0, script_at + 8), Span("a2", 0, 15)),
            mentions=(Mention("river", Span("a2", 4, 9)),),
            extra={"note": "<img src=x onerror=alert(6)>", "flag": True},
        ),
        Claim(
            text="Overlapping and crossing a paragraph break",
            stance=Stance.DISPUTES,
            confidence=0.5,
            evidence=(Span("a1", script_at, script_at + 90), Span("a2", 10, 40)),
        ),
    )
    story = Story(id="s1", article_ids=("a1", "a2"), title=HOSTILE_TITLE)
    dossier = Dossier(
        story=story,
        articles=(hostile, plain),
        claims=claims,
        entities=(Mention("Officials", Span("a1", 0, 9)), Mention("river", Span("a1", 55, 60))),
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
    claim = Claim(
        text="Every article has two paragraphs",
        stance=Stance.SUPPORTS,
        confidence=1.0,
        evidence=tuple(Span(a.id, 0, 13) for a in items),
    )
    story = Story(id="big", article_ids=tuple(a.id for a in items), title="A large story")
    dossier = Dossier(story=story, articles=items, claims=(claim,))
    return build_document([dossier], [], AnalysisParameters(), "test-1")

"""The dossier as one self-contained HTML page: no network, readable without JavaScript.

Everything from the document is text: Jinja2 autoescapes it, and only our own stylesheet and
script are marked safe. The Content-Security-Policy allows exactly those two by hash, so even
markup that slipped through could neither run nor fetch anything. Article URLs are shown as
text, never links, so nothing on the page reaches the network.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from newsrecon.report import views
from newsrecon.report.schema import ArticleOut, Document, DossierOut, iter_spans
from newsrecon.report.sections import (
    article_title,
    columns,
    document_title,
    findings,
    is_enclosed,
    is_span,
    label,
    lone_outlets,
    outlet_counts,
    present_sections,
    scalar,
    story_heading,
)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class Segment:
    """``text[start:end]``, covered by evidence of ``findings`` (outermost mark first)."""

    start: int
    end: int
    text: str
    findings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticleRef:
    anchor: str
    label: str


@dataclass(frozen=True, slots=True)
class FindingRow:
    id: str
    number: int
    item: dict[str, Any]
    label: str
    has_evidence: bool


@dataclass(frozen=True, slots=True)
class SectionView:
    anchor: str
    title: str
    columns: list[str]
    rows: list[FindingRow]


@dataclass(frozen=True, slots=True)
class ArticleView:
    anchor: str
    number: int
    article: ArticleOut
    paragraphs: list[list[Segment]]


@dataclass(frozen=True, slots=True)
class StoryView:
    anchor: str
    story: DossierOut
    outlets: list[tuple[str, int]]
    sections: list[SectionView]
    articles: list[ArticleView]
    refs: dict[str, ArticleRef]
    toc: list[tuple[str, str, int]]
    special: dict[str, Any]
    registry: dict[str, Any]


# Sections drawn by a dedicated view (see views.py); the others use the generic table.
SPECIAL = (
    "summary",
    "claims",
    "conflicts",
    "statements",
    "entities",
    "timeline",
    "reuse",
    "framing",
)


def render_html(doc: Document) -> str:
    css, js = _asset("dossier.css"), _asset("dossier.js")
    csp = (
        "default-src 'none'; "
        f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    template = _environment().get_template("dossier.html.j2")
    return template.render(
        doc=doc,
        title=document_title(doc),
        stories=[story_view(n, story) for n, story in enumerate(doc.stories, 1)],
        article_total=sum(len(s.articles) for s in doc.stories),
        level=1 if len(doc.stories) == 1 else 2,
        csp=csp,
        css=Markup(css),  # noqa: S704 - our own packaged stylesheet, never document data
        js=Markup(js),  # noqa: S704 - our own packaged script, never document data
    )


def segment(
    text: str, marks: Iterable[tuple[int, int, str]], breaks: Iterable[int] = ()
) -> list[Segment]:
    """Cut ``text`` into the fewest consecutive segments with constant marks, and at every
    offset in ``breaks``.

    ``marks`` are ``(start, end, finding_id)`` and may overlap; each segment lists the findings
    covering it, in the order the findings first appear in ``marks``, so overlapping evidence
    still shows each character exactly once. Empty marks are ignored; offsets are clamped to
    the text.
    """
    size = len(text)
    opens: dict[int, list[str]] = defaultdict(list)
    closes: dict[int, list[str]] = defaultdict(list)
    order: dict[str, int] = {}
    bounds = {0, size}
    for start, end, finding in marks:
        start, end = max(0, min(start, size)), max(0, min(end, size))
        if start >= end:
            continue
        order.setdefault(finding, len(order))
        opens[start].append(finding)
        closes[end].append(finding)
        bounds.update((start, end))
    cuts = {b for b in breaks if 0 < b < size}
    edges = sorted(bounds | cuts)
    depth: dict[str, int] = defaultdict(int)
    runs: list[tuple[int, int, tuple[str, ...]]] = []
    for start, end in itertools.pairwise(edges):
        for finding in closes.get(start, ()):
            depth[finding] -= 1
        for finding in opens.get(start, ()):
            depth[finding] += 1
        covering = tuple(sorted((f for f, d in depth.items() if d > 0), key=order.__getitem__))
        if runs and runs[-1][2] == covering and start not in cuts:
            # Nested spans of the same findings (a mention inside a quote) need no new mark.
            runs[-1] = (runs[-1][0], end, covering)
        else:
            runs.append((start, end, covering))
    return [Segment(start, end, text[start:end], covering) for start, end, covering in runs]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each paragraph: text between blank lines, blank lines excluded."""
    ranges, start = [], 0
    for gap in _PARAGRAPH_BREAK.finditer(text):
        ranges.append((start, gap.start()))
        start = gap.end()
    ranges.append((start, len(text)))
    return [(s, e) for s, e in ranges if text[s:e].strip()]


def story_view(number: int, story: DossierOut) -> StoryView:
    anchor = f"story-{number}"
    refs = {
        a.id: ArticleRef(f"{anchor}-article-{n}", f"{a.outlet}, article {n}")
        for n, a in enumerate(story.articles, 1)
    }
    marks: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    counter = itertools.count(1)
    registry: dict[str, Any] = {}

    def register(item: Any) -> str:
        finding_id = f"{anchor}-f{next(counter)}"
        registry[finding_id] = item
        for span in iter_spans(item):
            marks[span["article"]].append((span["start"], span["end"], finding_id))
        return finding_id

    outlets = sorted({a.outlet for a in story.articles})
    outlet_of = {a.id: a.outlet for a in story.articles}
    special = _special_views(story, outlets, outlet_of, register)
    sections, toc = [], []
    for section in present_sections(story):
        items = findings(story, section)
        toc.append((f"{anchor}-{section.field}", section.title, len(items)))
        if section.field in special:
            continue
        rows = []
        for n, item in enumerate(items, 1):
            spans = list(iter_spans(item))
            rows.append(FindingRow(register(item), n, item, f"{section.title} {n}", bool(spans)))
        sections.append(
            SectionView(f"{anchor}-{section.field}", section.title, columns(items), rows)
        )
    articles = [
        ArticleView(refs[a.id].anchor, n, a, _article_paragraphs(a.text, marks.get(a.id, [])))
        for n, a in enumerate(story.articles, 1)
    ]
    return StoryView(
        anchor, story, outlet_counts(story), sections, articles, refs, toc, special, registry
    )


def _special_views(
    story: DossierOut, outlets: list[str], outlet_of: dict[str, str], register: views.Register
) -> dict[str, Any]:
    """The dedicated views of the sections whose records have the expected shape."""
    out: dict[str, Any] = {}
    by_field = {s.field: findings(story, s) for s in present_sections(story)}
    if "summary" in by_field:
        out["summary"] = views.summary(by_field["summary"], register)
    if "claims" in by_field:
        table = views.matrix(by_field["claims"], outlets, register)
        if table is not None:
            out["claims"] = table
    for name in ("conflicts", "statements", "entities"):
        if name in by_field:
            out[name] = views.entries(by_field[name], register)
    if "timeline" in by_field:
        events = views.entries(by_field["timeline"], register)
        chart = views.timeline_chart(events)
        out["timeline"] = (events, chart)
    if "reuse" in by_field:
        pairs = [i for i in by_field["reuse"] if "article_a" in i]
        groups = [i for i in by_field["reuse"] if "articles" in i and "article_a" not in i]
        out["reuse"] = (
            views.entries(pairs, register),
            groups,
            views.reuse_chart(pairs, outlet_of),
        )
    if "framing" in by_field:
        out["framing"] = views.framing(by_field["framing"], register)
    return out


def _article_paragraphs(text: str, marks: Sequence[tuple[int, int, str]]) -> list[list[Segment]]:
    ranges = paragraphs(text)
    cuts = [offset for r in ranges for offset in r]
    pieces = segment(text, marks, cuts)
    out: list[list[Segment]] = []
    i = 0
    for start, end in ranges:
        while i < len(pieces) and pieces[i].start < start:
            i += 1
        para = []
        while i < len(pieces) and pieces[i].end <= end:
            para.append(pieces[i])
            i += 1
        out.append(para)
    return out


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("newsrecon.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["label"] = label
    env.filters["scalar"] = scalar
    env.filters["article_title"] = article_title
    env.filters["story_heading"] = story_heading
    env.filters["lone_outlets"] = lone_outlets
    env.tests["span"] = is_span
    env.tests["enclosed"] = is_enclosed
    env.filters["stance"] = lambda v: views.STANCE_MARKS.get(str(v), ("?", str(v)))[1]
    return env


@cache
def _asset(name: str) -> str:
    return (resources.files("newsrecon.report") / "templates" / name).read_text("utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from collections.abc import Callable
from importlib import resources

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsrecon.report.html import paragraphs, render_html, segment, story_view
from newsrecon.report.schema import Document, iter_spans
from tests.test_report_fixtures import (
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    hostile_document,
    large_document,
    reuse_document,
)

OWN_JS = (resources.files("newsrecon.report") / "templates" / "dossier.js").read_text("utf-8")


def _tree(doc: Document) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(render_html(doc))


@pytest.fixture(scope="module")
def hostile() -> tuple[Document, lxml.html.HtmlElement]:
    doc = hostile_document()
    return doc, _tree(doc)


def test_only_our_own_script_runs(hostile: tuple[Document, lxml.html.HtmlElement]) -> None:
    _, tree = hostile
    scripts = tree.xpath("//script")
    assert [s.text for s in scripts] == [OWN_JS]
    assert not [(e.tag, a) for e in tree.iter() for a in e.attrib if a.lower().startswith("on")]
    for tag in ("img", "svg", "iframe", "object", "embed", "link", "base", "form", "b", "i"):
        assert not tree.xpath(f"//{tag}"), tag


def test_nothing_links_or_loads_from_outside(
    hostile: tuple[Document, lxml.html.HtmlElement],
) -> None:
    _, tree = hostile
    assert all(h.startswith("#") for h in tree.xpath("//@href"))
    assert not tree.xpath("//@src | //@srcset | //@action | //@formaction | //@data")
    for value in tree.xpath("//@*"):
        assert not re.search(r"https?:|//|javascript:", value, re.I), value
    style = "".join(s.text for s in tree.xpath("//style"))
    assert not re.search(r"url\(|@import|https?:|//", style, re.I)
    assert not re.search(r"https?:|fetch\(|XMLHttpRequest|import\(|\.src\b", OWN_JS)


def test_csp_forbids_the_network_and_admits_only_our_assets(
    hostile: tuple[Document, lxml.html.HtmlElement],
) -> None:
    _, tree = hostile
    head = tree.find("head")
    assert head[0].get("charset") == "utf-8"
    (csp,) = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert "default-src 'none'" in csp
    assert "unsafe" not in csp
    for element in tree.xpath("//style | //script"):
        digest = base64.b64encode(hashlib.sha256(element.text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


@pytest.mark.parametrize(
    "literal",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(2)">link</a>',
        "&amp; &lt;b&gt; &copy;",
        "{{ 7*7 }} {% raw %}",
        "javascript:alert(3)",
        "<svg onload=alert(4)>.html",
        "<img src=x onerror=alert(6)>",
        "binary file <NUL> bytes",
        HOSTILE_TITLE,
    ],
)
def test_markup_in_the_document_reads_as_literal_text(
    hostile: tuple[Document, lxml.html.HtmlElement], literal: str
) -> None:
    _, tree = hostile
    assert literal in tree.find("body").text_content()


@pytest.mark.parametrize("make", [hostile_document, lambda: large_document(50)])
def test_article_text_round_trips_paragraph_by_paragraph(make: Callable[[], Document]) -> None:
    doc = make()
    tree = _tree(doc)
    for story_no, story in enumerate(doc.stories, 1):
        for n, article in enumerate(story.articles, 1):
            (box,) = tree.xpath(
                f'//*[@id="story-{story_no}-article-{n}"]//*[@class="article-text"]'
            )
            shown = [p.text_content() for p in box.xpath("./p")]
            assert shown == [article.text[s:e] for s, e in paragraphs(article.text)]


@pytest.mark.parametrize("make", [hostile_document, lambda: large_document(50)])
def test_each_finding_marks_exactly_its_evidence(make: Callable[[], Document]) -> None:
    doc = make()
    tree = _tree(doc)
    controls = {c.get("data-finding") for c in tree.xpath("//*[@data-finding]")}
    marked = {f for m in tree.xpath("//mark/@data-findings") for f in m.split()}
    view = story_view(1, doc.stories[0])
    with_evidence = {f for f, item in view.registry.items() if list(iter_spans(item))}
    assert marked == with_evidence
    assert with_evidence <= controls
    story = doc.stories[0]
    for finding_id in with_evidence:
        item = view.registry[finding_id]
        for n, article in enumerate(story.articles, 1):
            covered = {
                i
                for span in iter_spans(item)
                if span["article"] == article.id
                for i in range(span["start"], span["end"])
            }
            in_paragraphs = {i for s, e in paragraphs(article.text) for i in range(s, e)}
            expected = "".join(article.text[i] for i in sorted(covered & in_paragraphs))
            card = tree.get_element_by_id(f"story-1-article-{n}")
            marks = [
                m
                for m in card.xpath(".//mark[@data-findings]")
                if finding_id in m.get("data-findings").split()
            ]
            assert "".join(m.text_content() for m in marks) == expected


@pytest.mark.parametrize(
    ("articles", "levels"), [(5, ["h1", "h2", "h3"]), (50, ["h1", "h2", "h3"])]
)
def test_page_structure_scales(articles: int, levels: list[str]) -> None:
    tree = _tree(large_document(articles))
    assert len(tree.xpath("//h1")) == 1
    assert {e.tag for e in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")} == set(levels)
    assert len(tree.xpath('//*[@class="reading-grid"]/article')) == articles
    assert len(tree.xpath('//nav[@class="toc"]//a')) == 5  # overview, claims, reading, ...
    outlets = tree.xpath('//ul[@class="inline-list"]/li')
    assert len(outlets) == min(articles, 7)
    assert len(tree.xpath('//details[@class="article-index"]//li')) == articles
    ids = tree.xpath("//@id")
    assert len(ids) == len(set(ids))
    for target in tree.xpath("//@href | //@aria-labelledby"):
        assert target.lstrip("#") in ids, target


def test_print_and_narrow_screens_get_one_column() -> None:
    css = (resources.files("newsrecon.report") / "templates" / "dossier.css").read_text("utf-8")
    for media in ("@media print", "@media (max-width: 48rem)"):
        block = css[css.index(media) :]
        block = block[: block.index("\n}\n")]
        assert ".reading-grid" in block, media


@st.composite
def text_and_marks(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]], list[int]]:
    text = draw(st.text(alphabet="ab \n", max_size=40))
    offsets = st.integers(-2, len(text) + 2)
    marks = draw(st.lists(st.tuples(offsets, offsets, st.sampled_from("xyz")), max_size=8))
    breaks = draw(st.lists(offsets, max_size=4))
    return text, marks, breaks


@given(text_and_marks())
def test_segments_cover_the_text_once_with_the_marks_that_cover_them(
    data: tuple[str, list[tuple[int, int, str]], list[int]],
) -> None:
    text, marks, breaks = data
    segments = segment(text, marks, breaks)
    assert "".join(s.text for s in segments) == text
    assert all(s.text == text[s.start : s.end] and s.start < s.end for s in segments)
    assert [s.start for s in segments[1:]] == [s.end for s in segments[:-1]]
    edges = {s.start for s in segments}
    assert {b for b in breaks if 0 < b < len(text)} <= edges
    for s in segments:
        for i in range(s.start, s.end):
            covering = {f for a, b, f in marks if max(a, 0) <= i < min(b, len(text))}
            assert set(s.findings) == covering
        assert len(set(s.findings)) == len(s.findings)
    for before, after in itertools.pairwise(segments):
        assert before.findings != after.findings or after.start in breaks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("one", [(0, 3)]),
        ("one\ntwo", [(0, 7)]),
        ("one\n\ntwo", [(0, 3), (5, 8)]),
        ("one\n  \n\n two\n", [(0, 3), (9, 13)]),
        ("\n\none", [(2, 5)]),
    ],
)
def test_paragraphs(text: str, expected: list[tuple[int, int]]) -> None:
    assert paragraphs(text) == expected


@given(st.text(alphabet="ab \t\n", max_size=40))
def test_paragraphs_leave_out_only_whitespace(text: str) -> None:
    ranges = paragraphs(text)
    kept = {i for s, e in ranges for i in range(s, e)}
    assert all(text[i].isspace() for i in range(len(text)) if i not in kept)
    assert all(text[s:e].strip() and "\n\n" not in text[s:e] for s, e in ranges)
    assert [s for s, _ in ranges] == sorted(s for s, _ in ranges)


def test_hostile_fixture_really_is_hostile() -> None:
    # Guards the fixture: if its markup were lost the escaping tests would pass vacuously.
    assert "<script>" in HOSTILE_TEXT and "onerror" in HOSTILE_TEXT
    assert "<" in HOSTILE_TITLE


def test_article_ids_link_to_their_articles() -> None:
    """A bare article id in a finding (a quote's article) is a link to the article, labelled by
    outlet and number, the id in its title; the outlet stays text."""
    tree = _tree(reuse_document())
    (first,) = tree.xpath("//a[@title='article a1']")
    assert first.text_content() == "Copier <b>one</b>, article 1"
    assert not first.xpath(".//b")
    (target,) = tree.xpath(f"//*[@id='{first.get('href')[1:]}']")
    assert "Copier <b>one</b>" in target.text_content()

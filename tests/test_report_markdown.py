from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from newsrecon.report.markdown import escape_block, escape_inline, render_markdown
from newsrecon.report.schema import ArticleOut, Document
from newsrecon.report.sections import article_title
from tests.test_report_fixtures import (
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    hostile_document,
    large_document,
    reuse_document,
)

# CommonMark with raw HTML on, as viewers render it, plus GitHub's tables and strikethrough.
MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

# Token types that would mean the text was read as markup rather than as words.
MARKUP = {
    "html_block",
    "html_inline",
    "link_open",
    "image",
    "fence",
    "code_block",
    "code_inline",
    "blockquote_open",
    "table_open",
    "s_open",
    "em_open",
    "strong_open",
    "heading_open",
    "bullet_list_open",
    "ordered_list_open",
    "hr",
}


def _tokens(markdown: str) -> list[Token]:
    out = []
    for token in MD.parse(markdown):
        out.append(token)
        out.extend(token.children or [])
    return out


def _words(text: str) -> str:
    return " ".join(text.split())


def _rendered_text(markdown: str) -> str:
    html = MD.render(markdown)
    return lxml.html.fragment_fromstring(html, create_parent="div").text_content() if html else ""


# Printable text with newlines, weighted towards what Markdown and HTML treat as markup.
MARKUP_PIECES = [*"#*_-+=>`~|[]()!<>&;\\$:/.1234567890 \t\n", "&amp;", "<b>", "1.", "    ", "\n\n"]
text_strategy = st.lists(
    st.one_of(
        st.sampled_from(MARKUP_PIECES),
        st.characters(blacklist_categories=("Cc", "Cs"), max_codepoint=0x2FFF),
    ),
    max_size=60,
).map("".join)


@given(text_strategy)
def test_escaped_block_renders_exactly_its_words_and_no_markup(text: str) -> None:
    markdown = escape_block(text)
    kinds = {t.type for t in _tokens(markdown)}
    assert not kinds & MARKUP, markdown
    assert _words(_rendered_text(markdown)) == _words(text)


@given(text_strategy)
def test_escaped_inline_text_stays_text_inside_a_line(text: str) -> None:
    markdown = f"Lead: {escape_inline(text)}"
    assert not {t.type for t in _tokens(markdown)} & MARKUP, markdown
    assert _words(_rendered_text(markdown)) == _words(f"Lead: {text}")


@pytest.mark.parametrize(
    "literal",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(2)">link</a>',
        "&amp; &lt;b&gt; &copy;",
        "# Not a heading",
        "- not a list",
        "1. not ordered",
        "> not a quote",
        "javascript:alert(3)",
        "<svg onload=alert(4)>.html",
        HOSTILE_TITLE,
    ],
)
def test_hostile_article_text_reads_literally(literal: str) -> None:
    markdown = render_markdown(hostile_document())
    html = MD.render(markdown)
    tree = lxml.html.document_fromstring(html)
    assert literal in tree.text_content()
    assert not tree.xpath("//script | //img | //svg | //a | //style | //iframe")
    assert not [n for n in tree.iter() if any(a.lower().startswith("on") for a in n.attrib)]


def test_markdown_structure_lists_findings_articles_and_rejections() -> None:
    doc = hostile_document()
    markdown = render_markdown(doc)
    headings = [
        t.content for t in _tokens(markdown) if t.type == "inline" and t.map and t.level == 1
    ]
    html = MD.render(markdown)
    tree = lxml.html.document_fromstring(html)
    titles = [h.text_content() for h in tree.xpath("//h1 | //h2 | //h3")]
    assert titles[0] == HOSTILE_TITLE
    assert titles[1:] == [
        "Summary (1)",
        "Claims and corroboration (2)",
        "Conflicts (1)",
        "Entities (2)",
        "Framing",
        "Sources cited",
        "Articles (2)",
        f"1. {HOSTILE_TITLE}",
        "2. Title",
        "Not analysed (1)",
    ]
    assert headings  # the parse found block content at all
    assert "binary file <NUL> bytes" in tree.text_content()
    text = tree.text_content()
    assert _words(HOSTILE_TEXT.replace("    ", "")) in _words(text)


def test_many_stories_nest_under_one_title() -> None:
    big = large_document(5)
    doc = Document(
        pipeline_version="v",
        parameters={},
        stories=[big.stories[0], hostile_document().stories[0]],
        rejected=[],
    )
    tree = lxml.html.document_fromstring(MD.render(render_markdown(doc)))
    assert [h.text_content() for h in tree.xpath("//h1")] == ["newsrecon dossier: 2 stories"]
    assert [h.text_content() for h in tree.xpath("//h2")][:2] == ["A large story", HOSTILE_TITLE]
    assert len(tree.xpath("//h4")) == 5 + 2 + 1  # articles of both stories, one framing table


def test_article_ids_are_named_by_outlet_and_number() -> None:
    """A bare article id (a reuse pair's side) reads as the spans' citations do, id kept."""
    text = _rendered_text(render_markdown(reuse_document()))
    assert "Article a: Copier <b>one</b>, article 1 (a1)" in text
    assert "Article b: Wire, article 2 (a2)" in text
    assert "Article: Copier <b>one</b>, article 1 (a1)" in text


@pytest.mark.parametrize(
    ("title", "text", "label"),
    [
        ("Pier reopens", "The pier reopened on Monday.", "Pier reopens"),
        (None, "The pier reopened on Monday.", "(untitled) The pier reopened on Monday."),
        (
            "  ",
            "One two three four five six seven eight nine ten eleven twelve thirteen.",
            "(untitled) One two three four five six seven eight nine ten eleven twelve…",
        ),
        (None, "", "(untitled)"),
    ],
)
def test_untitled_articles_are_named_by_their_first_words(
    title: str | None, text: str, label: str
) -> None:
    article = ArticleOut(
        id="a1",
        source="in/1.txt",
        outlet="Gazette",
        outlet_basis="file_name",
        title=title,
        url=None,
        published=None,
        published_basis=None,
        language="en",
        text=text,
    )
    assert article_title(article) == label

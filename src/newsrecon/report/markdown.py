"""The dossier as Markdown, for reading in an editor or a repository viewer.

Article text comes from the web and Markdown viewers render inline HTML, so every piece of
text from the document is escaped: HTML's ``<``, ``>`` and ``&`` become entities, inline
markup characters are backslash-escaped, and a line is never allowed to start a heading, list,
quote, table, fence or code block. What a viewer shows is the article's words, never its markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from newsrecon.report import markdown_views
from newsrecon.report.schema import ArticleOut, Document, DossierOut
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

_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
# Characters that start inline markup anywhere in a line (GitHub also renders $math$).
_INLINE = re.compile(r"[\\`*_\[\]|~$<>&]")
# What makes a line a block: ATX headings, list bullets, setext underlines, ordered lists.
_BLOCK_START = re.compile(r"[#+=-]|\d{1,9}(?=[.)])")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def render_markdown(doc: Document) -> str:
    single = len(doc.stories) == 1
    lines = [f"# {escape_inline(document_title(doc))}", ""]
    for story in doc.stories:
        lines += _story(story, level=2 if single else 3, heading=not single)
    lines += _rejected(doc)
    lines += _colophon(doc)
    return "\n".join(lines).rstrip("\n") + "\n"


def escape_inline(text: str) -> str:
    """``text`` on one line (whitespace runs become one space), safe inside a line of Markdown.

    Not at a line start: there, :func:`_guard_line_start` must also apply.
    """
    return _escape_chars(" ".join(text.split()))


def escape_block(text: str) -> str:
    """Multi-line ``text`` as Markdown paragraphs that render exactly its words.

    Blank lines separate paragraphs; single line breaks become hard breaks. Leading
    indentation is dropped, since four spaces would make a code block.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        lines = [
            _guard_line_start(_escape_chars(line.strip(" \t"))) for line in paragraph.split("\n")
        ]
        paragraphs.append("\\\n".join(line for line in lines if line))
    return "\n\n".join(p for p in paragraphs if p)


def _escape_chars(text: str) -> str:
    return _INLINE.sub(lambda m: _ENTITIES.get(m[0], "\\" + m[0]), text)


def _guard_line_start(out: str) -> str:
    """Escape what would make an (already escaped) line a heading or a list item."""
    block = _BLOCK_START.match(out)
    if block is None:
        return out
    if block[0][0].isdigit():
        return out[: block.end()] + "\\" + out[block.end() :]
    return "\\" + out


def _story(story: DossierOut, level: int, heading: bool) -> list[str]:
    h = "#" * level
    lines = [f"{'#' * (level - 1)} {escape_inline(story_heading(story))}", ""] if heading else []
    numbers = {a.id: n for n, a in enumerate(story.articles, 1)}
    outlets = {a.id: a.outlet for a in story.articles}
    lines += _overview(story, numbers, outlets)
    outlet_names = sorted({a.outlet for a in story.articles})
    for section in present_sections(story):
        items = findings(story, section)
        special = _special(section.field, items, outlet_names, numbers, outlets, h)
        if special is not None:
            lines += special
            continue
        lines += [f"{h} {section.title} ({len(items)})", ""]
        for n, item in enumerate(items, 1):
            marker = f"{n}. "
            body = _mapping(item, numbers, outlets) or ["- (no fields)"]
            lines.append(marker + body[0])
            lines += [" " * len(marker) + line for line in body[1:]]
        lines.append("")
    lines += [f"{h} Articles ({len(story.articles)})", ""]
    for n, article in enumerate(story.articles, 1):
        lines += _article(article, n, h + "#")
    return lines


def _special(
    field: str,
    items: list[dict[str, Any]],
    outlet_names: list[str],
    numbers: Mapping[str, int],
    outlets: Mapping[str, str],
    h: str,
) -> list[str] | None:
    """The dedicated Markdown view of a section, or None for the generic list."""

    def where(article: str) -> str:
        return _where(article, numbers, outlets)

    if field == "summary":
        return markdown_views.summary(items, where, escape_inline, h)
    if field == "claims":
        return markdown_views.matrix(items, outlet_names, escape_inline, h)
    if field == "framing":
        return markdown_views.framing(items, escape_inline, h)
    return None


def _overview(
    story: DossierOut, numbers: Mapping[str, int], outlet_of: Mapping[str, str]
) -> list[str]:
    o = story.overview
    outlets = ", ".join(f"{escape_inline(name)} ({count})" for name, count in outlet_counts(story))
    if o.first_published and o.last_published:
        dates = escape_inline(
            o.first_published
            if o.first_published == o.last_published
            else f"{o.first_published} to {o.last_published}"
        )
    else:
        dates = "unknown"
    return [
        f"- **Articles:** {o.article_count}",
        "- **Independent sources:** "
        + (
            f"{o.independent_sources} (outlets left once wire copies are merged)"
            if o.independent_sources is not None
            else "unknown (text reuse not analysed)"
        ),
        f"- **Outlets ({len(o.outlets)}):** {outlets or '—'}",
        f"- **Published:** {dates}",
        *_lone_line(story),
        *_headline_line(story, numbers, outlet_of),
        "",
    ]


def _lone_line(story: DossierOut) -> list[str]:
    lone = lone_outlets(story)
    if not lone:
        return []
    listed = "; ".join(
        f"{escape_inline(outlet)} ({escape_inline(', '.join(kinds))})" for outlet, kinds in lone
    )
    return [f"- **Stands alone against the other outlets (see Conflicts):** {listed}"]


def _headline_line(
    story: DossierOut, numbers: Mapping[str, int], outlet_of: Mapping[str, str]
) -> list[str]:
    headline = story.headline
    if headline is None:
        return []
    where = (
        f"{escape_inline(outlet_of[headline.article])}, article {numbers[headline.article]}"
        if headline.article in numbers
        else escape_inline(headline.article)
    )
    return [
        f"- **Headline from:** {where}; {escape_inline(headline.basis)}",
        f"- **Story title:** {escape_inline(story.title)} (from the article that opened the story)",
    ]


def _mapping(
    item: Mapping[str, Any], numbers: Mapping[str, int], outlets: Mapping[str, str]
) -> list[str]:
    """A record as a bullet list, one field a line; nested records become nested lists."""
    lines = []
    for key in columns([item]):
        value = item[key]
        head = f"- **{escape_inline(label(key))}:**"
        inline = _inline(value, numbers, outlets)
        if inline is not None:
            lines.append(f"{head} {inline}")
        else:
            lines.append(head)
            lines += ["  " + line for line in _nested(value, numbers, outlets)]
    return lines


def _nested(value: Any, numbers: Mapping[str, int], outlets: Mapping[str, str]) -> list[str]:
    if isinstance(value, Mapping):
        return _mapping(value, numbers, outlets)
    lines = []
    for element in value:
        inline = _inline(element, numbers, outlets)
        if inline is not None:
            lines.append(f"- {_guard_line_start(inline)}")
        else:
            body = _nested(element, numbers, outlets) or ["—"]
            lines.append("- " + body[0].removeprefix("- "))
            lines += ["  " + line for line in body[1:]]
    return lines


def _inline(value: Any, numbers: Mapping[str, int], outlets: Mapping[str, str]) -> str | None:
    """``value`` on one line, or None when it needs a nested list."""
    if is_span(value):
        article = str(value["article"])
        where = _where(article, numbers, outlets)
        text = str(value["text"])
        shown = escape_inline(text) if is_enclosed(text) else f"“{escape_inline(text)}”"
        return f"{shown} ({escape_inline(where)}, characters {value['start']}–{value['end']})"
    if isinstance(value, Mapping):
        return None if value else "—"
    if isinstance(value, list):
        if not value:
            return "—"
        if all(not isinstance(v, Mapping | list) for v in value):
            return ", ".join(_scalar(v, numbers, outlets) for v in value)
        return None
    return _scalar(value, numbers, outlets)


def _scalar(value: Any, numbers: Mapping[str, int], outlets: Mapping[str, str]) -> str:
    """A plain value; one of the story's article ids (a reuse pair's sides, a wire group's
    copies, a quote's article) named as spans name it, by outlet and number, so that a reader
    of the Markdown need not look an opaque id up in the Articles section."""
    if isinstance(value, str) and value in numbers:
        return escape_inline(f"{_where(value, numbers, outlets)} ({value})")
    return escape_inline(scalar(value))


def _where(article: str, numbers: Mapping[str, int], outlets: Mapping[str, str]) -> str:
    """An article as the dossier names it: its outlet and its number in the story."""
    return f"{outlets.get(article, article)}, article {numbers.get(article, '?')}"


def _article(article: ArticleOut, number: int, h: str) -> list[str]:
    published = escape_inline(article.published) if article.published else "unknown"
    if article.published and article.published_basis:
        published += f" (from {escape_inline(article.published_basis)})"
    lines = [
        f"{h} {number}. {escape_inline(article_title(article))}",
        "",
        f"- **Outlet:** {escape_inline(article.outlet)} "
        f"(from {escape_inline(article.outlet_basis)})",
        f"- **Published:** {published}",
        f"- **Source:** {escape_inline(article.source)}",
    ]
    if article.url:
        lines.append(f"- **URL:** {escape_inline(article.url)}")
    lines += [
        f"- **Language:** {escape_inline(article.language)}",
        f"- **Article id:** {escape_inline(article.id)}",
        "",
        escape_block(article.text) or "*(no text)*",
        "",
    ]
    return lines


def _rejected(doc: Document) -> list[str]:
    lines = [f"## Not analysed ({len(doc.rejected)})", ""]
    if not doc.rejected:
        return [*lines, "Every input was analysed.", ""]
    for r in doc.rejected:
        lines.append(
            f"- **{escape_inline(r.source)}** ({escape_inline(r.kind)}): {escape_inline(r.reason)}"
        )
    return [*lines, ""]


def _colophon(doc: Document) -> list[str]:
    params = ", ".join(
        f"{escape_inline(k)} = {escape_inline(scalar(v))}" for k, v in doc.parameters.items()
    )
    return [
        "---",
        "",
        f"Made by newsrecon (pipeline {escape_inline(doc.pipeline_version)}, "
        f"schema {escape_inline(doc.schema_version)}). Parameters: {params or 'none'}.",
        "",
    ]

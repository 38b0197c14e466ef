"""What the Markdown and HTML renderings share: the finding sections in reading order and the
generic way a finding's fields are labelled, so both renderings tell the same story."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

from pydantic import BaseModel

from newsrecon.report.schema import ArticleOut, Document, DossierOut

SPAN_KEYS = frozenset({"article", "start", "end", "text"})


@dataclass(frozen=True, slots=True)
class Section:
    """A finding list of :class:`DossierOut` (``field``) and its heading."""

    field: str
    title: str


# Reading order: the synthesis first, then what is disputed, then the supporting detail.
SECTIONS = (
    Section("summary", "Summary"),
    Section("claims", "Claims and corroboration"),
    Section("conflicts", "Conflicts"),
    Section("statements", "Statements"),
    Section("quotes", "Quotes"),
    Section("entities", "Entities"),
    Section("timeline", "Timeline"),
    Section("reuse", "Reuse"),
    Section("framing", "Framing"),
)


def findings(story: DossierOut, section: Section) -> list[dict[str, Any]]:
    """A section's findings as plain dicts, whether the schema types the field or not."""
    items: list[Any] = getattr(story, section.field)
    return [i.model_dump(mode="json") if isinstance(i, BaseModel) else i for i in items]


def present_sections(story: DossierOut) -> list[Section]:
    """Only sections with findings are shown: an empty heading says nothing to a reader."""
    return [s for s in SECTIONS if findings(story, s)]


def is_span(value: object) -> TypeGuard[Mapping[str, Any]]:
    """The same test :func:`newsrecon.report.schema.iter_spans` applies."""
    return isinstance(value, Mapping) and value.keys() >= SPAN_KEYS


# Quotation marks a span's own text may open and close with (straight, curly, guillemets,
# low-9, corner brackets); trailing sentence punctuation after the closing mark is allowed.
_OPENING_MARKS = "\"'“‘„«‹「『"
_CLOSING_MARKS = "\"'”’“»›」』"
_TRAILING = ".,;:!?…"


def is_enclosed(text: str) -> bool:
    """Whether a span's text already opens and closes with quotation marks (a direct quote
    taken with its marks): a rendering that wraps evidence in marks of its own would double
    them (““…””), so it shows such text as it stands."""
    body = text.strip().rstrip(_TRAILING).rstrip()
    return len(body) >= 2 and body[0] in _OPENING_MARKS and body[-1] in _CLOSING_MARKS


def columns(items: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every key of ``items`` in order of first appearance, so tables keep the record's order."""
    seen: dict[str, None] = {}
    for item in items:
        seen.update(dict.fromkeys(item))
    return list(seen)


def label(key: str) -> str:
    """``published_basis`` -> ``Published basis``."""
    words = key.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def scalar(value: object) -> str:
    """A non-container finding value as readers expect it (``yes`` rather than ``True``)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)


def outlet_counts(story: DossierOut) -> list[tuple[str, int]]:
    """Outlets with their article counts, most articles first, then by name."""
    counts = Counter(a.outlet for a in story.articles)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


LEAD_WORDS = 12


def article_title(article: ArticleOut) -> str:
    """The article's title; an untitled one is named by its first words, so that a list of
    untitled articles can still be told apart."""
    if article.title and article.title.strip():
        return article.title.strip()
    words = article.text.split()
    lead = " ".join(words[:LEAD_WORDS]) + ("…" if len(words) > LEAD_WORDS else "")
    return f"(untitled) {lead}".rstrip()


def lone_outlets(story: DossierOut) -> list[tuple[str, list[str]]]:
    """Outlets that hold a side of an error-level conflict alone while another side has two or
    more outlets, with the kinds of those conflicts, most first: the report a reader should
    check first (a bad translation, a typo, a different source)."""
    found: dict[str, list[str]] = {}
    for conflict in story.conflicts:
        if conflict.severity != "error":
            continue
        if max((len(side.outlets) for side in conflict.sides), default=0) < 2:
            continue
        for side in conflict.sides:
            if len(side.outlets) == 1 and conflict.kind not in found.get(side.outlets[0], []):
                found.setdefault(side.outlets[0], []).append(conflict.kind)
    return sorted(found.items(), key=lambda item: (-len(item[1]), item[0]))


def story_heading(story: DossierOut) -> str:
    """The dossier's headline where there is one, else the story's title."""
    return story.headline.text if story.headline is not None else story.title


def document_title(doc: Document) -> str:
    if len(doc.stories) == 1:
        return story_heading(doc.stories[0])
    if not doc.stories:
        return "newsrecon dossier: no stories"
    return f"newsrecon dossier: {len(doc.stories)} stories"

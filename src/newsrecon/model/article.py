"""What readers produce (RawDocument), what cleaning produces (Article), and what is refused."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class RejectKind(StrEnum):
    """Why an input was not analysed. Stable codes: they appear in JSON output."""

    MISSING = "missing"
    EMPTY = "empty"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    NO_TEXT = "no_text"
    EMPTY_FEED = "empty_feed"
    TRUNCATED = "truncated"
    TOO_LARGE = "too_large"
    NON_ENGLISH = "non_english"
    DUPLICATE = "duplicate"
    MALFORMED = "malformed"
    UNSUPPORTED = "unsupported"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that was not analysed, with a one-line human reason naming what went wrong."""

    source: str
    kind: RejectKind
    reason: str

    def message(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """Metadata as a reader found it in the input (feed entry, JSON fields, HTML head)."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    sitename: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One candidate article as read from an input, before cleaning.

    ``source`` names the input for people: a path, a URL, or ``path#N`` for the N-th record of
    a container (JSONL line, feed entry, WARC record). ``raw`` is the decoded input exactly as
    read (HTML stays HTML) so cleaning can be re-run; ``body`` is the main text the format's
    extractor found, which cleaning works on.
    """

    source: str
    format: str
    raw: str
    body: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    name: str = ""


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of ``RawDocument.body`` that cleaning removed, and why (e.g. ``caption``)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. ``text`` is what every evidence span indexes.

    The ``*_basis`` fields say where a value came from (``metadata``, ``url``,
    ``provenance_line``, ``self_named``, ``file_name``, ``estimated``), so a reader can judge it.
    """

    id: str
    source: str
    format: str
    text: str
    content_hash: str
    outlet: str
    outlet_basis: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_basis: str | None = None
    author: str | None = None
    language: str = "en"
    language_score: float = 1.0
    removed: tuple[Removal, ...] = ()
    raw: str = ""
    body: str = ""

    @property
    def published_day(self) -> date | None:
        """The publication day, when ``published`` parses as ISO 8601 (else unknown)."""
        if not self.published:
            return None
        try:
            return datetime.fromisoformat(self.published.replace("Z", "+00:00")).date()
        except ValueError:
            return None

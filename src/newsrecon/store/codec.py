"""Records to rows and back, kept apart from the SQL so the exact round trip is testable alone.

JSON goes through orjson: it is strict (refuses NaN keys, non-string keys, unknown types)
rather than silently writing something that reads back different.
"""

from __future__ import annotations

from typing import Any, Protocol

import orjson

from newsrecon.errors import StoreError
from newsrecon.model import Article, Rejection, RejectKind, Removal


class RowLike(Protocol):
    """A row read by column name: ``sqlite3.Row`` or a plain dict."""

    def __getitem__(self, key: str, /) -> Any: ...


ARTICLE_COLUMNS: tuple[str, ...] = (
    "id",
    "content_hash",
    "source",
    "format",
    "outlet",
    "outlet_basis",
    "title",
    "url",
    "published",
    "published_basis",
    "author",
    "language",
    "language_score",
    "text",
    "raw",
    "body",
    "removed",
)


def dumps(value: Any) -> str:
    """JSON text for a TEXT column (SQLite's JSON functions can then read it)."""
    return orjson.dumps(value).decode("utf-8")


def loads(text: str | bytes) -> Any:
    return orjson.loads(text)


def removals_to_json(removed: tuple[Removal, ...]) -> str:
    return dumps(
        [{"start": r.start, "end": r.end, "text": r.text, "reason": r.reason} for r in removed]
    )


def removals_from_json(text: str, article_id: str) -> tuple[Removal, ...]:
    try:
        items = loads(text)
        return tuple(
            Removal(int(i["start"]), int(i["end"]), str(i["text"]), str(i["reason"])) for i in items
        )
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"article {article_id}: stored removals are corrupt ({exc})") from exc


def article_to_row(article: Article) -> dict[str, Any]:
    """Named parameters for ``INSERT ... VALUES (:id, ...)`` in :data:`ARTICLE_COLUMNS`."""
    row: dict[str, Any] = {name: getattr(article, name) for name in ARTICLE_COLUMNS}
    row["language_score"] = float(article.language_score)
    row["removed"] = removals_to_json(article.removed)
    return row


def row_to_article(row: RowLike) -> Article:
    """``row`` holds at least :data:`ARTICLE_COLUMNS` (a ``sqlite3.Row`` does)."""
    return Article(
        id=row["id"],
        source=row["source"],
        format=row["format"],
        text=row["text"],
        content_hash=row["content_hash"],
        outlet=row["outlet"],
        outlet_basis=row["outlet_basis"],
        title=row["title"],
        url=row["url"],
        published=row["published"],
        published_basis=row["published_basis"],
        author=row["author"],
        language=row["language"],
        language_score=row["language_score"],
        removed=removals_from_json(row["removed"], row["id"]),
        raw=row["raw"],
        body=row["body"],
    )


def rejection_to_row(rejection: Rejection) -> tuple[str, str, str]:
    return (rejection.source, str(rejection.kind), rejection.reason)


def row_to_rejection(row: RowLike) -> Rejection:
    return Rejection(row["source"], RejectKind(row["kind"]), row["reason"])

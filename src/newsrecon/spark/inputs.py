"""Reading inputs on executors with the project's own readers and cleaning.

The driver only lists inputs (:func:`list_inputs`: local paths, directories and globs through the
same source expansion as ``newsrecon ingest``; ``s3a://``, ``hdfs://`` and other Hadoop URLs
through Spark's ``binaryFiles``); executors run ``read_inputs`` on their files, then the
records read are spread over the cluster before :func:`build_rows` cleans them with
``build_article`` (a single JSON Lines or WARC file may hold a corpus). Every article carries
its input position ``(file, record)`` so that later steps can restore the single-machine
order, which decides duplicates and story founders.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from newsrecon.model import AnalysisParameters, Article, Rejection, RejectKind, Removal
from newsrecon.pipeline.articles import build_article
from newsrecon.pipeline.ingest import read_inputs
from newsrecon.pipeline.ingest.sources import iter_sources

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")

ARTICLE_FIELDS = (
    "id", "source", "format", "text", "content_hash", "outlet", "outlet_basis", "title", "url",
    "published", "published_basis", "author", "language", "language_score",
)  # fmt: skip

# Spark SQL DDL of the articles table; raw input and pre-cleaning body are not carried.
ARTICLE_SCHEMA = (
    "file_index BIGINT, record_index INT, id STRING, source STRING, format STRING, text STRING, "
    "content_hash STRING, outlet STRING, outlet_basis STRING, title STRING, url STRING, "
    "published STRING, published_basis STRING, author STRING, language STRING, "
    "language_score DOUBLE, "
    "removed ARRAY<STRUCT<start: INT, end: INT, text: STRING, reason: STRING>>"
)
REJECTION_SCHEMA = "file_index BIGINT, record_index INT, source STRING, kind STRING, reason STRING"


@dataclass(frozen=True, slots=True)
class InputListing:
    """What the driver found: local files in reading order, Hadoop URL patterns, and the
    inputs that lead nowhere (as rejections)."""

    local: tuple[str, ...]
    remote: tuple[str, ...]
    missing: tuple[Rejection, ...]


def is_url(text: str) -> bool:
    return bool(_URL.match(text))


def list_inputs(inputs: Sequence[str], max_bytes: int) -> InputListing:
    """Expand inputs on the driver without reading them (sizes are checked by the readers)."""
    local: list[str] = []
    remote: list[str] = []
    missing: list[Rejection] = []
    for given in inputs:
        if is_url(given) and not given.startswith("file://"):
            remote.append(given)
            continue
        path = given.removeprefix("file://")
        for item in iter_sources([path], stdin=None, max_bytes=max_bytes):
            if isinstance(item, Rejection):
                missing.append(item)
            else:
                local.append(item.label)
    return InputListing(tuple(local), tuple(remote), tuple(missing))


# (file index, record index, source, what was read: a RawDocument or a Rejection)
RawRecord = tuple[int, int, str, Any]


def read_local(items: Iterable[tuple[int, str]], params: AnalysisParameters) -> Iterator[RawRecord]:
    """Executor side: ``(file index, path)`` to the file's records, as read."""
    for file_index, path in items:
        yield from _read_file(file_index, path, path, params)


def read_remote(
    items: Iterable[tuple[int, tuple[str, bytes]]], params: AnalysisParameters
) -> Iterator[RawRecord]:
    """Executor side: ``(file index, (url, content))`` from ``binaryFiles``. The readers take
    paths, so the bytes go to a temporary file with the URL's file name (its extension is a
    format hint), and sources are labelled with the URL again."""
    for file_index, (url, content) in items:
        with tempfile.TemporaryDirectory(prefix="newsrecon-spark-") as tmp:
            local = Path(tmp) / (PurePosixPath(url).name or "input")
            local.write_bytes(content)
            yield from _read_file(file_index, str(local), url, params)


def _read_file(
    file_index: int, path: str, label: str, params: AnalysisParameters
) -> Iterator[RawRecord]:
    for record_index, item in enumerate(read_inputs([path], max_bytes=params.max_bytes)):
        source = label + item.source[len(path) :] if item.source.startswith(path) else label
        if not isinstance(item, Rejection):
            item = dataclasses.replace(item, source=source)
        yield file_index, record_index, source, item


def build_rows(
    records: Iterable[RawRecord], params: AnalysisParameters
) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Executor side: each record read to a tagged row, ``("a", article row)`` or ``("r",
    rejection row)``. Apart from reading because building (cleaning, language, metadata) is
    the costly part and one input file may hold a whole corpus: records are spread over the
    cluster between the two."""
    for file_index, record_index, source, item in records:
        if isinstance(item, Rejection):
            yield "r", (file_index, record_index, source, item.kind.value, item.reason)
            continue
        try:
            built = build_article(item, params)
        except Exception as err:  # one article's bug must not sink the batch (as the runner)
            built = Rejection(source, RejectKind.FAILED, f"analysis failed: {err!r}")
        if isinstance(built, Rejection):
            yield "r", (file_index, record_index, built.source, built.kind.value, built.reason)
        else:
            yield "a", article_row(file_index, record_index, built)


def article_row(file_index: int, record_index: int, article: Article) -> tuple[Any, ...]:
    removed = [(r.start, r.end, r.text, r.reason) for r in article.removed]
    return (
        file_index,
        record_index,
        *(getattr(article, name) for name in ARTICLE_FIELDS),
        removed,
    )


def article_from_row(row: Any) -> Article:
    """An Article back from a Spark row or a dict with the articles table's columns."""
    get = row.__getitem__
    removed = tuple(
        Removal(int(r["start"]), int(r["end"]), r["text"], r["reason"])
        for r in (get("removed") or ())
    )
    values = {name: get(name) for name in ARTICLE_FIELDS}
    return Article(**values, removed=removed)

"""Chunking shared by the SQLite store's modules.

SQLite caps the host parameters of one statement (32,766 since 3.32, 999 before), so an
``IN (...)`` list over caller-sized input is issued a bounded chunk at a time; the same size
pages long reads so no single query holds a read transaction for long.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Final, TypeVar

CHUNK: Final = 500  # rows per page when reading; ids per IN (...) list

_T = TypeVar("_T")


def chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk

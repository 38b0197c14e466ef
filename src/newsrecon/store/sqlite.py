"""SQLite store (being written)."""

from __future__ import annotations

from typing import Any


class SqliteStore:
    def __init__(self, location: str) -> None:
        raise NotImplementedError(location)

    def __getattr__(self, name: str) -> Any:
        raise NotImplementedError(name)

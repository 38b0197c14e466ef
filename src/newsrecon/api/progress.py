"""How long work reports progress without the API knowing about terminals.

The CLI passes a Rich-backed reporter on a terminal and :class:`Quiet` when piped; use cases
only call ``task``/``advance``.
"""

from __future__ import annotations

from typing import Protocol

from newsrecon.model import Rejection


class Progress(Protocol):
    def task(self, label: str, total: int | None = None) -> None:
        """Start a new phase (e.g. "reading", "parsing"); ``total`` when known."""

    def advance(self, n: int = 1) -> None: ...

    def done(self) -> None: ...

    def rejected(self, rejection: Rejection) -> None:
        """An input was not analysed: the CLI prints it as one line as it happens."""


class Quiet:
    """The reporter for pipes, tests and library use: does nothing."""

    def task(self, label: str, total: int | None = None) -> None:
        return None

    def advance(self, n: int = 1) -> None:
        return None

    def done(self) -> None:
        return None

    def rejected(self, rejection: Rejection) -> None:
        return None

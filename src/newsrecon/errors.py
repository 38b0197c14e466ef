"""One exception root, with subclasses the CLI turns into a one-line message and an API into
one JSON error shape.

Per-article problems are not raised through a batch: readers and stages turn them into
:class:`newsrecon.model.Rejection` records so that one bad article never sinks the others.
``InputError`` exists for the places where a single input is all there is (``show FILE``).
"""

from __future__ import annotations

from typing import ClassVar


class NewsreconError(Exception):
    """Root of every error newsrecon raises on purpose."""

    code: ClassVar[str] = "error"
    exit_code: ClassVar[int] = 1

    def to_dict(self) -> dict[str, str]:
        """The JSON error shape shared by the CLI's ``--json`` modes and the API."""
        return {"error": self.code, "message": str(self)}


class InputError(NewsreconError):
    """One input (file, record, URL) cannot be analysed; the message names it and says why."""

    code = "input"

    def __init__(self, source: str, reason: str, kind: str = "invalid") -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.kind = kind


class NothingToAnalyse(NewsreconError):
    """Every input was rejected; the batch produced nothing."""

    code = "nothing"
    exit_code = 2


class NotFound(NewsreconError):
    """A story, article or corpus item the user named is not there."""

    code = "not_found"


class StoreError(NewsreconError):
    """The store cannot be opened, migrated or written."""

    code = "store"


class CorpusError(NewsreconError):
    """An evaluation directory is not in the published layout it claims to be."""

    code = "corpus"


class ConfigError(NewsreconError):
    """A parameter or setting is out of range or inconsistent."""

    code = "config"


class MissingExtra(NewsreconError):
    """A heavy optional backend is needed but not installed; says how to install it."""

    code = "missing_extra"

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(f"{feature} needs the '{extra}' extra: pip install 'newsrecon[{extra}]'")
        self.extra = extra

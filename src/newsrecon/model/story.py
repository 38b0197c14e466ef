"""A story: articles about one event, with the parameters that grouped them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Story:
    """``id`` is stable across runs for the same founding article (derived from its id)."""

    id: str
    article_ids: tuple[str, ...]
    title: str
    parameters: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

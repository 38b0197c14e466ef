"""Knobs in the user's terms, recorded with every result."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class AnalysisParameters:
    """``story_similarity``: how alike two articles must be to count as the same story, from 0
    (everything is one story) to 1 (only near-copies). ``max_bytes`` bounds a single input
    file. ``allow_non_english`` analyses non-English articles instead of rejecting them (they
    are still flagged)."""

    story_similarity: float = 0.5
    max_bytes: int = 20_000_000
    allow_non_english: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

"""Combining metadata from two places (say a feed entry and the HTML it carries)."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from newsrecon.model import ArticleMeta


def merge_meta(primary: ArticleMeta, fallback: ArticleMeta) -> ArticleMeta:
    """``primary``'s values, with gaps filled from ``fallback``: what the container states
    outright beats what extraction guessed from the markup."""
    gaps = {
        f.name: getattr(fallback, f.name)
        for f in fields(ArticleMeta)
        if getattr(primary, f.name) is None and getattr(fallback, f.name) is not None
    }
    return replace(primary, **gaps) if gaps else primary


def text_field(record: dict[str, Any], key: str) -> str | None:
    """A non-blank string field, trimmed; anything else counts as absent."""
    value = record.get(key)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None

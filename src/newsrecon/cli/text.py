"""Article text shown in terminal tables: one line, cut to fit."""

from __future__ import annotations


def clip(text: str, limit: int) -> str:
    """Whitespace collapsed to single spaces, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

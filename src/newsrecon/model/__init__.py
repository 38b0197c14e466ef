"""Typed records every layer shares: frozen, slotted dataclasses with no behaviour beyond checks."""

from newsrecon.model.article import (
    Article,
    ArticleMeta,
    RawDocument,
    Rejection,
    RejectKind,
    Removal,
)
from newsrecon.model.dossier import Dossier
from newsrecon.model.params import AnalysisParameters
from newsrecon.model.span import Span
from newsrecon.model.story import Story

__all__ = [
    "AnalysisParameters",
    "Article",
    "ArticleMeta",
    "Dossier",
    "RawDocument",
    "RejectKind",
    "Rejection",
    "Removal",
    "Span",
    "Story",
]

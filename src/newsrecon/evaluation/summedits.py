"""SummEdits (Laban et al. 2023) in its published layout: a JSON list of
``{doc, summary, label, edit_types, ...}`` (label 1 = consistent, 0 = inconsistent).

Only ``doc``, ``summary`` and ``label`` are read: ``original_summary`` would give the answer
away, so a checker never sees it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from newsrecon.errors import CorpusError


@dataclass(frozen=True, slots=True)
class SummEditsPair:
    id: str
    doc: str
    summary: str
    consistent: bool


def load_summedits(path: Path) -> list[SummEditsPair]:
    """Every pair of ``path`` (a JSON file, or a folder of them)."""
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise CorpusError(f"{path}: no SummEdits JSON files found")
    out: list[SummEditsPair] = []
    for file in files:
        try:
            rows = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise CorpusError(f"{file}: not a SummEdits JSON file ({err})") from err
        if not isinstance(rows, list):
            raise CorpusError(f"{file}: expected a JSON list of pairs")
        for n, row in enumerate(rows):
            try:
                out.append(
                    SummEditsPair(
                        str(row.get("id", f"{file.stem}#{n}")),
                        str(row["doc"]),
                        str(row["summary"]),
                        int(row["label"]) == 1,
                    )
                )
            except (KeyError, TypeError, ValueError, AttributeError) as err:
                raise CorpusError(f"{file}: pair {n} lacks doc, summary or label ({err})") from err
    return out


@dataclass(frozen=True, slots=True)
class BinaryScores:
    """Positive class: inconsistent (contradicted), the class a checker must catch."""

    balanced_accuracy: float
    precision: float
    recall: float

    def as_dict(self) -> dict[str, float]:
        return {
            "balanced_accuracy": round(self.balanced_accuracy, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


def score_binary(gold_positive: list[bool], predicted_positive: list[bool]) -> BinaryScores:
    tp = sum(g and p for g, p in zip(gold_positive, predicted_positive, strict=True))
    fp = sum(p and not g for g, p in zip(gold_positive, predicted_positive, strict=True))
    fn = sum(g and not p for g, p in zip(gold_positive, predicted_positive, strict=True))
    tn = sum(not g and not p for g, p in zip(gold_positive, predicted_positive, strict=True))
    tpr = tp / (tp + fn) if tp + fn else 0.0
    tnr = tn / (tn + fp) if tn + fp else 0.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    return BinaryScores((tpr + tnr) / 2, precision, tpr)

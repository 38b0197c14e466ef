"""The two learned parts of attribution (cue words, whole candidates) are logistic models
exported as JSON feature weights: read without unpickling, scored without scikit-learn."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any


def packaged_model(file: str) -> dict[str, Any] | None:
    """The JSON under ``pipeline/data``, or ``None`` when the file is absent (callers fall
    back to rules)."""
    path = resources.files("newsrecon.pipeline").joinpath("data", file)
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def feature_weights(data: Mapping[str, Any]) -> dict[str, float]:
    return {str(k): float(v) for k, v in data["weights"].items()}


def probability(weights: Mapping[str, float], features: Iterable[str]) -> float:
    """The logistic of the summed weights, clipped so extreme sums cannot overflow."""
    z = sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

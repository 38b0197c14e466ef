from __future__ import annotations

from pathlib import Path

import pytest

from newsrecon.api import usecases
from newsrecon.model import AnalysisParameters
from newsrecon.report.schema import Document

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPORA = SHARED / "corpora"
EXAMPLES = REPO / "examples"


def require(path: Path) -> Path:
    """Skip (with the reason) where ../shared is absent, as on a user's fresh clone."""
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs ../shared beside the repository")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return require(SEEDS)


@pytest.fixture(scope="session")
def seed_document(seeds_dir: Path) -> Document:
    """The seeds analysed once per test run with default parameters (every stage runs)."""
    return usecases.analyze([str(seeds_dir)], AnalysisParameters())


@pytest.fixture(scope="session")
def examples_document() -> Document:
    """The team's fictional ``examples/`` story analysed once per test run."""
    return usecases.analyze([str(EXAMPLES)], AnalysisParameters())

from __future__ import annotations

from pathlib import Path

import pytest

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

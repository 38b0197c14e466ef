"""Ad hoc analysis: the commands that take either a stored story's id or files
(``quotes``, ``reuse``, ``verify``) read files into a throwaway in-memory store, so looking at
a few files never writes into the user's store."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from newsrecon.api.runner import IngestResult, Runner
from newsrecon.errors import NotFound, NothingToAnalyse
from newsrecon.model import AnalysisParameters, Story
from newsrecon.store.base import Store, open_store


def require_articles(result: IngestResult) -> None:
    """Nothing readable is an error that names the first reasons, not an empty dossier."""
    if not result.articles:
        reasons = "; ".join(r.message() for r in result.rejected[:3]) or "no input given"
        raise NothingToAnalyse(f"nothing could be analysed ({reasons})")


@contextmanager
def in_memory(
    items: Sequence[str], analysis: AnalysisParameters
) -> Iterator[tuple[Runner, IngestResult]]:
    """A runner over a fresh in-memory store holding ``items``; closed on exit."""
    memory = open_store(":memory:")
    try:
        runner = Runner(memory, analysis)
        result = runner.ingest(items)
        require_articles(result)
        yield runner, result
    finally:
        memory.close()


def may_name_story(items: Sequence[str]) -> bool:
    """Whether ``items`` can be a stored story's id: a single item that is neither a path
    nor a glob (a file called like a story id is read as a file)."""
    return len(items) == 1 and not Path(items[0]).exists() and not any(c in items[0] for c in "*?")


def named_story(store: Store | None, items: Sequence[str]) -> Story | None:
    """The stored story that ``items`` names (see :func:`may_name_story`), or None."""
    if store is None or not may_name_story(items):
        return None
    try:
        return store.get_story(items[0])
    except NotFound:
        return None

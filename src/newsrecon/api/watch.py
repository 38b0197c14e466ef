"""``newsrecon watch``: keep ingesting what appears in a folder or a local feed file.

A folder is polled every ``interval`` seconds; a file is (re)ingested when its size or
modification time changed since it was last seen. A feed file is re-read when it changes;
entries already stored are skipped by the store (same content hash), so only new entries are
assigned. Each poll assigns stories incrementally (:func:`usecases.ingest`). Nothing is
fetched from the network: a feed is a path.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsrecon.api import usecases
from newsrecon.api.progress import Progress
from newsrecon.errors import InputError, NothingToAnalyse
from newsrecon.model import AnalysisParameters
from newsrecon.store.base import Store


@dataclass(frozen=True, slots=True)
class Poll:
    """What one poll did."""

    files: int
    new_articles: int
    new_stories: int
    merged: int
    rejected: int
    split: int = 0


def _changed(target: Path, seen: dict[Path, tuple[int, int]]) -> list[Path]:
    paths = [target] if target.is_file() else sorted(p for p in target.rglob("*") if p.is_file())
    out = []
    for path in paths:
        if path.name.startswith("."):
            continue  # editors' and downloaders' partial files
        try:
            stat = path.stat()
        except OSError:
            continue  # vanished between listing and reading
        mark = (stat.st_size, stat.st_mtime_ns)
        if seen.get(path) != mark:
            seen[path] = mark
            out.append(path)
    return out


def poll_once(
    target: Path,
    params: AnalysisParameters,
    store: Store,
    seen: dict[Path, tuple[int, int]],
    progress: Progress | None = None,
) -> Poll:
    changed = _changed(target, seen)
    if not changed:
        return Poll(0, 0, 0, 0, 0)
    try:
        result, assigned = usecases.ingest(
            [str(p) for p in changed], params, store, progress=progress
        )
    except NothingToAnalyse:
        return Poll(len(changed), 0, 0, 0, len(changed))
    return Poll(
        len(changed),
        result.new,
        assigned.opened,
        len(assigned.merged),
        len(result.rejected),
        len(assigned.split),
    )


def watch(
    target: Path,
    params: AnalysisParameters,
    store: Store,
    *,
    interval: float = 5.0,
    once: bool = False,
    on_poll: Callable[[Poll], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Poll]:
    """Poll ``target`` until interrupted (Ctrl-C returns normally) or once with ``once``."""
    if not target.exists():
        raise InputError(str(target), "no such folder or feed file", "missing")
    seen: dict[Path, tuple[int, int]] = {}
    polls: list[Poll] = []
    try:
        while True:
            poll = poll_once(target, params, store, seen)
            polls.append(poll)
            if on_poll is not None:
                on_poll(poll)
            if once:
                break
            sleep(interval)
    except KeyboardInterrupt:
        pass
    return polls

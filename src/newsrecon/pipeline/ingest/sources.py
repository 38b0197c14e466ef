"""What the user named, turned into readable sources: paths, directories, globs and stdin.

Directories are walked in name order so a batch reads the same way every time; hidden files
and directories are skipped there (they are editor swap files, VCS data and the like), but a
hidden file named explicitly is read.
"""

from __future__ import annotations

import glob
import io
import logging
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import BinaryIO

from newsrecon.model import Rejection, RejectKind

logger = logging.getLogger(__name__)

STDIN_LABEL = "<stdin>"

# Suffixes stripped from a file name to get the name used as an outlet fallback.
_KNOWN_SUFFIXES = frozenset(
    {
        ".gz", ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json",
        ".jsonl", ".ndjson", ".jsonlines", ".xml", ".rss", ".atom", ".warc", ".arc",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a regular file (``path``) or bytes already read from stdin."""

    label: str
    name: str
    size: int
    path: Path | None = None
    data: bytes | None = None

    def open(self) -> io.BufferedIOBase:
        if self.path is not None:
            return self.path.open("rb")
        return io.BytesIO(self.data or b"")

    @property
    def suffix(self) -> str:
        """The last meaningful extension (``.gz`` looked through), lower case, or ``""``."""
        if self.path is None:
            return ""
        suffixes = [s.lower() for s in self.path.suffixes]
        while suffixes and suffixes[-1] == ".gz":
            suffixes.pop()
        return suffixes[-1] if suffixes else ""


def display_name(path: str) -> str:
    """File name without its format extensions: ``a/bbc-story.html.gz`` -> ``bbc-story``."""
    name = PurePath(path).name
    while True:
        suffix = PurePath(name).suffix
        if not suffix or suffix.lower() not in _KNOWN_SUFFIXES or suffix == name:
            return name
        name = name[: -len(suffix)]


def iter_sources(
    inputs: Sequence[str], *, stdin: BinaryIO | None, max_bytes: int
) -> Iterator[Source | Rejection]:
    """Expand every input in order; a name that leads nowhere becomes a MISSING rejection."""
    for given in inputs:
        if given == "-":
            yield _stdin_source(stdin, max_bytes)
            continue
        path = Path(given)
        if path.exists():
            yield from _path_sources(path, given)
        elif glob.has_magic(given):
            # Path.glob takes no absolute patterns; the user's pattern can be either.
            matches = sorted(glob.glob(given, recursive=True))  # noqa: PTH207
            if not matches:
                yield Rejection(given, RejectKind.MISSING, "no file matches this pattern")
            for match in matches:
                yield from _path_sources(Path(match), match)
        elif path.is_symlink():
            yield Rejection(given, RejectKind.MISSING, "symbolic link to a missing file")
        else:
            yield Rejection(given, RejectKind.MISSING, "no such file or directory")


def _stdin_source(stdin: BinaryIO | None, max_bytes: int) -> Source | Rejection:
    stream = stdin if stdin is not None else sys.stdin.buffer
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return Rejection(
            STDIN_LABEL,
            RejectKind.TOO_LARGE,
            f"standard input is over the {max_bytes:,}-byte limit",
        )
    return Source(STDIN_LABEL, "", len(data), data=data)


def _path_sources(path: Path, label: str) -> Iterator[Source | Rejection]:
    if path.is_dir():
        yield from _walk(path)
        return
    try:
        info = path.stat()
    except OSError as exc:
        yield Rejection(label, RejectKind.FAILED, f"cannot read file: {exc.strerror}")
        return
    if not stat.S_ISREG(info.st_mode):
        reason = "not a regular file (device, pipe or socket)"
        yield Rejection(label, RejectKind.UNSUPPORTED, reason)
        return
    yield Source(label, display_name(label), info.st_size, path=path)


def _walk(directory: Path) -> Iterator[Source | Rejection]:
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield Rejection(str(directory), RejectKind.FAILED, f"cannot list directory: {exc.strerror}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if entry.is_symlink():
                # Following directory links can loop; a user who wants one names it directly.
                logger.debug("not following directory link %s", entry)
                continue
            yield from _walk(entry)
        elif entry.is_file():
            yield from _path_sources(entry, str(entry))
        else:
            logger.debug("skipping %s: not a regular file", entry)

"""Words with their character offsets, stable hashes and quoted regions of a clean text.

Alignment works on casefolded words (punctuation and spacing differ freely between a wire
story and its republication) but every passage must end up as character offsets into
``Article.text``, so each word keeps its span. Hashes must be the same in every process (a
Spark worker and the command line must agree), hence CRC32 rather than Python's ``hash``.
"""

from __future__ import annotations

import operator
import re
import zlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

_WORD = re.compile(r"\w+(?:['’]\w+)*")
# Opening and closing double quotation marks; straight quotes alternate within a paragraph.
_OPEN = "“«„"
_CLOSE = "”»"
_MARK = re.compile(r'[“”«»„"]|\n')

U32 = npt.NDArray[np.uint32]


@dataclass(frozen=True, slots=True)
class Words:
    """``words[i]`` (casefolded) sits at ``text[starts[i]:ends[i]]``; ``ids`` are their
    CRC32 hashes."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    ids: U32

    def __len__(self) -> int:
        return len(self.words)


def _normalised(text: str) -> str:
    return text.lower().replace("’", "'")


def word_ids(text: str) -> U32:
    """The CRC32 hashes of the words of ``text`` (the candidate step needs only these)."""
    norm = _normalised(text)
    if len(norm) != len(text):
        return words_of(text).ids
    found = _WORD.findall(norm)
    return np.fromiter(map(zlib.crc32, map(str.encode, found)), dtype=np.uint32, count=len(found))


def words_of(text: str) -> Words:
    norm = _normalised(text)
    if len(norm) != len(text):  # a rare letter whose lower case is longer: keep offsets right
        spans = [m.span() for m in _WORD.finditer(text)]
        words = tuple(_normalised(text[s:e]) for s, e in spans)
    else:  # the common case, with the per-word work done by C-level map calls
        words = tuple(_WORD.findall(norm))
        starts = tuple(map(re.Match.start, _WORD.finditer(norm)))
        ids = np.fromiter(map(zlib.crc32, map(str.encode, words)), np.uint32, len(words))
        return Words(words, starts, tuple(map(operator.add, starts, map(len, words))), ids)
    ids = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint32, count=len(words))
    return Words(words, tuple(s for s, _ in spans), tuple(e for _, e in spans), ids)


def shingle_hashes(ids: U32, size: int) -> U32:
    """One 32-bit hash per run of ``size`` consecutive words (none when the text is shorter)."""
    if len(ids) < size:
        return np.zeros(0, dtype=np.uint32)
    count = len(ids) - size + 1
    acc = ids[:count].copy()  # uint32 arithmetic wraps modulo 2**32
    acc ^= acc >> np.uint32(15)
    for k in range(1, size):
        acc *= np.uint32(0x01000193)
        acc += ids[k : count + k]
        acc ^= acc >> np.uint32(15)
    return acc


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks (marks included), line by line.

    A quotation left open at the end of a line (a paragraph in clean text) runs to its end
    (news style repeats the opening mark on each paragraph of a long quotation)."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _MARK.finditer(text):
        ch = m.group()
        if ch == "\n":
            if opened is not None:
                regions.append((opened, m.start()))
            opened = None
        elif ch in _OPEN or (ch == '"' and opened is None):
            opened = m.start() if opened is None else opened
        elif opened is not None:
            regions.append((opened, m.end()))
            opened = None
    if opened is not None:
        regions.append((opened, len(text)))
    return regions


def quoted_mask(words: Words, text: str) -> npt.NDArray[np.bool_]:
    """True for each word inside a quotation."""
    mask = np.zeros(len(words), dtype=bool)
    if not len(words):
        return mask
    starts = np.asarray(words.starts)
    for lo, hi in quoted_regions(text):
        mask[np.searchsorted(starts, lo) : np.searchsorted(starts, hi)] = True
    return mask

"""A compact LSH band table: 64-bit band keys in sorted arrays instead of dicts of sets.

datasketch's ``MinHashLSH`` keeps, per indexed chunk, a key tuple, a list of band byte
strings and one Python set per band bucket (about 3 KB a chunk), which a stream of 100k
articles cannot afford. Here a chunk's band is one ``uint64`` and its article a ``uint32``
serial: 12 bytes. The newest entries sit in a dict (cheap to add to and to look up); every
``flush_at`` entries the dict becomes a sorted segment, and segments merge like a binary
counter (each entry is re-merged O(log n) times, each merge is linear), so a lookup is one
binary search per segment, of which there are O(log n). Segments hold serials in arrival
order, so articles that leave the window go by whole segments, or by compaction once half
of a segment is dead.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]
Serials = npt.NDArray[np.uint32]


@dataclass(slots=True)
class _Segment:
    keys: U64  # sorted
    serials: Serials
    first: int  # lowest serial that may still be present
    last: int  # highest serial present

    @property
    def size(self) -> int:
        return len(self.keys)


def _merge(old: _Segment, new: _Segment) -> _Segment:
    """Linear merge of two sorted segments (``new`` holds the later serials)."""
    at = np.searchsorted(old.keys, new.keys, side="right") + np.arange(len(new.keys))
    from_old = np.ones(old.size + new.size, dtype=bool)
    from_old[at] = False
    keys = np.empty(len(from_old), dtype=np.uint64)
    serials = np.empty(len(from_old), dtype=np.uint32)
    keys[at], serials[at] = new.keys, new.serials
    keys[from_old], serials[from_old] = old.keys, old.serials
    return _Segment(keys, serials, old.first, new.last)


class BandIndex:
    """Multiset of (band key, article serial); serials must be added in increasing order.

    The newest entries sit in a dict (an article's few dozen keys cost a few dict
    operations, far less than numpy calls on arrays that small); every ``flush_at`` entries
    the dict becomes one sorted segment."""

    def __init__(self, flush_at: int = 1 << 18) -> None:
        self.flush_at = flush_at
        self._recent: dict[int, int | list[int]] = {}
        self._recent_first = 0
        self._segments: list[_Segment] = []
        self._oldest = 0

    def add(self, keys: list[int], serial: int) -> None:
        """Index ``keys`` for article ``serial``."""
        recent = self._recent
        if not recent:
            self._recent_first = serial
        for key in keys:
            held = recent.setdefault(key, serial)
            if held == serial:
                continue
            if isinstance(held, list):
                if held[-1] != serial:
                    held.append(serial)
            else:
                recent[key] = [held, serial]
        if len(recent) >= self.flush_at:
            self.flush()

    def flush(self) -> None:
        """Turn the dict of recent entries into a sorted segment."""
        if not self._recent:
            return
        keys: list[int] = []
        serials: list[int] = []
        last = self._recent_first
        for key, held in self._recent.items():
            if isinstance(held, list):
                keys.extend([key] * len(held))
                serials.extend(held)
                last = max(last, held[-1])
            else:
                keys.append(key)
                serials.append(held)
                last = max(last, held)
        self._recent = {}
        key_array = np.array(keys, dtype=np.uint64)
        order = np.argsort(key_array, kind="stable")
        serial_array = np.array(serials, dtype=np.uint32)[order]
        self._segments.append(_Segment(key_array[order], serial_array, self._recent_first, last))
        segments = self._segments
        while len(segments) > 1 and segments[-1].size * 2 >= segments[-2].size:
            new = segments.pop()
            segments[-1] = _merge(segments[-1], new)

    def query(self, keys: list[int]) -> set[int]:
        """Serials (not older than the last :meth:`forget`) sharing any of ``keys``."""
        found: set[int] = set()
        recent = self._recent
        for key in keys:
            held = recent.get(key)
            if held is None:
                continue
            if isinstance(held, list):
                found.update(held)
            else:
                found.add(held)
        if self._segments:
            wanted = np.array(keys, dtype=np.uint64)
            for seg in self._segments:
                at = np.searchsorted(seg.keys, wanted)
                np.minimum(at, seg.size - 1, out=at)
                hit = seg.keys[at] == wanted
                if not hit.any():
                    continue
                lo = at[hit]
                hi = np.searchsorted(seg.keys, wanted[hit], side="right")
                for i, j in zip(lo.tolist(), hi.tolist(), strict=True):
                    found.update(seg.serials[i:j].tolist())
        oldest = self._oldest
        return {s for s in found if s >= oldest}

    def forget(self, oldest: int) -> None:
        """Drop every serial below ``oldest`` (whole segments, or by compaction)."""
        self._oldest = oldest
        while self._segments and self._segments[0].last < oldest:
            self._segments.pop(0)
        for seg in self._segments:
            if seg.first >= oldest:
                break
            if (oldest - seg.first) * 2 > seg.last - seg.first:
                keep = seg.serials >= oldest
                seg.keys, seg.serials, seg.first = seg.keys[keep], seg.serials[keep], oldest

    @property
    def entries(self) -> int:
        recent = sum(len(h) if isinstance(h, list) else 1 for h in self._recent.values())
        return recent + sum(seg.size for seg in self._segments)

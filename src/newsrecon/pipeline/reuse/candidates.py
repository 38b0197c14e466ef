"""Candidate pairs for alignment: MinHash LSH over content-defined chunks.

A document-level MinHash misses a paragraph pasted into a longer story (the two documents
share too small a fraction of their shingles), so each text is cut into chunks of a few
dozen words and each chunk gets its own MinHash. Cut points are chosen by the content (a
word-run hash hitting a residue), not by position, so the same paragraph is cut the same way
wherever it is pasted. Two articles are candidates when any of their chunks collide in the
LSH index; alignment then confirms or rejects them.

The chunk MinHashes are datasketch's (its ``affine32`` scheme, its permutations, the
identity hash over our 32-bit word-run hashes), computed for all chunks of an article in one
numpy pass instead of one ``MinHash.update_batch`` per chunk; a test holds them equal to
datasketch's. The index keeps only 64-bit band keys (:mod:`.band_index`), not MinHash
objects, so 100k articles fit in a few hundred megabytes.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from datasketch import MinHash
from scipy.ndimage import minimum_filter1d

from newsrecon.pipeline.reuse.band_index import U64, BandIndex
from newsrecon.pipeline.reuse.tokens import U32, shingle_hashes

Signatures = npt.NDArray[np.uint32]  # one row of ``num_perm`` hash values per chunk
SCHEME = "affine32"
SEED = 1
_TOP = int(np.iinfo(np.uint32).max)


@dataclass(frozen=True, slots=True)
class CandidateParams:
    """``chunk_words``: typical chunk length in words (content-defined cuts, at most
    ``max_chunk_words``). ``shingle_words``: word-run length hashed
    into each chunk's MinHash of ``num_perm`` values, banded ``bands`` ways in the LSH index
    (more bands find more edited copies and more false candidates). ``window``: how many of
    the most recent articles a stream keeps indexed (``None``: all of them); it bounds
    memory, and a copy published more than ``window`` articles after its source is missed
    (a batch over texts already in memory, :func:`~.detect.find_reuse`, uses no window)."""

    chunk_words: int = 40
    max_chunk_words: int = 120
    shingle_words: int = 3
    num_perm: int = 16
    bands: int = 8
    window: int | None = 20_000


def _same(x: int) -> int:
    return x


def chunk_bounds(ids: U32, params: CandidateParams) -> list[tuple[int, int]]:
    """Word ranges of the chunks: cut where a word-run hash is the smallest of its
    neighbourhood. The rule looks only ``chunk_words // 2`` runs either way, so a copied
    paragraph is cut where its original was, wherever it sits and whatever precedes it."""
    return _bounds(shingle_hashes(ids, params.shingle_words), len(ids), params)


def _bounds(runs: U32, n: int, params: CandidateParams) -> list[tuple[int, int]]:
    reach = params.chunk_words // 2
    if len(runs) <= 2 * reach + 1:
        return [(0, n)] if n else []
    lowest = minimum_filter1d(runs, 2 * reach + 1, mode="constant", cval=_TOP)
    bounds: list[tuple[int, int]] = []
    lo = 0
    for cut in [*np.flatnonzero(runs == lowest).tolist(), n]:
        while cut - lo > params.max_chunk_words:
            bounds.append((lo, lo + params.max_chunk_words))
            lo += params.max_chunk_words
        if cut > lo:
            bounds.append((lo, cut))
            lo = cut
    return bounds


@lru_cache(maxsize=8)
def _permutations(num_perm: int) -> tuple[U32, U32]:
    """datasketch's own permutation parameters (``a`` odd, ``b``) for ``num_perm``."""
    a, b = empty_minhash(num_perm).permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _fmix32(h: U32) -> U32:
    """MurmurHash3's 32-bit finalizer: datasketch's ``affine32`` pre-mix of each input hash."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def chunk_signatures(ids: U32, params: CandidateParams) -> Signatures:
    """The MinHash values of every chunk, one row each (datasketch's values: each chunk's
    row equals ``MinHash.update_batch`` over its word-run hashes with the identity hash)."""
    runs = shingle_hashes(ids, params.shingle_words)
    if not len(runs):
        return np.zeros((0, params.num_perm), dtype=np.uint32)
    starts = [lo for lo, _ in _bounds(runs, len(ids), params) if lo < len(runs)]
    a, b = _permutations(params.num_perm)
    permuted = _fmix32(runs)[:, None] * a[None, :] + b[None, :]
    signatures: Signatures = np.minimum.reduceat(permuted, starts, axis=0)
    return signatures


def chunk_minhashes(
    ids: U32, params: CandidateParams, template: MinHash | None = None
) -> list[MinHash]:
    """One datasketch MinHash per chunk (over its word runs, identity-hashed since the runs
    are already 32-bit hashes). ``template`` is accepted for callers of the earlier
    per-chunk version; the permutations are datasketch's for ``num_perm`` either way."""
    del template
    perms = np.array(_permutations(params.num_perm))
    return [
        MinHash(hashvalues=row, permutations=perms, scheme=SCHEME, seed=SEED, hashfunc=_same)
        for row in chunk_signatures(ids, params)
    ]


def empty_minhash(params: CandidateParams | int) -> MinHash:
    num_perm = params if isinstance(params, int) else params.num_perm
    return MinHash(num_perm=num_perm, seed=SEED, hashfunc=_same, scheme=SCHEME)


_SALT = np.uint64(0x9E3779B97F4A7C15)


def band_keys(signatures: Signatures, params: CandidateParams) -> U64:
    """One 64-bit key per (chunk, band): the band's hash values folded with the band number,
    so two chunks share a key when they agree on a whole band (datasketch's bucket rule),
    up to 64-bit collisions, which only add a candidate alignment then rejects."""
    rows = params.num_perm // params.bands
    n = len(signatures)
    salts = np.arange(params.bands, dtype=np.uint64) * _SALT
    if rows == 2:  # a band is exactly one 64-bit word: keys are exact within a band
        pairs = np.ascontiguousarray(signatures[:, : 2 * params.bands]).view(np.uint64)
        exact: U64 = (pairs ^ salts).reshape(-1)
        return exact
    values = signatures[:, : params.bands * rows].astype(np.uint64).reshape(n, params.bands, rows)
    keys = np.broadcast_to(salts, (n, params.bands))
    for r in range(rows):
        keys = (keys ^ values[:, :, r]) * _SALT
        keys ^= keys >> np.uint64(29)
    folded: U64 = keys.reshape(-1)
    return folded


class CandidateIndex:
    """An LSH index of chunks; :meth:`add` returns the indexed articles an article collides
    with, then indexes it. With a ``window``, the oldest articles leave the index so memory
    stays bounded however long the stream."""

    def __init__(
        self, params: CandidateParams = CandidateParams(), flush_at: int = 1 << 18
    ) -> None:
        self.params = params
        self._bands = BandIndex(flush_at)
        self._names: OrderedDict[int, str] = OrderedDict()
        self._serial = 0

    def add(self, article: str, ids: U32) -> set[str]:
        keys = band_keys(chunk_signatures(ids, self.params), self.params).tolist()
        names = self._names
        found = {names[s] for s in self._bands.query(keys) if s in names}
        serial = self._serial
        self._serial += 1
        self._bands.add(keys, serial)
        names[serial] = article
        window = self.params.window
        if window is not None and len(names) > window:
            while len(names) > window:
                names.popitem(last=False)
            self._bands.forget(next(iter(names)))
        found.discard(article)
        return found

    @property
    def entries(self) -> int:
        """(band key, article) entries held: what the window bounds."""
        return self._bands.entries


def candidate_pairs(
    items: Iterable[tuple[str, U32]], params: CandidateParams = CandidateParams()
) -> Iterator[tuple[str, str]]:
    """(earlier, later) article pairs worth aligning, in stream order."""
    index = CandidateIndex(params)
    for article, ids in items:
        for other in sorted(index.add(article, ids)):
            yield other, article

"""The vectorised chunk MinHashes equal datasketch's, the compact band index finds exactly
the articles datasketch's MinHashLSH finds, and its window bounds what it holds."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecon.pipeline.reuse.align import anchors
from newsrecon.pipeline.reuse.band_index import BandIndex
from newsrecon.pipeline.reuse.candidates import (
    CandidateIndex,
    CandidateParams,
    chunk_bounds,
    chunk_minhashes,
    chunk_signatures,
    empty_minhash,
)
from newsrecon.pipeline.reuse.detect import (
    DEFAULT,
    _may_share,
    align_pair,
    find_reuse,
    side,
    stream_reuse,
)
from newsrecon.pipeline.reuse.tokens import shingle_hashes, word_ids, words_of
from tests.fixtures import BRIDGE, BRIDGE_2, ELECTION

PARAMS = [
    CandidateParams(),
    CandidateParams(chunk_words=10, max_chunk_words=12),
    CandidateParams(num_perm=24, bands=8),  # three rows a band: folded keys
    CandidateParams(num_perm=8, bands=8),  # one row a band
]


def _texts(count: int, seed: int = 5) -> list[tuple[str, str]]:
    """Fictional articles over a small made-up vocabulary; every third one pastes a
    stretch of an earlier one, so the index has real collisions to find."""
    rng = np.random.default_rng(seed)
    vocab = [f"{a}{b}" for a in ("ka", "lo", "mi", "nu", "ri", "te") for b in "aeiouyz"]
    texts: list[str] = []
    for i in range(count):
        words = [vocab[k] for k in rng.integers(0, len(vocab), int(rng.integers(20, 160)))]
        if texts and i % 3 == 0:
            source = texts[int(rng.integers(0, len(texts)))].split()
            lo = int(rng.integers(0, max(1, len(source) - 30)))
            at = int(rng.integers(0, len(words)))
            words[at:at] = source[lo : lo + 30]
        texts.append(" ".join(words))
    texts += [BRIDGE, BRIDGE_2, ELECTION, BRIDGE + "\n\n" + ELECTION, ""]
    return [(f"t{i:03d}", t) for i, t in enumerate(texts)]


@pytest.mark.parametrize("params", PARAMS)
def test_chunk_signatures_are_datasketch_minhashes(params: CandidateParams) -> None:
    for _, text in _texts(12):
        ids = word_ids(text)
        runs = shingle_hashes(ids, params.shingle_words)
        chunks = [(lo, min(hi, len(runs))) for lo, hi in chunk_bounds(ids, params)]
        expected = []
        for lo, hi in chunks:
            if lo >= len(runs):
                break
            m = empty_minhash(params)
            m.update_batch(runs[lo:hi].tolist())
            expected.append(m.hashvalues)
        got = chunk_signatures(ids, params)
        assert got.shape == (len(expected), params.num_perm)
        assert all((row == want).all() for row, want in zip(got, expected, strict=True))
        minhashes = chunk_minhashes(ids, params)
        assert [
            m.jaccard(MinHash(hashvalues=w, scheme="affine32"))
            for m, w in zip(minhashes, expected, strict=True)
        ] == [1.0] * len(expected)


def _datasketch_candidates(
    texts: list[tuple[str, str]], params: CandidateParams
) -> list[tuple[str, str]]:
    """The reference: every chunk MinHash in a datasketch MinHashLSH of the same banding."""
    rows = params.num_perm // params.bands
    lsh = MinHashLSH(num_perm=params.num_perm, params=(params.bands, rows))
    order: list[tuple[str, int]] = []
    pairs = []
    for article, text in texts:
        found: set[str] = set()
        for k, m in enumerate(chunk_minhashes(word_ids(text), params)):
            found.update(key[0] for key in lsh.query(m))
            lsh.insert((article, k), m, check_duplication=False)
            order.append((article, k))
        found.discard(article)
        pairs += [(other, article) for other in sorted(found)]
        live = {a for a, _ in order}
        while params.window is not None and len(live) > params.window:
            oldest = order[0][0]
            while order and order[0][0] == oldest:
                lsh.remove(order.pop(0))
            live.discard(oldest)
    return pairs


@pytest.mark.parametrize("window", [None, 4])
@pytest.mark.parametrize("flush_at", [7, 1 << 18])
@pytest.mark.parametrize("params", PARAMS)
def test_index_finds_what_datasketch_lsh_finds(
    params: CandidateParams, window: int | None, flush_at: int
) -> None:
    params = replace(params, window=window)
    texts = _texts(40)
    index = CandidateIndex(params, flush_at=flush_at)
    got = [(o, a) for a, t in texts for o in sorted(index.add(a, word_ids(t)))]
    expected = _datasketch_candidates(texts, params)
    assert got == expected
    assert len(expected) >= (10 if window is None else 3)  # pasted stretches collide


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 40), max_size=12), max_size=40),
    st.integers(1, 30),
    st.one_of(st.none(), st.integers(1, 10)),
)
def test_band_index_matches_a_plain_multiset(
    batches: list[list[int]], flush_at: int, window: int | None
) -> None:
    index = BandIndex(flush_at)
    held: list[tuple[int, int]] = []  # (key, serial)
    for serial, keys in enumerate(batches):
        oldest = 0 if window is None else max(0, serial - window)
        index.forget(oldest)
        expected = {s for k, s in held if k in keys and s >= oldest}
        assert index.query(keys) == expected
        index.add(keys, serial)
        held += [(k, serial) for k in keys]


def test_window_bounds_what_the_index_holds() -> None:
    texts = _texts(150)
    bounded = CandidateIndex(CandidateParams(window=10), flush_at=50)
    unbounded = CandidateIndex(CandidateParams(window=None), flush_at=50)
    most = 0
    for article, text in texts:
        bounded.add(article, word_ids(text))
        unbounded.add(article, word_ids(text))
        most = max(most, bounded.entries)
    per_article = max(len(chunk_signatures(word_ids(t), CandidateParams())) for _, t in texts) * 8
    assert most <= 3 * 10 * per_article + 50
    assert most < unbounded.entries / 3


def test_stream_window_forgets_old_articles_and_batch_keeps_all() -> None:
    texts = _texts(40)
    narrow = replace(DEFAULT, candidates=replace(DEFAULT.candidates, window=2))
    windowed = {(p.article_a, p.article_b) for p in stream_reuse(texts, narrow)}
    everything = {(p.article_a, p.article_b) for p in find_reuse(dict(texts), narrow)}
    assert windowed < everything
    order = {a: i for i, (a, _) in enumerate(texts)}
    assert all(order[b] - order[a] <= 2 for a, b in windowed)


VOCAB = st.sampled_from(["port", "said", "the", "levy", "seals", "north", "ships", "cost"])


@settings(max_examples=80, deadline=None)
@given(st.lists(VOCAB, max_size=60), st.lists(VOCAB, max_size=60), st.integers(4, 14))
def test_anchor_precheck_never_drops_a_pair_alignment_keeps(
    a: list[str], b: list[str], min_words: int
) -> None:
    params = replace(DEFAULT, align=replace(DEFAULT.align, min_words=min_words))
    text_a, text_b = " ".join(a), " ".join(a[5:] + b)
    pair = align_pair(side("a", text_a), side("b", text_b), params)
    n = params.align.anchor_words
    grams_a = shingle_hashes(word_ids(text_a), n)
    grams_b = shingle_hashes(word_ids(text_b), n)
    if pair is not None:
        assert _may_share(grams_a, grams_b, params.align)


@settings(max_examples=80, deadline=None)
@given(st.lists(VOCAB, max_size=50), st.lists(VOCAB, max_size=50), st.integers(1, 4))
def test_anchors_are_every_shared_run_not_repeated_too_often(
    a: list[str], b: list[str], limit: int
) -> None:
    params = replace(DEFAULT.align, max_repeats=limit)
    n = params.anchor_words
    runs_a = [tuple(a[i : i + n]) for i in range(len(a) - n + 1)]
    runs_b = [tuple(b[j : j + n]) for j in range(len(b) - n + 1)]
    expected = [
        (i, j)
        for i, run in enumerate(runs_a)
        for j, other in enumerate(runs_b)
        if run == other and runs_a.count(run) <= limit and runs_b.count(run) <= limit
    ]
    got = anchors(words_of(" ".join(a)), words_of(" ".join(b)), params)
    assert got == expected

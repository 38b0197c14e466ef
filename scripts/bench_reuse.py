"""`make bench` (reuse): articles/s and peak memory of reuse detection on 10k and 100k
articles, beside raw datasketch MinHash hashing and a plain MinHash-LSH index of the same text.

Articles are derived from the real text in ../shared/corpora (PolNeAR articles, Fundus
bodies): each one samples paragraphs of the pool and replaces a third of their words with
words drawn from the pool's vocabulary, so articles are distinct yet read like news word
statistics; one in ten then pastes one to three paragraphs of a recent article with light
edits, so alignment has real work. Without ../shared, examples/ seeds the pool.

The articles of each size are generated once into a temporary file that every system
streams, one line at a time, in its own fresh process (so its peak RSS is its own and no
system holds the corpus in memory); the time spent reading lines is subtracted. Speeds
are articles per CPU second of the measuring process (on a shared machine, wall time
mostly measures the neighbours; it is printed too), and with ``--repeat`` the fastest run
of each system counts.

The baselines hash exactly what reuse detection hashes: the same tokeniser (``word_ids``),
the same word runs (``shingle_words``) and the same ``num_perm``, one MinHash per article:

- ``minhash``: datasketch's default use (a copied empty ``MinHash``, ``update_batch`` with
  the runs as bytes, default SHA-1 hashfunc): the "raw MinHash hashing" of the goal;
- ``minhash_int``: the stricter floor, datasketch's identity hashfunc over the same 32-bit
  run hashes reuse detection feeds its chunk MinHashes (no SHA-1 at all);
- ``minhash_lsh``: ``minhash`` plus a plain datasketch ``MinHashLSH`` (query, then insert).

    python scripts/bench_reuse.py --sizes 10000 100000
    python scripts/bench_reuse.py --sizes 2000 --repeat 3 --window none
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import re
import resource
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
SEED = 7
SWAP = 0.35  # share of pool words replaced by words drawn from the vocabulary
SYSTEMS = ("minhash", "minhash_int", "minhash_lsh", "reuse")


@lru_cache(maxsize=1)
def _pool() -> tuple[Any, Any, Any]:
    """Vocabulary (object array), paragraphs as one array of word numbers, and offsets."""
    texts = [
        p.read_text(errors="replace") for p in sorted(CORPORA.glob("polnear/data/*/text/*.txt"))
    ]
    truth = CORPORA / "fundus_eval" / "ground_truth.json"
    if truth.exists():
        texts += ["\n".join(v["body"]) for v in json.loads(truth.read_text()).values()]
    if not texts:
        texts = [p.read_text() for p in sorted((REPO / "examples").glob("*.txt"))]
    paras = [p.split() for t in texts for p in re.split(r"\n\s*\n|\n", t) if len(p.split()) >= 8]
    vocab = sorted({w for p in paras for w in p})
    number = {w: i for i, w in enumerate(vocab)}
    flat = np.array([number[w] for p in paras for w in p], dtype=np.int64)
    offsets = np.cumsum([0, *(len(p) for p in paras)])
    return np.array(vocab, dtype=object), flat, offsets


def articles(n: int) -> Iterator[tuple[str, str]]:
    """``n`` derived articles, the same ones in every process."""
    rng = np.random.default_rng(SEED)
    vocab, flat, offsets = _pool()
    recent: deque[list[Any]] = deque(maxlen=1000)
    for i in range(n):
        picked = rng.integers(0, len(offsets) - 1, rng.integers(4, 9))
        # each paragraph's words in a fresh order: two articles drawing one pool paragraph
        # (at 100k articles, each is drawn dozens of times) share no passage by chance
        body = [rng.permutation(flat[offsets[k] : offsets[k + 1]]) for k in picked]
        words = np.concatenate(body)
        swap = rng.random(len(words)) < SWAP
        words[swap] = rng.integers(0, len(vocab), int(swap.sum()))
        body = np.split(words, np.cumsum([len(p) for p in body])[:-1])
        if recent and rng.random() < 0.1:
            source = recent[int(rng.integers(0, len(recent)))]
            for p in source[: int(rng.integers(1, 4))]:
                edited = p[rng.random(len(p)) > 0.03]
                body.insert(int(rng.integers(0, len(body) + 1)), edited)
        recent.append(body)
        yield f"a{i:07d}", "\n\n".join(" ".join(vocab[p].tolist()) for p in body)


def write_articles(n: int, path: Path) -> None:
    """The stream, generated once per size and read back by every system's process."""
    with path.open("w", encoding="utf-8") as out:
        for article, text in articles(n):
            out.write(json.dumps([article, text, len(text.split())]) + "\n")


class _Feed:
    """The article stream read back from its file, keeping apart the time spent reading."""

    def __init__(self, path: Path) -> None:
        self.path, self.generating, self.generating_cpu, self.words = path, 0.0, 0.0, 0

    def __iter__(self) -> Iterator[tuple[str, str]]:
        with self.path.open(encoding="utf-8") as lines:
            while True:
                start, start_cpu = time.perf_counter(), time.process_time()
                line = lines.readline()
                item = json.loads(line) if line else None
                if item is not None:
                    self.words += item[2]
                self.generating += time.perf_counter() - start
                self.generating_cpu += time.process_time() - start_cpu
                if item is None:
                    return
                yield item[0], item[1]


def _run(
    system: str,
    path: Path,
    n: int,
    window: int | None,
    out: mp.Queue,  # type: ignore[type-arg]
) -> None:
    from dataclasses import replace

    from datasketch import MinHash, MinHashLSH

    from newsrecon.pipeline.reuse.detect import DEFAULT, stream_reuse
    from newsrecon.pipeline.reuse.tokens import shingle_hashes, word_ids

    params = replace(DEFAULT, candidates=replace(DEFAULT.candidates, window=window))
    num_perm, runs = params.candidates.num_perm, params.candidates.shingle_words
    feed = _Feed(path)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, start_cpu = time.perf_counter(), time.process_time()
    found = 0
    if system == "reuse":
        for pair in stream_reuse(feed, params):
            found += len(pair.passages)
    else:
        lsh = MinHashLSH(threshold=0.5, num_perm=num_perm) if system == "minhash_lsh" else None
        as_ints = system == "minhash_int"
        # what MinHash.generator does: copy an empty sketch, update_batch with the runs
        empty = MinHash(num_perm=num_perm, hashfunc=_same if as_ints else None)
        for aid, text in feed:
            hashes = shingle_hashes(word_ids(text), runs).tolist()
            m = empty.copy()
            m.update_batch(hashes if as_ints else [h.to_bytes(4, "little") for h in hashes])
            if lsh is not None:
                found += len(lsh.query(m))
                lsh.insert(aid, m, check_duplication=False)
    seconds = time.perf_counter() - start - feed.generating
    cpu = time.process_time() - start_cpu - feed.generating_cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out.put(
        {
            "system": system,
            "articles": n,
            "words": feed.words,
            "num_perm": num_perm,
            "window": window,
            "cpu_s": round(cpu, 2),
            "articles_per_s": round(n / cpu, 1),
            "wall_s": round(seconds, 2),
            "wall_articles_per_s": round(n / seconds, 1),
            "reading_s": round(feed.generating, 2),
            "peak_rss_mb": round(peak / 1024, 1),
            "rss_before_mb": round(rss0 / 1024, 1),
            "found": found,
        }
    )


def _same(x: int) -> int:
    return x


def measure(system: str, path: Path, n: int, window: int | None) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    queue: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    proc = ctx.Process(target=_run, args=(system, path, n, window, queue))
    proc.start()
    result: dict[str, Any] = queue.get()
    proc.join()
    return result


def _window(value: str) -> int | None:
    return None if value.lower() == "none" else int(value)


def main() -> int:
    from newsrecon.pipeline.reuse.candidates import CandidateParams

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--systems", nargs="+", choices=SYSTEMS, default=list(SYSTEMS))
    parser.add_argument(
        "--window",
        type=_window,
        default=CandidateParams().window,
        help="articles kept indexed by reuse detection ('none': all; default: the default)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per system, best kept")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"articles_{n}.jsonl"
            write_articles(n, path)
            for _ in range(args.repeat):
                for system in args.systems:
                    row = measure(system, path, n, args.window)
                    rows.append(row)
                    print(json.dumps(row) if args.json else _line(row), flush=True)
    # the fastest of the repeats: load from other processes only ever slows a run down
    rows.sort(key=lambda r: -r["cpu_s"])
    by = {(r["system"], r["articles"]): r for r in rows}
    for n in args.sizes:
        for base in ("minhash", "minhash_int"):
            if ("reuse", n) in by and (base, n) in by:
                ratio = by[("reuse", n)]["articles_per_s"] / by[(base, n)]["articles_per_s"]
                print(f"reuse speed / {base} at {n}: {ratio:.2f} (goal >= 0.5)")
    if len(args.sizes) > 1:
        small, large = min(args.sizes), max(args.sizes)
        for system in args.systems:
            growth = by[(system, large)]["cpu_s"] / by[(system, small)]["cpu_s"]
            print(f"{system}: time x{growth:.1f} for x{large / small:.0f} articles")
    return 0


def _line(row: dict[str, Any]) -> str:
    return (
        f"{row['system']:12} {row['articles']:>7} articles: {row['articles_per_s']:>8.1f} "
        f"articles/s, {row['cpu_s']:>7.1f} s CPU ({row['wall_s']:.1f} s wall), "
        f"peak RSS {row['peak_rss_mb']:>7.1f} MB "
        f"(before {row['rss_before_mb']:.0f} MB), found {row['found']}"
    )


if __name__ == "__main__":
    sys.exit(main())

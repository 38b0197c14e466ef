"""`make bench`: incremental story assignment, articles/s and peak memory at 10k and 100k
articles, beside plain datasketch MinHash hashing and MinHash-LSH in the same invocation.

Data: derived from the real articles in ../shared/corpora (PolNeAR texts and ECB+ documents,
else examples/). Story ``k`` takes seed article ``k mod N``, a publication day spread over
three years, and 1-8 variants published within three days: each variant keeps a random 70%
of the seed's sentences in a shuffled order and drops 5% of the words (a different outlet's
take on one event). Articles arrive ordered by day; texts are generated lazily, one batch at
a time, so neither system holds the corpus.

Light feature path (documented): hashed TF-IDF terms, capitalised word runs as entities, and
the day; no spaCy parse and no MiniLM embedding (those cost ~100x more than assignment itself
and are cached per article by ``newsrecon ingest``). Each phase runs in a fresh process, so its
peak RSS is its own. Baselines: ``MinHash.bulk`` over the same word 3-shingles with 128
permutations (hashing only), and the same followed by ``MinHashLSH`` insert + query at 0.5.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import random
import re
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
BATCH = 128
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _seeds() -> list[list[str]]:
    texts = [
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted((CORPORA / "polnear" / "data").glob("*/text/*.txt"))
    ]
    ecb = CORPORA / "ecbplus" / "topics"
    if ecb.is_dir():
        sys.path.insert(0, str(REPO / "src"))
        from newsrecon.evaluation.ecbplus import load_ecbplus

        texts += [d.text for d in load_ecbplus(ecb)]
    if not texts:
        texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    return [[s for s in _SENTENCE.split(t.replace("\n", " ")) if s.strip()] for t in texts]


def articles(
    total: int, seed: int = 7, fixed_density: bool = False
) -> Iterator[tuple[str, float, str]]:
    """(id, day, text), ``total`` of them, ordered by day: over three years, or with
    ``fixed_density`` at the density of 10k articles over three years (the span grows with
    ``total``, so a longer stream is not also a denser one)."""
    rng = random.Random(seed)
    seeds = _seeds()
    base_day = 738000.0
    story = 0
    made = 0
    pending: list[tuple[float, str, str]] = []
    day_per_story = 3 * 365 / max((10_000 if fixed_density else total) / 4.5, 1)
    while made < total:
        sentences = seeds[story % len(seeds)]
        start = base_day + story * day_per_story
        for v in range(rng.randint(1, 8)):
            kept = [s for s in sentences if rng.random() < 0.7] or sentences[:1]
            rng.shuffle(kept)
            words = [w for w in " ".join(kept).split() if rng.random() > 0.05]
            pending.append((start + rng.random() * 3, f"s{story}v{v}", " ".join(words)))
            made += 1
            if made >= total:
                break
        story += 1
        # Release what no later story can precede (later stories start later).
        pending.sort()
        while pending and pending[0][0] < base_day + story * day_per_story:
            day, aid, text = pending.pop(0)
            yield aid, day, text
    pending.sort()
    for day, aid, text in pending:
        yield aid, day, text


def _batches(total: int, fixed_density: bool) -> Iterator[list[tuple[str, float, str]]]:
    batch: list[tuple[str, float, str]] = []
    for item in articles(total, fixed_density=fixed_density):
        batch.append(item)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _shingles(text: str) -> list[bytes]:
    words = text.lower().split()
    return [" ".join(words[i : i + 3]).encode() for i in range(max(len(words) - 2, 1))]


def _phase(name: str, total: int, fixed_density: bool, queue: mp.Queue) -> None:  # type: ignore[type-arg]
    sys.path.insert(0, str(REPO / "src"))
    from datasketch import MinHash, MinHashLSH

    from newsrecon.pipeline.story_signals import light_entity_keys, make_signals
    from newsrecon.pipeline.story_splits import split_changed
    from newsrecon.pipeline.story_stream import StoryIndex

    # Generating the derived texts is the same work for every system: timed apart.
    gen = 0.0
    work = 0.0
    stories: set[str] = set()
    index = StoryIndex()
    lsh = MinHashLSH(threshold=0.5, num_perm=128) if name == "minhash_lsh" else None
    t = time.perf_counter()
    for batch in _batches(total, fixed_density):
        gen += time.perf_counter() - t
        t = time.perf_counter()
        if name == "stories":
            signals = make_signals(
                [a for a, _, _ in batch],
                [d for _, d, _ in batch],
                [x for _, _, x in batch],
                [light_entity_keys(x) for _, _, x in batch],
            )
            placed = index.assign(signals)
            stories.update(a.story_id for a in placed)
            split_changed(index, {a.story_id for a in placed})
            index.close_stale()
        else:
            hashes = MinHash.bulk([_shingles(x) for _, _, x in batch], num_perm=128)
            if lsh is not None:
                for (aid, _, _), mh in zip(batch, hashes, strict=True):
                    lsh.query(mh)
                    lsh.insert(aid, mh)
        work += time.perf_counter() - t
        t = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put(
        {
            "system": name,
            "articles": total,
            "seconds": round(work, 2),
            "articles_per_s": round(total / work, 1) if work else math.inf,
            "peak_rss_mb": round(peak_mb, 1),
            "stories": len(stories) if name == "stories" else None,
            "open_at_end": len(index.open) if name == "stories" else None,
        }
    )


def run(name: str, total: int, fixed_density: bool = False) -> dict[str, object]:
    queue: mp.Queue = mp.get_context("spawn").Queue()  # type: ignore[type-arg]
    proc = mp.get_context("spawn").Process(target=_phase, args=(name, total, fixed_density, queue))
    proc.start()
    result: dict[str, object] = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--fixed-density",
        action="store_true",
        help="10k articles per three years at every size (default: all over three years)",
    )
    args = parser.parse_args()
    rows = []
    for total in (int(s) for s in args.sizes.split(",")):
        for name in ("minhash", "minhash_lsh", "stories"):
            rows.append(run(name, total, args.fixed_density))
            if not args.json:
                print(json.dumps(rows[-1]), flush=True)
    by = {(r["system"], r["articles"]): r for r in rows}
    sizes = sorted({int(r["articles"]) for r in rows})  # type: ignore[call-overload]
    summary = {
        "ratio_vs_minhash": {
            n: round(
                float(by["stories", n]["articles_per_s"])
                / float(by["minhash", n]["articles_per_s"]),
                3,
            )  # type: ignore[arg-type]
            for n in sizes
        },
    }
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        summary["seconds_growth_vs_size_growth"] = {
            name: round(
                float(by[name, large]["seconds"])
                / float(by[name, small]["seconds"])
                / (large / small),
                3,
            )  # type: ignore[arg-type]
            for name in ("minhash", "minhash_lsh", "stories")
        }
    print(json.dumps({"runs": rows, **summary}) if args.json else json.dumps(summary))


if __name__ == "__main__":
    main()

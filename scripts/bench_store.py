"""`make bench` (store): the PostgreSQL store against the SQLite store on the same operations.

What a run of newsrecon asks of its store, timed per backend in the same process on the same
records: adding articles in batches (with full-text indexing), reading them back one by one
and all at once, full-text search, and the parse cache (DocBin-sized blobs written and read).
SQLite (a file, WAL, ``synchronous=NORMAL``) is the baseline: PostgreSQL is the backend for
several writers and big corpora, and the figure to read is what it costs on one laptop.

PostgreSQL: ``--postgres URL`` (a database you can drop tables in: the bench creates and drops
its own schema objects through the store's migrations, so use an empty database), else a
throwaway local cluster started for the run with the server binaries ``make test`` installs,
set to the durability SQLite's WAL + ``synchronous=NORMAL`` gives (``fsync`` and full-page
writes on; ``synchronous_commit=off``: a crash may lose the last commits, never consistency).
The connection is loopback TCP: a remote server adds a round trip per statement.
Data: PolNeAR texts from ../shared/corpora, repeated with an edition line to ``--articles``;
else the repository's examples/.

    python scripts/bench_store.py [--articles 5000] [--postgres URL] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
SEED = 5
BATCH = 200
BLOB_BYTES = 60_000  # about a parsed 800-word article as a DocBin
QUERIES = 200
READS = 2_000


def _texts() -> list[str]:
    found = sorted(CORPORA.glob("polnear/data/*/text/*.txt"))
    if found:
        return [p.read_text(errors="replace") for p in found]
    return [p.read_text() for p in sorted((REPO / "examples").glob("*.txt"))]


def _articles(count: int) -> list[Any]:
    from newsrecon.model import Article

    base = _texts()
    out = []
    for i in range(count):
        text = base[i % len(base)] + ("" if i < len(base) else f"\n\nEdition {i}.")
        digest = hashlib.sha256(text.encode()).hexdigest()
        out.append(
            Article(
                id=f"a{digest[:16]}",
                source=f"bench/{i:06d}.txt",
                format="text",
                text=text,
                content_hash=digest,
                outlet=f"outlet{i % 7}",
                outlet_basis="file_name",
                title=text.split("\n", 1)[0][:90],
                published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                published_basis="metadata",
            )
        )
    return out


def _queries(articles: list[Any], rng: random.Random) -> list[str]:
    words = [w for a in articles[:200] for w in a.text.split() if w.isalpha() and len(w) > 5]
    return [" ".join(rng.sample(words, 2)) for _ in range(QUERIES)]


def _timed(action: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    done = action()
    return time.perf_counter() - start, done


def _measure(location: str, articles: list[Any], queries: list[str]) -> dict[str, float]:
    from newsrecon.store import open_store

    rng = random.Random(SEED)
    ids = [a.id for a in articles]
    picks = [rng.choice(ids) for _ in range(READS)]
    blob = rng.randbytes(BLOB_BYTES)
    figures: dict[str, float] = {}
    with open_store(location) as store:

        def add() -> int:
            return sum(
                store.add_articles(articles[i : i + BATCH]) for i in range(0, len(articles), BATCH)
            )

        def read_each() -> int:
            return sum(1 for i in picks if store.get_article(i).id == i)

        def read_all() -> int:
            return sum(1 for _ in store.articles())

        def search() -> int:
            return sum(1 for q in queries if store.search(q, limit=20) is not None)

        def cache() -> int:
            for a in articles[:READS]:
                store.put_doc(a.content_hash, "bench", blob)
            return sum(1 for a in articles[:READS] if store.get_doc(a.content_hash, "bench"))

        for name, action in (
            ("add", add),
            ("get", read_each),
            ("scan", read_all),
            ("search", search),
            ("cache", cache),
        ):
            seconds, done = _timed(action)
            figures[f"{name}_per_s"] = done / seconds
    return figures


def _throwaway_cluster() -> tuple[Any, str] | None:
    """A local cluster for the run, or None (with the reason printed) where there is none."""
    sys.path.insert(0, str(REPO / "tests"))
    try:
        import psycopg
    except ImportError:
        print("bench_store: psycopg is not installed (pip install 'newsrecon[postgres]')")
        return None

    from pg_helpers import Cluster, find_bin

    bin_dir = find_bin()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        print("bench_store: no PostgreSQL server binaries (make test installs them): SQLite only")
        return None
    cluster = Cluster(bin_dir)
    cluster.start()
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        for setting, value in (
            ("fsync", "on"),
            ("full_page_writes", "on"),
            ("synchronous_commit", "off"),
        ):
            conn.execute(f"ALTER SYSTEM SET {setting} = '{value}'")
        conn.execute("SELECT pg_reload_conf()")
    return cluster, cluster.url


LABELS = {
    "add": "add articles (batches of 200, with FTS)",
    "get": "get one article by id",
    "scan": "read all articles",
    "search": "full-text search (top 20)",
    "cache": "parse cache: put + get a 60 KB blob",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--postgres", help="an empty PostgreSQL database URL (default: throwaway)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    articles = _articles(args.articles)
    queries = _queries(articles, random.Random(SEED))
    cluster, url = None, args.postgres
    if url is None:
        started = _throwaway_cluster()
        cluster, url = started if started else (None, None)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
            sqlite = _measure(str(Path(tmp) / "bench.db"), articles, queries)
        postgres = _measure(url, articles, queries) if url else {}
    finally:
        if cluster is not None:
            cluster.stop()
    results = {"articles": len(articles), "sqlite": sqlite, "postgres": postgres}
    if args.json:
        print(json.dumps(results))
        return
    print(f"store bench: {len(articles)} articles, operations per second")
    print(f"  {'operation':42s} {'SQLite (file)':>14s} {'PostgreSQL':>12s} {'PG/SQLite':>10s}")
    for key, label in LABELS.items():
        a, b = sqlite[f"{key}_per_s"], postgres.get(f"{key}_per_s", float("nan"))
        print(f"  {label:42s} {a:14.1f} {b:12.1f} {b / a:10.2f}")


if __name__ == "__main__":
    main()

"""Quote extraction time per article beside spaCy's parse time for the same articles.

Run: ``python scripts/bench_quotes.py [POLNEAR_SPLIT_DIR] [N]`` (default: the PolNeAR dev texts
in ../shared/corpora, first 40). Both timings run in this process on the same texts; the figure
that matters is the ratio extraction/parse (goal: at most 0.20).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from newsrecon.model import Article
from newsrecon.pipeline.nlp import get_pipeline, parse
from newsrecon.pipeline.quotes.extract import extract_quotes

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/corpora/polnear/data/dev"


def main() -> None:
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    paths = sorted((directory / "text").glob("*.txt"))[:limit]
    if not paths:
        print(f"bench_quotes: no texts under {directory}/text (needs ../shared)")
        return
    texts = [p.read_text(encoding="utf-8") for p in paths]
    get_pipeline()
    list(parse(texts[:2]))  # warm up
    start = time.perf_counter()
    docs = list(parse(texts))
    parse_s = time.perf_counter() - start
    articles = [
        Article(
            id=p.stem,
            source=str(p),
            format="text",
            text=t,
            content_hash="",
            outlet="bench",
            outlet_basis="file_name",
        )
        for p, t in zip(paths, texts, strict=True)
    ]
    start = time.perf_counter()
    found = sum(len(extract_quotes(d, a)) for d, a in zip(docs, articles, strict=True))
    quotes_s = time.perf_counter() - start
    n = len(texts)
    print(
        f"quotes: {n} articles, parse {parse_s / n * 1000:.1f} ms/article, extraction "
        f"{quotes_s / n * 1000:.1f} ms/article ({found} quotes), "
        f"extraction/parse = {quotes_s / parse_s:.3f}"
    )


if __name__ == "__main__":
    main()

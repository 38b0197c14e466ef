"""``newsrecon eval reuse DIR``: the derived reuse benchmark, newsrecon beside a plain
baseline (document-level datasketch MinHash LSH for candidates, difflib matching blocks for
passages) run on the same articles."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from newsrecon.evaluation.reuse_bench import (
    BenchArticle,
    build,
    load_texts,
    planted,
    unrelated_originals,
    word_index,
)
from newsrecon.evaluation.reuse_scoring import Detection, score
from newsrecon.pipeline.reuse.detect import DEFAULT, ReuseParams, stream_reuse
from newsrecon.pipeline.reuse.tokens import shingle_hashes, words_of

BASELINE_THRESHOLD = 0.3  # document-level Jaccard for the baseline's LSH
BASELINE_SHINGLE = 5


def ours(articles: Sequence[BenchArticle], params: ReuseParams = DEFAULT) -> list[Detection]:
    return [
        (pair.article_a, pair.article_b, (p.a.start, p.a.end), (p.b.start, p.b.end))
        for pair in stream_reuse(((a.id, a.text) for a in articles), params)
        for p in pair.passages
    ]


def baseline(articles: Sequence[BenchArticle], min_words: int) -> list[Detection]:
    """Near-duplicate documents by MinHash LSH, then difflib's matching blocks of words."""
    lsh = MinHashLSH(threshold=BASELINE_THRESHOLD, num_perm=128)
    words = {a.id: words_of(a.text) for a in articles}
    sets = [
        [
            h.to_bytes(4, "little")
            for h in shingle_hashes(words[a.id].ids, BASELINE_SHINGLE).tolist()
        ]
        for a in articles
    ]
    found: list[Detection] = []
    for art, signature in zip(articles, MinHash.bulk(sets, num_perm=128), strict=True):
        for other in sorted(lsh.query(signature)):
            wa, wb = words[other], words[art.id]
            matcher = difflib.SequenceMatcher(None, wa.words, wb.words, autojunk=False)
            for block in matcher.get_matching_blocks():
                if block.size >= min_words:
                    i, j, n = block.a, block.b, block.size
                    found.append(
                        (
                            other,
                            art.id,
                            (wa.starts[i], wa.ends[i + n - 1]),
                            (wb.starts[j], wb.ends[j + n - 1]),
                        )
                    )
        lsh.insert(art.id, signature)
    return found


def evaluate_reuse(
    directory: Path, seed: int = 13, params: ReuseParams = DEFAULT
) -> dict[str, object]:
    """Scores of both systems on copies derived from the articles of ``directory``."""
    originals = unrelated_originals(load_texts(directory))
    articles = build(originals, seed)
    min_words = params.align.min_words
    truth, allowed = planted(articles, min_words)
    starts = {a.id: word_index(a.text) for a in articles}
    n = len(articles)
    total_pairs = n * (n - 1) // 2
    mine = score(ours(articles, params), truth, allowed, starts, total_pairs)
    base = score(baseline(articles, min_words), truth, allowed, starts, total_pairs)
    return {
        **mine.as_dict(),
        "baseline": base.as_dict(),
        "articles": n,
        "originals": len(originals),
        "planted_passages": len(truth),
        "unrelated_pairs": total_pairs - len({(p.x, p.y) for p in [*truth, *allowed]}),
        "seed": seed,
        "parameters": params.as_dict(),
        "baseline_parameters": {
            "lsh_threshold": BASELINE_THRESHOLD,
            "shingle_words": BASELINE_SHINGLE,
            "num_perm": 128,
            "min_block_words": min_words,
        },
    }

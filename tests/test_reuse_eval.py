"""The derived reuse benchmark: truth read off word origins, and both systems scored."""

from __future__ import annotations

import pytest

from newsrecon.api.evaluate_reuse import baseline, ours
from newsrecon.evaluation.reuse_bench import build, planted, unrelated_originals, word_index
from newsrecon.evaluation.reuse_scoring import score
from tests.conftest import CORPORA, require
from tests.fixtures import BRIDGE, ELECTION

ORIGINALS = [
    BRIDGE,
    ELECTION,
    " ".join(f"word{i} filler{i % 7}" for i in range(120)),
    "\n\n".join(" ".join(f"p{k}w{i}" for i in range(30)) for k in range(4)),
]


def test_planted_truth_spans_are_copies() -> None:
    articles = build(ORIGINALS, seed=3)
    truth, _ = planted(articles, 12)
    texts = {a.id: a.text for a in articles}
    assert truth
    for p in truth:
        x = texts[p.x][p.x_span[0] : p.x_span[1]].split()
        y = texts[p.y][p.y_span[0] : p.y_span[1]].split()
        assert len(set(x) & set(y)) >= 0.7 * min(len(set(x)), len(set(y)))


def test_detection_beats_nothing_and_scores_are_fractions() -> None:
    articles = build(ORIGINALS, seed=3)
    truth, allowed = planted(articles, 12)
    starts = {a.id: word_index(a.text) for a in articles}
    n = len(articles)
    for system in (ours(articles), baseline(articles, 12)):
        s = score(system, truth, allowed, starts, n * (n - 1) // 2)
        for value in (s.precision, s.recall, s.passage_recall, s.false_positive_rate):
            assert 0.0 <= value <= 1.0
    assert score([], truth, allowed, starts, n * (n - 1) // 2).recall == 0.0


@pytest.mark.corpus
@pytest.mark.slow
def test_polnear_sample_meets_the_goal() -> None:
    from newsrecon.evaluation.reuse_bench import load_texts

    texts = load_texts(require(CORPORA / "polnear" / "data" / "dev" / "text"))[:40]
    articles = build(unrelated_originals(texts), seed=5)
    truth, allowed = planted(articles, 12)
    starts = {a.id: word_index(a.text) for a in articles}
    n = len(articles)
    s = score(ours(articles), truth, allowed, starts, n * (n - 1) // 2)
    assert s.recall >= 0.9 and s.precision >= 0.95 and s.false_positive_rate <= 0.01

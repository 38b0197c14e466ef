"""The Spark runner gives the same results as the single-machine path on the same input.

One ``local[2]`` session serves the whole module. Inputs: the team's fictional ``examples/``
plus copies derived from them, and a sample of PolNeAR dev texts (../shared) plus derived
copies, written to a temporary folder at test time (no corpus text in the repository). The
derived copies (paragraphs reordered, dropped, edited, pasted into another article) make sure
reuse pairs and multi-article stories exist to compare.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from newsrecon.api.runner import Runner
from newsrecon.model import AnalysisParameters
from newsrecon.pipeline.reuse.detect import DEFAULT, find_reuse, side
from newsrecon.pipeline.reuse.provenance import direction, provenance, wire_groups
from newsrecon.store.base import open_store

from .conftest import CORPORA, EXAMPLES, require

pytestmark = [pytest.mark.slow]

POLNEAR_SAMPLE = 8


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="the spark extra is not installed")
    if shutil.which("java") is None:
        pytest.skip("java is absent: `make system` installs openjdk-17-jre-headless")
    from newsrecon.spark.session import spark_session

    session = spark_session("local[2]", app_name="newsrecon-tests")
    yield session
    session.stop()


def _derive(texts: list[str], folder: Path) -> None:
    """Derived copies: reordered with an edit, truncated, and one pasted into another text;
    some as JSON Lines, the format a crawl export comes in."""
    paragraphs = [[p for p in t.split("\n") if p.strip()] for t in texts]
    records = []
    for i, parts in enumerate(paragraphs[:4]):
        if len(parts) < 3:
            continue
        reordered = [*parts[1:], parts[0]]
        reordered[0] = reordered[0].replace(" the ", " a ", 1)
        (folder / f"copy-{i}-reordered.txt").write_text("\n\n".join(reordered) + "\n")
        records.append({"text": "\n\n".join(parts[: len(parts) // 2 + 1]), "title": f"Brief {i}"})
    host = paragraphs[-1]
    pasted = [*host[:1], *paragraphs[0][:2], *host[1:]]
    records.append({"text": "\n\n".join(pasted), "title": "Roundup"})
    with (folder / "derived.jsonl").open("w") as out:
        out.writelines(json.dumps(r) + "\n" for r in records)


@pytest.fixture(scope="module")
def fixture_inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("spark-fixtures")
    texts = []
    for path in sorted(EXAMPLES.iterdir()):
        shutil.copy(path, folder / path.name)
        if path.suffix == ".txt":
            texts.append(path.read_text())
    _derive(texts, folder)
    return [str(folder)]


@pytest.fixture(scope="module")
def corpus_inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    source = require(CORPORA / "polnear" / "data" / "dev" / "text")
    folder = tmp_path_factory.mktemp("spark-polnear")
    texts = [p.read_text() for p in sorted(source.glob("*.txt"))[:POLNEAR_SAMPLE]]
    for i, text in enumerate(texts):
        (folder / f"article-{i:02d}.txt").write_text(text)
    _derive(texts, folder)
    return [str(folder / "*.txt"), str(folder / "*.jsonl")]


def _single_machine(inputs: list[str], params: AnalysisParameters):
    runner = Runner(open_store(":memory:"), params)
    return runner, runner.ingest(inputs)


def _reference_reuse(articles):
    """The single-machine corpus path: LSH candidates and alignment (find_reuse), directed,
    grouped and attributed by the reuse stage's functions."""
    by_id = {a.id: a for a in articles}
    pairs = [
        direction(p, by_id[p.article_a], by_id[p.article_b])
        for p in find_reuse({a.id: a.text for a in articles})
    ]
    lengths = {a.id: len(side(a.id, a.text).words) for a in articles}
    groups = wire_groups(
        sorted(by_id), pairs, lengths, DEFAULT.wire_min_words, DEFAULT.wire_min_share
    )
    records = [
        provenance(g, pairs, by_id, DEFAULT.wire_min_words, DEFAULT.wire_min_share)
        for g in groups
        if len(g) > 1
    ]
    return pairs, records


def _spark_reuse(spark, inputs, tmp_path):
    from newsrecon.spark.jobs import run_reuse

    out = tmp_path / "reuse"
    summary = run_reuse(inputs, str(out), master="local[2]", spark=spark)
    pairs = spark.read.parquet(str(out / "pairs")).orderBy("article_a", "article_b").collect()
    groups = spark.read.parquet(str(out / "wire_groups")).orderBy("group_id").collect()
    return summary, pairs, groups


def _compare_reuse(spark, inputs, tmp_path) -> int:
    _, ingested = _single_machine(inputs, AnalysisParameters())
    pairs, records = _reference_reuse(ingested.articles)
    summary, got_pairs, got_groups = _spark_reuse(spark, inputs, tmp_path)
    assert summary["articles"] == len(ingested.articles)
    assert summary["rejected"] == len(ingested.rejected)
    expected = [
        (
            p.article_a,
            p.article_b,
            p.direction.value,
            list(p.basis),
            p.share_a,
            p.share_b,
            p.narrative_words,
            [
                (q.a.start, q.a.end, q.b.start, q.b.end, q.similarity, q.kind.value, q.words)
                for q in p.passages
            ],
        )
        for p in pairs
    ]
    got = [
        (
            r.article_a,
            r.article_b,
            r.direction,
            list(r.basis),
            r.share_a,
            r.share_b,
            r.narrative_words,
            [tuple(q) for q in r.passages],
        )
        for r in got_pairs
    ]
    assert got == expected
    expected_groups = sorted((list(g.articles), g.original, list(g.copies)) for g in records)
    got_groups_ = sorted((list(g.articles), g.original, list(g.copies)) for g in got_groups)
    assert got_groups_ == expected_groups
    return len(pairs)


def _compare_stories(spark, inputs, tmp_path) -> int:
    from newsrecon.spark.jobs import run_stories

    params = AnalysisParameters()
    runner, ingested = _single_machine(inputs, params)
    stories = runner.group(ingested.articles, runner.docs(ingested.articles))
    out = tmp_path / "stories"
    run_stories(inputs, str(out), master="local[2]", spark=spark)
    rows = spark.read.parquet(str(out / "stories")).collect()
    got = sorted((r.story_id, tuple(r.article_ids), r.title) for r in rows)
    assert got == sorted((s.id, s.article_ids, s.title) for s in stories)
    return max(len(s.article_ids) for s in stories)


def test_reuse_matches_single_machine_on_fixtures(spark, fixture_inputs, tmp_path) -> None:
    assert _compare_reuse(spark, fixture_inputs, tmp_path) >= 3


@pytest.mark.corpus
def test_reuse_matches_single_machine_on_polnear(spark, corpus_inputs, tmp_path) -> None:
    assert _compare_reuse(spark, corpus_inputs, tmp_path) >= 4


@pytest.mark.corpus
def test_stories_match_single_machine_on_polnear(spark, corpus_inputs, tmp_path) -> None:
    assert _compare_stories(spark, corpus_inputs, tmp_path) >= 2


def test_stories_match_single_machine_on_fixtures(spark, fixture_inputs, tmp_path) -> None:
    assert _compare_stories(spark, fixture_inputs, tmp_path) >= 2


def test_missing_extra_says_how_to_install(monkeypatch) -> None:
    from newsrecon.errors import MissingExtra
    from newsrecon.spark import session

    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setattr(session.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(MissingExtra, match=r"pip install 'newsrecon\[spark\]'"):
        session.spark_session("local[1]")


def _worker_state(_: object) -> tuple[str, int]:
    import sys

    from newsrecon.pipeline import nlp

    main = sys.modules["__main__"]
    spec = getattr(main, "__spec__", None)
    return (spec.name if spec else "", nlp.get_pipeline.cache_info().currsize)


def test_workers_fork_from_a_daemon_holding_the_pipeline(spark) -> None:
    """A Python worker finds the spaCy pipeline loaded before its first parse: it was forked
    from newsrecon's daemon, which loaded it once."""
    from newsrecon.spark.session import DAEMON_MODULE

    assert spark.conf.get("spark.python.daemon.module") == DAEMON_MODULE
    states = spark.sparkContext.parallelize(range(4), 4).map(_worker_state).collect()
    assert states and all(state == (DAEMON_MODULE, 1) for state in states)

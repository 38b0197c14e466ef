"""The use cases behind ``newsrecon spark reuse|stories``: read, run, write Parquet.

Output folder layout (one Parquet dataset per table, plus the parameters as JSON):
``articles/``, ``rejections/``, ``parameters.json``, and ``pairs/`` + ``wire_groups/`` for
reuse or ``stories/`` + ``assignments/`` for stories.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsrecon.errors import ConfigError
from newsrecon.model import AnalysisParameters
from newsrecon.pipeline.reuse.detect import DEFAULT, ReuseParams
from newsrecon.pipeline.stories import DEFAULT_WINDOW_DAYS, grouping_parameters
from newsrecon.spark.articles import load_articles
from newsrecon.spark.inputs import is_url
from newsrecon.spark.reuse_job import find_corpus_reuse
from newsrecon.spark.session import spark_session
from newsrecon.version import PIPELINE_VERSION


def run_reuse(
    inputs: Sequence[str],
    output: str,
    *,
    master: str,
    analysis: AnalysisParameters | None = None,
    params: ReuseParams = DEFAULT,
    spark: Any = None,
) -> dict[str, Any]:
    """Reuse pairs and wire groups of every input article, written under ``output``."""
    analysis = analysis or AnalysisParameters()
    spark = spark or spark_session(master)
    started = time.perf_counter()
    tables, articles = _load(spark, inputs, analysis, output)
    found = find_corpus_reuse(spark, articles, params)
    _write(found.pairs, output, "pairs")
    _write(found.groups, output, "wire_groups")
    summary = {
        "articles": articles.count(),
        "rejected": tables.rejections.count(),
        "candidate_pairs": found.candidate_pairs,
        "pairs": found.pairs.count(),
        "wire_groups": found.groups.count(),
        "seconds": round(time.perf_counter() - started, 2),
    }
    _parameters(output, {"reuse": params.as_dict(), "analysis": analysis.as_dict()}, summary)
    return summary


def run_stories(
    inputs: Sequence[str],
    output: str,
    *,
    master: str,
    analysis: AnalysisParameters | None = None,
    window_days: float = DEFAULT_WINDOW_DAYS,
    spark: Any = None,
) -> dict[str, Any]:
    """Stories of every input article, written under ``output``."""
    from newsrecon.spark.story_job import group_corpus

    analysis = analysis or AnalysisParameters()
    spark = spark or spark_session(master)
    started = time.perf_counter()
    tables, articles = _load(spark, inputs, analysis, output)
    found = group_corpus(
        spark, articles, similarity=analysis.story_similarity, window_days=window_days
    )
    stories = found.stories.persist()
    _write(stories.drop("file_index", "record_index"), output, "stories")
    _write(found.assignments, output, "assignments")
    summary = {
        "articles": articles.count(),
        "rejected": tables.rejections.count(),
        "stories": stories.count(),
        "candidate_pairs": found.candidate_pairs,
        "similar_pairs": found.edges,
        "seconds": round(time.perf_counter() - started, 2),
    }
    grouping = grouping_parameters(analysis.story_similarity, window_days)
    _parameters(output, {"stories": grouping, "analysis": analysis.as_dict()}, summary)
    return summary


def _load(
    spark: Any, inputs: Sequence[str], analysis: AnalysisParameters, output: str
) -> tuple[Any, Any]:
    """Read every input once (persisted: each job reads the articles several times) and write
    the articles and rejections tables every job's output carries."""
    tables = load_articles(spark, inputs, analysis)
    articles = tables.articles.persist()
    _write(articles.drop("file_index", "record_index"), output, "articles")
    _write(tables.rejections, output, "rejections")
    return tables, articles


def _write(frame: Any, output: str, name: str) -> None:
    frame.write.mode("overwrite").parquet(f"{output.rstrip('/')}/{name}")


def _parameters(output: str, parameters: dict[str, Any], summary: dict[str, Any]) -> None:
    """``parameters.json`` beside the tables (local output folders only; on a cluster the
    command prints the same JSON)."""
    if is_url(output) and not output.startswith("file://"):
        return
    folder = Path(output.removeprefix("file://"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        document = {"pipeline_version": PIPELINE_VERSION, **parameters, "summary": summary}
        (folder / "parameters.json").write_text(json.dumps(document, indent=2) + "\n")
    except OSError as err:
        raise ConfigError(f"{output}: cannot write parameters.json ({err.strerror})") from err

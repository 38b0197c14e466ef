"""``newsrecon spark reuse|stories``: the same stages over a whole corpus on Apache Spark."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from newsrecon.model import AnalysisParameters

spark_app = typer.Typer(
    name="spark",
    help="Run reuse detection or story grouping on Apache Spark (needs newsrecon[spark]).",
    no_args_is_help=True,
)

Inputs = Annotated[
    list[str],
    typer.Option(
        "--input",
        "-i",
        help="Files, folders, globs (any format newsrecon reads, e.g. '*.jsonl.gz'), or Hadoop "
        "URL patterns such as 's3a://bucket/crawl/*.warc.gz'; repeat for several.",
    ),
]
Output = Annotated[
    str, typer.Option("--output", "-o", help="Output folder (or Hadoop URL) for Parquet tables.")
]
Master = Annotated[
    str,
    typer.Option("--master", help="Spark master: local[N], spark://host:7077, yarn, k8s://..."),
]

MaxBytes = Annotated[
    int,
    typer.Option(
        "--max-bytes", min=1, help="Refuse input files larger than this (WARC: raise it)."
    ),
]
_DEFAULTS = AnalysisParameters()


def reuse(
    inputs: Inputs,
    output: Output,
    master: Master = "local[2]",
    max_bytes: MaxBytes = _DEFAULTS.max_bytes,
) -> None:
    """Passages shared between articles of a whole corpus, with wire groups and provenance,
    as Parquet (pairs/, wire_groups/, articles/, rejections/, parameters.json).

    Example: newsrecon spark reuse --input 'crawl/*.warc.gz' --output out/reuse --master local[2]
    """
    from newsrecon.spark.jobs import run_reuse

    params = AnalysisParameters(max_bytes=max_bytes)
    typer.echo(json.dumps(run_reuse(inputs, output, master=master, analysis=params)))


def stories(
    inputs: Inputs,
    output: Output,
    master: Master = "local[2]",
    similarity: Annotated[
        float,
        typer.Option(
            "--similarity",
            min=0.0,
            max=1.0,
            help="How alike two articles must be to be the same story (as for analyze).",
        ),
    ] = _DEFAULTS.story_similarity,
    max_bytes: MaxBytes = _DEFAULTS.max_bytes,
) -> None:
    """Stories of a whole corpus, grouped exactly as on one machine, as Parquet (stories/,
    assignments/, articles/, rejections/, parameters.json).

    Example: newsrecon spark stories --input 'news/*.jsonl' --output out/stories
    """
    from newsrecon.spark.jobs import run_stories

    params = AnalysisParameters(story_similarity=similarity, max_bytes=max_bytes)
    typer.echo(json.dumps(run_stories(inputs, output, master=master, analysis=params)))


spark_app.command("reuse")(reuse)
spark_app.command("stories")(stories)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.add_typer(spark_app, name="spark")

"""Articles on Spark: inputs read and cleaned on executors, duplicates decided in input order.

The single-machine runner keeps the first article with a given clean text and rejects later
ones as duplicates "of" the first; here a window over the content hash, ordered by input
position, makes the same choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsrecon.model import AnalysisParameters, RejectKind
from newsrecon.spark.inputs import (
    ARTICLE_SCHEMA,
    REJECTION_SCHEMA,
    build_rows,
    list_inputs,
    read_local,
    read_remote,
)
from newsrecon.spark.session import task_count

ORDER = ("file_index", "record_index")


@dataclass(frozen=True, slots=True)
class ArticleTables:
    """Unique articles (Spark DataFrame, ``ARTICLE_SCHEMA``) and every rejection."""

    articles: Any
    rejections: Any


def load_articles(
    spark: Any, inputs: Sequence[str], params: AnalysisParameters, partitions: int | None = None
) -> ArticleTables:
    """Read every input on the cluster; local files are read by path (the cluster must see
    the same file system), Hadoop URLs (``s3a://``, ``hdfs://``) through ``binaryFiles``."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    sc = spark.sparkContext
    listing = list_inputs(inputs, params.max_bytes)
    slices = partitions or max(1, sc.defaultParallelism * 2)
    records = sc.emptyRDD()
    if listing.local:
        paths = list(enumerate(listing.local))
        local = sc.parallelize(paths, min(len(paths), slices))
        records = records.union(local.mapPartitions(lambda items: read_local(items, params)))
    offset = len(listing.local)
    for pattern in listing.remote:
        files = sc.binaryFiles(pattern).sortByKey().zipWithIndex()
        start = offset
        numbered = files.map(lambda pair, start=start: (start + pair[1], pair[0]))
        records = records.union(numbered.mapPartitions(lambda items: read_remote(items, params)))
        offset += 1_000_000_000  # room for each pattern's files, in the pattern's order
    # Reading a file is one task, but cleaning its records is the work: a single JSON Lines
    # file of 1,000 articles was cleaned by one task, a sixth of a local[2] reuse run on one
    # core. Records are hashed on their input position over TASKS_PER_CORE tasks per core
    # (the same split on every run) before they are built.
    by_position = records.map(lambda r: ((r[0], r[1]), r)).partitionBy(task_count(sc))
    tagged = by_position.values().mapPartitions(lambda items: build_rows(items, params)).persist()
    rows = spark.createDataFrame(
        tagged.filter(lambda t: t[0] == "a").map(lambda t: t[1]), ARTICLE_SCHEMA
    )
    rejected = spark.createDataFrame(
        tagged.filter(lambda t: t[0] == "r").map(lambda t: t[1]), REJECTION_SCHEMA
    )
    missing = [(-1, i, r.source, r.kind.value, r.reason) for i, r in enumerate(listing.missing)]
    if missing:
        rejected = rejected.unionByName(spark.createDataFrame(missing, REJECTION_SCHEMA))

    first = Window.partitionBy("content_hash").orderBy(*ORDER)
    ranked = rows.withColumn("_rank", F.row_number().over(first)).withColumn(
        "_first_source", F.first("source").over(first)
    )
    unique = ranked.filter("_rank = 1").drop("_rank", "_first_source")
    duplicates = ranked.filter("_rank > 1").select(
        *ORDER,
        "source",
        F.lit(RejectKind.DUPLICATE.value).alias("kind"),
        F.concat(
            F.lit("same text as "), "_first_source", F.lit(" (article "), "id", F.lit(")")
        ).alias("reason"),
    )
    return ArticleTables(unique, rejected.unionByName(duplicates))

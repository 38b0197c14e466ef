"""``newsrecon spark reuse``: text reuse across a whole corpus on Spark.

The single-machine corpus path (:func:`newsrecon.pipeline.reuse.detect.find_reuse`) indexes
every chunk MinHash of every article in a datasketch ``MinHashLSH`` and aligns each colliding
pair. Here each executor computes the same chunk MinHashes (the stage's ``chunk_minhashes``)
and emits one key per LSH band (band index and the band's hash values: exactly what datasketch
keys its band tables with), so a shuffle on the key yields the same candidate pairs without a
central index. Each pair is then aligned by the stage's ``align_pair`` and directed by its
``direction``; wire groups and provenance use the stage's ``wire_groups`` and ``provenance``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsrecon.model.reuse import ReusePair
from newsrecon.pipeline.reuse.candidates import chunk_minhashes
from newsrecon.pipeline.reuse.detect import DEFAULT, ReuseParams, align_pair, side
from newsrecon.pipeline.reuse.provenance import direction, is_linked, provenance, wire_groups
from newsrecon.pipeline.reuse.tokens import words_of
from newsrecon.spark.inputs import article_from_row
from newsrecon.spark.session import spread

PAIR_SCHEMA = (
    "article_a STRING, article_b STRING, direction STRING, basis ARRAY<STRING>, "
    "share_a DOUBLE, share_b DOUBLE, narrative_words INT, words_a INT, words_b INT, "
    "linked BOOLEAN, "
    "passages ARRAY<STRUCT<a_start: INT, a_end: INT, b_start: INT, b_end: INT, "
    "similarity: DOUBLE, kind: STRING, words: INT>>"
)
GROUP_SCHEMA = (
    "group_id INT, articles ARRAY<STRING>, original STRING, copies ARRAY<STRING>, "
    "basis ARRAY<STRING>, agency STRING, min_words INT, min_share DOUBLE"
)


@dataclass(frozen=True, slots=True)
class ReuseTables:
    pairs: Any  # PAIR_SCHEMA, ordered by (article_a, article_b)
    groups: Any  # GROUP_SCHEMA: wire groups of two or more articles
    candidate_pairs: int


def band_keys(rows: Iterable[Any], params: ReuseParams) -> Iterator[tuple[str, str, int]]:
    """Executor: (band key, article id, words) for every LSH band of every chunk."""
    bands = params.candidates.bands
    width = params.candidates.num_perm // bands
    for row in rows:
        words = words_of(row["text"])
        for signature in chunk_minhashes(words.ids, params.candidates):
            values = signature.hashvalues
            for band in range(bands):
                chunk = values[band * width : (band + 1) * width]
                yield f"{band}:{chunk.tobytes().hex()}", row["id"], len(words)


def bucket_pairs(members: Iterable[str]) -> Iterator[tuple[str, str]]:
    ordered = sorted(set(members))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            yield a, b


def aligned(rows: Iterable[Any], params: ReuseParams) -> Iterator[tuple[Any, ...]]:
    """Executor: candidate pairs (with both articles) aligned and directed by the stage."""
    for row in rows:
        a, b = article_from_row(row["a"]), article_from_row(row["b"])
        found = align_pair(side(a.id, a.text), side(b.id, b.text), params)
        if found is None:
            continue
        pair = direction(found, a, b)
        yield pair_row(pair, row["a_words"], row["b_words"], params)


def pair_row(pair: ReusePair, words_a: int, words_b: int, params: ReuseParams) -> tuple[Any, ...]:
    linked = is_linked(pair, words_a, words_b, params.wire_min_words, params.wire_min_share)
    passages = [
        (p.a.start, p.a.end, p.b.start, p.b.end, p.similarity, p.kind.value, p.words)
        for p in pair.passages
    ]
    return (
        pair.article_a,
        pair.article_b,
        pair.direction.value,
        list(pair.basis),
        pair.share_a,
        pair.share_b,
        pair.narrative_words,
        words_a,
        words_b,
        linked,
        passages,
    )


def _light_pair(row: Any) -> ReusePair:
    """What wire grouping and provenance read of a pair (no passages needed)."""
    from newsrecon.model.reuse import Direction

    return ReusePair(
        row["article_a"],
        row["article_b"],
        (),
        row["share_a"],
        row["share_b"],
        row["narrative_words"],
        Direction(row["direction"]),
        tuple(row["basis"]),
    )


def group_provenance(
    item: tuple[int, tuple[tuple[str, ...], list[Any], list[Any]]], params: ReuseParams
) -> tuple[Any, ...]:
    """Executor: one wire group's provenance record from its pairs and articles."""
    group_id, (group, pairs, articles) = item
    by_id = {row["id"]: article_from_row(row) for row in articles}
    record = provenance(
        group,
        [_light_pair(p) for p in pairs],
        by_id,
        params.wire_min_words,
        params.wire_min_share,
    )
    return (
        group_id,
        list(record.articles),
        record.original,
        list(record.copies),
        list(record.basis),
        record.agency,
        record.min_words,
        record.min_share,
    )


def find_corpus_reuse(spark: Any, articles: Any, params: ReuseParams = DEFAULT) -> ReuseTables:
    """Reuse pairs and wire groups of every article in ``articles`` (unique articles)."""
    from pyspark.sql import functions as F

    keys = spark.createDataFrame(
        spread(articles, "id").rdd.mapPartitions(lambda rows: band_keys(rows, params)),
        "key STRING, article_id STRING, words INT",
    ).persist()
    words = keys.select("article_id", "words").distinct()
    buckets = keys.groupBy("key").agg(F.collect_set("article_id").alias("members"))
    candidates = (
        spark.createDataFrame(
            buckets.rdd.flatMap(lambda r: bucket_pairs(r["members"])), "a_id STRING, b_id STRING"
        )
        .distinct()
        .persist()
    )
    candidate_pairs = candidates.count()
    texts = articles.select(F.col("id").alias("key"), F.struct(*articles.columns).alias("article"))
    joined = (
        candidates.join(texts.withColumnsRenamed({"key": "a_id", "article": "a"}), "a_id")
        .join(texts.withColumnsRenamed({"key": "b_id", "article": "b"}), "b_id")
        .join(words.withColumnsRenamed({"article_id": "a_id", "words": "a_words"}), "a_id")
        .join(words.withColumnsRenamed({"article_id": "b_id", "words": "b_words"}), "b_id")
    )
    pairs = spark.createDataFrame(
        joined.rdd.mapPartitions(lambda rows: aligned(rows, params)), PAIR_SCHEMA
    ).persist()
    rows = pairs.filter("linked").drop("passages").collect()
    linked = [_light_pair(r) for r in rows]
    members = sorted({p.article_a for p in linked} | {p.article_b for p in linked})
    lengths = {r[f"article_{s}"]: r[f"words_{s}"] for r in rows for s in "ab"}
    groups = [
        g
        for g in wire_groups(members, linked, lengths, params.wire_min_words, params.wire_min_share)
        if len(g) > 1
    ]
    group_table = _provenance_table(spark, articles, pairs, groups, params)
    return ReuseTables(pairs.orderBy("article_a", "article_b"), group_table, candidate_pairs)


def _provenance_table(
    spark: Any, articles: Any, pairs: Any, groups: list[tuple[str, ...]], params: ReuseParams
) -> Any:
    """One provenance record per wire group, computed where the group's pairs and texts meet."""
    if not groups:
        return spark.createDataFrame([], GROUP_SCHEMA)
    group_of = spark.createDataFrame(
        [(i, a) for i, g in enumerate(groups) for a in g], "group_id INT, article_id STRING"
    )
    pairs_by_group = (
        pairs.drop("passages")
        .join(group_of.withColumnRenamed("article_id", "article_a"), "article_a")
        .rdd.map(lambda r: (r["group_id"], r))
        .groupByKey()
        .mapValues(list)
    )
    articles_by_group = (
        articles.join(group_of.withColumnRenamed("article_id", "id"), "id")
        .rdd.map(lambda r: (r["group_id"], r))
        .groupByKey()
        .mapValues(list)
    )
    slices = max(1, min(len(groups), spark.sparkContext.defaultParallelism * 2))
    records = (
        spark.sparkContext.parallelize(list(enumerate(groups)), slices)
        .leftOuterJoin(pairs_by_group)
        .join(articles_by_group)
        .map(lambda kv: (kv[0], (kv[1][0][0], kv[1][0][1] or [], kv[1][1])))
    )
    # kept: the sort first samples its keys, and the job counts the groups after writing
    # them; each would run the provenance of every group again
    return (
        spark.createDataFrame(
            records.map(lambda item: group_provenance(item, params)), GROUP_SCHEMA
        )
        .persist()
        .orderBy("group_id")
    )

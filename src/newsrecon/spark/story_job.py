"""``newsrecon spark stories``: story grouping of a whole corpus on Spark.

Parsing (spaCy) and feature extraction run on executors with the stage's own
``features_from_doc``; corpus statistics, candidate pairs and their verification are Spark
jobs; the final average-linkage agglomeration runs per connected block with the stage's own
``group_stories``. :mod:`newsrecon.spark.story_math` says why this equals grouping the whole
batch on one machine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsrecon.api.runner import _first_sentence, story_id
from newsrecon.pipeline import nlp
from newsrecon.pipeline.stories import (
    DEFAULT_WINDOW_DAYS,
    NEAR_COPY_TEXT,
    StoryFeatures,
    day_of,
    features_from_doc,
    group_stories,
    threshold_for,
)
from newsrecon.spark import story_math
from newsrecon.spark.inputs import article_from_row
from newsrecon.spark.session import spread, task_count

PARSE_BATCH = 64
# Candidate pairs verified together: their articles' vectors are held at once by one task.
PAIRS_PER_GROUP = 5_000
_EPS = 1e-9

FEATURE_SCHEMA = (
    "file_index BIGINT, record_index INT, article_id STRING, title STRING, published STRING, "
    "day DOUBLE, text STRING, entities ARRAY<STRING>, terms ARRAY<STRING>"
)
VECTOR_SCHEMA = (
    "article_id STRING, day DOUBLE, bucket BIGINT, terms ARRAY<STRING>, weights ARRAY<DOUBLE>, "
    "keys ARRAY<STRING>, key_weights ARRAY<DOUBLE>, text_prefix ARRAY<STRING>, "
    "copy_prefix ARRAY<STRING>, key_prefix ARRAY<STRING>"
)
STORY_SCHEMA = (
    "story_id STRING, founder STRING, title STRING, article_ids ARRAY<STRING>, size INT, "
    "file_index BIGINT, record_index INT"
)
STORY_COLUMNS = [c.split()[0] for c in STORY_SCHEMA.split(", ")]


@dataclass(frozen=True, slots=True)
class StoryTables:
    stories: Any  # story_id, founder, title, article_ids, size, in founder input order
    assignments: Any  # article_id, story_id
    candidate_pairs: int
    edges: int


def features(rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    """Executor: parse articles in batches and extract the stage's story features."""
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) == PARSE_BATCH:
            yield from _features(batch)
            batch = []
    if batch:
        yield from _features(batch)


def _features(batch: list[Any]) -> Iterator[tuple[Any, ...]]:
    articles = [article_from_row(row) for row in batch]
    docs = nlp.parse(a.text for a in articles)
    for row, article, doc in zip(batch, articles, docs, strict=True):
        published = article.published_day
        found = features_from_doc(article.id, published, doc)
        day = day_of(published)
        yield (
            row["file_index"],
            row["record_index"],
            article.id,
            article.title or _first_sentence(article.text),
            published.isoformat() if published else None,
            None if day != day else day,  # NaN -> null
            found.text,
            sorted(found.entities),
            story_math.text_terms(found.text),
        )


def vectors(
    rows: Iterable[Any], documents: int, window_days: float, threshold: float
) -> Iterator[tuple[Any, ...]]:
    """Executor: unit TF-IDF rows and entity weights with corpus statistics, and the prefixes
    candidate generation joins on."""
    for row in rows:
        term_df = {item["term"]: item["df"] for item in row["term_df"] or ()}
        entity_df = {item["key"]: item["df"] for item in row["entity_df"] or ()}
        context = story_math.corpus_context(documents, term_df, entity_df)
        feature = _story_features(row)
        vector = context.vector(feature)
        weights = story_math.text_weights(context, vector)
        keys = dict(vector.entities)
        yield (
            row["article_id"],
            row["day"],
            story_math.time_bucket(row["day"], window_days),
            list(weights),
            list(weights.values()),
            list(keys),
            list(keys.values()),
            story_math.norm_prefix(weights, threshold),
            story_math.norm_prefix(weights, NEAR_COPY_TEXT),
            story_math.mass_prefix(keys, threshold),
        )


def _story_features(row: Any) -> StoryFeatures:
    published = story_math.parse_day(row["published"])
    return StoryFeatures(row["article_id"], published, row["text"], frozenset(row["entities"]))


def verified(pairs: Any, rows: Any, window_days: float, threshold: float) -> Any:
    """Executor: the candidate pairs of one group (a pandas frame ``a``, ``b``) whose stage
    similarity reaches the threshold, with the vectors of every article the group's pairs
    name (``rows``: each shipped once per group, not once per pair)."""
    import pandas as pd  # type: ignore[import-untyped]

    sides = {
        row.article_id: (
            dict(zip(row.terms, row.weights, strict=True)),
            dict(zip(row.keys, row.key_weights, strict=True)),
            row.day,
        )
        for row in rows.itertuples(index=False)
    }
    found = story_math.verified_pairs(
        zip(pairs["a"], pairs["b"], strict=True), sides, window_days, threshold - _EPS
    )
    return pd.DataFrame(list(found), columns=["a", "b"], dtype=object)


def cluster_block(
    members: Iterable[Any], documents: int, similarity: float, window_days: float
) -> Iterator[tuple[Any, ...]]:
    """Executor: one connected block grouped by the stage's ``group_stories`` with corpus
    statistics, members in input order."""
    rows = sorted(members, key=lambda r: (r["file_index"], r["record_index"]))
    term_df = {i["term"]: i["df"] for r in rows for i in _listed(r["term_df"])}
    entity_df = {i["key"]: i["df"] for r in rows for i in _listed(r["entity_df"])}
    context = story_math.corpus_context(documents, term_df, entity_df)
    by_id = {r["article_id"]: r for r in rows}
    groups = group_stories(
        [_story_features(r) for r in rows],
        similarity=similarity,
        window_days=window_days,
        context=context,
    )
    for group in groups:
        founder = by_id[group.founder]
        yield (
            story_id(group.founder),
            group.founder,
            founder["title"],
            list(group.article_ids),
            len(group.article_ids),
            founder["file_index"],
            founder["record_index"],
        )


def cluster_frame(members: Any, documents: int, similarity: float, window_days: float) -> Any:
    """Executor: :func:`cluster_block` on one block handed over as a pandas frame (Arrow
    batches: pickling each member's row cost more than grouping them)."""
    import pandas as pd  # type: ignore[import-untyped]

    rows = members.to_dict("records")
    found = cluster_block(rows, documents, similarity, window_days)
    return pd.DataFrame(list(found), columns=STORY_COLUMNS)


def _listed(value: Any) -> Any:
    """An array column's value, empty for null (Arrow gives arrays, which have no truth)."""
    return () if value is None else value


def group_corpus(
    spark: Any,
    articles: Any,
    *,
    similarity: float,
    window_days: float = DEFAULT_WINDOW_DAYS,
) -> StoryTables:
    """Stories of every article in ``articles`` (the unique-articles table)."""
    from pyspark.sql import functions as F

    threshold = threshold_for(similarity)
    parsed = spread(articles, "id").rdd.mapPartitions(features)
    feats = spark.createDataFrame(parsed, FEATURE_SCHEMA).persist()
    documents = feats.count()
    if documents == 0:
        empty = spark.createDataFrame([], STORY_SCHEMA)
        return StoryTables(empty, empty.select("story_id", "founder"), 0, 0)
    terms = feats.select("article_id", F.explode("terms").alias("term"))
    keys = feats.select("article_id", F.explode("entities").alias("key"))
    term_df = terms.join(terms.groupBy("term").count().withColumnRenamed("count", "df"), "term")
    key_df = keys.join(keys.groupBy("key").count().withColumnRenamed("count", "df"), "key")
    term_lists = term_df.groupBy("article_id").agg(
        F.collect_list(F.struct("term", "df")).alias("term_df")
    )
    key_lists = key_df.groupBy("article_id").agg(
        F.collect_list(F.struct("key", "df")).alias("entity_df")
    )
    table = (
        feats.join(term_lists, "article_id", "left").join(key_lists, "article_id", "left").persist()
    )
    vecs = spark.createDataFrame(
        table.rdd.mapPartitions(lambda rows: vectors(rows, documents, window_days, threshold)),
        VECTOR_SCHEMA,
    ).persist()
    pairs = _candidates(vecs).persist()
    candidate_pairs = pairs.count()
    edges = _verify(pairs, vecs, candidate_pairs, window_days, threshold)
    ids = [r.article_id for r in feats.select("article_id").collect()]
    block = story_math.components(sorted(ids), edges)
    blocks = spark.createDataFrame(list(block.items()), "article_id STRING, block BIGINT")
    # kept: the sort below first samples its keys, which would group every block twice
    grouped = (
        table.join(blocks, "article_id")
        .groupBy("block")
        .applyInPandas(
            lambda members: cluster_frame(members, documents, similarity, window_days),
            STORY_SCHEMA,
        )
        .persist()
    )
    stories = grouped.orderBy("file_index", "record_index")
    assignments = stories.select("story_id", F.explode("article_ids").alias("article_id"))
    return StoryTables(stories, assignments, candidate_pairs, len(edges))


def _verify(
    pairs: Any, vecs: Any, candidate_pairs: int, window_days: float, threshold: float
) -> list[tuple[str, str]]:
    """Pairs verified in groups of about ``PAIRS_PER_GROUP`` (grouped by the first article):
    each group receives the vectors its pairs name once. Joining both vectors onto every pair
    made the JVM serialise a full vector per pair side (most of the job's time, and GC-bound);
    a Python RDD cogroup of the two then spent more pickling rows than verifying them, which
    Spark's own cogroup of pandas frames (Arrow batches) does not."""
    from pyspark.sql import functions as F

    tasks = task_count(pairs.sparkSession.sparkContext)
    groups = max(2 * tasks, -(-candidate_pairs // PAIRS_PER_GROUP))
    keyed = pairs.select(F.pmod(F.hash("a"), F.lit(groups)).alias("g"), "a", "b")
    needed = (
        keyed.select("g", F.col("a").alias("article_id"))
        .union(keyed.select("g", F.col("b").alias("article_id")))
        .distinct()
    )
    # a column of its own name: both sides derive from ``keyed``, and Spark refuses to
    # group two frames on one ambiguous column
    rows = needed.join(vecs, "article_id").select(
        F.col("g").alias("group"), "article_id", "terms", "weights", "keys", "key_weights", "day"
    )
    # both sides hash-partitioned on the group into task_count() tasks, which the cogroup
    # keeps: Spark's default (two tasks per core) left a core idle behind the largest group
    found = (
        keyed.repartition(tasks, "g")
        .groupBy("g")
        .cogroup(rows.repartition(tasks, "group").groupBy("group"))
        .applyInPandas(
            lambda group, sides: verified(group, sides, window_days, threshold),
            "a STRING, b STRING",
        )
    )
    return [(str(r.a), str(r.b)) for r in found.collect()]


def _candidates(vecs: Any) -> Any:
    """Unordered pairs (a < b) sharing a prefix term with a full posting, within adjacent time
    buckets, or any time for near copies and for articles of unknown date."""
    from pyspark.sql import functions as F

    postings = {
        "text": vecs.select("article_id", "bucket", F.explode("terms").alias("token")),
        "keys": vecs.select("article_id", "bucket", F.explode("keys").alias("token")),
    }
    found = []
    for column, kind in (("text_prefix", "text"), ("key_prefix", "keys"), ("copy_prefix", "text")):
        prefix = vecs.select(
            F.col("article_id").alias("x"),
            F.col("bucket").alias("xb"),
            F.explode(column).alias("token"),
        )
        full = postings[kind].select(
            F.col("article_id").alias("y"), F.col("bucket").alias("yb"), "token"
        )
        if column == "copy_prefix":
            found.append(prefix.join(full, "token").select("x", "y"))
            continue
        near = prefix.filter("xb IS NOT NULL").withColumn(
            "yb", F.explode(F.array(F.col("xb") - 1, F.col("xb"), F.col("xb") + 1))
        )
        found.append(near.join(full.filter("yb IS NOT NULL"), ["token", "yb"]).select("x", "y"))
        found.append(prefix.filter("xb IS NULL").join(full, "token").select("x", "y"))
        found.append(prefix.join(full.filter("yb IS NULL"), "token").select("x", "y"))
    union = found[0]
    for more in found[1:]:
        union = union.unionByName(more)
    return (
        union.filter("x != y")
        .select(F.least("x", "y").alias("a"), F.greatest("x", "y").alias("b"))
        .distinct()
    )

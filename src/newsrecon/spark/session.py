"""Starting Spark: the optional extra imported lazily, and the settings every run needs.

``PYSPARK_PYTHON`` is pinned to this interpreter (else executors start a Python without
newsrecon and its models) and ``SPARK_LOCAL_IP`` to loopback for local masters, unless the user
set them. Nothing is downloaded: no ``spark.jars.packages``.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Mapping
from typing import Any

from newsrecon.errors import MissingExtra

DEFAULT_MASTER = "local[2]"
# Hash partitions are uneven and a Python task's time varies with its articles: with two tasks
# per core a core often sat idle while the other finished a long last task; four keep both
# busy to the end at the cost of a few more (cheap) tasks.
TASKS_PER_CORE = 4
DAEMON_MODULE = "newsrecon.spark.daemon"


def require_pyspark() -> None:
    """Raise MissingExtra unless pyspark (and the pandas/pyarrow it needs for Parquet and
    pandas UDFs) can be imported."""
    for module in ("pyspark", "pyarrow", "pandas"):
        if importlib.util.find_spec(module) is None:
            raise MissingExtra("newsrecon spark", "spark")


def spark_session(
    master: str = DEFAULT_MASTER,
    app_name: str = "newsrecon",
    conf: Mapping[str, str] | None = None,
) -> Any:
    """A SparkSession for ``master`` (``local[N]``, ``spark://…``, ``yarn``, ``k8s://…``).

    An already running session is returned as is (Spark allows one per process), which is
    how tests share one session across a module.
    """
    require_pyspark()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    builder = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.session.timeZone", "UTC")
        # Adaptive execution merges shuffle partitions by bytes, but our work is Python per
        # article (parsing, alignment): a few hundred small rows merged into one partition
        # ran on one core whatever the master (local[2] was no faster than local[1]).
        .config("spark.sql.adaptive.coalescePartitions.enabled", "false")
        # Workers fork from newsrecon.spark.daemon, which has loaded the models and stage code,
        # so no worker loads them again; executors have newsrecon installed anyway.
        .config("spark.python.daemon.module", DAEMON_MODULE)
    )
    if master.startswith("local"):
        builder = builder.config("spark.driver.host", "127.0.0.1").config(
            "spark.sql.shuffle.partitions", str(2 * local_cores(master))
        )
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def local_cores(master: str) -> int:
    """N of ``local[N]`` (the machine's cores for ``local[*]``, 1 for ``local``)."""
    inside = master[master.find("[") + 1 : master.find("]")] if "[" in master else "1"
    if inside == "*":
        return os.cpu_count() or 1
    try:
        return max(1, int(inside.split(",")[0]))
    except ValueError:
        return 1


def spread(frame: Any, column: str) -> Any:
    """``frame`` hash-partitioned on ``column`` into :data:`TASKS_PER_CORE` tasks per core,
    before Python work per row: an explicit partition count is one adaptive execution never
    merges, so every core gets rows on any cluster (and the same rows whatever the run: no
    random split)."""
    return frame.repartition(task_count(frame.sparkSession.sparkContext), column)


def task_count(sc: Any) -> int:
    """:data:`TASKS_PER_CORE` tasks for each core of the cluster (its default parallelism)."""
    return max(1, TASKS_PER_CORE * int(sc.defaultParallelism))

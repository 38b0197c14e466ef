"""The Python daemon Spark forks its workers from, with the spaCy pipeline already loaded.

PySpark starts one daemon per executor and forks a worker from it for each Python task slot
(more when a task chains several Python steps, or a worker has idled out). Each fresh worker
used to load the English model on its first parse: a second or more per worker, paid again
whenever a worker is replaced, and paid by every slot of an executor at the same time, when
the slots compete for the same cores. Loaded once here, before any fork, the model reaches
every worker for nothing (the pages are shared until written). Set through
``spark.python.daemon.module`` by :func:`newsrecon.spark.session.spark_session`; a failure to
preload never stops the daemon: workers then load the model themselves, as before.
"""

from __future__ import annotations

import sys


def preload() -> None:
    """Load the process-wide spaCy pipeline (what story features parse with)."""
    try:
        from newsrecon.pipeline.nlp import get_pipeline

        get_pipeline()
    except Exception as exc:  # a worker reports the real error on its first parse
        print(f"newsrecon: Spark daemon did not preload spaCy: {exc}", file=sys.stderr)


if __name__ == "__main__":
    from pyspark import daemon

    preload()
    daemon.manager()

"""The Python daemon Spark forks its workers from, with the models and stage code loaded.

PySpark starts one daemon per executor and forks a worker from it for each Python task slot
(more when a task chains several Python steps, or a worker has idled out). Each fresh worker
used to load the English model on its first parse and the language identifier on its first
article: a second or more each per worker, paid again whenever a worker is replaced, and paid
by every slot of an executor at the same time, when the slots compete for the same cores.
Loaded once here, before any fork, they reach every worker for nothing (the pages are shared
until written). Set through ``spark.python.daemon.module`` by
:func:`newsrecon.spark.session.spark_session`; a failure to preload never stops the daemon:
workers then load what they need themselves, as before.
"""

from __future__ import annotations

import sys


def preload() -> None:
    """Import the code tasks run and load the models they use: the spaCy pipeline (story
    features), the language identifier (cleaning an article) — about two seconds a worker."""
    try:
        import newsrecon.spark.inputs
        import newsrecon.spark.reuse_job
        import newsrecon.spark.story_job  # noqa: F401
        from newsrecon.pipeline.language import detect_language
        from newsrecon.pipeline.nlp import get_pipeline

        get_pipeline()
        detect_language("The identifier's model loads on its first use.")
    except Exception as exc:  # a worker reports the real error on its first use
        print(f"newsrecon: Spark daemon did not preload: {exc}", file=sys.stderr)


if __name__ == "__main__":
    from pyspark import daemon

    preload()
    daemon.manager()

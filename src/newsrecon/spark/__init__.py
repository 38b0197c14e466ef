"""The Spark runner: the project's own readers, cleaning, story grouping and text-reuse code run
on an Apache Spark cluster (or ``local[N]``), writing Parquet.

pyspark is an optional extra (``pip install 'newsrecon[spark]'``); nothing here imports it at
module level, so the rest of newsrecon works without it and :func:`session.spark_session`
raises :class:`~newsrecon.errors.MissingExtra` saying how to install it.
"""

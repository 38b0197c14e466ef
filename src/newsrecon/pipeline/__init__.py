"""Stages: plain functions from typed inputs to typed records. No SQL, no I/O beyond reading
the inputs they are handed; the runner in :mod:`newsrecon.api` batches, caches and persists."""

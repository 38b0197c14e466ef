"""Persistence behind one interface (:class:`newsrecon.store.base.Store`); SQLite by default.

The store holds bytes and records; it never imports NLP code. Parsed documents arrive as
opaque bytes (spaCy DocBin serialised by the pipeline) and go back out the same way.
"""

from newsrecon.store.base import Store, open_store

__all__ = ["Store", "open_store"]

"""Input readers: files, directories, globs and stdin in text, Markdown, HTML, JSON, JSON
Lines, RSS/Atom, WARC (each optionally gzipped) to :class:`~newsrecon.model.RawDocument`
records, and a :class:`~newsrecon.model.Rejection` for everything that cannot be read."""

from newsrecon.pipeline.ingest.reader import read_inputs

__all__ = ["read_inputs"]

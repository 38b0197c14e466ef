"""The framing lexicons (``pipeline/data/framing/*.tsv``) and matching them against a parse.

Entries are written in lemma form; a token matches an entry word when its lemma or its
lower-cased form equals it, so "terrorists" and "Terrorists" both match ``terrorist`` and a
lemmatiser slip on a rare word still matches its surface form. Longest match wins.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

LEXICONS = ("actor_labels", "acts", "loaded", "hedges", "reporting_verbs", "sources")


@dataclass(frozen=True, slots=True)
class Entry:
    """A lexicon row: ``term`` (space-separated lemma words) and its other columns in order."""

    term: str
    tags: tuple[str, ...]

    def tag(self, column: int) -> str:
        """The ``column``-th column after the term, or ``""`` where the row has none."""
        return self.tags[column] if column < len(self.tags) else ""


@dataclass(frozen=True, slots=True)
class Hit:
    """``doc[start:end]`` matched ``entry``."""

    start: int
    end: int
    entry: Entry


@dataclass(frozen=True, slots=True)
class Lexicon:
    name: str
    entries: tuple[Entry, ...]
    by_first: dict[str, tuple[Entry, ...]]
    longest: int

    def match(self, doc: Doc) -> Iterator[Hit]:
        """Non-overlapping hits, left to right, the longest entry at each position."""
        i = 0
        while i < len(doc):
            hit = self._at(doc, i)
            if hit is None:
                i += 1
                continue
            yield hit
            i = hit.end

    def _at(self, doc: Doc, i: int) -> Hit | None:
        best: Hit | None = None
        for key in _keys(doc[i]):
            for entry in self.by_first.get(key, ()):
                words = entry.term.split(" ")
                end = i + len(words)
                if end > len(doc) or (best is not None and end <= best.end):
                    continue
                if all(w in _keys(doc[i + k]) for k, w in enumerate(words)):
                    best = Hit(i, end, entry)
        return best


def _keys(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


@cache
def lexicon(name: str) -> Lexicon:
    """Load ``data/framing/<name>.tsv``: ``#`` lines are comments, the first other line is the
    header, blank lines are ignored."""
    path = resources.files("newsrecon.pipeline").joinpath("data", "framing", f"{name}.tsv")
    return parse_lexicon(name, path.read_text("utf-8"))


def parse_lexicon(name: str, text: str) -> Lexicon:
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    entries = []
    for line in rows[1:]:
        cells = [c.strip() for c in line.split("\t")]
        term = " ".join(cells[0].lower().split())
        if term:
            entries.append(Entry(term, tuple(cells[1:])))
    by_first: dict[str, list[Entry]] = {}
    for entry in entries:
        by_first.setdefault(entry.term.split(" ")[0], []).append(entry)
    return Lexicon(
        name,
        tuple(entries),
        {k: tuple(v) for k, v in by_first.items()},
        max((len(e.term.split(" ")) for e in entries), default=0),
    )

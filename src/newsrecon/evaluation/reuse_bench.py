"""A text-reuse benchmark derived at run time from real articles, with the planted spans.

No annotated reuse corpus is at hand, so copies are made from real text the way outlets make
them: paragraphs copied with word edits, the whole story with its paragraphs reordered, a
truncated copy, a paragraph or two embedded into another article. Every word of a derived
article remembers which word of which original it came from, so the truth for *any* two
articles (an original and its copy, two copies of one original, a host and the article
embedding it) is read off those origins rather than listed by hand.

Originals that already share an 8-word run with another original are left out: they may
really reuse each other's text, which would count as a false positive on "unrelated" pairs.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsrecon.errors import CorpusError
from newsrecon.pipeline.reuse.tokens import shingle_hashes, words_of

Origin = tuple[int, int] | None  # (original article index, word index) or None for new words
KINDS = ("edited", "reordered", "truncated", "embedded")
_PARA = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class BenchArticle:
    """``tokens[k]`` (whitespace-separated, punctuation attached) sits at
    ``text[starts[k]:starts[k] + len(tokens[k])]`` and came from ``origins[k]``."""

    id: str
    text: str
    starts: tuple[int, ...]
    origins: tuple[Origin, ...]
    kind: str  # "original" or one of KINDS


@dataclass(frozen=True, slots=True)
class Planted:
    """A passage shared by articles ``x`` and ``y`` (``x < y``), as character ranges."""

    x: str
    y: str
    x_span: tuple[int, int]
    y_span: tuple[int, int]
    words: int


def load_texts(directory: Path) -> list[str]:
    """Article texts of ``directory``: ``*.txt`` files, or a Fundus ``ground_truth.json``."""
    if not directory.is_dir():
        raise CorpusError(f"{directory}: not a folder")
    truth = directory / "ground_truth.json"
    if truth.is_file():
        data = json.loads(truth.read_text(encoding="utf-8"))
        return ["\n\n".join(v.get("body", [])) for _, v in sorted(data.items())]
    files = sorted(directory.glob("*.txt"))
    if not files:
        raise CorpusError(f"{directory}: no *.txt articles and no ground_truth.json")
    return [f.read_text(encoding="utf-8", errors="replace") for f in files]


def unrelated_originals(texts: Sequence[str], min_words: int = 80, run: int = 8) -> list[str]:
    """Texts long enough, sharing no ``run``-word sequence with any other text."""
    owners: dict[int, set[int]] = {}
    for i, text in enumerate(texts):
        for h in set(shingle_hashes(words_of(text).ids, run).tolist()):
            owners.setdefault(h, set()).add(i)
    related = {i for group in owners.values() if len(group) > 1 for i in group}
    return [t for i, t in enumerate(texts) if i not in related and len(words_of(t)) >= min_words]


def _paragraphs(text: str) -> list[list[str]]:
    return [p.split() for p in _PARA.split(text) if p.split()]


def _compose(aid: str, paragraphs: list[list[tuple[str, Origin]]], kind: str) -> BenchArticle:
    parts: list[str] = []
    starts: list[int] = []
    origins: list[Origin] = []
    pos = 0
    for p, para in enumerate(paragraphs):
        if p:
            parts.append("\n\n")
            pos += 2
        for k, (tok, origin) in enumerate(para):
            if k:
                parts.append(" ")
                pos += 1
            starts.append(pos)
            origins.append(origin)
            parts.append(tok)
            pos += len(tok)
    return BenchArticle(aid, "".join(parts), tuple(starts), tuple(origins), kind)


class Deriver:
    """Makes derived copies of originals with a fixed seed; ``edit_rate`` bounds the share of
    words substituted, deleted or inserted in copied text."""

    def __init__(self, originals: Sequence[str], seed: int, edit_rate: float = 0.06) -> None:
        self.rng = random.Random(seed)
        self.edit_rate = edit_rate
        self.paras: list[list[list[tuple[str, Origin]]]] = []
        for i, text in enumerate(originals):
            n = 0
            doc: list[list[tuple[str, Origin]]] = []
            for para in _paragraphs(text):
                doc.append([(tok, (i, n + k)) for k, tok in enumerate(para)])
                n += len(para)
            self.paras.append(doc)
        self.vocab = sorted({tok for doc in self.paras for p in doc for tok, _ in p})

    def original(self, i: int) -> BenchArticle:
        return _compose(f"orig{i:04d}", self.paras[i], "original")

    def _edit(self, para: list[tuple[str, Origin]]) -> list[tuple[str, Origin]]:
        out: list[tuple[str, Origin]] = []
        rate = self.rng.uniform(0.0, self.edit_rate)
        for tok, origin in para:
            r = self.rng.random()
            if r < rate / 3:
                out.append((self.rng.choice(self.vocab), None))  # substitution
            elif r < 2 * rate / 3:
                continue  # deletion
            elif r < rate:
                out.extend([(tok, origin), (self.rng.choice(self.vocab), None)])  # insertion
            else:
                out.append((tok, origin))
        return out

    def derive(self, i: int, kind: str, host: int) -> BenchArticle:
        """A copy of original ``i``; ``embedded`` pastes part of it into original ``host``."""
        doc = self.paras[i]
        rng = self.rng
        if kind == "edited":
            k = min(len(doc), rng.randint(2, 4))
            lo = rng.randint(0, len(doc) - k)
            paras = [self._edit(p) for p in doc[lo : lo + k]]
        elif kind == "reordered":
            paras = [self._edit(p) for p in doc]
            rng.shuffle(paras)
        elif kind == "truncated":
            flat = [t for p in doc for t in p]
            cut = int(len(flat) * rng.uniform(0.3, 0.6))
            paras, count = [], 0
            for p in doc:
                if count >= cut:
                    break
                paras.append(self._edit(p[: cut - count]))
                count += len(p)
        else:
            k = min(len(doc), rng.randint(1, 2))
            lo = rng.randint(0, len(doc) - k)
            pasted = [self._edit(p) for p in doc[lo : lo + k]]
            target = self.paras[host]
            at = rng.randint(1, max(1, len(target) - 1))
            paras = [*target[:at], *pasted, *target[at:]]
        return _compose(f"copy{i:04d}-{kind}", [p for p in paras if p], kind)


def build(originals: Sequence[str], seed: int) -> list[BenchArticle]:
    """Every original and one derived copy of each (kinds in turn, hosts the next original)."""
    deriver = Deriver(originals, seed)
    n = len(originals)
    articles = [deriver.original(i) for i in range(n)]
    articles += [deriver.derive(i, KINDS[i % len(KINDS)], (i + 1) % n) for i in range(n)]
    random.Random(seed).shuffle(articles)
    return articles


def planted(
    articles: Sequence[BenchArticle], min_words: int
) -> tuple[list[Planted], list[Planted]]:
    """Passages every pair shares: those of at least ``min_words`` words (to be found), and
    shorter ones (finding them is not an error, missing them is not either)."""
    where: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for a, art in enumerate(articles):
        for k, origin in enumerate(art.origins):
            if origin is not None:
                where.setdefault(origin, []).append((a, k))
    # For each article pair, the aligned word positions, in origin order.
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for origin in sorted(where):
        holders = where[origin]
        for p in range(len(holders)):
            for q in range(p + 1, len(holders)):
                (a, ka), (b, kb) = holders[p], holders[q]
                if a != b:
                    key, val = ((a, b), (ka, kb)) if a < b else ((b, a), (kb, ka))
                    pairs.setdefault(key, []).append(val)
    long: list[Planted] = []
    short: list[Planted] = []
    for (a, b), positions in pairs.items():
        for run in _runs(positions):
            x, y = articles[a], articles[b]
            (ka0, kb0), (ka1, kb1) = run[0], run[-1]
            item = Planted(
                *sorted_ids(x.id, y.id),
                *_oriented(x, y, (ka0, ka1), (kb0, kb1)),
                words=len(run),
            )
            (long if len(run) >= min_words else short).append(item)
    return long, short


def sorted_ids(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x < y else (y, x)


def _oriented(
    x: BenchArticle, y: BenchArticle, kx: tuple[int, int], ky: tuple[int, int]
) -> tuple[tuple[int, int], tuple[int, int]]:
    sx = (x.starts[kx[0]], _end(x, kx[1]))
    sy = (y.starts[ky[0]], _end(y, ky[1]))
    return (sx, sy) if x.id < y.id else (sy, sx)


def _end(art: BenchArticle, k: int) -> int:
    nxt = art.text.find(" ", art.starts[k])
    brk = art.text.find("\n", art.starts[k])
    ends = [e for e in (nxt, brk) if e >= 0]
    return min(ends) if ends else len(art.text)


def _runs(positions: list[tuple[int, int]], gap: int = 3) -> list[list[tuple[int, int]]]:
    """Split aligned positions where either side jumps (reordering) or goes back."""
    runs: list[list[tuple[int, int]]] = []
    for ka, kb in positions:
        if runs:
            pa, pb = runs[-1][-1]
            if 0 < ka - pa <= gap and 0 < kb - pb <= gap:
                runs[-1].append((ka, kb))
                continue
        runs.append([(ka, kb)])
    return runs


def word_index(text: str) -> np.ndarray:
    """Start offsets of the words of ``text`` as alignment sees them (for word-level scores)."""
    return np.asarray(words_of(text).starts, dtype=np.int64)

"""Candidate summary sentences: clean spans of the articles, with what makes one preferable.

A sentence qualifies when it is a line's worth of prose (8 to 60 words, with a verb); it is
preferred when it is neutral (no loaded word, pejorative label or act from the framing
lexicons outside quotation marks), mostly in the outlet's own voice rather than inside quotation
marks, and early in its article (news puts the essentials first).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from newsrecon.model import Article, Span
from newsrecon.pipeline.framing.lexicon import lexicon
from newsrecon.pipeline.framing.measures import quoted_ranges

MIN_WORDS, MAX_WORDS = 8, 60
QUOTED = 0.4  # share of characters inside quotation marks that makes a sentence a quotation
_LINE = re.compile(r"[^\n]+")
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "NUM", "ADJ"})


@dataclass(frozen=True, slots=True)
class Sentence:
    """``order`` is the sentence's position among its article's candidates (0 = lead)."""

    span: Span
    text: str
    outlet: str
    order: int
    loaded: int
    quoted_share: float
    lemmas: tuple[str, ...]

    def penalty(self) -> tuple[int, int]:
        """Lower is better: loaded words first, then whether it is mostly a quotation."""
        return (self.loaded, int(self.quoted_share > QUOTED))


def candidates(articles: Sequence[Article], docs: Mapping[str, Doc]) -> list[Sentence]:
    out: list[Sentence] = []
    charged = _charged_terms()
    for article in articles:
        doc = docs.get(article.id)
        if doc is None:
            continue
        quoted = quoted_ranges(article.text)
        order = 0
        for sent in doc.sents:
            for line in _LINE.finditer(sent.text):
                start = sent.start_char + line.start()
                text = line.group().strip()
                if not text:
                    continue
                start += len(line.group()) - len(line.group().lstrip())
                end = start + len(text)
                piece = doc.char_span(start, end, alignment_mode="contract")
                if piece is None:
                    continue
                words = [t for t in piece if t.is_alpha]
                if not MIN_WORDS <= len(words) <= MAX_WORDS:
                    continue
                if not any(t.pos_ in {"VERB", "AUX"} for t in piece):
                    continue
                inside = sum(_overlap(start, end, q) for q in quoted)
                loaded = sum(
                    1
                    for t in piece
                    if t.lemma_.lower() in charged and not any(a <= t.idx < b for a, b in quoted)
                )
                lemmas = tuple(
                    t.lemma_.lower() for t in piece if t.pos_ in _CONTENT_POS and not t.is_stop
                )
                out.append(
                    Sentence(
                        Span(article.id, start, end),
                        text,
                        article.outlet,
                        order,
                        loaded,
                        inside / max(1, end - start),
                        lemmas,
                    )
                )
                order += 1
    return out


def _charged_terms() -> frozenset[str]:
    """Single words that make a sentence non-neutral: every loaded word, and the labels and
    act words the lexicons mark pejorative, sympathetic or euphemistic."""
    words = {e.term for e in lexicon("loaded").entries if " " not in e.term}
    for name in ("actor_labels", "acts"):
        for e in lexicon(name).entries:
            if " " not in e.term and e.tags and e.tags[-1] != "neutral":
                words.add(e.term)
    return frozenset(words)


def _overlap(start: int, end: int, other: tuple[int, int]) -> int:
    return max(0, min(end, other[1]) - max(start, other[0]))


def jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0

"""How alike two reported remarks are: lexical (rapidfuzz on normalised words) and semantic
(MiniLM cosine), and which relation one wording bears to another."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from newsrecon.model.quotes import VariantRelation

_WORD = re.compile(r"[\w’']+")
_NEGATION = frozenset({"not", "no", "never", "n't", "nothing", "none", "nor", "neither"})
_NUMBER_WORDS = frozenset(
    [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "thousand",
        "million",
        "billion",
    ]
)


def words(text: str) -> list[str]:
    """Lowercase words with quotation marks and punctuation gone, accents folded."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = []
    for w in _WORD.findall(folded.lower().replace("’", "'")):
        w = w.strip("'")
        if w.endswith("n't"):
            out += [w[:-3], "n't"]
        elif w:
            out.append(w)
    return out


def lexical(a: str, b: str) -> float:
    """Token-sort similarity in [0, 1] of the two wordings."""
    return fuzz.token_sort_ratio(" ".join(words(a)), " ".join(words(b))) / 100.0


def containment(short: str, long: str) -> float:
    """Share of ``short``'s words found in ``long`` in order (partial alignment)."""
    sw, lw = " ".join(words(short)), " ".join(words(long))
    if not sw:
        return 0.0
    return fuzz.partial_ratio(sw, lw) / 100.0


def relation(variant: str, reference: str, semantic: float) -> VariantRelation:
    """verbatim: same words; shortened: an excerpt of the reference; reworded: mostly the same
    words; translated: the same meaning in largely different words."""
    vw, rw = words(variant), words(reference)
    if vw == rw:
        return VariantRelation.VERBATIM
    if len(vw) < len(rw) and containment(variant, reference) >= 0.95:
        return VariantRelation.SHORTENED
    if lexical(variant, reference) >= 0.7:
        return VariantRelation.REWORDED
    return VariantRelation.TRANSLATED if semantic >= 0.6 else VariantRelation.REWORDED


def negated(text: str) -> bool:
    return any(w in _NEGATION for w in words(text))


def numbers(text: str) -> frozenset[str]:
    found = set(re.findall(r"\d[\d,.]*\d|\d", text))
    found |= {w for w in words(text) if w in _NUMBER_WORDS}
    return frozenset(n.replace(",", "") for n in found)

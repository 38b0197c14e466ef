"""Name comparison that survives transliteration.

Names from Arabic, Persian or Russian reach English news in several romanisations: a letter
written ``q``, ``gh`` or ``k``; long vowels doubled or not; ``e``/``i`` and ``o``/``u``
interchanged; an apostrophe for a glottal stop; ``al-`` joined or apart. No list of names
can cover them, so tokens are compared through general rewrite rules and two keys (a
vowel-blind consonant skeleton and jellyfish's metaphone), and a key match is only accepted
when the spellings are also close (Jaro-Winkler), so that short names with the same
consonants ("Khan" / "Qaani") do not collide.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz
from unidecode import unidecode

from newsrecon.pipeline.entities.lexicon import (
    ABBREVIATIONS,
    LONGEST_TITLE,
    MINOR_WORDS,
    NAME_SUFFIXES,
    PARTICLES,
    TITLES,
)

_APOSTROPHES = re.compile(r"['’‘`ʼʻ]")
_NON_LETTER = re.compile(r"[^a-z0-9 ]+")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$", re.IGNORECASE)
# Romanisation variants, applied in order to an ASCII lowercase token.
_REWRITES: tuple[tuple[str, str], ...] = (
    ("gh", "q"),
    ("kh", "k"),
    ("ph", "f"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ck", "k"),
    ("dh", "d"),
)
_VOWELS = frozenset("aeiouy")
_MIN_SIMILARITY = 0.78


def ascii_fold(text: str) -> str:
    """Lowercase ASCII with apostrophes removed (``Qa'ani`` -> ``qaani``)."""
    text = unicodedata.normalize("NFKC", text)
    return unidecode(_APOSTROPHES.sub("", text)).lower()


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip())


def name_tokens(text: str) -> list[str]:
    """Folded word tokens of a name, possessive and leading article removed."""
    folded = _NON_LETTER.sub(" ", ascii_fold(strip_possessive(text)).replace("-", " "))
    tokens = folded.split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return tokens


def split_title(tokens: list[str]) -> tuple[str | None, list[str]]:
    """``(normalised title, rest)`` for name tokens that start with a title or rank."""
    expanded = [ABBREVIATIONS.get(t, t) for t in tokens]
    best: tuple[str | None, int] = (None, 0)
    i = 0
    titles: list[str] = []
    while i < len(expanded):
        for size in range(min(LONGEST_TITLE, len(expanded) - i), 0, -1):
            candidate = " ".join(expanded[i : i + size])
            if candidate in TITLES:
                titles.append(candidate)
                i += size
                best = (" ".join(titles), i)
                break
        else:
            break
    title, used = best
    rest = tokens[used:]
    if not rest:  # a bare title ("General") is not a name
        return None, tokens
    return title, rest


@lru_cache(maxsize=65536)
def romanised(token: str) -> str:
    """A token with romanisation variants rewritten and doubled letters collapsed."""
    token = ascii_fold(token)
    for prefix in PARTICLES:
        if token.startswith(prefix.strip()) and len(token) > len(prefix) + 2 and prefix[-1] == "-":
            token = token[len(prefix) :]
    for old, new in _REWRITES:
        token = token.replace(old, new)
    token = re.sub(r"(.)\1+", r"\1", token)
    if len(token) > 3 and token.endswith("h") and token[-2] in _VOWELS:
        token = token[:-1]  # Haniyeh / Haniyeh'
    return token


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Vowel-blind key: first letter (any vowel as ``a``), then the consonants; ``q`` as ``k``."""
    r = romanised(token).replace("q", "k")
    if not r:
        return ""
    head = "a" if r[0] in _VOWELS else r[0]
    return head + "".join(c for c in r[1:] if c not in _VOWELS)


def tokens_match(a: str, b: str) -> bool:
    """Whether two name tokens write one name (``Qaani``/``Ghaani``, ``Mohammed``/``Muhammad``)."""
    ra, rb = romanised(a), romanised(b)
    if ra == rb:
        return True
    if not ra or not rb or ra[0].isdigit() or rb[0].isdigit():
        return False
    keys_agree = skeleton(a) == skeleton(b) or (
        jellyfish.metaphone(ra) == jellyfish.metaphone(rb) and len(ra) > 3
    )
    return keys_agree and jellyfish.jaro_winkler_similarity(ra, rb) >= _MIN_SIMILARITY


def person_parts(tokens: list[str]) -> tuple[list[str], str]:
    """``(given names, surname)``; particles stay with the surname's comparison key."""
    core = [t for t in tokens if t not in NAME_SUFFIXES]
    if not core:
        return [], ""
    return core[:-1], core[-1]


def persons_match(a: list[str], b: list[str], allow_surname_only: bool = True) -> bool:
    """Whether two person names (title-free tokens) can name one person.

    The surnames must match; if both give a first name those must match too (an initial
    matches its name); a name of one token matches only as a surname. Two people who share
    only a first name never match.
    """
    given_a, last_a = person_parts(a)
    given_b, last_b = person_parts(b)
    if not last_a or not last_b or not tokens_match(last_a, last_b):
        return False
    if given_a and given_b:
        first_a, first_b = given_a[0], given_b[0]
        if len(first_a) == 1 or len(first_b) == 1:
            return first_a[0] == first_b[0]
        return tokens_match(first_a, first_b)
    return allow_surname_only


def org_key(tokens: list[str]) -> str:
    """Organisation names compared without articles, minor words or romanisation variants."""
    return " ".join(romanised(t) for t in tokens if t not in MINOR_WORDS)


def orgs_match(a: list[str], b: list[str]) -> bool:
    ka, kb = org_key(a), org_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if abs(len(ka.split()) - len(kb.split())) > 0:
        return False
    return fuzz.ratio(ka, kb) >= 92


def initials(tokens: list[str]) -> str:
    """First letters of the words that count in an acronym (``of``/``the`` skipped)."""
    return "".join(t[0] for t in tokens if t and t not in MINOR_WORDS)


def is_acronym(text: str) -> bool:
    """An all-capitals token of 2-8 letters (dots allowed: ``U.N.``), not a Roman numeral."""
    letters = text.replace(".", "").replace("-", "")
    return (
        2 <= len(letters) <= 8
        and letters.isalpha()
        and letters.isupper()
        and not set(letters) <= set("IVXLC")
    )


def acronym_of(acronym: str, tokens: list[str]) -> bool:
    """Whether ``acronym`` spells the initials of ``tokens`` (also with one letter per word
    part, e.g. a hyphenated word)."""
    letters = acronym.replace(".", "").replace("-", "").lower()
    return bool(tokens) and initials(tokens) == letters

"""Word lists for attribution, read once from ``pipeline/data``.

``cue_lexicon.tsv`` is learned from the PolNeAR train split by ``scripts/build_cue_lexicon.py``
(heads of annotated cue spans); ``quote_words.tsv`` holds hand-written general word lists
(reporting verbs, nouns naming documents, organisations and groups of people).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_PLURAL = frozenset({"they", "them", "we"})
PRONOUNS_THING = frozenset({"it"})
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_PLURAL | PRONOUNS_THING | {"i", "you"}


@dataclass(frozen=True, slots=True)
class Lexicon:
    cue_verbs: frozenset[str]
    cue_nouns: frozenset[str]
    speech: frozenset[str]
    document: frozenset[str]
    organisation: frozenset[str]
    group: frozenset[str]


def _rows(name: str) -> list[list[str]]:
    text = resources.files("newsrecon.pipeline").joinpath("data", name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    words: dict[str, set[str]] = {}
    for category, word in (row[:2] for row in _rows("quote_words.tsv")):
        words.setdefault(category, set()).add(word)
    verbs, nouns = set(words.get("speech", ())), set()
    try:
        learned = _rows("cue_lexicon.tsv")
    except FileNotFoundError:
        learned = []
    for lemma, pos, *_ in learned:
        if pos in {"VERB", "AUX"}:
            verbs.add(lemma)
        elif pos == "NOUN":
            nouns.add(lemma)
    return Lexicon(
        cue_verbs=frozenset(verbs),
        cue_nouns=frozenset(nouns),
        speech=frozenset(words.get("speech", ())),
        document=frozenset(words.get("document", ())),
        organisation=frozenset(words.get("organisation", ())),
        group=frozenset(words.get("group", ())),
    )

"""A conflict benchmark generated from real news sentences at evaluation time.

No corpus text is stored: the generator reads ``*.txt`` articles under a folder (PolNeAR's
``text/`` files, or any folder of plain-text news), picks sentences with a fixed seed and
builds labelled pairs:

- conflicts: a sentence and a copy with one slot perturbed: a number changed by a factor far
  outside any approximation, a month swapped in an explicit date, a negation inserted after the
  first auxiliary, a person-like name replaced by another from a different article;
- non-conflicts: a sentence and a paraphrase-ish copy that stays true (an approximator before
  its number, a stated bound that still holds), and two different sentences of one article
  that both state numbers (unrelated true pairs, where a naive number check cries wolf);
- name variants that must never be conflicts: a person-like name respelt as transliteration
  and spelling variants are (``spelling``), or cut to its last word (``alias``).

The variant kinds are drawn with their own random stream after the others, so adding them left
the earlier kinds' pairs unchanged.
"""

from __future__ import annotations

import calendar
import random
import re
from dataclasses import dataclass
from pathlib import Path

from newsrecon.errors import CorpusError

SEED = 20231116
PER_KIND = 60

_SENT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z])")
_NUMBER = re.compile(r"(?<![\w.,$:/-])(\d{1,3}(?:,\d{3})+|\d{2,6})(?![\w.,%:/-]|,\d)")
_MONTHS = tuple(calendar.month_name[1:])
_DATE = re.compile(rf"\b({'|'.join(_MONTHS)}) (\d{{1,2}})\b")
_AUX = re.compile(r"\b(is|was|are|were|has|have|had|will|would|can|could|did|does)\b(?! not)")
_NAME = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b")
_YEARLIKE = re.compile(r"^(1[89]\d\d|20\d\d)$")


# Spelling and romanisation variants of one name (general rewrites, not a list of names).
_RESPELL: tuple[tuple[str, str], ...] = (
    ("ph", "f"),
    ("ck", "k"),
    ("ou", "u"),
    ("ee", "i"),
    ("ie", "y"),
    ("y", "i"),
    ("sky", "ski"),
    ("c", "k"),
    ("k", "q"),
    ("i", "ee"),
    ("u", "oo"),
    ("e", "i"),
    ("o", "u"),
)


def respell(word: str, rng: random.Random) -> str:
    """A transliteration-style variant of a name word (first letter kept)."""
    head, tail = word[0], word[1:]
    options = [(old, new) for old, new in _RESPELL if old in tail]
    if not options:
        return word + word[-1] if word[-1] not in "aeiou" else word
    old, new = rng.choice(options)
    return head + tail.replace(old, new, 1)


@dataclass(frozen=True, slots=True)
class BenchPair:
    kind: str  # number, date, negation, name, approximation, unrelated, spelling, alias
    left: str
    right: str
    conflict: bool


def _sentences(directory: Path) -> list[list[str]]:
    files = sorted(directory.rglob("*.txt"))
    if not files:
        raise CorpusError(f"{directory}: no *.txt articles to build the benchmark from")
    out = []
    for file in files:
        try:
            text = file.read_text(encoding="utf-8", errors="replace")
        except OSError as err:
            raise CorpusError(f"{file}: cannot read ({err.strerror})") from err
        sents = [" ".join(s.split()) for s in _SENT.split(text)]
        out.append([s for s in sents if 60 <= len(s) <= 300 and s[-1] in '.!?"”'])
    return out


def _numbers(sentence: str) -> list[re.Match[str]]:
    return [m for m in _NUMBER.finditer(sentence) if not _YEARLIKE.match(m.group(1))]


def _fmt(value: int, like: str) -> str:
    return f"{value:,}" if "," in like else str(value)


def generate(directory: Path, per_kind: int = PER_KIND, seed: int = SEED) -> list[BenchPair]:
    rng = random.Random(seed)
    articles = _sentences(directory)
    rng.shuffle(articles)
    pool = [(i, s) for i, sents in enumerate(articles) for s in sents]
    rng.shuffle(pool)
    names = [m.group(0) for _, s in pool for m in _NAME.finditer(s)]
    pairs: list[BenchPair] = []
    counts: dict[str, int] = {}

    def add(kind: str, left: str, right: str, conflict: bool) -> None:
        if counts.get(kind, 0) < per_kind and left != right:
            counts[kind] = counts.get(kind, 0) + 1
            pairs.append(BenchPair(kind, left, right, conflict))

    for _, sent in pool:
        nums = _numbers(sent)
        if nums:
            m = nums[0]
            value = int(m.group(1).replace(",", ""))
            factor = rng.choice((2, 3, 5))
            changed = value * factor if rng.random() < 0.5 else max(value // factor, 1)
            if changed != value:
                new = sent[: m.start(1)] + _fmt(changed, m.group(1)) + sent[m.end(1) :]
                add("number", sent, new, True)
            approx = rng.choice(("about ", "around ", "roughly "))
            add("approximation", sent, sent[: m.start(1)] + approx + sent[m.start(1) :], False)
        date = _DATE.search(sent)
        if date:
            month = rng.choice([mo for mo in _MONTHS if mo != date.group(1)])
            add("date", sent, sent[: date.start(1)] + month + sent[date.end(1) :], True)
        aux = _AUX.search(sent)
        if aux and " not " not in sent and "n't" not in sent:
            add("negation", sent, sent[: aux.end()] + " not" + sent[aux.end() :], True)
        name = _NAME.search(sent)
        if name and names:
            other = rng.choice(names)
            if other.split()[-1] != name.group(2):
                add("name", sent, sent[: name.start()] + other + sent[name.end() :], True)
    for index, sents in enumerate(articles):
        with_numbers = [s for s in sents if _numbers(s)]
        if len(with_numbers) >= 2:
            a, b = rng.sample(with_numbers, 2)
            add("unrelated", a, b, False)
        del index
    variants = random.Random(seed + 1)
    for _, sent in pool:
        name = _NAME.search(sent)
        if name is None or name.start() == 0:
            continue  # a capitalised first word is as likely not a name at all
        respelt = name.group(1) + " " + respell(name.group(2), variants)
        add("spelling", sent, sent[: name.start()] + respelt + sent[name.end() :], False)
        if variants.random() < 0.5:
            add("alias", sent, sent[: name.start()] + name.group(2) + sent[name.end() :], False)
    return pairs

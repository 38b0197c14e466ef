"""General word lists the claim comparison relies on (English news usage, no story-specific
words): approximators, event classes, denial and speech verbs, modality, antonyms."""

from __future__ import annotations

import math

from newsrecon.pipeline.numerals import CARDINALS

# Approximators before a number: the interval the stated value stands for, as factors of it.
# "over 240" and "around 240" must agree; "1,200" and "11,000" must not.
LOWER_BOUND = ("more than", "over", "at least", "upwards of", "in excess of", "above", "exceeding")
UPPER_BOUND = ("fewer than", "less than", "under", "up to", "at most", "below", "no more than")
NEAR_BELOW = ("nearly", "almost", "close to", "just under", "approaching")
AROUND = (
    "around",
    "about",
    "roughly",
    "some",
    "approximately",
    "an estimated",
    "estimated",
    "circa",
    "nearly",
)


def approx_interval(approx: str, value: float) -> tuple[float, float]:
    """The values a number stated with ``approx`` is compatible with (exact: 1% slack)."""
    if approx in LOWER_BOUND:
        return value, math.inf
    if approx in UPPER_BOUND:
        return 0.0, value
    if approx in NEAR_BELOW:
        return value * 0.85, value
    if approx in AROUND:
        return value * 0.85, value * 1.15
    return value * 0.99, value * 1.01


SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
NUMBER_WORDS = dict(CARDINALS)
# Vague plurals: a range, so "hundreds" agrees with 240 and not with 12.
VAGUE_NUMBERS = {
    "dozens": (24.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "millions": (2e6, 9.99e8),
}

# Words that name the same kind of event or count, so "the attack on 7 October" and "the
# onslaught of October 7" date one thing, and "killed 1,200" counts deaths like "1,200 dead".
EVENT_CLASSES: dict[str, tuple[str, ...]] = {
    "attack": (
        "attack",
        "onslaught",
        "assault",
        "massacre",
        "incursion",
        "raid",
        "offensive",
        "invasion",
        "bombing",
        "shooting",
        "ambush",
    ),
    "kill": ("kill", "die", "dead", "death", "murder", "slay", "fatality", "toll", "killing"),
    "wound": ("wound", "injure", "injury", "hurt", "injured", "wounded"),
    "hostage": ("hostage", "captive", "abduct", "kidnap", "seize", "abductee"),
    "arrest": ("arrest", "detain", "detention", "capture"),
    "publish": ("publish", "release", "issue", "post", "publication", "share"),
    "meet": ("meet", "meeting", "visit", "talks"),
    "elect": ("elect", "election", "vote", "poll", "ballot"),
    "person": (
        "people",
        "person",
        "civilian",
        "resident",
        "individual",
        "victim",
        "inhabitant",
        "citizen",
        "villager",
        "local",
    ),
}
_CLASS_OF = {word: name for name, words in EVENT_CLASSES.items() for word in words}


def event_class(lemma: str) -> str:
    """The class a head word belongs to, or the word itself."""
    lemma = lemma.lower()
    return _CLASS_OF.get(lemma, lemma)


DENIAL_VERBS = frozenset(
    {"deny", "dismiss", "refute", "reject", "dispute", "rebut", "contradict", "disavow", "debunk"}
)
DENIAL_WORDS = frozenset({"lies", "lie", "baseless", "false", "fabricated", "untrue", "unfounded"})
# What a denial denies when it points back at an earlier statement ("dismissed the report").
REPORT_NOUNS = frozenset(
    {
        "report",
        "claim",
        "allegation",
        "information",
        "story",
        "account",
        "accusation",
        "rumor",
        "rumour",
        "assertion",
        "statement",
        "it",
        "this",
    }
)
SPEECH_VERBS = frozenset(
    {
        "say",
        "report",
        "tell",
        "announce",
        "state",
        "claim",
        "add",
        "write",
        "declare",
        "confirm",
        "quote",
        "cite",
        "allege",
        "assert",
        "insist",
        "publish",
        "share",
        "note",
        "explain",
        "affirm",
    }
)
MODAL_WORDS = frozenset(
    {
        "may",
        "might",
        "could",
        "possibly",
        "perhaps",
        "reportedly",
        "allegedly",
        "likely",
        "unlikely",
        "probably",
        "apparently",
        "suspect",
        "suspected",
        "believe",
    }
)
NEGATION_WORDS = frozenset({"not", "n't", "never", "no", "nobody", "none", "neither", "nor"})

# Pairs that flip a statement's truth when one replaces the other (SummEdits' antonym swaps
# are of this kind). Both directions are looked up.
ANTONYMS: tuple[tuple[str, str], ...] = (
    ("increase", "decrease"),
    ("increase", "reduce"),
    ("rise", "fall"),
    ("rise", "decline"),
    ("grow", "shrink"),
    ("gain", "loss"),
    ("gain", "lose"),
    ("win", "lose"),
    ("include", "exclude"),
    ("accept", "reject"),
    ("agree", "disagree"),
    ("approve", "reject"),
    ("allow", "forbid"),
    ("allow", "prevent"),
    ("support", "oppose"),
    ("open", "close"),
    ("start", "stop"),
    ("begin", "end"),
    ("buy", "sell"),
    ("before", "after"),
    ("higher", "lower"),
    ("high", "low"),
    ("more", "less"),
    ("more", "fewer"),
    ("strong", "weak"),
    ("positive", "negative"),
    ("profit", "loss"),
    ("improve", "worsen"),
    ("success", "failure"),
    ("succeed", "fail"),
    ("like", "dislike"),
    ("love", "hate"),
    ("remember", "forget"),
    ("arrive", "leave"),
    ("early", "late"),
    ("first", "last"),
    ("large", "small"),
    ("big", "small"),
    ("good", "bad"),
    ("better", "worse"),
    ("best", "worst"),
    ("easy", "difficult"),
    ("possible", "impossible"),
    ("able", "unable"),
    ("happy", "sad"),
    ("confirm", "deny"),
    ("expand", "contract"),
    ("above", "below"),
    ("up", "down"),
    ("upward", "downward"),
    ("outperform", "underperform"),
    ("accelerate", "slow"),
    ("maximize", "minimize"),
    ("simple", "complex"),
    ("always", "never"),
    ("all", "none"),
    ("increasing", "decreasing"),
    ("efficient", "inefficient"),
    ("effective", "ineffective"),
    ("supervised", "unsupervised"),
)
_ANTONYM_OF: dict[str, set[str]] = {}
for _a, _b in ANTONYMS:
    _ANTONYM_OF.setdefault(_a, set()).add(_b)
    _ANTONYM_OF.setdefault(_b, set()).add(_a)


def antonyms(lemma: str) -> frozenset[str]:
    return frozenset(_ANTONYM_OF.get(lemma.lower(), ()))

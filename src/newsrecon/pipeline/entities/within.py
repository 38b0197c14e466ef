"""Within one article: mentions into chains (one chain per entity the article talks about).

A surname or partial name joins the full name written earlier (or, when the article gives the
surname first, the one full name written later), an acronym joins its expansion
(defined in the text or spelled by the initials), a common noun phrase joins an earlier chain
with the same head of the same type, and a pronoun joins the nearest compatible chain in the
same or previous sentences. Everything else starts a chain.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsrecon.model.entities import Mention
from newsrecon.pipeline.entities.lexicon import PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS
from newsrecon.pipeline.entities.names import (
    acronym_of,
    ascii_fold,
    name_tokens,
    orgs_match,
    persons_match,
    split_title,
)

# Types the model confuses with a person when it sees a bare surname.
_RETYPABLE = frozenset({"ORG", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "PERSON"})
_PLACE = frozenset({"GPE", "LOC"})
_PRONOUN_REACH = 2  # sentences back a pronoun may look


@dataclass
class Chain:
    """Mentions of one entity in one article. ``names`` are title-free token lists."""

    doc: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    names: list[list[str]] = field(default_factory=list)
    heads: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    last_sentence: int = 0

    def add(self, mention: Mention, tokens: list[str] | None, sentence: int) -> None:
        self.mentions.append(mention)
        if tokens:
            if mention.kind == "acronym":
                self.acronyms.add("".join(tokens))
            else:
                self.names.append(tokens)
        if mention.head:
            self.heads.add(mention.head)
        self.last_sentence = sentence

    @property
    def named(self) -> bool:
        return bool(self.names or self.acronyms)

    def longest(self) -> list[str]:
        return max(self.names, key=len) if self.names else []


def types_agree(a: str, b: str) -> bool:
    return a == b or (a in _PLACE and b in _PLACE)


def clean_name(text: str) -> list[str]:
    _, rest = split_title(name_tokens(text))
    return rest


def _matches_name(chain: Chain, mention: Mention, tokens: list[str]) -> bool:
    if mention.kind == "acronym":
        letters = "".join(tokens)
        return letters in chain.acronyms or any(acronym_of(letters, n) for n in chain.names)
    if chain.type == "PERSON" or mention.type == "PERSON":
        if chain.type != "PERSON":
            return False
        # A bare surname the model typed as something else still names the person.
        if mention.type != "PERSON" and (mention.type not in _RETYPABLE or len(tokens) != 1):
            return False
        return any(persons_match(tokens, n) for n in chain.names if len(n) >= len(tokens))
    if not types_agree(chain.type, mention.type):
        return False
    if any(acronym_of(a, tokens) for a in chain.acronyms):
        return True
    for name in chain.names:
        if orgs_match(tokens, name):
            return True
        short, long = (tokens, name) if len(tokens) < len(name) else (name, tokens)
        if len(short) >= 2 and long[-len(short) :] == short:  # head-final partial name
            return True
    return False


def _pronoun_types(word: str) -> frozenset[str] | None:
    if word in PERSON_PRONOUNS:
        return frozenset({"PERSON"})
    if word in THING_PRONOUNS:
        return frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "THING", "OTHER"})
    if word in PLURAL_PRONOUNS:
        return frozenset({"ORG", "NORP", "PERSON", "THING", "OTHER"})
    return None


def build_chains(
    doc_id: str,
    mentions: list[Mention],
    sentence_of: list[int],
    definitions: dict[str, list[str]] | None = None,
) -> list[Chain]:
    """Chains of one article. ``sentence_of[i]`` is the sentence index of ``mentions[i]``;
    ``definitions`` maps an acronym defined in the article to its long form's tokens."""
    definitions = definitions or {}
    chains: list[Chain] = []
    for mention, sentence in zip(mentions, sentence_of, strict=True):
        chain = _find_chain(chains, mention, sentence, definitions)
        if chain is None:
            chain = Chain(doc_id, mention.type)
            chains.append(chain)
        tokens = clean_name(mention.text) if mention.kind in ("name", "acronym") else None
        chain.add(mention, tokens, sentence)
        if mention.kind == "acronym" and tokens:
            long = definitions.get("".join(tokens))
            if long and long not in chain.names:
                chain.names.append(long)
    return _join_surnames_ahead(chains)


def _join_surnames_ahead(chains: list[Chain]) -> list[Chain]:
    """A person named only by a surname before the article gives the full name ("Marsh's
    remarks ... Lena Marsh said") joins the one later person chain whose full name it can
    write; with two or more such chains it stays apart, as a surname two people share does."""
    merged: set[int] = set()
    for i, early in enumerate(chains):
        if early.type != "PERSON" or not early.names or any(len(n) > 1 for n in early.names):
            continue
        first = early.mentions[0].span.start
        later = [
            j
            for j, chain in enumerate(chains)
            if j != i
            and j not in merged
            and chain.type == "PERSON"
            and chain.mentions[0].span.start > first
            and any(persons_match(s, n) for s in early.names for n in chain.names if len(n) > 1)
        ]
        if len(later) == 1:
            target = chains[later[0]]
            target.mentions = sorted(target.mentions + early.mentions, key=lambda m: m.span.start)
            target.names = target.names + early.names
            target.heads |= early.heads
            target.last_sentence = max(target.last_sentence, early.last_sentence)
            merged.add(i)
    return [c for i, c in enumerate(chains) if i not in merged]


def _find_chain(
    chains: list[Chain], mention: Mention, sentence: int, definitions: dict[str, list[str]]
) -> Chain | None:
    if mention.kind == "pronoun":
        allowed = _pronoun_types(ascii_fold(mention.text).strip())
        if allowed is None:
            return None
        for chain in reversed(chains):
            if chain.type in allowed and sentence - chain.last_sentence <= _PRONOUN_REACH:
                return chain
        return None
    if mention.kind in ("name", "acronym"):
        tokens = clean_name(mention.text)
        if not tokens:
            return None
        letters = "".join(tokens)
        long = definitions.get(letters) if mention.kind == "acronym" else None
        for chain in reversed(chains):
            if _matches_name(chain, mention, tokens):
                return chain
            if long and any(orgs_match(long, n) for n in chain.names):
                return chain
            if mention.kind == "name" and any(
                orgs_match(tokens, definitions.get(a, [])) for a in chain.acronyms
            ):
                return chain
        return None
    for chain in reversed(chains):  # nominal: same head, same type
        if types_agree(chain.type, mention.type) and mention.head in chain.heads:
            return chain
    return None

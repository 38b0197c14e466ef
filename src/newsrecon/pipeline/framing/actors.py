"""The story's main actors and the syntactic ties that attach a framing word to one of them.

Actors come from the ``entities`` stage when it ran (canonical names, every mention), else
from spaCy's named entities over the parses, grouped by their normalised text. A word is tied
to an actor only through the parse (a compound or possessive modifier, an apposition, an
"including"/"such as" list, the subject of a reporting verb), never by mere proximity, so
"groups backed by Iran" is not a label for Iran.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from newsrecon.model import Article

ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_MODIFIERS = frozenset({"compound", "poss", "amod", "nmod", "appos", "npadvmod"})
_LIST_PREPS = frozenset({"include", "including", "like", "such", "as"})
_OF_BY = frozenset({"of", "by", "from"})
_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass(frozen=True, slots=True)
class ActorIndex:
    """``names``: main actors, most prominent first. ``tokens``: per article, token index to
    the actor whose mention covers that token."""

    names: tuple[str, ...]
    tokens: Mapping[str, Mapping[int, str]]

    def at(self, article: str, token: Token) -> str | None:
        return self.tokens.get(article, {}).get(token.i)


def main_actors(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    entities: Sequence[Any],
    limit: int = 6,
) -> ActorIndex:
    mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    outlets: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    outlet_of = {a.id: a.outlet for a in articles}
    if entities:
        for entity in entities:
            if getattr(entity, "type", "") not in ACTOR_TYPES:
                continue
            name = str(entity.name)
            for span in entity.mentions:
                if span.article in outlet_of:
                    mentions[span.article].append((span.start, span.end, name))
                    outlets[name].add(outlet_of[span.article])
                    counts[name] += 1
    else:
        for article in articles:
            doc = docs.get(article.id)
            if doc is None:
                continue
            for ent in doc.ents:
                if ent.label_ not in ACTOR_TYPES:
                    continue
                name = normalise_name(ent.text)
                if not name:
                    continue
                mentions[article.id].append((ent.start_char, ent.end_char, name))
                outlets[name].add(article.outlet)
                counts[name] += 1
    ranked = sorted(counts, key=lambda n: (-len(outlets[n]), -counts[n], n))
    names = tuple(ranked[:limit])
    tokens: dict[str, dict[int, str]] = {}
    for article_id, spans in mentions.items():
        doc = docs.get(article_id)
        if doc is None:
            continue
        index: dict[int, str] = {}
        for start, end, name in spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                index.setdefault(token.i, name)
        tokens[article_id] = index
    return ActorIndex(names, tokens)


def normalise_name(text: str) -> str:
    """``the Hamas’s`` -> ``Hamas``: what NER spans of one name differ by in running text."""
    words = text.strip().split()
    if words and words[0].lower() == "the":
        words = words[1:]
    name = " ".join(words)
    return _POSSESSIVE.sub("", name).strip()


def linked_actor(index: ActorIndex, article: str, head: Token, verb: bool = False) -> str | None:
    """The actor ``head`` (a label, an act, or a reporting verb when ``verb``) is about."""
    if verb:
        for child in head.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return _first_actor(index, article, child.subtree)
        return None
    own = index.at(article, head)
    if own is not None:
        return own
    for child in head.children:
        if child.dep_ in _MODIFIERS:
            found = _first_actor(index, article, child.subtree)
            if found is not None:
                return found
    if head.dep_ in {"appos", "compound"}:
        found = index.at(article, head.head)
        if found is not None:
            return found
    for child in head.children:
        if child.dep_ == "prep" and child.lemma_.lower() in _LIST_PREPS | _OF_BY:
            found = _first_actor(index, article, child.subtree)
            if found is not None:
                return found
    return None


def _first_actor(index: ActorIndex, article: str, tokens: Any) -> str | None:
    for token in tokens:
        found = index.at(article, token)
        if found is not None:
            return found
    return None

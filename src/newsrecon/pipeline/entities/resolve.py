"""From parsed articles to entities: mentions, chains per article, links across articles, and
the :class:`~newsrecon.model.entities.Entity` records with aliases, titles and outlets."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from newsrecon.model.entities import Alias, Entity, Mention, TitleSeen
from newsrecon.model.span import Span
from newsrecon.pipeline.entities.across import link_chains
from newsrecon.pipeline.entities.components import TITLE_SEPARATOR, acronym_definitions
from newsrecon.pipeline.entities.mentions import doc_mentions
from newsrecon.pipeline.entities.names import (
    ascii_fold,
    is_acronym,
    name_tokens,
    strip_possessive,
)
from newsrecon.pipeline.entities.within import Chain, build_chains, clean_name


@dataclass(frozen=True, slots=True)
class Resolved:
    """Entities plus what conflict detection needs: each entity's mentions with outlets."""

    entities: tuple[Entity, ...]
    members: tuple[tuple[tuple[Mention, str], ...], ...]  # per entity: (mention, outlet)


def definitions_of(doc: Doc) -> dict[str, list[str]]:
    """Acronym letters -> long form tokens, for the article's exact definitions."""
    out: dict[str, list[str]] = {}
    for short, long in acronym_definitions(doc):
        if short.label_ == "exact":
            out.setdefault(ascii_fold(short.text).replace(".", ""), clean_name(long.text))
    return out


def sentence_index(doc: Doc, mentions: Sequence[Mention]) -> list[int]:
    starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    out = []
    for m in mentions:
        index = 0
        for k, start in enumerate(starts):
            if start <= m.span.start:
                index = k
            else:
                break
        out.append(index)
    return out


def article_chains(article_id: str, doc: Doc, mentions: list[Mention] | None = None) -> list[Chain]:
    mentions = doc_mentions(article_id, doc) if mentions is None else mentions
    return build_chains(article_id, mentions, sentence_index(doc, mentions), definitions_of(doc))


def resolve(docs: Mapping[str, Doc], outlets: Mapping[str, str]) -> Resolved:
    """Entities of a story. ``docs`` maps article id to parse; ``outlets`` article to outlet."""
    chains: list[Chain] = []
    for article_id in sorted(docs):
        chains.extend(article_chains(article_id, docs[article_id]))
    clusters = link_chains(chains)
    entities: list[tuple[Entity, tuple[tuple[Mention, str], ...]]] = []
    for cluster in clusters:
        members = tuple(
            (m, outlets.get(chains[i].doc, chains[i].doc))
            for i in sorted(cluster, key=lambda i: chains[i].doc)
            for m in chains[i].mentions
        )
        types = Counter(chains[i].type for i in cluster)
        entities.append((_entity(members, types.most_common(1)[0][0]), members))
    entities.sort(key=lambda e: (-e[0].outlet_count, -len(e[0].mentions), e[0].name))
    return Resolved(tuple(e for e, _ in entities), tuple(m for _, m in entities))


def _surface(text: str) -> str:
    return " ".join(strip_possessive(text).split())


def _entity(members: Sequence[tuple[Mention, str]], type_: str) -> Entity:
    alias_outlets: dict[str, set[str]] = defaultdict(set)
    for m, outlet in members:
        if m.kind in ("name", "acronym"):
            alias_outlets[_surface(m.text)].add(outlet)
    names = [a for a in alias_outlets if not _is_acronym_text(a)] or list(alias_outlets)
    name = (
        max(
            names,
            key=lambda a: (len(name_tokens(a)) > 1, len(alias_outlets[a]), len(name_tokens(a)), a),
        )
        if names
        else members[0][0].text
    )
    acronyms = sorted(a for a in alias_outlets if _is_acronym_text(a))
    titles: dict[str, tuple[set[str], list[Span]]] = {}
    for m, outlet in members:
        for title in m.title.split(TITLE_SEPARATOR) if m.title else ():
            seen = titles.setdefault(title, (set(), []))
            seen[0].add(outlet)
            seen[1].append(m.title_span or m.span)
    outlets = sorted({o for _, o in members})
    spans = tuple(sorted(m.span for m, _ in members))
    digest = hashlib.blake2b(
        "|".join(f"{s.article}:{s.start}:{s.end}" for s in spans).encode(), digest_size=5
    ).hexdigest()
    return Entity(
        id=f"en{digest}",
        name=name,
        type=type_,
        aliases=tuple(
            Alias(a, tuple(sorted(o)))
            for a, o in sorted(alias_outlets.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ),
        mentions=spans,
        outlets=tuple(outlets),
        outlet_count=len(outlets),
        titles=tuple(
            TitleSeen(t, tuple(sorted(o)), tuple(sorted(ev)))
            for t, (o, ev) in sorted(titles.items())
        ),
        acronym=acronyms[0] if acronyms else None,
    )


def _is_acronym_text(text: str) -> bool:
    return is_acronym(text)

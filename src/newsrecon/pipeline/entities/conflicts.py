"""What outlets disagree on about who is who: spellings (informational), acronym expansions
and ranks (errors a reader must see), each side with its outlets and evidence spans."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from newsrecon.model.entities import Entity, Mention
from newsrecon.model.findings import Conflict, ConflictSide, Severity
from newsrecon.model.span import Span
from newsrecon.pipeline.entities.components import acronym_definitions
from newsrecon.pipeline.entities.lexicon import RANKS
from newsrecon.pipeline.entities.names import (
    acronym_of,
    ascii_fold,
    orgs_match,
    person_parts,
)
from newsrecon.pipeline.entities.within import clean_name

STAGE = "entities"
Member = tuple[Mention, str]


def _id(kind: str, *parts: str) -> str:
    return "cf" + hashlib.blake2b("|".join((kind, *parts)).encode(), digest_size=5).hexdigest()


def _outlier(sides: Sequence[ConflictSide]) -> str | None:
    """The one outlet alone on a side that no other side's outlets share, against two or more."""
    for side in sides:
        others = {o for s in sides if s is not side for o in s.outlets}
        if len(side.outlets) == 1 and side.outlets[0] not in others and len(others) >= 2:
            return side.outlets[0]
    return None


def _side(value: str, found: Sequence[tuple[str, Span]]) -> ConflictSide:
    return ConflictSide(
        value,
        tuple(sorted({o for o, _ in found})),
        tuple(sorted({s for _, s in found})),
    )


def spelling_conflicts(entity: Entity, members: Sequence[Member]) -> list[Conflict]:
    """A name part written differently by outlets (``Qaani``/``Ghaani``): informational."""
    parts: dict[str, dict[str, list[tuple[str, Span]]]] = defaultdict(lambda: defaultdict(list))
    for mention, outlet in members:
        if mention.kind != "name":
            continue
        tokens = clean_name(mention.text)
        if entity.type == "PERSON":
            given, last = person_parts(tokens)
            if last:
                parts["surname"][last].append((outlet, mention.span))
            if given:
                parts["given name"][given[0]].append((outlet, mention.span))
        elif len(tokens) >= 2:
            parts["name"][" ".join(tokens)].append((outlet, mention.span))
    out = []
    for part, spellings in parts.items():
        if part == "name":  # only spellings of one name, not longer or shorter forms
            keys = list(spellings)
            spellings = {
                k: v
                for k, v in spellings.items()
                if any(k != o and orgs_match(k.split(), o.split()) for o in keys)
            }
        if len(spellings) < 2:
            continue
        sides = tuple(_side(value, found) for value, found in sorted(spellings.items()))
        out.append(
            Conflict(
                id=_id("spelling", entity.id, part),
                kind="spelling",
                severity=Severity.INFO,
                explanation=f"the {part} of {entity.name} is spelled "
                + " / ".join(f"'{s.value}'" for s in sides)
                + " by different outlets (one entity, transliteration variants)",
                sides=sides,
                outlier=_outlier(sides),
                stage=STAGE,
            )
        )
    return out


def title_conflicts(entity: Entity) -> list[Conflict]:
    """Incompatible ranks for one person (``brigadier general`` vs ``major general``); a bare
    ``general`` is compatible with both and is not a side."""
    ranks = [t for t in entity.titles if t.title in RANKS]
    specific = [
        t for t in ranks if not any(o is not t and o.title.endswith(" " + t.title) for o in ranks)
    ]
    if len(specific) < 2:
        return []
    sides = tuple(ConflictSide(t.title, t.outlets, t.evidence) for t in specific)
    return [
        Conflict(
            id=_id("title", entity.id),
            kind="title",
            severity=Severity.ERROR,
            explanation=f"{entity.name} is given different ranks: "
            + "; ".join(f"{s.value} ({', '.join(s.outlets)})" for s in sides),
            sides=sides,
            outlier=_outlier(sides),
            stage=STAGE,
        )
    ]


def acronym_conflicts(
    docs: Mapping[str, Doc], outlets: Mapping[str, str], mentions: Sequence[Member]
) -> list[Conflict]:
    """One acronym expanded two incompatible ways in the story. An outlet that writes out a
    name whose initials spell the acronym counts for that expansion too."""
    expansions: dict[str, list[tuple[list[str], str, str, list[Span]]]] = defaultdict(list)
    for article_id in sorted(docs):
        outlet = outlets.get(article_id, article_id)
        for short, long in acronym_definitions(docs[article_id]):
            letters = ascii_fold(short.text).replace(".", "")
            evidence = [
                Span(article_id, long.start_char, long.end_char),
                Span(article_id, short.start_char, short.end_char),
            ]
            expansions[letters].append((clean_name(long.text), long.text, outlet, evidence))
    out = []
    for letters, found in sorted(expansions.items()):
        if not any(acronym_of(letters, t) for t, _, _, _ in found):
            continue  # no exact expansion anywhere: nothing to compare the loose one with
        for mention, outlet in mentions:
            tokens = clean_name(mention.text)
            if mention.kind == "name" and acronym_of(letters, tokens):
                found.append((tokens, mention.text, outlet, [mention.span]))
        groups: list[list[tuple[list[str], str, str, list[Span]]]] = []
        for item in found:
            for group in groups:
                if orgs_match(group[0][0], item[0]):
                    group.append(item)
                    break
            else:
                groups.append([item])
        if len(groups) < 2:
            continue
        sides = tuple(
            _side(
                max((g[1] for g in group), key=lambda text: sum(g[1] == text for g in group)),
                [(o, s) for _, _, o, spans in group for s in spans],
            )
            for group in groups
        )
        upper = letters.upper()
        out.append(
            Conflict(
                id=_id("acronym", letters),
                kind="acronym",
                severity=Severity.ERROR,
                explanation=f"{upper} is expanded differently: "
                + "; ".join(f"'{s.value}' ({', '.join(s.outlets)})" for s in sides),
                sides=sides,
                outlier=_outlier(sides),
                stage=STAGE,
            )
        )
    return out

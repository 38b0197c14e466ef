"""The cross-document coreference configuration ``newsrecon eval coref`` scores: documents
first, then mentions.

1. Documents are grouped into stories by the project's own story grouping
   (:func:`newsrecon.pipeline.stories.group_stories` at its default knob) over the whole
   corpus: no gold topic or sub-topic is used.
2. Inside one story, mentions with the same head lemma are one entity, as in the same-head
   baseline, unless their words single out different referents
   (:func:`~newsrecon.pipeline.entities.nominals.cues_conflict`: another number, ordinal,
   proper-name modifier or given name) or their types disagree; a mention joins the first
   same-head cluster none of whose members it conflicts with.
3. A pronoun joins the nearest preceding compatible mention of its own document (at most
   :data:`PRONOUN_REACH` sentences back); first- and second-person pronouns join the same word
   within their document only.
4. Names link across stories when the transliteration-aware name rules of
   :mod:`newsrecon.pipeline.entities.names` say they write one name (full names, or an acronym
   and its expansion), with agreeing types.

This is a recall-leaning configuration of the same components the ``entities`` stage uses
precision-first: the stage never links common nouns across articles without a name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsrecon.pipeline.entities.lexicon import (
    FIRST_PERSON,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    SECOND_PERSON,
    THING_PRONOUNS,
)
from newsrecon.pipeline.entities.names import acronym_of, is_acronym, orgs_match, persons_match
from newsrecon.pipeline.entities.nominals import MentionCues, cues_conflict, mention_cues
from newsrecon.pipeline.stories import DEFAULT_SIMILARITY, features_from_doc, group_stories

FloatArray = npt.NDArray[np.float32]
PRONOUN_REACH = 2
# The story knob whose grouping best matched the ECB+ topic level (B-cubed F1 0.876 on
# the grid 0.1..0.5; see the eval report): documents about the same players.
TOPIC_SIMILARITY = 0.3
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


@dataclass(frozen=True, slots=True)
class CorefItem:
    """One mention to cluster: an id, its document, its parsed span and its coarse type."""

    id: Hashable
    doc: str
    span: SpacySpan
    type: str


@dataclass(frozen=True, slots=True)
class CorefConfig:
    """Switches of the design choices measured in the eval (see the module docstring)."""

    story_groups: bool = True
    type_agreement: bool = True
    modifier_conflicts: bool = True
    pronouns: bool = True
    cross_story_names: bool = True
    cross_story_single_names: bool = True
    single_names_in_topic: bool = True
    appositions: bool = True
    pronoun_number: bool = True
    pronoun_prefers_names: bool = False
    definite_descriptions: bool = False
    pronoun_chains: bool = True
    generic_plurals_local: bool = False
    deictic_local: bool = True
    context_threshold: float = 0.3
    unresolved_pronouns_by_word: bool = True


def story_groups(docs: dict[str, Doc], similarity: float = DEFAULT_SIMILARITY) -> dict[str, int]:
    """Story index of each document, from the project's story grouping (no dates known)."""
    ids = sorted(docs)
    groups = group_stories(
        [features_from_doc(i, None, docs[i]) for i in ids], similarity=similarity
    )
    return {a: n for n, g in enumerate(groups) for a in g.article_ids}


@dataclass(frozen=True, slots=True)
class DocumentGroups:
    """Two levels of document grouping: ``stories`` (one event) and ``topics`` (one kind of
    news about the same players, the coarse knob :data:`TOPIC_SIMILARITY`)."""

    stories: dict[str, int]
    topics: dict[str, int]


def document_groups(docs: dict[str, Doc]) -> DocumentGroups:
    return DocumentGroups(story_groups(docs), story_groups(docs, TOPIC_SIMILARITY))


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _types_agree(a: str, b: str) -> bool:
    """Same type, or an unknown type ("", predicted common nouns). Kinds of place stay apart:
    a country and a building in it are two entities."""
    return a == b or not a or not b


def _pronoun_types(word: str) -> frozenset[str] | None:
    if word in PERSON_PRONOUNS:
        return frozenset({"PERSON"})
    if word in THING_PRONOUNS:
        return frozenset({"ORG", "GPE", "LOC", "FAC", "THING"})
    if word in PLURAL_PRONOUNS:
        return frozenset({"ORG", "PERSON", "THING", "GPE"})
    return None


def _same_head(
    items: Sequence[CorefItem],
    cues: Sequence[MentionCues],
    members: list[int],
    config: CorefConfig,
    context: Sequence[FloatArray] | None,
) -> list[list[int]]:
    """Same-head mentions of one story into clusters, each mention joining the first cluster
    it agrees with in type and words. With ``context`` (a unit sentence vector per mention), a
    common noun or pronoun joins another document's mentions only when its sentence is close
    enough to theirs (mean cosine at least ``config.context_threshold``), the closest first."""
    clusters: list[list[int]] = []
    for i in members:
        fits = [
            c
            for c in clusters
            if all(_compatible(items[i], items[j], cues[i], cues[j], config) for j in c)
        ]
        if context is not None and cues[i].kind != "name" and fits:
            scored = [(_closeness(items, context, i, c), n) for n, c in enumerate(fits)]
            best, at = max(scored)
            fits = [fits[at]] if best >= config.context_threshold else []
        if fits:
            fits[0].append(i)
        else:
            clusters.append([i])
    return clusters


def _closeness(
    items: Sequence[CorefItem], context: Sequence[FloatArray], i: int, cluster: list[int]
) -> float:
    """1 when the cluster already holds a mention of the same document, else the mean cosine
    of the mention's sentence with the cluster's sentences."""
    if any(items[j].doc == items[i].doc for j in cluster):
        return 1.0
    return float(np.mean([float(context[i] @ context[j]) for j in cluster]))


def _compatible(
    a: CorefItem, b: CorefItem, ca: MentionCues, cb: MentionCues, config: CorefConfig
) -> bool:
    if config.type_agreement and not _types_agree(a.type, b.type):
        return False
    persons = a.type == "PERSON" and b.type == "PERSON"
    return not (config.modifier_conflicts and cues_conflict(ca, cb, persons))


_GENDERS = (
    frozenset({"he", "him", "his", "himself"}),
    frozenset({"she", "her", "hers", "herself"}),
    THING_PRONOUNS,
    PLURAL_PRONOUNS,
)


def _gender(pronoun: str) -> int:
    """Which of he / she / it / they a third-person pronoun is a form of (-1: none)."""
    return next((n for n, forms in enumerate(_GENDERS) if pronoun in forms), -1)


def _number_agrees(pronoun: str, antecedent: SpacySpan) -> bool:
    """They/them for plurals and organisations, the singular pronouns for singulars."""
    plural = antecedent.root.tag_ in _PLURAL_TAGS
    return (
        not plural if pronoun not in PLURAL_PRONOUNS else plural or antecedent.root.pos_ == "PROPN"
    )


def _antecedent(
    items: Sequence[CorefItem],
    cues: Sequence[MentionCues],
    order: list[int],
    at: int,
    config: CorefConfig,
) -> int | None:
    """Nearest preceding non-pronoun mention a third-person pronoun can stand for."""
    i = order[at]
    allowed = _pronoun_types(cues[i].head)
    if allowed is None:
        return None
    sentence = items[i].span.sent.start
    reach = [s.start for s in items[i].span.doc.sents if s.start <= sentence][-PRONOUN_REACH - 1 :]
    found: list[int] = []
    for j in reversed(order[:at]):
        if items[j].span.sent.start < reach[0]:
            break
        if (
            config.pronoun_number
            and cues[j].kind != "pronoun"
            and not _number_agrees(cues[i].head, items[j].span)
        ):
            continue
        if cues[j].kind == "pronoun":
            if config.pronoun_chains and _gender(cues[j].head) == _gender(cues[i].head):
                found.append(j)
            continue
        typed = items[j].type in allowed or not items[j].type
        if typed and (_types_agree(items[j].type, items[i].type) or items[i].type not in allowed):
            found.append(j)
    if config.pronoun_prefers_names:
        found.sort(key=lambda j: cues[j].kind != "name")  # stable: nearest name first
    return found[0] if found else None


def _names_match(
    a: CorefItem, b: CorefItem, ca: MentionCues, cb: MentionCues, single: bool = True
) -> bool:
    if not _types_agree(a.type, b.type):
        return False
    if a.type == "PERSON":
        return len(ca.name) > 1 and len(cb.name) > 1 and persons_match(list(ca.name), list(cb.name))
    if ca.name == cb.name and len(ca.name) == 1:  # one-word organisation or place names
        return single
    ta, tb = a.span.text, b.span.text
    if is_acronym(ta) and len(cb.name) > 1:
        return acronym_of(ta, list(cb.name))
    if is_acronym(tb) and len(ca.name) > 1:
        return acronym_of(tb, list(ca.name))
    return len(ca.name) > 1 and orgs_match(list(ca.name), list(cb.name))


def cluster_mentions(
    items: Sequence[CorefItem],
    levels: DocumentGroups,
    config: CorefConfig | None = None,
    context: Sequence[FloatArray] | None = None,
) -> list[list[Hashable]]:
    """Clusters of mention ids (see the module docstring for the steps)."""
    config = config or CorefConfig()
    groups = levels.stories
    cues = [mention_cues(item.span) for item in items]
    union = _Union(len(items))
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        by_doc[item.doc].append(i)
    blocks: dict[tuple[int, str], list[int]] = defaultdict(list)
    for doc_id in sorted(by_doc):
        order = sorted(by_doc[doc_id], key=lambda i: (items[i].span.start, items[i].span.end))
        group = groups.get(doc_id, 0) if config.story_groups else 0
        for at, i in enumerate(order):
            if cues[i].kind == "pronoun" and config.pronouns:
                if cues[i].head in FIRST_PERSON or cues[i].head in SECOND_PERSON:
                    blocks[(-1 - group, f"{doc_id}\t{cues[i].head}")].append(i)
                    continue
                j = _antecedent(items, cues, order, at, config)
                if j is not None:
                    union.join(i, j)
                    continue
                if not config.unresolved_pronouns_by_word:
                    continue
            local = config.deictic_local and cues[i].head in DEICTIC
            if local or (config.generic_plurals_local and _generic(items[i].span, cues[i])):
                blocks[(-1 - group, f"{doc_id}\t{cues[i].head}")].append(i)
                continue
            blocks[(group, cues[i].head)].append(i)
        if config.appositions:
            _link_appositions(items, order, union)
        if config.definite_descriptions:
            _link_descriptions(items, cues, order, union)
    for members in blocks.values():
        for cluster in _same_head(items, cues, members, config, context):
            for j in cluster[1:]:
                union.join(cluster[0], j)
    if config.cross_story_names:
        topics = levels.topics if config.single_names_in_topic else {}
        _link_names(items, cues, union, config.cross_story_single_names, topics)
    clusters: dict[int, list[Hashable]] = defaultdict(list)
    for i, item in enumerate(items):
        clusters[union.find(i)].append(item.id)
    return list(clusters.values())


# Words whose referent depends on when or where the text was written: "today" in two
# articles is two days unless they were written the same day, which is not known.
DEICTIC: frozenset[str] = frozenset(
    {"today", "yesterday", "tomorrow", "tonight", "now", "currently", "recently", "here", "there"}
)
_SPECIFIC_DETERMINERS = frozenset({"the", "these", "those", "this", "that"})


def _generic(span: SpacySpan, cue: MentionCues) -> bool:
    """A bare or quantified plural ("fans", "many people"): a kind, not a group one can point
    to, so nothing says two documents' "people" are the same people."""
    root = span.root
    if cue.kind != "nominal" or root.tag_ != "NNS" or cue.numbers:
        return False
    return not any(t.lower_ in _SPECIFIC_DETERMINERS or t.dep_ == "poss" for t in root.children)


def _link_descriptions(
    items: Sequence[CorefItem], cues: Sequence[MentionCues], order: list[int], union: _Union
) -> None:
    """A definite singular description met for the first time in a document ("the actress",
    "the company") stands for the nearest preceding name of its type within
    :data:`PRONOUN_REACH` sentences, as news style writes it after a name."""
    seen: set[str] = set()
    for at, i in enumerate(order):
        cue, span = cues[i], items[i].span
        if cue.kind != "nominal":
            continue
        first = cue.head not in seen
        seen.add(cue.head)
        determiners = [t.lower_ for t in span.root.children if t.dep_ == "det"]
        if not first or determiners != ["the"] or span.root.tag_ != "NN" or not items[i].type:
            continue
        sents = [s.start for s in span.doc.sents if s.start <= span.sent.start]
        reach = sents[-PRONOUN_REACH - 1 :][0]
        names = [
            j
            for j in order[:at]
            if items[j].span.sent.start >= reach
            and cues[j].kind == "name"
            and items[j].type == items[i].type
        ]
        if names and len({union.find(j) for j in names}) == 1:  # one candidate entity only
            union.join(i, names[-1])


def _link_appositions(items: Sequence[CorefItem], order: list[int], union: _Union) -> None:
    """Within one document, join a mention to the one it renames: an apposition ("Ann Lee,
    the actress") or the complement of "be" ("Ann Lee is the actress"), types agreeing."""
    by_root = {items[i].span.root.i: i for i in order}
    for i in order:
        root = items[i].span.root
        other: int | None = None
        if root.dep_ == "appos":
            other = by_root.get(root.head.i)
        elif root.dep_ == "attr" and root.head.lemma_ == "be":
            subjects = [t for t in root.head.children if t.dep_ in ("nsubj", "nsubjpass")]
            other = by_root.get(subjects[0].i) if subjects else None
        if other is not None and _types_agree(items[i].type, items[other].type):
            union.join(i, other)


def _link_names(
    items: Sequence[CorefItem],
    cues: Sequence[MentionCues],
    union: _Union,
    single: bool,
    topics: dict[str, int],
) -> None:
    """Join names across stories that the name rules say are one (blocked by surname/head)."""
    named = [i for i, c in enumerate(cues) if c.kind == "name" and c.name]
    acronyms = [
        i for i, c in enumerate(cues) if c.kind == "name" and is_acronym(items[i].span.text)
    ]
    by_head: dict[str, list[int]] = defaultdict(list)
    for i in named:
        by_head[cues[i].head].append(i)
    for members in by_head.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                one_word = len(cues[i].name) == 1 or len(cues[j].name) == 1
                near = topics.get(items[i].doc, 0) == topics.get(items[j].doc, 0)
                if union.find(i) == union.find(j) or (one_word and not near):
                    continue
                if _names_match(items[i], items[j], cues[i], cues[j], single):
                    union.join(i, j)
    by_initials: dict[str, list[int]] = defaultdict(list)
    for i in named:
        by_initials["".join(w[0] for w in cues[i].name)].append(i)
    for i in acronyms:
        letters = items[i].span.text.replace(".", "").lower()
        for j in by_initials.get(letters, []):
            if _names_match(items[i], items[j], cues[i], cues[j]):
                union.join(i, j)

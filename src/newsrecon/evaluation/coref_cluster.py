"""The cross-document coreference configuration ``newsrecon eval coref`` scores: documents
first, then mentions.

1. Documents are grouped by the project's own story grouping
   (:func:`newsrecon.pipeline.stories.group_stories`) over the whole corpus, at two levels:
   stories (the default knob, one event) and topics (:data:`TOPIC_SIMILARITY`, news about the
   same players). No gold topic or sub-topic is used.
2. Inside one story, mentions with the same head lemma are one entity, as in the same-head
   baseline, unless their types disagree or their words single out different referents
   (:func:`~newsrecon.pipeline.entities.nominals.cues_conflict`: another number, ordinal or
   proper-name modifier, or another given name); a mention joins the first same-head cluster
   none of whose members it conflicts with. Words whose referent depends on when the text was
   written (:data:`DEICTIC`) join only inside their document.
3. Inside a document, a third-person pronoun joins its antecedent and a phrase the one it
   renames (:mod:`~newsrecon.evaluation.coref_anaphora`); first- and second-person pronouns
   join the same word in their document.
4. Names link across the stories of one topic when the transliteration-aware name rules of
   :mod:`newsrecon.pipeline.entities.names` say they write one name (two full person names,
   an organisation or place name, an acronym and its expansion), types agreeing.

This is a recall-leaning configuration of the components the ``entities`` stage uses
precision-first: the stage never links common nouns across articles without a name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from newsrecon.evaluation.coref_anaphora import CorefItem, antecedent, renamings, types_agree
from newsrecon.pipeline.entities.lexicon import FIRST_PERSON, SECOND_PERSON
from newsrecon.pipeline.entities.names import acronym_of, is_acronym, orgs_match, persons_match
from newsrecon.pipeline.entities.nominals import MentionCues, cues_conflict, mention_cues
from newsrecon.pipeline.stories import DEFAULT_SIMILARITY, features_from_doc, group_stories

__all__ = ["CorefConfig", "CorefItem", "DocumentGroups", "cluster_mentions", "document_groups"]

# The story knob whose grouping best matched ECB+'s topic level on the grid 0.1-0.5
# (B-cubed F1 0.876; 0.25 gave 0.877 with lower precision): documents about the same players.
TOPIC_SIMILARITY = 0.3
# Words whose referent depends on when or where the text was written: "today" in two
# articles is two days unless they were written the same day, which is not known.
DEICTIC: frozenset[str] = frozenset(
    {"today", "yesterday", "tomorrow", "tonight", "now", "currently", "recently", "here", "there"}
)


@dataclass(frozen=True, slots=True)
class CorefConfig:
    """Switches of the design choices the eval measured (each on by default)."""

    story_groups: bool = True
    type_agreement: bool = True
    modifier_conflicts: bool = True
    pronouns: bool = True
    pronoun_number: bool = True
    appositions: bool = True
    cross_story_names: bool = True
    deictic_local: bool = True


@dataclass(frozen=True, slots=True)
class DocumentGroups:
    """Two levels of document grouping: ``stories`` (one event) and ``topics``."""

    stories: dict[str, int]
    topics: dict[str, int]


def story_groups(docs: dict[str, Doc], similarity: float = DEFAULT_SIMILARITY) -> dict[str, int]:
    """Story index of each document, from the project's story grouping (no dates known)."""
    ids = sorted(docs)
    features = [features_from_doc(i, None, docs[i]) for i in ids]
    groups = group_stories(features, similarity=similarity)
    return {a: n for n, g in enumerate(groups) for a in g.article_ids}


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


def cluster_mentions(
    items: Sequence[CorefItem], levels: DocumentGroups, config: CorefConfig | None = None
) -> list[list[Hashable]]:
    """Clusters of mention ids (see the module docstring for the steps)."""
    config = config or CorefConfig()
    cues = [mention_cues(item.span) for item in items]
    union = _Union(len(items))
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        by_doc[item.doc].append(i)
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for doc_id in sorted(by_doc):
        order = sorted(by_doc[doc_id], key=lambda i: (items[i].span.start, items[i].span.end))
        story = f"s{levels.stories.get(doc_id, 0)}" if config.story_groups else "s"
        for at, i in enumerate(order):
            head = cues[i].head
            if cues[i].kind == "pronoun" and config.pronouns:
                if head in FIRST_PERSON or head in SECOND_PERSON:
                    blocks[(f"d{doc_id}", head)].append(i)
                    continue
                j = antecedent(items, cues, order, at, config.pronoun_number)
                if j is not None:
                    union.join(i, j)
                    continue
            local = config.deictic_local and head in DEICTIC
            blocks[(f"d{doc_id}" if local else story, head)].append(i)
        for i, j in renamings(items, order) if config.appositions else ():
            union.join(i, j)
    for members in blocks.values():
        for cluster in _same_head(items, cues, members, config):
            for j in cluster[1:]:
                union.join(cluster[0], j)
    if config.cross_story_names:
        _link_names(items, cues, union, levels.topics)
    clusters: dict[int, list[Hashable]] = defaultdict(list)
    for i, item in enumerate(items):
        clusters[union.find(i)].append(item.id)
    return list(clusters.values())


def _same_head(
    items: Sequence[CorefItem], cues: Sequence[MentionCues], members: list[int], config: CorefConfig
) -> list[list[int]]:
    """Same-head mentions of one story into clusters, each mention joining the first cluster
    it agrees with in type and words."""
    clusters: list[list[int]] = []
    for i in members:
        for cluster in clusters:
            if all(_compatible(items[i], items[j], cues[i], cues[j], config) for j in cluster):
                cluster.append(i)
                break
        else:
            clusters.append([i])
    return clusters


def _compatible(
    a: CorefItem, b: CorefItem, ca: MentionCues, cb: MentionCues, config: CorefConfig
) -> bool:
    if config.type_agreement and not types_agree(a.type, b.type):
        return False
    persons = a.type == "PERSON" and b.type == "PERSON"
    return not (config.modifier_conflicts and cues_conflict(ca, cb, persons))


def _names_match(a: CorefItem, b: CorefItem, ca: MentionCues, cb: MentionCues) -> bool:
    if not types_agree(a.type, b.type):
        return False
    if a.type == "PERSON":  # full names only: a bare surname may be anyone's
        return len(ca.name) > 1 and len(cb.name) > 1 and persons_match(list(ca.name), list(cb.name))
    ta, tb = a.span.text, b.span.text
    if is_acronym(ta) and len(cb.name) > 1:
        return acronym_of(ta, list(cb.name))
    if is_acronym(tb) and len(ca.name) > 1:
        return acronym_of(tb, list(ca.name))
    if len(ca.name) == 1 or len(cb.name) == 1:  # one-word organisation or place names
        return ca.name == cb.name
    return orgs_match(list(ca.name), list(cb.name))


def _link_names(
    items: Sequence[CorefItem],
    cues: Sequence[MentionCues],
    union: _Union,
    topics: dict[str, int],
) -> None:
    """Join names of one topic that the name rules say are one, blocked by head word and by
    initials (acronyms)."""
    blocks: dict[tuple[int, str], list[int]] = defaultdict(list)
    for i, c in enumerate(cues):
        if c.kind != "name" or not c.name:
            continue
        topic = topics.get(items[i].doc, 0)
        blocks[(topic, "h" + c.head)].append(i)
        if len(c.name) > 1:
            blocks[(topic, "a" + "".join(w[0] for w in c.name))].append(i)
        elif is_acronym(items[i].span.text):
            blocks[(topic, "a" + items[i].span.text.replace(".", "").lower())].append(i)
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if union.find(i) != union.find(j) and _names_match(
                    items[i], items[j], cues[i], cues[j]
                ):
                    union.join(i, j)

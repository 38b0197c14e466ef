"""The cross-document coreference configuration ``newsrecon eval coref`` scores: documents
first, then mentions.

1. Documents are grouped by the project's own story grouping
   (:func:`newsrecon.pipeline.stories.group_stories`) over the whole corpus, at two levels:
   stories (the default knob, one event) and topics (:data:`TOPIC_SIMILARITY`, news about the
   same players). No gold topic or sub-topic is used.
2. Inside one story, mentions with the same head lemma are one entity, as in the same-head
   baseline, unless their types disagree, one common noun is plural and the other singular
   ("the victim" is not "the victims"), or their words single out different referents
   (:func:`~newsrecon.pipeline.entities.nominals.cues_conflict`: another number, ordinal or
   proper-name modifier, or another given name); a mention joins the first same-head cluster
   none of whose members it conflicts with. Words whose referent depends on when the text was
   written (:data:`DEICTIC`) join only inside their document. A time expression is told by
   all its words, not its head ("Monday" is not "Monday night"): inside one story (reports of
   one event, days apart) the same words name the same time.
3. Inside a document, a third-person pronoun joins its antecedent (agreeing in type, number
   and stated gender), a relative pronoun the noun its clause modifies, and a phrase the one
   it renames (apposition, copula, a role noun before a name:
   :mod:`~newsrecon.evaluation.coref_anaphora`); the forms of one first- or second-person
   pronoun join in their document, a first-person one also the subject of a speech verb in
   its sentence. Open pronouns ("someone", "all") join nothing by their word.
4. Names link across the stories of one topic when the transliteration-aware name rules of
   :mod:`newsrecon.pipeline.entities.names` say they write one name (two full person names,
   an organisation or place name, a country and its demonym, an acronym and its expansion),
   types agreeing; time expressions never link by name. Inside a document a given name alone
   joins the one full name it begins.

This is a recall-leaning configuration of the components the ``entities`` stage uses
precision-first: the stage never links common nouns across articles without a name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from newsrecon.evaluation.coref_anaphora import (
    CorefItem,
    antecedent,
    relative_antecedent,
    renamings,
    speaker,
    types_agree,
)
from newsrecon.pipeline.entities.lexicon import (
    FIRST_PERSON,
    OPEN_PRONOUNS,
    RELATIVE_PRONOUNS,
    SECOND_PERSON,
)
from newsrecon.pipeline.entities.names import (
    acronym_of,
    is_acronym,
    orgs_match,
    persons_match,
    tokens_match,
)
from newsrecon.pipeline.entities.nominals import MentionCues, cues_conflict, mention_cues
from newsrecon.pipeline.stories import DEFAULT_SIMILARITY, features_from_doc, group_stories

__all__ = ["CorefConfig", "CorefItem", "DocumentGroups", "cluster_mentions", "document_groups"]

# The story knob whose grouping best matched ECB+'s topic level on the grid 0.1-0.5
# (B-cubed F1 0.876; 0.25 gave 0.877 with lower precision): documents about the same players.
TOPIC_SIMILARITY = 0.3
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Forms of one first- or second-person pronoun: "we", "our" and "us" in one article are one
# speaker's side (the person asked, the company speaking).
_SPEAKER_FORMS: dict[str, str] = {
    **dict.fromkeys(("i", "me", "my", "mine", "myself"), "i"),
    **dict.fromkeys(("we", "us", "our", "ours", "ourselves"), "we"),
    **dict.fromkeys(("you", "your", "yours", "yourself", "yourselves"), "you"),
}
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
    open_words: bool = True
    number_agreement: bool = True
    speakers: bool = True
    given_names: bool = True
    time_words: bool = True


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
            if config.open_words and len(items[i].span) == 1:
                if head in RELATIVE_PRONOUNS:
                    j = relative_antecedent(items, order, i)
                    if j is not None:
                        union.join(i, j)
                    continue
                if head in OPEN_PRONOUNS:
                    continue
            if cues[i].kind == "pronoun" and config.pronouns:
                if head in FIRST_PERSON or head in SECOND_PERSON:
                    blocks[(f"d{doc_id}", _SPEAKER_FORMS.get(head, head))].append(i)
                    j = speaker(items, order, i) if head in FIRST_PERSON else None
                    if j is not None and config.speakers:
                        union.join(i, j)
                    continue
                j = antecedent(items, cues, order, at, config.pronoun_number)
                if j is not None:
                    union.join(i, j)
                    continue
            time = items[i].type == "TIME"
            local = config.deictic_local and head in DEICTIC
            key = _time_key(items[i]) if time and config.time_words else head
            blocks[(f"d{doc_id}" if local else story, key)].append(i)
        for i, j in renamings(items, order) if config.appositions else ():
            union.join(i, j)
        for i, j in _given_names(items, cues, order) if config.given_names else ():
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
    if config.number_agreement and ca.kind == cb.kind == "nominal" and _plural(a) != _plural(b):
        return False  # "the victim" is one of "the victims", not the group
    persons = a.type == "PERSON" and b.type == "PERSON"
    return not (config.modifier_conflicts and cues_conflict(ca, cb, persons))


def _given_names(
    items: Sequence[CorefItem], cues: Sequence[MentionCues], order: Sequence[int]
) -> list[tuple[int, int]]:
    """A person called by the given name alone ("Dara" after "Dara Venn") in one document:
    the one-word name joins the full name whose given name it is, when exactly one person of
    the document has that given name and none that surname."""
    full = [i for i in order if items[i].type == "PERSON" and len(cues[i].name) > 1]
    pairs = []
    for i in order:
        if items[i].type != "PERSON" or cues[i].kind != "name" or len(cues[i].name) != 1:
            continue
        word = cues[i].name[0]
        given = {cues[j].name for j in full if tokens_match(cues[j].name[0], word)}
        surname = any(tokens_match(cues[j].name[-1], word) for j in full)
        if len(given) == 1 and not surname:
            pairs.append((i, next(j for j in full if cues[j].name in given)))
    return pairs


def _time_key(item: CorefItem) -> str:
    """A time expression is told by all its words, not its head: "Monday" is not "Monday
    night", nor "May 2" "May 3"."""
    return " ".join(t.lower_ for t in item.span if t.like_num or not t.is_stop)


def _plural(item: CorefItem) -> bool:
    return item.span.root.tag_ in _PLURAL_TAGS


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
    if len(ca.name) == 1 and len(cb.name) == 1:  # one-word names, a country and its people
        return ca.name == cb.name or demonym_of(ca.name[0], cb.name[0])
    if len(ca.name) == 1 or len(cb.name) == 1:
        return False
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
        if c.kind != "name" or not c.name or items[i].type == "TIME":
            continue
        topic = topics.get(items[i].doc, 0)
        blocks[(topic, "h" + c.head)].append(i)
        if len(c.name) > 1:
            blocks[(topic, "a" + "".join(w[0] for w in c.name))].append(i)
        elif len(c.name[0]) > 3:  # a one-word name and its demonym share their first letters
            blocks[(topic, "d" + c.name[0][:4])].append(i)
        if len(c.name) == 1 and is_acronym(items[i].span.text):
            blocks[(topic, "a" + items[i].span.text.replace(".", "").lower())].append(i)
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if union.find(i) != union.find(j) and _names_match(
                    items[i], items[j], cues[i], cues[j]
                ):
                    union.join(i, j)


_DEMONYM_ENDINGS = ("n", "an", "ian", "i", "ese", "ish")


def demonym_of(a: str, b: str) -> bool:
    """Whether one word is the other's demonym, by the regular English endings ("Indonesia" /
    "Indonesian", "Iran" / "Iranian", "Israel" / "Israeli", "Japan" / "Japanese")."""
    short, long = sorted((a, b), key=len)
    stems = (short, short[:-1]) if short.endswith(("a", "e", "o", "y")) else (short,)
    return any(long == stem + end for stem in stems for end in _DEMONYM_ENDINGS)

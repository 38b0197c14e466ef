"""Attribution candidates from a parse: cue verb, its subject (the source) and its complement
(the content), joined with the quotation-mark regions the text holds.

Which words are cues is learned (:mod:`.cues`, trained on PolNeAR train); who and what they
credit is read from the dependency parse: the subject, a passive's agent, the noun a
participle modifies or the subject of the clause the cue hangs on, its phrase cut where the
learned source boundary says (:mod:`.boundary`); what the cue reports is found by
:mod:`.content` (complement clause, adjacent quotation, object, host clause, ...); every
reading a verb offers is a candidate, and the filter keeps one per cue word. A cue with no one
to credit ("Asked about it, ...", "the decision to ...") still gives a candidate without a
source, which the learned filter judges apart (route suffix ``0``) and which never becomes a
quote; a subject that may not be speaking (a passive's without an agent, one a verb raises) is
offered both ways, credited and not, and the filter chooses. Span edges follow PolNeAR's
conventions (:mod:`.bounds`).

Works on character offsets of the Doc, which is parsed from exactly ``Article.text``, so every
range here indexes the stored clean text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsrecon.pipeline.quotes.boundary import BoundaryModel, boundary_model, source_char_range
from newsrecon.pipeline.quotes.bounds import content_bounds, source_bounds
from newsrecon.pipeline.quotes.content import verb_readings
from newsrecon.pipeline.quotes.cues import CueModel, cue_model
from newsrecon.pipeline.quotes.filter import candidate_filter
from newsrecon.pipeline.quotes.forms import colon_lines, unattributed_regions
from newsrecon.pipeline.quotes.lexicon import lexicon
from newsrecon.pipeline.quotes.marks import quote_regions
from newsrecon.pipeline.quotes.select import one_per_cue, outermost
from newsrecon.pipeline.quotes.spans import Candidate, Range, doc_text
from newsrecon.pipeline.quotes.spans import Regions as _Regions
from newsrecon.pipeline.quotes.spans import extent as _extent
from newsrecon.pipeline.quotes.spans import same_paragraph as _same_paragraph
from newsrecon.pipeline.quotes.spans import subtree_range as _subtree_range

__all__ = ["Candidate", "Range", "candidates", "doc_text", "raw_candidates"]

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _subject(verb: Token) -> Token | None:
    """Who the cue credits: the passive's agent ("was reported by X"), else the subject,
    else the noun a participle modifies, else the subject of the clause the cue hangs on
    ("..., adding that", "wrote ... and added", "criticised Y by saying")."""
    agent = _agent(verb)
    if agent is not None:
        return agent
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if subjects:
        # two subjects come from a glued time stamp or kicker ("2:00 p.m. Officials say"):
        # the one nearest the verb is the real one
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    # "calls saying that ...": a participle modifying a noun reports what that noun says.
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head
    cur = verb
    for _ in range(3):
        dep = cur.dep_
        if dep == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.i != cur.head.i:
            cur = cur.head.head
        elif cur.head.i != cur.i and (
            dep in {"conj", "xcomp"} or (dep == "advcl" and cur.tag_ == "VBG")
        ):
            cur = cur.head
        else:
            return None
        for child in cur.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
    return None


_DATELINE_DASH = re.compile(r"\s[—–-]{1,2}\s")
_CLAUSE_MODS = {"relcl", "acl"}
_NO_CUES: Mapping[int, float] = {}


def source_range(
    subject: Token, verb: Token, cues: Mapping[int, float], model: BoundaryModel | None
) -> Range | None:
    """The subject's phrase without a clause reporting something else, cut where ``model``
    (the learned source boundary, if any) says; words before a spaced dash before its head
    are a dateline or kicker ("CITY (Agency) — Officials said")."""
    text = doc_text(verb.doc)
    start, end = _subtree_range(subject, verb)
    if model is not None:
        # which of the subject's dependents annotators count as the source (learned)
        first, last = source_char_range(model, subject, verb)
        start, end = max(start, first), min(end, last)
        if start >= end:
            return None
    # a clause describing the source that reports something itself ("X, who wrote that ...,
    # said") is that other attribution's, not part of this source
    cut = [
        c.left_edge
        for c in subject.children
        if c.dep_ in _CLAUSE_MODS and c.i > subject.i and c.i in cues
    ]
    if cut:
        end = min(end, max(start, min(t.idx for t in cut)))
    dashes = list(_DATELINE_DASH.finditer(text, start, max(start, subject.idx)))
    if dashes:
        start = dashes[-1].end()
    return source_bounds(text, (start, end))


def _according(tok: Token, regions: _Regions) -> Candidate | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    doc = tok.doc
    sent = tok.sent
    phrase = (min(tok.i, tok.left_edge.i), max(tok.right_edge.i, obj.right_edge.i))
    left = (sent.start, phrase[0] - 1)
    right = (phrase[1] + 1, sent.end - 1)
    side = left if left[1] - left[0] >= right[1] - right[0] else right
    if side[1] < side[0]:
        return None
    text = doc_text(doc)
    raw = _same_paragraph(text, _extent([doc[side[0]], doc[side[1]]]), tok.idx)
    content = content_bounds(text, raw, regions.within(*raw))
    source = source_bounds(text, _extent([obj.left_edge, obj.right_edge]))
    if content is None or source is None:
        return None
    return Candidate(
        source=source,
        cue=_extent([tok, to]),
        parts=[content],
        kind="indirect",
        cue_token=tok.i,
        source_head=obj.i,
        route="according",
    )


def _from_verb(
    verb: Token,
    regions: _Regions,
    objects: bool,
    cues: Mapping[int, float] = _NO_CUES,
    sourceless: bool = True,
) -> list[Candidate]:
    """The verb's readings (:func:`.content.verb_readings`), all crediting its subject."""
    subject = _subject(verb)
    source: Range | None = None
    if subject is not None:
        if regions.holding(subject.idx):
            return []
        source = source_range(subject, verb, cues, boundary_model())
        if source is None:
            return []
    elif not sourceless:
        return []
    found = verb_readings(verb, subject, source, regions, objects)
    if subject is None:
        # no one is credited ("Asked about it, ...", "is expected to"): the filter weighs
        # these apart, and they never lend a speaker to a quote
        for cand in found:
            _uncredit(cand)
    elif may_not_speak(verb, subject):
        found += [_uncredit(replace(cand, source=None)) for cand in found]
    return found


def may_not_speak(verb: Token, subject: Token) -> bool:
    """Whether the verb's own subject may be no one's voice: a passive's without an agent ("X
    was asked whether", "X is expected to") is who the words are about or addressed to, and
    a subject the verb raises from the clause it governs ("X seemed to", "it appears that")
    says nothing. Such a verb's readings are offered once more crediting no one, and the
    filter weighs the two by the verb and the subject's role."""
    if subject.head.i != verb.i:  # spaCy makes a new Token object on each access
        return False
    if subject.dep_ == "nsubjpass" or subject.lower_ == "it":
        return True
    return any(c.dep_ in _RAISED for c in verb.children)


_RAISED = {"xcomp", "acomp", "oprd"}


def _uncredit(cand: Candidate) -> Candidate:
    """``cand`` marked as crediting no one (route suffix ``0``); its ``source_head`` stays,
    so the filter can see whose subject was set aside."""
    cand.route += "0"
    if cand.first_route:
        cand.first_route += "0"
    return cand


def _from_noun(noun: Token, regions: _Regions) -> Candidate | None:
    """Nominal cues: "X's endorsement of Y", "her claim that Y", and without a possessor
    ("the decision to Y") a candidate crediting no one."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    text = doc_text(noun.doc)
    arg: Token | None = next((c for c in noun.children if c.dep_ in {"acl", "ccomp"}), None)
    if arg is None:
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.i > noun.i), None)
        if prep is not None:
            arg = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
    if arg is None:
        return None
    source = source_bounds(text, _subtree_range(owner, noun)) if owner is not None else None
    raw = _subtree_range(arg, noun)
    content = content_bounds(text, raw, regions.within(*raw))
    if (owner is not None and source is None) or content is None:
        return None
    inside = regions.within(*content)
    kind = "mixed" if inside else "indirect"
    head, route = (owner.i, "noun") if owner is not None else (-1, "noun0")
    return Candidate(source, _extent([noun]), [content], kind, noun.i, head, inside, route=route)


def _cue_scores(
    doc: Doc, regions: _Regions, threshold: float | None, model: CueModel | None
) -> dict[int, float]:
    """Words read as cues with their probability: the learned model's choice when it is
    packaged (at ``threshold`` if given, else its own), else the verbs of the cue lexicon."""
    model = model or cue_model()
    if model is None:
        cue_verbs = lexicon().cue_verbs
        verbal = {"VERB", "AUX"}
        return {t.i: 1.0 for t in doc if t.pos_ in verbal and t.lemma_.lower() in cue_verbs}
    return model.scores(doc, lambda at: regions.holding(at) is not None, threshold)


def raw_candidates(
    doc: Doc,
    objects: bool = True,
    cue_threshold: float | None = None,
    model: CueModel | None = None,
) -> tuple[list[Candidate], dict[int, float]]:
    """Every candidate before any is filtered or dropped for overlapping another, with the
    cue probability of each cue word (what the filter and its training read); ``model``
    replaces the packaged cue model (training on part of the corpus)."""
    regions = _Regions(quote_regions(doc_text(doc)))
    found: list[Candidate] = []
    cues = _cue_scores(doc, regions, cue_threshold, model)
    for tok in doc:
        made: list[Candidate | None]
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            made = [_according(tok, regions)]
        elif tok.i in cues and tok.pos_ == "NOUN":
            made = [_from_noun(tok, regions)]
        elif tok.i in cues:
            # the first reading before its alternatives: on a tie of scores the first is kept
            made = [*_from_verb(tok, regions, objects, cues)]
        else:
            continue
        found += [c for c in made if c is not None]
    found += unattributed_regions(doc, regions, found)
    found += colon_lines(doc, regions)
    return found, cues


def candidates(doc: Doc, objects: bool = True, nested: bool = False) -> list[Candidate]:
    """All attribution candidates in ``doc`` in text order. Without ``nested``, none lies in
    another's content (PolNeAR's univocal annotation: "A said B told C that ..." is A's);
    with it, reported speech inside reported speech is kept too (not inside direct quotes,
    whose words belong to the quoted speaker). When the learned candidate filter is packaged,
    cues are read at its (lower) threshold and each candidate must pass the filter."""
    chooser = candidate_filter()
    found, cues = raw_candidates(doc, objects, chooser.cue_threshold if chooser else None)
    if chooser is None:  # nothing to weigh a verb's two readings: the first (a tie) stands
        scored = [(c, 1.0) for c in found]
    else:
        judged = [(c, chooser.kept_score(doc, c, cues)) for c in found]
        scored = [(c, p) for c, p in judged if p is not None]
    return outermost(one_per_cue(scored), doc_text(doc), nested)

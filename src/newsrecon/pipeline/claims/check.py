"""Checking a statement against text: ``verify`` (a claim against articles) and the
SummEdits-style consistency check (a summary against its document), with the same alignment
and slot comparison as the claims stage."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc

from newsrecon.pipeline.claims.align import WEAK, shared_slots
from newsrecon.pipeline.claims.compare import Disagreement, compare_facts
from newsrecon.pipeline.claims.facts import Fact, article_facts
from newsrecon.pipeline.claims.lexicon import antonyms
from newsrecon.pipeline.claims.numbers import compatible
from newsrecon.pipeline.claims.roles import same_referent
from newsrecon.pipeline.embeddings import get_embedder

STATEMENT = "statement"
ALIGN = 0.6  # cosine at which a sentence is taken to speak about the statement
# A paraphrase can sit far below ALIGN in cosine and still state the same who, what number
# and when: at PARAPHRASE cosine a sentence is aligned when it covers the statement's slots.
PARAPHRASE = 0.35
SLOT_COVERAGE = 0.66  # share of the statement's names, numbers and dates the sentence states


@dataclass(frozen=True, slots=True)
class Finding:
    """One article sentence that bears on the statement, and how."""

    fact: Fact
    similarity: float
    supports: bool
    reasons: tuple[str, ...]


def statement_facts(doc: Doc) -> list[Fact]:
    facts = [f for f in article_facts(STATEMENT, "", doc, None) if not f.part]
    if facts:
        return facts
    return [Fact(STATEMENT, "", 0, 0, len(doc.text), doc.text)]


def _antonym_swap(a: Fact, b: Fact) -> str | None:
    for lemma in a.lemmas - b.lemmas:
        flipped = antonyms(lemma) & b.lemmas
        if flipped and not (antonyms(lemma) & a.lemmas):
            return f"'{lemma}' against '{sorted(flipped)[0]}'"
    return None


def judge(claim: Fact, fact: Fact) -> tuple[bool, tuple[str, ...]]:
    """(agrees, reasons it does not): typed slot disagreements, then antonyms."""
    reasons = [_reason(d) for d in compare_facts(claim, fact)]
    swap = _antonym_swap(claim, fact)
    if swap:
        reasons.append(f"opposite wording: {swap}")
    return not reasons, tuple(reasons)


def _reason(d: Disagreement) -> str:
    return f"{d.kind}: {d.left} against {d.right}"


def findings(
    claims: Sequence[Fact],
    claim_vectors: npt.NDArray[np.float32],
    facts: Sequence[Fact],
    vectors: npt.NDArray[np.float32],
) -> list[Finding]:
    """Sentences aligned with one of ``claims`` (close in meaning, or fairly close and sharing
    slots), each judged as supporting or contradicting it."""
    out: list[Finding] = []
    if not len(facts):
        return out
    sims = claim_vectors @ vectors.T
    for ci, claim in enumerate(claims):
        for fi, fact in enumerate(facts):
            cos = float(sims[ci, fi])
            close = cos >= ALIGN or (cos >= WEAK and shared_slots(claim, fact) >= 0.5)
            if not close and not (
                cos >= PARAPHRASE and slot_coverage(claim, fact) >= SLOT_COVERAGE
            ):
                continue
            agrees, reasons = judge(claim, fact)
            out.append(Finding(fact, cos, agrees, reasons))
    return out


def slot_coverage(claim: Fact, fact: Fact) -> float:
    """Share of the statement's checkable slots the sentence states too: its names and places
    (the same referent, spelling variants included), its figures (any figure of the same
    unit: a different figure for it is what a contradiction looks like) and its dates. Needs
    two slots at least, and one of them a name: a lone figure aligns with anything."""
    names = [r for r in claim.roles if r.kind in ("name", "place")]
    if len(names) + len(claim.numbers) + len(claim.dates) < 2 or not names:
        return 0.0
    hit = sum(any(same_referent(r, o) for o in fact.roles) for r in names)
    if hit == 0:
        return 0.0
    hit += sum(any(n.unit and n.unit == m.unit for m in fact.numbers) for n in claim.numbers)
    hit += sum(any(d.event == e.event for e in fact.dates) for d in claim.dates)
    return hit / (len(names) + len(claim.numbers) + len(claim.dates))


def verdict(found: Sequence[Finding]) -> str:
    """supported / contradicted / not found. A contradiction must come from a typed slot or a
    negation; when sentences disagree among themselves the larger side wins, ties go to
    contradicted (better to send a reader to the evidence than to reassure wrongly)."""
    supports = sum(1 for f in found if f.supports)
    against = sum(1 for f in found if not f.supports)
    if not found:
        return "not found"
    return "supported" if supports > against else "contradicted"


# SummEdits-style consistency: a summary is inconsistent with its document when a sentence of
# it disagrees with the document sentence closest to it, or states a number, a name or a
# negation the document does not support.
_WORD = re.compile(r"[a-z0-9]+")


def unsupported(summary: Fact, doc_text: str, doc_facts: Sequence[Fact]) -> list[str]:
    reasons = []
    doc_numbers = [n for f in doc_facts for n in f.numbers]
    for n in summary.numbers:
        if not any(compatible(n, m) for m in doc_numbers):
            reasons.append(f"number not in the document: {n.text}")
    lowered = doc_text.lower()
    doc_words = set(_WORD.findall(lowered))
    for _start, _end, name, _etype in summary.entity_spans:
        words = _WORD.findall(name)
        if words and not all(w in doc_words for w in words):
            reasons.append(f"name not in the document: {name}")
    return reasons


def _words(doc: Doc) -> set[str]:
    return {t.lemma_.lower() for t in doc if t.is_alpha} | {t.lower_ for t in doc if t.is_alpha}


def opposite_words(summary: Doc, source: Doc) -> list[str]:
    """Words of the summary that the source never uses while it uses their opposite (and the
    summary does not): "profit" where the source only speaks of a loss. Sentence alignment
    misses these when the swap moves the summary sentence away from its source sentence."""
    source_words, summary_words = _words(source), _words(summary)
    out = []
    for word in sorted(summary_words - source_words):
        flipped = antonyms(word)
        if flipped & source_words and not flipped & summary_words:
            said = min(flipped & source_words)
            out.append(f"opposite wording: '{word}' where the document says '{said}'")
    return out


def consistency(
    summary_facts: Sequence[Fact],
    summary_vectors: npt.NDArray[np.float32],
    doc_text: str,
    doc_facts: Sequence[Fact],
    doc_vectors: npt.NDArray[np.float32],
    docs: tuple[Doc, Doc] | None = None,
) -> tuple[bool, list[str]]:
    """(consistent, reasons it is not). ``docs``: the parsed summary and source, for the
    document-wide check of opposite wording."""
    reasons: list[str] = opposite_words(*docs) if docs is not None else []
    if not len(doc_facts):
        return True, reasons
    sims = summary_vectors @ doc_vectors.T
    for si, fact in enumerate(summary_facts):
        reasons += unsupported(fact, doc_text, doc_facts)
        best = np.argsort(-sims[si])[:2]
        for fi in best:
            agrees, why = judge(fact, doc_facts[int(fi)])
            if not agrees:
                reasons += list(why)
                break
    return not reasons, reasons


def facts_with_vectors(facts: list[Fact]) -> tuple[list[Fact], npt.NDArray[np.float32]]:
    return facts, get_embedder().embed([f.text for f in facts])

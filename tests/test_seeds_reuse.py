"""Reuse on the real seed reports (read from ../shared; skipped where it is absent).

Identified by general features only: the pair sharing agency copy is the pair whose shared
narrative is longest, and quotations are checked against the quotation marks of the text.
"""

from __future__ import annotations

import pytest

from newsrecon.pipeline.reuse.tokens import quoted_regions
from newsrecon.report.schema import Document

pytestmark = pytest.mark.corpus


def _story(doc: Document):  # type: ignore[no-untyped-def]
    return max(doc.stories, key=lambda s: len(s.articles))


def test_agency_copy_pair_is_linked_with_several_passages(seed_document: Document) -> None:
    story = _story(seed_document)
    pairs = [r for r in story.reuse if hasattr(r, "passages")]
    assert pairs, "no reuse found among the seed reports"
    best = max(pairs, key=lambda p: p.narrative_words)
    narrative = [p for p in best.passages if p.kind == "narrative"]
    assert len(narrative) >= 2
    assert all(p.words >= 12 for p in narrative)
    # several sentences in all, each side's text really the same words
    assert sum(p.words for p in narrative) >= 40
    groups = [set(r.articles) for r in story.reuse if hasattr(r, "original")]
    assert {best.article_a, best.article_b} in groups
    # only these two are a wire group: the others tell the story in their own words
    assert all(len(g) == 2 for g in groups) and len(groups) == 1


def test_shared_quotations_are_labelled_quotation(seed_document: Document) -> None:
    story = _story(seed_document)
    texts = {a.id: a.text for a in story.articles}
    passages = [p for r in story.reuse if hasattr(r, "passages") for p in r.passages]
    quotations = [p for p in passages if p.kind == "quotation"]
    linked = {
        frozenset((r.article_a, r.article_b))
        for r in story.reuse
        if hasattr(r, "passages") and any(p.kind == "quotation" for p in r.passages)
    }
    # the letter is quoted by most reports: a quotation links at least three articles
    assert len({a for pair in linked for a in pair}) >= 3
    for p in quotations:
        for span in (p.a, p.b):
            regions = quoted_regions(texts[span.article])
            assert any(lo <= span.start and span.end <= hi for lo, hi in regions)
    # and no narrative passage is mostly inside quotation marks on both sides
    for p in passages:
        if p.kind == "narrative":
            inside = [
                any(lo <= s.start and s.end <= hi for lo, hi in quoted_regions(texts[s.article]))
                for s in (p.a, p.b)
            ]
            assert not all(inside)

"""Claims and conflicts on the five seed reports, found by general features (numbers, dates,
denials), never by pasted sentences."""

from __future__ import annotations

from typing import Any

import pytest

from newsrecon.report.schema import Document

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def _story(doc: Document) -> Any:
    assert len(doc.stories) == 1
    return doc.stories[0]


def _has_number(claim: Any, low: float, high: float, approx: str) -> bool:
    for slot in claim.slots:
        if slot.kind != "number":
            continue
        digits = "".join(ch for ch in slot.value.split()[0] if ch.isdigit() or ch == ".")
        if digits and low <= float(digits) <= high and slot.value.startswith(approx):
            return True
    return False


def test_attack_date_conflict_marks_the_translated_report_as_outlier(
    seed_document: Document,
) -> None:
    story = _story(seed_document)
    dates = [c for c in story.conflicts if c.kind == "date" and c.stage == "claims"]
    assert dates, "no date conflict found"
    conflict = dates[0]
    assert conflict.severity == "error"
    assert conflict.outlier is not None
    lone = [s for s in conflict.sides if s.outlets == [conflict.outlier]]
    others = [s for s in conflict.sides if conflict.outlier not in s.outlets]
    assert lone and lone[0].evidence, "the outlier's side has no evidence"
    assert others and len(others[0].outlets) >= 2 and others[0].evidence
    # Same day of the month, different month: what a translation slip looks like.
    assert lone[0].value[-2:] == others[0].value[-2:] and lone[0].value != others[0].value
    # The outlier is the report whose wording is not shared with any other outlet: none of
    # its sentences is copied into the corroborated claims of the others.
    outlier_claims = [c for c in story.claims if conflict.outlier in c.outlets]
    stances = {s.outlet: s.stance for c in outlier_claims for s in c.stances}
    assert stances  # the outlet appears in the matrix
    disputed = [c for c in story.claims if c.status == "disputed" and conflict.outlier in c.outlets]
    assert any(
        s.outlet == conflict.outlier and s.stance == "contradicted"
        for c in disputed
        for s in c.stances
    )


def test_a_death_toll_of_about_1200_is_corroborated_by_two_outlets(
    seed_document: Document,
) -> None:
    story = _story(seed_document)
    matches = [
        c for c in story.claims if _has_number(c, 1100, 1300, "") or _has_number(c, 1100, 1300, "~")
    ]
    corroborated = [c for c in matches if c.status == "corroborated"]
    assert corroborated, [c.text for c in matches]
    assert any(c.independent_sources >= 2 and len(c.outlets) >= 2 for c in corroborated)


def test_a_toll_above_ten_thousand_is_single_source(seed_document: Document) -> None:
    story = _story(seed_document)
    matches = [c for c in story.claims if _has_number(c, 10000, 12000, ">")]
    assert matches
    assert all(c.status == "single_source" and c.independent_sources == 1 for c in matches)
    assert any(c.attribution for c in matches)  # "according to health authorities ..."


def test_a_reported_remark_and_its_denial_make_a_disputed_claim(
    seed_document: Document,
) -> None:
    story = _story(seed_document)
    denials = [c for c in story.conflicts if c.kind == "negation" and c.stage == "claims"]
    assert denials
    widest = max(denials, key=lambda c: len(c.sides[0].outlets))
    reported, denied = widest.sides
    assert len(reported.outlets) >= 3 and denied.outlets
    claim = next(
        c
        for c in story.claims
        if {e.start for e in c.evidence} >= {e.start for e in reported.evidence}
    )
    assert claim.status == "disputed"
    assert claim.attribution  # it is a report of what someone said, attributed to its source


def test_every_claim_has_one_stance_per_outlet_and_valid_evidence(
    seed_document: Document,
) -> None:
    story = _story(seed_document)
    outlets = sorted({a.outlet for a in story.articles})
    texts = {a.id: a.text for a in story.articles}
    for claim in story.claims:
        assert sorted(s.outlet for s in claim.stances) == outlets
        for span in claim.evidence:
            assert texts[span.article][span.start : span.end] == span.text

"""Reuse detection on fictional texts: copies with edits, reordered, truncated, embedded,
unrelated texts, and a quotation two reports share."""

from __future__ import annotations

import pytest

from newsrecon.model.reuse import PassageKind
from newsrecon.pipeline.reuse.detect import align_pair, find_reuse, side
from newsrecon.pipeline.reuse.provenance import agency_credited, wire_groups
from newsrecon.pipeline.reuse.tokens import quoted_regions
from tests.fixtures import BRIDGE, ELECTION

P1 = (
    "The harbour authority of the fictional port of Vendra said on Monday that dredging of "
    "the northern channel would begin next spring and take about eighteen months to finish."
)
P2 = (
    "Shipping companies had complained for years that the silted channel forced large "
    "vessels to wait for high tide, adding hours to every call at the crowded port."
)
P3 = (
    "The project will cost an estimated 240 million crowns, most of it paid by the regional "
    "government, with the remainder raised through a temporary levy on cargo handled."
)
P4 = (
    "Environmental groups warned that the work could disturb a colony of seals on the "
    "sandbanks and asked the authority to publish its assessment before any contract is signed."
)
ORIGINAL = "\n\n".join([P1, P2, P3, P4])
OTHER = (
    "Farmers in the valley of Orrin expect a poor apple harvest this autumn after a late "
    "frost in April damaged blossoms across most of the orchards, the growers' association "
    "said, adding that prices at local markets were likely to rise by a third before winter."
)


def _edit(text: str) -> str:
    return (
        text.replace("said on Monday", "announced on Monday")
        .replace("large vessels", "big ships")
        .replace("an estimated", "roughly")
    )


CASES = {
    "copy with edits": _edit("\n\n".join([P1, P2, P3])),
    "reordered paragraphs": "\n\n".join([P3, P1, P4, P2]),
    "truncated copy": "\n\n".join([P1, P2]),
    "embedded copy": "\n\n".join([OTHER, P2, ELECTION]),
}
EXPECTED_PASSAGES = {
    "copy with edits": [P1, P2, P3],
    "reordered paragraphs": [P1, P2, P3, P4],
    "truncated copy": [P1, P2],
    "embedded copy": [P2],
}


def _words(text: str) -> set[str]:
    return set(text.lower().replace(",", "").replace(".", "").split())


@pytest.mark.parametrize("case", sorted(CASES))
def test_copies_are_found_with_their_passages(case: str) -> None:
    copy = CASES[case]
    pair = align_pair(side("orig", ORIGINAL), side("copy", copy))
    assert pair is not None
    for paragraph in EXPECTED_PASSAGES[case]:
        start = ORIGINAL.index(paragraph)
        covering = [
            p for p in pair.passages if p.a.start < start + len(paragraph) and p.a.end > start
        ]
        assert covering, f"{case}: paragraph at {start} not found"
        covered = sum(
            min(p.a.end, start + len(paragraph)) - max(p.a.start, start) for p in covering
        )
        assert covered >= 0.85 * len(paragraph)
    for p in pair.passages:
        assert p.kind is PassageKind.NARRATIVE
        # the two sides really say (nearly) the same thing
        a_text, b_text = ORIGINAL[p.a.start : p.a.end], copy[p.b.start : p.b.end]
        shared = _words(a_text) & _words(b_text)
        assert len(shared) >= 0.7 * len(_words(a_text))
    assert 0 < pair.share_a <= 1 and 0 < pair.share_b <= 1


@pytest.mark.parametrize("pair", [(ORIGINAL, OTHER), (BRIDGE, ELECTION), (ORIGINAL, BRIDGE)])
def test_unrelated_texts_share_nothing(pair: tuple[str, str]) -> None:
    assert align_pair(side("a", pair[0]), side("b", pair[1])) is None


LETTER = (
    "\u201cWe will rebuild every school the storm destroyed and no family will be left "
    "without a roof before the winter comes,\u201d"
)
REPORT_A = (
    "The governor of the fictional province of Tamsk wrote to the mayors of the coast on "
    f"Friday. {LETTER} the letter said, according to a copy seen by reporters."
)
REPORT_B = (
    "Mayors along the Tamsk coast welcomed a pledge by the provincial governor, whose letter "
    f"was made public on Saturday. {LETTER} he wrote, without giving a budget for the work."
)


def test_shared_quotation_is_labelled_quotation() -> None:
    pair = align_pair(side("a", REPORT_A), side("b", REPORT_B))
    assert pair is not None
    assert [p.kind for p in pair.passages] == [PassageKind.QUOTATION]
    assert pair.narrative_words == 0
    quote = pair.passages[0]
    inside = quoted_regions(REPORT_A)
    assert any(lo <= quote.a.start and quote.a.end <= hi for lo, hi in inside)


def test_copied_narrative_around_a_quotation_stays_narrative() -> None:
    copy = REPORT_A.replace("on Friday", "late on Friday")
    pair = align_pair(side("a", REPORT_A), side("b", copy))
    assert pair is not None
    kinds = {p.kind for p in pair.passages}
    assert PassageKind.NARRATIVE in kinds and pair.narrative_words >= 12


def test_find_reuse_and_wire_groups_partition_the_articles() -> None:
    texts = {"orig": ORIGINAL, "copy": CASES["truncated copy"], "other": OTHER, "vote": ELECTION}
    pairs = find_reuse(texts)
    assert [(p.article_a, p.article_b) for p in pairs] == [("copy", "orig")]
    lengths = {k: len(v.split()) for k, v in texts.items()}
    groups = wire_groups(sorted(texts), pairs, lengths, 40, 0.3)
    assert sorted(a for g in groups for a in g) == sorted(texts)
    assert ("copy", "orig") in groups


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("LONDON (Reuters) - Prices rose on Monday.", "Reuters"),
        (
            "Prices rose on Monday, officials said.\n\nThe Associated Press contributed.",
            "Associated Press",
        ),
        ("Prices rose, Reuters reported on Monday.", None),
    ],
)
def test_agency_credit_lines(text: str, agency: str | None) -> None:
    assert agency_credited(text) == agency

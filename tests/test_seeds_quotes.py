"""The seed story (five real reports of one letter): the letter's main statement is one
statement across outlets, and reported remarks keep their speakers. Reads ../shared/seeds via
the conftest fixture; no seed text is stored here."""

from __future__ import annotations

from typing import Any

import pytest

from newsrecon.report.schema import Document

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

_DENIAL = {"denied", "dismissed", "refuted", "rejected"}


def _story(doc: Document) -> Any:
    return max(doc.stories, key=lambda s: len(s.articles))


def test_main_statement_grouped_across_outlets(seed_document: Document) -> None:
    story = _story(seed_document)
    assert story.statements, "no statements grouped"
    main = max(story.statements, key=lambda s: len(s.outlets))
    assert len(main.outlets) >= 4
    assert main.speaker_kind == "person"
    relations = {v.relation for v in main.variants}
    assert relations <= {"verbatim", "shortened", "reworded", "translated"}
    assert relations & {"reworded", "translated"}, "a differently worded report is in the group"
    clashing = [
        c
        for c in story.conflicts
        if c.kind in {"speaker", "content"}
        and {e.article for side in c.sides for e in side.evidence}
        & {v.content.article for v in main.variants}
        and any(
            e.start == v.content.start
            for side in c.sides
            for e in side.evidence
            for v in main.variants
        )
    ]
    assert not clashing, [c.explanation for c in clashing]


def test_reported_remark_and_denial_keep_their_speakers(seed_document: Document) -> None:
    story = _story(seed_document)
    texts = {a.id: a.text for a in story.articles}
    leader = [
        q
        for q in story.quotes
        if "khamenei" in q.speaker.lower()
        and q.cue is not None
        and q.cue.text.lower() in {"told", "said", "told him"}
    ]
    assert leader, "the supreme leader's reported remark is attributed to him"
    denials = [
        q
        for q in story.quotes
        if q.cue is not None
        and q.cue.text.lower() in _DENIAL
        and q.speaker_kind == "person"
        and q.speaker_span is not None
        and "hamas"
        in texts[q.article][max(0, q.speaker_span.start - 40) : q.speaker_span.end].lower()
    ]
    assert denials, "a named Hamas official's denial is attributed to that official"

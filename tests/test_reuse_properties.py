"""Invariants of alignment on arbitrary texts: spans index their texts, both directions
agree, and a text aligned with itself is one whole passage."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecon.pipeline.reuse.detect import align_pair, side

WORDS = st.sampled_from(
    [
        "the",
        "port",
        "harbour",
        "said",
        "“",
        "”",
        '"',
        "on",
        "Monday",
        "channel",
        "ships,",
        "cost.",
        "levy",
        "seals",
        "12",
        "Vendra's",
        "authority",
        "dredging",
        "warned",
        "spring",
        "north",
        "Orrin",
        "frost",
        "apple",
    ]
)
TEXTS = st.lists(WORDS, min_size=0, max_size=120).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(TEXTS, TEXTS, st.integers(0, 40))
def test_spans_index_their_texts_and_directions_agree(a: str, b: str, cut: int) -> None:
    b = a[cut:] + " " + b
    forward = align_pair(side("a", a), side("b", b))
    backward = align_pair(side("b", b), side("a", a))
    assert (forward is None) == (backward is None)
    if forward is None or backward is None:
        return
    for p in forward.passages:
        assert 0 <= p.a.start < p.a.end <= len(a)
        assert 0 <= p.b.start < p.b.end <= len(b)
        assert 0.0 <= p.similarity <= 1.0
        assert p.a.article == "a" and p.b.article == "b"
    assert 0.0 <= forward.share_a <= 1.0 and 0.0 <= forward.share_b <= 1.0
    swapped = sorted((p.b.start, p.b.end, p.a.start, p.a.end) for p in backward.passages)
    assert swapped == sorted((p.a.start, p.a.end, p.b.start, p.b.end) for p in forward.passages)


@settings(max_examples=40, deadline=None)
@given(st.permutations([f"w{i}" for i in range(60)]), st.integers(12, 60))
def test_a_text_is_one_whole_passage_with_itself(words: list[str], size: int) -> None:
    text = " ".join(words[:size])
    pair = align_pair(side("a", text), side("b", text))
    assert pair is not None
    assert [(p.a.start, p.a.end, p.b.start, p.b.end) for p in pair.passages] == [
        (0, len(text), 0, len(text))
    ]
    assert pair.passages[0].similarity == 1.0
    assert pair.share_a == pair.share_b == 1.0

"""The annotators' agreement on PolNeAR-layout documents several of them marked, scored as a
system is scored; fictional texts and annotations."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsrecon.evaluation.polnear import (
    AttributionSpans,
    Fragments,
    PolnearDocument,
    table_as_dict,
)
from newsrecon.evaluation.polnear_agreement import (
    consensus,
    consensus_of,
    pairwise,
    shared,
    vote_levels,
)

TEXT = "Maren said the bridge would open. Olek wrote that it would not."
MAREN, OLEK = ((0, 5),), ((34, 38),)
SAID, WROTE = ((6, 10),), ((39, 44),)
FIRST, SECOND = ((11, 33),), ((45, 63),)


def spans(source: set[Fragments], cue: set[Fragments], content: set[Fragments]) -> AttributionSpans:
    return AttributionSpans(frozenset(source), frozenset(cue), frozenset(content))


BOTH = spans({MAREN, OLEK}, {SAID, WROTE}, {FIRST, SECOND})
ONLY_MAREN = spans({MAREN}, {SAID}, {FIRST})


def doc(*annotations: AttributionSpans) -> PolnearDocument:
    return PolnearDocument("x", TEXT, annotations)


def f1(table: dict[str, dict[str, dict[str, float]]], kind: str, mode: str) -> float:
    return table[kind][mode]["f1"]


@pytest.mark.parametrize(
    ("annotations", "source_exact"),
    [
        ((BOTH, BOTH), 1.0),
        ((BOTH, BOTH, BOTH), 1.0),
        # one pair scores P 1 R .5, the other P .5 R 1: pooled counts 1 of 1.5 each way
        ((BOTH, ONLY_MAREN), 2 / 3),
        ((ONLY_MAREN, spans({OLEK}, {WROTE}, {SECOND})), 0.0),
    ],
)
def test_pairwise(annotations: tuple[AttributionSpans, ...], source_exact: float) -> None:
    table = table_as_dict(pairwise([doc(*annotations)]))
    assert f1(table, "source", "exact") == pytest.approx(source_exact, abs=1e-4)


def test_single_annotator_documents_are_left_out() -> None:
    documents = [doc(BOTH), doc(ONLY_MAREN, ONLY_MAREN)]
    assert shared(documents) == [documents[1]]
    assert table_as_dict(pairwise(documents)) == table_as_dict(pairwise(documents[1:]))
    assert vote_levels([doc(BOTH)]) == range(0)
    assert vote_levels([doc(BOTH, BOTH, BOTH), doc(BOTH, BOTH)]) == range(1, 2)


@pytest.mark.parametrize(
    ("votes", "sources"),
    [(1, {MAREN, OLEK}), (2, {MAREN}), (3, set())],
)
def test_consensus_of_keeps_spans_with_enough_votes(votes: int, sources: set[Fragments]) -> None:
    others = [BOTH, ONLY_MAREN, spans(set(), set(), {SECOND})]
    assert consensus_of(others, votes).source == frozenset(sources)


def test_consensus_cancels_one_annotators_idiosyncrasy() -> None:
    """Three annotators mark one attribution, a fourth adds another: the consensus of two of
    the others agrees with each annotator at least as well as they agree pairwise."""
    document = doc(ONLY_MAREN, ONLY_MAREN, ONLY_MAREN, BOTH)
    by_pairs = f1(table_as_dict(pairwise([document])), "source", "exact")
    by_consensus = f1(table_as_dict(consensus([document], 2)), "source", "exact")
    assert by_pairs < by_consensus
    # the consensus misses only the Olek source the fourth added: each annotator weighs 1/4
    left_out_recall = table_as_dict(consensus([document], 2))["source"]["exact"]["recall"]
    assert left_out_recall == pytest.approx(1.0 / 1.25, abs=1e-4)  # hits 3/4 + 1/4 of 3/4 + 2/4


SPANS = st.frozensets(st.sampled_from([MAREN, OLEK, SAID, WROTE, FIRST, SECOND]), max_size=4)
ANNOTATION = st.builds(AttributionSpans, SPANS, SPANS, SPANS)


@given(st.lists(ANNOTATION, min_size=2, max_size=5))
def test_pairwise_agreement_is_symmetric(annotations: list[AttributionSpans]) -> None:
    """Every pair is scored both ways, so precision equals recall whatever was marked (up to
    the order in which the fractional counts are summed)."""
    table = pairwise([doc(*annotations)])
    for kind in ("source", "cue", "content"):
        for mode in ("exact", "overlap"):
            prf = table[kind][mode].prf()
            assert prf.precision == pytest.approx(prf.recall, abs=1e-9)


def _corpus(root: Path, annotator_files: int) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "story.txt").write_text(TEXT, encoding="utf-8")
    ann = (
        "T1\tSource 0 5\tMaren\nT2\tCue 6 10\tsaid\nT3\tContent 11 33\tthe bridge would open\n"
        "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    )
    for i in range(annotator_files):
        (root / "attributions" / f"story_a{i}.ann").write_text(ann, encoding="utf-8")
    return root


def _eval(corpus: Path | list[Path], flag: str) -> subprocess.CompletedProcess[bytes]:
    splits = [str(c) for c in (corpus if isinstance(corpus, list) else [corpus])]
    command = [sys.executable, "-m", "newsrecon", "eval", "attribution", *splits, flag]
    return subprocess.run(command, capture_output=True, timeout=300, check=False)


def test_eval_reports_the_annotators_beside_newsrecon(tmp_path: Path) -> None:
    run = _eval(_corpus(tmp_path / "split", annotator_files=2), "--json")
    assert run.returncode == 0, run.stderr.decode()
    result = json.loads(run.stdout)
    humans = result["annotators"]
    assert humans["documents"] == 1
    assert humans["pairwise"]["source"]["exact"]["f1"] == 1.0
    assert set(humans["consensus"]) == {"1"}
    # the one document is the shared one, so newsrecon scores the same on both
    assert humans["newsrecon"]["content"] == result["content"]


def test_shared_only_needs_a_shared_document(tmp_path: Path) -> None:
    run = _eval(_corpus(tmp_path / "split", annotator_files=1), "--shared-only")
    assert run.returncode != 0
    lines = run.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "no document has several annotator files" in lines[0]


def test_several_splits_are_pooled(tmp_path: Path) -> None:
    """The annotators' agreement over the shared documents of two splits at once."""
    splits = [_corpus(tmp_path / name, annotator_files=2) for name in ("train", "dev")]
    run = _eval(splits, "--json")
    assert run.returncode == 0, run.stderr.decode()
    result = json.loads(run.stdout)
    assert result["documents"] == 2
    assert result["annotators"]["documents"] == 2

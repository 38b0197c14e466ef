"""TempEval-3 timex scoring on tiny hand-computed cases, and the TimeML loader on a fixture."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from newsrecon.api.evaluate_timex import evaluate_timex, parsed_system, score_system
from newsrecon.errors import CorpusError
from newsrecon.evaluation.metrics import Counts
from newsrecon.evaluation.timeml import load_timeml, load_timeml_file
from newsrecon.evaluation.timex_scoring import baseline_timexes, score_timexes, without_span

from .conftest import CORPORA, require


@dataclass(frozen=True)
class T:
    start: int
    end: int
    value: str


@pytest.mark.parametrize(
    ("gold", "system", "strict", "relaxed", "value"),
    [
        # identical span and value: perfect
        ([T(0, 5, "2024")], [T(0, 5, "2024")], (1, 0, 0), (1, 0, 0), (1, 0, 0)),
        # overlapping span, right value: relaxed and value credit, not strict
        ([T(0, 5, "2024")], [T(0, 9, "2024")], (0, 1, 1), (1, 0, 0), (1, 0, 0)),
        # right span, wrong value
        ([T(0, 5, "2024")], [T(0, 5, "2023")], (1, 0, 0), (1, 0, 0), (0, 1, 1)),
        # one missed, one spurious
        ([T(0, 5, "2024")], [T(10, 12, "P1D")], (0, 1, 1), (0, 1, 1), (0, 1, 1)),
        # one long system span over two gold spans matches only one of them
        (
            [T(0, 4, "2024"), T(5, 9, "2024-03")],
            [T(0, 9, "2024-03")],
            (0, 1, 2),
            (1, 0, 1),
            (0, 1, 2),  # equal overlaps: the earlier gold span wins, and its value differs
        ),
        # nothing on either side
        ([], [], (0, 0, 0), (0, 0, 0), (0, 0, 0)),
    ],
)
def test_counts(
    gold: list[T],
    system: list[T],
    strict: tuple[int, int, int],
    relaxed: tuple[int, int, int],
    value: tuple[int, int, int],
) -> None:
    counts = score_timexes(gold, system)
    assert counts.strict == Counts(*strict)
    assert counts.relaxed == Counts(*relaxed)
    assert counts.value == Counts(*value)


def test_value_prf_is_correct_values_over_each_side() -> None:
    gold = [T(0, 4, "a"), T(10, 14, "b"), T(20, 24, "c"), T(30, 34, "d")]
    system = [T(0, 4, "a"), T(11, 13, "b"), T(20, 24, "x")]
    prf = score_timexes(gold, system).value.prf()
    assert prf.precision == pytest.approx(2 / 3)
    assert prf.recall == pytest.approx(2 / 4)
    assert prf.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_dct_span_is_dropped() -> None:
    items = [T(0, 8, "1998-01-08"), T(20, 24, "1998")]
    assert without_span(items, (0, 8)) == [T(20, 24, "1998")]
    assert without_span(items, None) == items


_TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>FIXTURE1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2010-05-07"
  functionInDocument="CREATION_TIME">May 7, 2010</TIMEX3></DCT>
<TEXT>
The ferry <EVENT eid="e1">sank</EVENT> <TIMEX3 tid="t1" type="DATE"
  value="2010-05-06">Thursday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION"
  value="P3D">three days</TIMEX3> at sea; &amp; rescuers searched <TIMEX3 tid="t3"
  type="DATE" value="2010-05-06TNI">Thursday night</TIMEX3>.
</TEXT>
</TimeML>
"""

_TML_DCT_IN_TEXT = """<?xml version="1.0" ?>
<TimeML>
<TEXT><TIMEX3 tid="t0" type="DATE" value="2010-05-07"
  functionInDocument="CREATION_TIME">05/07/2010</TIMEX3>
Floods hit the valley <TIMEX3 tid="t1" type="DATE" value="2010-05-06">yesterday</TIMEX3>.
</TEXT>
</TimeML>
"""


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def test_loader_recovers_text_spans_and_dct(tmp_path: Path) -> None:
    doc = load_timeml_file(_write(tmp_path, "a.tml", _TML))
    assert doc.dct == date(2010, 5, 7)
    assert doc.dct_span is None
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Thursday", "DATE", "2010-05-06"),
        ("three days", "DURATION", "P3D"),
        ("Thursday night", "DATE", "2010-05-06TNI"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert "sank Thursday" in doc.text and "& rescuers" in doc.text


def test_loader_keeps_dct_inside_text_out_of_gold(tmp_path: Path) -> None:
    doc = load_timeml_file(_write(tmp_path, "b.tml", _TML_DCT_IN_TEXT))
    assert doc.dct_span is not None
    assert doc.text[doc.dct_span[0] : doc.dct_span[1]] == "05/07/2010"
    assert [t.text for t in doc.timexes] == ["yesterday"]


def test_evaluation_reads_nested_directories(tmp_path: Path) -> None:
    _write(tmp_path, "one/a.tml", _TML)
    _write(tmp_path, "two/deeper/b.tml", _TML_DCT_IN_TEXT)
    assert len(load_timeml(tmp_path)) == 2
    result = evaluate_timex(tmp_path)
    assert result["documents"] == 2
    value = result["value"]
    assert isinstance(value, dict)
    # The DCT in the second file's text is not counted as a system timex.
    assert value["precision"] == pytest.approx(1.0)
    assert set(result) == {"strict", "relaxed", "value", "baseline", "documents"}


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "no *.tml"),
        ({"x.tml": "<TimeML><p>no text</p></TimeML>"}, "no <TEXT>"),
        ({"x.tml": "<TimeML><TEXT>unclosed"}, "not well-formed"),
    ],
)
def test_wrong_layout_raises_corpus_error(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    for name, body in files.items():
        _write(tmp_path, name, body)
    with pytest.raises(CorpusError, match=message.replace("*", r"\*")):
        load_timeml(tmp_path)


def test_missing_directory_raises_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not a directory"):
        load_timeml(tmp_path / "absent")


@pytest.mark.corpus
@pytest.mark.slow
def test_tempeval3_value_f1_beats_the_baseline() -> None:
    # A sample (every sixteenth document) keeps the test short; the CLI scores all 256.
    corpus = require(CORPORA / "tempeval3" / "data" / "TBAQ-cleaned")
    documents = load_timeml(corpus)
    assert len(documents) == 256
    sample = documents[::16]
    ours = score_system(sample, parsed_system(sample))
    baseline = score_system(sample, baseline_timexes)
    assert ours.value.f1 > baseline.value.f1 + 0.3
    assert ours.relaxed.f1 > baseline.relaxed.f1

"""Framing measures on fictional sentences: which words count, for whom, and with what evidence."""

from __future__ import annotations

import pytest

from newsrecon.model.framing import FramingRow
from newsrecon.pipeline.framing.lexicon import LEXICONS, lexicon, parse_lexicon
from newsrecon.pipeline.framing.measures import quoted_ranges
from newsrecon.pipeline.framing.stage import framing_rows
from newsrecon.pipeline.nlp import get_pipeline
from tests.test_report_fixtures import article


def _rows(*texts_outlets: tuple[str, str]) -> list[FramingRow]:
    nlp = get_pipeline()
    arts = [article(n, t, outlet=o) for n, (t, o) in enumerate(texts_outlets, 1)]
    return framing_rows(arts, {a.id: nlp(a.text) for a in arts})


def _terms(rows: list[FramingRow], measure: str, outlet: str, subject: str = "") -> set[str]:
    out = set()
    for row in rows:
        if row.measure == measure and (not subject or row.subject == subject):
            for cell in row.cells:
                if cell.outlet == outlet:
                    out |= {t.term for t in cell.terms}
    return out


@pytest.mark.parametrize(
    ("text", "measure", "term", "counted"),
    [
        (
            "Police said the terrorists fled into the hills of Varnia.",
            "actor_label",
            "terrorist",
            True,
        ),
        (
            "Police said the militants fled into the hills of Varnia.",
            "actor_label",
            "militant",
            True,
        ),
        ("The armed groups left the town of Olsk on Monday.", "actor_label", "armed group", True),
        ('"These terrorists will pay," the mayor of Olsk said.', "actor_label", "terrorist", False),
        ("The rebels reportedly seized the bridge at Olsk.", "hedge", "reportedly", True),
        ("The talks were about the harbour of Olsk.", "hedge", "about", False),
        ("About 300 people left the harbour of Olsk.", "hedge", "about", True),
        ("The massacre in Olsk shocked the province.", "act", "massacre", True),
        ("The minister claimed the border was calm.", "reporting_verb", "claim", True),
        ("The minister admitted the border was not calm.", "reporting_verb", "admit", True),
        ("The brutal raid left Olsk in ruins.", "loaded", "brutal", True),
        ("The raid was over, according to state media.", "source", "state media", True),
    ],
)
def test_lexicon_words_count_only_in_the_outlets_own_voice(
    text: str, measure: str, term: str, counted: bool
) -> None:
    rows = _rows((text, "Gazette"))
    assert (term in _terms(rows, measure, "Gazette")) is counted


def test_every_term_has_evidence_that_reads_as_the_word() -> None:
    text = "The terrorists attacked Olsk. Officials reportedly said 40 fighters were killed."
    rows = _rows((text, "Gazette"))
    seen = 0
    for row in rows:
        for cell in row.cells:
            for term in cell.terms:
                assert term.count == len(term.evidence) > 0
                for span in term.evidence:
                    seen += 1
                    word = text[span.start : span.end].lower()
                    assert word.split()[0][:2] == term.term.split()[0][:2], (word, term.term)
    assert seen >= 4


def test_outlets_differ_in_labels_for_the_same_actor_class() -> None:
    rows = _rows(
        ("The terrorists of the Red Hand attacked the village of Olsk.", "Gazette"),
        ("The militants of the Red Hand attacked the village of Olsk.", "Courier"),
    )
    row = next(r for r in rows if r.measure == "actor_label" and r.subject.startswith("armed"))
    by_outlet = {c.outlet: {t.term: t.tone for t in c.terms} for c in row.cells}
    assert by_outlet == {"Courier": {"militant": "neutral"}, "Gazette": {"terrorist": "pejorative"}}
    for cell in row.cells:
        assert cell.per_1000_words is not None and cell.per_1000_words > 0


def test_hedges_carry_the_sentence_they_hang_on() -> None:
    text = "Nobody was hurt. The dam allegedly cracked on Friday."
    rows = _rows((text, "Gazette"))
    hedge = next(r for r in rows if r.measure == "hedge")
    (term,) = hedge.cells[0].terms
    (sentence,) = term.context
    assert text[sentence.start : sentence.end].startswith("The dam allegedly cracked")


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("He said “a “b” c” then", ["“a “b” c”"]),
        ('Say "x" and "y".', ['"x"', '"y"']),
        ("“unclosed\nnext", ["“unclosed"]),
        ("no quotes", []),
    ],
)
def test_quoted_ranges(text: str, inside: list[str]) -> None:
    assert [text[a:b] for a, b in quoted_ranges(text)] == inside


def test_lexicons_load_with_their_provenance_and_a_header() -> None:
    for name in LEXICONS:
        lex = lexicon(name)
        assert len(lex.entries) >= 10, name
        assert len({e.term for e in lex.entries}) == len(lex.entries), f"duplicate in {name}"
    parsed = parse_lexicon("t", "# provenance\nterm\ttone\nFoo  Bar\tneutral\n\n")
    assert [(e.term, e.tag(0), e.tag(1)) for e in parsed.entries] == [("foo bar", "neutral", "")]

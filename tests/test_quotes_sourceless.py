"""Attributions that credit no one ("Asked about the fare, ...", "the decision to ...") and
the cue model's argument features, on fictional sentences."""

from __future__ import annotations

import pytest

from newsrecon.model import Article
from newsrecon.pipeline.nlp import parse
from newsrecon.pipeline.quotes.candidates import raw_candidates
from newsrecon.pipeline.quotes.cues import token_features
from newsrecon.pipeline.quotes.extract import extract_quotes
from newsrecon.pipeline.quotes.filter import candidate_features, cue_probability

SOURCELESS = [
    # (text, cue word, words in the content)
    ("Asked whether the pier would close, the clerk shrugged.", "Asked", "pier"),
    ("The decision to close the Vellmar ferry angered commuters.", "decision", "ferry"),
]


@pytest.mark.parametrize(("text", "cue", "words"), SOURCELESS)
def test_cue_without_subject_gives_a_sourceless_candidate(text: str, cue: str, words: str) -> None:
    doc = next(parse([text]))
    found, cues = raw_candidates(doc, cue_threshold=0.0)
    mine = [
        c
        for c in found
        if c.cue is not None
        and text[c.cue[0] : c.cue[1]] == cue
        and words in text[c.content[0] : c.content[1]]
    ]
    assert mine, [(c.route, c.cue, text[c.content[0] : c.content[1]]) for c in found]
    cand = mine[0]
    assert cand.source is None and cand.source_head == -1
    assert cand.route.endswith("0")
    feats = set(candidate_features(doc, cand, cue_probability(cand, cues)))
    assert "nosource" in feats and "r=" + cand.route in feats


@pytest.mark.parametrize(
    ("text", "subject_kept"),
    [
        ("Mayor Tomas Halloran said that the bridge would reopen in June.", True),
        ("The tram fare is expected to rise by ten cents next spring.", False),
    ],
)
def test_quotes_always_have_a_speaker(text: str, subject_kept: bool) -> None:
    doc = next(parse([text]))
    article = Article(
        id="a1",
        source="a1.txt",
        format="text",
        text=text,
        content_hash="",
        outlet="The Ledger",
        outlet_basis="file_name",
    )
    quotes = extract_quotes(doc, article)
    assert all(q.speaker_span is not None and q.speaker for q in quotes)
    if subject_kept:
        assert any("Halloran" in q.speaker for q in quotes)


@pytest.mark.parametrize(
    ("text", "word", "feature"),
    [
        ("The tram fare is expected to rise next spring.", "expected", "l|auxpass=expect|be"),
        ("Maren Oduya said that the ferry would stop.", "said", "l|cm=say|ccomp|that"),
        ("Maren Oduya promised to stop the ferry.", "promised", "l|cm=promise|xcomp|to"),
        ("She denied the report.", "denied", "sl=she"),
        ("Maren Oduya denied the report.", "denied", "l|ol=deny|report"),
    ],
)
def test_cue_features_read_the_arguments(text: str, word: str, feature: str) -> None:
    doc = next(parse([text]))
    tok = next(t for t in doc if t.text == word)
    assert feature in set(token_features(tok, in_quote=False))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Here is Maren Oduya in May 1994: “The ferry will run all winter.”", "Maren Oduya"),
        ("More from the Vellmar Transit Board: “Fares will not rise.”", "Vellmar Transit Board"),
        ("Read the latest updates below: “The ferry runs.”", None),
    ],
)
def test_colon_before_a_quote_credits_the_name_before_it(text: str, source: str | None) -> None:
    doc = next(parse([text]))
    found, _ = raw_candidates(doc)
    colon = [c for c in found if c.route == "colon2"]
    if source is None:
        assert not colon
        return
    assert len(colon) == 1 and colon[0].source is not None
    assert source in text[colon[0].source[0] : colon[0].source[1]]
    assert text[colon[0].content[0] : colon[0].content[1]].startswith("“")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a describing clause that reports something itself belongs to its own attribution
        ("Maren Oduya, who wrote that the pier was unsafe, said fares would rise.", "Maren Oduya"),
        # an apposition stays part of the source
        (
            "Tomas Halloran, the mayor of Vellmar, said the pier would close.",
            "Tomas Halloran, the mayor of Vellmar",
        ),
    ],
)
def test_source_of_said(text: str, source: str) -> None:
    doc = next(parse([text]))
    found, _ = raw_candidates(doc, cue_threshold=0.2)
    said = [c for c in found if c.cue is not None and text[c.cue[0] : c.cue[1]] == "said"]
    assert said and said[0].source is not None
    assert text[said[0].source[0] : said[0].source[1]].rstrip(",") == source


def test_filter_reads_the_content_head() -> None:
    text = "Mayor Tomas Halloran said that the bridge would reopen in June."
    doc = next(parse([text]))
    found, cues = raw_candidates(doc, cue_threshold=0.05)
    comp = next(c for c in found if c.route == "comp")
    feats = set(candidate_features(doc, comp, cue_probability(comp, cues)))
    assert {"ch=VERB", "l|q=say|False"} <= feats


@pytest.mark.parametrize(
    ("text", "cue", "twin"),
    [
        # a passive without an agent: the subject is asked, not asking
        ("Mayor Halloran was asked whether the Vellmar bridge would reopen.", "asked", True),
        # a raising verb: the subject says nothing
        ("Mayor Halloran seemed to doubt that the bridge would reopen.", "seemed", True),
        ("It appears that the Vellmar bridge will reopen in June.", "appears", True),
        # the subject speaks: no reading crediting no one
        ("Mayor Halloran said that the Vellmar bridge would reopen.", "said", False),
        # a passive with its agent: the agent is credited, as before
        ("The closure was announced by the harbour office on Monday.", "announced", False),
    ],
)
def test_a_subject_that_may_not_speak_gets_a_sourceless_twin(
    text: str, cue: str, twin: bool
) -> None:
    doc = next(parse([text]))
    found, cues = raw_candidates(doc, cue_threshold=0.0)
    mine = [c for c in found if c.cue is not None and text[c.cue[0] : c.cue[1]] == cue]
    credited = [c for c in mine if c.source is not None]
    twins = [c for c in mine if c.source is None]
    assert credited, [(c.route, c.source, c.cue) for c in found]
    assert bool(twins) is twin, [(c.route, c.source) for c in mine]
    for c in twins:
        # the same readings as the credited ones, marked and with the subject kept in view
        assert c.route.endswith("0") and c.source_head >= 0
        assert any(k.parts == c.parts and k.route + "0" == c.route for k in credited)
        feats = set(candidate_features(doc, c, cue_probability(c, cues)))
        assert "nosource" in feats and "dropped=" + doc[c.source_head].dep_ in feats

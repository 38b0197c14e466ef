from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsrecon.model import AnalysisParameters, Dossier, Rejection, RejectKind, Span, Story
from newsrecon.model.claims import Claim, ClaimStatus, OutletStance
from newsrecon.model.claims import Stance as OutletStanceKind
from newsrecon.report.build import FINDING_FIELDS, build_document, overview, to_json_value
from newsrecon.report.schema import DossierOut, iter_spans
from tests.test_report_fixtures import article


@dataclass(frozen=True, slots=True)
class Opaque:
    value: object


class Stance(StrEnum):
    SUPPORTS = "supports"
    DISPUTES = "disputes"


@dataclass(frozen=True, slots=True)
class Mention:
    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class Record:
    """A finding of no particular stage: spans nested at several depths."""

    text: str
    evidence: tuple[Span, ...]
    mentions: tuple[Mention, ...] = ()
    extra: dict[str, object] | None = None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Stance.DISPUTES, "disputes"),
        ((1, "a", None, True), [1, "a", None, True]),
        (frozenset({"b", "a"}), ["a", "b"]),
        (dt.date(2024, 5, 1), "2024-05-01"),
        ({1: (Stance.SUPPORTS,)}, {"1": ["supports"]}),
        (Opaque(Opaque(2.5)), {"value": {"value": 2.5}}),
        (Span("a1", 4, 9), {"article": "a1", "start": 4, "end": 9, "text": "quick"}),
        (
            Mention("q", Span("a1", 0, 3)),
            {"name": "q", "span": {"article": "a1", "start": 0, "end": 3, "text": "The"}},
        ),
    ],
)
def test_to_json_value_converts_records_generically(value: object, expected: object) -> None:
    assert to_json_value(value, {"a1": "The quick fox"}) == expected


@pytest.mark.parametrize(
    ("value", "error", "match"),
    [
        (Span("zz", 0, 1), ValueError, "not in the story"),
        (Span("a1", 0, 99), ValueError, "beyond text"),
        (Opaque(object()), TypeError, "cannot publish a object"),
        (b"bytes", TypeError, "cannot publish a bytes"),
    ],
)
def test_to_json_value_refuses_what_json_cannot_carry(
    value: object, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        to_json_value(value, {"a1": "short"})


@pytest.mark.parametrize(
    ("dates", "first", "last"),
    [
        ([None, None], None, None),
        (["2024-01-02", None, "2023-12-31"], "2023-12-31", "2024-01-02"),
        # Time zones order by instant, not by string: 09:00+05:00 is before 05:00Z.
        (
            ["2024-01-02T05:00:00Z", "2024-01-02T09:00:00+05:00"],
            "2024-01-02T09:00:00+05:00",
            "2024-01-02T05:00:00Z",
        ),
        (["yesterday", "2024-02-01"], "2024-02-01", "2024-02-01"),
        (["2024-03-01", "2024-03-01T12:00:00"], "2024-03-01", "2024-03-01T12:00:00"),
    ],
)
def test_overview_date_range_covers_parseable_dates(
    dates: list[str | None], first: str | None, last: str | None
) -> None:
    arts = [article(n, "x", outlet=f"O{n % 2}", published=d) for n, d in enumerate(dates)]
    o = overview(arts)
    assert (o.first_published, o.last_published) == (first, last)
    assert o.article_count == len(dates)
    assert o.outlets == sorted({a.outlet for a in arts})


def test_build_document_carries_parameters_rejections_and_findings() -> None:
    a1 = article(1, "Alpha beta gamma.", outlet="Zed", published="2024-01-01")
    a2 = article(2, "Beta again.", outlet="Ay")
    claim = Claim(
        "c1",
        "beta",
        (Span("a1", 6, 10), Span("a2", 0, 4)),
        ("Zed", "Ay"),
        (
            OutletStance("Zed", OutletStanceKind.REPORTED),
            OutletStance("Ay", OutletStanceKind.REPORTED),
        ),
        ClaimStatus.CORROBORATED,
        2,
    )
    dossier = Dossier(Story("s", ("a1", "a2"), "T"), (a1, a2), claims=(claim,))
    params = AnalysisParameters(story_similarity=0.7)
    doc = build_document([dossier], [Rejection("x.bin", RejectKind.BINARY, "binary")], params, "v9")
    assert doc.pipeline_version == "v9"
    assert doc.parameters["story_similarity"] == 0.7
    assert [(r.source, r.kind, r.reason) for r in doc.rejected] == [("x.bin", "binary", "binary")]
    story = doc.stories[0]
    assert story.overview.outlets == ["Ay", "Zed"]
    claims = story.model_dump(mode="json")["claims"]
    assert [s["text"] for s in claims[0]["evidence"]] == ["beta", "Beta"]
    assert claims[0]["stances"][0]["stance"] == "reported"


def test_finding_fields_are_the_schemas() -> None:
    non_findings = {"id", "title", "headline", "overview", "articles"}
    assert set(FINDING_FIELDS) == set(DossierOut.model_fields) - non_findings


def test_a_finding_that_is_not_a_record_is_refused() -> None:
    dossier = Dossier(Story("s", ("a1",), "T"), (article(1, "x"),), summary=("bare string",))
    with pytest.raises(TypeError, match="summary finding must be a record"):
        build_document([dossier], [], AnalysisParameters(), "v")


@st.composite
def texts_and_spans(draw: st.DrawFn) -> tuple[list[str], list[Span]]:
    texts = draw(st.lists(st.text(max_size=60), min_size=1, max_size=3))
    spans = []
    for _ in range(draw(st.integers(0, 8))):
        n = draw(st.integers(0, len(texts) - 1))
        start = draw(st.integers(0, len(texts[n])))
        end = draw(st.integers(start, len(texts[n])))
        spans.append(Span(f"a{n}", start, end))
    return texts, spans


@given(texts_and_spans())
def test_every_emitted_span_text_is_its_article_slice(data: tuple[list[str], list[Span]]) -> None:
    texts, spans = data
    by_id = {f"a{n}": t for n, t in enumerate(texts)}
    # Spans nested at several depths: a tuple, a record in a tuple, a dict value.
    finding = Record(
        "c",
        tuple(spans),
        mentions=tuple(Mention("m", s) for s in spans),
        extra={"first": spans[0]} if spans else None,
    )
    emitted = list(iter_spans(to_json_value(finding, by_id)))
    assert len(emitted) == 2 * len(spans) + (1 if spans else 0)
    for span in emitted:
        assert span["text"] == by_id[span["article"]][span["start"] : span["end"]]

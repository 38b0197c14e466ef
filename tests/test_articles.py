"""build_article: identity, metadata, language and rejections (own invented fixtures)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecon.model import (
    AnalysisParameters,
    Article,
    ArticleMeta,
    RawDocument,
    Rejection,
    RejectKind,
)
from newsrecon.pipeline.articles import build_article, content_hash, normalise_published

LEDE = "The harbour authority of Port Avelin said on Tuesday it would extend night shifts."
SECOND = "Cargo volumes are expected to rise by a fifth next year, the authority said."
FRENCH = (
    "Le port d'Avelin a annoncé mardi qu'il prolongerait les équipes de nuit pendant tout "
    "l'hiver, car le volume des marchandises ne cesse d'augmenter selon la direction."
)


def _raw(body: str, meta: ArticleMeta | None = None, name: str = "quay_report.txt") -> RawDocument:
    return RawDocument(
        source=f"in/{name}",
        format="txt",
        raw=body,
        body=body,
        meta=meta or ArticleMeta(),
        name=name,
    )


def _article(body: str, meta: ArticleMeta | None = None, **params: bool) -> Article:
    built = build_article(_raw(body, meta), AnalysisParameters(**params))
    assert isinstance(built, Article), built
    return built


def test_article_fields_from_body_and_metadata() -> None:
    body = f"By Jana Koll\n\n{LEDE}\n\n{SECOND}\n\nSource » riverdalepost"
    meta = ArticleMeta(title="Night Shifts Extended", published="Tuesday, 5 March 2024 14:05")
    article = _article(body, meta)
    assert article.text == f"{LEDE}\n\n{SECOND}"
    assert article.content_hash == content_hash(article.text)
    assert article.id == article.content_hash[:16]
    assert (article.outlet, article.outlet_basis) == ("riverdalepost", "provenance_line")
    assert (article.published, article.published_basis) == ("2024-03-05T14:05:00", "metadata")
    assert article.author == "Jana Koll"
    assert article.title == "Night Shifts Extended"
    assert article.language == "en" and article.language_score > 0.9
    assert [r.reason for r in article.removed] == ["byline", "provenance"]
    assert all(body[r.start : r.end] == r.text for r in article.removed)
    assert (article.raw, article.body, article.source, article.format) == (
        body,
        body,
        "in/quay_report.txt",
        "txt",
    )


def test_metadata_author_wins_over_byline_and_missing_date_is_none() -> None:
    article = _article(f"By Jana Koll\n\n{LEDE}", ArticleMeta(author="Piet Roos"))
    assert article.author == "Piet Roos"
    assert (article.published, article.published_basis) == (None, None)
    assert (article.outlet, article.outlet_basis) == ("quay_report", "file_name")


@pytest.mark.parametrize(
    "variant",
    [
        f"{LEDE}\n\n{SECOND}",
        f"  {LEDE}  \n\n\n\n{SECOND}\n",
        f"{LEDE}\r\n\r\n{SECOND}\r\n",
        f"{LEDE}\n{SECOND}",
        LEDE.replace(" ", "  ") + "\n\n" + SECOND,
        f"Share this article\n\n{LEDE}\n\n{SECOND}\n\nBook a demo",
    ],
    ids=["plain", "padded", "crlf", "single_newlines", "double_spaces", "with_furniture"],
)
def test_same_article_with_different_whitespace_hashes_the_same(variant: str) -> None:
    reference = _article(f"{LEDE}\n\n{SECOND}")
    article = _article(variant)
    assert (article.content_hash, article.id) == (reference.content_hash, reference.id)


def test_different_text_hashes_differently() -> None:
    assert _article(LEDE).content_hash != _article(SECOND).content_hash


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=6), st.data())
def test_content_hash_ignores_whitespace_layout(words: list[str], data: st.DataObject) -> None:
    spaces = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", " \r\n"])
    joined = "".join(w + data.draw(spaces) for w in words)
    assert content_hash(joined) == content_hash(" ".join(" ".join(words).split()))


@pytest.mark.parametrize(
    ("body", "kind", "reason"),
    [
        ("", RejectKind.NO_TEXT, "the document has no text"),
        (" \n\n\t", RejectKind.NO_TEXT, "the document has no text"),
        (
            "Share this article\n\nBook a Demo\n\nget in touch",
            RejectKind.NO_TEXT,
            "nothing left after removing boilerplate",
        ),
        (
            FRENCH,
            RejectKind.NON_ENGLISH,
            "language looks like French (fr, p=1.00), not English; "
            "use --allow-non-english to analyse it anyway",
        ),
    ],
    ids=["empty", "blank", "only_furniture", "french"],
)
def test_rejections(body: str, kind: RejectKind, reason: str) -> None:
    built = build_article(_raw(body), AnalysisParameters())
    assert built == Rejection("in/quay_report.txt", kind, reason)


def test_non_english_kept_when_allowed() -> None:
    article = _article(FRENCH, allow_non_english=True)
    assert article.language == "fr"
    assert article.language_score > 0.9
    assert article.text == FRENCH


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T14:05:00Z", "2024-03-05T14:05:00+00:00"),
        ("2024-03-05T14:05:00+01:00", "2024-03-05T14:05:00+01:00"),
        ("Tue, 05 Mar 2024 14:05:00 GMT", "2024-03-05T14:05:00+00:00"),
        ("March 5, 2024", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("yesterday", None),
        ("March 2024", None),
        ("not a date", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_published(value: str | None, expected: str | None) -> None:
    assert normalise_published(value) == expected

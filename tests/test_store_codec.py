"""Article <-> row conversion is exact, alone and through a real database."""

import math
from dataclasses import fields, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecon.errors import StoreError
from newsrecon.model import Article, Removal
from newsrecon.store import codec
from newsrecon.store.sqlite import SqliteStore

offsets = st.integers(min_value=0, max_value=2**63 - 1)
optional_text = st.none() | st.text()
removals = st.builds(Removal, start=offsets, end=offsets, text=st.text(), reason=st.text())

articles = st.builds(
    Article,
    id=st.text(min_size=1),
    source=st.text(),
    format=st.text(),
    text=st.text(),
    content_hash=st.text(min_size=1),
    outlet=st.text(),
    outlet_basis=st.text(),
    title=optional_text,
    url=optional_text,
    published=optional_text,
    published_basis=optional_text,
    author=optional_text,
    language=st.text(),
    language_score=st.floats(allow_nan=False),
    removed=st.lists(removals, max_size=4).map(tuple),
    raw=st.text(),
    body=st.text(),
)


def test_codec_names_every_article_field() -> None:
    assert set(codec.ARTICLE_COLUMNS) == {f.name for f in fields(Article)}


@given(articles)
def test_row_round_trip(article: Article) -> None:
    assert codec.row_to_article(codec.article_to_row(article)) == article


@settings(max_examples=60, deadline=None)
@given(articles)
def test_store_round_trip(article: Article) -> None:
    with SqliteStore(":memory:") as store:
        assert store.add_article(article)
        by_id = store.get_article(article.id)
        by_hash = store.article_by_hash(article.content_hash)
        assert by_id == article
        assert by_hash == article
        assert list(store.articles()) == [article]


@pytest.mark.parametrize(
    ("removed_json", "problem"),
    [
        ("not json", "corrupt"),
        ('[{"start": 1}]', "corrupt"),
        ("[1, 2]", "corrupt"),
    ],
)
def test_corrupt_removals_name_the_article(removed_json: str, problem: str) -> None:
    with pytest.raises(StoreError, match=rf"article a1: .*{problem}"):
        codec.removals_from_json(removed_json, "a1")


def test_nan_score_is_refused_not_stored_as_null() -> None:
    article = Article("a1", "s", "text", "t", "h1", "o", "file_name", language_score=math.nan)
    with SqliteStore(":memory:") as store, pytest.raises(StoreError, match="a1"):
        store.add_article(article)
    with SqliteStore(":memory:") as store:
        assert store.add_article(replace(article, language_score=0.5))

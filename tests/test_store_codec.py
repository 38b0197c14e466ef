"""Article <-> row conversion is exact, alone and through a real database (each backend)."""

import math
from collections.abc import Callable, Iterator
from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsrecon.errors import StoreError
from newsrecon.model import Article, Removal
from newsrecon.store import codec
from newsrecon.store.base import Store
from tests import pg_helpers
from tests.pg_helpers import BACKENDS, open_backend

# The throwaway PostgreSQL server's fixtures (tests/pg_helpers.py), visible to this module.
pg_server = pg_helpers.pg_server
pg_url = pg_helpers.pg_url

offsets = st.integers(min_value=0, max_value=2**63 - 1)
removals = st.builds(Removal, start=offsets, end=offsets, text=st.text(), reason=st.text())


def article_strategy(text: st.SearchStrategy[str]) -> st.SearchStrategy[Article]:
    optional_text = st.none() | text
    return st.builds(
        Article,
        id=text.filter(bool),
        source=text,
        format=text,
        text=text,
        content_hash=text.filter(bool),
        outlet=text,
        outlet_basis=text,
        title=optional_text,
        url=optional_text,
        published=optional_text,
        published_basis=optional_text,
        author=optional_text,
        language=text,
        language_score=st.floats(allow_nan=False),
        removed=st.lists(removals, max_size=4).map(tuple),
        raw=text,
        body=text,
    )


articles = article_strategy(st.text())
# PostgreSQL text cannot hold NUL (such an article is refused: see the test below); the
# removals stay unrestricted, being stored as escaped JSON.
pg_articles = article_strategy(st.text(st.characters(codec="utf-8", exclude_characters="\x00")))


def test_codec_names_every_article_field() -> None:
    assert set(codec.ARTICLE_COLUMNS) == {f.name for f in fields(Article)}


@given(articles)
def test_row_round_trip(article: Article) -> None:
    assert codec.row_to_article(codec.article_to_row(article)) == article


@pytest.fixture(params=[b for b in BACKENDS if b != "file"])
def empty_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """Opens an empty store of one backend, once per Hypothesis example."""
    opened: list[Store] = []
    kind = str(request.param)

    def make() -> Store:
        if kind == "postgres" and opened:  # empty it again, as pg_url did the first time
            _truncate_articles(request.getfixturevalue("pg_url"))
            return opened[-1]
        store = open_backend(kind, request, tmp_path)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def _truncate_articles(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DELETE FROM articles")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_store_round_trip(empty_store: Callable[[], Store], data: st.DataObject) -> None:
    store = empty_store()
    postgres = type(store).__name__ == "PostgresStore"
    article = data.draw(pg_articles if postgres else articles)
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


@pytest.mark.parametrize("backend", BACKENDS)
def test_nan_score_is_refused_not_stored_as_null(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str
) -> None:
    article = Article("a1", "s", "text", "t", "h1", "o", "file_name", language_score=math.nan)
    with open_backend(backend, request, tmp_path) as store:
        with pytest.raises(StoreError, match="a1"):
            store.add_article(article)
        assert store.count_articles() == 0
        assert store.add_article(replace(article, language_score=0.5))

"""Both stores against the Store contract: articles, search, rejections, caches, stories.

Every test taking ``store`` runs on SQLite (in memory and in a file) and on a real PostgreSQL
server (skipped, saying why, where none can start: see ``tests/pg_helpers.py``).
"""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsrecon.errors import NotFound, StoreError
from newsrecon.model import Article, Rejection, RejectKind, Story
from newsrecon.model.story_stream import StoryEvent, StreamUpdate
from newsrecon.store import open_store, sql_records
from newsrecon.store.base import Store
from newsrecon.store.sqlite import SqliteStore, fts_query
from tests import pg_helpers
from tests.pg_helpers import BACKENDS, open_backend

# The throwaway PostgreSQL server's fixtures (tests/pg_helpers.py), visible to this module.
pg_server = pg_helpers.pg_server
pg_url = pg_helpers.pg_url


def make_article(n: int, text: str = "", title: str | None = None, **extra: object) -> Article:
    fields: dict[str, object] = {
        "id": f"a{n}",
        "source": f"in/{n}.txt",
        "format": "text",
        "text": text or f"article number {n}",
        "content_hash": f"h{n}",
        "outlet": "example",
        "outlet_basis": "file_name",
        "title": title,
    }
    fields.update(extra)
    return Article(**fields)  # type: ignore[arg-type]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with open_backend(request.param, request, tmp_path) as opened:
        yield opened


def test_satisfies_the_protocol(store: Store) -> None:
    assert isinstance(store, Store)


def test_open_store_gives_sqlite(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.db") as opened:
        assert isinstance(opened, SqliteStore)


# articles -------------------------------------------------------------------


def test_add_is_idempotent_by_content_hash(store: Store) -> None:
    first = make_article(1, title="first")
    same_content = make_article(1, title="other title", id="a-other")
    assert store.add_article(first) is True
    assert store.add_article(same_content) is False
    assert store.count_articles() == 1
    assert store.get_article("a1") == first
    with pytest.raises(NotFound):
        store.get_article("a-other")


def test_same_id_other_content_is_refused(store: Store) -> None:
    store.add_article(make_article(1))
    with pytest.raises(StoreError, match="a1"):
        store.add_article(make_article(1, content_hash="different"))
    assert store.count_articles() == 1


@pytest.mark.parametrize(
    ("batch", "new", "count"),
    [
        ([], 0, 1),
        ([2, 3, 4], 3, 4),
        ([1, 2], 1, 2),
        ([2, 2, 3], 2, 3),
    ],
)
def test_add_articles_counts_only_new(store: Store, batch: list[int], new: int, count: int) -> None:
    store.add_article(make_article(1))
    assert store.add_articles(make_article(n) for n in batch) == new
    assert store.count_articles() == count


def test_add_articles_is_all_or_nothing(store: Store) -> None:
    store.add_article(make_article(1))
    clash = make_article(9, id="a1")  # id stored already, with other content
    with pytest.raises(StoreError):
        store.add_articles([make_article(2), clash])
    assert store.count_articles() == 1


def test_get_article_names_the_missing_id(store: Store) -> None:
    with pytest.raises(NotFound, match="nope"):
        store.get_article("nope")
    assert store.article_by_hash("nope") is None


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (None, ["a3", "a1", "a2"]),
        (["a2", "a3"], ["a2", "a3"]),
        (["a2", "a1", "a2"], ["a2", "a1", "a2"]),
        ([], []),
    ],
)
def test_articles_in_ingestion_or_requested_order(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    ids: list[str] | None,
    expected: list[str],
) -> None:
    monkeypatch.setattr(sql_records, "CHUNK", 2)  # several pages (both backends page there)
    for n in (3, 1, 2):
        store.add_article(make_article(n))
    assert [a.id for a in store.articles(ids)] == expected


def test_articles_with_unknown_id_raise(store: Store) -> None:
    store.add_article(make_article(1))
    with pytest.raises(NotFound, match="'ghost'"):
        list(store.articles(["a1", "ghost"]))


# full-text search -----------------------------------------------------------


def test_more_occurrences_rank_first(store: Store) -> None:
    store.add_articles(
        [
            make_article(1, "The council met. The budget was discussed briefly."),
            make_article(2, "Budget, budget, budget: the budget vote dominated the council."),
            make_article(3, "Nothing about money here."),
        ]
    )
    hits = store.search("budget")
    assert [article_id for article_id, _ in hits] == ["a2", "a1"]
    assert hits[0][1] > hits[1][1] > 0


def test_title_counts_in_search(store: Store) -> None:
    store.add_article(make_article(1, "A short note.", title="Harbour closure"))
    assert [i for i, _ in store.search("harbour")] == ["a1"]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("protesters", ["a1"]),  # porter stemming
        ("zurich", ["a1"]),  # diacritics folded
        ("PROTEST Zürich", ["a1"]),  # all terms, any case
        ("protest budget", []),  # every term is required
    ],
)
def test_search_terms(store: Store, query: str, found: list[str]) -> None:
    store.add_article(make_article(1, "A protest in Zürich drew crowds."))
    assert [i for i, _ in store.search(query)] == found


@pytest.mark.parametrize(
    "query",
    [
        "AND (",
        '"',
        '"unbalanced',
        "NEAR(",
        "budget OR",
        "*",
        "budget*",
        "title:budget",
        "text:",
        "-budget",
        "^budget",
        "{title text}: budget",
        "'; DROP TABLE articles; --",
        "",
        "   ",
        "\x00",
    ],
)
def test_hostile_query_syntax_is_plain_words(store: Store, query: str) -> None:
    store.add_article(make_article(1, "The budget and the vote."))
    hits = store.search(query)
    assert all(article_id == "a1" for article_id, _ in hits)
    assert store.count_articles() == 1


@pytest.fixture
def one_article(store: Store) -> Store:
    store.add_article(make_article(1, "The budget and the vote."))
    return store


# Searching writes nothing, so the examples may share one store.
@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text())
def test_search_never_raises(one_article: Store, query: str) -> None:
    hits = one_article.search(query)
    assert {article_id for article_id, _ in hits} <= {"a1"}
    assert one_article.count_articles() == 1


def test_title_weighs_more_than_text(store: Store) -> None:
    store.add_articles(
        [
            make_article(1, "The harbour budget was discussed.", title="Council notes"),
            make_article(2, "The council discussed the harbour.", title="Budget"),
        ]
    )
    assert [i for i, _ in store.search("budget")] == ["a2", "a1"]


def test_operator_words_are_searched_as_words(store: Store) -> None:
    store.add_articles([make_article(1, "Cats AND dogs"), make_article(2, "Cats or mice")])
    assert [i for i, _ in store.search("cats AND (")] == ["a1"]
    assert [i for i, _ in store.search("cats NOT")] == []


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("budget", '"budget"'),
        ('say "no"', '"say" """no"""'),
        ("a  b\tc", '"a" "b" "c"'),
        ("", ""),
        ("a\x00b", '"a" "b"'),
    ],
)
def test_fts_query_quotes_every_word(text: str, query: str) -> None:
    assert fts_query(text) == query


@pytest.mark.parametrize("limit", [0, -1, 1])
def test_search_limit(store: Store, limit: int) -> None:
    store.add_articles([make_article(n, "budget") for n in range(3)])
    assert len(store.search("budget", limit=limit)) == max(limit, 0)


# rejections -----------------------------------------------------------------


def test_rejections_round_trip_in_order_once_each(store: Store) -> None:
    rejected = [Rejection(f"in/{kind}.bin", kind, f"reason for {kind}") for kind in RejectKind]
    for rejection in rejected:
        store.add_rejection(rejection)
    store.add_rejection(rejected[0])  # reported again
    assert store.add_rejections(rejected[:2]) == 0
    assert store.rejections() == rejected
    assert all(isinstance(r.kind, RejectKind) for r in store.rejections())


# caches ---------------------------------------------------------------------


def test_doc_cache_miss_then_hit_keyed_by_version(store: Store) -> None:
    assert store.get_doc("h1", "v1") is None
    store.put_doc("h1", "v1", b"\x00doc-bytes\xff")
    assert store.get_doc("h1", "v1") == b"\x00doc-bytes\xff"
    assert store.get_doc("h1", "v2") is None
    assert store.get_doc("h2", "v1") is None
    store.put_doc("h1", "v1", b"newer")
    assert store.get_doc("h1", "v1") == b"newer"


@pytest.mark.parametrize(
    "payload",
    [
        {"quotes": [{"start": 1, "end": 5, "speaker": "Zoë"}]},
        [1, 2.5, None, True, "x"],
        "just a string",
        0,
    ],
)
def test_result_cache_miss_then_hit(store: Store, payload: object) -> None:
    assert store.get_result("h1", "quotes", "v1") is None
    store.put_result("h1", "quotes", "v1", payload)
    assert store.get_result("h1", "quotes", "v1") == payload
    assert store.get_result("h1", "quotes", "v2") is None
    assert store.get_result("h1", "claims", "v1") is None


@pytest.mark.parametrize("payload", [{1, 2}, {1: "int key"}, object(), 2**70])
def test_unserialisable_result_names_the_stage(store: Store, payload: object) -> None:
    with pytest.raises(StoreError, match="quotes"):
        store.put_result("h1", "quotes", "v1", payload)
    assert store.get_result("h1", "quotes", "v1") is None


# stories --------------------------------------------------------------------


@pytest.fixture
def with_articles(store: Store) -> Store:
    store.add_articles(make_article(n) for n in range(1, 5))
    return store


def test_save_stories_round_trip_and_replace(with_articles: Store) -> None:
    store = with_articles
    first = [
        Story("st1", ("a1", "a2"), "One", {"story_similarity": 0.5}),
        Story("st2", ("a3",), "Two"),
    ]
    store.save_stories(first)
    assert store.stories() == first
    assert store.stories()[0].parameters == {"story_similarity": 0.5}
    store.save_stories([Story("st3", ("a4", "a1"), "Three")])
    assert [(s.id, s.article_ids) for s in store.stories()] == [("st3", ("a4", "a1"))]
    with pytest.raises(NotFound):
        store.get_story("st1")


def test_save_stories_is_atomic(with_articles: Store) -> None:
    store = with_articles
    kept = [Story("st1", ("a1",), "One")]
    store.save_stories(kept)
    with pytest.raises(StoreError):
        store.save_stories([Story("st2", ("a2",), "Two"), Story("st3", ("ghost",), "Bad")])
    assert store.stories() == kept


@pytest.mark.parametrize(
    ("wanted", "found"),
    [
        ("abc123", "abc123"),
        ("abc", "abc123"),
        ("ab", "ab"),  # an exact id wins over being a prefix of others
        ("x", "xyz789"),
    ],
)
def test_get_story_by_unique_prefix(with_articles: Store, wanted: str, found: str) -> None:
    ids = ["abc123", "abd456", "ab", "xyz789"]
    with_articles.save_stories(Story(i, ("a1",), i.upper()) for i in ids)
    assert with_articles.get_story(wanted).id == found


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        ("a", r"ambiguous: ab, abc123, abd456"),
        ("abx", "no story"),
        ("", "no story"),
        ("%", "no story"),
        ("_", "no story"),
    ],
)
def test_get_story_refuses_unknown_or_ambiguous(
    with_articles: Store, wanted: str, message: str
) -> None:
    with_articles.save_stories(Story(i, ("a1",), i) for i in ["abc123", "abd456", "ab"])
    with pytest.raises(NotFound, match=message):
        with_articles.get_story(wanted)


# incremental assignment --------------------------------------------------------


def test_stream_updates_open_join_merge_split(with_articles: Store) -> None:
    store = with_articles
    sa, sb, sc = Story("sA", (), "A", {"k": 1}), Story("sB", (), "B"), Story("sC", (), "C")
    store.apply_stream_update(
        StreamUpdate(
            opened=(sa, sb),
            members=(("sA", "a1"), ("sA", "a2"), ("sB", "a3")),
            events=(StoryEvent("opened", "sA", "a1"), StoryEvent("joined", "sA", "a2", None, 0.75)),
            summaries=(("sA", True, b"A1"), ("sB", True, b"B1")),
            index=b"idx1",
            story_topics=(("sA", "tp1"), ("sB", "tp2")),
            topic_summaries=(("tp1", True, b"T1"), ("tp2", True, b"T2")),
            topic_index=b"tidx1",
        ),
        "default",
    )
    assert store.assigned(["a1", "a3", "a4", "ghost"]) == {"a1", "a3"}
    assert store.stream_state("default") == (b"idx1", [b"A1", b"B1"])
    assert store.topic_state("default") == (b"tidx1", [b"T1", b"T2"])
    assert store.story_topics(["sA", "sB", "sX"]) == {"sA": "tp1", "sB": "tp2"}
    # sB merges into sA (its article moves to the end), then a2 splits off into sC; topics merge.
    store.apply_stream_update(
        StreamUpdate(
            opened=(sc,),
            members=(("sA", "a4"),),
            merges=(("sA", "sB"),),
            events=(StoryEvent("merged", "sA", None, "sB"), StoryEvent("split", "sA", "a2", "sC")),
            summaries=(("sA", False, b"A2"), ("sC", True, b"C1")),
            index=b"idx2",
            story_topics=(("sC", "tp2"),),
            topic_merges=(("tp1", "tp2"),),
            topic_summaries=(("tp1", True, b"T3"), ("tp2", True, b"gone")),
            splits=(("sA", "sC", ("a2",)),),
        ),
        "default",
    )
    assert [(s.id, s.article_ids) for s in store.stories()] == [
        ("sA", ("a1", "a4", "a3")),
        ("sC", ("a2",)),
    ]
    assert store.get_story("sA").parameters == {"k": 1, "topic": "tp1"}
    assert store.story_topics(["sA", "sB", "sC"]) == {"sA": "tp1", "sC": "tp1"}
    assert store.stream_state("default") == (b"idx2", [b"C1"])  # sA closed, sB gone
    assert store.topic_state("default") == (b"tidx1", [b"T3"])
    events = store.story_events()
    assert [(e["kind"], e["story_id"], e["other_story"]) for e in events] == [
        ("opened", "sA", None),
        ("joined", "sA", None),
        ("merged", "sA", "sB"),
        ("split", "sA", "sC"),
    ]
    assert events[1]["score"] == 0.75
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", e["at"]) for e in events)
    assert [e["kind"] for e in store.story_events("sC")] == ["split"]


def test_stream_update_is_all_or_nothing(with_articles: Store) -> None:
    store = with_articles
    bad = StreamUpdate(
        opened=(Story("sA", (), "A"),),
        members=(("sA", "a1"), ("sA", "ghost")),  # no such article
        index=b"idx",
    )
    with pytest.raises(StoreError):
        store.apply_stream_update(bad, "default")
    assert store.stories() == []
    assert store.stream_state("default") == (None, [])


# lifecycle ------------------------------------------------------------------


@pytest.mark.parametrize("backend", [b for b in BACKENDS if b != "memory"])
def test_context_manager_closes(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str
) -> None:
    with open_backend(backend, request, tmp_path) as store:
        store.add_article(make_article(1))
    store.close()  # idempotent
    with pytest.raises(Exception, match="closed"):
        store.count_articles()
    with open_backend(backend, request, tmp_path) as again:
        assert again.count_articles() == 1

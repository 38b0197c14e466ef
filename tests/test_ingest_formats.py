"""Each good format yields the right body and metadata; sources expand as documented."""

from __future__ import annotations

import gzip
import io
import itertools
import tracemalloc
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsrecon.model import AnalysisParameters, Article, RawDocument, Rejection, RejectKind
from newsrecon.pipeline.articles import build_article
from newsrecon.pipeline.ingest import read_inputs

FIRST = (
    "The regional rail operator announced that weekend services on the coastal line will "
    "resume next month after repairs to a landslip near the tunnel."
)
SECOND = (
    "Passengers had used replacement buses since the spring, and the operator said journey "
    "times would return to normal once the signalling tests were complete."
)
ARTICLE_HTML = (
    "<html><head><title>Coastal line to reopen</title></head><body>"
    '<nav><a href="/">Home</a> <a href="/travel">Travel</a></nav>'
    f"<article><h1>Coastal line to reopen</h1><p>{FIRST}</p><p>{SECOND}</p></article>"
    "</body></html>"
)


def docs(results: list[RawDocument | Rejection]) -> list[RawDocument]:
    assert all(isinstance(r, RawDocument) for r in results), results
    return [r for r in results if isinstance(r, RawDocument)]


def read_one(path: Path) -> RawDocument:
    (doc,) = docs(list(read_inputs([str(path)])))
    return doc


def warc_bytes(*, gz: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("t.warc", {"software": "test"}))
    html_headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    writer.write_record(
        writer.create_warc_record(
            "http://example.org/rail",
            "response",
            payload=io.BytesIO(ARTICLE_HTML.encode()),
            http_headers=html_headers,
        )
    )
    png_headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "http://example.org/logo.png",
            "response",
            payload=io.BytesIO(b"\x89PNG\r\n\x1a\n"),
            http_headers=png_headers,
        )
    )
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "fmt", "body"),
    [
        ("note.txt", f"{FIRST}\r\n\r\n{SECOND}\r\n".encode(), "text", f"{FIRST}\n\n{SECOND}\n"),
        ("note", f"{FIRST}\n\n{SECOND}".encode(), "text", f"{FIRST}\n\n{SECOND}"),
        ("braces.txt", b"{not json} just a note", "text", "{not json} just a note"),
        (
            "story.md",
            f"# Coastal line\n\n{FIRST.replace('weekend', '*weekend*')}\n\n"
            f"- [{SECOND}](http://example.org)\n".encode(),
            "markdown",
            f"Coastal line\n\n{FIRST}\n\n{SECOND}",
        ),
        ("story.html", ARTICLE_HTML.encode(), "html", None),
        ("story.html.gz", gzip.compress(ARTICLE_HTML.encode()), "html", None),
        ("story.gz", gzip.compress(ARTICLE_HTML.encode()), "html", None),
    ],
)
def test_single_document_formats(
    tmp_path: Path, name: str, data: bytes, fmt: str, body: str | None
) -> None:
    path = tmp_path / name
    path.write_bytes(data)

    doc = read_one(path)

    assert doc.format == fmt
    assert doc.source == str(path)
    assert doc.name == name.split(".")[0]
    if body is not None:
        assert doc.body == body
    else:
        assert FIRST in doc.body and SECOND in doc.body
        assert "Travel" not in doc.body
        assert doc.body.count("\n\n") >= 1
        assert doc.raw == ARTICLE_HTML
        assert doc.meta.title == "Coastal line to reopen"


def test_markdown_title_is_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"# Rail line reopens\n\n{FIRST}\n", encoding="utf-8")
    assert read_one(path).meta.title == "Rail line reopens"


def test_json_records_carry_their_fields(tmp_path: Path) -> None:
    records = [
        {
            "text": f"{FIRST}\n\n{SECOND}",
            "title": "Rail",
            "url": "http://example.org/a",
            "outlet": "Coast Courier",
            "published": "2024-03-02",
            "author": "A. Writer",
            "language": "en",
        },
        {"html": ARTICLE_HTML, "outlet": "Valley Post"},
    ]
    path = tmp_path / "batch.json"
    path.write_bytes(orjson.dumps(records))

    first, second = docs(list(read_inputs([str(path)])))

    assert (first.source, second.source) == (f"{path}#1", f"{path}#2")
    assert first.format == second.format == "json"
    assert first.body == f"{FIRST}\n\n{SECOND}"
    assert orjson.loads(first.raw) == records[0]
    meta = first.meta
    assert (meta.title, meta.url, meta.outlet, meta.published, meta.author, meta.language) == (
        "Rail",
        "http://example.org/a",
        "Coast Courier",
        "2024-03-02",
        "A. Writer",
        "en",
    )
    assert FIRST in second.body and "Travel" not in second.body
    assert second.meta.outlet == "Valley Post"
    assert second.meta.title == "Coastal line to reopen"


def test_jsonl_records_are_numbered_by_line(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    lines = [orjson.dumps({"text": FIRST}), b"", orjson.dumps({"text": SECOND, "title": "T"})]
    path.write_bytes(b"\n".join(lines) + b"\n")

    first, second = docs(list(read_inputs([str(path)])))

    assert (first.source, first.body) == (f"{path}#1", FIRST)
    assert (second.source, second.body, second.meta.title) == (f"{path}#3", SECOND, "T")
    assert second.raw == lines[2].decode()


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Coast Courier</title><link>http://example.org/</link><language>en</language>
<item><title>Line reopens</title><link>http://example.org/1</link>
<author>desk@example.org (Rail Desk)</author>
<pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate>
<content:encoded><![CDATA[<p>{FIRST}</p><p>{SECOND}</p>]]></content:encoded></item>
<item><title>Short item</title><link>http://example.org/2</link>
<description>&lt;p&gt;Buses &lt;b&gt;replace&lt;/b&gt; trains tonight.&lt;/p&gt;</description>
</item>
</channel></rss>""".encode()

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title>
<entry><title>Atom entry</title><link href="http://example.org/atom/1"/>
<updated>2024-03-05T08:00:00Z</updated><author><name>Jo Reporter</name></author>
<content type="text">{FIRST}</content></entry></feed>""".encode()


def test_rss_entries(tmp_path: Path) -> None:
    path = tmp_path / "courier.xml"
    path.write_bytes(RSS)

    first, second = docs(list(read_inputs([str(path)])))

    assert (first.source, second.source) == (f"{path}#1", f"{path}#2")
    assert first.format == "feed"
    assert FIRST in first.body and SECOND in first.body
    assert first.meta.title == "Line reopens"
    assert first.meta.url == "http://example.org/1"
    assert first.meta.outlet == "Coast Courier"
    assert first.meta.published == "2024-03-05T08:30:00+00:00"
    assert first.meta.author is not None and "Rail Desk" in first.meta.author
    assert second.body == "Buses replace trains tonight."


def test_atom_entry(tmp_path: Path) -> None:
    path = tmp_path / "valley.atom"
    path.write_bytes(ATOM)

    (doc,) = docs(list(read_inputs([str(path)])))

    assert doc.body == FIRST
    assert (doc.meta.outlet, doc.meta.author) == ("Valley Post", "Jo Reporter")
    assert doc.meta.published == "2024-03-05T08:00:00+00:00"
    assert doc.meta.url == "http://example.org/atom/1"


@pytest.mark.parametrize(("name", "gz"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses(tmp_path: Path, name: str, gz: bool) -> None:
    path = tmp_path / name
    path.write_bytes(warc_bytes(gz=gz))

    (doc,) = docs(list(read_inputs([str(path)])))

    assert doc.source == f"{path}#http://example.org/rail"
    assert doc.format == "warc"
    assert doc.meta.url == "http://example.org/rail"
    assert FIRST in doc.body and "Travel" not in doc.body
    assert doc.raw == ARTICLE_HTML
    assert doc.name == "crawl"


def test_directory_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ("b/z.txt", "b/a.txt", "c.txt", ".hidden.txt", ".git/x.txt", "a.txt"):
        (tmp_path / rel).write_text(f"{FIRST} ({rel})", encoding="utf-8")

    sources = [d.source for d in docs(list(read_inputs([str(tmp_path)])))]

    assert sources == [str(tmp_path / rel) for rel in ("a.txt", "b/a.txt", "b/z.txt", "c.txt")]


def test_glob_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for rel in ("one.txt", "two.txt", "three.md"):
        (tmp_path / rel).write_text(FIRST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    sources = [d.source for d in docs(list(read_inputs(["*.txt"])))]

    assert sources == ["one.txt", "two.txt"]


def test_stdin(tmp_path: Path) -> None:
    (doc,) = docs(list(read_inputs(["-"], stdin=io.BytesIO(ARTICLE_HTML.encode()))))
    assert (doc.source, doc.format, doc.name) == ("<stdin>", "html", "")
    assert FIRST in doc.body


def test_stdin_over_the_limit_stops_reading() -> None:
    stream = io.BytesIO(b"x" * 1000)

    (result,) = read_inputs(["-"], stdin=stream, max_bytes=100)

    assert isinstance(result, Rejection) and result.kind is RejectKind.TOO_LARGE
    assert stream.tell() == 101


def test_large_jsonl_is_read_lazily(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    with path.open("wb") as out:
        for i in range(100_000):
            out.write(orjson.dumps({"text": f"Item {i}: {FIRST}"}) + b"\n")
    assert path.stat().st_size > 15_000_000

    tracemalloc.start()
    try:
        first = list(itertools.islice(read_inputs([str(path)]), 3))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert [d.source for d in docs(first)] == [f"{path}#{n}" for n in (1, 2, 3)]
    assert peak < 2_000_000


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="<\ufeff")
    | st.sampled_from("\r\n\t "),
    min_size=1,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT)
def test_plain_text_round_trips(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    assume(text.strip())
    # Text that opens with a format's signature is, rightly, read as that format.
    assume(not text.lstrip(" \t\r\n").startswith(("WARC/", "GIF8", "BZh", "wOF")))
    path = tmp_path_factory.mktemp("roundtrip") / "note.txt"
    path.write_bytes(text.encode("utf-8"))

    doc = read_one(path)

    assert doc.raw == text
    assert doc.body == text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc\n", "a\nb\nc\n"),
        ("nul\x00 gone", "nul gone"),
        ("tab\tand é kept", "tab\tand é kept"),
    ],
)
def test_normalise_newlines(raw: str, expected: str) -> None:
    from newsrecon.pipeline.ingest.decode import normalise_newlines

    assert normalise_newlines(raw) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Rail Line Reopens After Storm Repairs\n\nThe line opened today.\n",
            "Rail Line Reopens After Storm Repairs",
        ),
        (
            "\n  Harbour fees rise as ferries return\n \n\nThe port said so.",
            "Harbour fees rise as ferries return",
        ),
        ("Crews inspect the damaged pier. Photo: Agency\n\nThe port reopened.", None),
        (
            "U.S. Port Reopens After Review by Dr. Olek\n\nThe port reopened.",
            "U.S. Port Reopens After Review by Dr. Olek",
        ),
        # a sentence, a short name line, a caption, a byline, a line the body runs on from
        ("The line reopened on Monday.\n\nMore text.", None),
        ("Maren Olek\n\nThe line reopened on Monday.", None),
        ("Crews work on the line in May 2024. Photo: Agency\n\nThe line reopened.", None),
        ("By Maren Olek and Ivo Tan\n\nThe line reopened.", None),
        ("Rail line reopens after storm\nThe line reopened on Monday.", None),
        ("Rail line reopens after storm\n", None),
        ("rail line reopens after storm\n\nThe line reopened.", None),
    ],
)
def test_plain_text_headline(tmp_path: Path, text: str, title: str | None) -> None:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_one(path)
    assert doc.meta.title == title
    assert doc.body == text  # the text itself is kept exactly


def test_plain_text_headline_leaves_the_clean_text(tmp_path: Path) -> None:
    """The headline becomes the title and the cleaner takes it out of the body, as it does
    for a headline an HTML page repeats, so no sentence runs the two together."""
    path = tmp_path / "story.txt"
    path.write_text(f"Rail Line Reopens After Storm Repairs\n\n{FIRST}\n\n{SECOND}\n", "utf-8")
    article = build_article(read_one(path), AnalysisParameters())
    assert isinstance(article, Article)
    assert article.title == "Rail Line Reopens After Storm Repairs"
    assert article.text.startswith(FIRST)
    assert [r.reason for r in article.removed] == ["title_repeat"]

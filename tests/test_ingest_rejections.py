"""Every kind of bad input becomes one Rejection naming the problem, and never an exception."""

from __future__ import annotations

import gzip
import io
import random
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsrecon.model import RawDocument, Rejection, RejectKind
from newsrecon.pipeline.ingest import read_inputs

PARAGRAPHS = [
    "The harbour authority confirmed on Tuesday that the northern breakwater will be rebuilt "
    "over the next three summers, after engineers found cracks along most of its length.",
    "Local fishing crews said the work would close the inner basin for several weeks each "
    "year, and asked the authority to publish a timetable before the season begins.",
    "A spokesperson for the authority said a public meeting would be held next month in the "
    "town hall, where residents could question the engineers directly.",
]
ARTICLE_HTML = (
    "<html><head><title>Breakwater to be rebuilt</title></head><body><article>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article></body></html>"
)
NAV_ONLY_HTML = (
    "<html><head><title>Site</title></head><body><nav><ul>"
    + "".join(f'<li><a href="/{s}">{s}</a></li>' for s in ("home", "news", "sport", "weather"))
    + "</ul></nav></body></html>"
)


def warc_bytes(pages: list[tuple[str, str]], *, gz: bool) -> bytes:
    """A WARC written by warcio itself, one HTML response per ``(url, html)``."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, html in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        payload = io.BytesIO(html.encode("utf-8"))
        writer.write_record(
            writer.create_warc_record(url, "response", payload=payload, http_headers=headers)
        )
    return out.getvalue()


def cut_in_half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def jsonl(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


GOOD_RECORD = orjson.dumps({"text": PARAGRAPHS[0], "title": "Record"}).decode()
THREE_PAGES = [(f"http://example.org/story/{i}", ARTICLE_HTML) for i in range(3)]
_RNG = random.Random(7)
RANDOM_HIGH_BYTES = bytes(_RNG.randrange(0x80, 0x100) for _ in range(600))
EMPTY_RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet Gazette</title>'
    b"<link>http://example.org/</link><description>nothing yet</description></channel></rss>"
)
_WORDS = " ".join(PARAGRAPHS).split()
# Varied records, so that half of the compressed stream holds roughly half of them.
BIG_JSONL = jsonl(
    *[
        orjson.dumps({"text": f"Record {i}: {' '.join(_RNG.choices(_WORDS, k=30))}"}).decode()
        for i in range(40)
    ]
)

# (case, files to write, inputs relative to tmp_path, max_bytes,
#  expected rejection source relative to tmp_path, kind, words the reason must contain,
#  number of documents still expected)
Case = tuple[str, dict[str, bytes], list[str], int, str, RejectKind, tuple[str, ...], int]
CASES: list[Case] = [
    ("empty file", {"a.txt": b""}, ["a.txt"], 10**6, "a.txt", RejectKind.EMPTY, ("empty",), 0),
    ("whitespace only", {"a.txt": b" \n\t\r\n "}, ["a.txt"], 10**6, "a.txt", RejectKind.EMPTY,
     ("whitespace",), 0),
    ("PNG bytes", {"photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)},
     ["photo.txt"], 10**6, "photo.txt", RejectKind.BINARY, ("binary", "PNG"), 0),
    ("PDF bytes", {"doc": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"}, ["doc"], 10**6, "doc",
     RejectKind.BINARY, ("PDF",), 0),
    ("NUL bytes", {"x.txt": b"some words\x00\x01\x02 more"}, ["x.txt"], 10**6, "x.txt",
     RejectKind.BINARY, ("NUL",), 0),
    ("undecodable bytes", {"noise.txt": RANDOM_HIGH_BYTES}, ["noise.txt"], 10**6, "noise.txt",
     RejectKind.UNDECODABLE, ("encoding",), 0),
    ("HTML with only navigation", {"nav.html": NAV_ONLY_HTML.encode()}, ["nav.html"], 10**6,
     "nav.html", RejectKind.NO_TEXT, ("no article text",), 0),
    ("RSS with no entries", {"quiet.rss": EMPTY_RSS}, ["quiet.rss"], 10**6, "quiet.rss",
     RejectKind.EMPTY_FEED, ("no entries",), 0),
    ("gzip cut in half", {"story.html.gz": cut_in_half(gzip.compress(ARTICLE_HTML.encode()))},
     ["story.html.gz"], 10**6, "story.html.gz", RejectKind.TRUNCATED, ("gzip", "truncated"), 0),
    ("gzipped JSONL cut in half", {"r.jsonl.gz": cut_in_half(gzip.compress(BIG_JSONL, 1))},
     ["r.jsonl.gz"], 10**6, "r.jsonl.gz", RejectKind.TRUNCATED, ("truncated", "records"), -1),
    ("WARC cut in half", {"crawl.warc": cut_in_half(warc_bytes(THREE_PAGES, gz=False))},
     ["crawl.warc"], 10**6, "crawl.warc", RejectKind.TRUNCATED, ("WARC", "truncated"), 1),
    ("WARC.gz cut in half", {"crawl.warc.gz": cut_in_half(warc_bytes(THREE_PAGES, gz=True))},
     ["crawl.warc.gz"], 10**6, "crawl.warc.gz", RejectKind.TRUNCATED, ("WARC", "truncated"), 1),
    ("file over max_bytes", {"long.txt": b"word " * 100}, ["long.txt"], 100, "long.txt",
     RejectKind.TOO_LARGE, ("500 bytes", "100-byte limit"), 0),
    ("gzip over max_bytes once unpacked", {"big.txt.gz": gzip.compress(b"word " * 10_000)},
     ["big.txt.gz"], 5_000, "big.txt.gz", RejectKind.TOO_LARGE, ("decompressed", "limit"), 0),
    ("malformed JSONL line amid good ones",
     {"feed.jsonl": jsonl(GOOD_RECORD, '{"text": "unterminated', GOOD_RECORD)}, ["feed.jsonl"],
     10**6, "feed.jsonl#2", RejectKind.MALFORMED, ("malformed JSON",), 2),
    ("JSONL record that is not an object", {"r.jsonl": jsonl(GOOD_RECORD, "[1, 2]")},
     ["r.jsonl"], 10**6, "r.jsonl#2", RejectKind.MALFORMED, ("list", "not an object"), 1),
    ("JSON record without text", {"r.json": b'[{"title": "only a title"}]'}, ["r.json"], 10**6,
     "r.json#1", RejectKind.MALFORMED, ("neither", "text"), 0),
    ("malformed JSON", {"r.json": b'{"text": "a", }'}, ["r.json"], 10**6, "r.json",
     RejectKind.MALFORMED, ("malformed JSON",), 0),
    ("missing path", {}, ["nowhere.txt"], 10**6, "nowhere.txt", RejectKind.MISSING,
     ("no such file",), 0),
    ("glob matching nothing", {}, ["*.nothing"], 10**6, "*.nothing", RejectKind.MISSING,
     ("pattern",), 0),
    ("xz-compressed file", {"a.txt.xz": b"\xfd7zXZ\x00\x00\x04\xe6\xd6\xb4F"}, ["a.txt.xz"],
     10**6, "a.txt.xz", RejectKind.UNSUPPORTED, ("xz",), 0),
    ("XML that is not a feed", {"map.xml": b'<?xml version="1.0"?><urlset><url/></urlset>'},
     ["map.xml"], 10**6, "map.xml", RejectKind.UNSUPPORTED, ("neither HTML nor",), 0),
    ("WARC response without article text",
     {"nav.warc": warc_bytes([("http://example.org/", NAV_ONLY_HTML)], gz=False)}, ["nav.warc"],
     10**6, "nav.warc#http://example.org/", RejectKind.NO_TEXT, ("no article text",), 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("files", "inputs", "max_bytes", "source", "kind", "words", "documents"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_bad_input_becomes_one_rejection_naming_the_problem(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, bytes],
    inputs: list[str],
    max_bytes: int,
    source: str,
    kind: RejectKind,
    words: tuple[str, ...],
    documents: int,
) -> None:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)

    results = list(read_inputs(inputs, max_bytes=max_bytes))

    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [(r.source, r.kind) for r in rejections] == [(source, kind)]
    reason = rejections[0].reason
    assert "\n" not in reason
    for word in words:
        assert word.lower() in reason.lower()
    docs = [r for r in results if isinstance(r, RawDocument)]
    if documents >= 0:
        assert len(docs) == documents
    else:  # a truncated stream: some records before the cut, none after it
        assert 0 < len(docs) < 40
    assert all(d.body.strip() for d in docs)


@pytest.mark.parametrize(
    ("name", "encode", "expected"),
    [
        ("latin-1 text without declaration",
         lambda: "Le café de la gare a rouvert à Genève après des travaux.".encode("latin-1"),
         "Le café de la gare a rouvert à Genève après des travaux."),
        ("cp1252 text with smart quotes",
         lambda: "The minister said “we will not resign” — it cost €5…".encode("cp1252"),
         "The minister said “we will not resign” — it cost €5…"),
        ("UTF-16 with a byte-order mark",
         lambda: "Plain words, naïve café.".encode("utf-16"), "Plain words, naïve café."),
        ("UTF-8 with a byte-order mark",
         lambda: "\ufeffPlain words, naïve café.".encode("utf-8"), "Plain words, naïve café."),
    ],
)  # fmt: skip
def test_legacy_encodings_are_decoded_not_rejected(
    tmp_path: Path, name: str, encode: Callable[[], bytes], expected: str
) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(encode())

    (doc,) = read_inputs([str(path)])

    assert isinstance(doc, RawDocument), doc
    assert doc.body == expected


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    # 0xA4 is the euro sign in ISO-8859-15 but a currency sign in windows-1252.
    body = "".join(f"<p>{p} The ticket costs 5\xa4 this year.</p>" for p in PARAGRAPHS)
    html = (
        '<html><head><meta charset="iso-8859-15"><title>Prices</title></head>'
        f"<body><article>{body}</article></body></html>"
    ).encode("latin-1")
    path = tmp_path / "prices.html"
    path.write_bytes(html)

    (doc,) = read_inputs([str(path)])

    assert isinstance(doc, RawDocument), doc
    assert "costs 5€ this year" in doc.body


def test_unreadable_inputs_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(PARAGRAPHS[0], encoding="utf-8")
    (tmp_path / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    (tmp_path / "good.html").write_text(ARTICLE_HTML, encoding="utf-8")
    inputs = [str(tmp_path / "missing.txt"), str(tmp_path / "bad.png"), str(tmp_path)]

    results = list(read_inputs(inputs))

    kinds = [r.kind if isinstance(r, Rejection) else r.format for r in results]
    # The directory is walked in name order: bad.png, good.html, good.txt.
    assert kinds == [RejectKind.MISSING, RejectKind.BINARY, RejectKind.BINARY, "html", "text"]

"""The command line end to end: exit codes, one-line errors, outputs that validate."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newsrecon.api.adhoc import may_name_story
from newsrecon.report.schema import json_schema
from tests.fixtures import BRIDGE, BRIDGE_2, ELECTION, FRENCH

CLI = [sys.executable, "-m", "newsrecon"]


def newsrecon(*args: str, cwd: Path | None = None, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    return subprocess.run(
        [*CLI, *args], capture_output=True, cwd=cwd, input=stdin, timeout=300, check=False
    )


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "larrow-courier.txt").write_text(BRIDGE, encoding="utf-8")
    (d / "coast-post.txt").write_text(BRIDGE_2, encoding="utf-8")
    (d / "qestria-daily.txt").write_text(ELECTION, encoding="utf-8")
    return d


# one row per kind of bad input: (file name, how to make it, rejection kind)
BAD_INPUTS = [
    ("empty.txt", lambda p: p.write_bytes(b""), "empty"),
    ("picture.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256))), "binary"),
    (
        "broken.txt.gz",
        lambda p: p.write_bytes(gzip.compress(ELECTION.encode() * 20)[:200]),
        "truncated",
    ),
    ("big.txt", lambda p: p.write_text(ELECTION * 200), "too_large"),
    ("french.txt", lambda p: p.write_text(FRENCH), "non_english"),
    ("zz-copy.txt", lambda p: p.write_text(BRIDGE), "duplicate"),
    (
        "nav.html",
        lambda p: p.write_text(
            "<html><body><nav><a href='/'>Home</a> <a href='/x'>Sport</a></nav></body></html>"
        ),
        "no_text",
    ),
    (
        "feed.xml",
        lambda p: p.write_text(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
        ),
        "empty_feed",
    ),
]


def test_bad_inputs_are_reported_one_line_each_and_the_batch_goes_on(
    corpus: Path, tmp_path: Path
) -> None:
    for name, make, _ in BAD_INPUTS:
        make(corpus / name)
    missing = tmp_path / "nowhere.txt"
    res = newsrecon(
        "analyze",
        str(corpus),
        str(missing),
        "--max-bytes",
        "20000",
        "-o",
        "-",
        "--format",
        "json",
    )
    assert res.returncode == 0, res.stderr.decode()
    doc = json.loads(res.stdout)
    jsonschema.validate(doc, json_schema())
    kinds = {Path(r["source"]).name: r["kind"] for r in doc["rejected"]}
    expected = {name: kind for name, _, kind in BAD_INPUTS} | {"nowhere.txt": "missing"}
    assert kinds == expected
    err_lines = [line for line in res.stderr.decode().splitlines() if line.strip()]
    for name in expected:
        assert sum(name in line for line in err_lines) == 1, (name, err_lines)
    analysed = {Path(a["source"]).name for s in doc["stories"] for a in s["articles"]}
    assert analysed == {"larrow-courier.txt", "coast-post.txt", "qestria-daily.txt"}


def test_exit_code_is_non_zero_only_when_nothing_could_be_analysed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    res = newsrecon("analyze", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"))
    assert res.returncode == 2
    err = res.stderr.decode()
    assert "empty.txt" in err and "missing.txt" in err
    assert "Traceback" not in err


def test_two_events_become_two_stories(corpus: Path) -> None:
    res = newsrecon("analyze", str(corpus), "--format", "json")
    assert res.returncode == 0, res.stderr.decode()
    stories = json.loads(res.stdout)["stories"]
    groups = sorted(sorted(Path(a["source"]).name for a in s["articles"]) for s in stories)
    assert groups == [["coast-post.txt", "larrow-courier.txt"], ["qestria-daily.txt"]]


def test_stdin_and_output_formats_from_extension(tmp_path: Path) -> None:
    for ext, marker in ((".html", b"<!DOCTYPE html"), (".md", b"# "), (".json", b'"stories"')):
        out = tmp_path / f"d{ext}"
        res = newsrecon("analyze", "-", "-o", str(out), stdin=BRIDGE.encode())
        assert res.returncode == 0, res.stderr.decode()
        assert marker in out.read_bytes()[:4000]


def test_ingest_is_idempotent_and_the_store_serves_stories_and_articles(
    corpus: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "store.db")
    first = newsrecon("ingest", str(corpus), "--db", db)
    assert first.returncode == 0, first.stderr.decode()
    assert "3 new articles" in first.stderr.decode()
    again = newsrecon("ingest", str(corpus), "--db", db)
    assert "0 new articles, 3 already stored" in again.stderr.decode()
    listed = newsrecon("stories", "--db", db, "--json")
    rows = [json.loads(line) for line in listed.stdout.decode().splitlines()]
    assert sorted(r["articles"] for r in rows) == [1, 2]
    shown = newsrecon("show", rows[0]["id"][:6], "--db", db, "--format", "md")
    assert shown.returncode == 0, shown.stderr.decode()
    assert rows[0]["title"].split()[0] in shown.stdout.decode()
    doc = json.loads(newsrecon("show", rows[0]["id"], "--db", db, "--format", "json").stdout)
    article_id = doc["stories"][0]["articles"][0]["id"]
    art = newsrecon("show", article_id, "--db", db, "--removed")
    assert art.returncode == 0 and "removed by cleaning" in art.stdout.decode()
    unknown = newsrecon("show", "zzzz", "--db", db)
    assert unknown.returncode == 1 and len(unknown.stderr.decode().strip().splitlines()) == 1


@pytest.mark.parametrize(
    "command", ["analyze", "ingest", "stories", "show", "search", "schema", "reuse", "quotes"]
)
def test_every_command_explains_itself_with_an_example(command: str) -> None:
    res = newsrecon(command, "--help")
    assert res.returncode == 0
    assert "Example:" in res.stdout.decode()


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["st1a2b3c"], True),
        (["in"], False),  # an existing folder is read as files
        (["*.txt"], False),
        (["st1a2b3c", "st4d5e6f"], False),
    ],
)
def test_a_story_id_is_one_item_that_is_neither_a_path_nor_a_glob(
    corpus: Path, items: list[str], expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus.parent)
    assert may_name_story(items) is expected


@pytest.mark.slow
def test_reuse_and_quotes_read_a_stored_story_like_its_files(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    assert newsrecon("ingest", str(corpus), "--db", db).returncode == 0
    listed = newsrecon("stories", "--db", db, "--json").stdout.splitlines()
    story = next(r["id"] for r in map(json.loads, listed) if r["articles"] == 2)
    files = [str(corpus / "larrow-courier.txt"), str(corpus / "coast-post.txt")]
    for command, key in (("reuse", "articles"), ("quotes", "quotes")):
        by_id = newsrecon(command, story, "--db", db, "--json")
        assert by_id.returncode == 0, by_id.stderr.decode()
        by_files = newsrecon(command, *files, "--json")
        assert by_files.returncode == 0, by_files.stderr.decode()
        found = sorted(json.loads(by_id.stdout)[key], key=json.dumps)
        assert found and found == sorted(json.loads(by_files.stdout)[key], key=json.dumps)

"""The demo inputs in examples/ stay readable by each reader and never point at a real site.

`make demo` and several feature tests read these files; a broken page or feed would show up
there as a confusing rejection, so the structure is checked here first.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import feedparser
import lxml.html
import pytest

from tests.conftest import EXAMPLES

FILES = sorted(p for p in EXAMPLES.iterdir() if p.is_file())
RESERVED_TLDS = ("example", "invalid", "test")
# Namespace names in XML are identifiers, not links to an outlet, so they are exempt.
XMLNS = re.compile(r"""\sxmlns(?::[\w-]+)?=(["'])[^"']*\1""")
URL_HOST = re.compile(r"https?://([^/\s\"'<>:?#]+)", re.IGNORECASE)
EMAIL_HOST = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


def _hosts(text: str) -> list[str]:
    text = XMLNS.sub("", text)
    return URL_HOST.findall(text) + EMAIL_HOST.findall(text)


def test_the_demo_has_one_file_per_reader() -> None:
    kinds = Counter(p.suffix for p in FILES)
    assert kinds == {".html": 2, ".txt": 2, ".xml": 1}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_is_utf8_and_links_only_reserved_domains(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")  # raises on any non-UTF-8 byte
    foreign = [h for h in _hosts(text) if h.lower().rsplit(".", 1)[-1] not in RESERVED_TLDS]
    assert foreign == []


@pytest.mark.parametrize("path", [p for p in FILES if p.suffix == ".html"], ids=lambda p: p.name)
def test_html_page_has_an_article_with_paragraphs(path: Path) -> None:
    tree = lxml.html.fromstring(path.read_bytes())
    articles = tree.xpath("//article")
    assert len(articles) == 1
    assert len(articles[0].xpath(".//p")) >= 5
    assert tree.xpath("//meta[@property='article:published_time']/@content")


def test_feed_has_the_story_and_the_unrelated_item() -> None:
    (path,) = [p for p in FILES if p.suffix == ".xml"]
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.title
    assert len(feed.entries) == 2
    for entry in feed.entries:
        assert entry.link and entry.published_parsed
        assert "<p>" in entry.content[0].value


@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        ('<a href="https://news.example/a">', ["news.example"]),
        ("mail desk@paper.test now", ["paper.test"]),
        ('<rss xmlns:dc="http://purl.org/dc/elements/1.1/">', []),
        ("see http://real-outlet.com/story", ["real-outlet.com"]),
    ],
)
def test_host_scan_finds_links_and_skips_namespaces(text: str, hosts: list[str]) -> None:
    assert _hosts(text) == hosts

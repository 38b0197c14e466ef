"""extract_html on pages written for these tests: boilerplate goes, the article stays."""

import json

import pytest

from newsrecon.pipeline.extract import declared_article_body, extract_html

ARTICLE = [
    "The harbour council of Eastmere voted on Tuesday to rebuild the old stone pier, "
    "ending a dispute that has divided the fishing town for almost a decade.",
    "Council leader Maria Okafor said the decision would protect about two hundred jobs "
    "and allow larger boats to land their catch in the town again.",
    "Opponents had argued that the money should go to flood defences instead, and several "
    "residents said they would ask the regional government to review the vote.",
    "Work on the pier is expected to begin next spring and to take about eighteen months, "
    "according to the council's published schedule.",
]


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>Pier vote</title>{head}</head><body>{body}</body></html>"


BOILERPLATE_PAGE = _page(
    """
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
  <button>Accept all cookies</button></div>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
  <h1>Eastmere votes to rebuild its pier</h1>
"""
    + "".join(f"  <p>{p}</p>\n" for p in ARTICLE)
    + """
</article></main>
<footer><p>Copyright Example Media. All rights reserved.</p>
  <a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
""",
    head='<meta property="og:title" content="Eastmere votes to rebuild its pier">',
)


def test_article_kept_boilerplate_dropped() -> None:
    result = extract_html(BOILERPLATE_PAGE, url="https://news.example.org/pier")
    paragraphs = result.text.split("\n\n")
    for paragraph in ARTICLE:
        assert paragraph in paragraphs
    for boilerplate in ("cookies", "Privacy policy", "Sport", "All rights reserved"):
        assert boilerplate not in result.text
    assert result.meta.title == "Eastmere votes to rebuild its pier"
    assert result.meta.url == "https://news.example.org/pier"


@pytest.mark.parametrize(
    "page",
    [
        _page("<nav><a href='/'>Home</a> <a href='/a'>About</a></nav><footer>Contact</footer>"),
        _page(""),
        "",
        "not html at all",
    ],
)
def test_page_without_article_gives_empty_text(page: str) -> None:
    assert extract_html(page).text == ""


def _ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (_ld({"@type": "NewsArticle", "articleBody": "Body &amp; text."}), "Body & text."),
        (_ld({"@graph": [{"@type": "WebPage"}, {"articleBody": "Nested body."}]}), "Nested body."),
        (_ld([{"articleBody": "short"}, {"articleBody": "the longer one"}]), "the longer one"),
        ('<script type="application/ld+json">{not json</script>', ""),
        ('<script>var articleBody = "code, not data";</script>', ""),
        ("", ""),
    ],
)
def test_declared_article_body(head: str, expected: str) -> None:
    assert declared_article_body(_page("<p>x</p>", head=head)) == expected


def test_declared_body_used_when_html_has_no_text() -> None:
    body = "First declared paragraph.\nSecond declared paragraph."
    page = _page("<div id='app'></div>", head=_ld({"@type": "NewsArticle", "articleBody": body}))
    assert extract_html(page).text == "First declared paragraph.\n\nSecond declared paragraph."

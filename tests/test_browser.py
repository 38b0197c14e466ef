"""The HTML dossier in a real browser: Debian's Chromium driven by Playwright (no download).

Checks that nothing leaves the page, that a conflict's Highlight marks both sides in every
article, that hostile article text stays text, and saves screenshots under out/screenshots/
for a reviewer to look at.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsrecon.report.html import render_html
from newsrecon.report.schema import Document
from tests.conftest import REPO
from tests.test_report_fixtures import PLAIN, hostile_document, quote_marks_document

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
SHOTS = REPO / "out" / "screenshots"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.skip("Debian chromium is not installed (make system installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def _open(browser, doc: Document, tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    page_file = tmp_path / f"{name}.html"
    page_file.write_text(render_html(doc), "utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []
    errors: list[str] = []
    dialogs: list[str] = []

    def route(r) -> None:  # type: ignore[no-untyped-def]
        url = r.request.url
        if url.startswith(("file:", "data:", "about:")):
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(page_file.as_uri())
    page.wait_for_load_state("load")
    return page, outside, errors, dialogs


def test_hostile_text_is_shown_never_run_and_conflicts_highlight(browser, tmp_path) -> None:
    doc = hostile_document()
    page, outside, errors, dialogs = _open(browser, doc, tmp_path, "hostile")
    text = page.inner_text("#story-1-article-1")
    for literal in (
        "<script>alert(1)</script>",
        "onerror=alert(1)",
        "javascript:alert(1)",
        "&amp;",
    ):
        assert literal in text
    assert page.evaluate("document.querySelectorAll('article script, article img').length") == 0
    assert page.evaluate("document.scripts.length") == 1  # ours only
    button = page.locator(".conflicts button[data-finding]").first
    assert button.is_visible()  # our script ran and revealed it
    button.click()
    active = page.locator("mark.is-active")
    in_articles = set(active.evaluate_all("ms => ms.map(m => m.closest('.article-card').id)"))
    assert in_articles == {"story-1-article-1", "story-1-article-2"}  # both sides
    assert button.get_attribute("aria-pressed") == "true"
    page.keyboard.press("Escape")
    assert page.locator("mark.is-active").count() == 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "hostile.png"), full_page=False)
    assert outside == [] and errors == [] and dialogs == []
    page.close()


def test_evidence_with_its_own_quotation_marks_gets_none_from_the_browser(
    browser, tmp_path
) -> None:
    page, outside, errors, dialogs = _open(browser, quote_marks_document(), tmp_path, "marks")
    quotes = page.eval_on_selector_all(
        "q.evidence", "qs => qs.map(q => [q.textContent, getComputedStyle(q).quotes])"
    )
    styles = dict(quotes)
    assert styles["“We will rebuild the pier,”"] == "none"
    assert styles[PLAIN] != "none"
    assert outside == [] and errors == [] and dialogs == []
    page.close()


@pytest.mark.corpus
@pytest.mark.parametrize("which", ["seed_document", "examples_document"])
def test_real_dossiers_render_offline_with_screenshots(browser, tmp_path, request, which) -> None:
    doc: Document = request.getfixturevalue(which)
    page, outside, errors, dialogs = _open(browser, doc, tmp_path, which)
    assert page.locator("h1").count() == 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = which.removesuffix("_document")
    page.screenshot(path=str(SHOTS / f"{name}-top.png"))
    for section in ("summary", "claims", "framing"):
        anchor = page.locator(f"section.{section}").first
        if anchor.count():
            anchor.scroll_into_view_if_needed()
            page.screenshot(path=str(SHOTS / f"{name}-{section}.png"))
    term = page.locator("button.term").first
    if term.count():
        term.click()
        assert page.locator("mark.is-active").count() >= 1
        page.locator(".reading").first.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"{name}-reading.png"))
    assert outside == [] and errors == [] and dialogs == []
    page.close()

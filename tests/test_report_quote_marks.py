"""Evidence that is a direct quote taken with its own quotation marks is not wrapped in a
second pair (““…””) by either rendering; other evidence still is."""

from __future__ import annotations

import lxml.html
import pytest

from newsrecon.report.html import render_html
from newsrecon.report.markdown import render_markdown
from newsrecon.report.sections import is_enclosed
from tests.test_report_fixtures import PLAIN, quote_marks_document


@pytest.mark.parametrize(
    ("text", "enclosed"),
    [
        ("“We will rebuild,”", True),
        ('"We will rebuild."', True),
        ("«Nous reconstruirons»", True),
        ("„Wir bauen wieder auf“", True),
        ("‘Not yet’.", True),
        ("  “Padded”  ", True),
        ("“Two,” he said, “quotes.”", True),  # its own marks still delimit it
        ("the mayor said", False),
        ("“An opening mark only", False),
        ("a closing mark only”", False),
        ("he called it “a disgrace”", False),
        ("“", False),
        ("", False),
    ],
)
def test_enclosed_means_opening_and_closing_marks(text: str, enclosed: bool) -> None:
    assert is_enclosed(text) is enclosed


def test_markdown_wraps_only_evidence_without_its_own_marks() -> None:
    markdown = render_markdown(quote_marks_document())
    assert "“We will rebuild the pier,” (Quoting, article 1, characters 0–27)" in markdown
    assert f"“{PLAIN}” (Paraphrasing" in markdown
    assert "““" not in markdown and "””" not in markdown


def test_html_marks_enclosed_evidence_so_the_browser_adds_no_marks() -> None:
    page = render_html(quote_marks_document())
    tree = lxml.html.document_fromstring(page)
    quotes = {q.text_content(): q.get("class", "").split() for q in tree.xpath("//q")}
    assert quotes["“We will rebuild the pier,”"] == ["evidence", "enclosed"]
    assert quotes[PLAIN] == ["evidence"]
    assert "q.evidence.enclosed { quotes: none; }" in page

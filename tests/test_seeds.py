"""The five seed reports, end to end. Every expectation is derived from the files with a
general pattern (a provenance line, a photo credit, a call to action), never a copied string."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest

from newsrecon.report.render import render
from newsrecon.report.schema import Document, json_schema

PROVENANCE = re.compile(r"^\s*Source\s*»\s*(?P<outlet>\S.*?)\s*$")
PHOTO_CREDIT = re.compile(r"\bPhoto:\s*\w+\s*$")
CALL_TO_ACTION = re.compile(r"^\s*(book a demo|get in touch)\s*$", re.IGNORECASE)


@pytest.fixture(scope="module")
def doc(seed_document: Document) -> Document:
    return seed_document


def _raw_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _article_for(doc: Document, path: Path):  # type: ignore[no-untyped-def]
    for story in doc.stories:
        for article in story.articles:
            if Path(article.source).name == path.name:
                return article
    raise AssertionError(f"{path.name} not analysed: {doc.rejected}")


def test_the_five_reports_are_one_story(doc: Document, seeds_dir: Path) -> None:
    assert doc.rejected == []
    assert len(doc.stories) == 1
    assert len(doc.stories[0].articles) == len(list(seeds_dir.glob("*.txt"))) == 5


def test_outlet_comes_from_the_text_or_falls_back_to_the_file_name(
    doc: Document, seeds_dir: Path
) -> None:
    bases = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        article = _article_for(doc, path)
        lines = _raw_lines(path)
        bases[path.name] = article.outlet_basis
        provenance = PROVENANCE.match(lines[-1])
        if provenance:
            assert (article.outlet, article.outlet_basis) == (
                provenance["outlet"],
                "provenance_line",
            )
        elif any(CALL_TO_ACTION.match(line) for line in lines):
            # A product page names itself in its trailing furniture.
            assert article.outlet_basis == "self_named"
            assert article.outlet != path.stem and article.outlet in path.read_text()
        else:
            assert (article.outlet, article.outlet_basis) == (path.stem, "file_name")
    assert sorted(bases.values()).count("file_name") == 3, bases


def test_caption_provenance_and_calls_to_action_are_gone_but_sentences_stay(
    doc: Document, seeds_dir: Path
) -> None:
    checked = 0
    for path in sorted(seeds_dir.glob("*.txt")):
        article = _article_for(doc, path)
        lines = _raw_lines(path)
        for i, line in enumerate(lines):
            junk = PHOTO_CREDIT.search(line) or PROVENANCE.match(line) or CALL_TO_ACTION.match(line)
            if not junk:
                continue
            checked += 1
            assert line.strip() not in article.text, (path.name, line)
            # the nearest real paragraph (a long line), looking outwards in both directions, remains
            by_distance = sorted(range(len(lines)), key=lambda j: (abs(j - i), j))
            neighbours = [
                lines[j]
                for j in by_distance
                if j != i and len(lines[j]) > 120 and not CALL_TO_ACTION.match(lines[j])
            ]
            assert neighbours, (path.name, line)
            assert neighbours[0].strip() in article.text, (path.name, neighbours[0][:60])
    assert checked >= 3  # a caption, a provenance line, calls to action


def test_seed_output_validates_against_the_published_schema(doc: Document) -> None:
    jsonschema.validate(doc.model_dump(mode="json"), json_schema())
    for fmt in ("md", "html"):
        assert render(doc, fmt)

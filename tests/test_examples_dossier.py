"""What `make demo` writes for examples/: a valid document with the event's five reports in one
story and the feed's unrelated product item kept apart."""

from __future__ import annotations

import jsonschema

from newsrecon.report.render import render
from newsrecon.report.schema import Document, json_schema


def test_demo_output_validates_against_the_published_schema(examples_document: Document) -> None:
    jsonschema.validate(examples_document.model_dump(mode="json"), json_schema())
    for fmt in ("md", "html"):
        assert render(examples_document, fmt)


def test_the_event_is_one_story_and_the_unrelated_item_stands_alone(
    examples_document: Document,
) -> None:
    sizes = sorted(len(s.articles) for s in examples_document.stories)
    assert sizes == [1, 5], sizes
    event = max(examples_document.stories, key=lambda s: len(s.articles))
    assert len({a.outlet for a in event.articles}) == 5
    assert examples_document.rejected == []

from __future__ import annotations

import json
from collections.abc import Callable

import jsonschema
import pytest

from newsrecon.errors import ConfigError
from newsrecon.report.render import format_for_path, render
from newsrecon.report.schema import Document, json_schema
from tests.test_report_fixtures import hostile_document, large_document


@pytest.mark.parametrize(
    ("path", "explicit", "expected"),
    [
        (None, None, "json"),
        ("-", None, "json"),
        ("-", "md", "md"),
        ("out.json", None, "json"),
        ("out.md", None, "md"),
        ("OUT.MARKDOWN", None, "md"),
        ("dir.v2/out.html", None, "html"),
        ("out.htm", None, "html"),
        ("out.json", "html", "html"),
        ("out.unknown", "json", "json"),
        (None, "Markdown", "md"),
        (None, " HTML ", "html"),
    ],
)
def test_format_for_path(path: str | None, explicit: str | None, expected: str) -> None:
    assert format_for_path(path, explicit) == expected


@pytest.mark.parametrize(
    ("path", "explicit", "match"),
    [
        ("out.txt", None, "cannot tell the output format of 'out.txt'"),
        ("out", None, "from its extension"),
        ("dir.html/out", None, "from its extension"),
        ("out.json", "pdf", "unknown output format 'pdf'"),
    ],
)
def test_format_for_path_refuses_what_it_cannot_tell(
    path: str | None, explicit: str | None, match: str
) -> None:
    with pytest.raises(ConfigError, match=match) as caught:
        format_for_path(path, explicit)
    assert "\n" not in str(caught.value)


def test_render_refuses_an_unknown_format() -> None:
    with pytest.raises(ConfigError, match="unknown output format"):
        render(hostile_document(), "pdf")  # type: ignore[arg-type]


@pytest.mark.parametrize("make", [hostile_document, large_document])
def test_json_validates_against_the_published_schema_and_round_trips(
    make: Callable[[], Document],
) -> None:
    doc = make()
    out = render(doc, "json")
    data = json.loads(out)
    jsonschema.Draft202012Validator(json_schema()).validate(data)
    assert Document.model_validate(data) == doc
    # Field order is the schema's, so diffs between runs stay small.
    assert list(data) == ["schema_version", "pipeline_version", "parameters", "stories", "rejected"]
    assert render(doc, "json") == out


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_every_format_renders_an_empty_document(fmt: str) -> None:
    doc = Document(pipeline_version="v", parameters={}, stories=[], rejected=[])
    out = render(doc, fmt)  # type: ignore[arg-type]
    assert out.endswith("\n")
    assert ("no stories" in out) or fmt == "json"

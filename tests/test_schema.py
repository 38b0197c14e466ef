import json

import jsonschema
import pytest

from newsrecon.report.schema import Document, json_schema


def _doc(span_text: str) -> dict:
    return {
        "pipeline_version": "x",
        "parameters": {},
        "rejected": [],
        "stories": [
            {
                "id": "s1",
                "title": "t",
                "overview": {
                    "article_count": 1,
                    "outlets": ["o"],
                    "first_published": None,
                    "last_published": None,
                },
                "articles": [
                    {
                        "id": "a1",
                        "source": "a.txt",
                        "outlet": "o",
                        "outlet_basis": "file_name",
                        "title": None,
                        "url": None,
                        "published": None,
                        "published_basis": None,
                        "language": "en",
                        "text": "Hello world",
                    }
                ],
                "summary": [
                    {
                        "rank": 1,
                        "kind": "summary",
                        "text": "world",
                        "evidence": {"article": "a1", "start": 6, "end": 11, "text": span_text},
                        "outlets": ["o"],
                        "support": [],
                        "basis": "b",
                    }
                ],
            }
        ],
    }


def test_schema_is_valid_json_schema_and_accepts_a_document() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(_doc("world"), schema)
    assert Document.model_validate(_doc("world")).schema_version == schema["title"].split()[-1]


def test_a_span_that_does_not_index_its_article_is_refused() -> None:
    with pytest.raises(ValueError, match="does not index"):
        Document.model_validate(_doc("World"))


def test_schema_round_trips_through_json() -> None:
    doc = Document.model_validate(_doc("world"))
    assert Document.model_validate(json.loads(doc.model_dump_json())) == doc

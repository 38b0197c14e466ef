"""The quotes story stage: every attribution of every article, then the same statements
grouped across outlets (``quotes``, ``statements``, ``conflicts``)."""

from __future__ import annotations

from newsrecon.model.quotes import Quote
from newsrecon.pipeline.analysis import Results, StoryInput
from newsrecon.pipeline.quotes.extract import extract_quotes
from newsrecon.pipeline.quotes.group import group_statements


def quotes_stage(story: StoryInput, results: Results) -> Results:
    entities = results.get("entities", ())
    quotes: list[Quote] = []
    for article in story.articles:
        doc = story.docs.get(article.id)
        if doc is None:
            continue
        quotes.extend(extract_quotes(doc, article, entities))
    texts = {a.id: a.text for a in story.articles}
    statements, conflicts = group_statements(quotes, texts)
    return {"quotes": tuple(quotes), "statements": statements, "conflicts": conflicts}

"""Turn the pipeline's dataclass records into the published pydantic :class:`Document`.

Findings are defined stage by stage, so their conversion is generic: any dataclass becomes a
dict of its fields, and every :class:`~newsrecon.model.Span` gains the ``text`` it indexes,
sliced from the article's clean text, so a reader of the JSON can check each piece of evidence
without the store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any, TypeAlias

from newsrecon.model import AnalysisParameters, Article, Dossier, Rejection, Span
from newsrecon.report.schema import (
    FINDING_FIELDS,
    ArticleOut,
    Document,
    DossierOut,
    RejectedOut,
    StoryOverview,
)
from newsrecon.report.schema_summary import HeadlineOut

JSONValue: TypeAlias = bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"] | None


def build_document(
    dossiers: Sequence[Dossier],
    rejected: Sequence[Rejection],
    parameters: AnalysisParameters,
    pipeline_version: str,
) -> Document:
    return Document(
        pipeline_version=pipeline_version,
        parameters=parameters.as_dict(),
        stories=[_dossier(d) for d in dossiers],
        rejected=[
            RejectedOut(source=r.source, kind=r.kind.value, reason=r.reason) for r in rejected
        ],
    )


def to_json_value(value: object, texts: Mapping[str, str]) -> JSONValue:
    """``value`` as plain JSON data; ``texts`` maps article id to clean text for the spans.

    Raises ``ValueError`` for a span outside its article (a bug upstream: evidence must always
    index the stored text) and ``TypeError`` for a value JSON cannot carry.
    """
    if isinstance(value, Span):
        return _span(value, texts)
    if isinstance(value, Enum):
        return to_json_value(value.value, texts)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_json_value(getattr(value, f.name), texts) for f in dataclasses.fields(value)
        }
    if isinstance(value, Mapping):
        return {str(k): to_json_value(v, texts) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json_value(v, texts) for v in value]
    if isinstance(value, set | frozenset):
        # Sets have no order; sort by a stable text form so the output is reproducible.
        return sorted((to_json_value(v, texts) for v in value), key=repr)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    raise TypeError(f"cannot publish a {type(value).__name__} in a dossier: {value!r:.80}")


def overview(
    articles: Sequence[Article], wire_groups: Sequence[Sequence[str]] = ()
) -> StoryOverview:
    """Counts and date range; the range covers only articles whose date parses as ISO 8601.

    Independent sources: outlets once the articles of one wire group are merged (an outlet's
    own articles count once too); unknown (None) when no wire groups were computed.
    """
    dated = [
        (key, a.published) for a in articles if a.published and (key := _date_key(a.published))
    ]
    dated.sort()
    return StoryOverview(
        article_count=len(articles),
        outlets=sorted({a.outlet for a in articles}),
        first_published=dated[0][1] if dated else None,
        last_published=dated[-1][1] if dated else None,
        independent_sources=independent_sources(articles, wire_groups) if wire_groups else None,
    )


def independent_sources(articles: Sequence[Article], wire_groups: Sequence[Sequence[str]]) -> int:
    """Connected components of articles joined by sharing a wire group or an outlet."""
    parent = {a.id: a.id for a in articles}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(x: str, y: str) -> None:
        if x in parent and y in parent:
            parent[root(x)] = root(y)

    by_outlet: dict[str, str] = {}
    for a in articles:
        join(a.id, by_outlet.setdefault(a.outlet, a.id))
    for group in wire_groups:
        for other in group[1:]:
            join(group[0], other)
    return len({root(a.id) for a in articles})


def _dossier(dossier: Dossier) -> DossierOut:
    texts = {a.id: a.text for a in dossier.articles}
    # Typed finding fields validate these dicts into their own models (schema_<area>.py).
    findings: dict[str, Any] = {
        name: [_finding(item, texts, name) for item in getattr(dossier, name)]
        for name in FINDING_FIELDS
    }
    headline = (
        HeadlineOut.model_validate(_finding(dossier.headline[0], texts, "headline"))
        if dossier.headline
        else None
    )
    return DossierOut(
        id=dossier.story.id,
        title=dossier.story.title,
        headline=headline,
        overview=overview(dossier.articles, dossier.wire_groups),
        articles=[_article(a) for a in dossier.articles],
        **findings,
    )


def _finding(item: object, texts: Mapping[str, str], name: str) -> dict[str, JSONValue]:
    value = to_json_value(item, texts)
    if not isinstance(value, dict):
        raise TypeError(f"a {name} finding must be a record, got {type(item).__name__}")
    return value


def _span(span: Span, texts: Mapping[str, str]) -> dict[str, JSONValue]:
    text = texts.get(span.article)
    if text is None:
        raise ValueError(
            f"span [{span.start}, {span.end}) names article {span.article}, "
            "which is not in the story"
        )
    return {
        "article": span.article,
        "start": span.start,
        "end": span.end,
        "text": span.text_in(text),
    }


def _article(a: Article) -> ArticleOut:
    return ArticleOut(
        id=a.id,
        source=a.source,
        outlet=a.outlet,
        outlet_basis=a.outlet_basis,
        title=a.title,
        url=a.url,
        published=a.published,
        published_basis=a.published_basis,
        language=a.language,
        text=a.text,
    )


def _date_key(published: str) -> dt.datetime | None:
    """A UTC instant to order by; a date alone counts as its midnight, a naive time as UTC."""
    try:
        moment = dt.datetime.fromisoformat(published.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)

"""``newsrecon verify``: is a claim supported, contradicted or not found in some articles
(files given on the command line, or a stored story)?"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsrecon.api.adhoc import in_memory
from newsrecon.api.runner import Runner
from newsrecon.errors import InputError
from newsrecon.model import AnalysisParameters, Article, Span
from newsrecon.pipeline import nlp
from newsrecon.pipeline.claims.check import findings, statement_facts, verdict
from newsrecon.pipeline.claims.facts import Fact, article_facts
from newsrecon.pipeline.embeddings import get_embedder
from newsrecon.store.base import Store


@dataclass(frozen=True, slots=True)
class Evidence:
    outlet: str
    span: Span
    text: str
    similarity: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Verification:
    claim: str
    verdict: str  # supported | contradicted | not found
    supporting: tuple[Evidence, ...]
    contradicting: tuple[Evidence, ...]
    supporting_outlets: tuple[str, ...] = ()
    contradicting_outlets: tuple[str, ...] = ()


def verify_articles(claim: str, articles: Sequence[Article], runner: Runner) -> Verification:
    if not claim.strip():
        raise InputError("claim", "the claim to verify is empty")
    docs = runner.docs(articles)
    facts: list[Fact] = []
    for article in articles:
        facts += [
            f
            for f in article_facts(
                article.id, article.outlet, docs[article.id], article.published_day
            )
            if not f.part
        ]
    claim_doc = next(nlp.parse([claim]))
    claims = statement_facts(claim_doc)
    found = findings(
        claims,
        get_embedder().embed([c.text for c in claims]),
        facts,
        get_embedder().embed([f.text for f in facts]),
    )
    texts = {a.id: a.text for a in articles}

    def evidence(side: bool) -> tuple[Evidence, ...]:
        best: dict[tuple[str, int], Evidence] = {}
        for f in sorted(found, key=lambda f: -f.similarity):
            if f.supports != side:
                continue
            span = Span(f.fact.article, f.fact.start, f.fact.end)
            key = (span.article, span.start)
            if key not in best:
                text = texts[span.article][span.start : span.end].strip()
                best[key] = Evidence(f.fact.outlet, span, text, round(f.similarity, 3), f.reasons)
        return tuple(best.values())

    supporting, contradicting = evidence(True), evidence(False)
    return Verification(
        claim,
        verdict(found),
        supporting,
        contradicting,
        tuple(sorted({e.outlet for e in supporting})),
        tuple(sorted({e.outlet for e in contradicting})),
    )


def verify_files(claim: str, inputs: Sequence[str], params: AnalysisParameters) -> Verification:
    with in_memory(inputs, params) as (runner, result):
        return verify_articles(claim, result.articles, runner)


def verify_story(
    claim: str, store: Store, story_id: str, params: AnalysisParameters
) -> Verification:
    story = store.get_story(story_id)
    articles = list(store.articles(story.article_ids))
    return verify_articles(claim, articles, Runner(store, params))


__all__ = ["Evidence", "Path", "Verification", "verify_files", "verify_story"]

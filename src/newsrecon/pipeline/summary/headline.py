"""The dossier's headline, from the article that carries most of what other outlets confirm.

A story is named when it opens, after its first article (the runner, the stream and Spark all
agree on that, so ids and titles are stable). That article may be the worst report of the
event: a machine translation, a teaser, a repost. By the time a dossier is written the claims
stage knows which article's content other outlets corroborate, so the heading is taken from
the article with the most corroborated claims; ties go to an article with a title of its own,
then to the earliest published, then to story order. The story's title is left as it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from newsrecon.model import Article, Span
from newsrecon.model.claims import ClaimStatus
from newsrecon.model.summary import Headline


def choose_headline(
    articles: Sequence[Article], docs: Mapping[str, Any], claims: Sequence[Any] = ()
) -> Headline | None:
    """The headline of a story of ``articles`` (``None`` for no articles)."""
    if not articles:
        return None
    corroborated: Counter[str] = Counter()
    for claim in claims:
        if claim.status == ClaimStatus.CORROBORATED:
            corroborated.update({span.article for span in claim.evidence})
    order = {a.id: n for n, a in enumerate(articles)}
    best = min(
        articles,
        key=lambda a: (
            -corroborated[a.id],
            not a.title,
            a.published is None,
            a.published or "",
            order[a.id],
        ),
    )
    count = corroborated[best.id]
    basis = (
        f"the article with the most claims other outlets corroborate: {count}"
        if count
        else "no claim is corroborated: an article with a title, else the earliest, else the first"
    )
    if best.title:
        return Headline(best.title, best.id, None, f"title of {basis}")
    lead = _first_sentence(best, docs.get(best.id))
    if lead is None:
        return None
    return Headline(lead.text_in(best.text), best.id, lead, f"first sentence of {basis}")


def _first_sentence(article: Article, doc: Any) -> Span | None:
    """The first sentence with a word in it, trimmed of surrounding whitespace."""
    sentences = doc.sents if doc is not None else ()
    for sent in sentences:
        text = sent.text
        if not any(c.isalpha() for c in text):
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        return Span(article.id, start, end)
    return None

"""The cited summary: five to eight sentences lifted from the articles, each citing the outlets
that carry what it says, then a short list of what is disputed.

With claims (the claims stage ran), a sentence states one claim: claims go most corroborated
first (independent sources, then outlets carrying them), and the claim is stated by its most
neutral evidence sentence; it cites exactly the outlets that carry the claim. Without claims,
sentences are ranked by how many other outlets have a similar sentence (TF-IDF cosine over
content lemmas), and cite those outlets, with the matching sentence as support. Every choice
is ordered by explicit keys down to article id and offset, so the output is deterministic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsrecon.model import Article, Span
from newsrecon.model.summary import SummarySentence
from newsrecon.pipeline.analysis import Results, StoryInput
from newsrecon.pipeline.framing.carriers import carriers, overlaps
from newsrecon.pipeline.framing.lexicon import lexicon
from newsrecon.pipeline.summary.headline import choose_headline
from newsrecon.pipeline.summary.sentences import Sentence, candidates, jaccard

MAX_SENTENCES, MIN_SENTENCES, MAX_DISPUTED = 8, 5, 4
# Cosine at which another outlet's sentence counts as saying the same, and above which a
# sentence repeats one already chosen: for MiniLM embeddings, and for the TF-IDF fallback.
SIMILAR, REDUNDANT = 0.65, 0.8
TFIDF_SIMILAR, TFIDF_REDUNDANT = 0.3, 0.5
LEMMA_REDUNDANT = 0.5  # lemma-set overlap above which a sentence repeats a claim's sentence


def summary_stage(story: StoryInput, results: Results) -> Results:
    claims = results.get("claims", ())
    headline = choose_headline(story.articles, story.docs, claims)
    return {
        "summary": tuple(
            summarise(story.articles, story.docs, claims, results.get("conflicts", ()))
        ),
        "headline": (headline,) if headline is not None else (),
    }


def summarise(
    articles: Sequence[Article],
    docs: Mapping[str, Any],
    claims: Sequence[Any] = (),
    conflicts: Sequence[Any] = (),
) -> list[SummarySentence]:
    sentences = candidates(articles, docs)
    if not sentences:
        return []
    outlet_of = {a.id: a.outlet for a in articles}
    chosen: list[tuple[Sentence, tuple[str, ...], tuple[Span, ...], str, str | None]] = []
    ranked_claims = sorted(
        (c for c in claims if _status(c) != "disputed" and c.evidence),
        key=lambda c: (
            _status(c) != "corroborated",
            -int(c.independent_sources),
            -len(_carriers(c, outlet_of)),
            c.id,
        ),
    )
    for claim in ranked_claims:
        if len(chosen) >= MAX_SENTENCES:
            break
        sentence = _stating(claim, sentences, chosen)
        if sentence is None:
            continue
        carriers = _carriers(claim, outlet_of)
        support = tuple(e for e in claim.evidence if outlet_of.get(e.article) in carriers)
        basis = f"claim {claim.id}: {_status(claim).replace('_', ' ')}, " + _sources(
            int(claim.independent_sources), len(carriers)
        )
        chosen.append((sentence, tuple(sorted(carriers)), support, basis, claim.id))
    if len(chosen) < MIN_SENTENCES:
        for sentence, cited, support, basis in _central(sentences, chosen):
            if len(chosen) >= MIN_SENTENCES + (MAX_SENTENCES - MIN_SENTENCES) * (not claims):
                break
            chosen.append((sentence, cited, support, basis, None))
    out = [
        SummarySentence(n, "summary", s.text, s.span, cited, support, basis, claim_id)
        for n, (s, cited, support, basis, claim_id) in enumerate(chosen, 1)
    ]
    disputed = _disputed(claims, conflicts, sentences, outlet_of)
    out += [
        SummarySentence(n, "disputed", s.text, s.span, cited, support, basis, claim_id)
        for n, (s, cited, support, basis, claim_id) in enumerate(disputed, 1)
    ]
    return out


def _sources(independent: int, outlets: int) -> str:
    """How many independent sources, and when more outlets carry the claim, why they count
    less: copies of one text count once."""
    said = f"{independent} independent source{'s' if independent != 1 else ''}"
    if outlets > independent:
        said += f" among {outlets} outlets (copies of one text count once)"
    return said


def _status(claim: Any) -> str:
    return str(getattr(claim.status, "value", claim.status))


def _carriers(claim: Any, outlet_of: Mapping[str, str]) -> set[str]:
    """Outlets whose articles state the claim: by stance when there is one, else the claim's
    outlets; always restricted to outlets with evidence, so each citation can be checked."""
    with_evidence = {outlet_of[e.article] for e in claim.evidence if e.article in outlet_of}
    return carriers(claim) & with_evidence


def _stating(
    claim: Any, sentences: Sequence[Sentence], chosen: Sequence[tuple[Sentence, Any, Any, Any, Any]]
) -> Sentence | None:
    options = [s for s in sentences if any(overlaps(s.span, e) for e in claim.evidence)]
    options = [s for s in options if not _repeats(s, chosen)]
    if not options:
        return None
    return min(options, key=lambda s: (*s.penalty(), s.order, s.span.article, s.span.start))


def _repeats(sentence: Sentence, chosen: Sequence[tuple[Sentence, Any, Any, Any, Any]]) -> bool:
    return any(
        c[0].span == sentence.span or jaccard(c[0].lemmas, sentence.lemmas) > LEMMA_REDUNDANT
        for c in chosen
    )


def _central(
    sentences: Sequence[Sentence], chosen: Sequence[tuple[Sentence, Any, Any, Any, Any]]
) -> list[tuple[Sentence, tuple[str, ...], tuple[Span, ...], str]]:
    """Sentences other outlets echo, best first, each with the outlets (and their sentences)
    that echo it; repeats of an earlier pick are skipped."""
    sims, method, similar, redundant = _similarity(sentences)
    ranked = []
    for i, s in enumerate(sentences):
        best: dict[str, int] = {}
        for j, other in enumerate(sentences):
            if other.outlet == s.outlet or sims[i, j] < similar:
                continue
            if other.outlet not in best or sims[i, j] > sims[i, best[other.outlet]]:
                best[other.outlet] = j
        cited = tuple(sorted({s.outlet, *best}))
        support = (s.span, *(sentences[j].span for _, j in sorted(best.items())))
        centrality = float(sum(sims[i, j] for j in best.values()))
        key = (-len(cited), *s.penalty(), s.order > 2, -round(centrality, 4), s.span)
        ranked.append((key, i, s, cited, support))
    ranked.sort(key=lambda r: r[0])
    out: list[tuple[Sentence, tuple[str, ...], tuple[Span, ...], str]] = []
    taken: list[int] = []
    for _, i, s, cited, support in ranked:
        if _repeats(s, chosen) or any(sims[i, j] > redundant for j in taken):
            continue
        basis = f"a similar sentence in {len(cited)} outlet(s) ({method} cosine ≥ {similar})"
        out.append((s, cited, support, basis))
        taken.append(i)
    return out


def _similarity(sentences: Sequence[Sentence]) -> tuple[np.ndarray, str, float, float]:
    """Cosine similarities of the sentences: MiniLM embeddings when the model is installed,
    else TF-IDF over content lemmas (with thresholds suited to each)."""
    try:
        from newsrecon.pipeline.embeddings import get_embedder

        vectors = get_embedder().embed([s.text for s in sentences])
        return np.asarray(vectors @ vectors.T), "MiniLM", SIMILAR, REDUNDANT
    except (ImportError, OSError, RuntimeError):
        pass
    texts = [" ".join(s.lemmas) for s in sentences]
    if not any(texts):
        return np.zeros((len(texts), len(texts))), "TF-IDF", TFIDF_SIMILAR, TFIDF_REDUNDANT
    vectorizer = TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True)  # noqa: S106
    matrix = vectorizer.fit_transform(texts)
    return np.asarray((matrix @ matrix.T).toarray()), "TF-IDF", TFIDF_SIMILAR, TFIDF_REDUNDANT


def _disputed(
    claims: Sequence[Any],
    conflicts: Sequence[Any],
    sentences: Sequence[Sentence],
    outlet_of: Mapping[str, str],
) -> list[tuple[Sentence, tuple[str, ...], tuple[Span, ...], str, str | None]]:
    out: list[tuple[Sentence, tuple[str, ...], tuple[Span, ...], str, str | None]] = []
    for claim in sorted(claims, key=lambda c: (-len(c.evidence), c.id)):
        if _status(claim) != "disputed" or not claim.evidence:
            continue
        sentence = _stating(claim, sentences, out)
        if sentence is None:
            continue
        outlets = tuple(
            sorted({outlet_of[e.article] for e in claim.evidence if e.article in outlet_of})
        )
        against = [
            s.outlet
            for s in getattr(claim, "stances", ())
            if str(getattr(s.stance, "value", s.stance)) == "contradicted"
        ]
        basis = f"claim {claim.id}: disputed" + (
            f" (contradicted by {', '.join(sorted(against))})" if against else ""
        )
        out.append((sentence, outlets, tuple(claim.evidence), basis, claim.id))
    for conflict in conflicts:
        if str(getattr(conflict.severity, "value", conflict.severity)) != "error":
            continue
        spans = tuple(e for side in conflict.sides for e in side.evidence)
        hosts = [s for s in sentences if spans and overlaps(s.span, spans[0])]
        if not hosts or _repeats(hosts[0], out):
            continue
        outlets = tuple(sorted({o for side in conflict.sides for o in side.outlets}))
        out.append(
            (hosts[0], outlets, spans, f"conflict {conflict.id}: {conflict.explanation}", None)
        )
    if not out:
        out = _denials(sentences)
    return out[:MAX_DISPUTED]


def _denials(
    sentences: Sequence[Sentence],
) -> list[tuple[Sentence, tuple[str, ...], tuple[Span, ...], str, str | None]]:
    """Without claims: sentences in which someone denies or dismisses something (a denial verb
    of the reporting-verb lexicon), most widely echoed first."""
    denial = {
        e.term for e in lexicon("reporting_verbs").entries if e.tags and e.tags[0] == "denial"
    }
    hits = [s for s in sentences if denial & set(s.lemmas)]
    out: list[tuple[Sentence, tuple[str, ...], tuple[Span, ...], str, str | None]] = []
    for s, cited, support, basis in _central(hits, []):
        out.append((s, cited, support, f"a denial; {basis}", None))
    return out

"""The same remark across outlets: quotes linked when their speakers are compatible and their
contents alike (words or meaning), grouped into :class:`Statement` records, with the findings
worth showing (a different speaker, quotation marks one outlet added, a changed number or
negation).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz
from unidecode import unidecode

from newsrecon.model.findings import Conflict, ConflictSide, Severity
from newsrecon.model.quotes import (
    Quote,
    QuoteKind,
    SpeakerKind,
    Statement,
    StatementVariant,
    VariantRelation,
)
from newsrecon.pipeline.quotes.similarity import (
    containment,
    lexical,
    negated,
    numbers,
    relation,
    words,
)

MIN_WORDS = 2
SEMANTIC_LINK = 0.72
LEXICAL_LINK = 0.75
CONTAIN_LINK = 0.9
SPEAKER_FREE_LINK = 0.85  # alike enough to be one remark whoever it is attributed to

Embed = Callable[[Sequence[str]], np.ndarray]


_EDGE = " \"“”‘’'«»,."


def content_text(quote: Quote, texts: Mapping[str, str]) -> str:
    """The quote's words without the marks and punctuation at its edges, except the closing
    mark of a quotation that opens inside it ("the report as “pure lies.”" keeps its end)."""
    text = texts[quote.article]
    parts = quote.content_parts or (quote.content,)
    opened = " ".join(text[p.start : p.end] for p in parts).lstrip(_EDGE)
    inner = opened.rstrip(_EDGE)
    if inner.count("“") > inner.count("”") or inner.count('"') % 2:
        return opened.rstrip()
    return inner


def _person_key(quote: Quote) -> str | None:
    """A comparable identity for a named speaker: entity id, else folded surname."""
    if quote.speaker_entity:
        return f"e:{quote.speaker_entity}"
    if quote.speaker_kind in {SpeakerKind.UNRESOLVED, SpeakerKind.UNKNOWN}:
        return None
    name = unidecode(quote.speaker).lower().split()
    return f"n:{name[-1]}" if name else None


def compatible_speakers(a: Quote, b: Quote) -> bool:
    """Same entity, or names that are spelling variants ("Qaani"/"Ghaani"), or one side with a
    speaker we could not name (nothing to contradict)."""
    if a.speaker_entity and a.speaker_entity == b.speaker_entity:
        return True
    ka, kb = _person_key(a), _person_key(b)
    if ka is None or kb is None:
        return True
    if ka == kb:
        return True
    na, nb = unidecode(a.speaker).lower(), unidecode(b.speaker).lower()
    # Surnames transliterated differently ("Qaani"/"Ghaani") stay the same speaker.
    same_name = fuzz.token_set_ratio(na, nb) >= 75
    return same_name or fuzz.ratio(na.split()[-1], nb.split()[-1]) >= 70


def _embed_default(texts: Sequence[str]) -> np.ndarray:
    from newsrecon.pipeline.embeddings import get_embedder

    return get_embedder().embed(texts)


def group_statements(
    quotes: Sequence[Quote], texts: Mapping[str, str], embed: Embed | None = _embed_default
) -> tuple[tuple[Statement, ...], tuple[Conflict, ...]]:
    """Statements reported by at least two articles, and the conflicts among their variants."""
    usable = [q for q in quotes if len(words(content_text(q, texts))) >= MIN_WORDS]
    if len({q.article for q in usable}) < 2:
        return (), ()
    contents = [content_text(q, texts) for q in usable]
    vectors = embed(contents) if embed is not None else None
    pairs: dict[tuple[int, int], float] = {}
    for i, a in enumerate(usable):
        for j in range(i + 1, len(usable)):
            b = usable[j]
            if a.article == b.article:
                continue
            sem = float(vectors[i] @ vectors[j]) if vectors is not None else 0.0
            score = _alike(contents[i], contents[j], sem)
            if score is None:
                continue
            if compatible_speakers(a, b) or (
                score >= SPEAKER_FREE_LINK
                and a.speaker_kind is b.speaker_kind is SpeakerKind.PERSON
            ):
                pairs[(i, j)] = score
    groups = _average_linkage(len(usable), pairs, [q.article for q in usable])
    statements: list[Statement] = []
    conflicts: list[Conflict] = []
    for members in groups:
        if len({usable[i].article for i in members}) < 2:
            continue
        st = _statement(
            [usable[i] for i in members],
            [contents[i] for i in members],
            vectors[members] if vectors is not None else None,
        )
        statements.append(st)
        conflicts += _conflicts(
            st,
            {usable[i].id: usable[i] for i in members},
            {usable[i].id: contents[i] for i in members},
        )
    statements.sort(key=lambda s: (-len(s.outlets), s.id))
    return tuple(statements), tuple(conflicts)


def _average_linkage(
    n: int, pairs: Mapping[tuple[int, int], float], articles: Sequence[str]
) -> list[list[int]]:
    """Merge the most alike quotes first; two groups join only if every cross pair is linked
    (average linkage over linked pairs, complete over links) and they share no article, so
    a chain of loosely similar remarks never becomes one statement."""
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for (i, j), _ in sorted(pairs.items(), key=lambda kv: -kv[1]):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        if {articles[x] for x in a} & {articles[y] for y in b}:
            continue
        cross = [pairs.get((min(x, y), max(x, y))) for x in a for y in b]
        if any(c is None for c in cross):
            continue
        members[gi] = a + b
        for y in b:
            group_of[y] = gi
        del members[gj]
    return [sorted(m) for m in members.values()]


def _alike(a: str, b: str, sem: float) -> float | None:
    lex = lexical(a, b)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    contain = containment(short, long) if len(words(short)) >= 3 else 0.0
    if sem >= SEMANTIC_LINK or lex >= LEXICAL_LINK or contain >= CONTAIN_LINK:
        return max(sem, lex, contain)
    return None


def _reference(
    members: list[Quote], contents: list[str], vectors: np.ndarray | None
) -> tuple[int, Callable[[int], float]]:
    """The wording the others are compared with: among direct quotes if there are any, the one
    closest to all the others (the wording most outlets share, not one outlet's version), then
    the longest; and its semantic similarity to each member."""
    n = len(members)
    sem = np.asarray(vectors @ vectors.T, dtype=float) if vectors is not None else np.zeros((n, n))
    closeness = [
        sum(max(float(sem[i, j]), lexical(contents[i], contents[j])) for j in range(n) if j != i)
        for i in range(n)
    ]
    ref_i = max(
        range(n),
        key=lambda i: (
            members[i].kind is QuoteKind.DIRECT,
            round(closeness[i], 6),
            len(words(contents[i])),
        ),
    )
    return ref_i, lambda i: float(sem[i, ref_i])


def _statement(members: list[Quote], contents: list[str], vectors: np.ndarray | None) -> Statement:
    ref_i, sem_to_ref = _reference(members, contents, vectors)
    ref = members[ref_i]
    variants = []
    for i, q in enumerate(members):
        sem = sem_to_ref(i)
        rel = (
            VariantRelation.VERBATIM if i == ref_i else relation(contents[i], contents[ref_i], sem)
        )
        sim = 1.0 if i == ref_i else max(sem, lexical(contents[i], contents[ref_i]))
        variants.append(
            StatementVariant(q.id, q.article, q.outlet, q.content, q.kind, rel, round(sim, 3))
        )
    named = [
        q for q in members if q.speaker_kind not in {SpeakerKind.UNRESOLVED, SpeakerKind.UNKNOWN}
    ]
    counts = Counter((q.speaker_entity, q.speaker, q.speaker_kind) for q in named or members)
    (entity, speaker, kind), _ = counts.most_common(1)[0]
    digest = hashlib.sha1(
        "|".join(sorted(q.id for q in members)).encode(), usedforsecurity=False
    ).hexdigest()
    return Statement(
        id="st" + digest[:10],
        speaker=speaker,
        speaker_entity=entity,
        speaker_kind=kind,
        text=contents[ref_i],
        reference=ref.id,
        variants=tuple(variants),
        outlets=tuple(sorted({q.outlet for q in members})),
        speakers=tuple(sorted({q.speaker for q in members})),
    )


def _conflict_id(statement: Statement, kind: str) -> str:
    return (
        "cq"
        + hashlib.sha1(f"{statement.id}:{kind}".encode(), usedforsecurity=False).hexdigest()[:10]
    )


def _side(value: str, quotes: Sequence[Quote]) -> ConflictSide:
    return ConflictSide(
        value=value,
        outlets=tuple(sorted({q.outlet for q in quotes})),
        evidence=tuple(q.content for q in quotes),
    )


def _outlier(sides: Sequence[ConflictSide]) -> str | None:
    lone = [s for s in sides if len(s.outlets) == 1]
    return lone[0].outlets[0] if len(lone) == 1 and len(sides) >= 2 else None


def _conflicts(
    st: Statement, by_id: Mapping[str, Quote], contents: Mapping[str, str]
) -> list[Conflict]:
    quotes = [by_id[v.quote] for v in st.variants]
    out: list[Conflict] = []
    # Speaker: named people/organisations that are not spelling variants of one another.
    people = [q for q in quotes if q.speaker_kind is SpeakerKind.PERSON]
    clusters: list[list[Quote]] = []
    for q in people:
        home = next((c for c in clusters if compatible_speakers(c[0], q)), None)
        if home is None:
            clusters.append([q])
        else:
            home.append(q)
    if len(clusters) > 1:
        sides = tuple(_side(c[0].speaker, c) for c in clusters)
        out.append(
            Conflict(
                id=_conflict_id(st, "speaker"),
                kind="speaker",
                severity=Severity.ERROR,
                explanation="outlets attribute this remark to different speakers: "
                + "; ".join(f"{s.value} ({', '.join(s.outlets)})" for s in sides),
                sides=sides,
                outlier=_outlier(sides),
                stage="quotes",
            )
        )
    # Quotation: some outlets quote directly what the others only paraphrase. A mixed quote
    # puts some of the words in quotation marks, so it is not "only paraphrase" either.
    direct = [q for q in quotes if q.kind is QuoteKind.DIRECT]
    para = [q for q in quotes if q.kind is QuoteKind.INDIRECT]
    direct_outlets = {q.outlet for q in direct}
    para_only = [q for q in para if q.outlet not in direct_outlets]
    if direct and para_only:
        sides = (_side("in quotation marks", direct), _side("paraphrased", para_only))
        out.append(
            Conflict(
                id=_conflict_id(st, "quotation"),
                kind="quotation",
                severity=Severity.INFO,
                explanation=f"{', '.join(sides[0].outlets)} quote this remark directly; "
                f"{', '.join(sides[1].outlets)} give it only as paraphrase",
                sides=sides,
                outlier=None,
                stage="quotes",
            )
        )
    # Content: a number or a negation changed between wordings that are otherwise alike.
    ref_text = contents[st.reference]
    ref_q = by_id[st.reference]
    for v in st.variants:
        if v.quote == st.reference:
            continue
        text = contents[v.quote]
        q = by_id[v.quote]
        ref_n, var_n = numbers(ref_text), numbers(text)
        changed = None
        if ref_n and var_n and not (ref_n & var_n):
            changed = ("number", ", ".join(sorted(ref_n)), ", ".join(sorted(var_n)))
        elif (
            negated(ref_text) != negated(text)
            and v.relation in {VariantRelation.REWORDED, VariantRelation.VERBATIM}
            and lexical(ref_text, text) >= 0.75
        ):
            changed = (
                "negation",
                "negated" if negated(ref_text) else "affirmative",
                "negated" if negated(text) else "affirmative",
            )
        if changed is None:
            continue
        sides = (_side(changed[1], [ref_q]), _side(changed[2], [q]))
        out.append(
            Conflict(
                id=_conflict_id(st, f"content:{v.quote}"),
                kind="content",
                severity=Severity.ERROR,
                explanation=f"the reported {changed[0]} differs between outlets' versions of "
                f"{st.speaker}'s remark",
                sides=sides,
                outlier=q.outlet if q.outlet != ref_q.outlet else None,
                stage="quotes",
            )
        )
    return out

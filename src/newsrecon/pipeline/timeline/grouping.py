"""Which mentions, across outlets, speak of the same event.

Two mentions are one event when their dates are compatible and their sentences say the same
thing: the cosine of their content lemmas weighted by TF-IDF over the story's sentences, so
that words every sentence shares (the story's protagonists) count little and the event's own
words ("letter", "publish") count much. Mentions in one sentence are different events. The
words the expression attaches to ("letter published") are a second, local signal: when two
mentions share them, that overlap counts even if the rest of their sentences differ.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsrecon.pipeline.timeline.mentions import Mention

SAME_EVENT = 0.3  # cosine of two sentences' lemma profiles from which they tell one event


def _identity(lemmas: Sequence[str]) -> Sequence[str]:
    return lemmas


def similarities(mentions: Sequence[Mention]) -> np.ndarray:
    """Pairwise sentence similarity of ``mentions`` (1 on the diagonal)."""
    n = len(mentions)
    if n == 0:
        return np.zeros((0, 0))
    if not any(m.lemmas for m in mentions):
        return np.eye(n)
    vectoriser = TfidfVectorizer(analyzer=_identity, lowercase=False)
    matrix = vectoriser.fit_transform([list(m.lemmas) for m in mentions])
    sims = np.asarray((matrix @ matrix.T).toarray())
    for i, a in enumerate(mentions):
        for j in range(i + 1, n):
            same = _event_overlap(a.event, mentions[j].event)
            if same > sims[i, j]:
                sims[i, j] = sims[j, i] = same
    np.fill_diagonal(sims, 1.0)
    return sims


def _event_overlap(a: Sequence[str], b: Sequence[str]) -> float:
    """Jaccard overlap of two event descriptions' lemmas; a one-word description ("said")
    says too little to identify an event, so it scores nothing."""
    if len(a) < 2 or len(b) < 2:
        return 0.0
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb)


def group(
    indices: Sequence[int],
    mentions: Sequence[Mention],
    sims: np.ndarray,
    compatible: Callable[[int, int], bool],
    threshold: float = SAME_EVENT,
) -> list[list[int]]:
    """Groups of ``indices``: most similar pairs first, a merge only when every member of one
    group is compatible with every member of the other (so no group holds two dates)."""
    owner = {i: i for i in indices}
    members = {i: [i] for i in indices}
    pairs = sorted(
        (
            (-float(sims[i, j]), i, j)
            for a, i in enumerate(indices)
            for j in indices[a + 1 :]
            if sims[i, j] >= threshold and not _same_sentence(mentions[i], mentions[j])
        ),
    )
    for _, i, j in pairs:
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        if all(compatible(x, y) for x in members[gi] for y in members[gj]):
            for x in members[gj]:
                owner[x] = gi
            members[gi] += members.pop(gj)
    return [sorted(g) for g in members.values()]


def _same_sentence(a: Mention, b: Mention) -> bool:
    return a.article == b.article and a.sent_start == b.sent_start

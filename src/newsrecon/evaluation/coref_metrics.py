"""Coreference scores: MUC (Vilain et al. 1995), B-cubed (Bagga & Baldwin 1998), CEAF-e (Luo
2005, entity similarity phi4) and their mean, the CoNLL F1 (Pradhan et al. 2012/2014).

Key and response are lists of clusters of hashable mention ids; the mention sets may differ
(predicted mentions), and mentions absent from the other side count as the reference scorer
counts them: as singletons for MUC partitions, as zero overlap for B-cubed and CEAF-e.
Singletons are kept (ECB+ and MEANTIME evaluations include them).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from newsrecon.evaluation.metrics import PRF, f1

Clusters = Sequence[Sequence[Hashable]]


@dataclass(frozen=True, slots=True)
class CorefScores:
    muc: PRF
    b3: PRF
    ceafe: PRF

    @property
    def conll(self) -> float:
        return (self.muc.f1 + self.b3.f1 + self.ceafe.f1) / 3


def _prf(p_num: float, p_den: float, r_num: float, r_den: float) -> PRF:
    precision = p_num / p_den if p_den else 0.0
    recall = r_num / r_den if r_den else 0.0
    return PRF(precision, recall, f1(precision, recall))


def _muc_side(key: Clusters, response: Clusters) -> tuple[int, int]:
    """Numerator and denominator of MUC recall of ``key`` against ``response``."""
    where = {m: i for i, cluster in enumerate(response) for m in cluster}
    num = den = 0
    for cluster in key:
        if not cluster:
            continue
        parts = set()
        alone = 0
        for m in cluster:
            if m in where:
                parts.add(where[m])
            else:
                alone += 1
        num += len(cluster) - (len(parts) + alone)
        den += len(cluster) - 1
    return num, den


def muc(key: Clusters, response: Clusters) -> PRF:
    r_num, r_den = _muc_side(key, response)
    p_num, p_den = _muc_side(response, key)
    return _prf(p_num, p_den, r_num, r_den)


def _b3_side(key: Clusters, response: Clusters) -> tuple[float, int]:
    where = {m: i for i, cluster in enumerate(response) for m in cluster}
    num = 0.0
    den = 0
    for cluster in key:
        counts: dict[int, int] = {}
        for m in cluster:
            if m in where:
                counts[where[m]] = counts.get(where[m], 0) + 1
        num += sum(c * c for c in counts.values()) / len(cluster) if cluster else 0.0
        den += len(cluster)
    return num, den


def b_cubed(key: Clusters, response: Clusters) -> PRF:
    r_num, r_den = _b3_side(key, response)
    p_num, p_den = _b3_side(response, key)
    return _prf(p_num, p_den, r_num, r_den)


def ceaf_e(key: Clusters, response: Clusters) -> PRF:
    """Entity-based CEAF: the best one-to-one alignment of clusters under phi4.

    Solved per connected group of overlapping clusters (clusters that share no mention have
    similarity 0 and never change the optimum), so a corpus-sized matrix is never built.
    """
    keys = [set(c) for c in key if c]
    resp = [set(c) for c in response if c]
    where: dict[Hashable, int] = {m: j for j, cluster in enumerate(resp) for m in cluster}
    parent = list(range(len(keys) + len(resp)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, cluster in enumerate(keys):
        for m in cluster:
            if m in where:
                parent[find(len(keys) + where[m])] = find(i)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(len(keys)):
        groups.setdefault(find(i), ([], []))[0].append(i)
    for j in range(len(resp)):
        groups.setdefault(find(len(keys) + j), ([], []))[1].append(j)
    total = 0.0
    for rows_of, cols_of in groups.values():
        if not rows_of or not cols_of:
            continue
        sim = np.zeros((len(rows_of), len(cols_of)))
        for a, i in enumerate(rows_of):
            for b, j in enumerate(cols_of):
                common = len(keys[i] & resp[j])
                if common:
                    sim[a, b] = 2 * common / (len(keys[i]) + len(resp[j]))
        rows, cols = linear_sum_assignment(sim, maximize=True)
        total += float(sim[rows, cols].sum())
    return _prf(total, len(resp), total, len(keys))


def score(key: Clusters, response: Clusters) -> CorefScores:
    return CorefScores(muc(key, response), b_cubed(key, response), ceaf_e(key, response))

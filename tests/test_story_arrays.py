"""The compact sparse rows story scoring multiplies give exactly the numbers full-width rows
over the whole hash space give (same terms added in the same order), so the speed-up cannot
change which story an article joins."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse  # type: ignore[import-untyped]

from newsrecon.pipeline.story_arrays import compact_rows, rows_in
from newsrecon.pipeline.story_signals import BUCKETS

# Rows of (sorted unique hash buckets, positive weights), as signals and summaries hold them.
ROW = st.lists(
    st.tuples(st.integers(0, BUCKETS - 1), st.floats(2.0**-9, 10.0, width=32)),
    max_size=12,
    unique_by=lambda pair: pair[0],
).map(lambda pairs: sorted(pairs))
ROWS = st.lists(ROW, min_size=1, max_size=6)


def _arrays(rows: list[list[tuple[int, float]]]) -> tuple[list, list]:
    cols = [np.array([c for c, _ in r], dtype=np.int32) for r in rows]
    vals = [np.array([v for _, v in r], dtype=np.float32) for r in rows]
    return cols, vals


def _full(cols: list, vals: list, dtype: type) -> sparse.csr_matrix:
    ptr = np.cumsum([0, *(len(c) for c in cols)])
    data = np.concatenate(vals).astype(dtype)
    return sparse.csr_matrix((data, np.concatenate(cols), ptr), shape=(len(cols), BUCKETS))


@settings(max_examples=60, deadline=None)
@given(ROWS, ROWS, st.sampled_from([np.float32, np.float64]))
def test_compact_products_equal_full_width_products(left, right, dtype) -> None:
    lcols, lvals = _arrays(left)
    rcols, rvals = _arrays(right)
    expected = (_full(lcols, lvals, dtype) @ _full(rcols, rvals, dtype).T).toarray()
    stories, vocabulary = compact_rows(rcols, rvals, dtype)
    assert np.all(np.diff(vocabulary) > 0)
    got = (rows_in(vocabulary, lcols, lvals, dtype) @ stories.T.tocsr()).toarray()
    assert got.dtype == expected.dtype
    assert np.array_equal(got, expected)
    square, _ = compact_rows(lcols, lvals, dtype)
    full = _full(lcols, lvals, dtype)
    assert np.array_equal((square @ square.T).toarray(), (full @ full.T).toarray())

"""How the local engine cuts a chunk of articles into a task for each worker."""

from __future__ import annotations

import pytest

from pipeline.engines.pool import pieces
from pipeline.reader import Article


def _chunk(lengths):
    return [Article(id=f"a{i}", source=f"a{i}.txt", text="x" * n) for i, n in enumerate(lengths)]


@pytest.mark.parametrize(
    "lengths, workers, expected",
    [
        ([5, 5, 5], 1, [[5, 5, 5]]),  # one worker: the chunk whole
        ([7], 2, [[7]]),  # one article: not cut
        ([5, 5], 2, [[5], [5]]),
        ([1, 1, 1, 1], 2, [[1, 1], [1, 1]]),
        ([10, 1, 1, 1], 2, [[10], [1, 1, 1]]),  # cut by length, not by count
        ([1, 1, 1, 10], 2, [[1, 1, 1], [10]]),
        ([3] * 15, 2, [[3] * 7, [3] * 8]),
        ([3] * 15, 3, [[3] * 5, [3] * 5, [3] * 5]),
        ([2, 2], 4, [[2], [2]]),  # never more pieces than articles
    ],
)
def test_a_chunk_is_cut_into_runs_of_about_equal_length(lengths, workers, expected):
    chunk = _chunk(lengths)
    cut = pieces(chunk, workers)
    assert [a for piece in cut for a in piece] == chunk  # every article once, in order
    assert [[len(a.text) for a in piece] for piece in cut] == expected

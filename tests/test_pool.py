"""How the local engine cuts a chunk of articles into a task for each worker, and how its pool stops."""

from __future__ import annotations

import pytest

from pipeline.engines.pool import TAIL_PIECES, pieces, tasks
from pipeline.reader import Article, Problem


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


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_the_last_chunk_of_a_run_is_cut_finer_so_the_workers_finish_together(workers):
    chunks = [_chunk([4] * 16), [Problem(source="bad.txt", reason="unreadable", level="error")], _chunk([4] * 16)]
    cut = list(tasks(iter(chunks), workers))
    assert [chunk for chunk, _ in cut] == chunks
    assert cut[1][1] is None  # a problem is no task
    assert len(cut[0][1]) == workers
    assert len(cut[2][1]) == (1 if workers == 1 else workers * TAIL_PIECES)
    assert [a for piece in cut[2][1] for a in piece] == chunks[2]


@pytest.mark.slow
def test_stopping_the_pool_ends_its_manager_thread_when_a_result_was_cut_short():
    # A worker killed while writing its result leaves half a message in the result pipe: the
    # executor's manager thread then waits in recv() for the rest. Stopping the pool must still end
    # that thread (Python's exit waits for it: a run would never end).
    import os
    import struct
    import time

    import spacy

    from pipeline.engines.pool import Pool

    pool = Pool(1, lambda: spacy.blank("en"), time_limit=None)
    executor = pool.executor
    manager = executor._executor_manager_thread
    time.sleep(1.0)  # the worker has started and sent its first result
    writer = executor._result_queue._writer
    os.write(writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)  # a header for 1000 bytes, 10 sent
    time.sleep(0.5)
    pool.stop()
    manager.join(10)
    assert not manager.is_alive()

"""The local engine: chunks of the input stream processed by worker processes, results in order.

``ordered_results(chunks, model, workers, ...)``: a chunk is a list of articles (-> a list of
``ArticleResult``, one each, in order) or a list of one reader ``Problem`` (-> itself).

The model is loaded once, in the runner's process, and the workers are forked from it: they start
at once, all together, with the loaded pipeline (its memory shared copy-on-write), and pay no
start-up of their own. A worker that dies (killed, out of memory, a crash) costs only the article
it was processing: the pool is forked again and the chunk redone article by article. A worker
still inside a segment ``hard_grace`` seconds after the segment's deadline (stuck in code that no
exception interrupts) is killed by a watchdog thread of the parent and its article fails as
having run past the time limit. The workers ignore SIGINT, SIGTERM and SIGHUP: the parent stops
them (``close``), so a signal to the whole process group cannot break the pool under a run that
is finishing the chunk in hand.

Forking is safe here because the parent forks before it starts any thread of its own (the
watchdog comes after the first fork; the CLI's progress bar runs no monitor thread) and spaCy's
CPU pipelines start no threads; only a restart after a worker's death forks beside the watchdog,
which holds no lock a worker uses.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Deque, Iterable, Iterator, List, Optional, Set, Tuple, Union

from .process import (
    TIME_LIMIT, ArticleResult, ArticleTimeout, hard_grace, prepare, process_chunk, set_announcer, warm_up, word_count,
)
from ..reader import Article, Item, Problem

if TYPE_CHECKING:
    from ..assemble import ModelKey

CRASHED = "worker process died while processing this article (killed, out of memory or a crash)"
WATCH_INTERVAL = 0.5

_WORKER_NLP = None
"""The pipeline, set in the parent just before it forks the workers, which inherit it."""
_WORKER_TIME_LIMIT: Optional[float] = TIME_LIMIT
_WORKER_SPOOL: Optional[str] = None
_WORKER_SLOT: Optional[int] = None
_WORKER_SLOTS = None
_WORKER_TASK: Tuple[int, int] = (0, 0)
PR_SET_PDEATHSIG = 1  # linux/prctl.h
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


START_UP_GC_THRESHOLD = 100_000


@contextmanager
def start_up_collections() -> Iterator[None]:
    """Start-up (importing spaCy, loading the model, the warm-up) makes a few hundred thousand
    long-lived objects and little garbage; the garbage collector, run every 700 new objects,
    walks them again and again (0.15 to 0.2 s of CPU, a tenth of the start-up). Inside this block
    it runs every START_UP_GC_THRESHOLD new objects; after it, as before."""
    threshold = gc.get_threshold()
    gc.set_threshold(START_UP_GC_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _announce(hard_end: float) -> None:
    """Tell the parent's watchdog until when this worker may run (0: not processing)."""
    slots, i = _WORKER_SLOTS, _WORKER_SLOT
    slots[4 * i + 1] = hard_end
    slots[4 * i + 2], slots[4 * i + 3] = _WORKER_TASK


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux): a forked worker holds the
    ends of its own task pipes and would otherwise wait for tasks forever."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the prctl
        os._exit(1)


def _worker_init(time_limit: Optional[float], spool_dir: Optional[str], slots, parent: int) -> None:
    """First thing in a forked worker: the stop signals ignored (the parent forked with them
    blocked, so that none reaches the parent's handlers copied into the worker), death with the
    parent arranged, its slot taken."""
    global _WORKER_TIME_LIMIT, _WORKER_SPOOL, _WORKER_SLOT, _WORKER_SLOTS
    _WORKER_TIME_LIMIT, _WORKER_SPOOL, _WORKER_SLOTS = time_limit, spool_dir, slots
    _die_with_parent(parent)
    for signum in STOP_SIGNALS:  # the parent's to handle
        signal.signal(signum, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    with slots.get_lock():
        for i in range(len(slots) // 4):
            if slots[4 * i] == 0:
                slots[4 * i] = os.getpid()
                _WORKER_SLOT = i
                break
    if _WORKER_SLOT is not None:
        set_announcer(_announce)


def _worker_ready() -> None:
    """A first task that makes the executor fork its workers at once."""


def _worker_process(task: int, articles: List[Article]) -> List[ArticleResult]:
    global _WORKER_TASK
    _WORKER_TASK = (task, 0 if len(articles) == 1 else -1)  # -1: somewhere in a chunk
    return process_chunk(_WORKER_NLP, articles, time_limit=_WORKER_TIME_LIMIT, spool_dir=_WORKER_SPOOL)


class Pool:
    """A fork-based process pool that survives the death of a worker.

    `concurrent.futures` (not `multiprocessing.Pool`, whose results never come when a worker
    dies) reports a dead worker as BrokenProcessPool; the pool is then started again and the
    chunk redone article by article, so that only the article that kills a worker is lost.
    """

    def __init__(self, workers: int, model: "ModelKey", time_limit: Optional[float] = TIME_LIMIT,
                 spool_dir: Optional[str] = None):
        from .. import load_pipeline

        self.workers, self.time_limit, self.spool_dir = workers, time_limit, spool_dir
        with start_up_collections():
            # `model`: what `load_pipeline` builds from, or a function returning a pipeline
            self.nlp = model() if callable(model) else load_pipeline(model)
            prepare(self.nlp)
            warm_up(self.nlp)
        self.ctx = multiprocessing.get_context("fork")
        self.executor: Optional[ProcessPoolExecutor] = None
        self.tasks = 0
        self.overran: Set[Tuple[int, int]] = set()
        """(task, article index or -1) whose worker the watchdog stopped."""
        self._watch_stop = threading.Event()
        self.start()
        self._watch = threading.Thread(target=self._watchdog, name="claimsift-watchdog", daemon=True)
        self._watch.start()

    def start(self) -> None:
        """Fork the workers, all at once (semaphores of a fork context are unlinked at once: no
        resource tracker process is needed)."""
        global _WORKER_NLP
        _WORKER_NLP = self.nlp
        # 4 doubles a worker: pid, hard end (monotonic), task, article index; the slots of a
        # replaced worker are taken again by the new ones (a pool is started anew after a death)
        self.slots = self.ctx.Array("d", 4 * self.workers)
        self.executor = ProcessPoolExecutor(
            self.workers, mp_context=self.ctx, initializer=_worker_init,
            initargs=(self.time_limit, self.spool_dir, self.slots, os.getpid()),
        )
        # The parent's objects (the pipeline's among them) frozen for the fork: the workers'
        # garbage collections leave them alone, and their memory pages shared.
        gc.freeze()
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            # a fork-context executor forks every worker at its first task (Python 3.10: one a task)
            for _ in range(self.workers):
                self.executor.submit(_worker_ready)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
            gc.unfreeze()

    def _watchdog(self) -> None:
        while not self._watch_stop.wait(WATCH_INTERVAL):
            slots = self.slots
            now = time.monotonic()
            for i in range(len(slots) // 4):
                pid, end = int(slots[4 * i]), slots[4 * i + 1]
                if pid and end and now > end:
                    self.overran.add((int(slots[4 * i + 2]), int(slots[4 * i + 3])))
                    slots[4 * i + 1] = 0
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass

    def restart(self) -> None:
        self.close(kill=True)
        self.start()

    def submit(self, chunk: List[Article]):
        self.tasks += 1
        future = self.executor.submit(_worker_process, self.tasks, chunk)
        future.claimsift_task = self.tasks
        return future

    def close(self, kill: bool = False) -> None:
        """Stop the pool; with `kill`, its workers at once (else after their current task)."""
        executor, self.executor = self.executor, None
        if executor is None:
            return
        # taken before `shutdown`, which drops the executor's references to them
        processes = list((getattr(executor, "_processes", None) or {}).values())
        results = getattr(executor, "_result_queue", None)
        manager = getattr(executor, "_executor_manager_thread", None)
        executor.shutdown(wait=False, cancel_futures=True)
        if kill:
            for process in processes:
                if process.is_alive():
                    process.kill()
            for process in processes:
                process.join(5)
            # A worker killed while writing its result leaves half a message in the result pipe,
            # and the executor's manager thread waits for the rest for ever (Python's exit then
            # waits for that thread: the run never ends). The parent's own copy of the pipe's
            # write end is all that keeps it open: closed, the thread reads end-of-file, takes
            # the pool for broken and winds it up. It must be closed before a new pool forks,
            # or the new workers would inherit it.
            writer = getattr(results, "_writer", None)
            if writer is not None:
                writer.close()
            # the manager thread closes its wake-up pipe as it winds up; Python's exit hook
            # writes to that pipe, and if the two race the user sees a traceback ("Bad file
            # descriptor") after the run's own message: let the thread finish first
            if manager is not None:
                manager.join(5)

    def stop(self) -> None:
        """End of the run: the watchdog and the workers stopped, none left behind."""
        self._watch_stop.set()
        self.close(kill=True)

    def overrun_error(self, task: int, index: int) -> Optional[str]:
        if (task, index) in self.overran:
            return (f"{ArticleTimeout.__name__}: took longer than {self.time_limit:g} s and was "
                    f"stopped {hard_grace(self.time_limit):g} s later; given up")
        return None

    def isolate(self, chunk: List[Article], task: int) -> List[ArticleResult]:
        """Each article of a chunk that broke the pool as a task of its own (an article the
        watchdog stopped in `task` is not run again)."""
        results = []
        for index, article in enumerate(chunk):
            known = self.overrun_error(task, index)
            if known is None:
                future = self.submit([article])
                try:
                    results.extend(future.result())
                    continue
                except BrokenProcessPool:
                    self.restart()
                    known = self.overrun_error(future.claimsift_task, 0)
            results.append(ArticleResult(
                source=article.source, article_id=article.id, words=word_count(article.text),
                error=known or CRASHED,
            ))
        return results


# With more than one worker, the pieces a worker the run's last chunk is cut into (`tasks`).
TAIL_PIECES = 4


def pieces(chunk: List[Article], n: int) -> List[List[Article]]:
    """`chunk` cut into at most `n` runs of consecutive articles of about equal length (in
    characters), each a task for a worker: with a piece of a chunk each, the workers share the
    chunks in flight, and the last chunk of a run keeps every worker busy instead of one."""
    if n <= 1 or len(chunk) <= 1:
        return [chunk]
    total = sum(len(a.text) for a in chunk)
    out: List[List[Article]] = [[]]
    done = 0
    for article in chunk:
        if out[-1] and len(out) < n and done + len(article.text) / 2 >= total * len(out) / n:
            out.append([])  # the article's middle is past this piece's share: the next piece's
        out[-1].append(article)
        done += len(article.text)
    return out


def tasks(chunks: Iterable[List[Item]], workers: int) -> Iterator[Tuple[List[Item], Optional[List[List[Article]]]]]:
    """Each chunk with the pieces its workers' tasks are (None for a problem). The run's last
    chunk is cut into smaller pieces (`TAIL_PIECES` a worker): the workers then finish within a
    small piece of each other instead of one waiting out the other's last piece. It reads one chunk
    ahead to know which chunk is the last."""
    chunks = iter(chunks)
    following = next(chunks, None)
    while following is not None:
        chunk, following = following, next(chunks, None)
        if isinstance(chunk[0], Problem):
            yield chunk, None
        else:
            yield chunk, pieces(chunk, workers if following is not None or workers <= 1 else workers * TAIL_PIECES)


def ordered_results(
    chunks: Iterator[List[Item]], model: "ModelKey", workers: int,
    *, time_limit: Optional[float] = TIME_LIMIT, spool_dir: Optional[str] = None,
) -> Iterator[List[Union[ArticleResult, Problem]]]:
    """Results of each chunk, in input order, from `workers` processes (a chunk of articles cut
    into a piece a worker, `pieces`); a bounded window of chunks in flight."""
    pool = Pool(workers, model, time_limit, spool_dir)
    try:
        pending: Deque[List] = deque()  # [chunk, None] for a problem, else [chunk, [[piece, future], ...]]
        window = workers * 2

        def resubmit(parts) -> None:  # they died with the pool: submitted again
            for part in parts:
                part[1] = pool.submit(part[0])

        def take():
            chunk, parts = pending.popleft()
            if parts is None:
                return chunk
            results: List[ArticleResult] = []
            for i, (piece, future) in enumerate(parts):
                try:
                    results.extend(future.result())
                except BrokenProcessPool:
                    pool.restart()
                    results.extend(pool.isolate(piece, future.claimsift_task))
                    resubmit(parts[i + 1:])
                    for entry in pending:
                        if entry[1] is not None:
                            resubmit(entry[1])
            return results

        for chunk, cut in tasks(chunks, workers):
            pending.append([chunk, None if cut is None else [[piece, pool.submit(piece)] for piece in cut]])
            while len(pending) > window:
                yield take()
        while pending:
            yield take()
    finally:
        pool.stop()

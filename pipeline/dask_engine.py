"""The Dask engine: the runner's chunks processed on a Dask distributed cluster.

``ordered_results(chunks, model, scheduler=None, n_workers=None)`` has the contract of
``pipeline.engines.pool.ordered_results``: chunks of the input stream in (a list of articles, or a
one-item list holding a reader ``Problem``), the result list of every chunk out, in input order;
problem chunks pass through unchanged. Everything else of a run (reading the inputs, resume, the
errors file, ordered writing) stays with the runner, in the client process, so a run on a cluster
writes the same bytes as a local run.

- The client reads the inputs; the article texts travel inside the tasks, so the workers need
  claimsift and the model installed, not the data.
- At most a bounded window of chunks is in flight (about twice the worker threads); the archive
  is never submitted at once, and a finished chunk's result is dropped as soon as it is written.
- Each worker process loads the model once (on its first task) and keeps it; tasks call
  ``process.process_chunk`` on it, which isolates every article's failure in its result.
- Tasks are pure (the same chunk gives the same result), so a task redone after its worker died
  is harmless: Dask reschedules the tasks of a lost worker on the others (a nanny restarts it).
  A chunk that keeps killing its workers (``KilledWorker``: out of memory, a crash) is redone one
  article at a time; an article that still kills its worker is reported as failed, like an article
  whose stage fails, and the run goes on.

Without a scheduler address a ``distributed.LocalCluster`` is started on the loopback interface
with ``n_workers`` single-threaded worker processes, and closed at the end.

dask is imported lazily: without the optional extra, ``DaskUnavailable`` (a ``RunError``, so the
CLI exits with status 2) says how to install it.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections import deque
from typing import TYPE_CHECKING, Any, Deque, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from .outputs import RunError
from .engines.pool import CRASHED
from .engines.process import TIME_LIMIT, ArticleResult, prepare, process_chunk, word_count
from .reader import Article, Item, Problem

if TYPE_CHECKING:
    from .assemble import ModelKey

INSTALL_HINT = "the dask engine needs the optional extra: pip install 'claimsift[dask]'"
CONNECT_TIMEOUT = "30s"
"""How long the client tries to reach a scheduler before giving up."""
ALLOWED_FAILURES = 5
"""Worker deaths a task may witness before Dask gives up on it (local cluster only; a running
scheduler keeps its own ``distributed.scheduler.allowed-failures``)."""
MAX_HANDSHAKE = 1 << 20
"""Bytes a Dask handshake may announce at most (a real one is about a hundred)."""
WORKERS_TIMEOUT = 300
"""Seconds to wait at the start of a run for a first worker to join the scheduler."""
MIN_WINDOW = 4

Result = Union[ArticleResult, Problem]


class DaskUnavailable(RunError, RuntimeError):
    """dask[distributed] is not installed (or cannot be imported)."""


class SchedulerUnreachable(RunError):
    """The scheduler address given cannot be reached."""


class ClusterLost(RunError):
    """The connection to the scheduler broke during the run (what was written is kept)."""


def require_dask():
    """Import and return ``distributed``, or raise DaskUnavailable with the install hint."""
    try:
        import distributed  # noqa: F401
    except ImportError as error:
        raise DaskUnavailable(f"{INSTALL_HINT} ({error})") from None
    return distributed


# ---------------------------------------------------------------------------------------------
# Worker side: one model per worker process, loaded on first use


_MODELS: Dict[Optional[str], Any] = {}
_MODELS_LOCK = threading.Lock()
_NLP_LOCKS: Dict[Optional[str], threading.Lock] = {}


def worker_pipeline(model: "ModelKey") -> Tuple[Any, threading.Lock]:
    """The worker's pipeline for `model` (loaded once per process) and the lock guarding it.

    `model`: what `load_pipeline` builds from, or a picklable function returning a pipeline."""
    with _MODELS_LOCK:
        nlp = _MODELS.get(model)
        if nlp is None:
            from . import load_pipeline

            nlp = model() if callable(model) else load_pipeline(model)
            prepare(nlp)
            _MODELS[model] = nlp
            _NLP_LOCKS[model] = threading.Lock()
        return nlp, _NLP_LOCKS[model]


def warm(model: "ModelKey" = None) -> int:
    """Load the model in this worker now (e.g. through ``client.run``); returns the process id."""
    worker_pipeline(model)
    return os.getpid()


def process_articles(
    model: "ModelKey", articles: List[Article], time_limit: Optional[float] = TIME_LIMIT
) -> List[ArticleResult]:
    """The task: `process.process_chunk` on the worker's model. Pure: same chunk, same result.

    The time limit holds in the worker's task thread too (an asynchronous exception, checked
    again after every stage; a worker stuck past it where no exception gets through ends itself
    and its nanny starts a new one)."""
    nlp, lock = worker_pipeline(model)
    # A pipeline and its memory zones are not safe to share between threads: a worker started
    # with several threads processes one chunk at a time (start workers with --nthreads 1).
    with lock:
        return process_chunk(nlp, articles, time_limit=time_limit)


# ---------------------------------------------------------------------------------------------
# Client side


def start_local_cluster(n_workers: int, **kwargs):
    """A LocalCluster for claimsift: `n_workers` single-threaded worker processes, everything on
    127.0.0.1 (no dashboard; the scheduler's HTTP endpoint on a free loopback port)."""
    distributed = require_dask()
    options = dict(
        n_workers=n_workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={
            "allowed_failures": ALLOWED_FAILURES, "dashboard": False, "dashboard_address": "127.0.0.1:0",
        },
    )
    options.update(kwargs)
    return distributed.LocalCluster(**options)


def ordered_results(
    chunks: Iterable[List[Item]],
    model: "ModelKey" = None,
    scheduler: Optional[str] = None,
    n_workers: Optional[int] = None,
    *,
    window: Optional[int] = None,
    time_limit: Optional[float] = TIME_LIMIT,
) -> Iterator[List[Result]]:
    """Results of each chunk in input order, computed on a Dask cluster.

    `scheduler`: a scheduler address (``tcp://HOST:PORT``); without it a LocalCluster of
    `n_workers` processes (default: one per core) is started on 127.0.0.1 for this run.
    `window`: chunks in flight at most (default: twice the cluster's threads plus two).
    """
    distributed = require_dask()
    cluster = None
    client = None
    pending: Deque[Tuple[List[Item], Any]] = deque()
    try:
        if scheduler:
            check_scheduler(scheduler)
            try:
                client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
            except (OSError, TimeoutError) as error:
                raise SchedulerUnreachable(
                    f"cannot reach the Dask scheduler at {scheduler}: {error}"
                ) from None
            try:
                client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
            except TimeoutError:
                raise SchedulerUnreachable(
                    f"no Dask worker joined the scheduler at {scheduler} within {WORKERS_TIMEOUT} s "
                    f"(start some with: dask worker {scheduler} --nthreads 1)"
                ) from None
        else:
            cluster = start_local_cluster(n_workers or os.cpu_count() or 1)
            client = distributed.Client(cluster, set_as_default=False)
        run = f"claimsift-{uuid.uuid4().hex[:12]}"
        size = window if window else None
        for index, chunk in enumerate(chunks):
            if isinstance(chunk[0], Problem):
                pending.append((chunk, None))
            else:
                future = client.submit(process_articles, model, chunk, time_limit, key=f"{run}-{index}", retries=0)
                pending.append((chunk, future))
            if size is None or index % 16 == 0:
                size = window or _window(client)
            while len(pending) > size:
                yield _resolve(client, model, time_limit, pending.popleft())
        while pending:
            yield _resolve(client, model, time_limit, pending.popleft())
    finally:
        for _, future in pending:
            if future is not None:
                future.release()
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


def _seconds(timeout: str) -> float:
    from dask.utils import parse_timedelta

    return float(parse_timedelta(timeout))


def check_scheduler(address: str) -> None:
    """Make sure `address` is a Dask scheduler, within CONNECT_TIMEOUT, before a client is made
    (a client to something else hangs, or fails where it cannot be stopped cleanly).

    For tcp:// the first bytes the server sends must be the length of a Dask handshake (a
    server sending anything else, e.g. a megabyte-sized length, is not read further); then the
    scheduler must answer an ``identity`` request saying it is a scheduler."""
    import asyncio
    import socket

    timeout = _seconds(CONNECT_TIMEOUT)

    def refuse(reason: str) -> SchedulerUnreachable:
        return SchedulerUnreachable(f"cannot reach the Dask scheduler at {address}: {reason}")

    if address.startswith("tcp://") or "://" not in address:
        host, _, port = address.split("://")[-1].rpartition(":")
        try:
            with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout) as sock:
                head = b""
                while len(head) < 8:
                    more = sock.recv(8 - len(head))
                    if not more:
                        raise refuse("the server closed the connection; it is not a Dask scheduler")
                    head += more
        except ValueError:
            raise refuse("not an address of the form tcp://HOST:PORT") from None
        except socket.timeout:
            raise refuse(f"the server sent nothing within {timeout:g} s; it is not a Dask scheduler") from None
        except OSError as error:
            raise refuse(error.strerror or str(error)) from None
        if not 0 < int.from_bytes(head, "little") < MAX_HANDSHAKE:
            raise refuse("the server does not speak the Dask protocol (it is not a Dask scheduler)")

    async def identity():
        from distributed.comm import connect

        comm = await asyncio.wait_for(connect(address, timeout=timeout), timeout)
        try:
            await asyncio.wait_for(comm.write({"op": "identity", "reply": True}), timeout)
            return await asyncio.wait_for(comm.read(), timeout)
        finally:
            comm.abort()

    try:
        reply = asyncio.run(identity())
    except (asyncio.TimeoutError, TimeoutError):
        raise refuse(f"no answer within {timeout:g} s") from None
    except Exception as error:  # noqa: BLE001 - anything a foreign server makes the comm layer raise
        raise refuse(f"it does not answer like a Dask scheduler ({type(error).__name__}: {error})") from None
    if not (isinstance(reply, dict) and reply.get("type") == "Scheduler"):
        raise refuse("the server answered, but it is not a Dask scheduler")


def _window(client) -> int:
    try:
        threads = sum(client.nthreads().values())
    except Exception:  # noqa: BLE001 - a sizing hint only
        threads = 0
    return max(MIN_WINDOW, 2 * threads + 2)


def _result(future):
    """A task's result; a broken cluster becomes ClusterLost, a task's own error propagates."""
    from concurrent.futures import CancelledError

    from distributed.comm.core import CommClosedError

    try:
        return future.result()
    except (CommClosedError, CancelledError) as error:
        raise ClusterLost(
            f"lost the Dask cluster during the run ({type(error).__name__}: {error}); the records "
            "written so far are kept: run the same command with --resume to finish"
        ) from None


def _resolve(client, model: "ModelKey", time_limit: Optional[float], entry: Tuple[List[Item], Any]) -> List[Result]:
    chunk, future = entry
    if future is None:
        return chunk
    from distributed import KilledWorker

    try:
        return _result(future)
    except KilledWorker:
        pass
    finally:
        future.release()
    # The chunk kept killing its workers: redo it one article at a time, so that only an article
    # that kills its worker on its own is lost (reported like a failing stage).
    singles = [
        client.submit(process_articles, model, [article], time_limit, key=f"{future.key}-{i}", retries=0)
        for i, article in enumerate(chunk)
    ]
    results: List[Result] = []
    try:
        for article, single in zip(chunk, singles):
            try:
                results.extend(_result(single))
            except KilledWorker:
                results.append(
                    ArticleResult(
                        source=article.source,
                        article_id=article.id,
                        words=word_count(article.text),
                        error=CRASHED,
                    )
                )
    finally:
        for single in singles:
            single.release()
    return results

"""Batch runs: inputs in, JSONL records out, in input order, one article at a time.

The runner owns the run: it reads the inputs, hands chunks of articles to an engine (worker
processes on this machine, ``pipeline.engines.pool``, or a Dask cluster, ``pipeline.dask_engine``) and
writes their results in input order through ``pipeline.outputs`` (the files of a run, the lock,
resume). The stages know nothing of files or processes; processing one article or one chunk is
``pipeline.engines.process``. Every article is isolated: one that cannot be read, that makes a stage
fail or that runs past the time limit is reported (summary and ``OUT.errors.jsonl``), never
written in part, and the run goes on.

Exit statuses (``Summary.exit_code``, used by the CLI): 0 every article processed, 1 some
failed (after all the others were processed) or the output could not be written during the run
(``OutputError``), 2 usage errors (``RunError``), 128 + the signal number when stopped by SIGINT,
SIGTERM or SIGHUP (``RunInterrupted``).
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Union

from .outputs import (  # noqa: F401  (the names a run's users know from the runner)
    COUNTERS,
    PROGRESS_FORMAT,
    Outputs,
    OutputError,
    RunError,
    check_output,
    errors_path,
    progress_path,
    read_progress,
)
from .engines.pool import CRASHED, STOP_SIGNALS, start_up_collections  # noqa: F401
from .engines.process import (  # noqa: F401
    CHUNK_LIMIT_FACTOR,
    MAX_ARTICLE_CHARS,
    SEGMENT_CHARS,
    TIME_LIMIT,
    ArticleResult,
    ArticleTimeout,
    StageError,
    prepare,
    process_article,
    process_chunk,
    segments,
)
from .reader import Article, Item, Problem, iter_inputs

CHUNK_ARTICLES = 16
CHUNK_CHARS = 50_000


class RunInterrupted(KeyboardInterrupt):
    """The run was stopped by a signal (SIGINT, SIGTERM, SIGHUP); what was written is consistent."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@dataclass
class Summary:
    """Counts of a run (for a resumed run: of the whole run, both parts).

    `articles` counts every article tried, including those that could not be read; `failed`
    those lost (an ``error`` problem each).
    """

    articles: int = 0
    failed: int = 0
    quotes: int = 0
    figures: int = 0
    warnings: int = 0
    skipped: int = 0
    words: int = 0
    seconds: float = 0.0
    resumed_from: int = 0
    """Input items done by the interrupted run(s) before this one."""
    words_before: int = 0
    """Words of the articles done before this invocation (not in its words/s)."""
    already_finished: bool = False
    problems: List[Dict] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def counts(self) -> Dict[str, int]:
        return {name: getattr(self, name) for name in COUNTERS}

    def line(self) -> str:
        done_now = self.words - self.words_before
        wps = done_now / self.seconds if self.seconds > 0 else 0.0
        counts = [f"{self.articles} articles", f"{self.quotes} quotes", f"{self.figures} figures"]
        return self._line(counts, f"{self.seconds:.1f} s ({wps:,.0f} words/s)")

    def _line(self, counts: List[str], time: str) -> str:
        """The summary line: `counts`, the failed, the warnings and skipped when any, `time`."""
        parts = counts + [f"{self.failed} failed"]
        if self.warnings:
            parts.append(f"{self.warnings} warnings")
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        parts.append(time)
        return ", ".join(parts)




# ---------------------------------------------------------------------------------------------
# Ordering




def _chunks(items: Iterable[Item]) -> Iterator[List[Item]]:
    """Group the input stream: a run of articles up to the size limits, or one problem.

    The boundaries depend only on the stream, so a resumed run sees the same chunks.
    """
    batch: List[Item] = []
    chars = 0
    for item in items:
        if isinstance(item, Problem):
            if batch:
                yield batch
                batch, chars = [], 0
            yield [item]
            continue
        batch.append(item)
        chars += len(item.text)
        if len(batch) >= CHUNK_ARTICLES or chars >= CHUNK_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch




def _in_process(chunks: Iterable[List[Item]], nlp, time_limit: Optional[float], spool_dir: Optional[str]):
    for chunk in chunks:
        if isinstance(chunk[0], Problem):
            yield chunk
        else:
            yield process_chunk(nlp, chunk, time_limit=time_limit, spool_dir=spool_dir)


def _check_usage(inputs: Sequence[Union[str, Path]], out: Path, force: bool, resume: bool) -> None:
    if not inputs:
        raise RunError("no inputs given")
    if resume and force:
        raise RunError("--resume and --force exclude each other")
    for path in inputs:
        if not os.path.lexists(path):
            raise RunError(f"input not found: {path}")
    check_output(out, inputs, force, resume)


def output_options(model: Optional[str], indirect: bool, time_limit: Optional[float]) -> Dict:
    """What a run's output depends on besides its inputs (recorded for --resume to compare)."""
    from .assemble import DEFAULT_MODELS

    if model is None:  # the default, by the name it resolves to here
        import spacy

        model = next((name for name in DEFAULT_MODELS if spacy.util.is_package(name)), None)
    return {"model": model, "indirect": bool(indirect), "time_limit": time_limit,
            "segment_chars": SEGMENT_CHARS, "max_article_chars": MAX_ARTICLE_CHARS}


def run(
    inputs: Sequence[Union[str, Path]],
    out: Union[str, Path],
    *,
    model: Optional[str] = None,
    force: bool = False,
    resume: bool = False,
    workers: int = 1,
    nlp=None,
    progress: Optional[Callable[[int, int], None]] = None,
    time_limit: Optional[float] = TIME_LIMIT,
    engine: str = "local",
    scheduler: Optional[str] = None,
    indirect: bool = True,
) -> Summary:
    """Process every article of `inputs` and write the records to `out`.

    `progress(articles_done, words_done)` is called after each article (counts of the whole run).
    Raises RunError for usage problems (missing input, OUT exists without force or resume, a
    resume with other inputs or options, OUT being written by another run, OUT not writable),
    OutputError when OUT cannot be written during the run, RunInterrupted on SIGINT, SIGTERM or
    SIGHUP (after the item in hand is written; workers stopped). With `resume`, a finished run is
    left as it is, an interrupted one is continued so that the files end up as an uninterrupted
    run would have left them.
    `time_limit`: seconds a segment of an article may take before it fails (None: no limit).
    `engine`: "local" (this machine: `workers` worker processes, or this process when `nlp` is
    given) or "dask" (a Dask cluster at `scheduler`, or a local one of `workers` processes; see
    pipeline/dask_engine.py).
    `indirect`: also write indirect (unquoted, reported) speech as quote records (the default).
    """
    out = Path(out)
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    _check_usage(inputs, out, force, resume)
    if engine not in ("local", "dask"):
        raise RunError(f"unknown engine {engine!r}: local or dask")
    if scheduler and engine != "dask":
        raise RunError("--scheduler needs --engine dask")
    if engine == "dask":
        from .dask_engine import require_dask

        require_dask()  # DaskUnavailable is a RunError: stop before any file is touched
        if scheduler:
            from .dask_engine import check_scheduler

            check_scheduler(scheduler)
    started = time.perf_counter()
    with start_up_collections():  # it imports spaCy
        options = output_options(model, indirect, time_limit)
    files = Outputs(out, inputs, options, resume=resume and out.exists())
    if not indirect:  # what every process builds its pipeline from (a model name alone otherwise)
        from .assemble import PipelineSpec

        model = PipelineSpec(model, indirect=False)
    summary = Summary(**files.counts)
    summary.resumed_from = files.done_items
    summary.words_before = summary.words
    summary.problems = files.problems_so_far()
    stop = _StopOnSignals().__enter__()
    ordered: Optional[Iterator] = None
    spool_dir: Optional[str] = None
    try:
        if files.finished:
            summary.already_finished = True
            return summary
        stream = iter_inputs([Path(p) for p in inputs])
        chunks = _chunks(stream)
        # Skip what the interrupted run wrote, chunk by chunk so that the chunks (and with them
        # the batches the model sees) are the ones of an uninterrupted run; the chunk the run
        # stopped in is done again whole and its first `drop` results thrown away.
        drop = files.done_items
        first: Optional[List[Item]] = None
        for chunk in chunks:
            if len(chunk) <= drop:
                drop -= len(chunk)
                if files.last_source is not None and drop == 0 and chunk[-1].source != files.last_source:
                    raise RunError(_changed(out, files, chunk[-1].source))
                continue
            first = chunk
            break
        if first is None:
            if drop:
                raise RunError(_changed(out, files, None))
            files.finish()
            return summary
        if drop and files.last_source is not None and first[drop - 1].source != files.last_source:
            raise RunError(_changed(out, files, first[drop - 1].source))

        all_chunks = _prepend(first, chunks)
        if engine == "dask":
            from .dask_engine import ordered_results

            ordered = ordered_results(all_chunks, model, scheduler=scheduler, n_workers=workers,
                                      time_limit=time_limit)
        else:
            # a long article's lines are spooled next to OUT by the process that makes them
            try:
                spool_dir = tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".spool", dir=out.parent)
            except OSError as error:
                raise RunError(f"cannot write {out.parent}: {error.strerror or error}") from None
            if nlp is not None:
                prepare(nlp)
                ordered = _in_process(all_chunks, nlp, time_limit, spool_dir)
            else:
                from .engines.pool import ordered_results as pool_results

                ordered = pool_results(all_chunks, model, max(1, workers), time_limit=time_limit,
                                       spool_dir=spool_dir)
        while True:
            with stop.waiting():  # a signal while waiting for results stops the run at once
                results = next(ordered, None)
            if results is None:
                break
            for result in results:
                if drop:
                    drop -= 1
                    _discard(result)
                    continue
                _account(summary, result, files)
                if progress is not None and isinstance(result, ArticleResult):
                    progress(summary.articles, summary.words)
            stop.check()  # the chunk's results are written: a clean place to stop
        files.finish()
    finally:
        try:
            if ordered is not None:
                ordered.close()  # workers (or the Dask client and cluster) stopped
        finally:
            stop.__exit__()
            files.close()
            if spool_dir is not None:
                shutil.rmtree(spool_dir, ignore_errors=True)
            summary.seconds = time.perf_counter() - started
    return summary


def _discard(result) -> None:
    spool = getattr(result, "spool", None)
    if spool:
        try:
            os.unlink(spool)
        except FileNotFoundError:
            pass


class _StopOnSignals:
    """SIGINT (Ctrl-C), SIGTERM and SIGHUP stop the run cleanly: at once while it waits for
    results, else once the item being written is written, so that a stop never lands inside a
    write; ``RunInterrupted`` names the signal. Main thread only."""

    def __init__(self) -> None:
        self.requested: Optional[int] = None
        self.previous: Dict[int, object] = {}
        self._waiting = False

    def __enter__(self) -> "_StopOnSignals":
        if threading.current_thread() is threading.main_thread():
            for signum in STOP_SIGNALS:
                self.previous[signum] = signal.signal(signum, self._handle)
        return self

    def _handle(self, signum, frame) -> None:
        if self._waiting or self.requested is not None:
            self.requested = self.requested or signum
            raise RunInterrupted(self.requested)
        self.requested = signum

    def waiting(self):
        stopper = self

        class _Waiting:
            def __enter__(self):
                stopper.check()
                stopper._waiting = True

            def __exit__(self, *exc):
                stopper._waiting = False

        return _Waiting()

    def check(self) -> None:
        if self.requested is not None:
            raise RunInterrupted(self.requested)

    def __exit__(self, *exc) -> None:
        for signum, previous in self.previous.items():
            signal.signal(signum, previous if previous is not None else signal.SIG_DFL)
        self.previous = {}


def _changed(out: Path, files: Outputs, seen: Optional[str]) -> str:
    where = f"item {files.done_items} is now {seen}" if seen else f"there are fewer than {files.done_items} items"
    return (
        f"cannot resume {out}: the inputs changed since the interrupted run (the last item written "
        f"was {files.last_source}; {where}); use --force to start again"
    )


def _prepend(first: List[Item], rest: Iterator[List[Item]]) -> Iterator[List[Item]]:
    yield first
    yield from rest


def _account(summary: Summary, result: Union[ArticleResult, Problem], files: Outputs) -> None:
    counts = files.counts
    if isinstance(result, Problem):
        problem = {"source": result.source, "level": result.level, "reason": result.reason}
        if result.level == "error":
            counts["articles"] += 1
            counts["failed"] += 1
        elif result.level == "warning":
            counts["warnings"] += 1
        else:
            counts["skipped"] += 1
        lines, spool = "", None
    else:
        if result.spool_error is not None:
            raise OutputError(f"{result.spool_error}; the articles before {result.source} are written: once "
                              "that is fixed, run the same command with --resume to finish")
        spool = result.spool
        counts["articles"] += 1
        counts["words"] += result.words
        if result.error is not None:
            counts["failed"] += 1
            problem = {"source": result.source, "level": "error", "reason": result.error, "id": result.article_id}
            lines = ""
        else:
            counts["quotes"] += result.quotes
            counts["figures"] += result.figures
            problem = None
            lines = result.lines
    files.write(lines, problem, result.source, spool=spool)
    for name in COUNTERS:
        setattr(summary, name, counts[name])
    if problem is not None:
        summary.problems.append(problem)

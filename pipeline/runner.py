"""Batch runs: inputs in, JSONL records out, in input order, one article at a time.

The runner owns workers, resume, the errors file and ordered writing; the stages know nothing
of files or processes. Every article is isolated: one that cannot be read, or that makes a stage
fail, is reported (summary and ``OUT.errors.jsonl``) and the run goes on.

Files of a run writing ``OUT``:
- ``OUT``: the records, appended as each article's results come in, whole lines only: all the
  lines of one article go out in a single ``write`` (no buffering in the process).
- ``OUT.errors.jsonl``: one JSON object per problem, in input order:
  ``{"source", "level", "reason"}`` (plus ``"id"`` when a stage failed on a read article), with
  ``source`` the file path or ``path:LINE`` for a JSONL line and level ``error`` (article lost),
  ``warning`` (article kept, e.g. decoded as cp1252) or ``skipped`` (a file of another type, a
  folder already walked).
- ``OUT.progress``: a header naming the inputs, then one line per finished input item with the
  sizes of both files after it and the running counts. ``--resume`` cuts both files back to the
  last consistent line (dropping anything half-written) and continues from the next item; the
  last line of a finished run says so.

Exit statuses (``Summary.exit_code``, used by the CLI): 0 every article processed, 1 some
failed (after all the others were processed), 2 usage errors (``RunError``).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Deque, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from .export import one_line_json
from .reader import Article, Problem, iter_inputs

if TYPE_CHECKING:
    from .assemble import ModelKey

# Articles longer than this are processed in segments cut at paragraph or line breaks; the
# parser and the entity recognizer need about 1 GB per 100,000 characters otherwise.
SEGMENT_CHARS = 100_000
# An article longer than this is not processed at all (an error naming its length): at the
# pipeline's speed it would hold a run for hours. 20 million characters is ~4,000 pages.
MAX_ARTICLE_CHARS = 20_000_000
CHUNK_ARTICLES = 16
CHUNK_CHARS = 50_000
# A segment (at most SEGMENT_CHARS characters) that takes longer than this fails with a reason
# naming the stage, so that one pathological text cannot hold a run for hours; a whole chunk
# under nlp.pipe gets CHUNK_LIMIT_FACTOR times as long before it is redone article by article.
# A normal 100,000-character segment takes 10 to 30 seconds. Enforced with SIGALRM, so only in
# the main thread of a process (the runner and its workers; not in threaded engines).
TIME_LIMIT = 300.0
CHUNK_LIMIT_FACTOR = 3

PROGRESS_FORMAT = 2
COUNTERS = ("articles", "failed", "quotes", "figures", "warnings", "skipped", "words")


class RunError(Exception):
    """A usage problem that stops the run before it starts (exit status 2)."""


class ArticleTimeout(Exception):
    """Processing ran past the time limit."""


class StageError(Exception):
    """A pipeline stage failed on an article."""

    def __init__(self, stage: str, error: BaseException):
        super().__init__(f"stage {stage} failed: {type(error).__name__}: {error}")
        self.stage = stage


@dataclass
class ArticleResult:
    """What processing one article gave: its JSONL lines, or the reason it failed."""

    source: str
    article_id: str
    lines: str = ""
    quotes: int = 0
    figures: int = 0
    words: int = 0
    error: Optional[str] = None


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
        parts = [
            f"{self.articles} articles",
            f"{self.quotes} quotes",
            f"{self.figures} figures",
            f"{self.failed} failed",
        ]
        if self.warnings:
            parts.append(f"{self.warnings} warnings")
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        parts.append(f"{self.seconds:.1f} s ({wps:,.0f} words/s)")
        return ", ".join(parts)


# ---------------------------------------------------------------------------------------------
# Processing (runs in the main process or in a worker)


def segments(text: str, limit: int = SEGMENT_CHARS) -> List[Tuple[int, int]]:
    """Cut a text into consecutive [start, end) pieces of at most `limit` characters.

    A cut goes after the last paragraph break (blank line) in the second half of the window, else
    after the last line break, else after the last space, else at the limit. The pieces cover the
    text exactly, in order; a text of at most `limit` characters is one piece.
    """
    if limit < 2:
        raise ValueError("limit must be at least 2")
    n = len(text)
    if n <= limit:
        return [(0, n)]
    pieces = []
    start = 0
    while start < n:
        end = min(n, start + limit)
        if end < n:
            low = start + limit // 2
            for mark in ("\n\n", "\n", " "):
                cut = text.rfind(mark, low, end)
                if cut >= 0:
                    end = cut + len(mark)
                    break
        pieces.append((start, end))
        start = end
    return pieces


def _raise_stage_error(name, proc, docs, error):  # spaCy error handler signature
    raise StageError(name, error)


def prepare(nlp) -> None:
    """Make failures of the claimsift stages under `nlp.pipe` name their stage.

    Only the default handler is replaced: `Language.set_error_handler` fails on spaCy's
    Cython pipes (they have no attribute dict), whose errors propagate as they are; the
    article-by-article path (`process_article`) names every stage itself.
    """
    nlp.default_error_handler = _raise_stage_error


def _make_doc(nlp, article: Article, start: int, end: int):
    from .attrs import ARTICLE

    doc = nlp.make_doc(article.text[start:end])
    doc._.set(ARTICLE, article.metadata())
    return doc


def _result(article: Article, docs_and_offsets) -> ArticleResult:
    from .export import doc_to_records, records_to_jsonl

    records = []
    for doc, offset in docs_and_offsets:
        try:
            records.extend(doc_to_records(doc, offset))
        except Exception as error:  # noqa: BLE001
            raise StageError("export", error) from error
    records.sort(key=lambda r: (r.span.start, r.span.end, r.type))
    text = article.text
    for r in records:  # the contract every consumer relies on
        if text[r.span.start : r.span.end] != r.text:
            raise StageError(
                "export", ValueError(f"record {r.id} does not match the text at {r.span.start}:{r.span.end}")
            )
    return ArticleResult(
        source=article.source,
        article_id=article.id,
        lines=records_to_jsonl(records),
        quotes=sum(r.type == "quote" for r in records),
        figures=sum(r.type == "numeric" for r in records),
        words=len(text.split()),
    )


def _describe(error: BaseException) -> str:
    if isinstance(error, StageError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def _run_stages(nlp, doc):
    """`nlp(doc)`, stage by stage, so that any failure (Cython pipes too) names its stage."""
    for name, proc in nlp.pipeline:
        try:
            doc = proc(doc)
        except StageError:
            raise
        except Exception as error:  # noqa: BLE001
            raise StageError(name, error) from error
    return doc


def _too_long(article: Article) -> Optional[ArticleResult]:
    if len(article.text) <= MAX_ARTICLE_CHARS:
        return None
    return ArticleResult(
        source=article.source, article_id=article.id, words=0,
        error=f"article too long ({len(article.text):,} characters, limit {MAX_ARTICLE_CHARS:,}); not processed",
    )


@contextmanager
def _time_limit(seconds: Optional[float]):
    """Raise ArticleTimeout in the block after `seconds` (no limit when None/0 or off the main thread)."""
    if (not seconds or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def expire(signum, frame):
        raise ArticleTimeout(f"took longer than {seconds:g} s; given up")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_article(nlp, article: Article, time_limit: Optional[float] = TIME_LIMIT) -> ArticleResult:
    """Process one article on its own (in segments when long); a failure becomes the result's error."""
    from .attrs import ARTICLE

    refused = _too_long(article)
    if refused is not None:
        return refused
    try:
        with nlp.memory_zone():
            done = []
            meta = None
            for start, end in segments(article.text):
                with _time_limit(time_limit):  # inside the zone: the zone always closes cleanly
                    doc = _run_stages(nlp, _make_doc(nlp, article, start, end))
                if meta is None:
                    meta = dict(doc._.get(ARTICLE) or {})
                else:  # the article stage reads a headline and a date from the first segment only
                    doc._.set(ARTICLE, dict(meta))
                done.append((doc, start))
            return _result(article, done)
    except Exception as error:  # noqa: BLE001 - isolate the article, report why
        return ArticleResult(
            source=article.source, article_id=article.id, words=len(article.text.split()),
            error=_describe(error),
        )


def process_chunk(
    nlp, articles: Sequence[Article], batch_size: int = 16, time_limit: Optional[float] = TIME_LIMIT
) -> List[ArticleResult]:
    """Process articles with nlp.pipe; when anything fails, redo them one by one to isolate it.

    Pure: the same chunk gives the same results, whatever process runs it (up to the time limit).
    """
    if any(len(a.text) > SEGMENT_CHARS for a in articles):
        return [process_article(nlp, a, time_limit) for a in articles]
    try:
        with nlp.memory_zone():
            docs = [_make_doc(nlp, a, 0, len(a.text)) for a in articles]
            with _time_limit(time_limit and time_limit * CHUNK_LIMIT_FACTOR):
                docs = list(nlp.pipe(docs, batch_size=batch_size))
            return [_result(a, [(doc, 0)]) for a, doc in zip(articles, docs)]
    except Exception:  # noqa: BLE001
        return [process_article(nlp, a, time_limit) for a in articles]


_WORKER_NLP = None
_WORKER_ERROR: Optional[BaseException] = None
_WORKER_TIME_LIMIT: Optional[float] = TIME_LIMIT


def _worker_init(model: "ModelKey", time_limit: Optional[float] = TIME_LIMIT) -> None:
    """Load the model once per worker. A failure is kept and raised by the first task (a failing
    initializer would only break the pool, without saying why)."""
    global _WORKER_NLP, _WORKER_ERROR, _WORKER_TIME_LIMIT
    _WORKER_TIME_LIMIT = time_limit
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    try:
        from . import load_pipeline

        _WORKER_NLP = load_pipeline(model)
        prepare(_WORKER_NLP)
    except Exception as error:  # noqa: BLE001
        _WORKER_ERROR = error


def _worker_process(articles: List[Article]) -> List[ArticleResult]:
    if _WORKER_NLP is None:
        raise _WORKER_ERROR or RuntimeError("worker has no pipeline")
    return process_chunk(_WORKER_NLP, articles, time_limit=_WORKER_TIME_LIMIT)


# ---------------------------------------------------------------------------------------------
# Ordering


Item = Union[Article, Problem]
CRASHED = "worker process died while processing this article (killed, out of memory or a crash)"


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


class _Pool:
    """A spawn-based process pool that survives the death of a worker.

    `concurrent.futures` (not `multiprocessing.Pool`, whose results never come when a worker
    dies) reports a dead worker as BrokenProcessPool; the pool is then started again and the
    chunk redone article by article, so that only the article that kills a worker is lost.
    """

    def __init__(self, workers: int, model: "ModelKey", time_limit: Optional[float] = TIME_LIMIT):
        self.workers, self.model, self.time_limit = workers, model, time_limit
        self.ctx = multiprocessing.get_context("spawn")
        self.executor: Optional[ProcessPoolExecutor] = None
        self.start()

    def start(self) -> None:
        self.executor = ProcessPoolExecutor(
            self.workers, mp_context=self.ctx, initializer=_worker_init,
            initargs=(self.model, self.time_limit),
        )

    def restart(self) -> None:
        self.close()
        self.start()

    def submit(self, chunk: List[Article]):
        return self.executor.submit(_worker_process, chunk)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None

    def isolate(self, chunk: List[Article]) -> List[ArticleResult]:
        """Each article of a chunk that broke the pool as a task of its own."""
        results = []
        for article in chunk:
            try:
                results.extend(self.submit([article]).result())
            except BrokenProcessPool:
                self.restart()
                results.append(ArticleResult(
                    source=article.source, article_id=article.id, words=len(article.text.split()),
                    error=CRASHED,
                ))
        return results


def _ordered_results(
    chunks: Iterator[List[Item]], nlp_or_none, model: "ModelKey", workers: int,
    *, time_limit: Optional[float] = TIME_LIMIT,
) -> Iterator[List[Union[ArticleResult, Problem]]]:
    """Results of each chunk, in input order; with workers, a bounded window of chunks in flight.

    A chunk is a list of articles (-> a list of ArticleResult, one each, in order) or a list of
    one Problem (-> itself).
    """
    if workers <= 1:
        for chunk in chunks:
            if isinstance(chunk[0], Problem):
                yield chunk
            else:
                yield process_chunk(nlp_or_none, chunk, time_limit=time_limit)
        return
    pool = _Pool(workers, model, time_limit)
    try:
        pending: Deque[List] = deque()  # [chunk, future or None]
        window = workers * 2

        def take():
            chunk, future = pending.popleft()
            if future is None:
                return chunk
            try:
                return future.result()
            except BrokenProcessPool:
                pool.restart()
                results = pool.isolate(chunk)
                for entry in pending:  # they died with the pool: submit them again
                    if entry[1] is not None:
                        entry[1] = pool.submit(entry[0])
                return results

        for chunk in chunks:
            if isinstance(chunk[0], Problem):
                pending.append([chunk, None])
            else:
                pending.append([chunk, pool.submit(chunk)])
            while len(pending) > window:
                yield take()
        while pending:
            yield take()
    finally:
        pool.close()


# ---------------------------------------------------------------------------------------------
# Writing and resume


def errors_path(out: Path) -> Path:
    return Path(out).with_name(Path(out).name + ".errors.jsonl")


def progress_path(out: Path) -> Path:
    return Path(out).with_name(Path(out).name + ".progress")


@dataclass
class Progress:
    """What OUT.progress says: the run's inputs and the last consistent mark."""

    header: Optional[Dict]
    mark: Dict
    keep_bytes: int
    """Length of the progress file up to and including the mark's line."""


def _inputs_key(inputs: Sequence[Union[str, Path]]) -> List[str]:
    return [os.path.abspath(os.fspath(p)) for p in inputs]


def read_progress(out: Path) -> Progress:
    """The last progress mark that agrees with the files on disk (sizes, whole lines).

    After a crash of the machine the progress file may have reached the disk further than OUT
    did; marks pointing past the end of OUT or of the errors file, or not at a line end, are
    passed over.
    """
    out = Path(out)
    try:
        data = progress_path(out).read_bytes()
    except FileNotFoundError:
        return Progress(None, {"items": 0, "out": 0, "errors": 0}, 0)
    header: Optional[Dict] = None
    marks: List[Tuple[Dict, int]] = []
    pos = 0
    while pos < len(data):
        nl = data.find(b"\n", pos)
        if nl < 0:
            break  # a torn last line
        try:
            entry = json.loads(data[pos:nl])
        except ValueError:
            entry = None
        pos = nl + 1
        if not isinstance(entry, dict):
            continue
        if "inputs" in entry and header is None:
            header = entry
            marks.append(({"items": 0, "out": 0, "errors": 0}, pos))
        elif "items" in entry:
            marks.append((entry, pos))
    sizes = {}
    for key, path in (("out", out), ("errors", errors_path(out))):
        try:
            sizes[key] = path.stat().st_size
        except FileNotFoundError:
            sizes[key] = 0
    for mark, keep in reversed(marks):
        if all(_ends_a_line(path, int(mark[key]), sizes[key])
               for key, path in (("out", out), ("errors", errors_path(out)))):
            return Progress(header, mark, keep)
    return Progress(header, {"items": 0, "out": 0, "errors": 0}, len(data) if header is None else 0)


def _ends_a_line(path: Path, offset: int, size: int) -> bool:
    if offset == 0:
        return True
    if offset > size:
        return False
    with open(path, "rb") as handle:
        handle.seek(offset - 1)
        return handle.read(1) == b"\n"


class _Outputs:
    """The output, errors and progress files of a run, written whole lines at a time."""

    def __init__(self, out: Path, inputs: Sequence[Union[str, Path]], model: Optional[str], resume: bool):
        self.out_path = out
        self.err_path = errors_path(out)
        self.progress_path = progress_path(out)
        self.counts = {name: 0 for name in COUNTERS}
        self.finished = False
        self.last_source: Optional[str] = None
        out.parent.mkdir(parents=True, exist_ok=True)
        header = {"claimsift_progress": PROGRESS_FORMAT, "inputs": _inputs_key(inputs), "model": model}
        if resume:
            progress = read_progress(out)
            if progress.header is None or progress.header.get("claimsift_progress") != PROGRESS_FORMAT:
                raise RunError(
                    f"cannot resume {out}: {self.progress_path.name} is missing or not from this version "
                    "of claimsift; use --force to start again"
                )
            if progress.header.get("inputs") != header["inputs"]:
                raise RunError(
                    f"cannot resume {out}: it was a run of {' '.join(progress.header.get('inputs') or [])}; "
                    "give the same inputs, or use --force to start again"
                )
            mark = progress.mark
            self.done_items = int(mark["items"])
            self.out_size, self.err_size = int(mark["out"]), int(mark["errors"])
            self.finished = bool(mark.get("finished"))
            self.last_source = mark.get("last")
            for name in COUNTERS:
                self.counts[name] = int(mark.get(name, 0))
            self.out = _open_at(self.out_path, self.out_size)
            self.err = _open_at(self.err_path, self.err_size)
            self.progress = _open_at(self.progress_path, progress.keep_bytes)
        else:
            self.done_items = self.out_size = self.err_size = 0
            self.out = _open_at(self.out_path, 0)
            self.err = _open_at(self.err_path, 0)
            self.progress = _open_at(self.progress_path, 0)
            _write_all(self.progress, (json.dumps(header, ensure_ascii=False) + "\n").encode("utf-8"))

    def problems_so_far(self) -> List[Dict]:
        """The problems already in the errors file (of the interrupted part of a resumed run)."""
        if not self.err_size:
            return []
        with open(self.err_path, "rb") as handle:
            data = handle.read(self.err_size)
        return [json.loads(line) for line in data.splitlines() if line.strip()]

    def write(self, lines: str, problem: Optional[Dict], source: str) -> None:
        if lines:
            self.out_size += _write_all(self.out, lines.encode("utf-8", "surrogatepass"))
        if problem is not None:
            data = one_line_json(json.dumps(problem, ensure_ascii=False, sort_keys=True)) + "\n"
            self.err_size += _write_all(self.err, data.encode("utf-8", "surrogatepass"))
        self.done_items += 1
        self._mark(last=source)

    def _mark(self, **extra) -> None:
        mark = {"items": self.done_items, "out": self.out_size, "errors": self.err_size, **self.counts, **extra}
        _write_all(self.progress, (json.dumps(mark, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass"))

    def finish(self) -> None:
        self._mark(finished=True)

    def close(self) -> None:
        for fd in (self.out, self.err, self.progress):
            os.close(fd)


def _open_at(path: Path, size: int) -> int:
    """Open for appending, cut to `size` first (drops a torn tail; never grows the file)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    if os.fstat(fd).st_size != size:
        os.ftruncate(fd, min(size, os.fstat(fd).st_size))
    return fd


def _write_all(fd: int, data: bytes) -> int:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]
    return len(data)


def _check_usage(inputs: Sequence[Union[str, Path]], out: Path, force: bool, resume: bool) -> None:
    if not inputs:
        raise RunError("no inputs given")
    if resume and force:
        raise RunError("--resume and --force exclude each other")
    for path in inputs:
        if not os.path.lexists(path):
            raise RunError(f"input not found: {path}")
    if out.is_dir():
        raise RunError(f"output is a folder: {out}")
    if out.exists() and not (force or resume):
        raise RunError(f"{out} exists; use --force to overwrite it or --resume to continue it")
    out_real = os.path.realpath(out.parent) + os.sep
    own = {os.path.realpath(p) for p in (out, errors_path(out), progress_path(out))}
    for path in inputs:
        real = os.path.realpath(path)
        if real in own:
            raise RunError(f"input {path} is the output or one of its side files")
        if os.path.isdir(real) and out_real.startswith(real.rstrip(os.sep) + os.sep):
            raise RunError(
                f"output {out} is inside the input folder {path} and would be read back as input; "
                "write it elsewhere"
            )


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
    resume with other inputs). With `resume`, a finished run is left as it is, an interrupted one
    is continued so that the files end up as an uninterrupted run would have left them.
    `time_limit`: seconds a segment of an article may take before it fails (None: no limit).
    `engine`: "local" (this machine, `workers` processes) or "dask" (a Dask cluster at
    `scheduler`, or a local one of `workers` processes; see pipeline/dask_engine.py).
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
    started = time.perf_counter()
    files = _Outputs(out, inputs, model, resume=resume and out.exists())
    if not indirect:  # what every process builds its pipeline from (a model name alone otherwise)
        from .assemble import PipelineSpec

        model = PipelineSpec(model, indirect=False)
    summary = Summary(**files.counts)
    summary.resumed_from = files.done_items
    summary.words_before = summary.words
    summary.problems = files.problems_so_far()
    ctrl_c = _StopOnCtrlC().__enter__()
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

        if engine == "local" and workers <= 1 and nlp is None:
            from . import load_pipeline

            nlp = load_pipeline(model)
        if nlp is not None:
            prepare(nlp)
        all_chunks = _prepend(first, chunks)
        if engine == "dask":
            from .dask_engine import ordered_results

            ordered = ordered_results(all_chunks, model, scheduler=scheduler, n_workers=workers)
        else:
            ordered = _ordered_results(all_chunks, nlp, model, workers, time_limit=time_limit)
        for results in ordered:
            for result in results:
                if drop:
                    drop -= 1
                    continue
                _account(summary, result, files)
                if progress is not None and isinstance(result, ArticleResult):
                    progress(summary.articles, summary.words)
            if ctrl_c.requested:  # the chunk's results are written: a clean place to stop
                raise KeyboardInterrupt
        files.finish()
    finally:
        ctrl_c.__exit__()
        files.close()
        summary.seconds = time.perf_counter() - started
    return summary


class _StopOnCtrlC:
    """The first Ctrl-C (SIGINT) asks the run to stop after the item being written, so that it
    never lands inside a read or a write; a second one interrupts at once. Main thread only."""

    def __init__(self) -> None:
        self.requested = False
        self.previous = None

    def __enter__(self) -> "_StopOnCtrlC":
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, signum, frame) -> None:
        self.requested = True
        signal.signal(signal.SIGINT, self.previous if self.previous is not None else signal.default_int_handler)

    def __exit__(self, *exc) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def _changed(out: Path, files: _Outputs, seen: Optional[str]) -> str:
    where = f"item {files.done_items} is now {seen}" if seen else f"there are fewer than {files.done_items} items"
    return (
        f"cannot resume {out}: the inputs changed since the interrupted run (the last item written "
        f"was {files.last_source}; {where}); use --force to start again"
    )


def _prepend(first: List[Item], rest: Iterator[List[Item]]) -> Iterator[List[Item]]:
    yield first
    yield from rest


def _account(summary: Summary, result: Union[ArticleResult, Problem], files: _Outputs) -> None:
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
        lines = ""
    else:
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
    files.write(lines, problem, result.source)
    for name in COUNTERS:
        setattr(summary, name, counts[name])
    if problem is not None:
        summary.problems.append(problem)

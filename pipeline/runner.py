"""Batch runs: inputs in, JSONL records out, in input order, one article at a time.

The runner owns workers, resume, the errors file and ordered writing; the stages know nothing
of files or processes. Every article is isolated: one that cannot be read, or that makes a stage
fail, is reported (summary and ``OUT.errors.jsonl``) and the run goes on.

Files of a run writing ``OUT``:
- ``OUT``: the records, appended and flushed as each article finishes, whole lines only.
- ``OUT.errors.jsonl``: one JSON object per problem: ``{"source", "level", "reason"}`` with
  level ``error`` (article lost), ``warning`` (article kept, e.g. decoded as cp1252) or
  ``skipped`` (a file of another type).
- ``OUT.progress``: one line per finished input item with the sizes of both files after it,
  so that ``--resume`` can cut off a half-written tail and skip what is done. The last line of a
  finished run says so.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Deque, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from .reader import Article, Problem, iter_inputs

# Articles longer than this are processed in segments cut at line breaks; the parser and the
# entity recognizer need about 1 GB per 100,000 characters otherwise.
SEGMENT_CHARS = 100_000
CHUNK_ARTICLES = 32
CHUNK_CHARS = 200_000


class RunError(Exception):
    """A usage problem that stops the run before it starts (exit status 2)."""


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
    articles: int = 0
    failed: int = 0
    quotes: int = 0
    figures: int = 0
    warnings: int = 0
    skipped: int = 0
    words: int = 0
    seconds: float = 0.0
    resumed_from: int = 0
    problems: List[Dict] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def line(self) -> str:
        wps = self.words / self.seconds if self.seconds > 0 else 0.0
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
    """Cut a text into [start, end) pieces of at most about `limit` characters at line breaks."""
    if len(text) <= limit:
        return [(0, len(text))]
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n", start + limit // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + limit // 2, end)
            if cut > start:
                end = cut + 1
        pieces.append((start, end))
        start = end
    return pieces


def _raise_stage_error(name, proc, docs, error):  # spaCy error handler signature
    raise StageError(name, error)


def prepare(nlp) -> None:
    """Make failures of the claimsift stages name their stage.

    Only the default handler is replaced: `Language.set_error_handler` fails on spaCy's
    Cython pipes (they have no attribute dict), whose errors propagate as they are.
    """
    nlp.default_error_handler = _raise_stage_error


def _make_doc(nlp, article: Article, start: int, end: int):
    from .attrs import ARTICLE

    doc = nlp.make_doc(article.text[start:end])
    doc._.set(
        ARTICLE,
        {"id": article.id, "published": article.published, "title": article.title, "url": article.url},
    )
    return doc


def _result(article: Article, docs_and_offsets) -> ArticleResult:
    from .export import doc_to_records, records_to_jsonl

    records = []
    for doc, offset in docs_and_offsets:
        records.extend(doc_to_records(doc, offset))
    records.sort(key=lambda r: (r.span.start, r.span.end, r.type))
    text = article.text
    for r in records:  # the contract every consumer relies on
        if text[r.span.start : r.span.end] != r.text:
            raise ValueError(f"record {r.id} does not match the text at {r.span.start}:{r.span.end}")
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


def process_article(nlp, article: Article) -> ArticleResult:
    """Process one article on its own; a failure becomes the result's error."""
    try:
        with nlp.memory_zone():
            pieces = segments(article.text)
            docs = [_make_doc(nlp, article, s, e) for s, e in pieces]
            done = [(nlp(doc), s) for doc, (s, _) in zip(docs, pieces)]
            return _result(article, done)
    except Exception as error:  # noqa: BLE001 - isolate the article, report why
        return ArticleResult(
            source=article.source, article_id=article.id, words=len(article.text.split()),
            error=_describe(error),
        )


def process_chunk(nlp, articles: Sequence[Article], batch_size: int = 16) -> List[ArticleResult]:
    """Process articles with nlp.pipe; when anything fails, redo them one by one to isolate it."""
    if any(len(a.text) > SEGMENT_CHARS for a in articles):
        return [process_article(nlp, a) for a in articles]
    try:
        with nlp.memory_zone():
            docs = [_make_doc(nlp, a, 0, len(a.text)) for a in articles]
            return [
                _result(a, [(doc, 0)])
                for a, doc in zip(articles, nlp.pipe(docs, batch_size=batch_size))
            ]
    except Exception:  # noqa: BLE001
        return [process_article(nlp, a) for a in articles]


_WORKER_NLP = None


def _worker_init(model: Optional[str]) -> None:
    global _WORKER_NLP
    from . import load_pipeline

    _WORKER_NLP = load_pipeline(model)
    prepare(_WORKER_NLP)


def _worker_process(articles: List[Article]) -> List[ArticleResult]:
    return process_chunk(_WORKER_NLP, articles)


# ---------------------------------------------------------------------------------------------
# Ordering, writing, resume


Item = Union[Article, Problem]


def _chunks(items: Iterable[Item]) -> Iterator[List[Item]]:
    """Group the input stream: a run of articles up to the size limits, or one problem."""
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


def _ordered_results(
    chunks: Iterator[List[Item]], nlp_or_none, model: Optional[str], workers: int
) -> Iterator[List[Union[ArticleResult, Problem]]]:
    """Results of each chunk, in input order; with workers, a bounded window of chunks in flight."""
    if workers <= 1:
        for chunk in chunks:
            if isinstance(chunk[0], Problem):
                yield chunk
            else:
                yield process_chunk(nlp_or_none, chunk)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_worker_init, initargs=(model,)) as pool:
        pending: Deque = deque()
        window = workers * 2
        for chunk in chunks:
            if isinstance(chunk[0], Problem):
                pending.append(chunk)
            else:
                pending.append(pool.apply_async(_worker_process, (chunk,)))
            while len(pending) > window:
                yield _resolve(pending.popleft())
        while pending:
            yield _resolve(pending.popleft())


def _resolve(entry):
    return entry if isinstance(entry, list) else entry.get()


class _Outputs:
    """The output, errors and progress files of a run, written whole lines at a time."""

    def __init__(self, out: Path, resume: bool):
        self.out_path = out
        self.err_path = errors_path(out)
        self.progress_path = progress_path(out)
        self.done_items = 0
        out_size = err_size = 0
        if resume:
            self.done_items, out_size, err_size, self.finished = read_progress(self.progress_path)
        else:
            self.finished = False
        out.parent.mkdir(parents=True, exist_ok=True)
        self.out = _open_at(self.out_path, out_size)
        self.err = _open_at(self.err_path, err_size)
        self.progress = _open_at(self.progress_path, None if resume else 0)
        self.out_size, self.err_size = out_size, err_size

    def write(self, lines: str, problem: Optional[Dict]) -> None:
        if lines:
            self.out_size += _write_all(self.out, lines.encode("utf-8", "surrogatepass"))
        if problem is not None:
            data = json.dumps(problem, ensure_ascii=False, sort_keys=True) + "\n"
            self.err_size += _write_all(self.err, data.encode("utf-8", "surrogatepass"))
        self.done_items += 1
        mark = json.dumps({"items": self.done_items, "out": self.out_size, "errors": self.err_size})
        _write_all(self.progress, (mark + "\n").encode())

    def finish(self, summary: "Summary") -> None:
        mark = {"items": self.done_items, "out": self.out_size, "errors": self.err_size, "finished": True}
        _write_all(self.progress, (json.dumps(mark) + "\n").encode())

    def close(self) -> None:
        for fd in (self.out, self.err, self.progress):
            os.close(fd)


def errors_path(out: Path) -> Path:
    return out.with_name(out.name + ".errors.jsonl")


def progress_path(out: Path) -> Path:
    return out.with_name(out.name + ".progress")


def read_progress(path: Path) -> Tuple[int, int, int, bool]:
    """(items done, output bytes, errors bytes, finished) from the last whole progress line."""
    items = out = err = 0
    finished = False
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return 0, 0, 0, False
    for raw in data.split(b"\n"):
        try:
            mark = json.loads(raw)
        except ValueError:
            continue  # a torn last line
        items, out, err = int(mark["items"]), int(mark["out"]), int(mark["errors"])
        finished = bool(mark.get("finished"))
    return items, out, err, finished


def _open_at(path: Path, size: Optional[int]) -> int:
    """Open for appending; with a size, cut the file to it first (drops a torn tail)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    if size is not None:
        os.ftruncate(fd, size)
    return fd


def _write_all(fd: int, data: bytes) -> int:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]
    return len(data)


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
) -> Summary:
    """Process every article of `inputs` and write the records to `out`.

    `progress(articles_done, words_done)` is called after each article. Raises RunError for
    usage problems (missing input, OUT exists without force or resume).
    """
    out = Path(out)
    for path in inputs:
        if not Path(path).exists():
            raise RunError(f"input not found: {path}")
    if out.exists() and out.is_dir():
        raise RunError(f"output is a folder: {out}")
    if out.exists() and not (force or resume):
        raise RunError(f"{out} exists; use --force to overwrite it or --resume to continue it")
    if resume and force:
        raise RunError("--resume and --force exclude each other")

    summary = Summary()
    started = time.perf_counter()
    files = _Outputs(out, resume=resume and out.exists())
    try:
        if files.finished:
            summary.resumed_from = files.done_items
            return summary
        summary.resumed_from = files.done_items
        stream = iter_inputs([Path(p) for p in inputs])
        for _ in range(files.done_items):  # already written by the interrupted run
            next(stream, None)
        if workers <= 1 and nlp is None:
            from . import load_pipeline

            nlp = load_pipeline(model)
        if nlp is not None:
            prepare(nlp)
        for results in _ordered_results(_chunks(stream), nlp, model, workers):
            for result in results:
                _account(summary, result, files)
                if progress is not None and isinstance(result, ArticleResult):
                    progress(summary.articles, summary.words)
        files.finish(summary)
    finally:
        files.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _account(summary: Summary, result: Union[ArticleResult, Problem], files: _Outputs) -> None:
    if isinstance(result, Problem):
        problem = {"source": result.source, "level": result.level, "reason": result.reason}
        if result.level == "error":
            summary.failed += 1
        elif result.level == "warning":
            summary.warnings += 1
        else:
            summary.skipped += 1
        summary.problems.append(problem)
        files.write("", problem)
        return
    summary.articles += 1
    summary.words += result.words
    if result.error is not None:
        summary.failed += 1
        problem = {"source": result.source, "level": "error", "reason": result.error, "id": result.article_id}
        summary.problems.append(problem)
        files.write("", problem)
        return
    summary.quotes += result.quotes
    summary.figures += result.figures
    files.write(result.lines, None)

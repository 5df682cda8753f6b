"""Processing articles: one article or a chunk of them through the pipeline, under a time limit.

Runs in the runner's process, in a local worker process or in a Dask worker; knows nothing of
files of a run except the spool folder a long article's lines may be written to.

The time limit holds per segment of an article (at most ``SEGMENT_CHARS`` characters):
- the tokenizer's input is guarded (``pipeline.guard``), so tokenizing is linear whatever the text;
- at the limit ``ArticleTimeout`` is raised in the running code (SIGALRM in a process's main
  thread, an asynchronous exception in other threads, as in a Dask worker);
- a stage that catches it and returns cannot hide it: the deadline is checked again after every
  stage, and a segment past it fails naming the stage; the article is an error, never partial;
- code that cannot be interrupted (compiled code stuck in a loop) is stopped from outside: the
  worker announces each deadline (``announce``) and a watchdog ends the process ``HARD_GRACE``
  seconds after it (see ``pipeline.engines.pool``; a Dask worker ends itself and its nanny replaces it).
"""

from __future__ import annotations

import ctypes
import math
import os
import re
import signal
import tempfile
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator, List, Optional, Sequence, Tuple

from ..reader import Article

# Articles longer than this are processed in segments cut at paragraph or line breaks; the
# parser and the entity recognizer need about 1 GB per 100,000 characters otherwise.
SEGMENT_CHARS = 100_000
# A segment of more tokens than this is cut again, smaller: the parser and the recognizer need
# memory per token (100,000 one-character tokens took 1.7 GB); ordinary text has ~22,000 tokens
# per 100,000 characters and is never cut for this.
SEGMENT_TOKENS = 40_000
# An article longer than this is not processed at all (an error naming its length): at the
# pipeline's speed it would hold a run for hours. 20 million characters is ~4,000 pages.
MAX_ARTICLE_CHARS = 20_000_000
# A segment (at most SEGMENT_CHARS characters) that takes longer than this fails with a reason
# naming the stage, so that one pathological text cannot hold a run for hours; a whole chunk
# under nlp.pipe gets CHUNK_LIMIT_FACTOR times as long before it is redone article by article.
# A normal 100,000-character segment takes 10 to 30 seconds.
TIME_LIMIT = 300.0
CHUNK_LIMIT_FACTOR = 3
# Articles a batch of nlp.pipe within a chunk (tuned on a varied mix of real articles: 8 costs
# a few percent more CPU, 24 or 32 no less).
BATCH_SIZE = 16
HARD_GRACE_FACTOR = 0.2
HARD_GRACE_MIN = 5.0
"""A process still inside a segment HARD_GRACE (max(HARD_GRACE_MIN, HARD_GRACE_FACTOR * limit))
seconds after its deadline is stopped from outside."""


def hard_grace(seconds: float) -> float:
    return max(HARD_GRACE_MIN, HARD_GRACE_FACTOR * seconds)


class ArticleTimeout(Exception):
    """Processing ran past the time limit."""

    def __init__(self, message: str = "took longer than the time limit; given up"):
        super().__init__(message)


class StageError(Exception):
    """A pipeline stage failed on an article."""

    def __init__(self, stage: str, error: BaseException):
        super().__init__(f"stage {stage} failed: {type(error).__name__}: {error}")
        self.stage = stage


@dataclass
class ArticleResult:
    """What processing one article gave: its JSONL lines (in `lines`, or for a long article in
    the file `spool`), or the reason it failed."""

    source: str
    article_id: str
    lines: str = ""
    quotes: int = 0
    figures: int = 0
    words: int = 0
    error: Optional[str] = None
    spool: Optional[str] = None
    spool_error: Optional[str] = None
    """The spool file could not be written (a full disk): a problem of the run, not of the article."""


def word_count(text: str) -> int:
    """``len(text.split())`` without building the list (an article may have millions of words)."""
    return sum(1 for _ in re.finditer(r"\S+", text))


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


WARM_UP = Article(
    id="warm-up", source="(warm-up)", published="2021-06-15", title="Bridge works",
    text="\u201cWe expect to open the new bridge by March 2022,\u201d said Tomas Reyl, the county's chief "
    "engineer.\n\nThe 12-kilometre road will cost $4.5 million, 3% more than planned in May 2020, and "
    "needs 40 tonnes of steel, according to the council.\n",
)
"""An invented article with a quote, money, a percentage, units and dates."""


def warm_up(nlp) -> None:
    """Run WARM_UP through `nlp` once, so that the stages' one-time costs (registries built on
    first use, late imports, compiled patterns) are paid now: in the runner's process before it
    forks its workers, once for all of them. Caches filled here are pure: outputs do not change."""
    process_chunk(nlp, [WARM_UP], time_limit=None)


def prepare(nlp) -> None:
    """Make failures of the claimsift stages under `nlp.pipe` name their stage.

    Only the default handler is replaced: `Language.set_error_handler` fails on spaCy's
    Cython pipes (they have no attribute dict), whose errors propagate as they are; the
    article-by-article path (`process_article`) names every stage itself.
    """
    nlp.default_error_handler = _raise_stage_error


def _make_doc(nlp, article: Article, start: int, end: int):
    from ..attrs import ARTICLE
    from ..guard import make_doc

    doc = make_doc(nlp, article.text[start:end])
    doc._.set(ARTICLE, article.metadata())
    return doc


def _records(article: Article, doc, offset: int):
    """The records of one processed doc (a segment at `offset`), checked against the article."""
    from ..export import doc_to_records

    try:
        records = doc_to_records(doc, offset)
    except Exception as error:  # noqa: BLE001
        raise StageError("export", error) from error
    text = article.text
    for r in records:  # the contract every consumer relies on
        if text[r.span.start : r.span.end] != r.text:
            raise StageError(
                "export", ValueError(f"record {r.id} does not match the text at {r.span.start}:{r.span.end}")
            )
    return records


def _result(article: Article, doc) -> ArticleResult:
    from ..export import records_to_jsonl

    records = _records(article, doc, 0)
    return ArticleResult(
        source=article.source,
        article_id=article.id,
        lines=records_to_jsonl(records),
        quotes=sum(r.type == "quote" for r in records),
        figures=sum(r.type == "numeric" for r in records),
        words=word_count(article.text),
    )


def _describe(error: BaseException) -> str:
    if isinstance(error, StageError):
        return str(error)
    return f"{type(error).__name__}: {error}"


# ---------------------------------------------------------------------------------------------
# The time limit


class Deadline:
    """The end of a time-limited block; `check(stage)` fails once it has passed."""

    def __init__(self, seconds: Optional[float]):
        self.seconds = seconds
        self.end = time.monotonic() + seconds if seconds else math.inf

    def message(self) -> str:
        return f"took longer than {self.seconds:g} s; given up"

    def check(self, stage: str) -> None:
        if time.monotonic() > self.end:
            raise StageError(stage, ArticleTimeout(self.message()))


_ANNOUNCE: Optional[Callable[[float], None]] = None
"""Set in a worker process: called with the monotonic time after which the process may be
stopped from outside (0: no block running)."""


def set_announcer(announce: Optional[Callable[[float], None]]) -> None:
    global _ANNOUNCE
    _ANNOUNCE = announce


def _set_async_exc(thread_id: int, exc) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


@contextmanager
def _time_limit(seconds: Optional[float]) -> Iterator[Deadline]:
    """Raise ArticleTimeout in the block after `seconds` (no limit when None/0)."""
    deadline = Deadline(seconds)
    if not seconds:
        yield deadline
        return
    if _ANNOUNCE is not None:
        _ANNOUNCE(deadline.end + hard_grace(seconds))
    in_main = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    timer = None
    if in_main:
        def expire(signum, frame):
            raise ArticleTimeout(deadline.message())

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    else:
        # Another thread (a Dask worker's): an asynchronous exception, raised at the thread's
        # next Python instruction; a timer that fires after the block ended raises nothing.
        lock = threading.Lock()
        state = {"active": True, "fired": False}
        target = threading.get_ident()

        def fire():
            with lock:
                if state["active"]:
                    state["fired"] = True
                    _set_async_exc(target, ArticleTimeout)

        def stop_process():  # stuck where no exception gets through: the nanny starts a new one
            with lock:
                if state["active"]:
                    os._exit(70)

        timer = [threading.Timer(seconds, fire), threading.Timer(seconds + hard_grace(seconds), stop_process)]
        for t in timer:
            t.daemon = True
            t.start()
    try:
        yield deadline
    finally:
        if in_main:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        else:
            with lock:
                state["active"] = False
                if state["fired"]:
                    _set_async_exc(target, None)  # not delivered yet: withdrawn
            for t in timer:
                t.cancel()
        if _ANNOUNCE is not None:
            _ANNOUNCE(0.0)


def _run_stages(nlp, doc, deadline: Deadline):
    """`nlp(doc)`, stage by stage, so that any failure (Cython pipes too) names its stage and a
    stage cannot hide that the time limit passed while it ran."""
    for name, proc in nlp.pipeline:
        try:
            doc = proc(doc)
        except StageError:
            raise
        except ArticleTimeout as error:
            raise StageError(name, ArticleTimeout(deadline.message())) from error
        except Exception as error:  # noqa: BLE001
            raise StageError(name, error) from error
        deadline.check(name)
    return doc


# ---------------------------------------------------------------------------------------------
# One article, one chunk


def _too_long(article: Article) -> Optional[ArticleResult]:
    if len(article.text) <= MAX_ARTICLE_CHARS:
        return None
    return ArticleResult(
        source=article.source, article_id=article.id, words=0,
        error=f"article too long ({len(article.text):,} characters, limit {MAX_ARTICLE_CHARS:,}); not processed",
    )


class _SpoolFailed(BaseException):
    """Writing a spool file failed (not caught as the article's failure)."""


def process_article(
    nlp, article: Article, time_limit: Optional[float] = TIME_LIMIT, spool_dir: Optional[str] = None
) -> ArticleResult:
    """Process one article on its own (in segments when long); a failure becomes the result's error.

    With `spool_dir`, the lines of an article of several segments are written, segment by
    segment, to a file there (the result's `spool`, for the caller to move and delete) instead of
    being held in memory; a failed article leaves no file.
    """
    from ..attrs import ARTICLE
    from ..export import records_to_jsonl
    from ..outputs import write_all

    refused = _too_long(article)
    if refused is not None:
        return refused
    pieces = segments(article.text, SEGMENT_CHARS)
    spool_fd, spool = (tempfile.mkstemp(dir=spool_dir, suffix=".jsonl") if spool_dir and len(pieces) > 1
                       else (None, None))
    parts: List[str] = []
    result = ArticleResult(source=article.source, article_id=article.id, words=word_count(article.text))
    try:
        with nlp.memory_zone():
            meta = None
            pending = deque(pieces)
            while pending:
                start, end = pending.popleft()
                with _time_limit(time_limit) as deadline:  # inside the zone: it always closes cleanly
                    doc = _make_doc(nlp, article, start, end)
                    deadline.check("tokenizer")
                    if len(doc) > SEGMENT_TOKENS:  # dense text: cut the segment again, smaller
                        limit = max(2, (end - start) * SEGMENT_TOKENS // len(doc))
                        smaller = segments(article.text[start:end], limit)
                        pending.extendleft((start + a, start + b) for a, b in reversed(smaller))
                        continue
                    doc = _run_stages(nlp, doc, deadline)
                if meta is None:
                    meta = dict(doc._.get(ARTICLE) or {})
                else:  # the article stage reads a headline and a date from the first segment only
                    doc._.set(ARTICLE, dict(meta))
                # Segments come in text order and a record lies inside its segment: the records
                # of each segment, in order, are the article's records in order.
                records = _records(article, doc, start)
                result.quotes += sum(r.type == "quote" for r in records)
                result.figures += sum(r.type == "numeric" for r in records)
                lines = records_to_jsonl(records)
                del records, doc
                if spool_fd is not None:
                    try:
                        write_all(spool_fd, lines.encode("utf-8", "surrogatepass"))
                    except OSError as error:
                        raise _SpoolFailed(f"cannot write {spool}: {error.strerror or error}") from None
                else:
                    parts.append(lines)
    except (Exception, _SpoolFailed) as error:  # noqa: BLE001 - isolate the article, report why
        if spool is not None:
            os.close(spool_fd)
            os.unlink(spool)
        if isinstance(error, _SpoolFailed):
            return ArticleResult(source=article.source, article_id=article.id, spool_error=str(error))
        return ArticleResult(source=article.source, article_id=article.id, words=result.words,
                             error=_describe(error))
    if spool is not None:
        os.close(spool_fd)
        result.spool = spool
    else:
        result.lines = "".join(parts)
    return result


def process_chunk(
    nlp, articles: Sequence[Article], batch_size: int = BATCH_SIZE, time_limit: Optional[float] = TIME_LIMIT,
    spool_dir: Optional[str] = None,
) -> List[ArticleResult]:
    """Process articles with nlp.pipe; when anything fails, redo them one by one to isolate it.

    Pure: the same chunk gives the same results, whatever process runs it (up to the time limit).
    """
    if any(len(a.text) > SEGMENT_CHARS for a in articles):
        return [process_article(nlp, a, time_limit, spool_dir) for a in articles]
    try:
        with nlp.memory_zone():
            with _time_limit(time_limit and time_limit * CHUNK_LIMIT_FACTOR) as deadline:
                docs = [_make_doc(nlp, a, 0, len(a.text)) for a in articles]
                dense = sum(len(doc) for doc in docs) > SEGMENT_TOKENS
                if not dense:
                    docs = list(nlp.pipe(docs, batch_size=batch_size))
            if not dense:
                deadline.check("nlp.pipe")
                return [_result(a, doc) for a, doc in zip(articles, docs)]
    except Exception:  # noqa: BLE001 - redone one by one below, which isolates the failure
        pass
    return [process_article(nlp, a, time_limit, spool_dir) for a in articles]

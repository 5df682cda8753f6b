"""The input formats: a .txt file (one article), an .html/.htm file (one web page's main text and
metadata), a .jsonl file (one article a line, read as a stream), each also gzip-compressed; and
which format a file name says it holds."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
from contextlib import nullcontext
from typing import Dict, Iterator, List, Optional, Tuple, Union

from .decoding import SNIFF_BYTES, binary_signature, decode_text, encodable, normalize_date
from .files import GZIP_ERRORS, describe_os_error, describe_read_error, display, open_regular, read_bytes
from .items import Article, Ids, Item, Problem, content_warnings

TXT = ".txt"
JSONL = ".jsonl"
HTML = (".html", ".htm")
GZ = ".gz"
SUFFIXES = (TXT, JSONL) + HTML
"""What is read (each also as NAME.SUFFIX.gz); any other file is skipped."""
MAX_LINE_BYTES = 256 * 2**20
"""A JSONL line longer than this is refused (an error) and skipped without being held in memory."""

# --------------------------------------------------------------------------- .txt and .html

_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)


def _looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:1024]))


def _page_article(
    html: Union[bytes, str], article_id: str, where: str, url: Optional[str] = None
) -> Tuple[Optional[Article], List[Problem]]:
    """The article of a web page (with the problems met), or None and the error."""
    from ..webpage import extract_page

    try:
        page = extract_page(html, url=url)
    except (ValueError, TypeError, RecursionError, LookupError) as err:
        return None, [Problem(where, f"cannot extract the article from the HTML ({err})", "error")]
    problems = []
    if not page.text:
        problems.append(Problem(where, "no article text found in the HTML (navigation or page furniture only)", "warning"))
    article = Article(
        id=article_id, text=page.text, source=where, published=page.published, title=page.title,
        url=page.url, author=page.author, site=page.site,
    )
    return article, problems


def _read_file(path: str, source: str, article_id: str, ids: Ids, kind: str, gz: bool) -> Iterator[Item]:
    """One article from a .txt or .html file (`kind` "txt" or "html")."""
    data, problem = read_bytes(path, source, gz)
    if problem is not None:
        yield problem
        return
    assert data is not None
    if kind == "txt" and _looks_like_html(data):
        kind = "html"
        yield Problem(source, "a .txt file holding a web page: read as HTML (main text extracted)", "warning")
    if kind == "html":
        signature = binary_signature(data[:SNIFF_BYTES])
        if signature or b"\x00" in data[:SNIFF_BYTES]:
            yield Problem(source, f"binary file ({signature or 'contains NUL bytes'})", "error")
            return
        article, problems = _page_article(data, article_id, source)
        if article is None:
            yield from problems
            return
        duplicate = ids.claim(article_id, source)
        if duplicate:
            yield duplicate
            return
        yield from problems
        yield from content_warnings(article.text, source, quiet=bool(problems))
        yield article
        return
    text, warnings, error = decode_text(data)
    if text is None:
        yield Problem(source, error or "not text", "error")
        return
    duplicate = ids.claim(article_id, source)
    if duplicate:
        yield duplicate
        return
    for reason in warnings:
        yield Problem(source, reason, "warning")
    yield from content_warnings(text, source)
    yield Article(id=article_id, text=text, source=source)


# --------------------------------------------------------------------------- .jsonl


def _optional_str(record: dict, key: str, where: str, problems: List[Problem]) -> Optional[str]:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    problems.append(Problem(where, f"{key!r} is not a string ({type(value).__name__}); ignored", "warning"))
    return None


def _jsonl_article(raw: bytes, lineno: int, source: str, stem: str, ids: Ids) -> Iterator[Item]:
    where = f"{source}:{lineno}"
    problems: List[Problem] = []
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        try:
            line = raw.decode("cp1252")
        except UnicodeDecodeError:
            yield Problem(where, f"neither UTF-8 nor cp1252 (byte 0x{raw[err.start:err.start + 1].hex()})", "error")
            return
        problems.append(Problem(where, "line is not valid UTF-8; decoded as cp1252", "warning"))
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        yield Problem(where, f"not valid JSON ({err.msg} at column {err.colno})", "error")
        return
    except (ValueError, RecursionError) as err:
        yield Problem(where, f"not valid JSON ({type(err).__name__})", "error")
        return
    if not isinstance(record, dict):
        yield Problem(where, f"expected a JSON object, got {type(record).__name__}", "error")
        return
    field = "text" if "text" in record else "html" if "html" in record else None
    if field is None:
        yield Problem(where, "record has no 'text' field (nor 'html')", "error")
        return
    text = record[field]
    if not isinstance(text, str):
        yield Problem(where, f"{field!r} is not a string ({type(text).__name__})", "error")
        return
    if not encodable(text):
        yield Problem(where, f"{field!r} contains an unpaired surrogate escape (not valid Unicode)", "error")
        return

    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not (raw_id is None or isinstance(raw_id, (str, int))):
        yield Problem(where, f"'id' must be a string or an integer, not {type(raw_id).__name__}", "error")
        return
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        article_id = f"{stem}:{lineno}"
        problems.append(Problem(where, f"record has no id; using {article_id}", "warning"))
    else:
        article_id = str(raw_id)
        if not encodable(article_id):
            yield Problem(where, "'id' contains an unpaired surrogate escape (not valid Unicode)", "error")
            return

    published, ok = normalize_date(record.get("published"))
    if not ok:
        shown = str(record.get("published"))[:60]
        problems.append(Problem(where, f"'published' is not an ISO date ({shown!r}); ignored", "warning"))
    meta: Dict[str, Optional[str]] = {}
    for key in ("title", "url", "author", "site"):
        value = _optional_str(record, key, where, problems)
        if value is not None and not encodable(value):
            problems.append(Problem(where, f"{key!r} contains an unpaired surrogate escape; ignored", "warning"))
            value = None
        meta[key] = value

    duplicate = ids.claim(article_id, where)
    if duplicate:
        yield duplicate
        return
    if field == "html":
        page, page_problems = _page_article(text, article_id, where, url=meta["url"])
        problems.extend(page_problems)
        if page is None:
            yield from problems
            return
        text = page.text
        published = published or page.published
        for key in meta:
            meta[key] = meta[key] or getattr(page, key)
    yield from problems
    yield from content_warnings(text, where, quiet=field == "html" and not text)
    yield Article(id=article_id, text=text, source=where, published=published, **meta)


def _skip_rest_of_line(handle) -> None:
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _read_jsonl(path: str, source: str, ids: Ids, gz: bool = False) -> Iterator[Item]:
    stem = split_name(os.path.basename(path))[0]
    lineno = 0
    nonblank = 0
    try:
        raw_handle, _ = open_regular(path)
    except OSError as err:
        yield Problem(source, describe_os_error(err), "error")
        return
    # A GzipFile does not close the file it reads: both are closed here.
    with raw_handle, (gzip.GzipFile(fileobj=raw_handle, mode="rb") if gz else nullcontext(raw_handle)) as handle:
        try:
            head = handle.read(SNIFF_BYTES)
            handle.seek(0)
        except GZIP_ERRORS as err:
            yield Problem(source, describe_read_error(err), "error")
            return
        signature = binary_signature(head)
        if signature or b"\x00" in head:
            yield Problem(source, f"binary file ({signature or 'contains NUL bytes'})", "error")
            return
        while True:
            try:
                raw = handle.readline(MAX_LINE_BYTES + 1)
                lineno += 1
                if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                    _skip_rest_of_line(handle)
                    yield Problem(f"{source}:{lineno}", f"line longer than {MAX_LINE_BYTES} bytes; skipped", "error")
                    continue
            except GZIP_ERRORS as err:
                yield Problem(f"{source}:{lineno}", f"read failed: {describe_read_error(err)}", "error")
                return
            if not raw:
                break
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if not raw.strip():
                continue
            nonblank += 1
            yield from _jsonl_article(raw, lineno, source, stem, ids)
    if nonblank == 0:
        yield Problem(source, "no articles in file (empty)", "warning")


# --------------------------------------------------------------------------- file names


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def split_name(name: str) -> Tuple[str, str, bool]:
    """(name without its suffixes, the suffix read by, gzip-compressed?): "a.html.gz" -> ("a", ".html", True).

    The suffix is "" for a file of another type.
    """
    gz = _suffix(name) == GZ
    inner = name[: -len(GZ)] if gz else name
    suffix = _suffix(inner)
    if suffix not in SUFFIXES:
        return name, "", gz
    return inner[: -len(suffix)], suffix, gz


NOT_READ = "not a .txt, .html, .htm or .jsonl file (nor one of them .gz-compressed)"


def read_any(path: str, source: str, stem_id: str, suffix: str, gz: bool, ids: Ids) -> Iterator[Item]:
    """The items of one file of a supported type (`stem_id`: its article id, for .txt and .html)."""
    if suffix == JSONL:
        yield from _read_jsonl(path, source, ids, gz)
        return
    article_id = stem_id
    if not encodable(article_id):
        article_id = display(article_id)
        yield Problem(source, "file name is not valid UTF-8; id uses U+FFFD for the bad bytes", "warning")
    yield from _read_file(path, source, article_id, ids, "txt" if suffix == TXT else "html", gz)

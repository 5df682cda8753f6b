"""Walk the inputs of a run and yield articles, or the problems that kept them out.

``iter_inputs(paths)`` takes folders, ``.txt``, ``.html``/``.htm`` and ``.jsonl`` files (and any
of them gzip-compressed, ``NAME.html.gz``) and yields, in a deterministic order, an
:class:`Article` for every article and a :class:`Problem` for everything
that went wrong or was left out. It never raises for a bad input: every ``OSError``,
``UnicodeError`` or malformed line becomes a ``Problem`` naming the file (and line).

Inputs
  - a folder: walked recursively, entries sorted by name at every level (so the order is the
    relative path compared part by part); dot-files and dot-folders are skipped silently;
    ``.txt``, ``.html``, ``.htm`` and ``.jsonl`` files and their ``.gz`` forms are read (suffix
    case-insensitive); any other file gives a ``skipped`` problem. Symbolic links are followed,
    but a folder is walked at most once per
    input (tracked by device and inode), so a symlink loop ends.
  - a ``.txt`` file: one article.
  - an ``.html``/``.htm`` file: one article, the page's main text and metadata (title, author,
    site, URL, publication date) as extracted by pipeline/webpage.py (trafilatura). A page with no
    main text gives an empty article with a warning. A ``.txt`` file whose text starts like a web
    page (``<!DOCTYPE html``, ``<html``) is read as one, with a warning.
  - a ``.jsonl`` file: one article a line, ``{"id", "text", "published"?, "title"?, "url"?,
    "author"?, "site"?}``, or ``"html"`` (a whole web page) instead of ``"text"``: the page's main
    text is extracted as for an ``.html`` file, and the line's own fields win over the page's
    metadata. A line with both uses ``"text"``. Other fields are ignored. Read as a stream, line
    by line.
  - ``NAME.SUFFIX.gz``: the gzip-compressed form of any of the above, read as it, decompressed
    as a stream (at most MAX_FILE_BYTES of text for a .txt or .html file).

Article ids
  - ``.txt`` or ``.html`` in a folder: its path relative to the folder given, without the
    extension (and without ``.gz``), with ``/`` separators (``politics/2022/budget``); a file given
    directly: its name without the extension(s).
  - JSONL: the record's ``id`` (a string, or an integer turned into a string); when missing,
    ``FILESTEM:LINE`` with a warning. JSONL files inside a folder keep the ids they give.
  - an id seen before in the same ``iter_inputs`` call (across all inputs) is an error
    ("duplicate id X, first at SOURCE"); the later article is not processed.

Text (what record offsets refer to)
  - ``.txt``: exactly what ``open(path, encoding="utf-8").read()`` returns: UTF-8 with universal
    newlines (``\\r\\n`` and a lone ``\\r`` become ``\\n``). A UTF-8 byte-order mark is kept, as the
    character U+FEFF at offset 0 (that is what the documented read gives), with a warning.
    A file that is not UTF-8 is decoded as cp1252 with a warning (a file that is neither is an
    error); a UTF-16/32 file with a byte-order mark is decoded as such with a warning. Files with
    NUL bytes, a known binary signature or many control characters are errors ("binary file").
  - JSONL: the ``text`` string exactly as the JSON gives it (no newline translation).
  - HTML (a file or a JSONL ``html`` field): the extracted main text, exactly as
    ``claimsift extract`` writes it.
  - an empty or whitespace-only article is still yielded (it gives no records), with a warning.

Problems come before the article they concern. Levels: ``error`` (the article is lost),
``warning`` (the article is kept but something was off), ``skipped`` (a file of another type, or a
folder already walked). Nothing in an input is ever executed or fetched.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import stat
import zlib
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from typing import Dict, Iterable, Iterator, List, Literal, Optional, Tuple, Union

__all__ = [
    "Article",
    "Problem",
    "iter_inputs",
    "decode_text",
    "normalize_date",
    "MAX_FILE_BYTES",
    "MAX_LINE_BYTES",
]

TXT = ".txt"
JSONL = ".jsonl"
HTML = (".html", ".htm")
GZ = ".gz"
SUFFIXES = (TXT, JSONL) + HTML
"""What is read (each also as NAME.SUFFIX.gz); any other file is skipped."""
MAX_FILE_BYTES = 256 * 2**20
"""A .txt file larger than this is refused (an error), not read into memory."""
MAX_LINE_BYTES = 256 * 2**20
"""A JSONL line longer than this is refused (an error) and skipped without being held in memory."""

_SNIFF_BYTES = 8192
_CONTROL_RATIO = 0.01
"""Share of C0 control characters (other than tab, line breaks, VT, FF) that marks a binary file."""

_BINARY_SIGNATURES: Tuple[Tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx/epub)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_UTF_BOMS: Tuple[Tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # not tab, newlines, VT, FF
_ISO_DATE_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")


@dataclass(frozen=True)
class Article:
    """One article to process. Record offsets refer to `text`."""

    id: str
    text: str
    source: str
    """Where it came from: the file path, or ``path:LINE`` for a JSONL line."""
    published: Optional[str] = None
    """YYYY-MM-DD, when the input gave a parseable date."""
    title: Optional[str] = None
    url: Optional[str] = None
    author: Optional[str] = None
    """The byline's author(s), from the input or the page's metadata."""
    site: Optional[str] = None
    """The publication's name, from the input or the page's metadata."""

    def metadata(self) -> Dict[str, Optional[str]]:
        """The article's metadata as the pipeline carries it (doc._.claimsift_article)."""
        return {
            "id": self.id, "published": self.published, "title": self.title, "url": self.url,
            "author": self.author, "site": self.site,
        }


@dataclass(frozen=True)
class Problem:
    """Something about the inputs the user must hear of."""

    source: str
    reason: str
    level: Literal["error", "warning", "skipped"]


Item = Union[Article, Problem]


# --------------------------------------------------------------------------- helpers


def _display(path: Union[str, "os.PathLike[str]"]) -> str:
    """A printable, UTF-8-encodable form of a path (undecodable bytes become U+FFFD)."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "replace")


def _describe_os_error(error: OSError) -> str:
    reason = error.strerror or type(error).__name__
    return reason[:1].lower() + reason[1:] if reason else str(error)


def _universal_newlines(text: str) -> str:
    """What text-mode reading with newline=None does: \\r\\n and a lone \\r become \\n."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _binary_signature(head: bytes) -> Optional[str]:
    for signature, label in _BINARY_SIGNATURES:
        if head.startswith(signature):
            return label
    return None


def _looks_binary_text(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    controls = len(_CONTROL_CHARS.findall(sample))
    return controls >= 8 and controls > _CONTROL_RATIO * len(sample)


def decode_text(data: bytes) -> Tuple[Optional[str], List[str], Optional[str]]:
    """Decode the bytes of a .txt file as ``open(path, encoding="utf-8").read()`` would.

    Returns ``(text, warnings, error)``: `text` is None exactly when `error` says why the bytes
    are not text. Universal newlines are applied; a UTF-8 byte-order mark is kept as U+FEFF.
    """
    warnings: List[str] = []
    for bom, codec, label in _UTF_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)  # the codec consumes the byte-order mark
            except UnicodeDecodeError as err:
                return None, warnings, f"starts with a {label} byte-order mark but is not valid {label} ({err.reason})"
            if "\x00" in text or _looks_binary_text(text):
                return None, warnings, "binary file (control characters)"
            warnings.append(f"decoded as {label} (byte-order mark), not UTF-8; offsets refer to the decoded text")
            return _universal_newlines(text), warnings, None
    signature = _binary_signature(data[:_SNIFF_BYTES])
    if signature:
        return None, warnings, f"binary file ({signature})"
    if b"\x00" in data:
        return None, warnings, "binary file (contains NUL bytes)"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return None, warnings, f"neither UTF-8 nor cp1252 (byte 0x{bad} at offset {err.start})"
        warnings.append(
            f"not valid UTF-8 (byte 0x{bad} at offset {err.start}); decoded as cp1252, "
            "offsets refer to the decoded text"
        )
    else:
        if text.startswith("\ufeff"):
            warnings.append(
                "starts with a UTF-8 byte-order mark, kept as U+FEFF at offset 0 "
                '(as open(path, encoding="utf-8") reads it)'
            )
    if _looks_binary_text(text):
        return None, warnings, "binary file (control characters)"
    return _universal_newlines(text), warnings, None


def normalize_date(value: object) -> Tuple[Optional[str], bool]:
    """``(YYYY-MM-DD or None, ok)`` for an ISO date or datetime string; None and "" are ok.

    A datetime keeps the calendar date it was written with (no time-zone conversion).
    """
    if value is None:
        return None, True
    if not isinstance(value, str):
        return None, False
    text = value.strip()
    if not text:
        return None, True
    try:
        return date.fromisoformat(text).isoformat(), True
    except ValueError:
        pass
    candidate = text[:-1] + "+00:00" if text[-1:] in "Zz" else text
    try:
        return datetime.fromisoformat(candidate).date().isoformat(), True
    except ValueError:
        pass
    match = _ISO_DATE_PREFIX.match(text)  # older Pythons parse fewer ISO forms
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat(), True
        except ValueError:
            pass
    return None, False


def _open_regular(path: str):
    """Open `path` for binary reading without blocking; OSError unless it is a regular file."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, "not a regular file (a pipe, socket or device)")
    except BaseException:
        os.close(fd)
        raise
    # fdopen owns the descriptor from here on, and closes it itself if it fails.
    return os.fdopen(fd, "rb"), info


class _Ids:
    """Ids seen so far in one iter_inputs call, with where they were first seen."""

    def __init__(self) -> None:
        self.first: Dict[str, str] = {}

    def claim(self, article_id: str, source: str) -> Optional[Problem]:
        first = self.first.get(article_id)
        if first is not None:
            return Problem(source, f"duplicate id {article_id}, first at {first}", "error")
        self.first[article_id] = source
        return None


def _content_warnings(text: str, source: str, quiet: bool = False) -> List[Problem]:
    if quiet:
        return []
    if not text:
        return [Problem(source, "empty article: nothing to extract", "warning")]
    if not text.strip():
        return [Problem(source, "whitespace-only article: nothing to extract", "warning")]
    return []


# --------------------------------------------------------------------------- .txt


_GZIP_ERRORS = (OSError, EOFError, zlib.error)
"""What reading a damaged gzip stream raises (gzip.BadGzipFile is an OSError)."""


def _read_bytes(path: str, source: str, gz: bool) -> Tuple[Optional[bytes], Optional[Problem]]:
    """The bytes of a file (decompressed when `gz`), or the problem that kept them out."""
    try:
        handle, info = _open_regular(path)
    except OSError as err:
        return None, Problem(source, _describe_os_error(err), "error")
    with handle:
        if not gz and info.st_size > MAX_FILE_BYTES:
            return None, Problem(source, f"file too large ({info.st_size} bytes, limit {MAX_FILE_BYTES})", "error")
        try:
            if gz:
                with gzip.GzipFile(fileobj=handle, mode="rb") as stream:
                    data = stream.read(MAX_FILE_BYTES + 1)
            else:
                data = handle.read(MAX_FILE_BYTES + 1)
        except _GZIP_ERRORS as err:
            return None, Problem(source, _describe_read_error(err), "error")
    if len(data) > MAX_FILE_BYTES:
        what = "decompressed text" if gz else "file"
        return None, Problem(source, f"{what} too large (more than {MAX_FILE_BYTES} bytes)", "error")
    return data, None


def _describe_read_error(err: BaseException) -> str:
    """What went wrong reading a file or a gzip stream, in a few words."""
    if isinstance(err, EOFError):
        return "not a readable gzip file (the compressed data ends early)"
    if isinstance(err, (gzip.BadGzipFile, zlib.error)):
        return f"not a readable gzip file ({err})"
    if isinstance(err, OSError):
        return _describe_os_error(err)
    return str(err)


_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)


def _looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:1024]))


def _page_article(
    html: Union[bytes, str], article_id: str, where: str, url: Optional[str] = None
) -> Tuple[Optional[Article], List[Problem]]:
    """The article of a web page (with the problems met), or None and the error."""
    from .webpage import extract_page

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


def _read_file(path: str, source: str, article_id: str, ids: _Ids, kind: str, gz: bool) -> Iterator[Item]:
    """One article from a .txt or .html file (`kind` "txt" or "html")."""
    data, problem = _read_bytes(path, source, gz)
    if problem is not None:
        yield problem
        return
    assert data is not None
    if kind == "txt" and _looks_like_html(data):
        kind = "html"
        yield Problem(source, "a .txt file holding a web page: read as HTML (main text extracted)", "warning")
    if kind == "html":
        signature = _binary_signature(data[:_SNIFF_BYTES])
        if signature or b"\x00" in data[:_SNIFF_BYTES]:
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
        yield from _content_warnings(article.text, source, quiet=bool(problems))
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
    yield from _content_warnings(text, source)
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


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _jsonl_article(raw: bytes, lineno: int, source: str, stem: str, ids: _Ids) -> Iterator[Item]:
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
    if not _encodable(text):
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
        if not _encodable(article_id):
            yield Problem(where, "'id' contains an unpaired surrogate escape (not valid Unicode)", "error")
            return

    published, ok = normalize_date(record.get("published"))
    if not ok:
        shown = str(record.get("published"))[:60]
        problems.append(Problem(where, f"'published' is not an ISO date ({shown!r}); ignored", "warning"))
    meta: Dict[str, Optional[str]] = {}
    for key in ("title", "url", "author", "site"):
        value = _optional_str(record, key, where, problems)
        if value is not None and not _encodable(value):
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
    yield from _content_warnings(text, where, quiet=field == "html" and not text)
    yield Article(id=article_id, text=text, source=where, published=published, **meta)


def _skip_rest_of_line(handle) -> None:
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _read_jsonl(path: str, source: str, ids: _Ids, gz: bool = False) -> Iterator[Item]:
    stem = _split_name(os.path.basename(path))[0]
    lineno = 0
    nonblank = 0
    try:
        raw_handle, _ = _open_regular(path)
    except OSError as err:
        yield Problem(source, _describe_os_error(err), "error")
        return
    # A GzipFile does not close the file it reads: both are closed here.
    with raw_handle, (gzip.GzipFile(fileobj=raw_handle, mode="rb") if gz else nullcontext(raw_handle)) as handle:
        try:
            head = handle.read(_SNIFF_BYTES)
            handle.seek(0)
        except _GZIP_ERRORS as err:
            yield Problem(source, _describe_read_error(err), "error")
            return
        signature = _binary_signature(head)
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
            except _GZIP_ERRORS as err:
                yield Problem(f"{source}:{lineno}", f"read failed: {_describe_read_error(err)}", "error")
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


# --------------------------------------------------------------------------- folders


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def _split_name(name: str) -> Tuple[str, str, bool]:
    """(name without its suffixes, the suffix read by, gzip-compressed?): "a.html.gz" -> ("a", ".html", True).

    The suffix is "" for a file of another type.
    """
    gz = _suffix(name) == GZ
    inner = name[: -len(GZ)] if gz else name
    suffix = _suffix(inner)
    if suffix not in SUFFIXES:
        return name, "", gz
    return inner[: -len(suffix)], suffix, gz


_NOT_READ = "not a .txt, .html, .htm or .jsonl file (nor one of them .gz-compressed)"


def _read_any(path: str, source: str, stem_id: str, suffix: str, gz: bool, ids: _Ids) -> Iterator[Item]:
    """The items of one file of a supported type (`stem_id`: its article id, for .txt and .html)."""
    if suffix == JSONL:
        yield from _read_jsonl(path, source, ids, gz)
        return
    article_id = stem_id
    if not _encodable(article_id):
        article_id = _display(article_id)
        yield Problem(source, "file name is not valid UTF-8; id uses U+FFFD for the bad bytes", "warning")
    yield from _read_file(path, source, article_id, ids, "txt" if suffix == TXT else "html", gz)


def _listing(path: str) -> List[os.DirEntry]:
    with os.scandir(path) as entries:
        return sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.name)


def _walk(root: str, root_source: str, ids: _Ids, root_info: os.stat_result) -> Iterator[Item]:
    visited = {(root_info.st_dev, root_info.st_ino)}
    root_real = os.path.realpath(root)
    root_inside = root_real.rstrip(os.sep) + os.sep
    try:
        top = _listing(root)
    except OSError as err:
        yield Problem(root_source, f"cannot list folder: {_describe_os_error(err)}", "error")
        return
    # A stack of (iterator over sorted entries, relative parts of that folder): depth first, in
    # name order, without recursion (deep trees cannot overflow the stack).
    stack: List[Tuple[Iterator[os.DirEntry], Tuple[str, ...]]] = [(iter(top), ())]
    while stack:
        entries, parts = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        rel = parts + (entry.name,)
        source = _display(os.path.join(root_source, *rel))
        suffix = _suffix(entry.name)
        try:
            is_dir = entry.is_dir()  # follows symbolic links
        except OSError as err:
            yield Problem(source, _describe_os_error(err), "error")
            continue
        if is_dir:
            try:
                if entry.is_symlink():
                    target = os.path.realpath(entry.path)
                    if target == root_real or target.startswith(root_inside):
                        yield Problem(source, "symbolic link to a folder inside the input (walked at its own path); skipped", "skipped")
                        continue
                info = entry.stat()
                key = (info.st_dev, info.st_ino)
                if key in visited:
                    yield Problem(source, "folder already walked (a symbolic link loop or second link); skipped", "skipped")
                    continue
                visited.add(key)
                listing = _listing(entry.path)
            except OSError as err:
                yield Problem(source, f"cannot list folder: {_describe_os_error(err)}", "error")
                continue
            stack.append((iter(listing), rel))
            continue
        try:
            is_file = entry.is_file()
        except OSError as err:
            yield Problem(source, _describe_os_error(err), "error")
            continue
        stem, suffix, gz = _split_name(entry.name)
        level = "error" if suffix else "skipped"
        if not is_file:
            if entry.is_symlink() and not os.path.exists(entry.path):
                yield Problem(source, "dangling symbolic link", level)
            else:
                yield Problem(source, "not a regular file (a pipe, socket or device)", level)
            continue
        if suffix:
            yield from _read_any(entry.path, source, "/".join(rel[:-1] + (stem,)), suffix, gz, ids)
        else:
            yield Problem(source, _NOT_READ, "skipped")


# --------------------------------------------------------------------------- entry point


def _iter_one(path: Union[str, "os.PathLike[str]"], ids: _Ids) -> Iterator[Item]:
    path_str = os.fspath(path)
    source = _display(path_str)
    try:
        info = os.stat(path_str)
    except FileNotFoundError:
        reason = "dangling symbolic link" if os.path.lexists(path_str) else "no such file or folder"
        yield Problem(source, reason, "error")
        return
    except OSError as err:
        yield Problem(source, _describe_os_error(err), "error")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(path_str, source, ids, info)
        return
    stem, suffix, gz = _split_name(os.path.basename(path_str))
    if not suffix:
        yield Problem(source, _NOT_READ, "skipped")
        return
    if not stat.S_ISREG(info.st_mode):
        yield Problem(source, "not a regular file (a pipe, socket or device)", "error")
        return
    yield from _read_any(path_str, source, stem, suffix, gz, ids)


def iter_inputs(paths: Iterable[Union[str, "os.PathLike[str]"]]) -> Iterator[Union[Article, Problem]]:
    """Articles and problems from `paths` (folders, .txt, .html and .jsonl files), in a stable order.

    Lazy: files are read only as the iterator advances, JSONL line by line. Ids are checked for
    duplicates across all `paths`. See the module docstring for the exact rules.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # one path, not an iterable of characters
    ids = _Ids()
    for path in paths:
        try:
            yield from _iter_one(path, ids)
        except (OSError, UnicodeError, ValueError) as err:  # a last guard: never a traceback
            yield Problem(_display(os.fspath(path)), f"{type(err).__name__}: {err}", "error")

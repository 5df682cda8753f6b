"""Walk the inputs of a run and yield articles, or the problems that kept them out.

``iter_inputs(paths)`` takes folders, ``.txt`` files and ``.jsonl`` files and yields, in a
deterministic order, an :class:`Article` for every article and a :class:`Problem` for everything
that went wrong or was left out. It never raises for a bad input: every ``OSError``,
``UnicodeError`` or malformed line becomes a ``Problem`` naming the file (and line).

Inputs
  - a folder: walked recursively, entries sorted by name at every level (so the order is the
    relative path compared part by part); dot-files and dot-folders are skipped silently;
    ``.txt`` and ``.jsonl`` files are read (suffix case-insensitive); any other file gives a
    ``skipped`` problem. Symbolic links are followed, but a folder is walked at most once per
    input (tracked by device and inode), so a symlink loop ends.
  - a ``.txt`` file: one article.
  - a ``.jsonl`` file: one article a line, ``{"id", "text", "published"?, "title"?, "url"?}``;
    other fields are ignored. Read as a stream, line by line.

Article ids
  - ``.txt`` in a folder: its path relative to the folder given, without the extension, with
    ``/`` separators (``politics/2022/budget``); a ``.txt`` given directly: its stem.
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
  - an empty or whitespace-only article is still yielded (it gives no records), with a warning.

Problems come before the article they concern. Levels: ``error`` (the article is lost),
``warning`` (the article is kept but something was off), ``skipped`` (a file of another type, or a
folder already walked). Nothing in an input is ever executed or fetched.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
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


def _content_warnings(text: str, source: str) -> List[Problem]:
    if not text:
        return [Problem(source, "empty article: nothing to extract", "warning")]
    if not text.strip():
        return [Problem(source, "whitespace-only article: nothing to extract", "warning")]
    return []


# --------------------------------------------------------------------------- .txt


def _read_txt(path: str, source: str, article_id: str, ids: _Ids) -> Iterator[Item]:
    try:
        handle, info = _open_regular(path)
        with handle:
            if info.st_size > MAX_FILE_BYTES:
                yield Problem(source, f"file too large ({info.st_size} bytes, limit {MAX_FILE_BYTES})", "error")
                return
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        yield Problem(source, _describe_os_error(err), "error")
        return
    if len(data) > MAX_FILE_BYTES:
        yield Problem(source, f"file too large (more than {MAX_FILE_BYTES} bytes)", "error")
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
    if "text" not in record:
        yield Problem(where, "record has no 'text' field", "error")
        return
    text = record["text"]
    if not isinstance(text, str):
        yield Problem(where, f"'text' is not a string ({type(text).__name__})", "error")
        return
    if not _encodable(text):
        yield Problem(where, "'text' contains an unpaired surrogate escape (not valid Unicode)", "error")
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
    title = _optional_str(record, "title", where, problems)
    url = _optional_str(record, "url", where, problems)
    for key, value in (("title", title), ("url", url)):
        if value is not None and not _encodable(value):
            problems.append(Problem(where, f"{key!r} contains an unpaired surrogate escape; ignored", "warning"))
            if key == "title":
                title = None
            else:
                url = None

    duplicate = ids.claim(article_id, where)
    if duplicate:
        yield duplicate
        return
    yield from problems
    yield from _content_warnings(text, where)
    yield Article(id=article_id, text=text, source=where, published=published, title=title, url=url)


def _skip_rest_of_line(handle) -> None:
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _read_jsonl(path: str, source: str, ids: _Ids) -> Iterator[Item]:
    stem = Path(path).stem
    lineno = 0
    nonblank = 0
    try:
        handle, _ = _open_regular(path)
    except OSError as err:
        yield Problem(source, _describe_os_error(err), "error")
        return
    with handle:
        try:
            head = handle.read(_SNIFF_BYTES)
            handle.seek(0)
        except OSError as err:
            yield Problem(source, _describe_os_error(err), "error")
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
            except OSError as err:
                yield Problem(f"{source}:{lineno}", f"read failed: {_describe_os_error(err)}", "error")
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
        level = "error" if suffix in (TXT, JSONL) else "skipped"
        if not is_file:
            if entry.is_symlink() and not os.path.exists(entry.path):
                yield Problem(source, "dangling symbolic link", level)
            else:
                yield Problem(source, "not a regular file (a pipe, socket or device)", level)
            continue
        if suffix == TXT:
            stem_parts = rel[:-1] + (entry.name[: -len(TXT)],)
            article_id = "/".join(stem_parts)
            if not _encodable(article_id):
                article_id = _display(article_id)
                yield Problem(source, "file name is not valid UTF-8; id uses U+FFFD for the bad bytes", "warning")
            yield from _read_txt(entry.path, source, article_id, ids)
        elif suffix == JSONL:
            yield from _read_jsonl(entry.path, source, ids)
        else:
            yield Problem(source, "not a .txt or .jsonl file", "skipped")


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
    name = os.path.basename(path_str)
    suffix = _suffix(name)
    if suffix not in (TXT, JSONL):
        yield Problem(source, "not a .txt or .jsonl file", "skipped")
        return
    if not stat.S_ISREG(info.st_mode):
        yield Problem(source, "not a regular file (a pipe, socket or device)", "error")
        return
    if suffix == TXT:
        article_id = name[: -len(TXT)]
        if not _encodable(article_id):
            article_id = _display(article_id)
            yield Problem(source, "file name is not valid UTF-8; id uses U+FFFD for the bad bytes", "warning")
        yield from _read_txt(path_str, source, article_id, ids)
    else:
        yield from _read_jsonl(path_str, source, ids)


def iter_inputs(paths: Iterable[Union[str, "os.PathLike[str]"]]) -> Iterator[Union[Article, Problem]]:
    """Articles and problems from `paths` (folders, .txt and .jsonl files), in a stable order.

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

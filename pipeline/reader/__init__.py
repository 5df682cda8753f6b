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

Modules: ``discovery`` walks folders and files (``iter_inputs``), ``formats`` reads each input
format, ``decoding`` turns bytes into text (and dates into ISO dates), ``files`` opens and reads
files safely, ``items`` holds what is yielded (``Article``, ``Problem``).
"""

from __future__ import annotations

from .decoding import decode_text, normalize_date
from .discovery import iter_inputs
from .files import MAX_FILE_BYTES
from .formats import MAX_LINE_BYTES
from .items import Article, Item, Problem

__all__ = [
    "Article",
    "Problem",
    "Item",
    "iter_inputs",
    "decode_text",
    "normalize_date",
    "MAX_FILE_BYTES",
    "MAX_LINE_BYTES",
]

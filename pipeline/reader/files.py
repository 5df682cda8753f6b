"""Opening and reading input files safely: regular files only, never blocking on a pipe, a size
limit, gzip streams; errors become a few words for a `Problem`, paths a printable text."""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from typing import Optional, Tuple, Union

from .items import Problem

MAX_FILE_BYTES = 256 * 2**20
"""A .txt file larger than this is refused (an error), not read into memory."""


def display(path: Union[str, "os.PathLike[str]"]) -> str:
    """A printable, UTF-8-encodable form of a path (undecodable bytes become U+FFFD)."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "replace")


def describe_os_error(error: OSError) -> str:
    reason = error.strerror or type(error).__name__
    return reason[:1].lower() + reason[1:] if reason else str(error)


def open_regular(path: str):
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


GZIP_ERRORS = (OSError, EOFError, zlib.error)
"""What reading a damaged gzip stream raises (gzip.BadGzipFile is an OSError)."""


def read_bytes(path: str, source: str, gz: bool) -> Tuple[Optional[bytes], Optional[Problem]]:
    """The bytes of a file (decompressed when `gz`), or the problem that kept them out."""
    try:
        handle, info = open_regular(path)
    except OSError as err:
        return None, Problem(source, describe_os_error(err), "error")
    with handle:
        if not gz and info.st_size > MAX_FILE_BYTES:
            return None, Problem(source, f"file too large ({info.st_size} bytes, limit {MAX_FILE_BYTES})", "error")
        try:
            if gz:
                with gzip.GzipFile(fileobj=handle, mode="rb") as stream:
                    data = stream.read(MAX_FILE_BYTES + 1)
            else:
                data = handle.read(MAX_FILE_BYTES + 1)
        except GZIP_ERRORS as err:
            return None, Problem(source, describe_read_error(err), "error")
    if len(data) > MAX_FILE_BYTES:
        what = "decompressed text" if gz else "file"
        return None, Problem(source, f"{what} too large (more than {MAX_FILE_BYTES} bytes)", "error")
    return data, None


def describe_read_error(err: BaseException) -> str:
    """What went wrong reading a file or a gzip stream, in a few words."""
    if isinstance(err, EOFError):
        return "not a readable gzip file (the compressed data ends early)"
    if isinstance(err, (gzip.BadGzipFile, zlib.error)):
        return f"not a readable gzip file ({err})"
    if isinstance(err, OSError):
        return describe_os_error(err)
    return str(err)

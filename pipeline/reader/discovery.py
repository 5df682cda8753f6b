"""Walking the inputs: folders recursively in name order (dot-files skipped, each folder once, so a
symbolic-link loop ends), single files, and the entry point `iter_inputs`."""

from __future__ import annotations

import os
import stat
from typing import Iterable, Iterator, List, Tuple, Union

from .files import describe_os_error, display
from .formats import NOT_READ, read_any, split_name
from .items import Article, Ids, Item, Problem

def _listing(path: str) -> List[os.DirEntry]:
    with os.scandir(path) as entries:
        return sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.name)


def _walk(root: str, root_source: str, ids: Ids, root_info: os.stat_result) -> Iterator[Item]:
    visited = {(root_info.st_dev, root_info.st_ino)}
    root_real = os.path.realpath(root)
    root_inside = root_real.rstrip(os.sep) + os.sep
    try:
        top = _listing(root)
    except OSError as err:
        yield Problem(root_source, f"cannot list folder: {describe_os_error(err)}", "error")
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
        source = display(os.path.join(root_source, *rel))
        try:
            is_dir = entry.is_dir()  # follows symbolic links
        except OSError as err:
            yield Problem(source, describe_os_error(err), "error")
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
                yield Problem(source, f"cannot list folder: {describe_os_error(err)}", "error")
                continue
            stack.append((iter(listing), rel))
            continue
        try:
            is_file = entry.is_file()
        except OSError as err:
            yield Problem(source, describe_os_error(err), "error")
            continue
        stem, suffix, gz = split_name(entry.name)
        level = "error" if suffix else "skipped"
        if not is_file:
            if entry.is_symlink() and not os.path.exists(entry.path):
                yield Problem(source, "dangling symbolic link", level)
            else:
                yield Problem(source, "not a regular file (a pipe, socket or device)", level)
            continue
        if suffix:
            yield from read_any(entry.path, source, "/".join(rel[:-1] + (stem,)), suffix, gz, ids)
        else:
            yield Problem(source, NOT_READ, "skipped")


# --------------------------------------------------------------------------- entry point


def _iter_one(path: Union[str, "os.PathLike[str]"], ids: Ids) -> Iterator[Item]:
    path_str = os.fspath(path)
    source = display(path_str)
    try:
        info = os.stat(path_str)
    except FileNotFoundError:
        reason = "dangling symbolic link" if os.path.lexists(path_str) else "no such file or folder"
        yield Problem(source, reason, "error")
        return
    except OSError as err:
        yield Problem(source, describe_os_error(err), "error")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(path_str, source, ids, info)
        return
    stem, suffix, gz = split_name(os.path.basename(path_str))
    if not suffix:
        yield Problem(source, NOT_READ, "skipped")
        return
    if not stat.S_ISREG(info.st_mode):
        yield Problem(source, "not a regular file (a pipe, socket or device)", "error")
        return
    yield from read_any(path_str, source, stem, suffix, gz, ids)


def iter_inputs(paths: Iterable[Union[str, "os.PathLike[str]"]]) -> Iterator[Union[Article, Problem]]:
    """Articles and problems from `paths` (folders, .txt, .html and .jsonl files), in a stable order.

    Lazy: files are read only as the iterator advances, JSONL line by line. Ids are checked for
    duplicates across all `paths`. See the module docstring for the exact rules.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # one path, not an iterable of characters
    ids = Ids()
    for path in paths:
        try:
            yield from _iter_one(path, ids)
        except (OSError, UnicodeError, ValueError) as err:  # a last guard: never a traceback
            yield Problem(display(os.fspath(path)), f"{type(err).__name__}: {err}", "error")

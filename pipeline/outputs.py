"""The files of a run writing ``OUT``: checks before the run, the lock, whole-line writes, resume.

- ``OUT``: the records, appended as each article's results come in, whole lines only: all the
  lines of one article are appended before its progress mark (a long article's lines come from
  a spool file the worker wrote).
- ``OUT.errors.jsonl``: one JSON object per problem, in input order.
- ``OUT.progress``: a header naming the inputs and every option that changes the output, then one
  line per finished input item with the sizes of both files after it and the running counts.
  ``--resume`` cuts both files back to the last consistent line (dropping anything half-written)
  and continues from the next item; the last line of a finished run says so.

While a run writes OUT it holds an exclusive lock (``flock``) on it: a second run on the same OUT
stops before touching any file. Problems with the output (a folder that cannot be written, a
full disk, a name too long, a device instead of a file) are ``RunError`` before the run starts
and ``OutputError`` during it, each one line naming the file and the reason.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple, Union

# Characters that JSON leaves unescaped inside strings but that line readers (str.splitlines,
# some JavaScript) take for line ends: written as \uXXXX escapes, the same JSON value, so that a
# record is always exactly one line for every reader.
_LINE_ENDS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def one_line_json(text: str) -> str:
    """JSON text with U+0085, U+2028 and U+2029 escaped (only valid for JSON, where these
    characters can stand only inside strings)."""
    return text.translate(_LINE_ENDS)


PROGRESS_FORMAT = 3
COUNTERS = ("articles", "failed", "quotes", "figures", "warnings", "skipped", "words")
SIDE_SUFFIXES = (".errors.jsonl", ".progress")
COPY_BLOCK = 1 << 20


class RunError(Exception):
    """A usage problem that stops the run before it starts (exit status 2)."""


class OutputError(Exception):
    """The output files could not be written during the run (exit status 1); what was written
    before is consistent and ``--resume`` continues from it."""


_RUN_FDS = set()
"""The open files of the runs in this process: closed in a forked child (a worker), so that the
lock on OUT goes with the run's process and never lives on in one of its workers."""


def _close_in_child() -> None:
    for fd in _RUN_FDS:
        try:
            os.close(fd)  # this process's copy only: the run's lock stays with the run
        except OSError:
            pass
    _RUN_FDS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_in_child)


def _run_fd(fd: int) -> int:
    _RUN_FDS.add(fd)
    return fd


def errors_path(out: Path) -> Path:
    return Path(out).with_name(Path(out).name + ".errors.jsonl")


def progress_path(out: Path) -> Path:
    return Path(out).with_name(Path(out).name + ".progress")


def _exists(path: Path) -> bool:
    try:
        path.stat()
    except FileNotFoundError:
        return False
    except OSError:
        return True  # there, though not reachable: the open says why
    return True


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def check_output(out: Path, inputs: Sequence[Union[str, Path]], force: bool, resume: bool) -> None:
    """Refuse, before any file is touched, an output that cannot be written or would destroy an input."""
    existing = next((p for p in (out.parent, *out.parent.parents) if _exists(p)), Path("."))
    if not existing.is_dir():
        raise RunError(f"cannot write {out}: {existing} is a file, not a folder")
    try:
        limit = os.pathconf(existing, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    for name in (*out.parent.relative_to(existing).parts, out.name + SIDE_SUFFIXES[0]):
        if len(os.fsencode(name)) > limit:
            raise RunError(f"cannot write {out}: the name {name[:40]}... is too long "
                           f"({len(os.fsencode(name))} bytes with the side file's suffix; the limit is {limit})")
    try:
        mode = out.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise RunError(f"cannot write {out}: {_reason(error)}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise RunError(f"output is a folder: {out}")
    if mode is not None and not stat.S_ISREG(mode):
        raise RunError(f"output is not a regular file: {out} (give the path of a file: a run writes "
                       "it and two side files next to it, .errors.jsonl and .progress)")
    if mode is not None and not (force or resume):
        raise RunError(f"{out} exists; use --force to overwrite it or --resume to continue it")
    own = {os.path.realpath(p) for p in (out, errors_path(out), progress_path(out))}
    out_real = os.path.realpath(out.parent) + os.sep
    for path in inputs:
        real = os.path.realpath(path)
        if real in own or (mode is not None and os.path.isfile(path) and os.path.samefile(path, out)):
            raise RunError(f"input {path} is the output or one of its side files (or a link to it)")
        if os.path.isdir(real) and out_real.startswith(real.rstrip(os.sep) + os.sep):
            raise RunError(
                f"output {out} is inside the input folder {path} and would be read back as input; "
                "write it elsewhere"
            )


@dataclass
class Progress:
    """What OUT.progress says: the run's header and the last consistent mark."""

    header: Optional[Dict]
    mark: Dict
    keep_bytes: int
    """Length of the progress file up to and including the mark's line."""


ZERO = {"items": 0, "out": 0, "errors": 0}


def _bad_mark(entry: Dict) -> Optional[str]:
    for key in ("items", "out", "errors", *COUNTERS):
        if key not in entry and key not in ZERO:
            continue
        value = entry.get(key)
        if type(value) is not int or value < 0:
            return f"{key} is {value!r}, not a count"
    if not isinstance(entry.get("last"), (str, type(None))):
        return "last is not a source"
    return None


def read_progress(out: Path) -> Progress:
    """The last progress mark that agrees with the files on disk (sizes, whole lines).

    After a crash of the machine the progress file may have reached the disk further than OUT
    did; marks pointing past the end of OUT or of the errors file, or not at a line end, are
    passed over. A torn last line is dropped; any other line that is not a valid mark makes the
    file damaged (RunError).
    """
    out = Path(out)
    path = progress_path(out)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Progress(None, dict(ZERO), 0)
    except OSError as error:
        raise RunError(f"cannot read {path}: {_reason(error)}") from None
    header: Optional[Dict] = None
    marks: List[Tuple[Dict, int]] = []
    pos = 0
    number = 0
    previous = dict(ZERO)
    while pos < len(data):
        nl = data.find(b"\n", pos)
        if nl < 0:
            break  # a torn last line
        number += 1
        try:
            entry = json.loads(data[pos:nl])
        except ValueError:
            entry = None
        pos = nl + 1
        if header is None:
            if not (isinstance(entry, dict) and isinstance(entry.get("inputs"), list)):
                raise RunError(f"cannot resume {out}: {path.name} is damaged (line 1 is not its header); "
                               "use --force to start again")
            header = entry
            marks.append((dict(ZERO), pos))
            continue
        problem = "not a JSON object" if not isinstance(entry, dict) else _bad_mark(entry)
        if problem is None and any(entry[k] < previous[k] for k in ZERO):
            problem = "it goes back from the line before"
        if problem is not None:
            raise RunError(f"cannot resume {out}: {path.name} is damaged (line {number}: {problem}); "
                           "use --force to start again")
        previous = entry
        marks.append((entry, pos))
    sizes = {}
    for key, side in (("out", out), ("errors", errors_path(out))):
        try:
            sizes[key] = side.stat().st_size
        except FileNotFoundError:
            sizes[key] = 0
    for mark, keep in reversed(marks):
        if all(_ends_a_line(side, mark[key], sizes[key])
               for key, side in (("out", out), ("errors", errors_path(out)))):
            return Progress(header, mark, keep)
    return Progress(header, dict(ZERO), len(data) if header is None else 0)


def _ends_a_line(path: Path, offset: int, size: int) -> bool:
    if offset == 0:
        return True
    if offset > size:
        return False
    with open(path, "rb") as handle:
        handle.seek(offset - 1)
        return handle.read(1) == b"\n"


def _inputs_key(inputs: Sequence[Union[str, Path]]) -> List[str]:
    return [os.path.abspath(os.fspath(p)) for p in inputs]


class Outputs:
    """The output, errors and progress files of a run, written whole lines at a time.

    `options`: everything besides the inputs that changes the output (model, indirect speech,
    time limit); a resume with other values is refused.
    """

    def __init__(self, out: Path, inputs: Sequence[Union[str, Path]], options: Dict, resume: bool):
        self.out_path = out
        self.err_path = errors_path(out)
        self.progress_path = progress_path(out)
        self.counts = {name: 0 for name in COUNTERS}
        self.finished = False
        self.last_source: Optional[str] = None
        self.out = self.err = self.progress = None
        header = {"claimsift_progress": PROGRESS_FORMAT, "inputs": _inputs_key(inputs), "options": options}
        where = out
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            self.out = _run_fd(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644))
            try:
                fcntl.flock(self.out, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    self.close()
                    raise RunError(f"{out} is being written by another claimsift run; wait for it to "
                                   "end (or stop it), then run again") from None
                raise
            if resume:
                self._resume(out, header)
            else:
                self.done_items = self.out_size = self.err_size = 0
                _cut(self.out, 0)
                where = self.err_path
                self.err = _open_at(self.err_path, 0)
                where = self.progress_path
                self.progress = _open_at(self.progress_path, 0)
                write_all(self.progress, (json.dumps(header, ensure_ascii=False) + "\n").encode("utf-8"))
        except OSError as error:
            self.close()
            raise RunError(f"cannot write {where}: {_reason(error)}") from None
        except RunError:
            self.close()
            raise

    def _resume(self, out: Path, header: Dict) -> None:
        progress = read_progress(out)
        old = progress.header
        if old is None or old.get("claimsift_progress") != PROGRESS_FORMAT:
            raise RunError(
                f"cannot resume {out}: {self.progress_path.name} is missing or not from this version "
                "of claimsift; use --force to start again"
            )
        if old.get("inputs") != header["inputs"]:
            raise RunError(
                f"cannot resume {out}: it was a run of {' '.join(map(str, old.get('inputs') or []))}; "
                "give the same inputs, or use --force to start again"
            )
        before = old.get("options") if isinstance(old.get("options"), dict) else {}
        changed = [f"{key} was {before.get(key)!r}, now {value!r}" for key, value in header["options"].items()
                   if before.get(key) != value]
        if changed:
            raise RunError(
                f"cannot resume {out} with other options ({'; '.join(changed)}): the output would mix "
                "both; resume with the options of the interrupted run, or use --force to start again"
            )
        mark = progress.mark
        self.done_items = mark["items"]
        self.out_size, self.err_size = mark["out"], mark["errors"]
        self.finished = bool(mark.get("finished"))
        self.last_source = mark.get("last")
        for name in COUNTERS:
            self.counts[name] = int(mark.get(name, 0))
        _cut(self.out, self.out_size)
        self.err = _open_at(self.err_path, self.err_size)
        self.progress = _open_at(self.progress_path, progress.keep_bytes)

    def problems_so_far(self) -> List[Dict]:
        """The problems already in the errors file (of the interrupted part of a resumed run)."""
        if not self.err_size:
            return []
        with open(self.err_path, "rb") as handle:
            data = handle.read(self.err_size)
        return [json.loads(line) for line in data.splitlines() if line.strip()]

    def write(self, lines: str, problem: Optional[Dict], source: str, spool: Optional[str] = None) -> None:
        """One input item's lines (and/or the file `spool` holding them, deleted after) and problem."""
        where = self.out_path
        try:
            if lines:
                self.out_size += write_all(self.out, lines.encode("utf-8", "surrogatepass"))
            if spool is not None:
                with open(spool, "rb") as handle:
                    while True:
                        block = handle.read(COPY_BLOCK)
                        if not block:
                            break
                        self.out_size += write_all(self.out, block)
            if problem is not None:
                where = self.err_path
                data = one_line_json(json.dumps(problem, ensure_ascii=False, sort_keys=True)) + "\n"
                self.err_size += write_all(self.err, data.encode("utf-8", "surrogatepass"))
            self.done_items += 1
            where = self.progress_path
            self._mark(last=source)
        except OSError as error:
            raise OutputError(
                f"cannot write {where}: {_reason(error)}; the articles before {source} are written: "
                "once that is fixed, run the same command with --resume to finish"
            ) from None
        finally:
            if spool is not None:
                _unlink(spool)

    def _mark(self, **extra) -> None:
        mark = {"items": self.done_items, "out": self.out_size, "errors": self.err_size, **self.counts, **extra}
        write_all(self.progress, (json.dumps(mark, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass"))

    def finish(self) -> None:
        try:
            self._mark(finished=True)
        except OSError as error:
            raise OutputError(f"cannot write {self.progress_path}: {_reason(error)}; once that is fixed, "
                              "run the same command with --resume to finish") from None

    def close(self) -> None:
        for name in ("err", "progress", "out"):  # OUT last: its lock goes with it
            fd = getattr(self, name)
            if fd is not None:
                setattr(self, name, None)
                _RUN_FDS.discard(fd)
                try:
                    os.close(fd)
                except OSError:
                    pass


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _cut(fd: int, size: int) -> None:
    """Cut an open file to `size` (drops a torn tail; never grows the file)."""
    if os.fstat(fd).st_size != size:
        os.ftruncate(fd, min(size, os.fstat(fd).st_size))


def _open_at(path: Path, size: int) -> int:
    """Open for appending, cut to `size` first."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        _cut(fd, size)
    except OSError:
        os.close(fd)
        raise
    return _run_fd(fd)


def write_all(fd: int, data: bytes) -> int:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]
    return len(data)

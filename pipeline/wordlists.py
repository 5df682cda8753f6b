"""The one strict loader for the word lists in ``pipeline/resources/``.

Every list is UTF-8 text, one entry a line; ``#`` starts a comment (a whole line, or the rest of
a line), blank lines are skipped. A table has TAB-separated columns. A line that breaks its list's
format raises `ResourceError` naming the file and the line; a list with no entries warns
(`EmptyResourceWarning`): a stage built on an empty list runs, but finds nothing.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

RESOURCES = Path(__file__).resolve().parent / "resources"

GENDERS = ("m", "f")


class ResourceError(ValueError):
    """A word list is missing or has a malformed line."""

    def __init__(self, path: Path, line: Optional[int], reason: str):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")
        self.path, self.line, self.reason = path, line, reason


class EmptyResourceWarning(UserWarning):
    """A word list has no entries."""


def entries(name: str, columns: Tuple[int, int] = (1, 1), folder: Path = RESOURCES) -> List[Tuple[int, List[str]]]:
    """(line number, columns) for every entry of the list `name`, comments and blanks skipped.

    `columns` is the (least, most) number of TAB-separated columns a line may have; each column is
    stripped and must not be empty.
    """
    path = folder / name
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResourceError(path, None, "word list not found") from None
    except UnicodeDecodeError as err:
        raise ResourceError(path, None, f"not UTF-8 text ({err.reason})") from None
    out: List[Tuple[int, List[str]]] = []
    least, most = columns
    for number, line in enumerate(raw.splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if any(ord(ch) < 32 and ch != "\t" for ch in line):
            raise ResourceError(path, number, "control character in the entry")
        cols = [c.strip() for c in line.split("\t")]
        if not least <= len(cols) <= most:
            want = f"{least}" if least == most else f"{least} to {most}"
            raise ResourceError(path, number, f"{len(cols)} TAB-separated columns, expected {want}")
        if any(not c for c in cols):
            raise ResourceError(path, number, "empty column")
        out.append((number, cols))
    if not out:
        warnings.warn(f"{path}: the word list is empty", EmptyResourceWarning, stacklevel=2)
    return out


def lines(name: str, folder: Path = RESOURCES) -> List[str]:
    """The entries of a one-column list, as written."""
    return [cols[0] for _, cols in entries(name, (1, 1), folder)]


def words(name: str, folder: Path = RESOURCES) -> FrozenSet[str]:
    """The entries of a one-column list, lower-cased."""
    return frozenset(w.lower() for w in lines(name, folder))


def norm_word(w: str) -> str:
    """How titles and name words are compared: lower case, no trailing period."""
    return w.lower().rstrip(".")


def gendered(name: str, folder: Path = RESOURCES) -> Dict[Tuple[str, ...], Optional[str]]:
    """A ``words [TAB m|f]`` table: normalized words -> gender or None."""
    path = folder / name
    table: Dict[Tuple[str, ...], Optional[str]] = {}
    for number, cols in entries(name, (1, 2), folder):
        gender = cols[1] if len(cols) > 1 else None
        if gender is not None and gender not in GENDERS:
            raise ResourceError(path, number, f"gender {gender!r}, expected m or f")
        table[tuple(norm_word(w) for w in cols[0].split())] = gender
    return table


def mapping(name: str, folder: Path = RESOURCES) -> Dict[Tuple[str, ...], FrozenSet[str]]:
    """A ``words TAB value [value ...]`` table: normalized words -> lower-cased values."""
    return {tuple(norm_word(w) for w in cols[0].split()): frozenset(cols[1].lower().split())
            for _, cols in entries(name, (2, 2), folder)}


def check_all(names: Sequence[str] = (), folder: Path = RESOURCES) -> None:
    """Read every list (or those named) with the loose one-to-many-columns format: raises on the
    first malformed line. The stages read their lists with their own formats at import."""
    for path in sorted(folder.glob("*.txt")) if not names else [folder / n for n in names]:
        entries(path.name, (1, 8), folder)

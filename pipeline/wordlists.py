"""The one strict loader for the word lists in ``pipeline/resources/``, and how a pipeline carries them.

Every list is UTF-8 text, one entry a line; ``#`` starts a comment (a whole line, or the rest of
a line), blank lines are skipped. A table has TAB-separated columns. A line that breaks its list's
format raises `ResourceError` naming the file and the line; a list with no entries warns
(`EmptyResourceWarning`): a stage built on an empty list runs, but finds nothing.

Each list belongs to one stage (`OWNERS`), which saves it with the pipeline and lets its config
replace it (`StageLists`): ``nlp.to_disk`` writes the stage's lists into the stage's folder,
``spacy.load`` reads them back, and the stage's ``lists`` setting names a file or gives the
entries for a list (``{"quotes_reporting_verbs": "my_verbs.txt"}``; spaCy's config overrides
read a dot as a section, so leave ``.txt`` off the name). What a stage's config
gives wins over what was saved, which wins over the file in ``pipeline/resources/``.

The rule modules read their lists once, when they are imported (the stages import them at their
first document), so a process runs one set of lists: the text of a list is fixed the first time it
is read or set, and setting it to other entries afterwards raises `ResourceError` (load such a
pipeline in a new process).
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple, Union

RESOURCES = Path(__file__).resolve().parent / "resources"

GENDERS = ("m", "f")

OWNERS: Dict[str, Tuple[str, ...]] = {
    "claimsift_article": ("article_",),
    "claimsift_entities": ("people_", "org_"),
    "claimsift_quotes": ("quotes_",),
    "claimsift_figures": ("claims_", "figures_", "quantities_"),
}
"""The stage (factory name) that owns each list, by the list's name prefix: the stage saves the
list with the pipeline and its config may replace it (other stages read it too)."""


class ResourceError(ValueError):
    """A word list is missing or has a malformed line."""

    def __init__(self, path: Union[Path, str], line: Optional[int], reason: str):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")
        self.path, self.line, self.reason = path, line, reason


class EmptyResourceWarning(UserWarning):
    """A word list has no entries."""


def _read_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResourceError(path, None, "word list not found") from None
    except UnicodeDecodeError as err:
        raise ResourceError(path, None, f"not UTF-8 text ({err.reason})") from None
    except OSError as err:
        raise ResourceError(path, None, f"cannot read the word list ({err.strerror or err})") from None


_IN_FORCE: Dict[str, Tuple[str, Union[Path, str]]] = {}
"""list name -> (its text, where it came from), fixed for this process when first read or set."""


def _in_force(name: str) -> Tuple[str, Union[Path, str]]:
    """The text of the list `name` this process runs with, and where it came from."""
    if name not in _IN_FORCE:
        path = RESOURCES / name
        _IN_FORCE[name] = (_read_file(path), path)
    return _IN_FORCE[name]


def text(name: str) -> str:
    """The text of the list `name` this process runs with (the file in resources/, unless a stage set it)."""
    return _in_force(name)[0]


def use(name: str, content: str, origin: Union[Path, str]) -> None:
    """Run this process with `content` as the text of the list `name` (`origin` names where it
    came from). A malformed line raises `ResourceError` naming `origin` and the line.

    Raises `ResourceError` too when the list was already read or set with other entries: the rule
    modules read their lists once, so a process runs one set of lists.
    """
    if name in _IN_FORCE:
        current, source = _IN_FORCE[name]
        if current != content:
            raise ResourceError(origin, None, f"the word list {name} differs from the one this process already runs "
                                              f"with (from {source}); load this pipeline in a new process")
        return
    _parse(content, origin, (1, 8))
    _IN_FORCE[name] = (content, origin)


def _source(name: str, folder: Path) -> Tuple[str, Union[Path, str]]:
    """The text of a list and where it came from: for the lists in resources/, the text this
    process runs with; elsewhere (tests), the file's."""
    if folder == RESOURCES:
        return _in_force(name)
    path = folder / name
    return _read_file(path), path


def _parse(raw: str, path: Union[Path, str], columns: Tuple[int, int]) -> List[Tuple[int, List[str]]]:
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
    return out


def entries(name: str, columns: Tuple[int, int] = (1, 1), folder: Path = RESOURCES) -> List[Tuple[int, List[str]]]:
    """(line number, columns) for every entry of the list `name`, comments and blanks skipped.

    `columns` is the (least, most) number of TAB-separated columns a line may have; each column is
    stripped and must not be empty.
    """
    raw, path = _source(name, folder)
    out = _parse(raw, path, columns)
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
    path = _source(name, folder)[1]
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


def owned(stage: str) -> Tuple[str, ...]:
    """The names of the lists the stage `stage` (a factory name) owns, sorted."""
    prefixes = OWNERS.get(stage, ())
    return tuple(sorted(p.name for p in RESOURCES.glob("*.txt") if prefixes and p.name.startswith(prefixes)))


ListSetting = Union[str, Sequence[str]]
"""A stage config's replacement for a list: a file's path, or the entries (lines) themselves."""


class StageLists:
    """The word lists of one stage, as the stage's component carries them: replaced from its
    config (`overrides`: a list's name, ``.txt`` optional, -> a file's path or the entries),
    saved with ``to_disk`` into the stage's folder of a saved pipeline and read back with
    ``from_disk``."""

    def __init__(self, stage: str, overrides: Optional[Mapping[str, ListSetting]] = None):
        self.stage = stage
        self.names = owned(stage)
        given = {(key if key.endswith(".txt") else f"{key}.txt"): value for key, value in (overrides or {}).items()}
        self.configured = frozenset(given)
        for name, value in given.items():
            if isinstance(value, str):
                path = Path(value)
                self._use(name, _read_file(path), path)
            else:
                self._use(name, "".join(f"{line}\n" for line in value), f"{stage} config, lists[{name!r}]")

    def _use(self, name: str, text: str, origin: Union[Path, str]) -> None:
        if name not in self.names:
            raise ResourceError(origin, None, f"{name} is not a word list of {self.stage} "
                                              f"(its lists: {', '.join(self.names) or 'none'})")
        use(name, text, origin)

    def to_disk(self, path: Union[str, Path]) -> None:
        """Write the stage's lists, as this process runs with them, into the folder `path`."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for name in self.names:
            (folder / name).write_text(text(name), encoding="utf-8")

    def from_disk(self, path: Union[str, Path]) -> "StageLists":
        """Run with the lists saved in the folder `path` (those the stage's config gives win)."""
        folder = Path(path)
        if folder.is_dir():
            for file in sorted(folder.glob("*.txt")):
                if file.name not in self.configured:
                    self._use(file.name, _read_file(file), file)
        return self


class SavesLists:
    """``to_disk``/``from_disk`` for a stage component that carries its word lists as ``self.lists``."""

    lists: StageLists

    def to_disk(self, path, *, exclude=()) -> None:
        self.lists.to_disk(path)

    def from_disk(self, path, *, exclude=()):
        self.lists.from_disk(path)
        return self

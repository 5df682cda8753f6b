"""The code's layout rules: no import cycles, no catch-all `except` in stage code, strict word lists."""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import pytest

from pipeline import wordlists
from pipeline.wordlists import EmptyResourceWarning, ResourceError

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"
# the stage code: components and the packages they are built from (quantities.py and article.py
# are checked by their own tests)
STAGE_CODE = sorted(
    p for folder in ("components", "entities", "quoting", "figures") for p in (PIPELINE / folder).glob("*.py")
    if p.name not in ("quantities.py", "article.py")
)


def _module_name(path: Path) -> str:
    rel = path.relative_to(PIPELINE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in PIPELINE.rglob("*.py")}


def _imports(path: Path) -> set:
    """Modules of the pipeline package that `path` imports (at module level or inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            if stem.split(".")[0] != "pipeline":
                continue
            # "from pkg import module" imports the module; "from module import name" the module
            subs = {f"{stem}.{alias.name}" for alias in node.names}
            found = {m for m in subs if m in MODULES}
            out.update(found or {stem})
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "pipeline")
    return out


def _graph() -> dict:
    return {name: sorted(m for m in _imports(path) if m in MODULES and m != name) for name, path in MODULES.items()}


# runner <-> dask_engine: the engines' cycle is removed by the change that owns those files


def _cycles(graph: dict) -> list:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(frozenset(comp))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}) == [frozenset({"a", "b", "c"})]


def test_no_stage_module_imports_another_stage_module():
    stages = {f"pipeline.components.{p.stem}" for p in (PIPELINE / "components").glob("*.py") if p.stem != "__init__"}
    graph = _graph()
    for name in stages:
        others = [m for m in graph.get(name, ()) if m in stages and m != "pipeline.components.quantities"]
        assert others == [], name


@pytest.mark.parametrize("path", STAGE_CODE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_catch_all_except_in_stage_code(path):
    """A stage that fails raises through spaCy's error handler; it never writes empty results."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler):
            names = [node.type] if not isinstance(node.type, ast.Tuple) else list(node.type.elts)
            caught = {n.id for n in names if isinstance(n, ast.Name)} if node.type is not None else {"<bare>"}
            assert not caught & {"<bare>", "Exception", "BaseException"}, f"{path.name}:{node.lineno}"


# --------------------------------------------------------------------------- word lists


def test_every_word_list_reads(tmp_path):
    for path in sorted((PIPELINE / "resources").glob("*.txt")):
        assert wordlists.entries(path.name, (1, 4)), path.name


def test_a_malformed_line_names_the_file_and_the_line(tmp_path):
    (tmp_path / "t.txt").write_text("# a comment\nalpha\tm\nbeta\tx\n", encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        wordlists.gendered("t.txt", folder=tmp_path)
    assert str(err.value) == f"{tmp_path / 't.txt'}:3: gender 'x', expected m or f"
    (tmp_path / "u.txt").write_text("one\ntwo\tthree\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"u\.txt:2: 2 TAB-separated columns, expected 1"):
        wordlists.words("u.txt", folder=tmp_path)
    with pytest.raises(ResourceError, match="word list not found"):
        wordlists.words("missing.txt", folder=tmp_path)


def test_an_empty_list_warns(tmp_path):
    (tmp_path / "e.txt").write_text("# only a comment\n\n", encoding="utf-8")
    with pytest.warns(EmptyResourceWarning, match=r"e\.txt: the word list is empty"):
        assert wordlists.words("e.txt", folder=tmp_path) == frozenset()


def test_comments_and_case():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "say" in {cols[0] for _, cols in wordlists.entries("quotes_reporting_verbs.txt", (1, 2))}


# Lists that share words on purpose: the same word in two roles, or a table keyed by another
# list's entries. Any other pair of lists sharing words is one concept written twice.
SHARED_ON_PURPOSE = {
    ("org_nouns.txt", "people_org_words.txt"):
        'a noun standing for an organization ("the agency said") and a word ending its name ("X Agency")',
    ("people_kin_nouns.txt", "people_titles.txt"):
        'a family noun ("his father, Tom,") and a title before a name ("Father Tom Doe")',
    ("people_roles.txt", "people_title_roles.txt"):
        'a title that is also a role noun ("Mayor X" ... "the mayor") keys the table of its roles',
    ("people_roles.txt", "people_titles.txt"):
        'a role noun standing for a person ("the governor said") and a title before a name ("Governor X")',
    ("people_title_roles.txt", "people_titles.txt"):
        "the title-to-roles table is keyed by titles",
    ("quotes_reported_nouns.txt", "quotes_reporting_verbs.txt"):
        'a noun of reported speech ("the claim that ...") and the verb ("claimed that ...")',
}


def _keys(name: str, folder: Path = wordlists.RESOURCES) -> frozenset:
    """The entries of a list, or a table's first column, compared as the stages compare words."""
    return frozenset(wordlists.norm_word(cols[0]) for _, cols in wordlists.entries(name, (1, 8), folder))


def _duplicates(a: frozenset, b: frozenset) -> bool:
    """Two lists share more than a few words (a quarter of the shorter, at least 3)."""
    return len(a & b) >= max(3, min(len(a), len(b)) // 4)


def test_one_list_per_concept():
    """No two word lists (tables included) hold the same entries (one concept, one list): a pair
    that shares more than a few words is a duplicate unless it is declared above with its reason."""
    names = sorted(p.name for p in (PIPELINE / "resources").glob("*.txt") if p.name != "article_furniture.txt")
    keys = {name: _keys(name) for name in names}
    found = set()
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if _duplicates(keys[a], keys[b]):
                found.add((a, b))
                assert (a, b) in SHARED_ON_PURPOSE, (a, b, sorted(keys[a] & keys[b])[:10])
    assert set(SHARED_ON_PURPOSE) <= found, "declared but no longer shared: " + str(set(SHARED_ON_PURPOSE) - found)


def test_the_duplicate_check_finds_a_duplicate(tmp_path):
    (tmp_path / "a.txt").write_text("father\tm\nmother\tf\nson\tm\nnurse\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("# family\nFather\nmother\nson\n", encoding="utf-8")
    assert _duplicates(_keys("a.txt", tmp_path), _keys("b.txt", tmp_path))
    assert not _duplicates(_keys("a.txt", tmp_path), frozenset({"nurse", "pilot", "chef"}))

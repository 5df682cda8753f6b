"""The batch runner: segments, exit statuses, resume after a real kill -9, torn files,
determinism across worker counts, and a worker killed in the middle of a run."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytestmark = pytest.mark.slow  # runs in worker processes: the whole file is an integration test

from models import parse_record
from pipeline import runner
from pipeline.cli import app
from pipeline.runner import RunError, segments
from tests.conftest import ROOT, assert_offsets

CLI = [sys.executable, "-m", "pipeline.cli"]

FIRST = ["Ana", "Tomas", "Leila", "Samuel", "Ingrid", "Kwame", "Mei", "Rafael", "Olga", "Priya"]
LAST = ["Ruiz", "Berg", "Novak", "Osei", "Holm", "Tanaka", "Dubois", "Kovacs", "Lindqvist", "Mensah"]
ROLES = ["chief executive", "finance minister", "head coach", "union leader", "city treasurer"]
THINGS = ["revenue", "ticket sales", "exports", "enrolment", "rents", "spending"]


def news(rng: random.Random, i: int) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return (
        f"{rng.choice(THINGS).capitalize()} {rng.choice(['rose', 'fell', 'climbed'])} {rng.randint(2, 60)}% "
        f"in {2000 + i % 25}, to ${rng.randint(2, 900)} million, according to figures released on Monday.\n\n"
        f"\u201cWe did not expect a year like this,\u201d said {name}, the {rng.choice(ROLES)}. "
        f"\u201cBut {rng.randint(3, 95)} new sites will open by {2026 + i % 5}.\u201d\n\n"
        f"{name.split()[1]} said the plan would cost about {rng.randint(2, 40)} billion euros over a decade, "
        f"and that {rng.randint(100, 9000):,} jobs depended on it.\n"
    )


def make_inputs(folder: Path, n: int, seed: int = 11) -> Path:
    """`n` articles as .txt files and one JSONL file, plus a few bad inputs (errors file)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        sub = folder / f"part{i // 100}"
        sub.mkdir(exist_ok=True)
        (sub / f"story{i:04d}.txt").write_text(news(rng, i), encoding="utf-8")
        if i % 37 == 5:
            (sub / f"story{i:04d}x.txt").write_bytes(b"\x00\x01binary\x00" * 30)
    with open(folder / "wire.jsonl", "w", encoding="utf-8") as handle:
        for i in range(20):
            handle.write(json.dumps({"id": f"wire{i}", "text": news(rng, i)}) + "\n")
        handle.write('{"id": "broken\n')
    (folder / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    return folder


def cli(*args, timeout=600):
    return subprocess.run(CLI + [str(a) for a in args], capture_output=True, text=True, cwd=ROOT, timeout=timeout)


def files(out: Path):
    return out.read_bytes(), runner.errors_path(out).read_bytes()


# ------------------------------------------------------------------ segments


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        ("", 10, [(0, 0)]),
        ("short text", 10, [(0, 10)]),
        ("aaaa\n\nbbbb\ncc dd", 10, [(0, 6), (6, 16)]),             # after the paragraph break
        ("aaaaaa\nbbbbbbbbbb", 10, [(0, 7), (7, 17)]),                # after a line break
        ("aaaaa\n\nb\ncc dd ee", 10, [(0, 7), (7, 17)]),             # a paragraph break wins over a line break
        ("aa bb cc dd ee ff", 10, [(0, 9), (9, 17)]),                 # a space when no line break
        ("x" * 25, 10, [(0, 10), (10, 20), (20, 25)]),                # no break at all: hard cuts
        ("aa\nbbbbbbbbbbbbbbb", 10, [(0, 10), (10, 18)]),             # a break in the first half is not used
    ],
)
def test_segments_cut_at_breaks(text, limit, expected):
    assert segments(text, limit) == expected


@pytest.mark.parametrize("seed", range(5))
def test_segments_cover_the_text_exactly(seed):
    rng = random.Random(seed)
    alphabet = ["a", "b", " ", "\n", "\n\n", "\U0001F600", "\u200b", "\r\n"]
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5000)))
    limit = rng.randint(2, 300)
    pieces = segments(text, limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(0 < e - s <= limit for s, e in pieces) or text == ""
    assert "".join(text[s:e] for s, e in pieces) == text


def test_segments_of_a_real_long_article_end_at_paragraphs():
    rng = random.Random(1)
    text = "\n\n".join(news(rng, i) for i in range(400))
    pieces = segments(text)
    assert len(pieces) > 1
    assert all(text[e - 2 : e] == "\n\n" for _, e in pieces[:-1])


def test_segments_refuses_a_silly_limit():
    with pytest.raises(ValueError):
        segments("abc", 1)


# ------------------------------------------------------------------ exit statuses


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small") / "in"
    folder.mkdir()
    rng = random.Random(3)
    for i in range(3):
        (folder / f"s{i}.txt").write_text(news(rng, i), encoding="utf-8")
    return folder


def invoke(*args):
    return CliRunner().invoke(app, ["run", *[str(a) for a in args], "-q"])


def test_exit_0_when_every_article_was_processed(small, tmp_path):
    result = invoke(small, "-o", tmp_path / "o.jsonl", "-w", "1")
    assert result.exit_code == 0, result.output
    assert runner.errors_path(tmp_path / "o.jsonl").read_text() == ""


def test_exit_1_when_some_failed_after_all_others(small, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in small.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "a0-bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)  # first in order
    out = tmp_path / "o.jsonl"
    result = invoke(folder, "-o", out, "-w", "1")
    assert result.exit_code == 1, result.output
    assert {parse_record(l).article.id for l in out.read_text().splitlines()} == {"s0", "s1", "s2"}
    (problem,) = [json.loads(l) for l in runner.errors_path(out).read_text().splitlines()]
    assert problem == {"source": str(folder / "a0-bad.txt"), "level": "error", "reason": "binary file (PNG image)"}
    assert "1 failed" in result.output


@pytest.mark.parametrize(
    "case, message",
    [
        ("missing input", "input not found"),
        ("out exists", "--force"),
        ("resume and force", "exclude each other"),
        ("out inside input", "inside the input folder"),
        ("out is a folder", "output is a folder"),
        ("resume without progress", "cannot resume"),
        ("resume other inputs", "give the same inputs"),
    ],
)
def test_exit_2_for_usage_errors(small, tmp_path, case, message):
    out = tmp_path / "o.jsonl"
    args = [small, "-o", out, "-w", "1"]
    if case == "missing input":
        args[0] = tmp_path / "nope"
    elif case == "out exists":
        out.write_text("keep me\n")
    elif case == "resume and force":
        args += ["--resume", "--force"]
    elif case == "out inside input":
        args[2] = small / "o.jsonl"
    elif case == "out is a folder":
        out.mkdir()
    elif case == "resume without progress":
        out.write_text("keep me\n")
        args.append("--resume")
    elif case == "resume other inputs":
        assert invoke(*args).exit_code == 0
        other = tmp_path / "other"
        other.mkdir()
        args[0] = other
        args.append("--resume")
    before = out.read_bytes() if out.is_file() else None
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    if before is not None:
        assert out.read_bytes() == before  # a usage error never touches OUT
    assert not (small / "o.jsonl").exists()


def test_unknown_model_with_workers_is_a_usage_error_not_a_hang(small, tmp_path):
    proc = cli("run", small, "-o", tmp_path / "o.jsonl", "-w", "2", "-q", "--model", "no_such_pipeline_xyz", timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "pip install" in proc.stderr and "Traceback" not in proc.stderr


def test_help_documents_exit_statuses_errors_file_and_resume():
    result = CliRunner().invoke(app, ["run", "--help"], terminal_width=200)
    text = " ".join(result.output.split())
    for words in ["Exit status", "0 when every article", "1 when some", "2 for usage", ".errors.jsonl", "--resume"]:
        assert words in text, words


# ------------------------------------------------------------------ kill -9, resume, determinism


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """300 articles in folders, a JSONL file, bad inputs; and the uninterrupted run of them."""
    base = tmp_path_factory.mktemp("corpus")
    folder = make_inputs(base / "in", 300)
    out = base / "reference.jsonl"
    proc = cli("run", folder, "-o", out, "-w", "1", "-q")
    assert proc.returncode == 1, proc.stderr  # the binary files and the broken JSONL line
    return folder, out


def test_reference_run_is_complete_and_valid(corpus):
    folder, out = corpus
    records = [parse_record(l) for l in out.read_text(encoding="utf-8").splitlines()]
    ids = {r.article.id for r in records}
    assert len(ids) == 320
    for r in records[:200]:
        if not r.article.id.startswith("wire"):
            assert_offsets((folder / f"{r.article.id}.txt").read_text(encoding="utf-8"), [r])
    problems = [json.loads(l) for l in runner.errors_path(out).read_text().splitlines()]
    assert sum(p["level"] == "error" for p in problems) == 9 and sum(p["level"] == "skipped" for p in problems) == 1


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def test_the_workers_are_forked_with_the_pipeline_the_parent_loaded(nlp):
    """The model is loaded (and warmed) once, in the runner's process; the workers load nothing
    and give what the pipeline gives in-process."""
    from pipeline.engines import pool
    from pipeline.reader import Article

    loads = []

    def model():
        loads.append(os.getpid())
        return nlp

    rng = random.Random(5)
    articles = [Article(id=f"a{i}", text=news(rng, i), source=f"a{i}.txt") for i in range(6)]
    chunks = [articles[i:i + 2] for i in range(0, 6, 2)]
    results = [r for chunk in pool.ordered_results(iter(chunks), model, 2) for r in chunk]
    assert loads == [os.getpid()]
    assert [r.lines for r in results] == [r.lines for c in chunks for r in runner.process_chunk(nlp, c)]
    assert all(r.lines and r.error is None for r in results)


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _kill_midway(args, out: Path, min_lines: int, total_lines: int) -> None:
    proc = subprocess.Popen(CLI + [str(a) for a in args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    try:
        while _lines(out) < min_lines:
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        assert _lines(out) < total_lines, "the run was nearly done: kill it earlier"
        workers = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert workers
    gone = time.monotonic() + 10  # the workers die with the run (the kernel kills them)
    while any(_alive(pid) for pid in workers):
        assert time.monotonic() < gone, "a worker outlived the killed run"
        time.sleep(0.05)


def test_resume_after_kill_9_gives_the_uninterrupted_files(corpus, tmp_path):
    folder, reference = corpus
    out = tmp_path / "o.jsonl"
    total = _lines(reference)
    _kill_midway([ "run", folder, "-o", out, "-w", "1", "-q"], out, min_lines=total // 4, total_lines=total)
    killed = out.read_bytes()
    assert 0 < len(killed) < len(reference.read_bytes())
    assert killed.endswith(b"\n")  # whole lines only, the last one too
    for line in killed.decode("utf-8").splitlines():
        parse_record(line)
    proc = cli("run", folder, "-o", out, "-w", "1", "--resume")
    assert proc.returncode == 1, proc.stderr  # the same failures as the reference run
    assert "resumed after" in proc.stderr
    assert files(out) == files(reference)
    # the summary counts the whole run, both parts
    summary = proc.stderr.strip().splitlines()[-1]
    assert summary.startswith("329 articles") and "9 failed" in summary and "1 skipped" in summary, summary


def test_resume_of_a_finished_run_does_nothing(corpus, tmp_path):
    folder, reference = corpus
    out = tmp_path / "o.jsonl"
    for path in (reference, runner.errors_path(reference), runner.progress_path(reference)):
        target = out.with_name(path.name.replace(reference.name, out.name))
        target.write_bytes(path.read_bytes())
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.parent.iterdir()}
    started = time.perf_counter()
    proc = cli("run", folder, "-o", out, "--resume")
    assert proc.returncode == 1  # the finished run had failures
    assert "already finished" in proc.stderr
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.parent.iterdir()} == before
    assert time.perf_counter() - started < 30  # no model loaded, no article processed


def test_workers_1_and_2_give_byte_identical_files(corpus, tmp_path):
    folder, reference = corpus
    out = tmp_path / "o.jsonl"
    proc = cli("run", folder, "-o", out, "-w", "2", "-q")
    assert proc.returncode == 1, proc.stderr
    assert files(out) == files(reference)


def _children(pid: int):
    """The worker processes of run `pid`: forked from it, so with its command line."""
    parent = Path(f"/proc/{pid}/cmdline").read_bytes()
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid and cmdline == parent:
                kids.append(int(entry))
    return kids


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
def test_a_worker_killed_midway_costs_nothing(corpus, tmp_path):
    """The OOM killer takes a worker: the pool is started again, its chunk redone."""
    folder, reference = corpus
    out = tmp_path / "o.jsonl"
    proc = subprocess.Popen(CLI + ["run", str(folder), "-o", str(out), "-w", "2", "-q"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        while _lines(out) < 50:
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        workers = _children(proc.pid)
        assert workers, "no worker found"
        os.kill(workers[0], signal.SIGKILL)
        _, stderr = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 1, stderr
    assert files(out) == files(reference)


# ------------------------------------------------------------------ torn files (library level)


@pytest.fixture(scope="module")
def finished(nlp, tmp_path_factory):
    base = tmp_path_factory.mktemp("torn")
    folder = make_inputs(base / "in", 70, seed=5)
    out = base / "ref.jsonl"
    summary = runner.run([folder], out, nlp=nlp)
    assert summary.exit_code == 1
    return folder, out


def _copy_run(out: Path, target: Path) -> None:
    for path in (out, runner.errors_path(out), runner.progress_path(out)):
        target.with_name(path.name.replace(out.name, target.name)).write_bytes(path.read_bytes())


def _progress_lines(out: Path):
    return runner.progress_path(out).read_bytes().splitlines(keepends=True)


@pytest.mark.parametrize("damage", ["torn output line", "torn progress line", "progress ahead of output",
                                    "killed before the finish mark"])
def test_resume_repairs_a_torn_tail(nlp, finished, tmp_path, damage):
    folder, reference = finished
    out = tmp_path / "o.jsonl"
    _copy_run(reference, out)
    marks = _progress_lines(out)
    keep = len(marks) // 2
    mark = json.loads(marks[keep - 1])
    data = out.read_bytes()
    if damage == "torn output line":
        # the run wrote part of the next article's line, then died before its progress mark
        runner.progress_path(out).write_bytes(b"".join(marks[:keep]))
        next_end = data.index(b"\n", mark["out"] + 10)
        out.write_bytes(data[: (mark["out"] + next_end) // 2])
        assert not out.read_bytes().endswith(b"\n")
    elif damage == "torn progress line":
        runner.progress_path(out).write_bytes(b"".join(marks[:keep]) + marks[keep][:7])
        out.write_bytes(data[: json.loads(marks[keep])["out"]])
    elif damage == "progress ahead of output":
        # after a power cut the progress file reached the disk, the output's tail did not
        runner.progress_path(out).write_bytes(b"".join(marks[:keep]))
        out.write_bytes(data[: mark["out"] - 5])
    else:
        runner.progress_path(out).write_bytes(b"".join(marks[:-1]))
    summary = runner.run([folder], out, nlp=nlp, resume=True)
    assert summary.resumed_from > 0
    assert files(out) == files(reference)
    assert runner.progress_path(out).read_bytes() == runner.progress_path(reference).read_bytes()
    assert summary.exit_code == 1 and summary.articles == 93 and summary.failed == 3  # 70 + 20 + 3 bad


def test_resume_refuses_inputs_that_changed_before_the_resume_point(nlp, finished, tmp_path):
    folder, reference = finished
    changed = tmp_path / "in"
    changed.mkdir()
    for sub in folder.iterdir():
        target = changed / sub.name
        if sub.is_dir():
            target.mkdir()
            for f in sub.iterdir():
                (target / f.name).write_bytes(f.read_bytes())
        else:
            target.write_bytes(sub.read_bytes())
    out = tmp_path / "o.jsonl"
    runner.run([changed], out, nlp=nlp)
    marks = _progress_lines(out)
    runner.progress_path(out).write_bytes(b"".join(marks[: len(marks) // 2]))
    (changed / "part0" / "story0000.txt").unlink()  # an article before the resume point is gone
    with pytest.raises(RunError, match="inputs changed"):
        runner.run([changed], out, nlp=nlp, resume=True)


def test_a_killed_run_never_leaves_a_line_a_reader_chokes_on(nlp, finished, tmp_path):
    """Whole lines only: every prefix of OUT at a progress mark is valid JSONL."""
    _, reference = finished
    data = reference.read_bytes()
    for raw in _progress_lines(reference)[1:]:
        mark = json.loads(raw)
        prefix = data[: mark["out"]]
        assert prefix == b"" or prefix.endswith(b"\n")
    for line in data.decode("utf-8").splitlines():
        parse_record(line)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_exits_130_with_a_resume_hint_and_resume_completes(corpus, tmp_path, workers):
    """SIGINT to the whole process group, as a terminal sends it: the run stops at once while it
    waits for results, else after the item being written (never inside a write), says how to
    continue, and resumes exactly."""
    folder, reference = corpus
    out = tmp_path / "o.jsonl"
    proc = subprocess.Popen(CLI + ["run", str(folder), "-o", str(out), "-w", workers, "-q"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while _lines(out) < 50:
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, stderr
    assert "--resume" in stderr and "Traceback" not in stderr, stderr
    resumed = cli("run", folder, "-o", out, "-w", "1", "-q", "--resume")
    assert resumed.returncode == 1, resumed.stderr
    assert files(out) == files(reference)

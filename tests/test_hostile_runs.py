"""Issue 17: batch runs that hold under hostile text and hostile operations.

Bounded records, the tokenizer's input guard, a time limit no stage can hide or outlast, the lock
on OUT, one clear line for every problem with the output, resume options and a damaged progress
file, an output that is a hard link to an input, signals. Heavy ones (real runs in processes)
are marked slow.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab
from typer.testing import CliRunner

from models import parse_record
from pipeline import guard, runner
from pipeline.cli import app
from pipeline.export import MAX_SENTENCE_CHARS, SENTENCE_WINDOW, SentenceIndex
from pipeline.engines.process import process_article
from pipeline.reader import Article
from tests.conftest import ROOT, assert_offsets
from tests.hostile_stages import STORY, STUCK, SWALLOW, stuck_pipeline

CLI = [sys.executable, "-m", "pipeline.cli"]
def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def small_inputs(folder: Path, n: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"s{i}.txt").write_text(STORY.replace("12%", f"{10 + i}%"), encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- 1. bounded records


def test_a_sentence_without_ends_is_cut_to_a_window_around_the_finding():
    words = [f"w{i}" for i in range(3000)]
    doc = Doc(Vocab(), words=words, sent_starts=[True] + [False] * (len(words) - 1))
    text = doc.text
    index = SentenceIndex(doc, offset=7)
    start = text.index("w1500")
    end = start + len("w1500")
    ref = index.covering(start, end)
    assert ref.end - ref.start <= 2 * SENTENCE_WINDOW + (end - start)
    assert start - SENTENCE_WINDOW <= ref.start - 7 <= start - SENTENCE_WINDOW + 6  # context each side,
    assert end + SENTENCE_WINDOW - 6 <= ref.end - 7 <= end + SENTENCE_WINDOW  # to the nearest space
    assert text[ref.start - 7 : ref.end - 7] == ref.text
    assert ref.text.startswith("w") and not ref.text.endswith(" ")  # cut at spaces, not in a word
    # a sentence of ordinary length is kept whole
    short = Doc(Vocab(), words=["Prices", "rose", "3", "%", "."], sent_starts=[True, False, False, False, False])
    assert SentenceIndex(short).covering(12, 13).text == short.text.rstrip()
    assert MAX_SENTENCE_CHARS >= 2 * SENTENCE_WINDOW


@pytest.mark.slow
def test_a_long_list_without_sentence_ends_gives_records_of_bounded_size(nlp, tmp_path):
    """Was quadratic: every record copied a 100,000-character "sentence" (issue 17, item 1)."""
    text = " ".join(f"${i} million" for i in range(3000))  # one line, no sentence end
    spool = tmp_path / "spool"
    spool.mkdir()
    result = process_article(nlp, Article(id="list", text=text, source="list.txt"), spool_dir=str(spool))
    assert result.error is None and result.figures > 2000
    lines = result.lines.splitlines()
    assert len(lines) == result.figures + result.quotes
    records = [json.loads(line) for line in lines]
    assert_offsets(text, records)
    assert max(len(r["sentence"]["text"]) for r in records) <= MAX_SENTENCE_CHARS
    assert len(result.lines) < 1500 * len(records)


def test_a_long_article_is_spooled_segment_by_segment(nlp, tmp_path, monkeypatch):
    from pipeline.engines import process

    monkeypatch.setattr(process, "SEGMENT_CHARS", 400)
    text = "\n\n".join(STORY.replace("12%", f"{i}%") for i in range(1, 8))
    article = Article(id="long", text=text, source="long.txt")
    whole = process_article(nlp, article)  # in memory
    spool = tmp_path / "spool"
    spool.mkdir()
    spooled = process_article(nlp, article, spool_dir=str(spool))
    assert spooled.spool and not spooled.lines
    assert Path(spooled.spool).read_text(encoding="utf-8") == whole.lines
    assert (spooled.quotes, spooled.figures) == (whole.quotes, whole.figures)
    assert_offsets(text, [json.loads(line) for line in whole.lines.splitlines()])


SEEN_LENGTHS = []


@Language.component("test_hostile_lengths")
def _record_length(doc):
    SEEN_LENGTHS.append(len(doc))
    return doc


def test_dense_text_is_cut_into_segments_of_bounded_tokens(nlp, monkeypatch):
    """One token a character (100,000 "(") took 1.7 GB in the parser and the recognizer."""
    from pipeline.engines import process

    monkeypatch.setattr(process, "SEGMENT_TOKENS", 300)
    text = STORY + "\n\n" + "( " * 700 + "\n\n" + STORY.replace("12%", "14%")
    nlp.add_pipe("test_hostile_lengths", last=True)
    try:
        SEEN_LENGTHS.clear()
        (chunked,) = process.process_chunk(nlp, [Article(id="dense", text=text, source="dense.txt")])
        assert chunked.error is None, chunked.error
        assert SEEN_LENGTHS and max(SEEN_LENGTHS) <= 300 and len(SEEN_LENGTHS) >= 4, SEEN_LENGTHS
    finally:
        nlp.remove_pipe("test_hostile_lengths")
    assert chunked.quotes == 4 and chunked.figures >= 4  # each story: one quoted, one reported ("the club said")
    assert_offsets(text, [json.loads(line) for line in chunked.lines.splitlines()])


# --------------------------------------------------------------------------- 2. tokenizer guard


@pytest.mark.parametrize("text", ["", "plain words only", "$" * 1000, "a" * 250 + " " + "(" * 101,
                                  "x " + "$%" * 400 + "\n" + "=" * 99, "\u201c" * 300 + "word"])
def test_guard_pieces_cover_the_text_and_cut_only_long_runs(text):
    pieces = guard.pieces(text)
    assert "".join(text[a:b] for a, b in pieces) == text
    assert all(a < b for a, b in pieces) or text == ""
    for a, b in pieces:
        assert all(len(run) <= guard.MAX_RUN for run in re.findall(r"\S+", text[a:b]))
    if not re.search(r"\S{%d}" % (guard.MAX_RUN + 1), text):
        assert len(pieces) == 1


def test_guarded_tokenizing_is_fast_and_keeps_the_text():
    """spaCy's tokenizer is quadratic on runs of punctuation: 50,000 "$" took 400 s unguarded."""
    import spacy

    nlp = spacy.blank("en")
    text = "Prices: " + "$" * 50_000 + " and (((" + "(" * 20_000 + " end."
    started = time.perf_counter()
    doc = guard.make_doc(nlp, text)
    assert time.perf_counter() - started < 10
    assert doc.text == text
    ordinary = "Prices rose 3% to $4.5 million (a record), https://news.example/a?b=1."
    assert [t.text for t in guard.make_doc(nlp, ordinary)] == [t.text for t in nlp.make_doc(ordinary)]


@pytest.mark.slow
def test_a_run_of_dollar_signs_is_processed_within_the_limit(nlp):
    text = "$" * 99_999
    started = time.perf_counter()
    result = process_article(nlp, Article(id="d", text=text, source="d.txt"), time_limit=300)
    assert time.perf_counter() - started < 300
    assert result.error is None or "longer than" in result.error


# --------------------------------------------------------------------------- 2. a limit that holds

@pytest.mark.slow
def test_a_stage_that_swallows_the_time_limit_still_fails_the_article(tmp_path):
    from pipeline import load_pipeline

    nlp = load_pipeline()
    nlp.add_pipe("test_hostile_swallow", after="claimsift_entities")
    folder = small_inputs(tmp_path / "in", 3)
    (folder / "s1.txt").write_text(STORY + SWALLOW, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    summary = runner.run([folder], out, nlp=nlp, time_limit=1.0)
    assert summary.failed == 1 and summary.exit_code == 1
    (problem,) = [json.loads(line) for line in runner.errors_path(out).read_text().splitlines()]
    assert problem["id"] == "s1" and problem["level"] == "error"
    assert "stage test_hostile_swallow failed: ArticleTimeout: took longer than 1 s" in problem["reason"]
    assert {parse_record(line).article.id for line in out.read_text().splitlines()} == {"s0", "s2"}


def test_the_limit_holds_off_the_main_thread(nlp):
    """As in a Dask worker's task thread, where SIGALRM cannot be used."""
    nlp.add_pipe("test_hostile_swallow", name="swallow_in_thread", after="claimsift_entities")
    try:
        box = {}
        article = Article(id="t", text=STORY + SWALLOW, source="t.txt")
        worker = threading.Thread(target=lambda: box.update(r=process_article(nlp, article, time_limit=1.0)))
        started = time.monotonic()
        worker.start()
        worker.join(30)
        assert not worker.is_alive() and time.monotonic() - started < 10
        assert "stage swallow_in_thread failed: ArticleTimeout" in box["r"].error
        assert not box["r"].lines
        fine = process_article(nlp, Article(id="f", text=STORY, source="f.txt"), time_limit=1.0)
        assert fine.error is None and fine.lines
    finally:
        nlp.remove_pipe("swallow_in_thread")


@pytest.mark.slow
def test_a_worker_stuck_where_no_exception_gets_through_is_replaced(tmp_path):
    from pipeline.engines import pool

    articles = [Article(id=f"a{i}", text=STORY + (STUCK if i == 2 else ""), source=f"a{i}.txt") for i in range(5)]
    chunks = [[a] for a in articles[:2]] + [articles[2:]]
    started = time.monotonic()
    results = [r for chunk in pool.ordered_results(iter(chunks), stuck_pipeline, 2, time_limit=2.0) for r in chunk]
    assert time.monotonic() - started < 180
    assert [r.article_id for r in results] == [a.id for a in articles]
    bad = [r for r in results if r.error]
    assert [r.article_id for r in bad] == ["a2"]
    assert "ArticleTimeout: took longer than 2 s and was stopped" in bad[0].error
    assert not bad[0].lines
    assert all(r.lines for r in results if not r.error)


# --------------------------------------------------------------------------- 5. lock on OUT


def test_a_second_run_on_the_same_output_stops_with_exit_2(tmp_path):
    folder = small_inputs(tmp_path / "in")
    out = tmp_path / "o.jsonl"
    out.write_text("")
    with open(out, "a") as held:  # what a running claimsift run holds
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = invoke("run", folder, "-o", out, "--force", "-q")
    assert result.exit_code == 2, result.output
    assert "being written by another claimsift run" in result.output
    assert not runner.errors_path(out).exists() and not runner.progress_path(out).exists()


@pytest.mark.slow
def test_two_concurrent_runs_write_each_record_once(tmp_path):
    folder = small_inputs(tmp_path / "in", 40)
    out = tmp_path / "o.jsonl"
    first = subprocess.Popen(CLI + ["run", str(folder), "-o", str(out), "-w", "1", "-q"], cwd=ROOT,
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not runner.progress_path(out).exists():
        assert time.monotonic() < deadline and first.poll() is None
        time.sleep(0.05)
    second = subprocess.run(CLI + ["run", str(folder), "-o", str(out), "-w", "1", "-q", "--force"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    _, stderr = first.communicate(timeout=300)
    assert second.returncode == 2 and "being written by another claimsift run" in second.stderr
    assert first.returncode == 0, stderr
    ids = [parse_record(line).id for line in out.read_text().splitlines()]
    assert len(ids) == len(set(ids)) and len({i.split("-")[0] for i in ids}) > 0


# --------------------------------------------------------------------------- 6. output problems


def test_output_to_a_device_is_refused_and_no_side_file_is_created(tmp_path):
    folder = small_inputs(tmp_path / "in")
    result = invoke("run", folder, "-o", "/dev/full", "--force", "-q")
    assert result.exit_code == 2 and "not a regular file: /dev/full" in result.output, result.output
    assert not os.path.exists("/dev/full.errors.jsonl") and not os.path.exists("/dev/full.progress")


def test_output_whose_parent_is_a_file(tmp_path):
    folder = small_inputs(tmp_path / "in")
    (tmp_path / "plain").write_text("x")
    result = invoke("run", folder, "-o", tmp_path / "plain" / "sub" / "o.jsonl", "-q")
    assert result.exit_code == 2 and "is a file, not a folder" in result.output, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("length", [245, 300])  # too long for the side files only, or for OUT itself
def test_output_name_too_long(tmp_path, length):
    folder = small_inputs(tmp_path / "in")
    out = tmp_path / ("n" * length + ".jsonl")
    result = invoke("run", folder, "-o", out, "-q")
    assert result.exit_code == 2 and "is too long" in result.output, result.output
    assert os.listdir(tmp_path) == ["in"]


@pytest.fixture()
def tiny_disk(tmp_path):
    """A 64 KB tmpfs (root and mount needed)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("needs root and tmpfs mounts")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_read_only_folder_is_one_line_and_exit_2(tmp_path, tiny_disk):
    folder = small_inputs(tmp_path / "in")
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    result = invoke("run", folder, "-o", tiny_disk / "o.jsonl", "-q")
    assert result.exit_code == 2, result.output
    assert f"cannot write {tiny_disk / 'o.jsonl'}: Read-only file system" in result.output
    assert result.output.count("\n") == 1


def test_a_full_disk_before_the_run_is_exit_2(tmp_path, tiny_disk):
    folder = small_inputs(tmp_path / "in")
    fd = os.open(tiny_disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"x" * 512)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    result = invoke("run", folder, "-o", tiny_disk / "o.jsonl", "-q")
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.output and "Traceback" not in result.output


@pytest.mark.slow
def test_a_disk_that_fills_during_the_run_is_exit_1_and_resume_finishes(tmp_path, tiny_disk):
    folder = small_inputs(tmp_path / "in", 60)
    reference = tmp_path / "ref.jsonl"
    assert runner.run([folder], reference, workers=1).exit_code == 0
    out = tiny_disk / "o.jsonl"
    failed = subprocess.run(CLI + ["run", str(folder), "-o", str(out), "-w", "1", "-q"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert failed.returncode == 1, failed.stderr
    assert "No space left on device" in failed.stderr and "--resume" in failed.stderr
    assert "Traceback" not in failed.stderr
    subprocess.run(["mount", "-o", "remount,size=16m", str(tiny_disk)], check=True)
    resumed = subprocess.run(CLI + ["run", str(folder), "-o", str(out), "-w", "1", "-q", "--resume"], cwd=ROOT,
                             capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == reference.read_bytes()
    assert runner.errors_path(out).read_bytes() == runner.errors_path(reference).read_bytes()


@pytest.mark.slow
def test_a_full_disk_while_spooling_a_long_article_stops_the_run_not_the_article(nlp, tmp_path, tiny_disk,
                                                                                   monkeypatch):
    from pipeline.engines import process

    monkeypatch.setattr(process, "SEGMENT_CHARS", 400)  # every article long: spooled
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        (folder / f"l{i:02d}.txt").write_text("\n\n".join(STORY for _ in range(4)), encoding="utf-8")
    out = tiny_disk / "o.jsonl"
    with pytest.raises(runner.OutputError, match="No space left on device.*--resume"):
        runner.run([folder], out, nlp=nlp)
    assert not runner.errors_path(out).read_text()  # no article was reported lost
    assert [p.name for p in tiny_disk.iterdir() if p.name.endswith(".spool")] == []


# --------------------------------------------------------------------------- 8. resume


@pytest.fixture()
def interrupted(nlp, tmp_path):
    """A finished run of 5 articles, cut back to after its second article."""
    folder = small_inputs(tmp_path / "in", 5)
    out = tmp_path / "o.jsonl"
    runner.run([folder], out, nlp=nlp)
    lines = runner.progress_path(out).read_bytes().splitlines(keepends=True)
    runner.progress_path(out).write_bytes(b"".join(lines[:3]))
    return folder, out


@pytest.mark.parametrize("option, value, name", [
    ("indirect", False, "indirect"), ("model", "en_core_web_md_not_installed", "model"), ("time_limit", 60.0, "time_limit"),
])
def test_resume_with_another_output_option_is_refused(nlp, interrupted, option, value, name):
    folder, out = interrupted
    before = out.read_bytes()
    with pytest.raises(runner.RunError, match=f"cannot resume .* with other options \\({name} was"):
        runner.run([folder], out, nlp=nlp, resume=True, **{option: value})
    assert out.read_bytes() == before
    summary = runner.run([folder], out, nlp=nlp, resume=True)  # the same options: it finishes
    assert summary.articles == 5 and summary.resumed_from == 2


@pytest.mark.parametrize("damage, expected", [
    ('{"items": -1, "out": 0, "errors": 0}', "items is -1"),
    ('{"items": "2", "out": 0, "errors": 0}', "items is '2'"),
    ('{"items": 2, "out": 1.5, "errors": 0}', "out is 1.5"),
    ('{"items": 2, "out": 10, "errors": 0, "quotes": -4}', "quotes is -4"),
    ("not json at all", "not a JSON object"),
    ('{"items": 0, "out": 0, "errors": 0}', "goes back"),
])
def test_a_damaged_progress_file_is_refused_with_a_message(nlp, interrupted, damage, expected):
    folder, out = interrupted
    path = runner.progress_path(out)
    path.write_bytes(path.read_bytes() + damage.encode() + b"\n")
    result = invoke("run", folder, "-o", out, "--resume", "-q")
    assert result.exit_code == 2, result.output
    assert "is damaged" in result.output and expected in result.output and "Traceback" not in result.output


def test_a_torn_last_progress_line_is_still_repaired(nlp, interrupted):
    folder, out = interrupted
    path = runner.progress_path(out)
    path.write_bytes(path.read_bytes() + b'{"items": 3, "ou')
    summary = runner.run([folder], out, nlp=nlp, resume=True)
    assert summary.articles == 5


# --------------------------------------------------------------------------- 9. hard link, affinity


def test_an_output_that_is_a_hard_link_to_an_input_is_refused(tmp_path):
    folder = small_inputs(tmp_path / "in", 1)
    source = folder / "s0.txt"
    out = tmp_path / "o.jsonl"
    os.link(source, out)
    before = source.read_bytes()
    result = invoke("run", source, "-o", out, "--force", "-q")
    assert result.exit_code == 2 and "is the output" in result.output, result.output
    assert source.read_bytes() == before


def test_workers_default_follows_cpu_affinity(monkeypatch):
    from pipeline import cli

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3})
    assert cli._usable_cores() == 1


# --------------------------------------------------------------------------- 4. signals


def session_processes(sid: int):
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[3]) == sid and fields[0] != "Z":
                found.append(int(name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
@pytest.mark.parametrize("signum, group", [(signal.SIGTERM, False), (signal.SIGHUP, True), (signal.SIGTERM, True)])
def test_sigterm_and_sighup_stop_like_ctrl_c(tmp_path, signum, group):
    folder = small_inputs(tmp_path / "in", 120)
    reference = tmp_path / "ref.jsonl"
    out = tmp_path / "o.jsonl"
    proc = subprocess.Popen(CLI + ["run", str(folder), "-o", str(out), "-w", "2", "-q"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while not out.exists() or out.stat().st_size < 2000:
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        (os.killpg if group else os.kill)(proc.pid, signum)
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 128 + signum, stderr
    assert "--resume" in stderr and signal.Signals(signum).name in stderr and "Traceback" not in stderr
    time.sleep(1.0)
    assert session_processes(proc.pid) == []  # workers and the resource tracker are gone
    resumed = subprocess.run(CLI + ["run", str(folder), "-o", str(out), "-w", "1", "-q", "--resume"],
                             cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    runner.run([folder], reference, workers=1)
    assert out.read_bytes() == reference.read_bytes()

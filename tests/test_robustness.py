"""Every kind of input a scraped folder holds, through the real `claimsift run`.

One folder with all the odd inputs and one run (module fixture): exit status, the errors file
(source and reason for each problem), the summary, and for every record written: it validates,
it is strict JSON, and `text[start:end]` holds against the text as read
(`open(path, encoding="utf-8").read()`; cp1252 for the two files the reader decodes so). Then
the kinds that need a run of their own: a five-megabyte article, unreadable entries, 10,000 small
files, a 50 MB JSONL file (read as a stream: peak memory), and a stage that fails on one article.
"""

from __future__ import annotations

import base64
import json
import os
import random
import socket
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from models import parse_record
from pipeline import runner
from pipeline.cli import app
from tests.conftest import ROOT, assert_offsets

STORY = (
    "The council approved a $12 million budget for road repairs on Tuesday.\n\n"
    "\u201cWe will not raise property taxes this year,\u201d said Mayor Dana Holt.\n"
)
QUOTE = "We will not raise property taxes this year,"
CP1252_FILES = {"latin1", "cp1252"}


def documented_read(path: Path, article_id: str) -> str:
    encoding = "cp1252" if article_id in CP1252_FILES else "utf-8"
    with open(path, encoding=encoding) as handle:
        return handle.read()


def strict_json(line: str) -> dict:
    def refuse(constant):
        raise ValueError(f"non-standard JSON constant {constant}")

    return json.loads(line, parse_constant=refuse)


# ------------------------------------------------------------------ the shared folder and run


def build_folder(folder: Path, port: int) -> dict:
    """Write every odd input into `folder`; return the JSONL texts by id."""
    folder.mkdir(parents=True)
    w = lambda name, data: (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))  # noqa: E731
    w("empty.txt", b"")
    w("blank.txt", " \n\t\n   \r\n")
    w("bom.txt", b"\xef\xbb\xbf" + STORY.encode("utf-8"))
    w("crlf.txt", STORY.replace("\n", "\r\n"))
    w("latin1.txt", "Le caf\xe9 a augment\xe9 ses prix de 45% en 2023, a d\xe9clar\xe9 Ren\xe9 Dupr\xe9.\n".encode("latin-1"))
    w("cp1252.txt", b"\x93We spent \x8050 million on the new wing,\x94 said hospital director Ann Lee.\n")
    w("nul.txt", b"Revenue rose 5%\x00\x00\x00 in the third quarter.\n" * 20)
    w("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(random.Random(3).randrange(256) for _ in range(2000)))
    junk = "tracking-pixel/qwertyuiopasdfghjkl&utm_source=feed;ref=" + "\u00e9\U0001F600" + "%2Fzz|"
    w("longline.txt", (junk * (200_000 // len(junk) + 1))[:200_000]
      + "\n\nThe agency said exports rose 7% to $3 billion in March.\n")
    w("emoji.txt", "\U0001F389 Sales rose 15% \U0001F600 to $3 billion, said \U0001D49Clice Chen.\n\n"
      "\u201cGreat \U0001F680 news for the \U0001F1FA\U0001F1F8 team,\u201d she said of the 8% gain.\n")
    w("zw.txt", "Prices\u200b rose\u200d 4%\u200f in \u202eMarch\u202c, said Omar Haddad.\n\n"
      "\u05de\u05d7\u05d9\u05e8\u05d9\u05dd \u05e2\u05dc\u05d5 \u200f5%\u200e \u0628\u0646\u0633\u0628\u0629 12%\n")
    w("linesep.txt", "Prices rose 4%\u2028in May,\x85 said Ana Ruiz.\u2029\u201cIt was a hard\u2028year,\u201d she said.\n")
    w("quotes.txt", "\u201cHe said \u201cit is fine, she said.\n\n\"Unclosed quote that never ends\n\n"
      "\u2018 single \u2019\u2019 \u2018\u2018 `` '' \u00ab open \u00bb\u00bb \u201d\u201d\u201c\n\n``Wire copy,'' said Ed Park. ``\n")
    w("numbers.txt", "Version 1.2.3 cost 1e309 dollars, $- and NaN% of 10^100, or $1e309, -$, 1,2,3,4% "
      "and 999999999999999999999999999999 % and \u221e% and 0x1F and 1/0 and 5..6%.\n")
    w("inject.txt", "Run $(touch PWNED) and `touch PWNED` and {{7*7}} and <script>fetch('http://127.0.0.1:"
      f"{port}/x')</script>; see file:///etc/passwd and http://127.0.0.1:{port}/y for 12% more.\n")
    jsonl = {
        "j1": "Revenue rose 8% to $2 billion, the company said.",
        "j6": "\u201cFine,\u201d said Bo Park, who earned 3 million euros.\r\nCRLF kept inside JSON: 4%.",
        "j8": f"The site http://127.0.0.1:{port}/z was not fetched; prices fell 2%.",
    }
    lines = [
        json.dumps({"id": "j1", "text": jsonl["j1"]}),
        '{"id": "j2", "text": "broken',
        json.dumps({"id": "j3", "title": "no text here"}),
        json.dumps({"id": "j4", "text": 42}),
        json.dumps({"id": "j1", "text": "A second record with the id j1 rose 9%."}),
        json.dumps({"id": "j6", "text": jsonl["j6"]}),
        "[1, 2, 3]",
        json.dumps({"id": "j8", "text": jsonl["j8"], "url": f"http://127.0.0.1:{port}/article"}),
        "",
    ]
    w("batch.jsonl", "\n".join(lines) + "\n")
    w("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 50)
    w("notes.md", "# notes\n")
    w("page.html", "<html>12%</html>")
    (folder / "sub").mkdir()
    (folder / "sub" / "loop").symlink_to("..")
    (folder / "sub" / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "dangling.txt").symlink_to("no-such-file.txt")
    os.mkfifo(folder / "pipe.txt")
    if os.path.exists("/proc/self/mem"):
        (folder / "mem.txt").symlink_to("/proc/self/mem")  # unreadable even for root (EIO)
    return jsonl


# (path relative to the folder, level, words of the reason)
PROBLEMS = [
    ("empty.txt", "warning", "empty article"),
    ("blank.txt", "warning", "whitespace-only"),
    ("bom.txt", "warning", "byte-order mark"),
    ("latin1.txt", "warning", "decoded as cp1252"),
    ("cp1252.txt", "warning", "decoded as cp1252"),
    ("nul.txt", "error", "binary file"),
    ("image.txt", "error", "binary file (PNG image)"),
    ("batch.jsonl:2", "error", "not valid JSON"),
    ("batch.jsonl:3", "error", "no 'text'"),
    ("batch.jsonl:4", "error", "'text' is not a string"),
    ("batch.jsonl:5", "error", "duplicate id j1, first at"),
    ("batch.jsonl:7", "error", "expected a JSON object"),
    ("photo.jpg", "skipped", "not a .txt, .html"),
    ("notes.md", "skipped", "not a .txt, .html"),
    ("page.html", "warning", "no article text found in the HTML"),
    (os.path.join("sub", "loop"), "skipped", "symbolic link"),
    ("dangling.txt", "error", "dangling symbolic link"),
    ("pipe.txt", "error", "not a regular file"),
    pytest.param("mem.txt", "error", "error", marks=pytest.mark.skipif(
        not os.path.exists("/proc/self/mem"), reason="needs /proc/self/mem")),
]
GOOD_TXT = ["linesep", "bom", "crlf", "latin1", "cp1252", "longline", "emoji", "zw", "quotes", "numbers", "inject",
            "sub/story", "empty", "blank"]


@pytest.fixture(scope="module")
def torture(tmp_path_factory):
    base = tmp_path_factory.mktemp("torture")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    port = listener.getsockname()[1]
    folder = base / "in"
    jsonl = build_folder(folder, port)
    out = base / "out.jsonl"
    cwd = os.getcwd()
    os.chdir(base)  # where "touch PWNED" would land
    try:
        result = CliRunner().invoke(app, ["run", str(folder), "-o", str(out), "-w", "1", "-q"])
    finally:
        os.chdir(cwd)
    listener.setblocking(False)
    try:
        listener.accept()
        connected = True
    except BlockingIOError:
        connected = False
    listener.close()
    lines = out.read_text(encoding="utf-8").splitlines()
    problems = [json.loads(line) for line in runner.errors_path(out).read_text(encoding="utf-8").splitlines()]
    return SimpleNamespace(folder=folder, out=out, base=base, result=result, lines=lines,
                           records=[parse_record(line) for line in lines], problems=problems,
                           jsonl=jsonl, connected=connected)


def _problem(t, rel):
    source = os.path.join(str(t.folder), rel)
    found = [p for p in t.problems if p["source"] == source]
    assert found, f"no problem reported for {rel}: {[p['source'] for p in t.problems]}"
    return found


@pytest.mark.slow
def test_exit_status_is_1_with_failures_and_the_summary_says_so(torture):
    result = torture.result
    assert result.exit_code == 1, result.output
    failed = sum(p["level"] == "error" for p in torture.problems)
    skipped = sum(p["level"] == "skipped" for p in torture.problems)
    summary = result.output.strip().splitlines()[-1]
    assert f"{failed} failed" in summary and f"{skipped} skipped" in summary, summary
    assert "Traceback" not in result.output
    for p in torture.problems:  # every error and warning is also printed, with its source
        if p["level"] != "skipped":
            assert f"{p['level']}: {p['source']}: {p['reason']}" in result.output


@pytest.mark.parametrize("rel, level, reason", PROBLEMS)
def test_each_problem_is_in_the_errors_file_with_source_and_reason(torture, rel, level, reason):
    found = _problem(torture, rel)
    assert [p["level"] for p in found] == [level]
    assert reason in found[0]["reason"]
    assert set(found[0]) >= {"source", "level", "reason"}


def test_good_inputs_give_no_error(torture):
    bad = {os.path.join(str(torture.folder), p.values[0] if hasattr(p, "values") else p[0])
           for p in PROBLEMS}
    unexpected = [p for p in torture.problems if p["source"] not in bad]
    assert unexpected == []


def test_every_record_validates_and_points_at_the_text_as_read(torture):
    assert len(torture.records) >= 20
    texts = {}
    for line, record in zip(torture.lines, torture.records):
        strict_json(line)
        aid = record.article.id
        if aid not in texts:
            texts[aid] = (torture.jsonl[aid] if aid in torture.jsonl
                          else documented_read(torture.folder / f"{aid}.txt", aid))
        assert_offsets(texts[aid], [record])
    # records are written in input order: the folder's names, sorted
    order = [r.article.id for r in torture.records]
    firsts = list(dict.fromkeys(order))

    def entry(aid):  # the folder is walked in name order; a JSONL file line by line
        if aid in torture.jsonl:
            return ("batch.jsonl", aid)
        return (aid.split("/")[0] if "/" in aid else aid + ".txt", aid)

    assert firsts == sorted(firsts, key=entry)
    assert set(firsts) >= {"bom", "crlf", "cp1252", "emoji", "longline", "sub/story", "j1", "j6", "j8"}


def _find(torture, aid, kind, contains):
    hits = [r for r in torture.records if r.article.id == aid and r.type == kind and contains in r.text]
    assert hits, (aid, kind, contains, [(r.type, r.text) for r in torture.records if r.article.id == aid])
    return hits[0]


def test_bom_is_offset_zero_and_offsets_count_it(torture):
    text = documented_read(torture.folder / "bom.txt", "bom")
    assert text[0] == "\ufeff"
    quote = _find(torture, "bom", "quote", QUOTE)
    assert quote.span.start == text.index(QUOTE) == STORY.index(QUOTE) + 1


def test_crlf_offsets_are_against_the_text_as_read(torture):
    text = documented_read(torture.folder / "crlf.txt", "crlf")
    raw = (torture.folder / "crlf.txt").read_bytes().decode("utf-8")
    assert "\r" not in text and raw.index(QUOTE) != text.index(QUOTE)
    assert _find(torture, "crlf", "quote", QUOTE).span.start == text.index(QUOTE)
    # JSONL text keeps its \r\n: offsets count both characters
    j6 = _find(torture, "j6", "numeric", "4%")
    assert j6.span.start == torture.jsonl["j6"].index("4%")


def test_cp1252_file_is_decoded_with_a_warning_and_its_quote_found(torture):
    quote = _find(torture, "cp1252", "quote", "We spent \u20ac50 million")
    text = documented_read(torture.folder / "cp1252.txt", "cp1252")
    assert text[quote.span.start : quote.span.end] == quote.text
    _find(torture, "latin1", "numeric", "45%")


def test_emoji_offsets_are_code_points(torture):
    text = documented_read(torture.folder / "emoji.txt", "emoji")
    quote = _find(torture, "emoji", "quote", "Great \U0001F680 news")
    assert quote.span.start == text.index("Great \U0001F680")
    assert quote.span.start != text.encode("utf-16-le").find("Great".encode("utf-16-le")) // 2
    assert _find(torture, "emoji", "numeric", "8%").span.start == text.index("8%")


def test_long_line_without_spaces_then_a_story(torture):
    text = documented_read(torture.folder / "longline.txt", "longline")
    assert len(text.split("\n")[0]) == 200_000
    figure = _find(torture, "longline", "numeric", "7%")
    assert figure.span.start == text.index("7%") > 200_000


@pytest.mark.slow  # a run of its own: five megabytes through the whole pipeline
def test_five_megabyte_article_is_processed_in_segments(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out.jsonl"
    folder.mkdir()
    big = ("Officials released the annual budget on Monday.\n\nThe plan adds 40 new bus routes.\n"
           + ("\n" + " " * 60) * (5_000_000 // 61)
           + "\n\n\u201cWe will finish the bridge by 2027,\u201d said treasurer Maria Lopez, who put the cost at $42 million.\n")
    (folder / "big.txt").write_text(big, encoding="utf-8")
    assert len(big.encode()) > 5_000_000
    result = CliRunner().invoke(app, ["run", str(folder), "-o", str(out), "-w", "1", "-q"])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    big_run = SimpleNamespace(records=[parse_record(line) for line in lines])
    text = documented_read(folder / "big.txt", "big")
    assert len(runner.segments(text)) >= 50
    figure = _find(big_run, "big", "numeric", "$42 million")
    assert figure.span.start == text.index("$42 million") > 5_000_000
    _find(big_run, "big", "quote", "We will finish the bridge by 2027")
    titles = {r.article.title for r in big_run.records}
    assert titles == {"Officials released the annual budget on Monday."}  # one article, one headline
    assert_offsets(text, [json.loads(line) for line in lines])


def test_nothing_in_an_input_is_executed_or_fetched(torture):
    assert not torture.connected
    assert not (torture.base / "PWNED").exists() and not Path("PWNED").exists()
    _find(torture, "inject", "numeric", "12%")


def test_unicode_line_separators_stay_inside_one_record_line(torture):
    """U+2028, U+2029 and U+0085 are line ends to str.splitlines: written escaped."""
    raw = torture.out.read_bytes()
    assert raw.count(b"\n") == len(torture.lines)
    assert "\u2028".encode() not in raw and "\x85".encode() not in raw
    hits = [r for r in torture.records if r.article.id == "linesep"]
    assert hits and any("\u2028" in r.text or "\u2028" in r.sentence.text for r in hits)


def test_duplicate_id_is_reported_not_merged(torture):
    j1 = [r for r in torture.records if r.article.id == "j1"]
    assert j1 and all(r.article.id == "j1" and "9%" not in r.text for r in j1)


def test_odd_text_gives_records_or_nothing_but_no_error(torture):
    for aid in ("quotes", "numbers", "zw", "empty", "blank"):
        assert not [p for p in torture.problems if p["level"] == "error" and f"{aid}.txt" in p["source"]]
    assert not [r for r in torture.records if r.article.id in ("empty", "blank")]
    _find(torture, "zw", "numeric", "4%")


# ------------------------------------------------------------------ runs of their own


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_and_folder(tmp_path):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "secret.txt").write_text(STORY, encoding="utf-8")
    (folder / "ok.txt").write_text(STORY, encoding="utf-8")
    os.chmod(folder / "secret.txt", 0)
    os.chmod(folder / "locked", 0)
    try:
        out = tmp_path / "o.jsonl"
        result = CliRunner().invoke(app, ["run", str(folder), "-o", str(out), "-w", "1", "-q"])
    finally:
        os.chmod(folder / "locked", 0o755)
        os.chmod(folder / "secret.txt", 0o644)
    assert result.exit_code == 1, result.output
    problems = {json.loads(l)["source"]: json.loads(l) for l in runner.errors_path(out).read_text().splitlines()}
    assert "permission denied" in problems[str(folder / "secret.txt")]["reason"].lower()
    assert "permission denied" in problems[str(folder / "locked")]["reason"].lower()
    assert {parse_record(l).article.id for l in out.read_text().splitlines()} == {"ok"}


@pytest.mark.slow
def test_ten_thousand_small_files(tmp_path):
    folder = tmp_path / "many"
    rng = random.Random(5)
    verbs = ["rose", "fell", "climbed", "slipped"]
    for i in range(10_000):
        sub = folder / f"d{i // 1000}"
        if i % 1000 == 0:
            sub.mkdir(parents=True)
        (sub / f"a{i:05d}.txt").write_text(f"Sales {rng.choice(verbs)} {rng.randint(1, 99)}% in {1990 + i % 30}.\n")
    (folder / "d3" / "readme.md").write_text("not an article")
    (folder / "d7" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    out = tmp_path / "o.jsonl"
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(folder), "-o", str(out), "-w", "2", "-q"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "10000 articles" in proc.stderr and "2 skipped" in proc.stderr
    ids = [json.loads(line)["article"]["id"] for line in out.read_text().splitlines()]
    assert len(set(ids)) == 10_000
    assert list(dict.fromkeys(ids)) == [f"d{i // 1000}/a{i:05d}" for i in range(10_000)]


_MAXRSS = (
    "import resource, sys\nfrom pipeline.cli import main\n"
    "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
    "print('MAXRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\nsys.exit(code)\n"
)


def _peak_kb(path: Path, out: Path) -> int:
    proc = subprocess.run([sys.executable, "-c", _MAXRSS, "run", str(path), "-o", str(out), "-w", "1", "-q"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return int(proc.stderr.split("MAXRSS")[-1].split()[0])


@pytest.mark.slow
def test_fifty_megabyte_jsonl_is_read_as_a_stream(tmp_path):
    """Scraped JSONL often carries the page's HTML beside the text: 100 records of 500 KB."""
    rng = random.Random(9)

    def write(path: Path, n: int) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            for i in range(n):
                html = base64.b64encode(rng.randbytes(375_000)).decode()
                text = f"Shares of the retailer rose {i % 40 + 1}% on Friday after the results."
                handle.write(json.dumps({"id": f"r{i}", "text": text, "html": html}) + "\n")

    big, small = tmp_path / "big.jsonl", tmp_path / "small.jsonl"
    write(big, 100)
    write(small, 2)
    assert big.stat().st_size > 50_000_000
    peak_small = _peak_kb(small, tmp_path / "s.jsonl")
    peak_big = _peak_kb(big, tmp_path / "b.jsonl")
    assert len((tmp_path / "b.jsonl").read_text().splitlines()) == 100
    assert peak_big - peak_small < 30_000, (peak_small, peak_big)  # KB: far below the file's 50 MB


BOOM = "BOOM-MARKER-7Q"


@Language.component("test_robustness_boom")
def _boom(doc):
    if BOOM in doc.text:
        raise RuntimeError("the marker text makes this stage fail")
    return doc


def test_a_failing_stage_costs_one_article_and_is_named(tmp_path):
    from pipeline import load_pipeline

    nlp = load_pipeline()
    nlp.add_pipe("test_robustness_boom", after="claimsift_quotes")
    folder = tmp_path / "in"
    folder.mkdir()
    rng = random.Random(2)
    names = ["Ana Ruiz", "Tom Berg", "Lea Novak", "Sam Osei", "Ida Holm"]
    for i in range(70):  # three chunks: the failing one is redone article by article
        (folder / f"s{i:02d}.txt").write_text(
            f"Profits rose {rng.randint(2, 60)}% at the plant in {2000 + i}.\n\n"
            f"\u201cIt was a good year,\u201d said {names[i % 5]}.\n" + (BOOM if i == 40 else ""),
            encoding="utf-8",
        )
    out = tmp_path / "o.jsonl"
    summary = runner.run([folder], out, nlp=nlp, workers=1)
    assert summary.failed == 1 and summary.articles == 70 and summary.exit_code == 1
    (problem,) = [json.loads(l) for l in runner.errors_path(out).read_text().splitlines()]
    assert problem["source"] == str(folder / "s40.txt") and problem["id"] == "s40"
    assert "stage test_robustness_boom failed" in problem["reason"] and "marker text" in problem["reason"]
    records = [parse_record(l) for l in out.read_text().splitlines()]
    ids = {r.article.id for r in records}
    assert ids == {f"s{i:02d}" for i in range(70)} - {"s40"}
    # the others' records are exactly those of a run without the failing stage
    nlp.remove_pipe("test_robustness_boom")
    (folder / "s40.txt").unlink()
    clean = tmp_path / "clean.jsonl"
    runner.run([folder], clean, nlp=nlp, workers=1)
    assert clean.read_bytes() == out.read_bytes()
    for r in records:
        assert_offsets((folder / f"{r.article.id}.txt").read_text(encoding="utf-8"), [r])


SLOW = "SLOW-MARKER-3Z"


@Language.component("test_robustness_slow")
def _slow(doc):
    while SLOW in doc.text:  # a stage that never finishes on this text
        pass
    return doc


@pytest.mark.slow
def test_a_stage_that_never_finishes_costs_one_article(tmp_path):
    """The time limit: an article that runs past it fails with a reason naming the stage."""
    from pipeline import load_pipeline

    nlp = load_pipeline()
    nlp.add_pipe("test_robustness_slow", after="claimsift_entities")
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"t{i}.txt").write_text(f"Turnout rose {10 + i}% this year.\n" + (SLOW if i == 2 else ""),
                                          encoding="utf-8")
    out = tmp_path / "o.jsonl"
    summary = runner.run([folder], out, nlp=nlp, workers=1, time_limit=1.0)
    assert summary.failed == 1 and summary.articles == 5
    (problem,) = [json.loads(l) for l in runner.errors_path(out).read_text().splitlines()]
    assert problem["id"] == "t2"
    assert "stage test_robustness_slow failed: ArticleTimeout: took longer than 1 s" in problem["reason"]
    assert {parse_record(l).article.id for l in out.read_text().splitlines()} == {"t0", "t1", "t3", "t4"}


def _stage_seconds(nlp, text: str) -> dict:
    import time

    doc = nlp.make_doc(text)
    seconds = {}
    for name, proc in nlp.pipeline:
        started = time.process_time()
        doc = proc(doc)
        seconds[name] = time.process_time() - started
    return seconds


@pytest.mark.slow
def test_figures_stage_is_not_superlinear_on_a_long_line_of_numbers(nlp):
    """Was ~n^2.5 (per-figure walks of the whole sentence: subtree, children, doc.ents, mentions):
    'ab1.5%$,\u20ac9-' * 1000 took ~3.5 s, * 2000 ~20 s; now linear."""
    small = _stage_seconds(nlp, "ab1.5%$,\u20ac9-" * 1000)["claimsift_figures"]
    big = _stage_seconds(nlp, "ab1.5%$,\u20ac9-" * 4000)["claimsift_figures"]
    assert small < 1.0, small
    # 4x the input: linear is ~4x the time, quadratic 16x
    assert big < 8 * max(small, 0.05), (small, big)


def test_people_stage_stays_linear_on_a_long_article(nlp):
    """Was ~quadratic (6.6 s on 77k characters); a guard, since a slow stage holds a whole run."""
    rng = random.Random(4)
    names = ["Ana Ruiz", "Tom Berg", "Lea Novak", "Sam Osei", "Ida Holm", "Kofi Mensah", "Mei Tanaka"]
    paragraphs = []
    for i in range(160):
        a, b = rng.sample(names, 2)
        paragraphs.append(f"\u201cWe will keep going,\u201d said {a}, who met {b} on Monday. "
                          f"{a.split()[1]} said costs rose {rng.randint(2, 40)}% after {b.split()[1]} left.")
    text = "\n\n".join(paragraphs)
    seconds = _stage_seconds(nlp, text)
    assert seconds["claimsift_entities"] < max(0.5, seconds["tok2vec"]), seconds

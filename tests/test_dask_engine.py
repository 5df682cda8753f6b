"""The Dask engine on a real LocalCluster (worker processes on loopback) against a local run.

One cluster and one local reference run per module. The runs go through `runner.run` with
`engine="dask"`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # worker processes and clusters: the whole file is an integration test

from pipeline import dask_engine, runner
from pipeline.reader import Article, Problem
from tests.conftest import CORPUS, assert_offsets

HAVE_DASK = importlib.util.find_spec("distributed") is not None
needs_dask = pytest.mark.skipif(
    not HAVE_DASK, reason="dask[distributed] is not installed (pip install 'claimsift[dask]')"
)

COPIES = 3  # the 5 corpus articles, 3 times: 15 articles, about 13,000 words
CHUNK = 2  # articles per chunk in the dask runs, so that there are many tasks


# --------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """A folder with articles and every kind of problem the reader reports."""
    folder = tmp_path_factory.mktemp("dask_inputs")
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    lines = []
    for copy in range(COPIES):
        for i, text in enumerate(texts):
            lines.append(json.dumps({"id": f"copy{copy}-{i}", "text": text, "title": f"Story {i}"}))
            if copy == 1 and i == 2:
                lines.append('{"id": "torn", "text": "The board approved')  # malformed: an error
                lines.append(json.dumps({"id": "blank", "text": "  \n"}))  # a warning, no records
                lines.append(json.dumps({"id": "copy0-1", "text": "Again."}))  # duplicate id: an error
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "loose.txt").write_text(
        "Unemployment fell to 3.9% in March, the statistics office said on Friday.\n\n"
        "\u201cThe labour market is cooling slowly,\u201d said economist Priya Natarajan.\n",
        encoding="utf-8",
    )
    (folder / "blob.txt").write_bytes(b"\x00\x01binary\x00" * 50)  # an error: binary file
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # skipped
    return folder


@pytest.fixture(scope="module")
def texts_by_id(inputs):
    texts = {}
    for line in (inputs / "feed.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        texts.setdefault(record["id"], record["text"])
    texts["loose"] = (inputs / "loose.txt").read_text(encoding="utf-8")
    return texts


@pytest.fixture(scope="module")
def reference(inputs, nlp, tmp_path_factory):
    """The local engine's files for the inputs: {"out", "errors", "progress"} bytes and the summary."""
    out = tmp_path_factory.mktemp("dask_reference") / "out.jsonl"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(runner, "CHUNK_ARTICLES", CHUNK)  # the same chunks (model batches) as the dask runs
        summary = runner.run([inputs], out, workers=1, nlp=nlp)
    return _files(out), summary




@pytest.fixture(scope="module")
def pure():
    """Whether a fresh pipeline gives a chunk the same records the second time it processes it."""
    from pipeline import load_pipeline

    fresh = load_pipeline()
    runner.prepare(fresh)
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    chunk = [Article(id=f"a{i}", text=text, source=f"a{i}.txt") for i, text in enumerate(texts)]
    first = runner.process_chunk(fresh, chunk)
    again = runner.process_chunk(fresh, chunk)
    return [r.lines for r in again] == [r.lines for r in first]


@pytest.fixture(scope="module")
def cluster():
    if not HAVE_DASK:
        pytest.skip("dask[distributed] is not installed (pip install 'claimsift[dask]')")
    from distributed import Client

    cluster = dask_engine.start_local_cluster(2)
    client = Client(cluster, set_as_default=False)
    client.run(dask_engine.warm)  # load the model in both workers before anything is timed
    yield cluster, client
    client.close()
    cluster.close()


def _files(out: Path):
    return {
        "out": out.read_bytes(),
        "errors": runner.errors_path(out).read_bytes(),
        "progress": runner.progress_path(out).read_bytes(),
    }


def _run_dask(inputs, out, scheduler, **kwargs):
    """`runner.run` with the dask engine."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(runner, "CHUNK_ARTICLES", CHUNK)
        return runner.run(inputs, out, engine="dask", scheduler=scheduler, workers=2, **kwargs)


def _article_order(data: bytes):
    ids = [json.loads(line)["article"]["id"] for line in data.splitlines()]
    return [a for i, a in enumerate(ids) if i == 0 or ids[i - 1] != a]


def _assert_same_files(out: Path, expected) -> None:
    """Nothing lost, doubled or reordered; then the same bytes."""
    got = _files(out)
    assert got["errors"] == expected["errors"]
    order = _article_order(got["out"])
    assert order == _article_order(expected["out"])
    assert len(order) == len(set(order))  # every article's records in one block, once
    for name in ("out", "progress"):
        if got[name] != expected[name]:
            a, b = got[name].splitlines(), expected[name].splitlines()
            first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            message = (
                f"{name} differs from the local run ({len(a)} vs {len(b)} lines); first at line "
                f"{first}:\n dask:  {a[first][:300] if first < len(a) else None!r}\n local: "
                f"{b[first][:300] if first < len(b) else None!r}"
            )
            raise AssertionError(message)


def _counts(summary):
    return (summary.articles, summary.failed, summary.quotes, summary.figures, summary.warnings, summary.skipped)


# ----------------------------------------------------------------------------------- tests


def test_reference_run_is_sound(reference, texts_by_id):
    """The local run the dask runs are compared with: records on their text, every problem kind."""
    files, summary = reference
    records = [json.loads(line) for line in files["out"].decode("utf-8").splitlines()]
    assert records
    for r in records:
        assert_offsets(texts_by_id[r["article"]["id"]], [r])
    levels = sorted(json.loads(line)["level"] for line in files["errors"].decode().splitlines())
    assert levels == ["error", "error", "error", "skipped", "warning"]
    assert summary.articles >= 5 * COPIES + 2  # the feed, the blank one, loose.txt


@needs_dask
def test_same_bytes_as_the_local_engine(cluster, inputs, reference, tmp_path):
    local_cluster, _ = cluster
    out = tmp_path / "out.jsonl"
    summary = _run_dask([inputs], out, local_cluster.scheduler_address)
    files, expected = reference
    _assert_same_files(out, files)
    assert _counts(summary) == _counts(expected)
    assert summary.problems == expected.problems


@needs_dask
def test_one_fresh_worker_writes_the_bytes_of_a_fresh_local_run(inputs, tmp_path):
    """Strict, whatever the pipeline's history dependence: both engines in one fresh process each."""
    import subprocess

    local = tmp_path / "local.jsonl"
    code = (
        "import sys; from pipeline import runner; runner.CHUNK_ARTICLES = int(sys.argv[3]); "
        "runner.run([sys.argv[1]], sys.argv[2], workers=1)"
    )
    subprocess.run([sys.executable, "-c", code, str(inputs), str(local), str(CHUNK)], check=True,
                   capture_output=True)
    with dask_engine.start_local_cluster(1) as one:
        out = tmp_path / "dask.jsonl"
        _run_dask([inputs], out, one.scheduler_address)
    assert _files(out) == _files(local)


@needs_dask
def test_resume_after_an_interrupted_run(cluster, inputs, reference, tmp_path):
    """A run cut off mid-way (a torn last line in each file) is finished by --resume on dask."""
    local_cluster, _ = cluster
    files, _ = reference
    lines = files["progress"].splitlines(keepends=True)
    marks = [i for i, line in enumerate(lines) if "items" in json.loads(line) and not json.loads(line).get("finished")]
    at = marks[len(marks) // 2]
    cut = json.loads(lines[at])
    out = tmp_path / "out.jsonl"
    out.write_bytes(files["out"][: cut["out"]] + b'{"schema_version": "1.0", "id": "to')
    runner.errors_path(out).write_bytes(files["errors"][: cut["errors"]] + b'{"sour')
    runner.progress_path(out).write_bytes(b"".join(lines[: at + 1]) + b'{"items": 9')
    summary = _run_dask([inputs], out, local_cluster.scheduler_address, resume=True)
    assert summary.resumed_from == cut["items"] > 0
    _assert_same_files(out, files)


def _kill_a_busy_worker(client) -> int:
    """SIGKILL a worker process that is processing a task; its pid."""
    for _ in range(200):
        busy = [addr for addr, keys in client.processing().items() if keys]
        if busy:
            pids = client.run(os.getpid, workers=busy[:1])
            pid = pids[busy[0]]
            os.kill(pid, signal.SIGKILL)
            return pid
        time.sleep(0.05)
    raise AssertionError("no worker was busy")


def _wait_for_two_workers(client, killed):
    client.wait_for_workers(2, timeout=60)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        pids = set(client.run(os.getpid).values())
        if len(pids) == 2 and killed not in pids:
            return pids
        time.sleep(0.2)
    raise AssertionError("the killed worker was not replaced")


@needs_dask
def test_a_worker_killed_mid_run_loses_and_doubles_nothing(cluster, inputs, reference, tmp_path):
    local_cluster, client = cluster
    killed = []

    def progress(articles, words):
        if not killed:
            killed.append(_kill_a_busy_worker(client))

    out = tmp_path / "out.jsonl"
    summary = _run_dask([inputs], out, local_cluster.scheduler_address, progress=progress)
    files, expected = reference
    assert killed
    _assert_same_files(out, files)
    assert _counts(summary) == _counts(expected)
    assert killed[0] not in _wait_for_two_workers(client, killed[0])  # the nanny restarted it


@needs_dask
def test_a_chunk_that_kills_its_worker_is_redone_one_article_at_a_time(cluster, inputs, reference, tmp_path):
    """With no failures allowed, the killed worker's chunk ends as KilledWorker; its articles are
    then redone one by one and the output is still exactly the local one."""
    local_cluster, client = cluster

    def allow(dask_scheduler, n):
        dask_scheduler.allowed_failures = n

    killed = []

    def progress(articles, words):
        if not killed:
            killed.append(_kill_a_busy_worker(client))

    client.run_on_scheduler(allow, n=0)
    try:
        out = tmp_path / "out.jsonl"
        summary = _run_dask([inputs], out, local_cluster.scheduler_address, progress=progress)
    finally:
        client.run_on_scheduler(allow, n=dask_engine.ALLOWED_FAILURES)
    files, expected = reference
    assert killed
    _assert_same_files(out, files)
    assert _counts(summary) == _counts(expected)
    _wait_for_two_workers(client, killed[0])


@needs_dask
def test_window_is_bounded_and_problems_pass_through(cluster, nlp, pure):
    """Chunks are pulled from the input as results go out, never the whole stream at once."""
    local_cluster, _ = cluster
    sentences = [
        "Revenue rose 8% to $2.1 billion in the quarter, the company said.",
        "\u201cWe expect a slower second half,\u201d finance chief Lena Ortiz told analysts.",
        "The council voted 7-2 to raise parking fees by 50 cents.",
        "",
    ]
    chunks = []
    for i in range(12):
        if i % 4 == 3:
            chunks.append([Problem(source=f"feed.jsonl:{i}", reason="not JSON", level="error")])
        else:
            text = sentences[i % 4]
            chunks.append([Article(id=f"a{i}", text=text, source=f"feed.jsonl:{i}")])
    pulled = []

    def stream():
        for chunk in chunks:
            pulled.append(chunk)
            yield chunk

    window = 3
    results = dask_engine.ordered_results(stream(), scheduler=local_cluster.scheduler_address, window=window)
    first = next(results)
    assert len(pulled) <= window + 1
    got = [first] + list(results)
    assert len(got) == len(chunks)
    for chunk, result in zip(chunks, got):
        if isinstance(chunk[0], Problem):
            assert result is chunk or result == chunk
        else:
            assert [r.article_id for r in result] == [a.id for a in chunk]
            assert all(r.error is None for r in result)
            if pure:
                assert result == runner.process_chunk(nlp, chunk)


def test_without_dask_the_error_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    with pytest.raises(dask_engine.DaskUnavailable) as caught:
        dask_engine.require_dask()
    assert "pip install 'claimsift[dask]'" in str(caught.value)
    assert isinstance(caught.value, runner.RunError)  # the CLI exits with status 2
    with pytest.raises(dask_engine.DaskUnavailable):
        next(dask_engine.ordered_results(iter([])))


def test_cli_without_dask_exits_2_with_the_hint(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    if "--engine" not in CliRunner().invoke(app, ["run", "--help"]).output:
        pytest.skip("the CLI has no --engine option yet")
    monkeypatch.setitem(sys.modules, "distributed", None)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["run", str(CORPUS), "-o", str(out), "--engine", "dask", "-q"])
    assert result.exit_code == 2, result.output
    assert "pip install 'claimsift[dask]'" in result.output
    assert not out.exists()


@needs_dask
def test_an_unreachable_scheduler_is_a_usage_error(monkeypatch):
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    article = Article(id="x", text="Prices rose 3% last month.", source="x.txt")
    with pytest.raises(dask_engine.SchedulerUnreachable, match="cannot reach the Dask scheduler") as caught:
        next(dask_engine.ordered_results(iter([[article]]), scheduler=address))
    assert isinstance(caught.value, runner.RunError)


@needs_dask
def test_a_scheduler_without_workers_is_reported(monkeypatch):
    monkeypatch.setattr(dask_engine, "WORKERS_TIMEOUT", 1)
    with dask_engine.start_local_cluster(0) as empty:
        article = Article(id="x", text="Prices rose 3% last month.", source="x.txt")
        with pytest.raises(dask_engine.SchedulerUnreachable, match="no Dask worker joined"):
            next(dask_engine.ordered_results(iter([[article]]), scheduler=empty.scheduler_address))


def test_a_task_is_pure_same_chunk_same_result(pure):
    """What the dask engine (and the local pool) rely on: a chunk redone in a process that has
    already processed other articles gives the same result as in a fresh one."""
    assert pure


class _FakeServer:
    """A TCP server on loopback that is not a Dask scheduler: `reply(data_received) -> bytes`."""

    def __init__(self, reply):
        import threading

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.address = f"tcp://127.0.0.1:{self.sock.getsockname()[1]}"
        self.reply = reply
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            try:
                conn.settimeout(10)
                answer = self.reply(conn)
                if answer:
                    conn.sendall(answer)
                time.sleep(0.5)
            except OSError:
                pass
            finally:
                conn.close()

    def close(self):
        self.sock.close()


def _http(conn):
    conn.recv(4096)  # waits for a request the Dask client never sends
    return b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"


@needs_dask
@pytest.mark.parametrize("reply", [
    _http,
    lambda conn: b"\xff\xfe\xfdthis is not a frame length" * 100,
    lambda conn: (1 << 40).to_bytes(8, "little") + b"x" * 64,  # announces a terabyte
    lambda conn: b"",  # accepts and closes
], ids=["http", "garbage", "huge length", "closes"])
def test_a_scheduler_address_that_is_not_dask_is_a_clear_usage_error(monkeypatch, tmp_path, reply):
    """Issue 17: a bounded wait and one line, never a hang or a traceback, and no file written."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "2s")
    server = _FakeServer(reply)
    try:
        started = time.monotonic()
        out = tmp_path / "out.jsonl"
        result = CliRunner().invoke(app, ["run", str(CORPUS), "-o", str(out), "--engine", "dask",
                                          "--scheduler", server.address, "-q"])
        assert time.monotonic() - started < 20
        assert result.exit_code == 2, result.output
        assert f"cannot reach the Dask scheduler at {server.address}" in result.output
        assert "Traceback" not in result.output and not out.exists()
    finally:
        server.close()


@needs_dask
def test_the_time_limit_holds_in_dask_tasks(cluster):
    """Issue 17: tasks run off a worker's main thread, where SIGALRM cannot reach; the article
    that overruns is an error line naming the stage, the others are whole."""
    from tests.hostile_stages import STORY, SWALLOW, swallowing_pipeline

    local_cluster, _ = cluster
    chunks = [[Article(id=f"d{i}", text=STORY + (SWALLOW if i == 1 else ""), source=f"d{i}.txt")
               for i in range(3)]]
    started = time.monotonic()
    (results,) = list(dask_engine.ordered_results(iter(chunks), swallowing_pipeline,
                                                  scheduler=local_cluster.scheduler_address, time_limit=2.0))
    assert time.monotonic() - started < 120
    assert [r.article_id for r in results] == ["d0", "d1", "d2"]
    assert results[0].lines and results[2].lines and results[0].error is None
    assert "stage test_hostile_swallow failed: ArticleTimeout" in results[1].error and not results[1].lines

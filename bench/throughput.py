"""Throughput and memory: bare spaCy against claimsift, on the same texts, in one run.

    python bench/throughput.py --mix DIR [--repeat N] [--model NAME] [--only MODE ...]
    python bench/throughput.py [--words 100000]          # corpus/ repeated (caches stay warm)

Input: with `--mix DIR`, the real article .txt files of DIR (at least 50,000 words, each file
once; `--repeat 2` or `3` takes the set that many times, and the script says so); without it,
corpus/ repeated until it holds `--words` words. Either way one JSONL file of articles that every
mode reads. Each mode is a fresh process timed from its start to its exit, so start-up, imports
and model loading are included, as a user waits for them (claimsift's modules are compiled to
bytecode first, as an installed package's are):

  bare        bare spaCy: a Python process that loads the same base model with all its default
              components (`spacy.load`, default batch size) and runs `nlp.pipe` over the texts;
  bare16      the same at the batch size claimsift uses, 16;
  bareblas    bare spaCy with the matrix products claimsift's pipeline uses (numpy's BLAS on one
              thread instead of blis; `pipeline.assemble.load_base`), default batch size;
  claimsift1  `claimsift run INPUT -o OUT --workers 1`;
  claimsift2  the same with `--workers 2`.

With `--rounds N` every mode runs N times, the modes taking turns, and the run of each mode
with the least CPU time is the one compared (other load on the machine only adds time).

Printed for each: words/s (wall clock), CPU seconds of all its processes (user + system: less
disturbed than the wall clock by other load on the machine), and peak RSS of the largest process
(the kernel's figure for the process and every descendant it waited for; for claimsift the main
process's own peak is given beside it). Then the ratios b/a (claimsift with 1 worker against bare
spaCy, by wall clock and by CPU time) and c/b (2 workers against 1, by wall clock). When other
work shares the machine, wall clocks mislead; the script then also estimates the 2-worker wall
time on an idle machine with a core per worker from the CPU time of each process: the main
process's CPU time before the workers start, plus the workers' and the main process's later CPU
time shared evenly between the cores (the workers take their tasks, a piece of a chunk each, from
one queue: under other load the one that gets less of a core does less of the work; on an idle
machine they share it evenly up to the last task, whose wait this leaves out), and, as an upper
bound, with the busiest worker's CPU time in place of the even share (a one-process run takes its
CPU time on an idle machine).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODES = ("bare", "bare16", "bareblas", "claimsift1", "claimsift2")
MIN_MIX_WORDS = 50_000
MAX_REPEAT = 3

# The bare run: what a user of spaCy alone would write (start-up counted from the process start).
BARE = """
import json, sys
import spacy
if sys.argv[4]:
    from threadpoolctl import threadpool_limits
    from thinc.api import set_current_ops, NumpyOps
    threadpool_limits(1, user_api="blas")
    set_current_ops(NumpyOps(use_blis=False))
for name in sys.argv[2].split(","):
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
kwargs = {"batch_size": int(sys.argv[3])} if sys.argv[3] else {}
for doc in nlp.pipe(texts, **kwargs):
    pass
"""


def _write_articles(path: Path, articles) -> int:
    words = 0
    with open(path, "w", encoding="utf-8") as out:
        for article_id, text in articles:
            out.write(json.dumps({"id": article_id, "text": text}) + "\n")
            words += len(text.split())
    return words


def build_from_corpus(path: Path, words: int) -> int:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    articles, total, n = [], 0, 0
    while total < words:
        for text in texts:
            articles.append((f"copy{n:05d}", text))
            total += len(text.split())
            n += 1
    return _write_articles(path, articles)


def build_from_mix(path: Path, folder: Path, repeat: int) -> int:
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"{folder}: no .txt files")
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in files]
    once = sum(len(t.split()) for _, t in texts)
    if once * repeat < MIN_MIX_WORDS:
        raise SystemExit(
            f"{folder}: {once:,} words x {repeat} < {MIN_MIX_WORDS:,}; add articles or --repeat (at most {MAX_REPEAT})"
        )
    articles = [(f"{stem}#{r}" if r else stem, text) for r in range(repeat) for stem, text in texts]
    return _write_articles(path, articles)


def _proc_tree(pid: int) -> list:
    """The descendants of `pid` alive now (a short-lived one may vanish while it is read)."""
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    for task in tasks:
        try:
            found += [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except (OSError, ValueError):
            pass
    return found + [g for c in found for g in _proc_tree(c)]


def _vm_hwm_mb(pid: int) -> float:
    """The peak resident memory of a live process (VmHWM), 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_seconds(pid: int):
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    except (OSError, IndexError, ValueError):  # gone, or caught while it ends
        return None


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _is_worker(pid: int, main_cmdline: bytes) -> bool:
    """A worker is forked from the main process: a child with the main process's command line."""
    return _cmdline(pid) == main_cmdline


def measure(mode: str, data: Path, model: str | None, tmp: Path) -> dict:
    if mode.startswith("bare"):
        from pipeline.assemble import DEFAULT_MODELS

        names = model or ",".join(DEFAULT_MODELS)
        cmd = [sys.executable, "-c", BARE, str(data), names, "16" if mode == "bare16" else "",
               "blas" if mode == "bareblas" else ""]
    else:
        exe = shutil.which("claimsift") or str(Path(sys.executable).parent / "claimsift")
        out = tmp / f"{mode}.jsonl"
        cmd = [exe, "run", str(data), "-o", str(out), "--force", "-q", "--workers", mode[-1]]
        if model:
            cmd += ["--model", model]
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    main_peak = [0.0]
    cpu: dict = {}  # pid -> CPU seconds last seen
    main_before_workers = [None]
    worker_pids: set = set()
    stop = threading.Event()

    failed: list = []

    def sample() -> None:  # the main process's own peak (the kernel reports the tree's largest)
        try:
            sample_until_stopped()
        except Exception as error:  # noqa: BLE001 - reported with the figures it spoils
            failed.append(f"{type(error).__name__}: {error}")

    def sample_until_stopped() -> None:
        while not stop.wait(0.05):
            main_peak[0] = max(main_peak[0], _vm_hwm_mb(proc.pid))
            # read again each time: read just after the process started, it may still be the
            # command line of the bench itself, whose exec the kernel had not finished
            main_cmdline = _cmdline(proc.pid)
            for pid in [proc.pid] + _proc_tree(proc.pid):
                seconds = _cpu_seconds(pid)
                if seconds is not None:
                    cpu[pid] = seconds
                    if pid != proc.pid and pid not in worker_pids and _is_worker(pid, main_cmdline):
                        worker_pids.add(pid)
            if main_before_workers[0] is None and worker_pids:
                main_before_workers[0] = cpu.get(proc.pid, 0.0)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} failed ({proc.returncode}):\n{stderr.decode()[-3000:]}")
    workers = sorted((t for pid, t in cpu.items() if pid in worker_pids), reverse=True)
    main_cpu = cpu.get(proc.pid, 0.0)
    before = main_before_workers[0] or 0.0
    return {
        "mode": mode,
        "seconds": seconds,
        # Wall time on an idle machine with a core per worker: what the main process does before
        # the workers start, then the work shared between the cores (evenly, or as the busiest
        # worker had it).
        "idle_estimate": before + (sum(workers) + main_cpu - before) / len(workers) if len(workers) > 1 else None,
        "idle_bound": before + workers[0] + (main_cpu - before) / len(workers) if len(workers) > 1 else None,
        "cpu_parts": f"main {before:.1f} s before the workers start, {main_cpu - before:.1f} s after; "
        + ", ".join(f"worker {t:.1f} s" for t in workers) if workers else
        (f"no CPU times by process: sampling failed ({failed[0]})" if failed else ""),
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_max_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux: the largest of the tree
        "rss_main_mb": main_peak[0],
        "load": load,
    }


def compile_bytecode() -> None:
    """Compile claimsift's modules to bytecode first, as installing a package does: spaCy and the
    other dependencies come compiled from their wheels, and with PYTHONDONTWRITEBYTECODE set (or an
    editable install in a read-only tree) every claimsift process would otherwise compile its
    sources again at start-up, a cost no installed copy pays."""
    import compileall

    for package in ("pipeline", "models"):
        compileall.compile_dir(str(ROOT / package), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mix", type=Path, help="folder of real article .txt files (>= 50,000 words)")
    parser.add_argument("--repeat", type=int, default=1, choices=range(1, MAX_REPEAT + 1))
    parser.add_argument("--words", type=int, default=100_000, help="without --mix: corpus/ repeated to this size")
    parser.add_argument("--model", default=None)
    parser.add_argument("--only", choices=MODES, action="append")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each mode, taking turns")
    args = parser.parse_args()
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = tmp / "articles.jsonl"
        if args.mix:
            words = build_from_mix(data, args.mix, args.repeat)
            n = sum(1 for _ in open(data, encoding="utf-8"))
            how = f"{args.mix}: {n} articles" + (f" (the set repeated {args.repeat} times)" if args.repeat > 1 else ", each once")
        else:
            words = build_from_corpus(data, args.words)
            how = "corpus/ repeated"
        print(f"input: {how}, {words:,} words ({data.stat().st_size / 1e6:.1f} MB); {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f}; times from process start to exit", flush=True)
        results: dict = {}
        modes = args.only or ("bare", "claimsift1", "claimsift2")
        for round_ in range(1, args.rounds + 1):
            for mode in modes:
                r = measure(mode, data, args.model, tmp)
                if mode not in results or r["cpu"] < results[mode]["cpu"]:
                    results[mode] = r
                main = f" (main process {r['rss_main_mb']:.0f} MB)" if mode == "claimsift2" else ""
                if r["idle_estimate"]:
                    main += (f"; on an idle machine about {r['idle_estimate']:.1f} s, at most "
                             f"{r['idle_bound']:.1f} s ({r['cpu_parts']})")
                turn = f"[{round_}] " if args.rounds > 1 else ""
                print(
                    f"{turn}{mode:<11} {words / r['seconds']:>8,.0f} words/s  {r['seconds']:6.1f} s wall  "
                    f"{r['cpu']:6.1f} s CPU ({words / r['cpu']:,.0f} words per CPU second)  peak RSS "
                    f"{r['rss_max_mb']:.0f} MB{main}; load {r['load']:.1f}",
                    flush=True,
                )
    if args.rounds > 1:
        print("compared: the run of each mode with the least CPU time")
    for bare in ("bare", "bare16", "bareblas"):
        if bare in results and "claimsift1" in results:
            a, b = results[bare], results["claimsift1"]
            print(f"b/a (claimsift 1 worker / {bare}): {a['seconds'] / b['seconds']:.2f} by wall clock, "
                  f"{a['cpu'] / b['cpu']:.2f} by CPU time")
    if "claimsift1" in results and "claimsift2" in results:
        b, c = results["claimsift1"], results["claimsift2"]
        idle = (f", about {b['cpu'] / c['idle_estimate']:.2f} on an idle machine (at least "
                f"{b['cpu'] / c['idle_bound']:.2f})" if c["idle_estimate"] else "")
        print(f"c/b (2 workers / 1 worker): {b['seconds'] / c['seconds']:.2f} by wall clock{idle}")


if __name__ == "__main__":
    main()

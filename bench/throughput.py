"""Throughput and memory: bare spaCy against claimsift, on the same texts, in one run.

    python bench/throughput.py [--words 100000] [--model NAME]

Builds a JSONL file of articles by repeating corpus/ until it holds at least --words words, then
measures, each in a fresh process so that peak memory is its own:

  (a) bare `nlp.pipe` of the same spaCy pipeline with all its default components (and, with
      `--only bare16`, the same at the batch size claimsift uses, 16);
  (b) claimsift end to end (`pipeline.runner.run`, what `claimsift run` calls) with 1 worker;
  (c) the same with 2 workers;

and prints words/s, peak RSS per process (the main process, and the largest worker) and the
ratios b/a and c/b. (a) times `nlp.pipe` alone, the model already loaded; (b) and (c) are end to
end, model loading included, as a user waits for them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_input(path: Path, words: int) -> int:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    total = 0
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        while total < words:
            for text in texts:
                out.write(json.dumps({"id": f"copy{n:05d}", "text": text}) + "\n")
                total += len(text.split())
                n += 1
    return total


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _children(pid: int) -> list:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found + [g for c in found for g in _children(c)]


def _vm_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class WorkerPeak:
    """Samples the resident memory of this process's descendants (the workers) while running."""

    def __init__(self, every: float = 0.2):
        import threading

        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(every,), daemon=True)

    def _loop(self, every: float) -> None:
        while not self._stop.wait(every):
            for pid in _children(os.getpid()):
                self.peak = max(self.peak, _vm_rss_mb(pid))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def child(mode: str, data: Path, model: str | None) -> dict:
    texts = [json.loads(line)["text"] for line in open(data, encoding="utf-8")]
    words = sum(len(t.split()) for t in texts)
    worker_peak = 0.0
    if mode in ("bare", "bare16"):
        from pipeline.assemble import load_base

        nlp = load_base(model)
        batch = {"batch_size": 16} if mode == "bare16" else {}
        start = time.perf_counter()
        for _ in nlp.pipe(texts, **batch):
            pass
        seconds = time.perf_counter() - start
    else:
        from pipeline import load_pipeline
        from pipeline.runner import run

        workers = 1 if mode == "claimsift1" else 2
        with tempfile.TemporaryDirectory() as tmp, WorkerPeak() as sampler:
            start = time.perf_counter()  # end to end: the model loads inside the timed part
            summary = run([data], Path(tmp) / "out.jsonl", model=model, workers=workers)
            seconds = time.perf_counter() - start
        assert summary.failed == 0, summary.problems[:3]
        worker_peak = sampler.peak
    return {
        "mode": mode,
        "words": words,
        "seconds": seconds,
        "words_per_s": words / seconds,
        "rss_main_mb": _rss_mb(resource.RUSAGE_SELF),
        "rss_worker_mb": worker_peak,
    }


def measure(mode: str, data: Path, model: str | None) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--data", str(data)]
    if model:
        cmd += ["--model", model]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--model", default=None)
    parser.add_argument("--only", choices=["bare", "bare16", "claimsift1", "claimsift2"], action="append")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, Path(args.data), args.model)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "articles.jsonl"
        words = build_input(data, args.words)
        print(f"input: {words:,} words ({data.stat().st_size / 1e6:.1f} MB), {os.cpu_count()} cores", flush=True)
        results = {}
        for mode in args.only or ["bare", "claimsift1", "claimsift2"]:
            r = measure(mode, data, args.model)
            results[mode] = r
            worker = f", worker peak RSS {r['rss_worker_mb']:.0f} MB" if mode == "claimsift2" else ""
            print(
                f"{mode:<11} {r['words_per_s']:>8,.0f} words/s  {r['seconds']:7.1f} s  "
                f"peak RSS {r['rss_main_mb']:.0f} MB{worker}",
                flush=True,
            )
    if "bare" in results and "claimsift1" in results:
        print(f"b/a (claimsift 1 worker / bare spaCy): {results['claimsift1']['words_per_s'] / results['bare']['words_per_s']:.2f}")
    if "claimsift1" in results and "claimsift2" in results:
        print(f"c/b (2 workers / 1 worker): {results['claimsift2']['words_per_s'] / results['claimsift1']['words_per_s']:.2f}")


if __name__ == "__main__":
    main()

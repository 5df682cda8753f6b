"""Scaling of the Dask engine: words/s with a LocalCluster of 1 and of 2 worker processes.

    python bench/dask_scaling.py [--words 50000] [--model NAME] [--chunk-articles N] [--local]

Builds a JSONL file of articles by repeating corpus/ until it holds at least --words words, then
for each cluster size starts a `distributed.LocalCluster` (single-threaded worker processes on
127.0.0.1), loads the model in every worker, and times `pipeline.runner.run` with the dask engine
over the file (what `claimsift run --engine dask --scheduler ADDRESS` does against a running
cluster). It prints, for 1 and 2 workers, the words/s of the run on the warm cluster ("warm") and
including the cluster's start and model loading ("cold", what `--engine dask` without a
scheduler costs), then the ratio 2 workers / 1 worker. --local adds the local engine with one
process for comparison. The outputs of all runs are checked to be byte-identical.

--chunk-articles sets the runner's articles per chunk (one Dask task each; default: the runner's
own, 16 articles or 50,000 characters).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from throughput import build_input  # noqa: E402  (bench/ is the script's own folder)


def run_dask(data: Path, out: Path, scheduler: str, model, workers: int):
    from pipeline import runner

    return runner.run([data], out, model=model, workers=workers, engine="dask", scheduler=scheduler, force=True)


def measure_dask(n: int, data: Path, out: Path, model) -> dict:
    from distributed import Client

    from pipeline import dask_engine

    start = time.perf_counter()
    cluster = dask_engine.start_local_cluster(n)
    client = Client(cluster, set_as_default=False)
    try:
        client.run(dask_engine.warm, model)
        ready = time.perf_counter()
        summary = run_dask(data, out, cluster.scheduler_address, model, n)
        end = time.perf_counter()
    finally:
        client.close()
        cluster.close()
    assert summary.failed == 0, summary.problems[:3]
    return {"words": summary.words, "warm": end - ready, "cold": end - start}


def measure_local(data: Path, out: Path, model) -> dict:
    from pipeline import load_pipeline
    from pipeline.runner import run

    nlp = load_pipeline(model)
    start = time.perf_counter()
    summary = run([data], out, model=model, workers=1, nlp=nlp, force=True)
    seconds = time.perf_counter() - start
    return {"words": summary.words, "warm": seconds, "cold": None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--model", default=None)
    parser.add_argument("--chunk-articles", type=int, default=None)
    parser.add_argument("--local", action="store_true", help="also time the local engine, 1 process")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the fastest is kept (a shared machine is noisy)")
    args = parser.parse_args()

    from pipeline import runner

    if args.chunk_articles:
        runner.CHUNK_ARTICLES = args.chunk_articles
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = tmp / "articles.jsonl"
        words = build_input(data, args.words)
        articles = sum(1 for _ in open(data, encoding="utf-8"))
        tasks = sum(1 for _ in runner._chunks(runner.iter_inputs([data])))
        print(
            f"input: {words:,} words, {articles} articles, {tasks} tasks "
            f"({runner.CHUNK_ARTICLES} articles or {runner.CHUNK_CHARS:,} chars a chunk), "
            f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        results = {}
        runs = (["local"] if args.local else []) + [1, 2]
        for what in runs:
            out = tmp / f"out-{what}.jsonl"
            if what == "local":
                r = min((measure_local(data, out, args.model) for _ in range(args.repeat)), key=lambda x: x["warm"])
                label = "local engine, 1 process"
            else:
                r = min((measure_dask(what, data, out, args.model) for _ in range(args.repeat)), key=lambda x: x["warm"])
                label = f"dask, {what} worker{'s' if what > 1 else ''}"
            results[what] = r
            cold = f"   cold {r['words'] / r['cold']:>7,.0f} words/s ({r['cold']:5.1f} s)" if r["cold"] else ""
            print(f"{label:<24} warm {r['words'] / r['warm']:>7,.0f} words/s ({r['warm']:5.1f} s){cold}", flush=True)
        outputs = {what: (tmp / f"out-{what}.jsonl").read_bytes() for what in runs}
        same = len(set(outputs.values())) == 1
        if not same:
            print("outputs differ: " + ", ".join(
                f"{a} vs {b}: {'same' if outputs[a] == outputs[b] else 'differ'}"
                for i, a in enumerate(runs) for b in runs[i + 1:]
            ))
    print(f"ratio 2 workers / 1 worker: warm {results[1]['warm'] / results[2]['warm']:.2f}, "
          f"cold {results[1]['cold'] / results[2]['cold']:.2f}")
    print(f"outputs byte-identical: {same}; load average now {os.getloadavg()[0]:.1f}")
    if not same:  # see tests/test_dask_engine.py: the pipeline's output depends on its process's history
        raise SystemExit(1)


if __name__ == "__main__":
    main()

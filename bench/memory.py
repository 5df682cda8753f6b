"""Memory on long runs: resident memory at article 1,000 and at the end of a 20,000-article run.

    python bench/memory.py [--articles 20000] [--workers 1] [--no-zones] [--compare]

Writes a JSONL file of short, distinct news-style articles (invented names, companies, places and
numbers, so that nearly every article brings strings the vocabulary has never seen: without
spaCy's memory zones the string store grows with each one), runs `pipeline.runner.run` on it
(what `claimsift run` calls), samples the process's resident memory (VmRSS from
/proc/self/status) through the runner's `progress` callback and prints it at article 1,000 and at
the last article, with the growth between the two. The issue's target: under 10%.

--no-zones runs the same with `nlp.memory_zone` made a no-op (what the runner would be without
memory zones); --compare runs both, each in a fresh process, and prints both lines.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SYLLABLES = ["ka", "lo", "mi", "ren", "tas", "vor", "eli", "dun", "bra", "sio", "qua", "zel", "nor",
             "pha", "tri", "gan", "wes", "ul", "ost", "ber", "yan", "cor", "fe", "ix", "mon", "dra"]
ROLES = ["chief executive", "finance minister", "spokeswoman", "analyst", "mayor", "coach", "director"]
VERBS = ["rose", "fell", "climbed", "slipped", "jumped", "dropped"]
THINGS = ["revenue", "profit", "sales", "ticket prices", "enrolment", "exports", "spending"]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def article(rng: random.Random, n: int) -> str:
    first, last = _word(rng, 2), _word(rng, 3)
    company = f"{_word(rng, 3)} {rng.choice(['Holdings', 'Group', 'Labs', 'Foods', 'Energy'])}"
    place = _word(rng, 3)
    code = f"{_word(rng, 2).upper()}-{rng.randint(100, 99999)}"
    pct = f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%"
    money = f"${rng.randint(2, 950)}.{rng.randint(1, 9)} million"
    return (
        f"{company} said {rng.choice(THINGS)} {rng.choice(VERBS)} {pct} in {place} last quarter, "
        f"to {money}, on orders of model {code}.\n\n"
        f"\u201cWe expect {rng.randint(3, 90_000):,} new customers by {rng.randint(2025, 2040)},\u201d "
        f"said {first} {last}, the company's {rng.choice(ROLES)}, in report {n}-{rng.randint(1, 10**9)}.\n"
    )


def build_input(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            out.write(json.dumps({"id": f"m{n:06d}", "text": article(rng, n)}) + "\n")


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure(data: Path, zones: bool, workers: int) -> dict:
    from pipeline import load_pipeline
    from pipeline.runner import run

    nlp = load_pipeline()
    if not zones:
        nlp.memory_zone = lambda *a, **k: contextlib.nullcontext()  # the runner without zones
    samples = {}

    def progress(articles: int, words: int) -> None:
        if articles in (1, 1000, 5000, 10000, 15000) or articles % 20000 == 0:
            samples[articles] = rss_mb()

    out = Path(tempfile.mkdtemp()) / "out.jsonl"
    started = time.perf_counter()
    summary = run([data], out, nlp=nlp if workers <= 1 else None, workers=workers, progress=progress, force=True)
    samples[summary.articles] = rss_mb()
    return {
        "zones": zones,
        "articles": summary.articles,
        "failed": summary.failed,
        "seconds": round(time.perf_counter() - started, 1),
        "strings": len(nlp.vocab.strings),
        "rss_mb": {str(k): round(v, 1) for k, v in sorted(samples.items())},
    }


def report(result: dict) -> str:
    rss = {int(k): v for k, v in result["rss_mb"].items()}
    last = max(rss)
    growth = 100.0 * (rss[last] - rss[1000]) / rss[1000]
    trail = ", ".join(f"{k:,}: {v:.0f} MB" for k, v in sorted(rss.items()))
    label = "memory zones" if result["zones"] else "no memory zones"
    return (
        f"{label:16s} RSS at article 1,000: {rss[1000]:.1f} MB, at article {last:,}: {rss[last]:.1f} MB, "
        f"growth {growth:+.1f}%  ({result['seconds']} s, {result['strings']:,} strings in the store; {trail})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=1, help="measured in this process only with 1")
    parser.add_argument("--no-zones", action="store_true")
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.articles < 1000:
        parser.error("--articles must be at least 1000")
    if args.compare:
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "articles.jsonl"
            build_input(data, args.articles)
            for flag in ([], ["--no-zones"]):
                proc = subprocess.run(
                    [sys.executable, __file__, "--articles", str(args.articles), "--data", str(data), "--json", *flag],
                    capture_output=True, text=True, check=True,
                )
                print(report(json.loads(proc.stdout.strip().splitlines()[-1])), flush=True)
        return
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data
        if data is None:
            data = Path(tmp) / "articles.jsonl"
            build_input(data, args.articles)
        result = measure(data, zones=not args.no_zones, workers=args.workers)
    print(json.dumps(result) if args.json else report(result))


if __name__ == "__main__":
    main()

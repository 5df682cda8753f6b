"""Where the time goes: seconds and share of each pipeline stage, and of export.

    python bench/stages.py [--words 50000] [--mix DIR] [--model NAME] [--bare]

Runs the claimsift pipeline stage by stage over corpus/ repeated to at least --words words, or
over the .txt files of --mix DIR each once (after one warm-up pass, so one-time costs such as
compiling dateparser's patterns are left out) and prints each stage's CPU time (of this process:
other load on the machine does not count) and share, at the batch size of a run. With --bare,
the base spaCy pipeline alone, all its default components (built as claimsift builds it:
`load_base`, numpy's BLAS on one thread). The quote stage's share is the figure the quotes issue
asks for ("adds at most 10% to the pipeline's time").
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--mix", type=Path, default=None)
    parser.add_argument("--model", default=None)
    parser.add_argument("--bare", action="store_true", help="the base model alone")
    args = parser.parse_args()

    from pipeline import load_pipeline
    from pipeline.attrs import ARTICLE
    from pipeline.engines.process import BATCH_SIZE
    from pipeline.export import doc_to_records, records_to_jsonl

    corpus = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    texts, words = [], 0
    if args.mix:
        texts = [p.read_text(encoding="utf-8") for p in sorted(args.mix.glob("*.txt"))]
        words = sum(len(t.split()) for t in texts)
    while words < args.words and not args.mix:
        for text in corpus:
            texts.append(text)
            words += len(text.split())
    if args.bare:
        from pipeline.assemble import load_base

        nlp = load_base(args.model)
    else:
        nlp = load_pipeline(args.model)
    for _ in nlp.pipe(corpus):  # warm-up
        pass

    times: Counter = Counter()
    docs = []
    for n, text in enumerate(texts):
        doc = nlp.make_doc(text)
        doc._.set(ARTICLE, {"id": f"a{n}", "published": None, "title": None, "url": None})
        docs.append(doc)
    for name, proc in nlp.pipeline:
        start = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=BATCH_SIZE))
        else:
            docs = [proc(doc) for doc in docs]
        times[name] += time.process_time() - start
    start = time.process_time()
    for doc in docs if not args.bare else ():
        records_to_jsonl(doc_to_records(doc))
    times["(export to JSONL)"] += time.process_time() - start

    total = sum(times.values())
    print(f"{len(texts)} articles, {words:,} words, {total:.1f} s, {words / total:,.0f} words/s")
    for name, seconds in times.items():
        mark = "  claimsift" if name.startswith(("claimsift_", "(")) else ""
        print(f"{name:<22} {seconds:7.2f} s {100 * seconds / total:6.1f}%{mark}")
    ours = sum(s for n, s in times.items() if n.startswith(("claimsift_", "(")))
    print(f"claimsift's own stages and export: {100 * ours / total:.1f}% of the time")


if __name__ == "__main__":
    main()

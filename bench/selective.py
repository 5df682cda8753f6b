"""Sentence-selective parsing (pipeline/components/selective.py): what it saves and what it costs.

    python bench/selective.py --mix DIR [--gold FILE ...] [--model NAME]

For the full parse and each selection setting (capitalized names on or off, 0 or 1 neighbouring
sentences): the share of tokens parsed on the mix, the CPU time of the pipeline and export on the
mix (this process only, after a warm-up), the records that differ from the full parse's, and for
each --gold file the scores of `claimsift evaluate` (quote F1, speaker accuracy, figure F1, value,
subject and "about" accuracy).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

SETTINGS = (
    ("full parse", None),
    ("names, 1 neighbour (default)", {"names": True, "neighbours": 1}),
    ("names, 0 neighbours", {"names": True, "neighbours": 0}),
    ("no names, 1 neighbour", {"names": False, "neighbours": 1}),
    ("no names, 0 neighbours", {"names": False, "neighbours": 0}),
)


def build(model, config):
    from pipeline import load_pipeline
    from pipeline.components.selective import use_selective

    nlp = load_pipeline(model)
    if config is not None:
        use_selective(nlp, **config)
    return nlp


def run_mix(nlp, texts):
    from pipeline.attrs import ARTICLE
    from pipeline.export import doc_to_records, records_to_jsonl

    docs = []
    for n, text in enumerate(texts):
        doc = nlp.make_doc(text)
        doc._.set(ARTICLE, {"id": f"a{n}", "published": None, "title": None, "url": None})
        docs.append(doc)
    start = time.process_time()
    lines, parsed, tokens = [], 0, 0
    for doc in nlp.pipe(docs, batch_size=16):
        lines.append(records_to_jsonl(doc_to_records(doc)))
        parsed += sum(1 for t in doc if t.dep_)
        tokens += len(doc)
    return time.process_time() - start, parsed / max(tokens, 1), lines


def gold_scores(nlp, path: Path) -> str:
    from pipeline import evaluate as ev

    gold = ev.load_gold(path)
    s = ev.score(gold, ev.predict_gold(gold, nlp))
    q, f = s["quotes"], s["figures"]

    def acc(d):
        return f"{d['accuracy']:.2f}" if d.get("accuracy") is not None else "-"

    return (f"quotes F1 {q['f1'] or 0:.3f} speaker {acc(q['speaker_strict'])} | figures F1 {f['f1'] or 0:.3f} "
            f"value {acc(f['value'])} subject {acc(f['subject'])} about {acc(f['about'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mix", type=Path, required=True)
    parser.add_argument("--gold", type=Path, action="append", default=[])
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.mix.glob("*.txt"))]
    print(f"mix: {len(texts)} articles, {sum(len(t.split()) for t in texts):,} words")
    reference = None
    for label, config in SETTINGS:
        nlp = build(args.model, config)
        run_mix(nlp, texts[:10])  # warm-up
        seconds, share, lines = run_mix(nlp, texts)
        if reference is None:
            reference = lines
        differ = sum(a != b for a, b in zip(reference, lines))
        records = sum(len(x.splitlines()) for x in lines)
        print(f"{label:<30} parsed {100 * share:5.1f}% of tokens, {seconds:6.2f} s CPU, "
              f"{records} records, {differ} of {len(lines)} articles' records differ from the full parse", flush=True)
        for gold in args.gold:
            print(f"    {gold.name:<22} {gold_scores(nlp, gold)}", flush=True)


if __name__ == "__main__":
    main()

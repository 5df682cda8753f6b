"""Measure claimsift on saved web pages: body extraction and where the records come from.

    python bench/html_extraction.py FOLDER [--workers N]

FOLDER holds ``pages/`` (saved web pages, ``NAME.html``) and optionally ``clean/`` (hand-cleaned
article bodies, ``NAME.txt``: the article's own text, without headline, byline, captions, links or
any other page furniture). The pages are kept outside this repository.

Prints, for all pages: how many yield article text and records, extraction time, and whether every
record's text equals the extracted text at its offsets; for the pages with a clean body: the
word-level precision, recall and F1 of the extracted text against it (bag of words, averaged over
pages), and the share of records whose sentence lies inside the real body.

The run goes through ``claimsift extract`` and then ``claimsift run`` on its JSONL, as a user
would (so it measures the round trip too).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.articles import extract_articles  # noqa: E402
from pipeline.runner import run  # noqa: E402


def words(text: str) -> list:
    return re.findall(r"\w+", text.casefold())


def prf(extracted: str, clean: str):
    got, want = Counter(words(extracted)), Counter(words(clean))
    common = sum((got & want).values())
    p = common / sum(got.values()) if got else 0.0
    r = common / sum(want.values()) if want else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def normalized(text: str) -> str:
    """The words of a text, lower case, one space apart: a record's sentence is inside the body
    when its words appear there in a row (quote marks, dashes and list bullets aside)."""
    return " " + " ".join(words(text)) + " "


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    pages, clean_dir = args.folder / "pages", args.folder / "clean"
    clean = {p.stem: p.read_text(encoding="utf-8") for p in sorted(clean_dir.glob("*.txt"))} if clean_dir.is_dir() else {}
    n_pages = sum(1 for p in pages.rglob("*") if p.is_file() and not p.name.startswith("."))

    with tempfile.TemporaryDirectory() as tmp:
        articles_path, records_path = Path(tmp) / "articles.jsonl", Path(tmp) / "records.jsonl"
        started = time.perf_counter()
        summary = extract_articles([pages], articles_path)
        extract_seconds = time.perf_counter() - started
        articles = {}
        for line in articles_path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            articles[item["id"]] = item
        run([articles_path], records_path, workers=args.workers)
        records = [json.loads(line) for line in records_path.read_text(encoding="utf-8").splitlines()]

    by_article = defaultdict(list)
    mismatched = 0
    for record in records:
        text = articles[record["article"]["id"]]["text"]
        if text[record["span"]["start"] : record["span"]["end"]] != record["text"]:
            mismatched += 1
        by_article[record["article"]["id"]].append(record)

    with_text = sum(1 for a in articles.values() if a["text"].strip())
    print(f"pages: {n_pages}; read as articles: {len(articles)} ({summary.failed} failed)")
    print(f"extraction: {extract_seconds:.1f} s ({1000 * extract_seconds / max(1, len(articles)):.0f} ms a page)")
    print(f"pages with article text: {with_text}; pages yielding records: {len(by_article)}")
    print(f"records: {len(records)}; records whose text differs from the extracted text at their offsets: {mismatched}")
    silent = sorted(set(articles) - set(by_article))
    print(f"pages without records ({len(silent)}): " + ", ".join(
        f"{i} ({len(articles[i]['text'].split())} words)" for i in silent))
    with_meta = {key: sum(1 for a in articles.values() if a.get(key)) for key in ("title", "published", "author", "site")}
    print("metadata found: " + ", ".join(f"{key} {n}" for key, n in with_meta.items()))

    if clean:
        scores, inside, total = [], 0, 0
        print(f"\nhand-cleaned bodies: {len(clean)}")
        print(f"{'page':40} {'P':>6} {'R':>6} {'F1':>6} {'records':>8} {'in body':>8}")
        for stem, body in clean.items():
            article = articles.get(stem)
            if article is None:
                print(f"{stem:40} not among the articles")
                continue
            p, r, f = prf(article["text"], body)
            scores.append((p, r, f))
            body_n = normalized(body)
            recs = by_article.get(stem, [])
            ok = sum(normalized(rec["sentence"]["text"]) in body_n for rec in recs)
            inside += ok
            total += len(recs)
            print(f"{stem[:40]:40} {p:6.3f} {r:6.3f} {f:6.3f} {len(recs):8d} {ok:8d}")
        n = len(scores)
        mean = [sum(s[i] for s in scores) / n for i in range(3)]
        print(f"\nbody extraction (word level, mean over {n} pages): P {mean[0]:.3f}  R {mean[1]:.3f}  F1 {mean[2]:.3f}")
        print(f"records inside the real body: {inside}/{total} = {inside / max(1, total):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

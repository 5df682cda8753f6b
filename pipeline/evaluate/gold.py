"""Reading gold annotations and records, and running the pipeline over gold texts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence


def load_gold(path: str | Path) -> list[dict]:
    """Read the gold JSONL: one article a line (see ``../shared/gold/README.md``).

    Blank lines are skipped. Raises ``ValueError`` naming the file and line for a malformed line:
    bad JSON, missing fields, offsets outside the text or not matching the annotated text.
    """
    path = Path(path)
    articles: list[dict] = []
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                article = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{where}: not valid JSON ({err.msg} at column {err.colno})") from None
            _check_gold_article(article, where)
            if article["id"] in seen:
                raise ValueError(f"{where}: duplicate article id {article['id']!r} (first at line {seen[article['id']]})")
            seen[article["id"]] = lineno
            articles.append(article)
    return articles


def _check_gold_article(article: Any, where: str) -> None:
    if not isinstance(article, dict):
        raise ValueError(f"{where}: expected a JSON object, got {type(article).__name__}")
    for key, kind in (("id", str), ("text", str), ("quotes", list), ("figures", list)):
        if not isinstance(article.get(key), kind):
            raise ValueError(f"{where}: field {key!r} missing or not a {kind.__name__}")
    text = article["text"]
    for group in ("quotes", "figures"):
        for index, item in enumerate(article[group]):
            label = f"{where}: {group}[{index}]"
            if not isinstance(item, dict):
                raise ValueError(f"{label} is not an object")
            start, end = item.get("start"), item.get("end")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
                raise ValueError(f"{label}: bad offsets start={start!r} end={end!r} (text has {len(text)} chars)")
            if "text" in item and text[start:end] != item["text"]:
                raise ValueError(f"{label}: text[{start}:{end}] is {text[start:end]!r}, not {item['text']!r}")
            if group == "figures" and not isinstance(item.get("value"), (int, float)):
                raise ValueError(f"{label}: 'value' missing or not a number")


def load_predictions(path: str | Path) -> list[dict]:
    """Read records (one JSON object a line). Raises ``ValueError`` naming file and line on bad JSON."""
    path = Path(path)
    records = []
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{lineno}: not valid JSON ({err.msg} at column {err.colno})") from None
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{lineno}: expected a JSON object")
            records.append(record)
    return records




def predict_gold(gold: Sequence[dict], nlp: Any = None, *, batch_size: int = 8) -> list[dict]:
    """Run the claimsift pipeline over the gold texts and return the record dicts.

    `nlp` defaults to ``pipeline.load_pipeline()``. spaCy and the pipeline are imported here,
    not at module import, so the scoring functions stay usable without them.
    """
    from pipeline.export import doc_to_records  # noqa: PLC0415  (lazy: spaCy-heavy)

    if nlp is None:
        from pipeline import load_pipeline  # noqa: PLC0415

        nlp = load_pipeline()
    docs = []
    for article in gold:
        doc = nlp.make_doc(article["text"])
        doc._.claimsift_article = {
            "id": str(article["id"]),
            "published": article.get("published"),
            "title": None,
            "url": None,
        }
        docs.append(doc)
    records: list[dict] = []
    for doc in nlp.pipe(docs, batch_size=batch_size):
        records.extend(record.model_dump(mode="json") for record in doc_to_records(doc))
    return records



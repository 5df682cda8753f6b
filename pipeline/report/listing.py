"""What ``claimsift inspect`` prints: a fixed-width table for a terminal, CSV with stable
columns for spreadsheets, JSONL to pipe on; records, or groups of a claim's records."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Dict, Sequence, Tuple, Union

from .escaping import csv_safe
from .records import Group, Rec, one_line, record_kind, value_text, what, who

CSV_COLUMNS: Tuple[str, ...] = (
    "id", "type", "kind", "confidence", "cluster",
    "article_id", "article_title", "article_published", "article_url",
    "start", "end", "text", "who",
    "speaker_name", "speaker_mention", "speaker_title", "cue",
    "statement", "subject", "predicate", "value", "unit", "approx",
    "time_text", "time_date", "attributed_to", "sentence",
)  # fmt: skip
"""The columns of ``inspect --format csv``, in this order; new columns are only ever appended."""

GROUP_COLUMNS: Tuple[str, ...] = CSV_COLUMNS + ("appearances", "articles")
"""The columns of ``inspect --group --format csv``: the first record of the cluster, how many
records it has and the ids of their articles (separated by ``|``)."""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value)) if abs(value) < 1e16 else repr(value)
    return csv_safe(str(value))


def record_row(record: Rec) -> Dict[str, str]:
    """One CSV row (column -> text) for a record; every column of CSV_COLUMNS is present."""
    article = record.get("article") or {}
    speaker = record.get("speaker") or {}
    quantity = record.get("quantity") or {}
    time = record.get("time") or {}
    span = record.get("span") or {}
    row = {
        "id": record.get("id"),
        "type": record.get("type"),
        "kind": record_kind(record),
        "confidence": record.get("confidence"),
        "cluster": record.get("cluster"),
        "article_id": article.get("id"),
        "article_title": article.get("title"),
        "article_published": article.get("published"),
        "article_url": article.get("url"),
        "start": span.get("start"),
        "end": span.get("end"),
        "text": record.get("text"),
        "who": who(record),
        "speaker_name": speaker.get("name"),
        "speaker_mention": speaker.get("mention"),
        "speaker_title": speaker.get("title"),
        "cue": record.get("cue"),
        "statement": record.get("statement"),
        "subject": (record.get("subject") or {}).get("name"),
        "predicate": record.get("predicate"),
        "value": quantity.get("value"),
        "unit": quantity.get("unit"),
        "approx": quantity.get("approx"),
        "time_text": time.get("text"),
        "time_date": time.get("date"),
        "attributed_to": (record.get("attributed_to") or {}).get("name"),
        "sentence": (record.get("sentence") or {}).get("text"),
    }
    return {column: _cell(row[column]) for column in CSV_COLUMNS}


def group_row(group: Group) -> Dict[str, str]:
    """One CSV row for a cluster: its first record plus ``appearances`` and ``articles``."""
    row = record_row(group.first)
    row["appearances"] = str(len(group.records))
    row["articles"] = csv_safe("|".join(group.article_ids))
    return row


def write_csv(items: Sequence[Union[Rec, Group]], handle, grouped: bool = False) -> None:
    """Write records (or groups, with ``grouped``) as CSV with a header to a text handle.

    Open files with ``newline=""`` and ``encoding="utf-8"``.
    """
    columns = GROUP_COLUMNS if grouped else CSV_COLUMNS
    writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    for item in items:
        writer.writerow(group_row(item) if grouped else record_row(item))  # type: ignore[arg-type]


def csv_text(items: Sequence[Union[Rec, Group]], grouped: bool = False) -> str:
    """The CSV of ``write_csv`` as a string."""
    buffer = io.StringIO(newline="")
    write_csv(items, buffer, grouped=grouped)
    return buffer.getvalue()


def jsonl_text(items: Sequence[Union[Rec, Group]], grouped: bool = False) -> str:
    """Records one a line, as read (so the output is again a run's JSONL); with ``grouped``,
    ``{"cluster", "appearances", "articles", "record"}`` a line, ``record`` being the first."""
    lines = []
    for item in items:
        if grouped:
            assert isinstance(item, Group)
            obj: Any = {
                "cluster": item.cluster,
                "appearances": len(item.records),
                "articles": [
                    {"id": r["article"].get("id"), "title": r["article"].get("title"),
                     "published": r["article"].get("published"), "url": r["article"].get("url"),
                     "record": r.get("id"), "span": r.get("span")}
                    for r in item.records
                ],
                "record": item.first,
            }
        else:
            obj = item
        lines.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
    return "".join(lines)


def _fit(text: str, width: int) -> str:
    text = one_line(text)
    if width <= 0:
        return ""
    if len(text) <= width:
        return text.ljust(width)
    return text[: width - 1] + "…"


def table_text(items: Sequence[Union[Rec, Group]], width: int = 120, grouped: bool = False) -> str:
    """A fixed-width table: type/kind, who, quote or statement, value, article (and, grouped,
    the number of appearances). Long cells are cut with "…"; ends with a count line."""
    width = max(width, 60)
    heads = ["TYPE", "WHO", "QUOTE / STATEMENT", "VALUE", "ARTICLE"] + (["×"] if grouped else [])
    fixed = {"TYPE": 17, "WHO": 20, "VALUE": 16, "ARTICLE": 22, "×": 3}
    used = sum(fixed[h] for h in heads if h in fixed) + 2 * (len(heads) - 1)
    short = 24 - (width - used)
    for head, least in (("ARTICLE", 12), ("WHO", 12), ("TYPE", 10), ("VALUE", 10)):
        if short <= 0:
            break
        cut = min(short, fixed[head] - least)
        fixed[head] -= cut
        used -= cut
        short -= cut
    fixed["QUOTE / STATEMENT"] = max(20, width - used)
    lines = ["  ".join(_fit(h, fixed[h]) for h in heads).rstrip()]
    lines.append("  ".join("-" * fixed[h] for h in heads))
    n_records = 0
    for item in items:
        record = item.first if grouped else item  # type: ignore[union-attr]
        n_records += len(item.records) if grouped else 1  # type: ignore[union-attr]
        kind = record_kind(record) or ""
        cells = {
            "TYPE": f"{record.get('type', '')} {kind}".strip(),
            "WHO": who(record),
            "QUOTE / STATEMENT": what(record),
            "VALUE": value_text(record),
            "ARTICLE": (record.get("article") or {}).get("id", ""),
        }
        if grouped:
            ids = item.article_ids  # type: ignore[union-attr]
            more = f" +{len(ids) - 1}" if len(ids) > 1 else ""
            cells["ARTICLE"] = _fit(ids[0], fixed["ARTICLE"] - len(more)).rstrip() + more
            cells["×"] = str(len(item.records))  # type: ignore[union-attr]
        lines.append("  ".join(_fit(cells[h], fixed[h]) for h in heads).rstrip())
    if grouped:
        lines.append(f"{len(items)} claims ({n_records} records)")
    else:
        lines.append(f"{n_records} records")
    return "\n".join(lines) + "\n"


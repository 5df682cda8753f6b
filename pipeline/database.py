"""A run's records as a SQLite database for review in Datasette (built with sqlite-utils).

``write_database(records, path)`` writes four tables:

- ``articles``: one row per article (id, title, published, url, author, site, counts);
- ``quotes``: one row per quote record (text, kind, speaker, cue, sentence, offsets, ...);
- ``figures``: one row per numeric record (text, value, unit, kind, subject, statement, time, ...);
- ``entities``: the speakers and subjects named by the records, with how many records and
  articles name them.

``quotes`` and ``figures`` have foreign keys to ``articles`` (``article_id``) and to ``entities``
(``speaker_id``, ``subject_id``), full-text search (quote text and sentence; figure statement,
text and sentence) and indexes on speaker, subject, kind and date. ``datasette_metadata(path)``
is the Datasette metadata (titles, descriptions, facets by speaker, kind, unit and article) that
``claimsift export --format sqlite`` writes beside the database.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

from .report import Rec

__all__ = ["write_database", "datasette_metadata", "metadata_path", "TABLES"]

TABLES = ("articles", "quotes", "figures", "entities")

def metadata_path(db_path: Union[str, Path]) -> Path:
    """Where the Datasette metadata of a database goes: claims.db -> claims.metadata.json."""
    path = Path(db_path)
    return path.with_name(path.stem + ".metadata.json")


class _Entities:
    """Speakers and subjects, numbered in order of first appearance, with their counts."""

    def __init__(self) -> None:
        self.rows: "OrderedDict[Tuple[str, str], Dict[str, Any]]" = OrderedDict()
        self.articles: Dict[Tuple[str, str], set] = {}

    def add(self, name: Optional[str], role: str, article_id: str) -> Optional[int]:
        if not name:
            return None
        key = (role, name)
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = {"id": len(self.rows) + 1, "name": name, "role": role, "records": 0, "articles": 0}
            self.articles[key] = set()
        row["records"] += 1
        self.articles[key].add(article_id)
        row["articles"] = len(self.articles[key])
        return row["id"]


def _common(record: Rec) -> Dict[str, Any]:
    article = record.get("article") or {}
    span = record.get("span") or {}
    sentence = record.get("sentence") or {}
    return {
        "id": record.get("id"),
        "article_id": article.get("id"),
        "published": article.get("published"),
        "text": record.get("text"),
        "start": span.get("start"),
        "end": span.get("end"),
        "sentence": sentence.get("text"),
        "sentence_start": sentence.get("start"),
        "sentence_end": sentence.get("end"),
        "confidence": record.get("confidence"),
        "cluster": record.get("cluster"),
    }


def _quote_row(record: Rec, entities: _Entities) -> Dict[str, Any]:
    row = _common(record)
    speaker = record.get("speaker") or {}
    row.update(
        kind=record.get("kind"),
        speaker=speaker.get("name"),
        speaker_id=entities.add(speaker.get("name"), "speaker", row["article_id"]),
        speaker_mention=speaker.get("mention"),
        speaker_title=speaker.get("title"),
        cue=record.get("cue"),
    )
    return row


def _figure_row(record: Rec, entities: _Entities) -> Dict[str, Any]:
    row = _common(record)
    quantity = record.get("quantity") or {}
    time = record.get("time") or {}
    subject = (record.get("subject") or {}).get("name")
    row.update(
        kind=quantity.get("kind"),
        value=quantity.get("value"),
        unit=quantity.get("unit"),
        approx=quantity.get("approx"),
        subject=subject,
        subject_id=entities.add(subject, "subject", row["article_id"]),
        predicate=record.get("predicate"),
        statement=record.get("statement"),
        time_text=time.get("text"),
        time_date=time.get("date"),
        attributed_to=(record.get("attributed_to") or {}).get("name"),
    )
    return row


_ARTICLE_COLUMNS = {"id": str, "title": str, "published": str, "url": str, "author": str, "site": str,
                    "quotes": int, "figures": int}
_QUOTE_COLUMNS = {"id": str, "article_id": str, "kind": str, "text": str, "speaker": str, "speaker_id": int,
                  "speaker_mention": str, "speaker_title": str, "cue": str, "published": str, "start": int,
                  "end": int, "sentence": str, "sentence_start": int, "sentence_end": int, "confidence": float,
                  "cluster": str}
_FIGURE_COLUMNS = {"id": str, "article_id": str, "kind": str, "text": str, "value": float, "unit": str,
                   "approx": str, "subject": str, "subject_id": int, "predicate": str, "statement": str,
                   "time_text": str, "time_date": str, "attributed_to": str, "published": str, "start": int,
                   "end": int, "sentence": str, "sentence_start": int, "sentence_end": int,
                   "confidence": float, "cluster": str}
_ENTITY_COLUMNS = {"id": int, "name": str, "role": str, "records": int, "articles": int}


def write_database(records: Iterable[Rec], path: Union[str, Path]) -> Dict[str, int]:
    """Write `records` (a run's records as dicts) to a new SQLite database at `path`.

    The database is built beside `path` and moved into place when complete, replacing any file
    there. Returns the number of rows of each table.
    """
    import sqlite_utils

    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    articles: "OrderedDict[str, Dict[str, Any]]" = OrderedDict()
    entities = _Entities()
    quotes: List[Dict[str, Any]] = []
    figures: List[Dict[str, Any]] = []
    for record in records:
        ref = record.get("article") or {}
        article = articles.get(ref.get("id"))
        if article is None:
            article = articles[ref.get("id")] = {
                "id": ref.get("id"), "title": ref.get("title"), "published": ref.get("published"),
                "url": ref.get("url"), "author": ref.get("author"), "site": ref.get("site"),
                "quotes": 0, "figures": 0,
            }
        if record.get("type") == "quote":
            quotes.append(_quote_row(record, entities))
            article["quotes"] += 1
        else:
            figures.append(_figure_row(record, entities))
            article["figures"] += 1
    try:
        db = sqlite_utils.Database(tmp)
        db["articles"].create(_ARTICLE_COLUMNS, pk="id", not_null={"id"})
        db["entities"].create(_ENTITY_COLUMNS, pk="id", not_null={"id", "name", "role"})
        for name, columns, entity in (("quotes", _QUOTE_COLUMNS, "speaker_id"), ("figures", _FIGURE_COLUMNS, "subject_id")):
            db[name].create(
                columns, pk="id", not_null={"id", "article_id"},
                foreign_keys=[("article_id", "articles", "id"), (entity, "entities", "id")],
            )
        db["articles"].insert_all(articles.values())
        db["entities"].insert_all(entities.rows.values())
        db["quotes"].insert_all(quotes)
        db["figures"].insert_all(figures)
        db["entities"].create_index(["role", "name"], unique=True)
        db["articles"].create_index(["published"])
        for table, columns in (
            ("quotes", ["article_id", "speaker", "speaker_id", "kind", "published"]),
            ("figures", ["article_id", "subject", "subject_id", "kind", "unit", "published", "time_date"]),
        ):
            for column in columns:
                db[table].create_index([column])
        db["quotes"].enable_fts(["text", "sentence", "speaker"], tokenize="porter")
        db["figures"].enable_fts(["statement", "text", "sentence", "subject"], tokenize="porter")
        counts = {name: db[name].count for name in TABLES}
        db.close()
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return counts


def datasette_metadata(db_path: Union[str, Path]) -> Dict[str, Any]:
    """Datasette metadata for a database written by write_database: titles, descriptions, facets."""
    name = Path(db_path).stem
    return {
        "title": "claimsift: quotes and figures",
        "description": "Quotes with their speakers and numeric claims with their subjects, extracted by "
        "claimsift. Every row points at the exact characters of its article (start, end).",
        "databases": {
            name: {
                "tables": {
                    "articles": {
                        "title": "Articles",
                        "description": "One row per article with records: headline, date, URL, author, "
                        "site, and how many quotes and figures were found.",
                        "label_column": "title",
                        "sort_desc": "published",
                        "facets": ["site", "published"],
                    },
                    "quotes": {
                        "title": "Quotes",
                        "description": "Quotations and who said them. Search the quote text and its "
                        "sentence; facet by speaker, kind or article.",
                        "facets": ["speaker", "kind", "article_id"],
                        "sortable_columns": ["published", "confidence", "speaker", "kind", "start"],
                    },
                    "figures": {
                        "title": "Figures",
                        "description": "Checkable numbers and the claim around them (subject, "
                        "predicate, value, unit, time). Search the statement, the figure and its "
                        "sentence; facet by kind, unit, subject or article.",
                        "facets": ["kind", "unit", "subject", "article_id"],
                        "sortable_columns": ["published", "confidence", "value", "subject", "kind", "time_date"],
                    },
                    "entities": {
                        "title": "Speakers and subjects",
                        "description": "Everyone quoted (role speaker) and everything a figure is "
                        "about (role subject), with the number of records and articles naming them.",
                        "label_column": "name",
                        "sort_desc": "records",
                        "facets": ["role"],
                    },
                }
            }
        },
    }

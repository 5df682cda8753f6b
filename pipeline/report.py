"""Views of a run's records for the people who check them: plain functions, no printing.

- ``load_records`` reads a run's JSONL (bad lines become problems, not exceptions);
  ``filter_records`` and ``group_records`` select records and fold repeats of a claim (same
  ``cluster``) into one group with its appearances.
- ``table_text``, ``csv_text`` / ``write_csv`` and ``jsonl_text`` are what ``claimsift inspect``
  prints: a table for a terminal, CSV with stable columns (``CSV_COLUMNS``, ``GROUP_COLUMNS``)
  for spreadsheets (cells that a spreadsheet would run as a formula are neutralized,
  ``csv_safe``), JSONL to pipe on.
- ``build_report`` makes one self-contained HTML file (no network, no external scripts, fonts
  or styles): an index of the articles and one section per article, shown one at a time through
  the URL fragment, with quotes and figures highlighted at their exact offsets. Overlapping spans
  (a figure inside a quote) are cut into segments at every boundary in Python
  (``segment_spans``), so offsets are code points, as in the records, whatever the browser's
  string encoding; all article text is HTML-escaped and record data travels in a JSON block
  in which ``<``, ``>`` and ``&`` are escaped.
- ``claimreview_drafts`` makes schema.org ClaimReview drafts (JSON-LD), one per claim cluster,
  with the verdict fields left empty for the fact-checker; only http(s) URLs pass, and
  ``claimreview_json`` is safe inside a ``<script>`` element.

Records are handled as plain dicts in the shape of ``models/records.py``.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

__all__ = [
    "CSV_COLUMNS",
    "GROUP_COLUMNS",
    "Group",
    "load_records",
    "filter_records",
    "group_records",
    "who",
    "what",
    "value_text",
    "record_row",
    "group_row",
    "table_text",
    "csv_text",
    "write_csv",
    "jsonl_text",
    "segment_spans",
    "render_marked_text",
    "build_report",
    "claimreview_drafts",
    "claimreview_json",
    "csv_safe",
    "script_safe_json",
]

Rec = Dict[str, Any]

# --------------------------------------------------------------------------- reading


def load_records(path: Union[str, Path]) -> Tuple[List[Rec], List[str]]:
    """The records of a run's JSONL file, and a problem line for every line that is not one.

    Each line is validated against the record models; blank lines are skipped. Raises OSError
    only when the file cannot be opened.
    """
    from models import parse_record

    records: List[Rec] = []
    problems: List[str] = []
    with open(path, "rb") as handle:
        for lineno, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                record = parse_record(raw)
            except ValueError as err:  # pydantic's ValidationError is a ValueError
                first = str(err).splitlines()
                reason = first[1].strip() if len(first) > 1 else (first[0] if first else "invalid")
                problems.append(f"{path}:{lineno}: not a claimsift record ({reason[:120]}); skipped")
                continue
            records.append(record.model_dump(mode="json"))
    return records, problems


# --------------------------------------------------------------------------- selecting


def _names(record: Rec) -> List[str]:
    """Every name a --speaker filter may match: speaker name and mention, subject, attributed_to."""
    out: List[str] = []
    speaker = record.get("speaker") or {}
    for value in (speaker.get("name"), speaker.get("mention")):
        if value:
            out.append(value)
    for key in ("subject", "attributed_to"):
        value = (record.get(key) or {}).get("name")
        if value:
            out.append(value)
    return out


def record_kind(record: Rec) -> Optional[str]:
    """The quote kind (direct, fragment, indirect) or the quantity kind (money, percent, ...)."""
    if record.get("type") == "quote":
        return record.get("kind")
    return (record.get("quantity") or {}).get("kind")


def filter_records(
    records: Iterable[Rec],
    *,
    types: Sequence[str] = (),
    speakers: Sequence[str] = (),
    articles: Sequence[str] = (),
    min_confidence: Optional[float] = None,
    kinds: Sequence[str] = (),
) -> List[Rec]:
    """The records that pass every given filter (an empty filter passes everything).

    - types: ``quote`` / ``numeric``;
    - speakers: case-insensitive substrings of the speaker's name or mention, the figure's
      subject or the person it is attributed to (any one matching is enough);
    - articles: article ids, exact or shell patterns (``politics/*``);
    - min_confidence: records below it are dropped;
    - kinds: a quote kind (direct, fragment, indirect) or a quantity kind (money, percent, ...).
    """
    types_set = {t.lower() for t in types}
    kinds_set = {k.lower() for k in kinds}
    needles = [s.casefold() for s in speakers if s]
    out: List[Rec] = []
    for r in records:
        if types_set and r.get("type") not in types_set:
            continue
        if kinds_set and (record_kind(r) or "").lower() not in kinds_set:
            continue
        if min_confidence is not None and float(r.get("confidence", 0.0)) < min_confidence:
            continue
        if articles:
            article_id = (r.get("article") or {}).get("id", "")
            if not any(article_id == a or fnmatchcase(article_id, a) for a in articles):
                continue
        if needles:
            names = [n.casefold() for n in _names(r)]
            if not any(needle in name for needle in needles for name in names):
                continue
        out.append(r)
    return out


@dataclass
class Group:
    """The records of one claim cluster, in the order they were read."""

    cluster: str
    records: List[Rec] = field(default_factory=list)

    @property
    def first(self) -> Rec:
        return self.records[0]

    @property
    def article_ids(self) -> List[str]:
        """The articles the claim appears in, each once, in order."""
        return list(OrderedDict.fromkeys((r.get("article") or {}).get("id", "") for r in self.records))


def group_records(records: Iterable[Rec]) -> List[Group]:
    """Fold the records into one group per ``cluster``, ordered by first appearance."""
    groups: "OrderedDict[str, Group]" = OrderedDict()
    for r in records:
        key = r.get("cluster") or r.get("id", "")
        groups.setdefault(key, Group(key)).records.append(r)
    return list(groups.values())


# --------------------------------------------------------------------------- describing


def who(record: Rec) -> str:
    """Who: the quote's speaker (name, else the mention as written), the figure's source or subject."""
    if record.get("type") == "quote":
        speaker = record.get("speaker") or {}
        return speaker.get("name") or speaker.get("mention") or ""
    for key in ("attributed_to", "subject"):
        name = (record.get(key) or {}).get("name")
        if name:
            return name
    return ""


def what(record: Rec) -> str:
    """What: the quote's words, or the figure's readable statement."""
    if record.get("type") == "quote":
        return record.get("text", "")
    return record.get("statement") or record.get("text", "")


def number_text(value: Optional[float]) -> str:
    """1850000.0 -> "1,850,000"; 4.25 -> "4.25"."""
    if value is None:
        return ""
    return format(float(value), ",.10g")


def value_text(record: Rec) -> str:
    """The normalized figure with its unit ("100,000,000 USD", "60%", "30,000 votes"), or ""."""
    quantity = record.get("quantity")
    if not quantity:
        return ""
    number = number_text(quantity.get("value"))
    unit = quantity.get("unit") or ""
    if unit == "percent":
        return f"{number}%"
    return f"{number} {unit}".strip()


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


_FORMULA_START = tuple("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def csv_safe(text: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula (OWASP, "CSV Injection"): text starting
    with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or their full-width forms) gets a
    leading ``'``, which spreadsheets show as text; plain numbers such as ``-4.5`` stay numbers."""
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


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


# --------------------------------------------------------------------------- terminal table

_SPACES = re.compile(r"\s+")


def _fit(text: str, width: int) -> str:
    text = _SPACES.sub(" ", text or "").strip()
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


# --------------------------------------------------------------------------- HTML: segments


def segment_spans(length: int, spans: Sequence[Tuple[int, int, Any]]) -> List[Tuple[int, int, Tuple[Any, ...]]]:
    """Cut ``[0, length)`` at every span boundary: ``[(start, end, keys)]`` in order, where
    ``keys`` are the keys of the spans covering that piece (in the order the spans were given;
    empty for plain text). Spans are ``(start, end, key)``, clipped to the text; empty spans
    cover nothing. Concatenating the pieces gives back the whole range.
    """
    starts: Dict[int, List[int]] = {}
    ends: Dict[int, List[int]] = {}
    bounds = {0, length}
    for i, (start, end, _key) in enumerate(spans):
        start, end = max(0, min(start, length)), max(0, min(end, length))
        if end <= start:
            continue
        starts.setdefault(start, []).append(i)
        ends.setdefault(end, []).append(i)
        bounds.update((start, end))
    active: set = set()
    out: List[Tuple[int, int, Tuple[Any, ...]]] = []
    ordered = sorted(bounds)
    for a, b in zip(ordered, ordered[1:]):
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        out.append((a, b, tuple(spans[i][2] for i in sorted(active))))
    return out


def escape_text(text: str) -> str:
    """HTML-escape article text so that the browser's text equals it character for character
    (``\\r`` would otherwise become ``\\n``, NUL is not allowed in HTML text)."""
    return html.escape(text, quote=True).replace("\r", "&#13;").replace("\x00", "\ufffd")


_MARK_CLASS = {"quote": "q", "indirect": "r"}


def render_marked_text(text: str, spans: Sequence[Tuple[int, int, int, str]]) -> str:
    """The escaped text with a ``<mark>`` around every piece covered by a span.

    Spans are ``(start, end, record_index, type)``; a piece covered by several spans is one
    element carrying all their indexes in ``data-r`` and the classes of their types (``q`` for
    quoted speech, ``r`` for reported speech, type ``indirect``; ``n`` for figures), so nested and
    overlapping spans stay exact.
    """
    pieces = segment_spans(len(text), [(s, e, (i, t)) for s, e, i, t in spans])
    out: List[str] = []
    for start, end, keys in pieces:
        chunk = escape_text(text[start:end])
        if not keys:
            out.append(chunk)
            continue
        classes = sorted({_MARK_CLASS.get(t, "n") for _i, t in keys})
        ids = " ".join(str(i) for i, _t in keys)
        out.append(f'<mark class="hl {" ".join(classes)}" data-r="{ids}" tabindex="0">{chunk}</mark>')
    return "".join(out)


# --------------------------------------------------------------------------- HTML: report


_SCRIPT_UNSAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                  0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_safe_json(text: str) -> str:
    """JSON text that is safe inside a <script> element (``</script>``, ``<!--`` cannot occur):
    ``<``, ``>``, ``&``, U+2028 and U+2029 written as escapes, the same JSON value."""
    return text.translate(_SCRIPT_UNSAFE)


def _script_json(data: Any) -> str:
    """Compact JSON that is safe inside a <script> element."""
    return script_safe_json(json.dumps(data, ensure_ascii=True, separators=(",", ":")))


def _record_data(record: Rec, article_index: int) -> Dict[str, Any]:
    """The compact form of a record the page's script shows on a click."""
    speaker = record.get("speaker") or {}
    quantity = record.get("quantity") or {}
    time = record.get("time") or {}
    span = record.get("span") or {}
    data = {
        "a": article_index,
        "id": record.get("id"),
        "t": record.get("type"),
        "k": record_kind(record),
        "x": record.get("text"),
        "s": span.get("start"),
        "e": span.get("end"),
        "sp": speaker.get("name"),
        "m": speaker.get("mention"),
        "ti": speaker.get("title"),
        "c": record.get("cue"),
        "v": number_text(quantity.get("value")) if quantity else None,
        "u": quantity.get("unit"),
        "ap": quantity.get("approx"),
        "st": record.get("statement"),
        "sb": (record.get("subject") or {}).get("name"),
        "at": (record.get("attributed_to") or {}).get("name"),
        "tm": " → ".join(x for x in (time.get("text"), time.get("date")) if x) or None,
        "cf": record.get("confidence"),
        "cl": record.get("cluster"),
    }
    return {k: v for k, v in data.items() if v is not None and v != ""}


@dataclass
class _ArticleView:
    id: str
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    text: Optional[str] = None
    records: List[int] = field(default_factory=list)


def _safe_url(url: Optional[str]) -> Optional[str]:
    return url if url and re.match(r"(?i)https?://", url) else None


def _figure_label(record: Rec) -> str:
    return value_text(record) or record.get("text", "")


def _side_list(title: str, counts: "OrderedDict[str, List[int]]") -> str:
    if not counts:
        return f'<h3>{title}</h3><p class="none">none</p>'
    items = sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold()))
    lis = "".join(
        f'<li><button type="button" class="jump" data-rs="{" ".join(map(str, ids))}">'
        f'<span class="lbl">{escape_text(label)}</span> <span class="cnt">{len(ids)}</span></button></li>'
        for label, ids in items
    )
    return f"<h3>{title}</h3><ul>{lis}</ul>"


def build_report(
    records: Sequence[Rec],
    articles: Optional[Iterable[Any]] = None,
    title: str = "claimsift report",
) -> Tuple[str, List[str]]:
    """The self-contained HTML report, and notes on what could not be highlighted.

    ``articles``: objects with ``id``, ``text`` and optionally ``title``, ``published``, ``url``
    (such as ``pipeline.reader.Article``), matched to the records by article id. Articles come in
    the order given, then those known only from records. A record is highlighted only when its
    article text is there and ``text[start:end]`` is exactly the record's text; otherwise it is
    listed under its article with the reason.
    """
    views: "OrderedDict[str, _ArticleView]" = OrderedDict()
    for art in articles or ():
        if art.id not in views:
            views[art.id] = _ArticleView(
                art.id, getattr(art, "title", None), getattr(art, "published", None),
                getattr(art, "url", None), art.text,
            )
    for i, r in enumerate(records):
        ref = r.get("article") or {}
        view = views.get(ref.get("id", ""))
        if view is None:
            view = views[ref.get("id", "")] = _ArticleView(ref.get("id", ""))
        view.title = view.title or ref.get("title")
        view.published = view.published or ref.get("published")
        view.url = view.url or ref.get("url")
        view.records.append(i)

    order = {aid: n for n, aid in enumerate(views)}
    data = [_record_data(r, order[(r.get("article") or {}).get("id", "")]) for r in records]
    clusters: Dict[str, List[int]] = {}
    for i, r in enumerate(records):
        clusters.setdefault(r.get("cluster") or "", []).append(i)

    notes: List[str] = []
    sections: List[str] = []
    index_rows: List[str] = []
    for n, view in enumerate(views.values()):
        recs = [records[i] for i in view.records]
        n_quotes = sum(1 for r in recs if r.get("type") == "quote")
        n_figures = len(recs) - n_quotes
        headline = view.title or view.id
        placed: List[Tuple[int, int, int, str]] = []
        unplaced: List[Tuple[int, str]] = []
        for i in view.records:
            r = records[i]
            start, end = r["span"]["start"], r["span"]["end"]
            if view.text is None:
                unplaced.append((i, "article text not given"))
            elif end > len(view.text) or view.text[start:end] != r.get("text"):
                unplaced.append((i, "the offsets do not point at this text in the article given"))
            elif end <= start:
                unplaced.append((i, "empty span"))
            else:
                placed.append((start, end, i, "indirect" if record_kind(r) == "indirect" else r.get("type", "")))
        status = ""
        if view.text is None:
            status = "text missing"
            notes.append(f"{view.id}: article text not given; {len(recs)} records listed, not highlighted")
        elif unplaced:
            status = f"{len(unplaced)} not placed"
            notes.append(f"{view.id}: {len(unplaced)} records do not match the article text; listed, not highlighted")
        index_rows.append(
            f'<tr data-a="{n}"><td class="num">{n + 1}</td>'
            f'<td><a href="#a{n}">{escape_text(headline)}</a><div class="aid">{escape_text(view.id)}</div></td>'
            f'<td>{escape_text(view.published or "")}</td><td class="num">{n_quotes}</td>'
            f'<td class="num">{n_figures}</td><td class="warn">{escape_text(status)}</td></tr>'
        )

        speakers: "OrderedDict[str, List[int]]" = OrderedDict()
        figures: "OrderedDict[str, List[int]]" = OrderedDict()
        for i in view.records:
            r = records[i]
            if r.get("type") == "quote":
                speakers.setdefault(who(r) or "(no speaker)", []).append(i)
            else:
                figures.setdefault(_figure_label(r), []).append(i)
        url = _safe_url(view.url)
        meta = [f'<span class="aid">{escape_text(view.id)}</span>']
        if view.published:
            meta.append(escape_text(view.published))
        if url:
            meta.append(f'<a href="{escape_text(url)}" rel="noopener noreferrer">{escape_text(url)}</a>')
        meta.append(f"{n_quotes} quotes, {n_figures} figures")
        if view.text is None:
            body = '<p class="note">The article text was not given (<code>--articles</code>): its records are listed below, not highlighted.</p>'
        else:
            body = f'<div class="text">{render_marked_text(view.text, placed)}</div>'
        if unplaced:
            body += '<h3>Not highlighted</h3><ul class="unplaced">' + "".join(
                f'<li><button type="button" class="rec-link" data-r="{i}">'
                f'{escape_text(records[i].get("type", ""))}: {escape_text(what(records[i])[:160])}</button>'
                f' <span class="why">{escape_text(why)}</span></li>'
                for i, why in unplaced
            ) + "</ul>"
        nav = (
            f'<nav class="pager"><a href="#">Index</a>'
            + (f' <a href="#a{n - 1}">← previous</a>' if n > 0 else "")
            + (f' <a href="#a{n + 1}">next →</a>' if n + 1 < len(views) else "")
            + f" <span>{n + 1} / {len(views)}</span></nav>"
        )
        sections.append(
            f'<section class="article" id="a{n}" hidden>{nav}<h2>{escape_text(headline)}</h2>'
            f'<p class="meta">{" · ".join(meta)}</p><div class="cols"><div class="main">{body}</div>'
            f'<aside class="side">{_side_list("Speakers", speakers)}{_side_list("Figures", figures)}</aside>'
            f"</div></section>"
        )

    repeated = [ids for ids in clusters.values() if len({data[i]["a"] for i in ids}) > 1]
    repeated_html = ""
    if repeated:
        rows = []
        for ids in sorted(repeated, key=lambda ids: -len(ids)):
            first = records[ids[0]]
            links = " ".join(
                f'<a href="#r{i}">{escape_text((records[i].get("article") or {}).get("id", ""))}</a>' for i in ids
            )
            rows.append(
                f'<tr data-rs="{" ".join(map(str, ids))}"><td class="num">{len(ids)}</td>'
                f"<td>{escape_text(who(first))}</td><td>{escape_text(what(first)[:200])}</td>"
                f"<td>{links}</td></tr>"
            )
        repeated_html = (
            "<h2>Claims in several articles</h2><table class=\"list\" id=\"repeated\"><thead><tr>"
            "<th>×</th><th>Who</th><th>Quote / statement</th><th>Appears in</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    n_quotes_all = sum(1 for r in records if r.get("type") == "quote")
    summary = (
        f"{len(views)} articles, {n_quotes_all} quotes, {len(records) - n_quotes_all} figures"
        + (f", {len(repeated)} claims in several articles" if repeated else "")
    )
    index = (
        f'<section id="index"><p class="meta">{escape_text(summary)}</p>'
        '<table class="list" id="articles"><thead><tr><th>#</th><th>Article</th><th>Published</th>'
        f'<th>Quotes</th><th>Figures</th><th></th></tr></thead><tbody>{"".join(index_rows)}</tbody></table>'
        f"{repeated_html}</section>"
    )
    payload = {"records": data, "articles": [{"id": v.id, "title": v.title or ""} for v in views.values()]}
    page = _PAGE.format(
        title=escape_text(title),
        css=_CSS,
        index=index,
        sections="".join(sections),
        data=_script_json(payload),
        js=_JS,
    )
    return page, notes


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="claimsift">
<title>{title}</title><style>{css}</style></head>
<body><header><h1><a href="#">{title}</a></h1>
<input id="filter" type="search" placeholder="Filter: speaker, words, unit…" aria-label="Filter" autocomplete="off">
<span class="legend"><mark class="hl q">quote</mark> <mark class="hl r">reported speech</mark> <mark class="hl n">figure</mark> <mark class="hl q n">figure in a quote</mark></span>
</header>
<main>{index}{sections}</main>
<aside id="details" hidden><button type="button" id="close" aria-label="Close">×</button><div id="details-body"></div></aside>
<script type="application/json" id="claimsift-data">{data}</script>
<script>{js}</script>
</body></html>
"""

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{position:sticky;top:0;z-index:2;display:flex;gap:1em;align-items:center;flex-wrap:wrap;
padding:.5em 1em;background:#fff;border-bottom:1px solid #ddd}
header h1{font-size:1.1em;margin:0}header h1 a{color:inherit;text-decoration:none}
#filter{flex:1;min-width:12em;max-width:28em;padding:.3em .5em;font:inherit}
.legend{font-size:.85em}main{padding:1em;max-width:1200px;margin:0 auto}
table.list{border-collapse:collapse;width:100%;background:#fff}
table.list th,table.list td{border-bottom:1px solid #eee;padding:.3em .5em;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}.aid{color:#777;font-size:.85em}
.warn,.why{color:#a33;font-size:.85em}.meta{color:#555}.note{background:#fff4e5;padding:.5em}
.cols{display:flex;gap:1.5em;align-items:flex-start}.main{flex:1;min-width:0}
.side{width:17em;flex:none;overflow-x:hidden;position:sticky;top:4em;max-height:80vh;overflow:auto;font-size:.9em}
.side ul,.unplaced{list-style:none;padding:0;margin:0 0 1em}.none{color:#777}
.jump,.rec-link{all:unset;box-sizing:border-box;cursor:pointer;display:flex;justify-content:space-between;gap:.5em;width:100%;
padding:.1em .3em;border-radius:3px}.jump:hover,.rec-link:hover{background:#eef}
.cnt{color:#555;font-variant-numeric:tabular-nums}
.text{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;padding:1em 1.2em;border:1px solid #e5e5e5;
font-family:Georgia,serif;font-size:16px;line-height:1.65}
mark.hl{color:inherit;cursor:pointer;border-radius:2px;padding:0}
mark.q{background:#fff0a8}mark.n{background:#bfe3ff}
mark.q.n{background:#bfe3ff;box-shadow:inset 0 -3px 0 #e6c300}
mark.r{background:#e6dcff}mark.r.n{background:#bfe3ff;box-shadow:inset 0 -3px 0 #9a7ee6}mark.q.r{background:#fff0a8;box-shadow:inset 0 -3px 0 #9a7ee6}
mark.sel{outline:2px solid #d0021b;outline-offset:1px}mark.dim{background:none;box-shadow:none;color:#999}
.hidden-by-filter{display:none}
#details{position:fixed;right:1em;bottom:1em;width:24em;max-height:60vh;overflow:auto;background:#fff;
border:1px solid #bbb;box-shadow:0 4px 16px rgba(0,0,0,.15);padding:.7em 1em;z-index:3;font-size:.9em}
#close{float:right;border:0;background:none;font-size:1.3em;cursor:pointer}
#details h3{margin:.2em 0 .4em;font-size:1em}#details dl{display:grid;grid-template-columns:7em 1fr;gap:.1em .6em;margin:0 0 .8em}
#details dt{color:#666}#details dd{margin:0;overflow-wrap:anywhere}
.pager{display:flex;gap:1em;font-size:.9em}
"""

_JS = r"""
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("claimsift-data").textContent);
  var R = D.records, A = D.articles;
  var index = document.getElementById("index");
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.article"));
  var details = document.getElementById("details"), body = document.getElementById("details-body");
  var filterBox = document.getElementById("filter");
  var current = null, selected = [];
  function low(s) { return (s || "").toLowerCase(); }
  R.forEach(function (r) {
    r.q = low([r.x, r.sp, r.m, r.ti, r.c, r.st, r.sb, r.at, r.u, r.k, r.t, r.v].join(" "));
  });
  var artSearch = A.map(function (a) { return low(a.title + " " + a.id); });
  R.forEach(function (r) { artSearch[r.a] += " " + r.q; });
  var byCluster = {};
  R.forEach(function (r, i) { (byCluster[r.cl] = byCluster[r.cl] || []).push(i); });

  function marks(i, scope) { return (scope || document).querySelectorAll('mark[data-r~="' + i + '"]'); }
  function show(id) {
    index.hidden = id !== null;
    current = null;
    sections.forEach(function (s) { s.hidden = s.id !== id; if (s.id === id) current = s; });
    document.title = (current ? A[+id.slice(1)].title + " · " : "") + document.querySelector("h1 a").textContent;
    applyFilter();
  }
  function route() {
    var h = location.hash.slice(1), m = /^r(\d+)$/.exec(h);
    if (m && R[+m[1]]) { show("a" + R[+m[1]].a); select([+m[1]], true); return; }
    if (/^a\d+$/.test(h) && document.getElementById(h)) { show(h); window.scrollTo(0, 0); return; }
    show(null);
  }
  function add(dl, key, label, value) {
    if (value === undefined || value === null || value === "") return;
    var dt = document.createElement("dt"), dd = document.createElement("dd");
    dt.textContent = label; dd.textContent = String(value); dd.setAttribute("data-k", key);
    dl.appendChild(dt); dl.appendChild(dd);
  }
  function render(ids) {
    body.textContent = "";
    ids.forEach(function (i) {
      var r = R[i], box = document.createElement("div"), h = document.createElement("h3");
      var dl = document.createElement("dl");
      box.className = "rec"; box.setAttribute("data-i", i);
      h.textContent = (r.t === "quote" ? "Quote" : "Figure") + (r.k ? " (" + r.k + ")" : "");
      box.appendChild(h);
      if (r.t === "quote") {
        add(dl, "text", "Quote", r.x);
        add(dl, "speaker", "Speaker", r.sp || (r.m ? r.m + " (unnamed)" : "none found"));
        add(dl, "title", "Title", r.ti);
        if (r.sp && r.m && r.m !== r.sp) add(dl, "mention", "As written", r.m);
        add(dl, "cue", "Cue", r.c);
      } else {
        add(dl, "text", "Figure", r.x);
        add(dl, "value", "Value", (r.ap ? r.ap + " " : "") + r.v);
        add(dl, "unit", "Unit", r.u);
        add(dl, "statement", "Statement", r.st);
        add(dl, "subject", "Subject", r.sb);
        add(dl, "attributed", "Attributed to", r.at);
        add(dl, "time", "Time", r.tm);
      }
      add(dl, "confidence", "Confidence", r.cf);
      add(dl, "offsets", "Offsets", r.s + "–" + r.e);
      add(dl, "record", "Record", r.id);
      box.appendChild(dl);
      var same = (byCluster[r.cl] || []).filter(function (j) { return R[j].a !== r.a; });
      if (same.length) {
        var p = document.createElement("p");
        p.className = "also";
        p.appendChild(document.createTextNode("Also in: "));
        same.forEach(function (j) {
          var a = document.createElement("a");
          a.href = "#r" + j; a.textContent = A[R[j].a].id;
          p.appendChild(a); p.appendChild(document.createTextNode(" "));
        });
        box.appendChild(p);
      }
      body.appendChild(box);
    });
    details.hidden = false;
  }
  function select(ids, scroll) {
    ids = ids.slice().sort(function (a, b) { return (R[a].e - R[a].s) - (R[b].e - R[b].s); });
    selected.forEach(function (m) { m.classList.remove("sel"); });
    selected = Array.prototype.slice.call(marks(ids[0], current));
    selected.forEach(function (m) { m.classList.add("sel"); });
    if (scroll && selected.length) selected[0].scrollIntoView({ block: "center" });
    render(ids);
    try { history.replaceState(null, "", "#r" + ids[0]); } catch (e) { /* file: URLs in some browsers */ }
  }
  function idsOf(el, attr) { return el.getAttribute(attr).split(" ").map(Number); }
  document.addEventListener("click", function (ev) {
    var t = ev.target.closest ? ev.target : ev.target.parentNode;
    var mark = t.closest("mark[data-r]");
    if (mark && current && current.contains(mark)) { select(idsOf(mark, "data-r"), false); return; }
    var jump = t.closest(".jump");
    if (jump) {
      var rs = idsOf(jump, "data-rs").filter(function (i) { return match(R[i]); });
      if (!rs.length) return;
      var pos = ((+jump.getAttribute("data-pos") || 0)) % rs.length;
      jump.setAttribute("data-pos", pos + 1);
      select([rs[pos]], true);
      return;
    }
    var link = t.closest(".rec-link");
    if (link) { select([+link.getAttribute("data-r")], false); return; }
    if (t.closest("#close")) { details.hidden = true; selected.forEach(function (m) { m.classList.remove("sel"); }); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && ev.target.matches && ev.target.matches("mark[data-r]")) ev.target.click();
    if (ev.key === "Escape") details.hidden = true;
  });
  var needle = "";
  function match(r) { return !needle || r.q.indexOf(needle) >= 0; }
  function applyFilter() {
    needle = low(filterBox.value).trim();
    if (!current) {
      index.querySelectorAll("#articles tbody tr").forEach(function (tr) {
        tr.classList.toggle("hidden-by-filter", !!needle && artSearch[+tr.getAttribute("data-a")].indexOf(needle) < 0);
      });
      index.querySelectorAll("#repeated tbody tr").forEach(function (tr) {
        tr.classList.toggle("hidden-by-filter", !idsOf(tr, "data-rs").some(function (i) { return match(R[i]); }));
      });
      return;
    }
    current.querySelectorAll("mark[data-r]").forEach(function (m) {
      m.classList.toggle("dim", !idsOf(m, "data-r").some(function (i) { return match(R[i]); }));
    });
    current.querySelectorAll(".jump").forEach(function (b) {
      var n = idsOf(b, "data-rs").filter(function (i) { return match(R[i]); }).length;
      b.parentNode.classList.toggle("hidden-by-filter", n === 0);
      b.querySelector(".cnt").textContent = n;
    });
  }
  filterBox.addEventListener("input", applyFilter);
  window.addEventListener("hashchange", route);
  route();
  document.documentElement.setAttribute("data-ready", "1");
})();
"""


# --------------------------------------------------------------------------- ClaimReview

_ORGANIZATION = re.compile(
    r"(?i)\b(inc|corp|corporation|ltd|llc|plc|gmbh|company|group|bank|fund|university|"
    r"college|institute|department|ministry|agency|office|bureau|board|council|commission|committee|"
    r"association|federation|union|party|government|administration|authority|service|police|court|"
    r"network|foundation|center|centre|organization|organisation)\b\.?$"
)
_ACRONYM = re.compile(r"^(?:the )?[A-Z][A-Z&]{1,5}$")


def _author(name: Optional[str], job_title: Optional[str], mention: Optional[str] = None) -> Dict[str, Any]:
    """A schema.org Person (or Organization, when the name looks like one) for a claim's author."""
    kind = "Organization" if name and (_ORGANIZATION.search(name) or _ACRONYM.match(name)) else "Person"
    author: Dict[str, Any] = {"@type": kind, "name": name or "", "jobTitle": job_title or ""}
    if kind == "Organization":
        del author["jobTitle"]
    if not name and mention:
        author["description"] = f"unnamed source: {mention}"
    return author


def _short(text: str, limit: int = 280) -> str:
    text = _SPACES.sub(" ", text or "").strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"


def claimreview_drafts(records: Sequence[Rec]) -> List[Dict[str, Any]]:
    """schema.org ClaimReview drafts (JSON-LD), one per claim cluster, in order of first appearance.

    Filled from the records: ``claimReviewed`` (the quote, or the figure's statement, cut to 280
    characters), ``itemReviewed`` (a Claim with its ``author``: the speaker, or for a figure the
    person it is attributed to; the earliest ``datePublished`` of its articles; an ``appearance``
    per article: identifier, url, headline, datePublished; ``disambiguatingDescription``: the record
    type and kind, e.g. "quote indirect") and ``identifier`` (the cluster id).
    Left empty for the fact-checker: ``reviewRating``, the review's own ``author``,
    ``datePublished`` and ``url``. Only http(s) URLs are copied (``javascript:``, ``data:`` and
    the like become ""); ``claimreview_json`` is the text to publish.
    """
    drafts: List[Dict[str, Any]] = []
    for group in group_records(records):
        first = group.first
        if first.get("type") == "quote":
            speaker = first.get("speaker") or {}
            author = _author(speaker.get("name"), speaker.get("title"), speaker.get("mention"))
        else:
            attributed = (first.get("attributed_to") or {}).get("name")
            author = _author(attributed, None)
        appearances: "OrderedDict[str, Dict[str, Any]]" = OrderedDict()
        for r in group.records:
            article = r.get("article") or {}
            aid = article.get("id", "")
            if aid in appearances:
                continue
            appearances[aid] = {
                "@type": "CreativeWork",
                "identifier": aid,
                "url": _safe_url(article.get("url")) or "",
                "headline": article.get("title") or "",
                "datePublished": article.get("published") or "",
            }
        dates = sorted(a["datePublished"] for a in appearances.values() if a["datePublished"])
        claim: Dict[str, Any] = {
            "@type": "Claim",
            "author": author,
            "datePublished": dates[0] if dates else "",
            "appearance": list(appearances.values()),
            "disambiguatingDescription": f"{first.get('type', '')} {record_kind(first) or ''}".strip(),  # "quote indirect"
        }
        if first.get("type") == "numeric" and (first.get("subject") or {}).get("name"):
            claim["about"] = {"@type": "Thing", "name": first["subject"]["name"]}
        drafts.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "identifier": group.cluster,
                "claimReviewed": _short(what(first)),
                "itemReviewed": claim,
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": "",
                    "bestRating": "",
                    "worstRating": "",
                    "alternateName": "",
                },
                "author": {"@type": "Organization", "name": "", "url": ""},
                "datePublished": "",
                "url": "",
            }
        )
    return drafts


def claimreview_json(records: Sequence[Rec]) -> str:
    """``claimreview_drafts`` as an indented JSON array, safe to paste inside a
    ``<script type="application/ld+json">`` element."""
    return script_safe_json(json.dumps(claimreview_drafts(records), ensure_ascii=False, indent=2)) + "\n"

"""The self-contained HTML report: an index of the articles and one section per article, with
quotes and figures highlighted at their exact offsets (``segment_spans`` cuts overlapping spans
into pieces, so offsets are code points as in the records)."""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from .escaping import escape_text, safe_url, script_safe_json
from .page import CSS, JS, PAGE
from .records import Rec, number_text, record_kind, value_text, what, who

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
        url = safe_url(view.url)
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
            '<nav class="pager"><a href="#">Index</a>'
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
    page = PAGE.format(
        title=escape_text(title),
        css=CSS,
        index=index,
        sections="".join(sections),
        data=_script_json(payload),
        js=JS,
    )
    return page, notes


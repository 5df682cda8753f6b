"""The one place where a processed Doc becomes claimsift records."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from typing import Dict, List, Optional, Sequence, Tuple, Union

from spacy.tokens import Doc

from models import (
    ArticleRef,
    Entity,
    NumericRecord,
    Offsets,
    Quantity,
    QuoteRecord,
    SentenceRef,
    Speaker,
    Subject,
    TimeRef,
)

from .attrs import ARTICLE, FIGURES, QUOTES

AnyRecord = Union[QuoteRecord, NumericRecord]


def record_id(article_id: str, kind: str, start: int, end: int) -> str:
    """Stable record id: the same article, type and offsets always give the same id."""
    key = f"{article_id}\x1f{kind}\x1f{start}\x1f{end}".encode("utf-8", "surrogatepass")
    return hashlib.sha1(key).hexdigest()[:16]


def _normalize(text: str) -> str:
    """Lower case, letters and digits only, single spaces: how repeats of a claim are compared."""
    kept = "".join(ch if ch.isalnum() else " " for ch in text.casefold())
    return " ".join(kept.split())


def quote_cluster(text: str, speaker: Optional[str]) -> str:
    """Cluster id of a quote: its normalized words and its speaker's last name.

    The last name, because one article writes "Ana Ruiz" where a shorter wire version has "Ruiz".
    """
    surname = (_normalize(speaker or "").split() or [""])[-1]
    key = f"quote\x1f{_normalize(text)}\x1f{surname}"
    return "q" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:15]


def numeric_cluster(subject: Optional[str], predicate: Optional[str], value: float, unit: Optional[str]) -> str:
    """Cluster id of a figure: subject's last name, predicate, value and unit ("$100M" and "$100 million" agree)."""
    surname = (_normalize(subject or "").split() or [""])[-1]
    key = f"numeric\x1f{surname}\x1f{predicate or ''}\x1f{value!r}\x1f{unit or ''}"
    return "n" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:15]


class SentenceIndex:
    """Finds the sentence(s) covering a character range of a doc.

    `offset` is where the doc's text starts in the article (non-zero for the segments of a
    very long article); the sentences it returns carry article offsets.
    """

    def __init__(self, doc: Doc, offset: int = 0):
        self.text = doc.text  # spaCy rebuilds doc.text on every access: read it once
        self.offset = offset
        bounds: List[Tuple[int, int]] = []
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            for sent in doc.sents:
                bounds.append((sent.start_char, sent.end_char))
        if not bounds:
            bounds = [(0, len(self.text))]
        self.starts = [b[0] for b in bounds]
        self.bounds = bounds

    def _index(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def covering(self, start: int, end: int) -> SentenceRef:
        first = self.bounds[self._index(start)]
        last = self.bounds[self._index(max(start, end - 1))]
        s, e = first[0], max(first[1], last[1], end)
        # Trailing white space (the paragraph break) is not part of the sentence.
        while e > s and self.text[e - 1].isspace() and e > end:
            e -= 1
        return SentenceRef(start=s + self.offset, end=e + self.offset, text=self.text[s:e])


def article_ref(doc: Doc) -> ArticleRef:
    meta = doc._.get(ARTICLE) or {}
    return ArticleRef(
        id=str(meta.get("id") or ""),
        published=meta.get("published"),
        title=meta.get("title"),
        url=meta.get("url"),
        author=meta.get("author"),
        site=meta.get("site"),
    )


def _speaker(data: Optional[Dict], offset: int) -> Optional[Speaker]:
    if not data:
        return None
    return Speaker(
        name=data.get("name"),
        mention=data.get("mention") or "",
        mention_span=_mention_span(data.get("mention_span"), offset),
        title=data.get("title"),
    )


def _mention_span(span: Optional[Sequence[int]], offset: int) -> Optional[Offsets]:
    return Offsets(start=span[0] + offset, end=span[1] + offset) if span else None


def quote_record(item: Dict, article: ArticleRef, sentences: SentenceIndex) -> QuoteRecord:
    start, end = item["start"], item["end"]
    text = sentences.text
    at = sentences.offset
    speaker = _speaker(item.get("speaker"), at)
    return QuoteRecord(
        id=record_id(article.id, "quote", start + at, end + at),
        article=article,
        span=Offsets(start=start + at, end=end + at),
        text=text[start:end],
        sentence=sentences.covering(start, end),
        confidence=round(float(item.get("confidence", 0.5)), 3),
        kind=item["kind"],
        speaker=speaker,
        cluster=quote_cluster(text[start:end], speaker.name if speaker else None),
        cue=item.get("cue"),
    )


def numeric_record(item: Dict, article: ArticleRef, sentences: SentenceIndex) -> NumericRecord:
    start, end = item["start"], item["end"]
    text = sentences.text
    at = sentences.offset
    time = item.get("time")
    return NumericRecord(
        id=record_id(article.id, "numeric", start + at, end + at),
        article=article,
        span=Offsets(start=start + at, end=end + at),
        text=text[start:end],
        sentence=sentences.covering(start, end),
        confidence=round(float(item.get("confidence", 0.5)), 3),
        cluster=numeric_cluster(item.get("subject"), item.get("predicate"), float(item["value"]), item.get("unit")),
        quantity=Quantity(
            value=float(item["value"]),
            unit=item.get("unit"),
            kind=item.get("kind") or "other",
            approx=item.get("approx"),
        ),
        subject=Subject(name=item["subject"], kind=item.get("subject_kind") or "thing") if item.get("subject") else None,
        predicate=item.get("predicate"),
        statement=item.get("statement") or text[start:end],
        time=TimeRef(text=time["text"], date=time.get("date")) if time else None,
        attributed_to=Entity(name=item["attributed_to"]) if item.get("attributed_to") else None,
    )


def doc_to_records(doc: Doc, offset: int = 0) -> List[AnyRecord]:
    """All records of a processed doc, in text order (at the same offsets, numeric before quote).

    `offset`: where the doc's text starts in the article, for a segment of a long article.
    """
    article = article_ref(doc)
    sentences = SentenceIndex(doc, offset)
    records: List[AnyRecord] = []
    for item in doc._.get(QUOTES) or ():
        records.append(quote_record(item, article, sentences))
    for item in doc._.get(FIGURES) or ():
        records.append(numeric_record(item, article, sentences))
    records.sort(key=lambda r: (r.span.start, r.span.end, r.type))
    return records


# Characters that JSON leaves unescaped inside strings but that line readers (str.splitlines,
# some JavaScript) take for line ends: written as \uXXXX escapes, the same JSON value, so that a
# record is always exactly one line for every reader.
_LINE_ENDS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def one_line_json(text: str) -> str:
    """JSON text with U+0085, U+2028 and U+2029 escaped (only valid for JSON, where these
    characters can stand only inside strings)."""
    return text.translate(_LINE_ENDS)


def records_to_jsonl(records: Sequence[AnyRecord]) -> str:
    """One JSON object a line, fields in model order, no trailing spaces: the bytes a run writes."""
    return "".join(one_line_json(r.model_dump_json()) + "\n" for r in records)

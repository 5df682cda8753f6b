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
from .outputs import one_line_json

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


MAX_SENTENCE_CHARS = 1000
"""A record's sentence longer than this is cut to a window around the finding."""
SENTENCE_WINDOW = 250
"""Characters kept each side of the finding in such a window (fewer after cutting at a space)."""


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
        """The sentence(s) holding [start, end); in a "sentence" longer than MAX_SENTENCE_CHARS
        (a text without sentence ends, a table, a list) a window of about SENTENCE_WINDOW
        characters each side of the finding, cut at spaces, so that a record's size does not
        grow with the length of the text around it."""
        first = self.bounds[self._index(start)]
        last = self.bounds[self._index(max(start, end - 1))]
        s, e = first[0], max(first[1], last[1], end)
        if e - s > MAX_SENTENCE_CHARS:
            s, e = self._window(s, e, start, end)
        # Trailing white space (the paragraph break) is not part of the sentence.
        while e > s and self.text[e - 1].isspace() and e > end:
            e -= 1
        return SentenceRef(start=s + self.offset, end=e + self.offset, text=self.text[s:e])

    def _window(self, s: int, e: int, start: int, end: int) -> Tuple[int, int]:
        text = self.text
        low, high = max(s, start - SENTENCE_WINDOW), min(e, end + SENTENCE_WINDOW)
        if low > s:  # begin after the first space in the window before the finding, if any
            spaces = [i for i in (text.find(" ", low, start), text.find("\n", low, start)) if i >= 0]
            if spaces:
                low = min(spaces) + 1
        if high < e:  # end at the last space in the window after the finding, if any
            space = max(text.rfind(" ", end, high), text.rfind("\n", end, high))
            if space >= 0:
                high = space
        return min(low, start), max(high, end)


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


def records_to_jsonl(records: Sequence[AnyRecord]) -> str:
    """One JSON object a line, fields in model order, no trailing spaces: the bytes a run writes."""
    return "".join(one_line_json(r.model_dump_json()) + "\n" for r in records)

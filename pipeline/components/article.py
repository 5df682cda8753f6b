"""Article metadata and page furniture.

The text is never changed. When the input gave no publication date, this stage reads it from a
date line among the first lines of the text: a labelled one ("date 2022-08-03", "Published:
March 3, 2024", "Updated 10:02 a.m. EST, Tue March 5, 2024"; a publication label wins over an
update), a line that is only a date ("Tuesday, March 5, 2024 10:00 GMT") or a dateline with a year
("LONDON, March 3, 2024 (Reuters) -"). It takes a short first line as the headline, and marks page
furniture (the date lines, author boxes, "Related Articles" lists, photo credits, sharing buttons,
a headline repeated at the end) so that later stages report nothing from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Dict, List, Optional, Sequence, Tuple, Union

from spacy.language import Language
from spacy.tokens import Doc

from .. import wordlists
from ..attrs import ARTICLE, FURNITURE

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

_DATE_RE = (
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}"
    rf"|(?:{_MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_RE})\.?,?\s+\d{{4}})"
)
_CLOCK_RE = r"\d{1,2}(?:[:.]\d{2}){0,2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?"
_CLOCK_FIRST_RE = r"\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?"
"""A time before the date ("Updated 10:02 a.m. EST, March 5, 2024") needs its minutes."""
_TIME_AFTER_RE = rf"(?:(?:,|\s|\s+at|\s*[|·•-])\s*{_CLOCK_RE})?"
_WEEKDAY_RE = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+"
_LABEL_RE = (
    r"(?P<label>date|dated|(?:first |originally )?published(?: on)?|posted(?: on)?"
    r"|(?:last )?(?:updated|modified)(?: on)?)\s*:?\s*"
)
# Looked for at the start of each of the first lines (FIRST_LINES, within FIRST_CHARS):
# "Published: March 3, 2024 ..." (the label line may go on), a line that is only a date, and a
# dateline with a year ("LONDON, March 3, 2024 (Reuters) -").
_DATE_LABELLED = re.compile(
    rf"{_LABEL_RE}(?:{_CLOCK_FIRST_RE}\s*[,|·•-]?\s+)?(?:{_WEEKDAY_RE})?{_DATE_RE}{_TIME_AFTER_RE}", re.IGNORECASE
)
_DATE_ALONE = re.compile(rf"(?:{_WEEKDAY_RE})?{_DATE_RE}{_TIME_AFTER_RE}\s*\Z", re.IGNORECASE)
_DATELINE = re.compile(
    rf"(?-i:[A-Z][A-Z.'’ -]{{1,40}}),\s+(?:{_WEEKDAY_RE})?{_DATE_RE}\s*(?:\([^()\n]{{1,40}}\)\s*)?[-–—]",
    re.IGNORECASE,
)
FIRST_LINES = 8
"""How many non-blank lines at the start of an article are searched for a date line."""
FIRST_CHARS = 1500
"""... and how far into the text."""

_TITLE_MAX_WORDS = 25


@dataclass(frozen=True)
class FurnitureRules:
    anywhere: Tuple[re.Pattern, ...]
    tail: Tuple[re.Pattern, ...]
    cut: Tuple[re.Pattern, ...]


def parse_date_text(text: str) -> Optional[str]:
    """ISO date for "2022-08-03", "March 3, 2024" or "3 March 2024"; None when invalid."""
    text = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text.strip().rstrip(".,"), flags=re.IGNORECASE)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = re.fullmatch(rf"({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", text, re.IGNORECASE)
        if m:
            mo, d, y = _MONTHS[m.group(1).lower()], int(m.group(2)), int(m.group(3))
        else:
            m = re.fullmatch(rf"(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{4}})", text, re.IGNORECASE)
            if not m:
                return None
            d, mo, y = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def find_date_lines(text: str) -> List[Tuple[int, int, str, int]]:
    """Every date line among the first lines: (start, end, ISO date, rank), in text order.

    Rank 0: a publication label (published, posted, date); 1: a line that is only a date, or a
    dateline; 2: an update label (updated, modified). The publication date is the one of lowest
    rank, the first of them.
    """
    found = []
    for n, (s, e) in enumerate(paragraphs(text[:FIRST_CHARS])):
        if n >= FIRST_LINES:
            break
        line = text[s:e]
        m = _DATE_LABELLED.match(line)
        if m:
            rank = 2 if re.match(r"(?:last )?(?:updated|modified)", m.group("label"), re.IGNORECASE) else 0
            span = (s, s + m.end())
        else:
            m = _DATE_ALONE.match(line)
            if m:
                rank, span = 1, (s, s + m.end())
            else:
                m = _DATELINE.match(line)
                if not m:
                    continue
                rank, span = 1, (s + m.start("date"), s + m.end("date"))
        iso = parse_date_text(m.group("date"))
        if iso is not None:
            found.append((span[0], span[1], iso, rank))
    return found


def find_date_line(text: str) -> Optional[Tuple[int, int, str]]:
    """(start, end, ISO date) of the date line that gives the publication date, or None."""
    return _publication(find_date_lines(text))


def _publication(found: Sequence[Tuple[int, int, str, int]]) -> Optional[Tuple[int, int, str]]:
    """The date line of lowest rank, the first of them (min keeps the first of equals)."""
    if not found:
        return None
    start, end, iso, _ = min(found, key=lambda item: item[3])
    return start, end, iso


def paragraphs(text: str) -> List[Tuple[int, int]]:
    """Character spans of the non-blank lines of the text, white space trimmed."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        chunk = m.group(0)
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if e - trail > s + lead:
            spans.append((s + lead, e - trail))
    return spans


def find_title(text: str, paras: Sequence[Tuple[int, int]], skip_to: int = 0) -> Optional[str]:
    """The first paragraph when it reads like a headline: short, and a paragraph of its own."""
    for s, e in paras:
        if e <= skip_to:
            continue
        s = max(s, skip_to)
        line = text[s:e].strip()
        if not line:
            continue
        words = line.split()
        following = text[e : e + 2]
        if len(words) <= _TITLE_MAX_WORDS and not line.endswith((",", ";", ":")) and (
            following.startswith("\n") or e == len(text.rstrip())
        ):
            if len(paras) > 1:
                return line
        return None
    return None


@lru_cache(maxsize=1)
def load_rules() -> FurnitureRules:
    """Compile the furniture patterns of resources/article_furniture.txt."""
    sections: Dict[str, List[re.Pattern]] = {"anywhere": [], "tail": [], "cut": []}
    current = "anywhere"
    for raw in wordlists.text("article_furniture.txt").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]") and line[1:-1] in sections:
            current = line[1:-1]
            continue
        sections[current].append(re.compile(line, re.IGNORECASE))
    return FurnitureRules(tuple(sections["anywhere"]), tuple(sections["tail"]), tuple(sections["cut"]))


def find_furniture(
    text: str,
    paras: Sequence[Tuple[int, int]],
    title: Optional[str] = None,
    rules: Optional[FurnitureRules] = None,
) -> List[Dict]:
    """Furniture spans of the text: [{"start", "end", "label"}], sorted, not overlapping."""
    rules = rules or load_rules()
    found: List[Dict] = []
    n = len(paras)
    tail_from = n - max(1, n // 3) if n >= 3 else n
    links_until = -1
    for i, (s, e) in enumerate(paras):
        if i <= links_until:
            continue
        chunk = text[s:e]
        if any(p.fullmatch(chunk) for p in rules.cut):
            links_until = _link_list_end(text, paras, i)
            found.append({"start": s, "end": paras[links_until][1], "label": "links"})
            continue
        if any(p.fullmatch(chunk) for p in rules.anywhere):
            found.append({"start": s, "end": e, "label": "page"})
        elif i >= tail_from and any(p.fullmatch(chunk) for p in rules.tail):
            # An author box, with the name line that usually stands just before it.
            if found and i > 0 and found[-1]["end"] == paras[i - 1][1]:
                pass
            elif i > 0 and _looks_like_name_line(text[paras[i - 1][0] : paras[i - 1][1]]):
                found.append({"start": paras[i - 1][0], "end": paras[i - 1][1], "label": "author"})
            found.append({"start": s, "end": e, "label": "author"})
    if title and len(title) >= 12:
        first = text.find(title)
        at = text.find(title, first + len(title)) if first >= 0 else -1
        while at >= 0:
            found.append({"start": at, "end": at + len(title), "label": "repeated_title"})
            at = text.find(title, at + len(title))
    return _merge(found)


_LINK_MAX_WORDS = 20
_PROSE_END = re.compile(r"[.:;,]['\"’”)]*\Z")


def _link_list_end(text: str, paras: Sequence[Tuple[int, int]], heading: int) -> int:
    """The index of the last paragraph of the list of links under a "Related Articles" heading.

    The list is the run of headline-like paragraphs after the heading (short, not ending like a
    sentence of prose); the first paragraph of prose after it is article text again, so a list in
    the middle of a text (or of a segment of a long one) does not take the rest with it.
    """
    last = heading
    for j in range(heading + 1, len(paras)):
        line = text[paras[j][0] : paras[j][1]]
        if len(line.split()) > _LINK_MAX_WORDS or _PROSE_END.search(line):
            break
        last = j
    return last


def _looks_like_name_line(line: str) -> bool:
    words = line.split()
    return 1 < len(words) <= 4 and all(w[:1].isupper() for w in words) and not line.endswith(".")


def _merge(spans: List[Dict]) -> List[Dict]:
    spans = sorted(spans, key=lambda d: (d["start"], -d["end"]))
    merged: List[Dict] = []
    for item in spans:
        if merged and item["start"] < merged[-1]["end"]:
            if item["end"] > merged[-1]["end"]:
                merged[-1] = {**merged[-1], "end": item["end"]}
            continue
        merged.append(dict(item))
    return merged


def annotate_article(doc: Doc) -> Doc:
    """Fill doc._.claimsift_article (published, title) and doc._.claimsift_furniture."""
    text = doc.text
    meta = dict(doc._.get(ARTICLE) or {})
    meta.setdefault("id", "")
    for key in ("published", "title", "url", "author", "site"):
        meta.setdefault(key, None)
    furniture: List[Dict] = []
    skip_to = 0
    paras = paragraphs(text)
    dated = find_date_lines(text)
    for start, end, _, _ in dated:
        furniture.append({"start": start, "end": end, "label": "date_line"})
        if paras and start < paras[0][1]:  # a date line first: the headline comes after it
            skip_to = end
    if dated and not meta["published"]:
        meta["published"] = _publication(dated)[2]
    if not meta["title"]:
        meta["title"] = find_title(text, paras, skip_to)
    furniture.extend(find_furniture(text, paras, meta["title"]))
    doc._.set(ARTICLE, meta)
    doc._.set(FURNITURE, _merge(furniture))
    return doc


class ArticleMetadata(wordlists.SavesLists):
    """Pipeline component: publication date, headline and page furniture."""

    def __init__(self, nlp: Language, name: str = "claimsift_article",
                 lists: Optional[Dict[str, Union[str, List[str]]]] = None):
        self.name = name
        self.lists = wordlists.StageLists("claimsift_article", lists)

    def __call__(self, doc: Doc) -> Doc:
        return annotate_article(doc)


@Language.factory(
    "claimsift_article",
    assigns=[f"doc._.{ARTICLE}", f"doc._.{FURNITURE}"],
    default_config={"lists": {}},
)
def make_article(nlp: Language, name: str, lists: Dict[str, Union[str, List[str]]]) -> ArticleMetadata:
    return ArticleMetadata(nlp, name, lists=lists)

"""A run's records as plain dicts (the shape of ``models/records.py``): reading them, selecting
them, folding repeats of a claim into groups, and the short descriptions every view shows
(who, what, the value)."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

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


_SPACES = re.compile(r"\s+")


def one_line(text: Optional[str]) -> str:
    """The text with every run of white space (line breaks too) made one space, stripped."""
    return _SPACES.sub(" ", text or "").strip()

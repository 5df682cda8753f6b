"""The time of a figure: the sentence's DATE/TIME expressions, resolved against the publication date."""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from functools import lru_cache
from typing import List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Span

from ..components.quantities import Quantity
from .common import _cached, _ents_from_char

# ----------------------------------------------------------------------------------------------
# time and attribution
# ----------------------------------------------------------------------------------------------


_SAME_WEEKDAY = re.compile(
    r"(?:on )?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:\.|day)?(?: (?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@lru_cache(maxsize=4096)
def _resolve_date(text: str, base: Optional[str]) -> Optional[str]:
    """ISO date for a DATE/TIME expression, relative to the publication date (cached)."""
    clean = re.sub(r"\s+", " ", text).strip()
    if not clean or len(clean) > 60:
        return None
    has_year = bool(re.search(r"\b(?:1[89]|20)\d\d\b", clean))
    if base is None and not has_year:
        return None
    if base and _SAME_WEEKDAY.fullmatch(clean):  # "Tuesday" in a paper of a Tuesday: that day
        day = _dt.date.fromisoformat(base[:10])
        if re.sub(r"(?i)^on ", "", clean)[:3].lower() == _WEEKDAYS[day.weekday()]:
            return day.isoformat()
    try:
        import dateparser  # slow to import: only when a figure needs a date

        settings = {"PREFER_DATES_FROM": "past"}
        if base:
            settings["RELATIVE_BASE"] = _dt.datetime.strptime(base[:10], "%Y-%m-%d")
        got = dateparser.parse(clean, languages=["en"], settings=settings)
    except (ValueError, TypeError, OverflowError, KeyError, IndexError, AttributeError, RecursionError):
        # dateparser raises these on odd strings; they cost the date, not the figure
        return None
    return got.date().isoformat() if got else None


def _time_for(doc: Doc, q: Quantity, sent: Span, figure_spans: Sequence[Tuple[int, int]],
              published: Optional[str]) -> Optional[dict]:
    memo = _cached(doc).setdefault("dates_in", {})
    got = memo.get(sent.start)
    if got is None:
        # the sentence's DATE/TIME entities that no figure overlaps, once per sentence
        merged = _merged_spans(doc, figure_spans)
        starts = [a for a, _ in merged]
        cands = []
        for ent in _ents_from_char(doc, sent.start_char):
            if ent.start >= sent.end:
                break
            if ent.start < sent.start or ent.end > sent.end or ent.label_ not in ("DATE", "TIME"):
                continue
            k = bisect.bisect_left(starts, ent.end_char) - 1
            if k >= 0 and merged[k][1] > ent.start_char:
                continue
            if re.fullmatch(r"\W*", ent.text):
                continue
            cands.append(ent)
        got = memo[sent.start] = (cands, [e.start_char for e in cands])
    cands, cstarts = got
    # entities do not overlap each other or the figure: the nearest is the last one before it or
    # the first one after it (ties go to the earlier one)
    k = bisect.bisect_left(cstarts, q.start)
    best = None
    best_d = None
    for ent in cands[max(0, k - 1):k + 1]:
        d = min(abs(ent.start_char - q.end), abs(q.start - ent.end_char))
        if best_d is None or d < best_d:
            best, best_d = ent, d
    if best is None:
        return None
    return {"text": best.text, "date": _resolve_date(best.text, published)}


def _merged_spans(doc: Doc, spans: Sequence[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """Sorted, merged (start, end) spans, once per doc."""
    memo = _cached(doc)
    got = memo.get("merged_figures")
    if got is None or got[0] is not spans:
        merged: List[List[int]] = []
        for a, b in sorted(spans):
            if merged and a < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        got = memo["merged_figures"] = (spans, [(a, b) for a, b in merged])
    return got[1]

"""Pairs, ranges, scores and splits among found quantities ("52% to 46%", "between 10 and 20",
"a 112-104 win", "a 60-40 split"): ``link(text, quantities)`` marks them in place (pure, no spaCy).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List

from .numbers import parse_number
from .quantity_rules import BETWEEN_GAP_RE, RANGE_LEFT_RE, RANGE_OF_LEFT_RE, SCALE_AFTER_RE, SCORE_CONTEXT_RE

if TYPE_CHECKING:
    from .quantities import Quantity


def link(text: str, qs: List[Quantity]) -> None:
    """Mark pairs and ranges ("52% to 46%", "38%-27%", "between 10 and 20"), share units."""
    i = 0
    while i < len(qs) - 1:
        a, b = qs[i], qs[i + 1]
        gap = text[a.end:b.start]
        if a.link is None and BETWEEN_GAP_RE.match(gap) and b.approx is None or (
                a.link is None and gap == "" and text[a.end - 1:a.end] == "-"):
            left = text[max(0, a.start - 30):a.start]
            if a.approx:
                left = text[max(0, a.start - 30 - len(a.approx) - 1):a.start - len(a.approx) - 1]
            if not a.bare and (b.bare or (a.kind, a.unit) != (b.kind, b.unit)):
                # "by 0.25 percentage points to 4.75%", "rose 7.4% to $88.15": a change and a level
                i += 1
                continue
            is_range = bool(RANGE_LEFT_RE.search(left))
            if not is_range and a.value < b.value and gap.strip().lower() in ("to", "-", "\u2013") and (
                    a.kind == "money" or a.kind in ("percent", "count", "duration") and
                    RANGE_OF_LEFT_RE.search(left)):
                # "revenue of $16.4 billion to $16.7 billion", "growth of 2% to 3%": one range
                is_range = True
            if gap.strip().lower() in ("and", "or") and not is_range:
                i += 1
                continue
            # units flow from the second to a bare first ("10 to 20 percent")
            if a.bare and b.kind in ("percent", "money", "percentage_points", "duration") and not a.words:
                a.kind, a.unit, a.bare = b.kind, b.unit, False
                sc = b.extra.get("scale")
                a.confidence = b.confidence - 0.1
            if a.kind == "money" and b.kind == "money" and a.value < 1000 <= b.value:
                m = SCALE_AFTER_RE.match(text[b.num_end:b.num_end + 20])
                if m and m.group("sw") and not SCALE_AFTER_RE.match(text[a.num_end:a.num_end + 20]):
                    sc = parse_number("1 " + m.group("sw"))
                    if sc:
                        a.value *= sc
            hyphen = gap.strip() in ("-", "\u2013") or gap == ""
            if (hyphen and a.value == 50 and b.value == 50 and a.kind == "count"
                    and b.kind == "count" and not a.words and b.start == a.end + 1):
                for x in (a, b):
                    x.kind, x.unit, x.bare, x.confidence, x.noun = "percent", "percent", False, 0.7, None
                b.approx = a.approx
            elif a.bare and b.bare:
                if False:
                    for x in (a, b):
                        x.kind, x.unit, x.bare, x.confidence = "percent", "percent", False, 0.7
                    b.approx = a.approx
                elif hyphen:
                    ctx = text[max(0, a.start - 60):min(len(text), b.end + 40)]
                    if SCORE_CONTEXT_RE.search(ctx) and a.value < 1000 and b.value < 1000:
                        for x in (a, b):
                            x.kind, x.unit, x.confidence = "other", None, 0.5
                    else:
                        a.extra["drop"] = b.extra["drop"] = True
            a.link = b.link = "range" if is_range else "pair"
            a.position, b.position = 0, 1
            a.partner, b.partner = i + 1, i
            a.extra["partner_obj"], b.extra["partner_obj"] = b, a
            i += 2
            continue
        i += 1

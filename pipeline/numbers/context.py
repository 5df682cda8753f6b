"""Passes over the quantities found in a text that read what surrounds each one (pure, no
spaCy): an age that runs on ("aged 19 years and 40 days"), share prices written without a
currency sign ("the shares changed hands near 14, up 3/8"), and plain numbers that take their unit
from the amount they are compared with ("up from 401.25") or from a results heading ("Net 4.5 mln
vs 3.9 mln"). ``read_context(text, quantities)`` runs them in place, before pairs are linked.
"""

from __future__ import annotations

import re
from typing import List, Optional

from .lexicon import (
    AGE_LIST_GAP_RE,
    AGE_NAME_GAP_RE,
    AND_GAP_RE,
    COMPARED_LEFT_RE,
    EARNINGS_LEFT_RE,
    SHARE_MOVE_LEFT_RE,
    SHARE_NOUN_RE,
)
from .quantity import Quantity


def read_context(text: str, qs: List[Quantity]) -> None:
    """Every pass of this module over ``qs`` (sorted by start), in place."""
    _compound_measures(text, qs)
    _age_chains(text, qs)
    _share_prices(text, qs)
    _carried_units(text, qs)


def _age_chains(text: str, qs: List[Quantity]) -> None:
    """A period joined by "and" to an age is part of it: "aged 19 years and 40 days"; a plain
    number listed after an age is another age: "between 5 years old and 8 or 9", "Ana, 18, and
    Tom, 16"."""
    for a, b in zip(qs, qs[1:]):
        if a.kind != "age":
            continue
        gap = text[a.end:b.start]
        if b.kind == "duration" and AND_GAP_RE.match(gap):
            b.kind = "age"
        elif b.bare and b.kind == "count" and not b.words and b.value == int(b.value) and \
                0 < b.value < 125 and (AGE_LIST_GAP_RE.match(gap) or AGE_NAME_GAP_RE.match(gap)):
            b.kind, b.unit, b.bare = "age", "years", False


# a larger unit and a smaller one written together: "6 feet 2 inches" is 74 inches
_COMPOUNDS = {("ft", "in"): 12.0, ("lb", "oz"): 16.0}
_COMPOUND_GAP_RE = re.compile(r"^(?:[ \t]+|[ \t]+and[ \t]+|,[ \t]*)$")


def _compound_measures(text: str, qs: List[Quantity]) -> None:
    """One measure written in two units ("6 feet 2 inches", "6 lb 4 oz") is one quantity, in
    the smaller unit."""
    out: List[Quantity] = []
    for q in qs:
        a = out[-1] if out else None
        factor = _COMPOUNDS.get((a.unit, q.unit)) if a is not None and a.kind == q.kind == "measure" \
            else None
        if a is not None and factor and q.approx is None and _COMPOUND_GAP_RE.match(text[a.end:q.start]):
            a.value = a.value * factor + q.value
            a.unit, a.end, a.text = q.unit, q.end, text[a.start:q.end]
            continue
        out.append(q)
    qs[:] = out


def _share_prices(text: str, qs: List[Quantity]) -> None:
    """A plain number or fraction that a share trades at, in a clause about a stock, is a price:
    "the shares changed hands near 14, up 3/8, after touching 13-1/4" (wire copy gives US share
    prices without a dollar sign)."""
    if not SHARE_NOUN_RE.search(text):
        return
    for q in qs:
        if not _word_before(text, q.start) or q.words or q.kind not in ("count", "other") or (
                q.kind == "count" and q.noun) or (
                q.kind == "other" and q.unit not in (None, "fraction")) or q.value >= 10000:
            continue
        left = text[max(0, q.start - 90):q.start]
        if not SHARE_MOVE_LEFT_RE.search(left[-24:]):
            continue
        clause = re.split(r"[.;!?\n]", left)[-1]
        if SHARE_NOUN_RE.search(clause):
            q.kind, q.unit, q.bare = "money", "USD", False


def _word_before(text: str, pos: int) -> bool:
    """A word and one space right before ``pos`` (a cheap test before the context patterns)."""
    return pos > 1 and text[pos - 1] in " \t" and (text[pos - 2].isalpha() or text[pos - 2] == ".")


def _plain_amount(q: Quantity) -> bool:
    """A digit number with nothing that says what it is (no noun, no unit)."""
    return not q.words and q.noun is None and (q.kind, q.unit) in (("count", None), ("other", None))


def _carried_units(text: str, qs: List[Quantity]) -> None:
    """A plain number compared with the amount before it takes its unit ("rose to 405.50 dlrs, up
    from 401.25", "7.1 pct vs 7.3"), and one after an earnings heading is money ("Net 4.5 mln vs
    3.9 mln", wire-copy results)."""
    prev: Optional[Quantity] = None
    for q in qs:
        if _word_before(text, q.start) and _plain_amount(q):
            left = text[max(0, q.start - 30):q.start]
            gap = text[prev.end:q.start] if prev is not None else ""
            if prev is not None and prev.kind in ("money", "percent") and len(gap) < 60 and \
                    not re.search(r"[.;!?\n]", gap) and COMPARED_LEFT_RE.search(left):
                q.kind, q.unit, q.bare = prev.kind, prev.unit, False
            elif EARNINGS_LEFT_RE.search(text, max(0, q.start - 30), q.start):
                q.kind, q.unit, q.bare = "money", "USD", False
        prev = q

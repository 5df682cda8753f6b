"""Quantities in news text: ``find_quantities(text)`` gives every checkable quantity as a
``Quantity`` with character offsets into ``text`` (money, percent, percentage points, counts,
multipliers, durations, ages, physical measures, fractions). Dates, years, times of day, ordinals,
identifiers and vague amounts are left out. The figures stage refines what this finds with the
parse. The pieces live in ``pipeline.numbers``: ``parse`` reads numbers, ``lexicon`` holds the
context patterns, ``forms`` the early forms, ``units`` physical units, ``pairs`` ranges, scores
and splits, ``reading`` reads one number match.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import List, Tuple

from ..numbers.context import read_context
from ..numbers.forms import early_forms
from ..numbers.lexicon import CORE_RE, TIME_UNITS
from ..numbers.pairs import link
from ..numbers.quantity import Quantity
from ..numbers.reading import read_number

__all__ = ["Quantity", "TIME_UNITS", "find_quantities"]


def find_quantities(text: str) -> List[Quantity]:
    """Every checkable quantity in ``text``, in order.

    Total on any string: odd text gives fewer quantities, not an exception (a bug raises).
    """
    if not text:
        return []
    out: List[Quantity] = []
    early_starts: List[int] = []
    early_ends: List[int] = []
    # early forms first: fractions, "twice", clock durations; phone numbers are blocked
    for s, e, fields in early_forms(text):
        if fields is not None:
            q = Quantity(**fields)
            if _junk(text, q):
                continue
            out.append(q)
        early_starts.append(s)
        early_ends.append(e)

    def overlaps(s: int, e: int) -> bool:
        # an early form (sorted spans, none longer than 200 characters, found by bisection) or
        # the last quantity of the main pass
        k = bisect.bisect_left(early_starts, e) - 1
        while k >= 0 and early_starts[k] >= s - 200:
            if s < early_ends[k]:
                return True
            k -= 1
        return bool(last) and s < last[-1][1] and last[-1][0] < e

    last: List[Tuple[int, int]] = []
    refused_end = -2
    blobs = _blob_runs(text)
    blob_starts = [a for a, _ in blobs]
    for m in CORE_RE.finditer(text):
        if blobs:
            k = bisect.bisect_right(blob_starts, m.start()) - 1
            if k >= 0 and m.end() <= blobs[k][1]:
                continue  # digits inside a base64 blob, a hash, a long key
        if m.start() == refused_end + 1 and text[refused_end] in "-\u2013":
            refused_end = m.end()  # "737-800" after a refused "737": the same identifier
            continue
        q = read_number(text, m)
        if q is None:
            refused_end = m.end() if m.group("dig") else -2
            continue
        if overlaps(q.start, q.end) or _junk(text, q):
            continue
        out.append(q)
        last[:] = [(q.start, q.end)]

    out.sort(key=lambda q: q.start)
    read_context(text, out)
    link(text, out)
    kept = [q for q in out if not q.extra.get("drop")]
    # re-index partners after dropping
    index = {id(q): i for i, q in enumerate(kept)}
    for q in kept:
        if q.partner is not None:
            other = q.extra.pop("partner_obj", None)
            q.partner = index.get(id(other)) if other is not None else None
            if q.partner is None:
                q.link = None
        q.extra.pop("partner_obj", None)
    return [q for q in kept if math.isfinite(q.value)]


# A long run without spaces of base64 / hex / key characters with a letter in it: the digits in it
# are not figures ("iVBORw0KGgo...", a pasted image, a hash, an API key).
_BLOB_RE = re.compile(r"[A-Za-z0-9+/=]{30,}")
_LETTER_RE = re.compile(r"[A-Za-z]")
_DIGIT_RE = re.compile(r"\d")
# "1e309", "$2E6": scientific notation glued to the digits (not a figure we can check)
_SCI_AFTER_RE = re.compile(r"[eE][+-]?\d")
_POWER_OR_FRACTION_AFTER_RE = re.compile(
    "[ \t\u00a0]?[\u00b2\u00b3\u00b9\u2070-\u2079\u00bc-\u00be\u2150-\u215e]")
# "1,2,3,4%", "1,5%": a comma glued to digits that is no thousands group (a list or a decimal
# comma - ambiguous); "5..6%", "5...6": dots between digits
_COMMA_DIGIT_AFTER_RE = re.compile(r",\d")
_DOTS_AFTER_RE = re.compile(r"\.{2,}\d")
_DOTS_BEFORE_RE = re.compile(r"\d\.{2,}$")
_BRACES = "{}"


def _blob_runs(text: str) -> List[Tuple[int, int]]:
    """(start, end) of the long letter-and-digit runs of a text, in order."""
    out = []
    for m in _BLOB_RE.finditer(text):
        chunk = m.group()
        if _LETTER_RE.search(chunk) and _DIGIT_RE.search(chunk):
            out.append((m.start(), m.end()))
    return out


def _in_braces(text: str, s: int, e: int) -> bool:
    """A number inside template braces on its line ("{{7*7}}", "${count}", "{0}")."""
    lo = max(0, s - 40)
    left = text[lo:s]
    o = left.rfind("{")
    if o < 0 or "}" in left[o:] or "\n" in left[o:]:
        return False
    right = text[e:e + 40]
    c = right.find("}")
    return c >= 0 and "{" not in right[:c] and "\n" not in right[:c]


_SMALL_WORDS = frozenset("a an and at by for from in of on or the to with vs".split())
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


def _in_link_title(text: str, s: int, e: int) -> bool:
    """A number inside a bracketed title on its line, a link to another story ("[Read more: The
    10 Best Trails in Wales]"): the title's words are capitalized; it states nothing here."""
    lo = max(0, s - 100)
    o = text.rfind("[", lo, s)
    if o < 0 or "]" in text[o:s] or "\n" in text[o:s]:
        return False
    c = text.find("]", e, e + 100)
    if c < 0 or "[" in text[e:c] or "\n" in text[e:c]:
        return False
    words = [w for w in _WORD_RE.findall(text[o + 1:c]) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _junk(text: str, q: "Quantity") -> bool:
    """Digits that the number rules would keep but that are not a figure in any reading."""
    s, e = q.num_start, q.num_end
    if "[" in text[max(0, s - 100):s] and _in_link_title(text, s, e):
        return True
    if q.words or e <= s:
        return False
    after = text[e:e + 4]
    if _POWER_OR_FRACTION_AFTER_RE.match(after):
        return True  # "$10\u00b2 million", "3 \u00bc" left over: no value we can state
    if _SCI_AFTER_RE.match(after) or _COMMA_DIGIT_AFTER_RE.match(after) or _DOTS_AFTER_RE.match(after):
        return True
    if _DOTS_BEFORE_RE.search(text[max(0, s - 4):s]):
        return True
    if "{" in text[max(0, s - 40):s] and _in_braces(text, s, e):
        return True
    return False

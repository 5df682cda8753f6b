"""The currencies of the quantity finder (pure, no spaCy): signs, codes and names from
``resources/quantities_currencies.txt``, the patterns that find them before or after a number,
and the smaller units written after an amount ("3 dollars 50 cents").
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from .. import wordlists
from .parse import parse_number

def _currencies() -> Tuple[List[Tuple[str, str, float]], List[Tuple[str, str, float]], List[str],
                           List[Tuple[str, str, float]]]:
    prefixes, words, glued, subunits = [], [], [], []
    lists = {"prefix": prefixes, "glued": prefixes, "word": words, "subunit": subunits}
    for number, (kind, form, code, factor) in wordlists.entries("quantities_currencies.txt", (4, 4)):
        if kind not in lists or not re.fullmatch(r"\d+(?:\.\d+)?", factor):
            raise wordlists.ResourceError(wordlists.RESOURCES / "quantities_currencies.txt", number,
                                          "expected kind<TAB>form<TAB>ISO code<TAB>factor")
        lists[kind].append((form, code, float(factor)))
        if kind == "glued":
            glued.append(form)
    for table in (prefixes, words, subunits):
        table.sort(key=lambda x: len(x[0]), reverse=True)
    return prefixes, words, glued, subunits


CURRENCY_PREFIXES, CURRENCY_WORDS, GLUED_PREFIXES, CURRENCY_SUBUNITS = _currencies()


def _form_regex(form: str) -> str:
    """A currency form as a regex: letters case-insensitive, spaces flexible, dots optional-space."""
    out = []
    for ch in form:
        if ch == " ":
            out.append(r"\s*")
        elif ch == ".":
            out.append(r"\.\s*")
        elif ch == "$" and len(form) > 1:
            out.append(r"[ \t]?\$")
        else:
            out.append(re.escape(ch))
    return "".join(out)


_PREFIX_INDEX = {f.lower().replace(" ", ""): (code, fac) for f, code, fac in CURRENCY_PREFIXES}
_WORD_INDEX = {re.sub(r"\s+", " ", f.lower()): (code, fac) for f, code, fac in CURRENCY_WORDS}

# A currency sign or code right before the number (the string ends where the number starts).
_PREFIX_ALTS = "|".join(
    (r"(?<![A-Za-z])" if f[0].isalpha() else "") + _form_regex(f) for f, _, _ in CURRENCY_PREFIXES
)
CURRENCY_BEFORE_RE = re.compile(rf"(?:{_PREFIX_ALTS})[ \t\u00a0]?$", re.I) if _PREFIX_ALTS else None
_WORD_ALTS = "|".join(
    _form_regex(f) + (r"(?![A-Za-z])" if f[-1].isalpha() else "") for f, _, _ in CURRENCY_WORDS
)
CURRENCY_AFTER_RE = re.compile(rf"^(?:\s?-\s?|[ \t\u00a0]?)(?P<cur>{_WORD_ALTS})", re.I)
# a currency name before an amount with a scale: "a Swiss franc 3.2bn surplus"
_WORD_BEFORE_ALTS = "|".join(
    _form_regex(f) for f, _, fac in CURRENCY_WORDS if fac == 1.0 and f[-1].isalpha() and len(f) > 3)
CURRENCY_WORD_BEFORE_RE = re.compile(
    rf"(?<![A-Za-z])(?P<cur>{_WORD_BEFORE_ALTS})[ \t\u00a0]+$", re.I) if _WORD_BEFORE_ALTS else None
# a smaller unit after an amount: "3 dollars 50 cents", "one kuai and five mao five"
_SUB_INDEX = dict(_WORD_INDEX)
_SUB_INDEX.update({f.lower(): (code, fac) for f, code, fac in CURRENCY_SUBUNITS})
_SUB_ALTS = "|".join(re.escape(f) + r"(?![A-Za-z])" for f in sorted(
    _SUB_INDEX, key=len, reverse=True))
_SUB_NUM = (r"\d{1,2}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            r"(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|"
            r"six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen")
_SUBUNIT_RE = re.compile(rf"^[ \t]+(?:and[ \t]+)?(?P<n>{_SUB_NUM})[ \t]+(?P<cur>{_SUB_ALTS})", re.I)
# a bare number that ends the amount: "thirteen dollars and forty-five", "c$ 100 and fifty"
_SUB_TRAIL_RE = re.compile(
    rf"^[ \t]+(?P<and>and[ \t]+)?(?P<n>{_SUB_NUM})(?=[ \t]*(?:[.,;!?]|$)|[ \t]+and\b)", re.I)

def currency_before(text: str, pos: int) -> Tuple[Optional[str], float, int]:
    """ISO code, factor and start of a currency sign or code that ends at pos."""
    if CURRENCY_BEFORE_RE is None or pos == 0:
        return None, 1.0, pos
    left = text[max(0, pos - 12):pos]
    m = CURRENCY_BEFORE_RE.search(left)
    if not m:
        return None, 1.0, pos
    if re.fullmatch(r"a[ \t]?\$[ \t\u00a0]?", m.group(0)):
        # "a $499 phone": the article, not A$ (Australian dollars are written "A$")
        m = CURRENCY_BEFORE_RE.search(left, len(left) - len(m.group(0)) + 1)
        if not m:
            return None, 1.0, pos
    form = re.sub(r"\s+", "", m.group(0)).lower()
    code, fac = _PREFIX_INDEX.get(form, (None, 1.0))
    if code is None:
        # "u . s . $" style pre-tokenized forms
        code, fac = _PREFIX_INDEX.get(form.replace(" ", ""), ("USD", 1.0))
    start = pos - (len(left) - m.start())
    # a code like "USD" must stand alone ("CHF 5" yes, "ABCHF 5" no) - guarded by the lookbehind
    return code, fac, start


def currency_word_before(text: str, pos: int) -> Tuple[Optional[str], float, int]:
    """ISO code, factor and start of a currency name that ends right before ``pos`` ("Swiss franc
    3.2bn"); the caller asks only when a scale follows the number."""
    if CURRENCY_WORD_BEFORE_RE is None:
        return None, 1.0, pos
    left = text[max(0, pos - 30):pos]
    m = CURRENCY_WORD_BEFORE_RE.search(left)
    if not m:
        return None, 1.0, pos
    code, fac = _WORD_INDEX.get(re.sub(r"\s+", " ", m.group("cur").lower()), (None, 1.0))
    return code, fac, pos - (len(left) - m.start())


def currency_after(text: str, pos: int) -> Tuple[Optional[str], float, int]:
    m = CURRENCY_AFTER_RE.match(text[pos:pos + 40])
    if not m:
        return None, 1.0, pos
    form = re.sub(r"\s+", " ", m.group("cur").lower())
    code, fac = _WORD_INDEX.get(form, (None, 1.0))
    if code is None:
        form2 = re.sub(r"\s*\.\s*", ".", form)
        code, fac = _WORD_INDEX.get(form2, ("USD", 1.0))
    return code, fac, pos + m.end()


def subunit_tail(text: str, end: int, code: str, factor: float, after_sign: bool) -> Tuple[float, int]:
    """Smaller units written after an amount of ``code`` in units of ``factor`` that ends at
    ``end``: the value they add (in the main unit) and where they end. A bare last number is
    the next smaller unit ("and forty-five" cents; "five mao five" fen); after a currency sign it
    needs "and" ("C$100 and fifty")."""
    added, last = 0.0, factor
    for _ in range(3):
        m = _SUBUNIT_RE.match(text[end:end + 48])
        if not m:
            break
        c2, f2 = _SUB_INDEX.get(re.sub(r"\s+", " ", m.group("cur").lower()), (None, 1.0))
        n = parse_number(m.group("n"))
        if c2 != code or f2 >= last or n is None or not 0 < n < round(last / f2):
            break
        added, last, end = added + n * f2, f2, end + m.end()
    m = _SUB_TRAIL_RE.match(text[end:end + 40])
    if m and (m.group("and") or not after_sign):
        step = 0.01 if last == 1.0 else last / 10
        n = parse_number(m.group("n"))
        if n is not None and 0 < n < round(last / step):
            added, end = added + n * step, end + m.end()
    return added, end

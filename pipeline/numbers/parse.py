"""Number expressions on their own: ``parse_number(text)`` gives the value of "14,307",
"1.2 million", "one hundred and twenty-three", "two thirds", "1 over 3", "3 \u00bc", or None.

Pure and total: any string gives a finite float or None, never an exception.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Dict, List, Optional


class NotANumber(ValueError):
    """Raised inside the parser when the words do not make a number (caught by parse_number)."""

# ----------------------------------------------------------------------------------------------
# Vocabulary
# ----------------------------------------------------------------------------------------------

UNITS: Dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: Dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: Dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# Short scale marks written after digits ("10k", "$2.4M", "1.2bn", "10 bln").
SUFFIX_SCALES: Dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mil": 1e6, "mln": 1e6, "mn": 1e6,
    "million": 1e6, "g": 1e9, "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "t": 1e12,
    "tn": 1e12, "tln": 1e12, "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7,
    "crores": 1e7,
}
DOZENS = {"dozen", "dozens", "dz", "dzs", "doz", "dozs"}

_ORD_BASE: Dict[str, float] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
    "half": 2, "quarter": 4,
}
ORDINALS: Dict[str, float] = dict(_ORD_BASE)
for _w, _v in _ORD_BASE.items():
    ORDINALS[_w + "s"] = _v
ORDINALS["halves"] = 2
ORDINALS["halfs"] = 2

NUMBER_WORDS = set(UNITS) | set(TENS) | {"hundred"} | set(SCALES) | {"dozen"}

_SPACES_RE = re.compile(r"[\u00a0\u202f\u2009\u2007]")
_SIGN_RE = re.compile(r"^(?:(?P<word>minus|negative)(?:\s+|-)|(?P<sym>[-\u2212\u2013+])\s*)", re.I)
_SCI_RE = re.compile(r"^(\d+(?:\.\d+)?|\.\d+)[eE]([+-]?\d{1,6})$")
_POW_RE = re.compile(r"^(\d+(?:\.\d+)?)\s*\^\s*([+-]*)\s*(\d+(?:\.\d+)?)$")
_FRAC_DIGITS_RE = re.compile(r"^(?:(\d+)(?:\s+|-))?(\d+)\s*/\s*(\d+)(?:\s+(?P<scale>thousand|million|billion|trillion))?$",
                             re.I)
# vulgar fraction characters ("3 \u00bc million", "\u00be")
VULGAR: Dict[str, str] = {
    "\u00bc": "1/4", "\u00bd": "1/2", "\u00be": "3/4", "\u2150": "1/7", "\u2151": "1/9",
    "\u2152": "1/10", "\u2153": "1/3", "\u2154": "2/3", "\u2155": "1/5", "\u2156": "2/5",
    "\u2157": "3/5", "\u2158": "4/5", "\u2159": "1/6", "\u215a": "5/6", "\u215b": "1/8",
    "\u215c": "3/8", "\u215d": "5/8", "\u215e": "7/8",
}
_VULGAR_RE = re.compile("[ \t]?([" + "".join(VULGAR) + "])")
_DIGITS_RE = re.compile(
    r"^(?P<num>\d{1,3}(?:(?P<sep>[, ])\d{3})(?:(?P=sep)\d{3})*(?:\.\d+)?|\d+(?:[.,]\d+)?|\.\d+)"
    r"\s*(?P<suffix>[A-Za-z]+)?$")
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")


def _digit_value(s: str) -> float:
    """'1,234,567' / '1 234 567' / '4.800' / '5,00' / '.08' -> float; raises NotANumber."""
    s = s.strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?: \d{3})+(?:\.\d+)?", s):
        return float(s.replace(" ", ""))
    if re.fullmatch(r"\d+,\d+", s):  # a decimal comma: "5,00", "1,3"
        return float(s.replace(",", "."))
    if re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", s):
        return float(s)
    raise NotANumber(s)


def _suffix_scale(word: str) -> Optional[float]:
    w = word.lower()
    if w in SUFFIX_SCALES:
        return SUFFIX_SCALES[w]
    if w in ("hundred",):
        return 100.0
    if w in DOZENS:
        return 12.0
    return None


def _int_value(tokens: List[str]) -> float:
    """Value of a cardinal made of number words and digits; raises NotANumber."""
    if not tokens:
        raise NotANumber("empty")
    if "point" in tokens:
        i = tokens.index("point")
        whole = _int_value(tokens[:i]) if i else 0.0
        return whole + _decimal_part(tokens[i + 1:])
    total = 0.0
    current = 0.0
    last_small = 0.0
    last_was_scale = False
    seen = False
    for tok in tokens:
        if tok == "and":
            continue
        if tok in ("a", "an"):
            current += 1
            last_small = 1
            last_was_scale = False
            seen = True
            continue
        if tok[0].isdigit():
            v = _digit_value(tok)
            current += v
            last_small = v
            last_was_scale = False
            seen = True
            continue
        if tok in UNITS or tok in TENS:
            v = UNITS.get(tok, TENS.get(tok))
            current += v
            last_small = v
            last_was_scale = False
            seen = True
            continue
        if tok == "hundred":
            current = (current or 1) * 100
            last_small = 0
            last_was_scale = False
            seen = True
            continue
        if tok in DOZENS:
            base = last_small or 1
            current = current - last_small + base * 12
            last_small = 0
            seen = True
            continue
        scale = SCALES.get(tok) or SUFFIX_SCALES.get(tok)
        if scale:
            if current == 0 and last_was_scale:
                total *= scale
            else:
                total += (current or 1) * scale
            current = 0
            last_small = 0
            last_was_scale = True
            seen = True
            continue
        raise NotANumber(tok)
    if not seen:
        raise NotANumber("no number")
    return total + current


def _decimal_part(tokens: List[str]) -> float:
    digits = ""
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in TENS:
            v = TENS[tok]
            if i + 1 < len(tokens) and tokens[i + 1] in UNITS and UNITS[tokens[i + 1]] < 10:
                v += UNITS[tokens[i + 1]]
                i += 1
            digits += str(v)
        elif tok in UNITS:
            digits += str(UNITS[tok])
        elif tok.isdigit():
            digits += tok
        else:
            raise NotANumber(tok)
        i += 1
    if not digits:
        raise NotANumber("no decimals")
    return float("0." + digits)


def _fraction_value(tokens: List[str]) -> Optional[float]:
    """Fractions written in words ("two thirds", "one and a half", "a hundred trillionths")."""
    f = None
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i] in ORDINALS:
            f = i
            break
    if f is None:
        return None
    tail = tokens[f + 1:]
    mult = 1.0
    if tail:
        t = [w for w in tail if w not in ("of", "a", "an")]
        if len(t) != 1:
            raise NotANumber("tail")
        m = SCALES.get(t[0]) or (12.0 if t[0] in DOZENS else None) or SUFFIX_SCALES.get(t[0])
        if not m:
            raise NotANumber("tail")
        mult = m
    den = ORDINALS[tokens[f]]
    j = f
    if f >= 1 and tokens[f - 1] in TENS and den < 10 and f >= 2 and tokens[f - 2] != "and":
        den += TENS[tokens[f - 1]]
        j = f - 1
    else:
        k = f - 1
        if k >= 0 and tokens[k] == "and":
            k -= 1
        if (k >= 1 and tokens[k] in ("hundred", "thousand") and tokens[k - 1] in ("one", "a")
                and k - 2 >= 0 and den < 100):
            den += 100 if tokens[k] == "hundred" else 1000
            j = k - 1
    rest = tokens[:j]
    if not rest:
        return mult / den
    and_at = None
    for k in range(len(rest) - 2, 0, -1):
        if rest[k] == "and":
            and_at = k
            break
    if and_at is not None:
        intpart, numer = rest[:and_at], rest[and_at + 1:]
        nv = _int_value(numer)
        iv = _int_value(intpart)
        if nv < den:
            frac = nv / den
            last = intpart[-1]
            last_scale = SCALES.get(last) or SUFFIX_SCALES.get(last) if not last[0].isdigit() else None
            if mult != 1.0:
                # "one billion and a half million" adds; "two and a half million" scales it all
                return iv + frac * mult if last_scale else (iv + frac) * mult
            if last_scale and last_scale >= 1e6:
                return iv + frac * last_scale
            return iv + frac
        return (iv + nv) / den * mult
    return _int_value(rest) / den * mult


def _words_value(tokens: List[str]) -> float:
    for sep in (("over",), ("out", "of"), ("in",)):
        n = len(sep)
        for i in range(1, len(tokens) - n):
            if tuple(tokens[i:i + n]) == sep:
                num = _words_value(tokens[:i])
                den = _words_value(tokens[i + n:])
                if den == 0:
                    raise NotANumber("zero denominator")
                return num / den
    frac = _fraction_value(tokens)
    if frac is not None:
        return frac
    return _int_value(tokens)


def _parse(text: str) -> Optional[float]:
    s = _SPACES_RE.sub(" ", text).strip()
    if not s or len(s) > 300:
        return None
    sign = 1.0
    m = _SIGN_RE.match(s)
    if m and len(s) > m.end():
        if m.group("word") or m.group("sym") in ("-", "\u2212", "\u2013"):
            sign = -1.0
        s = s[m.end():].strip()
    m = _SCI_RE.match(s)
    if m:
        return sign * float(m.group(1)) * 10.0 ** int(m.group(2))
    m = _POW_RE.match(s)
    if m:
        neg = m.group(2).count("-") % 2 == 1
        exp = float(m.group(3)) * (-1 if neg else 1)
        return sign * math.pow(float(m.group(1)), exp)
    s = _VULGAR_RE.sub(lambda v: " " + VULGAR[v.group(1)], s).strip()
    m = _FRAC_DIGITS_RE.match(s)
    if m:
        whole = float(m.group(1)) if m.group(1) else 0.0
        den = float(m.group(3))
        if den == 0:
            return None
        scale = SCALES[m.group("scale").lower()] if m.group("scale") else 1.0
        return sign * (whole + float(m.group(2)) / den) * scale
    m = _DIGITS_RE.match(s)
    if m:
        v = _digit_value(m.group("num"))
        suf = m.group("suffix")
        if suf:
            sc = _suffix_scale(suf)
            if sc is None:
                return None
            v *= sc
        return sign * v
    low = s.lower().replace("-", " ").replace("\u2013", " ")
    if re.search(r"[^\sa-z0-9.,]", low):
        return None
    tokens = _TOKEN_RE.findall(low)
    if not tokens:
        return None
    # digits glued to a scale mark ("10k", "2mil", "1.2b")
    fixed: List[str] = []
    for t in tokens:
        g = re.fullmatch(r"(\d+(?:[.,]\d+)*)([a-z]+)", t)
        fixed.extend([g.group(1), g.group(2)] if g else [t])
    return sign * _words_value(fixed)


@lru_cache(maxsize=4096)
def parse_number(text: str) -> Optional[float]:
    """The value of a number expression, or None when it is not one (never raises).

    >>> parse_number("1.2 million"), parse_number("one hundred and twenty-three")
    (1200000.0, 123.0)
    """
    try:
        v = _parse(text)
    except NotANumber:
        return None
    except OverflowError:  # "9" * 400 as a float power, "1e99999"
        return None
    if v is None or not math.isfinite(v):
        return None
    return float(v)


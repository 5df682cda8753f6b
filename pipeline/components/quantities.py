"""Quantity expressions in news text: find them and normalize them (pure, no spaCy).

Two entry points:

- ``parse_number(text)``: the value of a number expression on its own ("14,307", "1.2 million",
  "one hundred and twenty-three", "two thirds", "1 over 3"), or None.
- ``find_quantities(text)``: every checkable quantity in a text, as ``Quantity`` objects with
  character offsets into ``text`` (money, percent, percentage points, counts, multipliers,
  durations, ages, fractions). Dates, years, times of day, ordinals, identifiers and vague
  amounts are left out. The claims stage refines what this finds with the parse.

Nothing here raises on odd input: every public function returns None or an empty list instead.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

_RES = Path(__file__).resolve().parent.parent / "resources"


def _read_lines(name: str) -> List[str]:
    """Non-empty, non-comment lines of a resource file (empty when the file is missing)."""
    try:
        raw = (_RES / name).read_text(encoding="utf-8")
    except OSError:
        return []
    out = []
    for line in raw.splitlines():
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(line.strip("\r"))
    return out


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
    "tn": 1e12, "tln": 1e12, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
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


def _time_units() -> Dict[str, str]:
    out: Dict[str, str] = {}
    for line in _read_lines("quantities_time_units.txt"):
        parts = line.split("\t")
        if len(parts) >= 2:
            out[parts[0].strip().lower()] = parts[1].strip().lower()
            out[parts[1].strip().lower()] = parts[1].strip().lower()
    return out


TIME_UNITS = _time_units()  # singular or plural -> plural
HYPHEN_STOP = {w.strip().lower() for w in _read_lines("quantities_hyphen_stop.txt")}
APPROX = sorted({w.strip().lower() for w in _read_lines("quantities_approx.txt")}, key=len,
                reverse=True)


def _currencies() -> Tuple[List[Tuple[str, str, float]], List[Tuple[str, str, float]]]:
    prefixes, words = [], []
    for line in _read_lines("quantities_currencies.txt"):
        parts = line.split("\t")
        if len(parts) < 4:
            continue
        kind, form, code, factor = (p.strip() for p in parts[:4])
        try:
            fac = float(factor)
        except ValueError:
            continue
        (prefixes if kind == "prefix" else words).append((form, code, fac))
    prefixes.sort(key=lambda x: len(x[0]), reverse=True)
    words.sort(key=lambda x: len(x[0]), reverse=True)
    return prefixes, words


CURRENCY_PREFIXES, CURRENCY_WORDS = _currencies()


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

APPROX_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(?P<approx>" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in APPROX)
    + r")\s+$", re.I) if APPROX else None

# ----------------------------------------------------------------------------------------------
# parse_number
# ----------------------------------------------------------------------------------------------

_SPACES_RE = re.compile(r"[\u00a0\u202f\u2009\u2007]")
_SIGN_RE = re.compile(r"^(?:(?P<word>minus|negative)\s+|(?P<sym>[-\u2212\u2013+])\s*)", re.I)
_SCI_RE = re.compile(r"^(\d+(?:\.\d+)?|\.\d+)[eE]([+-]?\d{1,6})$")
_POW_RE = re.compile(r"^(\d+(?:\.\d+)?)\s*\^\s*([+-]*)\s*(\d+(?:\.\d+)?)$")
_FRAC_DIGITS_RE = re.compile(r"^(?:(\d+)\s+)?(\d+)\s*/\s*(\d+)$")
_DIGITS_RE = re.compile(
    r"^(?P<num>\d{1,3}(?:(?P<sep>[, ])\d{3})(?:(?P=sep)\d{3})*(?:\.\d+)?|\d+(?:[.,]\d+)?|\.\d+)"
    r"\s*(?P<suffix>[A-Za-z]+)?$")
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")


def _digit_value(s: str) -> float:
    """'1,234,567' / '1 234 567' / '4.800' / '5,00' / '.08' -> float; raises ValueError."""
    s = s.strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?: \d{3})+(?:\.\d+)?", s):
        return float(s.replace(" ", ""))
    if re.fullmatch(r"\d+,\d+", s):  # a decimal comma: "5,00", "1,3"
        return float(s.replace(",", "."))
    if re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", s):
        return float(s)
    raise ValueError(s)


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
    """Value of a cardinal made of number words and digits; raises ValueError."""
    if not tokens:
        raise ValueError("empty")
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
        raise ValueError(tok)
    if not seen:
        raise ValueError("no number")
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
            raise ValueError(tok)
        i += 1
    if not digits:
        raise ValueError("no decimals")
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
            raise ValueError("tail")
        m = SCALES.get(t[0]) or (12.0 if t[0] in DOZENS else None) or SUFFIX_SCALES.get(t[0])
        if not m:
            raise ValueError("tail")
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
            if mult != 1.0:
                return iv + frac * mult
            last = intpart[-1]
            last_scale = SCALES.get(last) or SUFFIX_SCALES.get(last) if not last[0].isdigit() else None
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
                    raise ValueError("zero denominator")
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
    m = _FRAC_DIGITS_RE.match(s)
    if m:
        whole = float(m.group(1)) if m.group(1) else 0.0
        den = float(m.group(3))
        if den == 0:
            return None
        return sign * (whole + float(m.group(2)) / den)
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
    if not isinstance(text, str):
        return None
    try:
        v = _parse(text)
    except (ValueError, OverflowError, ZeroDivisionError, ArithmeticError, IndexError,
            TypeError):
        return None
    if v is None:
        return None
    try:
        v = float(v)
    except (OverflowError, ValueError):
        return None
    if not math.isfinite(v):
        return None
    return v


# ----------------------------------------------------------------------------------------------
# find_quantities
# ----------------------------------------------------------------------------------------------


@dataclass
class Quantity:
    """One quantity found in a text. ``text[start:end]`` is the reported span."""

    start: int
    end: int
    text: str
    value: float
    kind: str                      # money, percent, percentage_points, count, multiplier,
    #                                duration, age, other
    unit: Optional[str] = None
    approx: Optional[str] = None
    num_start: int = 0             # the number itself (without sign, scale, unit)
    num_end: int = 0
    noun: Optional[str] = None     # a guess at the counted noun (the word after the number)
    bare: bool = False             # a plain number with nothing around it
    words: bool = False            # written in words
    link: Optional[str] = None     # "pair" (52% to 46%), "range" (between 10 and 20)
    partner: Optional[int] = None  # index of the other member of a pair or range
    position: int = 0              # 0 = first of a pair or range, 1 = second
    confidence: float = 0.8
    extra: dict = field(default_factory=dict)


_NUMWORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
            r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
            r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)")
_WORDNUM = rf"{_NUMWORD}(?:(?:[ \t]+|[ \t]*-[ \t]*)(?:and[ \t]+)?{_NUMWORD})*"
CORE_RE = re.compile(
    r"(?P<dig>(?<![\w.,/:@#&\\^])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d]))"
    rf"|(?P<wrd>(?<![\w-])(?:an?[ \t]+(?=(?:dozen|hundred|thousand|million|billion|trillion)\b))?"
    rf"{_WORDNUM}(?![\w]))",
    re.I)
SCALE_AFTER_RE = re.compile(
    r"^(?:[ \t\u00a0]*-?[ \t]*(?P<sw>hundred|thousand|million|billion|trillion|lakh|crore|mln|bln|bn|mn|tn)"
    r"(?![A-Za-z])|(?P<sl>MM|bn|mn|m|M|b|B|k|K|tn|T)(?![A-Za-z\d]))")
PERCENT_AFTER_RE = re.compile(
    r"^(?:[ \t\u00a0]?(?:%|\uff05)|[ \t\u00a0]?-?[ \t]*(?:percent(?:age)?s?|per[ \t]?cent|pct\.?)"
    r"(?![A-Za-z]))", re.I)
PP_AFTER_RE = re.compile(
    r"^[ \t\u00a0]?-?[ \t]*(?:percentage|pct\.?|percent)[ \t-]+points?(?![A-Za-z])", re.I)
POINT_HYPHEN_RE = re.compile(r"^[ \t]?-[ \t]?points?(?![A-Za-z])", re.I)
POINT_WORD_RE = re.compile(r"^[ \t]+points?(?![A-Za-z])", re.I)
BASIS_POINTS_RE = re.compile(r"^(?:[ \t]+basis[ \t-]+points?|[ \t]?bps?)(?![A-Za-z])", re.I)
# "twice the rate", "twice Smith's total", "twice as many": a multiplier (not "arrested twice")
TWICE_RE = re.compile(
    r"(?<![\w-])(?P<w>twice|thrice)(?=[ \t]+(?:the|as|that|this|his|her|its|their|our|a|an|"
    r"[A-Z][\w.-]*(?:'s|\u2019s|'|\u2019))(?![A-Za-z]))")
# a demographic band, not someone's age: "18- to 34-year-olds", "aged 55 and over"
AGE_BAND_RIGHT_RE = re.compile(
    r"^(?:[ \t]?-?[ \t]*(?:to|and)[ \t]+\d{1,3}[ \t]?-?[ \t]*years?[ \t]?-?[ \t]*olds?"
    r"|[ \t]?-[ \t]*\d{1,3}[ \t]?-?[ \t]*years?[ \t]?-?[ \t]*olds"
    r"|[ \t]+(?:and|or)[ \t]+(?:over|older|above|under|younger|up)(?![A-Za-z])"
    r"|[ \t]?(?:\+|plus)(?![A-Za-z]))", re.I)
AGE_BAND_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:aged|ages|over|under|between)[ \t]+$", re.I)
# a rate's denominator ("12 cases per 100,000 people") and numbers that are dialled
PER_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:per|every)[ \t]+$", re.I)
DIAL_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:call|calls|calling|called|dial|dials|dialing|dialling|"
                          r"dialled|dialed|text|texting)[ \t]+$", re.I)
# "1.5m people", "7.58m": a scale letter without a currency when it cannot be metres
SCALE_LETTER_COUNT_RE = re.compile(r"^[ \t]+(?:[a-z]+[ \t]+)?(?:people|[a-z]+s)(?![A-Za-z])")
LENGTH_WORDS_RE = re.compile(
    r"^[ \t]?-?[ \t]*(?:long|tall|high|deep|wide|race|sprint|hurdles?|freestyle|metres?|meters?|"
    r"relay|dash|run|swim|away|above|below|in[ \t]+(?:length|height|width|diameter))(?![A-Za-z])",
    re.I)
TENOR_NOUNS = {w.strip().lower() for w in _read_lines("quantities_tenor_nouns.txt")}
_TENOR_RE = re.compile(
    r"^[ \t]?-[ \t]?(?:year|month|week|day)[ \t]+(?:(?:[A-Z][A-Za-z.]*|benchmark|government|"
    r"fixed|fixed-rate|interest|inflation-linked|zero-coupon)[ \t]+){0,2}(?P<n>[A-Za-z]+)")
MARGIN_NOUNS = {"lead", "leads", "advantage", "edge", "margin", "gap", "deficit", "swing",
                "drop", "gain", "increase", "decrease", "jump", "rise", "fall", "decline",
                "lead,", "cushion", "spread", "bounce"}
TIMES_AFTER_RE = re.compile(r"^(?:[ \t]+times(?![A-Za-z])|[ \t]?-[ \t]?fold(?![A-Za-z])|x(?=\s))",
                            re.I)
AGE_AFTER_RE = re.compile(r"^[ \t]?-[ \t]?years?[ \t]?-[ \t]?old(?!s)(?![A-Za-z])|^[ \t]years?[ \t]old(?!s)(?![A-Za-z])", re.I)
AGE_GROUP_RE = re.compile(r"^[ \t]?-[ \t]?years?[ \t]?-[ \t]?olds", re.I)
HYPHEN_WORD_RE = re.compile(r"^-(?P<w>[A-Za-z]+)(?![\w-]*-(?:old|olds)\b)")
NEXT_WORD_RE = re.compile(r"^[ \t\u00a0]+(?P<w>[A-Za-z][A-Za-z'\u2019-]*)")
MONTHS = ("jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|"
          "sept|september|oct|october|nov|november|dec|december")
MONTH_BEFORE_RE = re.compile(rf"(?<![A-Za-z])(?:{MONTHS})\.?,?[ \t]+(?:\d{{1,2}}[ \t]*[-\u2013][ \t]*)?$", re.I)
MONTH_AFTER_RE = re.compile(rf"^(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:{MONTHS})(?![A-Za-z])", re.I)
WEEKDAY_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\.?,?[ \t]+$", re.I)
TIME_AFTER_RE = re.compile(
    r"^(?::\d|[ \t]?(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|GMT|UTC|EDT|EST|PDT|PST|CET|BST|ET|PT)(?![A-Za-z]))",
    re.I)
ORDINAL_AFTER_RE = re.compile(r"^(?:st|nd|rd|th)(?![A-Za-z])", re.I)
STOP_BEFORE_RE = re.compile(
    r"(?:(?<![A-Za-z])(?:No|Nos|Number|Nr|Vol|Ch|Sec|Art|Rte|Route|Highway|Hwy|Interstate|"
    r"Channel|Room|Suite|Apt|Flight|Proposition|Prop|Measure|Article|Section|Chapter|Title|"
    r"Amendment|Page|Pages|pp|p|Act|Bill|Rule|Level|Category|District|Ward|Precinct|Unit|"
    r"Gate|Platform|Box|Lot|Exit|Phase|Stage|Version|Model|Series|Episode|Season|Week|"
    r"Game|Round|Day|Year|Grade|Class|Zone|Region|Area|Step|Item|Figure|Fig|Table|"
    r"Line|Lines|Bus|Pier|Terminal|Track|Ext|Tel|Fax|Ph|Code|Calibre|Caliber)\.?[ \t]*#?$)"
    r"|(?:#[ \t]*$)|(?:[A-Za-z][-\u2013]$)|(?:'$)|(?:\u2019$)|(?:\d[/.]$)|(?:\d{4}[-\u2013]$)"
    r"|(?:\d[-.]\d+[-.]$)|(?:[A-Za-z]\d*$)",
    re.I)
AFTER_REJECT_RE = re.compile(
    r"^(?:[/.^]\d|-\d{2}-\d|[-.]\d{3}[-.]\d{4}|s(?![A-Za-z])|'s\b|\u2019s\b|\d)")
GLUED_LETTER_RE = re.compile(r"^[A-Za-z\u00b0]")
ADDRESS_AFTER_RE = re.compile(
    r"^[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z][a-z]+[ \t]+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|"
    r"Blvd|Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct|Highway|Hwy|Parkway|Pkwy|Square|Terrace)\b\.?")
LEFT_VAGUE_RE = re.compile(r"(?<![A-Za-z])(?:few|several|many|couple[ \t]+of|some|tens[ \t]+of|"
                           r"hundreds[ \t]+of|thousands[ \t]+of|a[ \t]+couple)[ \t]+$", re.I)
AGE_LEFT_RE = re.compile(r"(?:[A-Z][a-z'\u2019.-]+|[A-Z]\.),[ \t]$")
AGED_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:aged|age|ages)[ \t]+$", re.I)
YEAR_RE = re.compile(r"^(?:1[0-9]|20)\d\d$")
URLISH_RE = re.compile(r"(?:://|www\.|@|=|\?|&|_|\\)")
CAP_WORD_BEFORE_RE = re.compile(r"(?<![\w])(?P<w>[A-Z][\w&.\u2019'-]*)[ \t]+$")
BETWEEN_GAP_RE = re.compile(r"^[ \t]*(?:-|\u2013|\u2014|to|and|or|vs\.?|versus|through)[ \t]*$",
                            re.I)
RANGE_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:between|from|range[ \t]+of|ranging[ \t]+from)[ \t]+$",
                           re.I)
RANGE_OF_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:of|at|be|is|was|were|expects?|expected|sees?|"
                              r"forecasts?|projects?|estimates?|guidance|targets?)[ \t]+$", re.I)
SCORE_CONTEXT_RE = re.compile(
    r"(?<![A-Za-z])(?:won|win|wins|beat|beats|defeated|lost|loses|lose|score|scored|led|lead|"
    r"leads|trail|trailed|trails|vote|votes|voted|tally|margin|deadlock|tie|tied|split|record|"
    r"victory|loss|draw|edge|ruling|decision|majority)(?![A-Za-z])", re.I)
FRACTION_RE = re.compile(
    r"(?<![\w.,-])(?P<all>(?P<num>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
    r"[ \t]+(?:in|out[ \t]+of)[ \t]+"
    r"(?P<den>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"hundred|a[ \t]+hundred|\d{1,4}))(?![\w])"
    r"|(?<![\w-])(?P<fw>(?:(?:an?|one|two|three|four|five|six|seven|eight|nine)[ \t-]+"
    r"(?:half|third|quarter|fourth|fifth|sixth|eighth|tenth)s?)|half|two-thirds|three-quarters|"
    r"three-fourths)(?=[ \t]+of[ \t])",
    re.I)
# "the second half of the year", "the first quarter of": a part of a period, not a share
_NOT_PLAIN_RE = re.compile(r"[^\d \t\n,;().%]")
_SPACE_RE = re.compile(r"\s")
_NOT_PLAIN_RIGHT_RE = re.compile(r"[^\d \t\n,;()]")
_DATE_CHUNK_RE = re.compile(r"\d[-/.]\d+[-/.]\d")
_COLON_LEFT_RE = re.compile(r"\d[ \t]*:[ \t]*$")
HALF_PERIOD_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:the|first|second|third|fourth|final|last|latter|other|top|bottom)[ \t]+$",
    re.I)
NEGATIVE_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?:minus|negative)[ \t]+$", re.I)
PERCENT_OF_RE = re.compile(
    r"(?<![\w.%])(?P<pw>percents?|per[ \t]?cents?)[ \t]+of[ \t]+"
    rf"(?P<n>\d+(?:\.\d+)?|{_WORDNUM})(?![\w%])", re.I)
STOP_NEXT = {
    "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "nor", "is",
    "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could",
    "should", "can", "may", "might", "must", "shall", "do", "does", "did", "the", "a", "an",
    "that", "this", "these", "those", "than", "as", "per", "if", "so", "because", "when", "who",
    "which", "what", "where", "while", "into", "onto", "over", "under", "after", "before",
    "since", "until", "about", "against", "among", "between", "through", "during", "without",
    "within", "along", "across", "behind", "beyond", "up", "down", "out", "off", "again",
    "more", "less", "most", "least", "each", "other", "another", "such", "no", "not", "only",
    "own", "same", "too", "very", "just", "also", "still", "then", "there", "here", "it", "its",
    "he", "she", "they", "them", "we", "us", "you", "i", "his", "her", "their", "our", "your",
    "my", "me", "him", "say", "says", "said", "all", "both", "either", "neither", "ago",
    "apiece", "each", "times", "a.m", "p.m", "am", "pm", "s", "percent", "per", "yet",
}


def _approx_before(text: str, pos: int) -> Tuple[Optional[str], int]:
    if APPROX_BEFORE_RE is None:
        return None, pos
    left = text[max(0, pos - 30):pos]
    m = APPROX_BEFORE_RE.search(left)
    if not m:
        return None, pos
    word = re.sub(r"\s+", " ", m.group("approx").lower())
    return word, pos - (len(left) - m.start("approx"))


def _currency_before(text: str, pos: int) -> Tuple[Optional[str], float, int]:
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


def _currency_after(text: str, pos: int) -> Tuple[Optional[str], float, int]:
    m = CURRENCY_AFTER_RE.match(text[pos:pos + 40])
    if not m:
        return None, 1.0, pos
    form = re.sub(r"\s+", " ", m.group("cur").lower())
    code, fac = _WORD_INDEX.get(form, (None, 1.0))
    if code is None:
        form2 = re.sub(r"\s*\.\s*", ".", form)
        code, fac = _WORD_INDEX.get(form2, ("USD", 1.0))
    return code, fac, pos + m.end()


def _clean_word_core(text: str, s: int, e: int) -> Tuple[int, int]:
    """Cut a word-number match at an 'and' that does not follow a scale word."""
    chunk = text[s:e]
    words = list(re.finditer(r"[A-Za-z]+", chunk))
    for i, w in enumerate(words):
        if w.group().lower() == "and" and i > 0:
            prev = words[i - 1].group().lower()
            if prev not in ("hundred", "thousand", "million", "billion", "trillion"):
                return s, s + words[i - 1].end()
    # trailing hyphen/space cleanup
    return s, e


def code_is_major(code: Optional[str]) -> bool:
    return code is not None


def _plural(word: str) -> str:
    w = word.lower()
    if w in ("person",):
        return "people"
    if w.endswith("s"):
        return w
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("ch", "sh", "x")):
        return w + "es"
    return w + "s"


def _sentence_start(text: str, pos: int) -> bool:
    left = text[max(0, pos - 4):pos]
    return pos == 0 or bool(re.search(r"(?:^|[.!?\"\u201c\u201d'\n:;]\s*|\n\s*)$", left)) \
        and not re.search(r"[A-Za-z]\s+$", left)


def find_quantities(text: str) -> List[Quantity]:
    """Every checkable quantity in ``text``, in order (never raises)."""
    if not isinstance(text, str) or not text:
        return []
    try:
        return _find(text)
    except Exception:  # noqa: BLE001 - a quantity finder must never cost a whole article
        return []


def _find(text: str) -> List[Quantity]:
    out: List[Quantity] = []
    taken: List[Tuple[int, int]] = []
    early: List[Tuple[int, int]] = []

    early_starts: List[int] = []
    early_ends: List[int] = []

    def overlaps(s: int, e: int) -> bool:
        # earlier passes (fractions, "percent of"): sorted spans, found by bisection; the core
        # pass only grows at the end
        if early_starts:
            k = bisect.bisect_left(early_starts, e) - 1
            while k >= 0 and early_starts[k] >= s - 200:
                if s < early_ends[k]:
                    return True
                k -= 1
        return bool(taken and len(taken) > len(early) and s < taken[-1][1] and taken[-1][0] < e)

    # fractions first: "one in three", "two-thirds of"
    for m in FRACTION_RE.finditer(text):
        if m.group("all"):
            num = parse_number(m.group("num"))
            den_txt = m.group("den")
            if YEAR_RE.match(den_txt):  # "121 in 2022": a count and a year
                continue
            den = parse_number(den_txt)
            if num is None or not den or num >= den:
                continue
            s, e = m.start("all"), m.end("all")
            value = num / den
        else:
            s, e = m.start("fw"), m.end("fw")
            if m.group("fw")[0].isupper() and not _sentence_start(text, s):
                continue
            value = parse_number(m.group("fw"))
            if value is None or value >= 1:
                continue
            if HALF_PERIOD_LEFT_RE.search(text[max(0, s - 20):s]):
                continue
        approx, _ = _approx_before(text, s)
        out.append(Quantity(s, e, text[s:e], float(value), "other", "fraction", approx, s, e,
                            confidence=0.7))
        taken.append((s, e))

    for m in TWICE_RE.finditer(text):
        s, e = m.start("w"), m.end("w")
        approx, _ = _approx_before(text, s)
        value = 2.0 if m.group("w").lower() == "twice" else 3.0
        out.append(Quantity(s, e, text[s:e], value, "multiplier", "times", approx, s, e,
                            words=True, confidence=0.6))
        taken.append((s, e))

    for m in PERCENT_OF_RE.finditer(text):
        left = text[max(0, m.start() - 25):m.start()]
        if re.search(r"(?:\d|%|\b(?:" + _NUMWORD + r"))[ \t]*$", left, re.I):
            continue
        value = parse_number(m.group("n"))
        if value is None:
            continue
        s, e = m.start(), m.end()
        out.append(Quantity(s, e, text[s:e], float(value), "percent", "percent", None,
                            m.start("n"), m.end("n"), confidence=0.6))
        taken.append((s, e))

    early = list(taken)
    out = [q for q in out if not _junk(text, q)]
    taken = [(q.start, q.end) for q in out]
    early = list(taken)
    for ts, te in sorted(early):
        early_starts.append(ts)
        early_ends.append(te)
    blobs = _blob_runs(text)
    blob_starts = [a for a, _ in blobs]
    for m in CORE_RE.finditer(text):
        if blobs:
            k = bisect.bisect_right(blob_starts, m.start()) - 1
            if k >= 0 and m.end() <= blobs[k][1]:
                continue  # digits inside a base64 blob, a hash, a long key
        q = _one(text, m)
        if q is None or overlaps(q.start, q.end) or _junk(text, q):
            continue
        out.append(q)
        taken.append((q.start, q.end))

    out.sort(key=lambda q: q.start)
    _link(text, out)
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


def _junk(text: str, q: "Quantity") -> bool:
    """Digits that the number rules would keep but that are not a figure in any reading."""
    s, e = q.num_start, q.num_end
    if q.words or e <= s:
        return False
    after = text[e:e + 4]
    if _SCI_AFTER_RE.match(after) or _COMMA_DIGIT_AFTER_RE.match(after) or _DOTS_AFTER_RE.match(after):
        return True
    if _DOTS_BEFORE_RE.search(text[max(0, s - 4):s]):
        return True
    if "{" in text[max(0, s - 40):s] and _in_braces(text, s, e):
        return True
    return False


def _one(text: str, m: "re.Match[str]") -> Optional[Quantity]:
    is_words = m.group("wrd") is not None
    lone_one = False
    ns, ne = m.start(), m.end()
    if not is_words:
        fast = _plain_number(text, ns, ne)
        if fast is not False:
            return fast
    if is_words:
        ns, ne = _clean_word_core(text, ns, ne)
        core = text[ns:ne]
        low = core.lower()
        first = low.split()[0] if low.split() else low
        # "one" alone, "a dozen"-less scale words ("thousand"), names ("Big Ten")
        lone_one = low in ("one", "zero", "nil")
        if first in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
            return None
        if core[0].isupper() and not _sentence_start(text, ns):
            return None
        if LEFT_VAGUE_RE.search(text[max(0, ns - 20):ns]):
            return None
    core = text[ns:ne]
    n_len = len(text)

    # ---- left-context rejections (digits)
    left = text[max(0, ns - 40):ns]
    # nothing but digits and spacing on the left: none of the left-context rules can apply
    # (keeps number-only text fast)
    plain = not is_words and not _NOT_PLAIN_RE.search(left)
    if not is_words:
        near = left[-24:]  # the anchored left-context patterns are short
        if not plain and STOP_BEFORE_RE.search(near):
            # but "$5" etc. are fine: currency handled below; STOP_BEFORE only hits letters/#
            cur_code, _, _ = _currency_before(text, ns)
            if cur_code is None:
                return None
        lo = max(0, ns - 200)
        chunk_s = max(text.rfind(" ", lo, ns), text.rfind("\n", lo, ns), lo - 1) + 1
        chunk_e_m = _SPACE_RE.search(text, ne, ne + 200)
        chunk = text[chunk_s:chunk_e_m.start() if chunk_e_m else min(n_len, ne + 200)]
        if (not chunk.isdigit() and URLISH_RE.search(chunk)) or _DATE_CHUNK_RE.search(chunk):
            return None
        if not plain and (MONTH_BEFORE_RE.search(near) or WEEKDAY_BEFORE_RE.search(near)
                          or _COLON_LEFT_RE.search(near) or PER_LEFT_RE.search(near)):
            return None

    # ---- scale
    pos = ne
    scale_txt = ""
    scale_is_letter = False
    sm = SCALE_AFTER_RE.match(text[pos:pos + 20])
    if sm and not (is_words and sm.group("sl")):
        scale_is_letter = bool(sm.group("sl"))
        scale_txt = text[pos:pos + sm.end()]
        pos = pos + sm.end()

    # ---- currency before
    cur_code, cur_fac, cur_start = (None, 1.0, ns) if plain else _currency_before(text, ns)
    if scale_is_letter and cur_code is None:
        # "10k" without money is usually a race or a file size; "5m" metres
        if sm.group("sl").lower() in ("m", "b", "k", "t"):
            after = text[pos:pos + 40]
            decimal = "." in core and sm.group("sl") in ("m", "b")
            if is_words or LENGTH_WORDS_RE.match(after) or not (
                    decimal or (sm.group("sl") == "m" and SCALE_LETTER_COUNT_RE.match(after))):
                return None
    number_text = core + scale_txt
    value = parse_number(number_text.replace("\n", " "))
    if value is None:
        return None

    right = text[pos:pos + 60]
    kind = "count"
    unit: Optional[str] = None
    end = pos
    span_start = ns
    noun: Optional[str] = None
    bare = False

    # ---- right-context rejections
    if not is_words and not scale_txt:
        if ORDINAL_AFTER_RE.match(right) or TIME_AFTER_RE.match(right) or AFTER_REJECT_RE.match(right):
            return None
        if MONTH_AFTER_RE.match(right):
            return None
        if GLUED_LETTER_RE.match(right) and cur_code is None:
            return None
        if ADDRESS_AFTER_RE.match(right):
            return None
    if not is_words and scale_txt and GLUED_LETTER_RE.match(right):
        return None

    if cur_code is not None:
        kind, unit = "money", cur_code
        value *= cur_fac
        span_start = cur_start
        # "$5 billion" already; "$ 70 - a - share" stays "$ 70"
    else:
        cm = None
        code, fac, cend = _currency_after(text, pos)
        if code is not None:
            kind, unit = "money", code
            value *= fac
            end = cend
            # "3 dollars 50 cents" / "thirteen dollars and forty-five cents"
            cents = re.match(
                r"^[ \t]+(?:and[ \t]+)?(?P<n>\d{1,2}|[A-Za-z]+(?:[ -][A-Za-z]+)?)[ \t]+cents?(?![A-Za-z])",
                text[end:end + 40])
            if not cents:
                cents = re.match(
                    r"^[ \t]+(?:and[ \t]+)?(?P<n>\d{1,2}|(?:twenty|thirty|forty|fifty|sixty|seventy|"
                    r"eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|"
                    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"(?:thir|four|fif|six|seven|eigh|nine)teen)(?=[ \t]*(?:[.,;!?]|$)|[ \t]+and\b)",
                    text[end:end + 40], re.I)
            if cents and fac == 1.0 and code_is_major(code):
                cv = parse_number(cents.group("n"))
                if cv is not None and 0 < cv < 100:
                    value += cv / 100.0
                    end = end + cents.end()
        elif BASIS_POINTS_RE.match(right) and not is_words or BASIS_POINTS_RE.match(right) and \
                re.match(r"^[ \t]+basis", right):
            pm = BASIS_POINTS_RE.match(right)
            kind, unit = "percentage_points", "basis points"
            end = pos + pm.end()
        elif PP_AFTER_RE.match(right):
            pm = PP_AFTER_RE.match(right)
            kind, unit = "percentage_points", "points"
            end = pos + pm.end()
        elif PERCENT_AFTER_RE.match(right):
            pm = PERCENT_AFTER_RE.match(right)
            kind, unit = "percent", "percent"
            end = pos + pm.end()
        elif TIMES_AFTER_RE.match(right):
            tm = TIMES_AFTER_RE.match(right)
            if right[:1] == "x" and is_words:
                return None
            kind, unit = "multiplier", "times"
            end = pos + tm.end()
        elif AGE_BAND_RIGHT_RE.match(right) and (
                re.match(r"^[ \t]?-", right) or AGE_BAND_LEFT_RE.search(left)):
            return None
        elif AGE_AFTER_RE.match(right):
            kind, unit = "age", "years"
        elif AGE_GROUP_RE.match(right):
            return None
        elif POINT_HYPHEN_RE.match(right):
            after = right[POINT_HYPHEN_RE.match(right).end():]
            nw = NEXT_WORD_RE.match(after)
            if nw and nw.group("w").lower() in MARGIN_NOUNS:
                kind, unit = "percentage_points", "points"
            else:
                kind, unit = "count", "points"
        elif POINT_WORD_RE.match(right):
            kind, unit = "count", "points"
            noun = "points"
            end = pos + POINT_WORD_RE.match(right).end()
        else:
            hm = HYPHEN_WORD_RE.match(right)
            nw = NEXT_WORD_RE.match(right)
            if hm:
                w = hm.group("w").lower()
                if w in TIME_UNITS:
                    tm = _TENOR_RE.match(right)
                    if tm and tm.group("n").lower() in TENOR_NOUNS:
                        return None  # "the 10-year Treasury note": a maturity that names a bond
                    kind, unit = "duration", TIME_UNITS[w]
                elif w in ("cent",):
                    kind, unit = "money", "USD"
                    value *= 0.01
                    end = pos + hm.end()
                elif w in HYPHEN_STOP or w in ("year",) or w in STOP_NEXT:
                    if w == "fold":
                        kind, unit = "multiplier", "times"
                        end = pos + hm.end()
                    else:
                        return None
                elif re.match(r"^-[A-Za-z]+-", right) and w not in TIME_UNITS:
                    # "one-on-one", "50-year-old"-like chains other than ages
                    code, fac, cend = _currency_after(text, pos)
                    return None
                else:
                    kind, unit = "count", _plural(w)
                    noun = unit
                    # currency word after a hyphen ("one-yen")
            elif nw:
                w = nw.group("w")
                wl = w.lower().rstrip("'\u2019")
                if wl in TIME_UNITS:
                    if re.match(r"^[ \t]+\w+[ \t]+ago\b", right, re.I):
                        return None
                    kind, unit = "duration", TIME_UNITS[wl]
                elif wl in STOP_NEXT or w[0].isupper():
                    bare = True
                else:
                    noun = wl
            else:
                bare = True

    # ---- things that are not figures
    if kind == "count" and bare:
        if is_words:
            return None
        digits = core.replace(",", "")
        if YEAR_RE.match(digits) and "," not in core and "." not in core:
            return None
        if re.match(r"^[ \t]+[A-Z]{2,}\b", right) and len(digits) >= 3 and "," not in core:
            return None  # a model number: "737 MAX"
        # a plain number right after a capitalized word that is not a sentence start: a name
        if not plain and DIAL_LEFT_RE.search(left[-16:]):
            return None
        cw = None if plain else CAP_WORD_BEFORE_RE.search(left)
        if re.match(r"^[-\u2013]\d", right):
            cw = None  # a score or tally after a name: "the Celtics 112-104"
        if cw and re.search(r"(?:'s|\u2019s|s'|s\u2019)$", cw.group("w")):
            cw = None  # a possessive: "to Smith's 53,118"
        if cw and not _sentence_start(text, ns - len(cw.group(0))):
            w = cw.group("w")
            if w.lower() not in ("the", "about", "nearly", "some", "over", "almost", "only",
                                 "just", "all", "by", "to", "of", "with", "at", "and", "or",
                                 "from", "than", "another", "another", "those", "these"):
                return None
        if plain:
            pass
        elif AGED_LEFT_RE.search(left) and 0 < value < 125 and "." not in core:
            if AGE_BAND_RIGHT_RE.match(right):
                return None
            kind, unit = "age", "years"
        elif (AGE_LEFT_RE.search(left) and re.match(r"^[ \t]?,", right) and 0 < value < 125
              and "." not in core and "," not in core):
            kind, unit = "age", "years"
    if kind == "count" and not bare and noun is not None and not is_words:
        digits = core.replace(",", "")
        if YEAR_RE.match(digits) and "," not in core and "." not in core and not scale_txt:
            # "the 2022 election", "2020 levels": a year used as a modifier
            if not noun.endswith("s") or noun in ("elections", "levels", "figures", "results",
                                                   "games", "olympics", "midterms"):
                return None
        cw = None if plain else CAP_WORD_BEFORE_RE.search(left)
        if cw and not _sentence_start(text, ns - len(cw.group(0))) and not scale_txt:
            w = cw.group("w")
            if w[1:].lower() != w[1:] or w.lower() not in (
                    "the", "about", "nearly", "some", "over", "almost", "only", "just", "all",
                    "by", "to", "of", "with", "at", "and", "or", "from", "than", "another",
                    "those", "these", "its", "their", "his", "her", "our"):
                if not re.match(r"^[A-Z][a-z]+$", w) or w.lower() in ("route", "highway"):
                    return None
                # "Airbus 320 jets" vs "Okafor 24,000 votes" (rare): keep only with a comma number
                if "," not in core:
                    return None
    if is_words and kind == "count" and noun is None and unit is None:
        return None
    if is_words and lone_one and kind not in ("money", "percent", "multiplier"):
        return None

    neg = None if plain else NEGATIVE_BEFORE_RE.search(text[max(0, span_start - 12):span_start])
    if neg and kind in ("percent", "money", "count", "other"):
        value = -value
        span_start -= len(neg.group(0))
    approx = None if plain else _approx_before(text, span_start)[0]
    words = is_words
    conf = {"money": 0.9, "percent": 0.9, "percentage_points": 0.85, "multiplier": 0.8,
            "duration": 0.75, "age": 0.85, "count": 0.75 if not bare else 0.6}.get(kind, 0.6)
    q = Quantity(span_start, end, text[span_start:end], float(value), kind, unit, approx, ns,
                 ne, noun=noun, bare=bare and kind == "count", words=words, confidence=conf)
    if not math.isfinite(q.value):
        return None
    return q


def _plain_number(text: str, ns: int, ne: int):
    """Fast path for a digit number with only digits and spacing around it (tables, number-only
    lines): the full rules would find a bare count, so build it directly. False when the context
    is not plain (the caller runs the full rules); None when it is not a quantity.

    Every left- and right-context rule of ``_one`` is anchored next to the number (only spacing
    in between), so 16 characters either side decide whether one of them could apply.
    """
    if _NOT_PLAIN_RE.search(text, ns - 16 if ns > 16 else 0, ns) or \
            _NOT_PLAIN_RIGHT_RE.search(text, ne, ne + 16) or text[ne:ne + 1].isdigit():
        return False
    if text[ns - 1:ns] == "." or text[ne:ne + 1] == ".":
        return False  # "1.2.3", "5. 6": let the full rules look at the whole chunk
    core = text[ns:ne]
    if YEAR_RE.match(core):
        return None
    value = parse_number(core)
    if value is None:
        return None
    return Quantity(ns, ne, core, value, "count", None, None, ns, ne, None, True, False,
                    confidence=0.6)


def _link(text: str, qs: List[Quantity]) -> None:
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

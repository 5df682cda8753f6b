"""Written forms found before the main number pass (pure, no spaCy): word fractions ("two-thirds
of", "one in five"), digit and vulgar fractions ("5/32", "2-1/2", "3 \u00bc million"), "once",
"twice" (a multiplier before "as", "the", a comparative; else a count of times), "sixfold" and
"to double",
"percent of 40", clock durations ("in 2:47"), scientific notation ("1.2e6"), periods without
digits ("another year", "a quarter century"), "mother-of-three", and phone numbers and gallery
counters ("Photo 3 of 12"), which are blocked so that no part of them becomes a figure.

``early_forms(text)`` gives (start, end, fields) in text order, overlapping forms removed;
``fields`` is None for a blocked span, else the keyword arguments of a ``Quantity``.
"""

from __future__ import annotations

import heapq
import re
from typing import Iterator, List, Optional, Tuple

from .. import wordlists
from .currency import currency_before
from .lexicon import (
    AGE_AFTER_RE,
    DATING_AFTER_RE,
    FRACTION_RE,
    HALF_PERIOD_LEFT_RE,
    NEXT_WORD_RE,
    NUMWORD,
    PERCENT_AFTER_RE,
    PERCENT_OF_RE,
    TIMES_AFTER_RE,
    TIME_AFTER_RE,
    TIME_UNITS,
    YEAR_RE,
    approx_before,
    sentence_start,
    times_kind,
)
from .parse import VULGAR, parse_number

Form = Tuple[int, int, Optional[dict]]

# "twice the rate", "won twice" (a multiplier in "times"; "three times" is found by the main pass)
_TWICE_RE = re.compile(r"(?<![\w-])(?P<w>[Tt]wice|[Tt]hrice)(?![\w-])")
_THINK_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:think|thinks|thought|thinking)[ \t]+$", re.I)
# "once" is a count only where it cannot be the conjunction ("once the bill passes") or an idiom
# ("at once", "once again", "once upon a time", "once in a while")
_PERIOD = (r"(?:second|minute|hour|day|week|fortnight|month|quarter|season|year|decade|century|"
           r"term|game|match|lifetime|generation)s?")
_ONCE_RE = re.compile(
    r"(?<![\w-])(?P<w>once)(?="
    r"[ \t]+in[ \t]+\d"
    r"|[ \t]+(?:(?:a|an|per|every|each)[ \t]+(?:few[ \t]+|couple[ \t]+of[ \t]+)?"
    rf"{_PERIOD}|last|since|before|during|so[ \t]+far|or[ \t]+twice|and(?![ \t]+for[ \t]+all))"
    r"(?![\w-]))")
_ONCE_LEFT_STOP_RE = re.compile(r"(?<![A-Za-z])(?:at|for|all|of)[ \t]+$", re.I)
_FOLD_RE = re.compile(rf"(?<![\w-])(?P<n>{NUMWORD}|\d+(?:\.\d+)?)fold(?![\w-])", re.I)
# digit fractions: a denominator that is a power of two ("5/32" in bond prices, "2-1/2 points");
# "24/7", "9/11" and dates are no fractions
_DIGIT_FRACTION_RE = re.compile(
    r"(?<![\w.,/\-])(?:(?P<whole>\d{1,3})(?:[ \t]+|-))?(?P<num>\d{1,2})/(?P<den>2|4|8|16|32|64)"
    r"(?![\w/]|[.,\-]\d)")
_VULGAR_RE = re.compile(
    r"(?<![\w.,])(?:(?P<whole>\d{1,3}(?:,\d{3})*)[ \t\u00a0]?)?[" + "".join(VULGAR) + r"]"
    r"(?![\w\u00b2\u00b3])")
_TIME_UNIT_AFTER_RE = re.compile(r"^[ \t]?-?[ \t]?(?P<u>[A-Za-z]+)(?![A-Za-z])")
_DATE_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:on|since|until|by|from|dated)[ \t]+$", re.I)
_SCALE_WORD_RE = re.compile(r"^[ \t]+(?P<w>thousand|million|billion|trillion)(?![A-Za-z])", re.I)
# "finished in 2:47", "a time of 1:02:33": a clock reading after a duration cue; "at 2:47 p.m." is a
# time of day
_CLOCK_RE = re.compile(
    r"(?<![\w:.])(?P<a>\d{1,2}):(?P<b>[0-5]\d)(?::(?P<c>[0-5]\d))?(?P<frac>\.\d{1,3})?"
    r"(?![\w:]|\.\d)")
_CLOCK_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:in|of|clocked|timed|ran|run|runs|finished|finishing|posted|lasted|took|"
    r"record|best|winning)[ \t]+$", re.I)
_CLOCK_WHEN_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:at|by|until|till|from|since|before|after)[ \t]+$",
                                 re.I)
_HOURS_CONTEXT_RE = re.compile(
    r"(?<![A-Za-z])(?:marathons?|ironman|triathlons?|hours?|games?|match|film|movie|flight|drive|"
    r"ride|hike|ultra|stage|trial|session|meeting|debate|speech)(?![A-Za-z])", re.I)
_SCI_RE = re.compile(r"(?<![\w.$\u00a3\u20ac\u00a5])(?:\d{1,3}\.\d+[eE]|\d{1,3}e)[+-]?\d{1,2}(?![\w]|\.\d)")
# phone numbers: "+44 20 7946 0958", "(212) 555-0134", "020 7946 0958", "1-800-555-0199"
_PHONE_RE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[ .\-]?(?:\(\d{1,4}\)[ .\-]?)?\d{1,4}(?:[ .\-]\d{2,4}){1,4}"
    r"|\(\d{2,5}\)[ .\-]?\d{3,4}[ .\-]?\d{3,4}"
    r"|0\d{2,4}[ .\-]\d{3,4}[ .\-]?\d{3,4}"
    r"|1[ .\-]\d{3}[ .\-]\d{3}[ .\-]\d{4}"
    r"|\d{3}[.\-]\d{3}[.\-]\d{4})(?![\w]|[.\-]\d)")


# a period with no digits: "another year", "at least a year" (after an approximation word only:
# "$5 a year" is a rate), "a quarter century", "a third of a century", "half an hour", "a
# half-century"
_PERIOD_UNITS = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century)"
_ANOTHER_RE = re.compile(r"(?<![\w-])(?:[Aa]nother)[ \t]+(?P<u>week|month|year|decade|hour)(?![\w-])")
_A_PERIOD_RE = re.compile(rf"(?<![\w-])[Aa]n?[ \t]+(?P<u>{_PERIOD_UNITS})(?![\w-])")
_PART_PERIOD_RE = re.compile(
    rf"(?<![\w-])(?:[Aa]n?[ \t]+(?P<f>quarter|half|third)[ \t-]+(?:of[ \t]+an?[ \t]+)?"
    rf"(?P<u>century|decade|hour|day|year)"
    rf"|(?P<h>[Hh]alf)[ \t]+an?[ \t]+(?P<u2>{_PERIOD_UNITS}))(?![\w-])")
_PARTS = {"quarter": 0.25, "half": 0.5, "third": 1 / 3}
# what "one half of" makes someone a member of: "one half of the folk duo", "of the Friday show"
_DUO_AFTER_RE = re.compile(
    r"[ \t]+of[ \t]+(?:the|a|an)[ \t]+(?:[\w'\u2019-]+[ \t]+){0,4}(?:duo|pair|couple|partnership|"
    r"double[ \t]+act|act|team|show|band|programme|program)(?![A-Za-z])", re.I)
_RANK_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?:no\.?|number|top)[ \t]+$", re.I)
# a whole number and a part: "three and a half hours", "one and a half times", "2-and-a-half-year"
_AND_A_PART_RE = re.compile(
    rf"(?<![\w-])(?P<n>{NUMWORD}(?:-{NUMWORD})?|\d{{1,3}})(?P<sep>[ \t]+|-)and(?P=sep)an?(?P=sep)"
    r"(?:half|quarter|third)(?![\w])", re.I)
# centuries and decades are stated in years ("a quarter century" is 25 years)
_IN_YEARS = {"century": 100.0, "decade": 10.0}
_IN_LEFT_RE = re.compile(r"(?<![A-Za-z])in[ \t]+$", re.I)
# "spent a month abroad", "within an hour": how long something lasts ("for a week" alone can be
# a condition: "rent-free for a week")
_HOW_LONG_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:served|spent|lasted|took|exactly|within)[ \t]+$", re.I)
# "an hour or two later", "wait a day or two.": the period is the low end of an estimate (not
# "40 a day or one every hour", a rate)
_OR_MORE_AFTER_RE = re.compile(
    r"^[ \t]+or[ \t]+(?:two|three|four|five)(?=[ \t]*(?:[,.;:!?)]|$|(?:later|earlier|ago|more|longer)"
    r"(?![\w-])))", re.I)
_NUMBER_LEFT_RE = re.compile(rf"(?:\d|(?<![A-Za-z]){NUMWORD})[ \t]+$", re.I)
# "a mother-of-three": the children counted in a family role
_PARENT_OF_RE = re.compile(
    rf"(?<![\w-])(?:mother|father|mum|mom|dad|parent|grandmother|grandfather|grandparent)s?-of-"
    rf"(?P<n>{NUMWORD}|\d{{1,2}})(?![\w-])", re.I)


# "to double aid", "nearly double the average", "triple in size": a multiplier in words, only
# where a verb or a comparison is plain ("a double", "double-digit", "double down" are none); the
# verb's past and -ing forms are one ("sales more than doubled", "a tripling of fares")
_MULTIPLES = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0}
_MULTIPLE_RE = re.compile(r"(?<![\w-])(?P<w>[Dd]oubl|[Tt]ripl|[Tt]rebl|[Qq]uadrupl)(?:e|(?P<inf>ed|ing))(?![\w-])")
_MULTIPLE_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:to|will|would|could|should|can|may|might|must|nearly|almost|roughly|about|"
    r"than|around|some)[ \t]+$", re.I)
_MULTIPLE_RIGHT_RE = re.compile(r"^[ \t]+(?:the|its|their|his|her|our|that|what|in[ \t]+size)(?![A-Za-z])")
_MULTIPLE_STOP_RE = re.compile(
    r"^[ \t]+(?:down|check|checked|checking|click|standards?|agents?|digits?|bed|room|act|play|"
    r"header|whammy|dip|bogey|fault|team|tap|time|shift|duty|up|over|back)(?![A-Za-z])", re.I)
# a fraction after a form of "be" and before a possessive or "the": a size compared ("is just half
# the diameter of", "are a third their former level")
_SIZE_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:is|are|was|were|be|been|being|now|only|just|about|roughly|nearly|almost)"
    r"[ \t]+$", re.I)
_SIZE_RIGHT_RE = re.compile(r"[ \t]+(?:the|their|its|his|her|our|your|that|what)[ \t]+(?!of\b)")
# "a quarter point", "a half-point cut", "a quarter of a percentage point": a rate move in words
_PART_POINT_RE = re.compile(
    r"(?<![\w-])(?:(?:an?|one)[ \t]+)?(?P<f>quarter|half|three-quarters?)"
    r"(?:[ \t-]+|[ \t]+of[ \t]+an?[ \t]+)(?:percentage[ \t-]+)?point(?![\w-]|-\w)", re.I)
# "cut by half", "grew by a third": a share of the whole in words after "by"
_BY_PART_RE = re.compile(
    r"(?<![A-Za-z])by[ \t]+(?:(?:almost|nearly|about|around|roughly|some|more[ \t]+than|over|"
    r"less[ \t]+than|under|just[ \t]+over|just[ \t]+under)[ \t]+)?"
    r"(?P<fw>half|(?:a|one|two)[ \t-](?:third|quarter|fifth|tenth)s?|"
    r"two-thirds|three-quarters)(?![\w-])", re.I)
# a person's age by decade: "in her early 30s", "their mid-40s"
_AGE_DECADE_RE = re.compile(
    r"(?<![\w-])(?:his|her|their|my|your|our)[ \t]+(?:(?:early|mid|late)[ \t-]*)?"
    r"(?P<n>[1-9]0)s(?![\w'\u2019-])", re.I)
# a height in feet and inches written as one word group: "the 6-foot-5 forward", "a 5-foot-10-inch
# guard", "at 6ft 4in"
_HEIGHT_RE = re.compile(
    r"(?<![\w.,-])(?P<f>[1-9])(?:-foot-(?P<i>\d{1,2})(?:-inch(?:es)?)?(?![\w,-]|\.\d)|[ \t]?ft[ \t]?(?P<i2>\d{1,2})[ \t]?in\b)")
# "a"/"an" right before a word; the nouns a multiple can apply to ("a tenfold rise", "a fourfold
# return"): the change words of the figures stage and the amounts one can multiply
_A_LEFT_RE = re.compile(r"(?<![A-Za-z])an?[ \t]+$", re.I)
_MULTIPLE_NOUNS = wordlists.words("figures_change_words.txt") | {
    "return", "expansion", "difference", "gap", "multiple", "premium", "markup", "excess"}
# set phrases with number words that state no quantity, blocked: "knocked for six", "on cloud nine"
_IDIOM_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(
        r"[ \t]+".join(re.escape(w) for w in phrase.split())
        for phrase in sorted(wordlists.lines("quantities_idioms.txt"), key=len, reverse=True))
    + r")(?![\w-])", re.I)
# a gallery counter, blocked: "Photo 3 of 12", a line that starts "1 of 2." (a caption follows)
_COUNTER_RE = re.compile(
    r"(?<![\w-])(?:photo|image|picture|slide|video)s?[ \t]+\d{1,3}[ \t]+of[ \t]+\d{1,3}(?![\w.,]\d)"
    r"|(?m:^[ \t]*\d{1,3}[ \t]+of[ \t]+\d{1,3}[ \t]*(?:\.(?!\d)|$))", re.I)


def _fields(text: str, s: int, e: int, value: float, kind: str, unit: Optional[str],
            num: Optional[Tuple[int, int]] = None, words: bool = False,
            confidence: float = 0.7) -> dict:
    ns, ne = num or (s, e)
    return dict(start=s, end=e, text=text[s:e], value=float(value), kind=kind, unit=unit,
                approx=approx_before(text, s)[0], num_start=ns, num_end=ne, words=words,
                confidence=confidence)


def _word_fractions(text: str) -> Iterator[Form]:
    for m in FRACTION_RE.finditer(text):
        if m.group("all"):
            num = parse_number(m.group("num"))
            den_txt = m.group("den")
            if YEAR_RE.match(den_txt):  # "121 in 2022": a count and a year
                continue
            if _RANK_BEFORE_RE.search(text, max(0, m.start() - 10), m.start()):
                continue  # "went to No 1 in 12 countries": a chart place, not a share
            den = parse_number(den_txt)
            if num is None or not den or num >= den:
                continue
            s, e = m.start("all"), m.end("all")
            value = num / den
        else:
            s, e = m.start("fw"), m.end("fw")
            if m.group("fw")[0].isupper() and not sentence_start(text, s):
                continue
            value = parse_number(m.group("fw"))
            if value is None or value >= 1:
                continue
            # "the second half of the year", "the first quarter of": a part of a period
            if HALF_PERIOD_LEFT_RE.search(text[max(0, s - 20):s]):
                continue
            if _PART_PERIOD_RE.match(text, s):
                continue  # "a third of a decade": a period, found with the periods
            if m.group("fw").lower().startswith("one half") and _DUO_AFTER_RE.match(text, e):
                yield s, e, None  # "one half of the folk duo": a member of a pair, blocked
                continue
            if _SIZE_LEFT_RE.search(text[max(0, s - 24):s]) and _SIZE_RIGHT_RE.match(text, e):
                # "budgets are half their 1990 levels": a size against another, a multiplier
                yield s, e, _fields(text, s, e, value, "multiplier", "times", words=True)
                continue
        yield s, e, _fields(text, s, e, value, "other", "fraction")


def _and_a_part(text: str) -> Iterator[Form]:
    for m in _AND_A_PART_RE.finditer(text):
        s, e = m.start(), m.end()
        if m.group("n")[0].isupper() and not sentence_start(text, s):
            continue
        after = text[e:e + 40]
        if _SCALE_WORD_RE.match(after):
            continue  # "two and a half million pounds": the main pass reads it with its scale
        value = parse_number(m.group(0).replace("-", " "))
        if value is None:
            continue
        if AGE_AFTER_RE.match(after):
            yield s, e, _fields(text, s, e, value, "age", "years", words=True)
            continue
        tu = _TIME_UNIT_AFTER_RE.match(after)
        if tu and tu.group("u").lower() in TIME_UNITS:
            # "three and a half hours", "a two-and-a-half-year deal": a period
            unit = TIME_UNITS[tu.group("u").lower()]
            yield s, e, _fields(text, s, e, value, "duration", unit, words=True)
            continue
        tm = TIMES_AFTER_RE.match(after)
        if tm and after[:1] == " ":
            e2 = e + tm.end()  # "one and a half times higher"
            yield s, e2, _fields(text, s, e2, value, times_kind(text, e2, value), "times", num=(s, e),
                                 words=True)
            continue
        yield s, e, _fields(text, s, e, value, "other", None, words=True, confidence=0.6)


def _part_points(text: str) -> Iterator[Form]:
    for m in _PART_POINT_RE.finditer(text):
        part = {"quarter": 0.25, "half": 0.5}.get(m.group("f").lower(), 0.75)
        s, e = m.start(), m.end()
        yield s, e, _fields(text, s, e, part, "percentage_points", "points", words=True)
    for m in _BY_PART_RE.finditer(text):
        value = parse_number(m.group("fw"))
        if value is not None and value < 1:
            s, e = m.start("fw"), m.end("fw")
            yield s, e, _fields(text, s, e, value, "other", "fraction", words=True)


def _fold_of_kinds(text: str, s: int, e: int) -> bool:
    """"a twofold aim", "a threefold problem": "-fold" before a noun that is no change counts
    kinds, not a multiple ("a threefold rise", "grew tenfold" multiply)."""
    if not _A_LEFT_RE.search(text[max(0, s - 4):s]):
        return False
    nw = NEXT_WORD_RE.match(text[e:e + 30])
    if nw is None:
        return False
    w = nw.group("w").lower()
    return w not in _MULTIPLE_NOUNS and w.rstrip("s") not in _MULTIPLE_NOUNS


def _times(text: str) -> Iterator[Form]:
    for m in _TWICE_RE.finditer(text):
        s, e = m.start("w"), m.end("w")
        if _THINK_LEFT_RE.search(text[max(0, s - 12):s]):
            continue
        if m.group("w")[0] == "T" and not sentence_start(text, s):
            continue
        value = 2.0 if m.group("w").lower() == "twice" else 3.0
        yield s, e, _fields(text, s, e, value, times_kind(text, e, value), "times", words=True,
                            confidence=0.6)
    for m in _ONCE_RE.finditer(text):
        s, e = m.start("w"), m.end("w")
        if _ONCE_LEFT_STOP_RE.search(text[max(0, s - 6):s]):
            continue
        yield s, e, _fields(text, s, e, 1.0, times_kind(text, e, 1.0), "times", words=True,
                            confidence=0.55)
    for m in _FOLD_RE.finditer(text):
        value = parse_number(m.group("n"))
        if value is None or value < 2 or _fold_of_kinds(text, m.start(), m.end()):
            continue
        s, e = m.start(), m.end()
        yield s, e, _fields(text, s, e, value, "multiplier", "times", num=(s, m.end("n")),
                            words=not m.group("n")[0].isdigit())


def _period(text: str, s: int, e: int, value: float, unit: str, stated: bool = False) -> Optional[Form]:
    """A period written without digits; one that dates something ("a year ago") only when it is
    ``stated`` by a qualifier or a part ("more than a century ago", "half a century ago")."""
    if not stated and DATING_AFTER_RE.match(text[e:e + 16]):
        return None
    years = _IN_YEARS.get(unit)
    value, unit = (value * years, "years") if years else (value, TIME_UNITS.get(unit, unit))
    return s, e, _fields(text, s, e, value, "duration", unit, words=True, confidence=0.6)


def _periods(text: str) -> Iterator[Form]:
    forms: List[Optional[Form]] = []
    for m in _ANOTHER_RE.finditer(text):
        if m.group(0)[0] == "A" and not sentence_start(text, m.start()):
            continue
        forms.append(_period(text, m.start(), m.end(), 1.0, m.group("u")))
    for m in _A_PERIOD_RE.finditer(text):
        approx, at = approx_before(text, m.start())
        # "the first rise in more than a year": how long since, not a stated period
        if approx is not None and not _IN_LEFT_RE.search(text[max(0, at - 4):at]) or \
                approx is None and (_HOW_LONG_LEFT_RE.search(text[max(0, m.start() - 10):m.start()])
                                    or _OR_MORE_AFTER_RE.match(text[m.end():m.end() + 24])
                                    and not _NUMBER_LEFT_RE.search(text[max(0, m.start() - 12):m.start()])):
            forms.append(_period(text, m.start(), m.end(), 1.0, m.group("u"), stated=True))
    for m in _PART_PERIOD_RE.finditer(text):
        part = _PARTS[m.group("f")] if m.group("f") else 0.5
        forms.append(_period(text, m.start(), m.end(), part, m.group("u") or m.group("u2"),
                             stated=True))
    yield from (f for f in forms if f is not None)


def _parents_of(text: str) -> Iterator[Form]:
    for m in _PARENT_OF_RE.finditer(text):
        value = parse_number(m.group("n"))
        if value is not None and value >= 1:
            s, e = m.start("n"), m.end("n")
            fields = _fields(text, s, e, value, "count", "children",
                             words=not m.group("n")[0].isdigit())
            fields["extra"] = {"counted": True}  # a count whatever its parse role
            yield s, e, fields


def _multiples(text: str) -> Iterator[Form]:
    for m in _MULTIPLE_RE.finditer(text):
        s, e = m.start("w"), m.end()
        if m.group("w")[0].isupper() and not sentence_start(text, s):
            continue
        right = text[e:e + 24]
        if _MULTIPLE_STOP_RE.match(right):
            continue
        if not (m.group("inf") or _MULTIPLE_LEFT_RE.search(text[max(0, s - 16):s]) or _MULTIPLE_RIGHT_RE.match(right)):
            continue
        yield s, e, _fields(text, s, e, _MULTIPLES[m.group("w").lower()], "multiplier", "times",
                            words=True, confidence=0.6)


def _percent_of(text: str) -> Iterator[Form]:
    for m in PERCENT_OF_RE.finditer(text):
        left = text[max(0, m.start() - 25):m.start()]
        if re.search(r"(?:\d|%|\b(?:" + NUMWORD + r"))[ \t]*$", left, re.I):
            continue
        value = parse_number(m.group("n"))
        if value is None:
            continue
        s, e = m.start(), m.end()
        yield s, e, _fields(text, s, e, value, "percent", "percent", num=(m.start("n"), m.end("n")),
                            confidence=0.6)


def _with_context(text: str, s: int, e: int, value: float, whole: bool) -> Optional[Form]:
    """A digit or vulgar fraction with what surrounds it: a currency sign, a scale word, a
    percent sign."""
    ns, ne = s, e
    sm = _SCALE_WORD_RE.match(text[e:e + 20])
    if sm:
        value *= parse_number("1 " + sm.group("w")) or 1.0
        e += sm.end()
    code, fac, cs = currency_before(text, s)
    if code is not None:
        return cs, e, _fields(text, cs, e, value * fac, "money", code, num=(ns, ne))
    pm = PERCENT_AFTER_RE.match(text[e:e + 20])
    if pm:
        return s, e + pm.end(), _fields(text, s, e + pm.end(), value, "percent", "percent",
                                        num=(ns, ne))
    tm = _TIME_UNIT_AFTER_RE.match(text[e:e + 20])
    if tm and TIME_UNITS.get(tm.group("u").lower()):
        # "a 5-1/2 year low", "2 1/2 hours": a period
        return s, e, _fields(text, s, e, value, "duration", TIME_UNITS[tm.group("u").lower()],
                             num=(ns, ne), confidence=0.6)
    if whole or sm:
        return s, e, _fields(text, s, e, value, "count", None, num=(ns, ne), confidence=0.6)
    return s, e, _fields(text, s, e, value, "other", "fraction", num=(ns, ne))


def _digit_fractions(text: str) -> Iterator[Form]:
    for rx in (_DIGIT_FRACTION_RE, _VULGAR_RE):
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if rx is _DIGIT_FRACTION_RE:
                num, den = int(m.group("num")), int(m.group("den"))
                if not 0 < num < den or _DATE_LEFT_RE.search(text[max(0, s - 8):s]):
                    continue
            value = parse_number(m.group(0))
            if value is None:
                continue
            form = _with_context(text, s, e, value, bool(m.group("whole")))
            if form is not None:
                yield form


def _heights(text: str) -> Iterator[Form]:
    for m in _HEIGHT_RE.finditer(text):
        inches = int(m.group("i") or m.group("i2"))
        if inches < 12:
            s, e = m.start(), m.end()
            yield s, e, _fields(text, s, e, int(m.group("f")) * 12 + inches, "measure", "in",
                                num=(s, m.end("f")), confidence=0.7)


def _clocks(text: str) -> Iterator[Form]:
    for m in _CLOCK_RE.finditer(text):
        s, e = m.start(), m.end()
        left = text[max(0, s - 12):s]
        # "in 2:47"; a reading to the second is a duration too ("a 2:15:25 marathon") unless a
        # time word says when ("at 10:15:25")
        cued = _CLOCK_LEFT_RE.search(left) or (
            m.group("c") is not None and not _CLOCK_WHEN_LEFT_RE.search(left))
        if not cued or TIME_AFTER_RE.match(text[e:e + 8]):
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        frac = float(m.group("frac") or 0)
        if m.group("c") is not None:
            seconds = a * 3600 + b * 60 + int(m.group("c")) + frac
        elif _HOURS_CONTEXT_RE.search(text[max(0, s - 80):e + 40]):
            seconds = a * 3600 + b * 60 + frac * 60
        else:
            seconds = a * 60 + b + frac
        yield s, e, _fields(text, s, e, seconds, "duration", "seconds", confidence=0.65)


def _scientific(text: str) -> Iterator[Form]:
    for m in _SCI_RE.finditer(text):
        value = parse_number(m.group(0))
        if value is not None:
            yield m.start(), m.end(), _fields(text, m.start(), m.end(), value, "count", None,
                                              confidence=0.6)


def _age_decades(text: str) -> Iterator[Form]:
    for m in _AGE_DECADE_RE.finditer(text):
        s, e = m.start("n"), m.end()
        yield s, e, _fields(text, s, e, float(m.group("n")), "age", "years", num=(s, m.end("n")),
                            confidence=0.7)


def _phones(text: str) -> Iterator[Form]:
    for m in _PHONE_RE.finditer(text):
        yield m.start(), m.end(), None


def _idioms(text: str) -> Iterator[Form]:
    for m in _IDIOM_RE.finditer(text):
        yield m.start(), m.end(), None


def _counters(text: str) -> Iterator[Form]:
    for m in _COUNTER_RE.finditer(text):
        yield m.start(), m.end(), None


# words or signs without which a finder cannot match: a cheap test that skips it (number-only
# tables, long lines of digits)
_NEEDS = {
    "_clocks": (":",), "_digit_fractions": ("/",) + tuple(VULGAR), "_scientific": ("e",),
    "_counters": (" of ",), "_and_a_part": ("and a ", "and-a-"), "_part_points": ("point", "by "),
    "_percent_of": ("cent",), "_parents_of": ("-of-",),
    "_periods": ("another", "a ", "an ", "half", "quarter", "third"), "_times": ("once", "wice", "hrice", "fold"),
    "_age_decades": ("0s",), "_heights": ("foot-", "ft"), "_multiples": ("doubl", "tripl", "trebl", "quadrupl"),
    "_word_fractions": ("in", "out", "half", "halv", "third", "quarter", "fourth", "fifth",
                        "sixth", "eighth", "tenth"),
}


def early_forms(text: str) -> List[Form]:
    """Every early form of ``text`` in order. Of two that overlap, the one whose finder comes
    first (phones, counters and idioms, clocks, fractions, points in words, scientific notation,
    percent-of, times, periods) wins; each finder is merged into the kept spans in one sweep, so
    the whole stays linear in the text."""
    low = text.lower()
    kept: List[Form] = []
    for finder in (_phones, _counters, _idioms, _heights, _clocks, _digit_fractions, _and_a_part, _part_points,
                   _word_fractions,
                   _scientific, _percent_of, _times, _multiples, _periods, _parents_of, _age_decades):
        needs = _NEEDS.get(finder.__name__)
        if needs and not any(n in low for n in needs):
            continue
        new = sorted(finder(text), key=lambda f: f[0])
        fresh: List[Form] = []
        j = 0
        for form in new:
            s, e = form[0], form[1]
            while j < len(kept) and kept[j][1] <= s:
                j += 1
            if (j < len(kept) and kept[j][0] < e) or (fresh and s < fresh[-1][1]):
                continue
            fresh.append(form)
        kept = list(heapq.merge(kept, fresh, key=lambda f: f[0]))
    return kept

"""The refusals of ``read_number``: small tests that tell a number inside a name, a title, a
date, a clock time, an identifier or a label from a figure, each looking at the words around one
number match. Pure, no spaCy; each answers True when the number is no figure.
"""

from __future__ import annotations

import re
from typing import Optional

from .currency import currency_before
from .lexicon import (
    ADDRESS_AFTER_RE,
    AFTER_REJECT_RE,
    AGE_BAND_SECOND_LEFT_RE,
    BASIS_POINTS_RE,
    CAP_WORD_BEFORE_RE,
    CLOCK_SLOT_RE,
    COLON_LEFT_RE,
    DATE_CHUNK_RE,
    DATE_WORDS,
    DAY_LEFT_RE,
    DAY_RIGHT_RE,
    DIALLED_AFTER_RE,
    DIAL_LEFT_RE,
    DOT_CLOCK_LEFT_RE,
    DOT_CLOCK_PRICE_RE,
    DOT_CLOCK_RE,
    DOT_CLOCK_RIGHT_RE,
    EARNINGS_LEFT_RE,
    GLUED_LETTER_RE,
    HYPERBOLE_LEFT_RE,
    HYPHEN_TO_LEFT_RE,
    LEAD_WORDS,
    LEFT_VAGUE_RE,
    LETTER_BRACKET_AFTER_RE,
    MODEL_CODE_AFTER_RE,
    MONTH_AFTER_RE,
    MONTH_BEFORE_RE,
    NAME_AFTER_RE,
    NAME_PAREN_LEFT_RE,
    NEGATIVE_BEFORE_RE,
    NEXT_WORD_RE,
    OPEN_QUOTES,
    ORDINAL_AFTER_RE,
    ORDINAL_SCALE_AFTER_RE,
    PERCENT_AFTER_RE,
    PER_LEFT_RE,
    POSITION_LEFT_RE,
    POSSESSIVE_END_RE,
    PP_AFTER_RE,
    QUOTED_TITLE_RE,
    RANK_LEFT_RE,
    SCALE_AFTER_RE,
    SCORE_AFTER_RE,
    SHIRT_AFTER_RE,
    SLOT_AFTER_RE,
    SPACE_RE,
    STOP_BEFORE_RE,
    TIMES_AFTER_RE,
    TIME_AFTER_RE,
    TIME_UNITS,
    TITLE_AFTER_RE,
    URLISH_RE,
    WEEKDAY_BEFORE_RE,
    WORK_LEFT_RE,
    WORLD_RANK_LEFT_RE,
    WORLD_RANK_RIGHT_RE,
    YEAR_LEFT_RE,
    YEAR_RE,
    sentence_start,
)


def word_number_refused(text: str, ns: int, core: str) -> bool:
    """A number written in words that is no figure: a scale word alone ("thousand"), a
    capitalized one inside a sentence (a name: "Big Ten"), or one after a vague quantity or in a
    figure of speech ("several thousand", "never in a million years")."""
    low = core.lower()
    first = low.split()[0] if low.split() else low
    if first in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
        return True
    if core[0].isupper() and not sentence_start(text, ns):
        return True
    if LEFT_VAGUE_RE.search(text[max(0, ns - 20):ns]) or \
            HYPERBOLE_LEFT_RE.search(text[max(0, ns - 20):ns]):
        return True
    return False


def digits_left_refused(text: str, ns: int, ne: int, left: str, plain: bool) -> bool:
    """A digit number that the words on its left (or the chunk it is written in) make a label, a
    link, a date, a clock time or a rate's denominator: "Week 5", "May 12", "per 100". ``left`` is
    the 40 characters before it; ``plain`` says they hold only digits and spacing."""
    near = left[-24:]  # the anchored left-context patterns are short
    if not plain and STOP_BEFORE_RE.search(near) and not NEGATIVE_BEFORE_RE.search(near) and \
            not HYPHEN_TO_LEFT_RE.search(near) and \
            not (SCORE_AFTER_RE.match(text, ne) and near.split()[-1:] != []
                 and near.split()[-1].islower()):
        # but "$5" etc. are fine: currency handled below; STOP_BEFORE only hits letters/#
        cur_code, _, _ = currency_before(text, ns)
        sw = SCALE_AFTER_RE.match(text[ne:ne + 20])
        if cur_code is None and not (sw and sw.group("sw") and near[-1:].isspace()):
            return True  # a label ("Week 5"), but "each year 41 million people" is an amount
    lo = max(0, ns - 200)
    chunk_s = max(text.rfind(" ", lo, ns), text.rfind("\n", lo, ns), lo - 1) + 1
    chunk_e_m = SPACE_RE.search(text, ne, ne + 200)
    chunk = text[chunk_s:chunk_e_m.start() if chunk_e_m else min(len(text), ne + 200)]
    if (not chunk.isdigit() and URLISH_RE.search(chunk)) or DATE_CHUNK_RE.search(chunk):
        return True
    if not plain and (MONTH_BEFORE_RE.search(near) or WEEKDAY_BEFORE_RE.search(near)
                      or COLON_LEFT_RE.search(near) or PER_LEFT_RE.search(near)
                      and not _every_period(text, near, ne)):
        return True
    return False


def digits_right_refused(core: str, left: str, right: str, cur_code: Optional[str]) -> bool:
    """A digit number without a scale that the words right after it make an ordinal, a clock time,
    a date, a code glued to letters, an address, a shirt number, a list marker or the name of a
    rule ("5th", "9.30 tomorrow", "12 May", "401(k)")."""
    if ORDINAL_AFTER_RE.match(right) or TIME_AFTER_RE.match(right) or AFTER_REJECT_RE.match(right):
        return True
    if DOT_CLOCK_RE.match(core) and DOT_CLOCK_LEFT_RE.search(left[-8:]) and \
            DOT_CLOCK_RIGHT_RE.match(right) and not DOT_CLOCK_PRICE_RE.search(left[-20:]):
        return True  # "the talks start at 9.30 tomorrow": a time of day
    if MONTH_AFTER_RE.match(right):
        return True
    if GLUED_LETTER_RE.match(right) and cur_code is None and not (
            PERCENT_AFTER_RE.match(right) or PP_AFTER_RE.match(right)
            or BASIS_POINTS_RE.match(right) or TIMES_AFTER_RE.match(right)):
        return True
    if ADDRESS_AFTER_RE.match(right) or SHIRT_AFTER_RE.match(right):
        return True
    if right[:1] == ")" and "(" not in left[-12:]:
        return True  # a list marker: "1) Deviled, 2) Scotch"
    if LETTER_BRACKET_AFTER_RE.match(right):
        return True  # "a 401(k) plan", "section 230(c)": the name of a rule or a form
    if right[:1] == ")" and NAME_PAREN_LEFT_RE.search(left):
        return True  # "Ana Ruiz (9) scores past Bo Lee (1)": a shirt number in a caption
    return False


def names_a_call_slot_or_work(core: str, left: str, right: str, kind: str, is_words: bool,
                               scale_txt: str) -> bool:
    """A number that names a thing, not an amount: a number dialled ("a 999 call"), a clock slot
    ("the 2045 slot"), the title of a work ("her album 21") or part of an ordinal ("millionth")."""
    if kind == "count" and not is_words and len(core) == 3 and DIALLED_AFTER_RE.match(right):
        return True  # "she made a 999 call": a number dialled
    if kind == "count" and not is_words and CLOCK_SLOT_RE.match(core) and SLOT_AFTER_RE.match(right):
        return True  # "the 2045 slot": a time of day on the 24-hour clock
    if kind == "count" and not is_words and not scale_txt and WORK_LEFT_RE.search(left[-14:]) \
            and not SCORE_AFTER_RE.match(right):
        return True  # "her album 21", "the drama 24": the title of a work
    if ORDINAL_SCALE_AFTER_RE.match(right):
        return True  # "its one millionth visitor": an ordinal
    return False


def bare_digits_refused(text: str, ns: int, end: int, core: str, left: str, right: str,
                        plain: bool, scale_txt: str) -> bool:
    """A bare digit number (no noun, no unit) that is a year, a model number, a place in a ranking,
    a number dialled, part of a name, a day of the month, a spot named by its number or the top
    of an age band."""
    digits = core.replace(",", "")
    if YEAR_RE.match(digits) and "," not in core and "." not in core:
        return True
    if re.match(r"^[ \t]+[A-Z]{2,}\b", right) and len(digits) >= 3 and "," not in core \
            and "." not in core:
        return True  # a model number: "737 MAX"
    if MODEL_CODE_AFTER_RE.match(right) and len(digits) >= 3 and "," not in core and "." not in core:
        return True  # a model name: "the 845 4G handset"
    if WORLD_RANK_RIGHT_RE.match(right) and WORLD_RANK_LEFT_RE.search(left[-12:]):
        return True  # "slipped to 57 in the world": a place in a ranking
    # a plain number right after a capitalized word that is not a sentence start: a name
    if not plain and (DIAL_LEFT_RE.search(left[-16:]) or RANK_LEFT_RE.search(left[-16:])):
        return True  # "call 911", "the top 50": a number dialled, a ranked list
    cw = None if plain else CAP_WORD_BEFORE_RE.search(left)
    if re.match(r"^[-\u2013]\d", right):
        cw = None  # a score or tally after a name: "the Celtics 112-104"
    if cw and POSSESSIVE_END_RE.search(cw.group("w")):
        cw = None  # a possessive: "to Smith's 53,118"
    if cw and not sentence_start(text, ns - len(cw.group(0))):
        w = cw.group("w")
        if w.lower() not in ("the", "about", "nearly", "some", "over", "almost", "only",
                             "just", "all", "by", "to", "of", "with", "at", "and", "or",
                             "from", "than", "another", "another", "those", "these"):
            return True
    elif _sentence_names_it(text, ns, cw, core, scale_txt):
        return True
    if re.match(r"^[ \t]+[A-Z][a-z]+(?![\w'\u2019-])", right) and len(digits) >= 3 \
            and "," not in core and "." not in core and not right.split()[0].endswith("s"):
        return True  # a model number: "the 737 Max", "a 747 Jumbo"
    if not plain and DAY_LEFT_RE.search(left[-8:]) and DAY_RIGHT_RE.match(right) and \
            re.fullmatch(r"[1-9]|[12]\d|3[01]", core):
        return True  # "due on 26.": a day of the month
    if not plain and name_holds_it(text, ns, end):
        return True  # "a former 24 Hour Bakery writer": the number is part of a name
    if POSITION_LEFT_RE.search(left[-12:]):
        return True  # "at mile 20", "on lap 31": a spot named by its number
    if AGE_BAND_SECOND_LEFT_RE.search(left):
        return True  # "aged 16 to 18": the top of an age band
    return False


def counted_digits_refused(text: str, ns: int, core: str, left: str, noun: str, plain: bool,
                           scale_txt: str) -> bool:
    """A digit number before a counted noun that is a year used as a modifier ("the 2022
    election") or part of a name before it ("Route 66 signs")."""
    digits = core.replace(",", "")
    if YEAR_RE.match(digits) and "," not in core and "." not in core and not scale_txt:
        # "the 2022 election", "2020 levels": a year used as a modifier
        if not noun.endswith("s") or noun in ("elections", "levels", "figures", "results",
                                               "games", "olympics", "midterms"):
            return True
        if YEAR_LEFT_RE.search(left):
            return True  # "in 2010 sales rose": a year after a time preposition
    cw = None if plain else CAP_WORD_BEFORE_RE.search(left)
    if cw and POSSESSIVE_END_RE.search(cw.group("w")):
        cw = None  # a possessive counts what its owner has: "Ruritania's 12 regional seats"
    if _sentence_names_it(text, ns, cw, core, scale_txt):
        return True
    if cw and not sentence_start(text, ns - len(cw.group(0))) and not scale_txt:
        w = cw.group("w")
        if w[1:].lower() != w[1:] or w.lower() not in (
                "the", "about", "nearly", "some", "over", "almost", "only", "just", "all",
                "by", "to", "of", "with", "at", "and", "or", "from", "than", "another",
                "those", "these", "its", "their", "his", "her", "our"):
            if not re.match(r"^[A-Z][a-z]+$", w) or w.lower() in ("route", "highway"):
                return True
            # "Airbus 320 jets" vs "Okafor 24,000 votes" (rare): keep only with a comma number
            if "," not in core:
                return True
    return False


def name_holds_it(text: str, ns: int, end: int, noun_after: bool = True, title: bool = False) -> bool:
    """The number starts a title-cased name that goes on after it ("host of 99 Nights Live on
    Sundays", "a former 24 Hour Bakery writer"): capitalized words right after it, not a date and
    not ending in a plural (a counted noun: "30 Labour MPs"), after a word in lower case or at a
    sentence start (not in a title-cased heading). Without `noun_after` the name must end the
    phrase before a preposition: a percent before capitalized words and a noun measures the noun
    ("52% Tory support"), one before a comma can be a poll's list ("52% Tory, 30% Labour"). With
    `title`, the capitalized words may end in a plural: a number and a capitalized unit of time
    ("48 Hours") mid-sentence are a title, not a duration. A number and capitalized words that
    are all a quotation's words are a title too ("\u201c7 Rings\u201d", "\u201c30 Days Later\u201d")."""
    if text[ns - 1:ns] in OPEN_QUOTES and ns > 0 and QUOTED_TITLE_RE.match(text[end:end + 80]):
        return True  # "her hit \u201c7 Rings\u201d": a title in quotation marks
    nm = (TITLE_AFTER_RE if title else NAME_AFTER_RE).match(text[end:end + 80])
    if nm is None or not noun_after and not nm.group("prep"):
        return False
    if ns > 0 and not text[ns - 1].isspace():
        return False  # "a 5-1 Cup win": the second number of a score
    if any(w.lower() in DATE_WORDS for w in nm.group("run").split()):
        return False
    before = re.search(r"([A-Za-z]+)[^A-Za-z]*$", text[max(0, ns - 30):ns])
    return before is None or before.group(1).islower() or sentence_start(text, ns - len(before.group(0)))


def _every_period(text: str, near: str, ne: int) -> bool:
    """"every 18 months": the period of a repeated event is a duration ("per 100" is a rate)."""
    nw = NEXT_WORD_RE.match(text[ne:ne + 30])
    return near.rstrip().lower().endswith("every") and nw is not None and \
        nw.group("w").lower() in TIME_UNITS


def _sentence_names_it(text: str, ns: int, cw: "Optional[re.Match[str]]", core: str,
                       scale_txt: str) -> bool:
    """The capitalized word ``cw`` right before the number starts the sentence and is no word that
    can lead a number ("About 40", "In 2019"): the two are a name ("Windows 10 support ends",
    "Top 10 tips"). A scaled or comma number, or a results heading ("Net 4.5 mln"), stays."""
    return bool(cw) and sentence_start(text, ns - len(cw.group(0))) and \
        cw.group("w").lower() not in LEAD_WORDS and not scale_txt and "," not in core and \
        not EARNINGS_LEFT_RE.search(text, max(0, ns - 30), ns)

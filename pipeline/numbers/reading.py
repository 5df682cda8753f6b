"""One number match of the main pass read into a ``Quantity`` or refused: ``read_number`` looks
at the words around the number (scale, currency, percent, units, counted noun, names, dates and
other things that are no figure, the refusals being the small tests of ``refusals.py``);
``plain_number`` is its fast path for number-only text.
``pipeline.components.quantities.find_quantities`` runs it over every match of ``CORE_RE``.
"""

from __future__ import annotations

import math
import re
from typing import Optional

from .currency import currency_after, currency_before, currency_word_before, subunit_tail
from .lexicon import (
    AGED_BAND_RIGHT_RE,
    AGED_LEFT_RE,
    AGE_AFTER_RE,
    AGE_BAND_LEFT_RE,
    AGE_BAND_RIGHT_RE,
    AGE_GROUP_RE,
    AGE_LEFT_RE,
    DIED_AT_LEFT_RE,
    A_BEFORE_RE,
    BASIS_POINTS_RE,
    CAMEL_BEFORE_RE,
    CAPITAL_CENT_RE,
    DATING_AFTER_RE,
    DENOMINATION_AFTER_RE,
    ELLIPTIC_LEFT_STOP_RE,
    EXCHANGE_BASE_AFTER_RE,
    FACTOR_LEFT_RE,
    FIELD_EVENT_LEFT_RE,
    GLUED_LETTER_RE,
    GLUED_SECONDS_RE,
    GLUED_WORD_RE,
    GROUP_LEFT_RE,
    GROUP_NUMBERS,
    GROUP_PERIOD_NOUNS,
    HISTORY_UNITS,
    HYPHEN_STOP,
    HYPHEN_TO_RIGHT_RE,
    HYPHEN_WORD_RE,
    INTENSITY_AFTER_RE,
    LEADING_ZERO_RE,
    LENGTH_WORDS_RE,
    MARGIN_NOUNS,
    NEGATIVE_BEFORE_RE,
    NEXT_WORD_RE,
    NOT_PLAIN_RE,
    NOT_PLAIN_RIGHT_RE,
    NOT_SCALE_AFTER_RE,
    ONE_DAY_LEFT_RE,
    ONE_HYPHEN_NOUNS,
    ONE_IDIOM_NOUNS,
    ONE_LEFT_STOP_RE,
    ONE_OF_RE,
    ONE_PERIOD_LEFT_STOP_RE,
    ONE_SUBJECT_RE,
    PARTITIVE_LEFT_RE,
    PENCE_GLUED_RE,
    PRICE_NEAR_RE,
    PERCENT_AFTER_RE,
    PERSON_AGE_RIGHT_RE,
    PERSON_BE_LEFT_RE,
    POINT_HYPHEN_RE,
    POINT_WORD_RE,
    POUNDS_NEAR_RE,
    PP_AFTER_RE,
    PRICE_LEFT_RE,
    RACE_AFTER_RE,
    RACE_LENGTHS,
    RANK_LEFT_RE,
    RANK_NAME_LEFT_RE,
    RATE_PER_RE,
    REFER_BACK_LEFT_RE,
    SCALE_AFTER_RE,
    SCALE_LETTER_COUNT_RE,
    SET_LEFT_RE,
    SHARE_NOUN_RE,
    STOP_NEXT,
    SUPERLATIVE_AFTER_RE,
    TENOR_NOUNS,
    TENOR_RE,
    TIMES_AFTER_RE,
    TIME_UNITS,
    TRADING_YEAR_RE,
    WEEKS_IN_TRADING_YEAR,
    WEIGHT_CUE_RE,
    WINDOW_AVERAGE_RE,
    YEAR_RE,
    approx_before,
    clean_word_core,
    plural,
    sentence_start,
    times_kind,
)
from .parse import parse_number
from .quantity import Quantity
from .refusals import (
    bare_digits_refused,
    counted_digits_refused,
    digits_left_refused,
    digits_right_refused,
    name_holds_it,
    names_a_call_slot_or_work,
    word_number_refused,
)
from .units import measure_after, temperature_letter, unit_symbol


def read_number(text: str, m: "re.Match[str]") -> Optional[Quantity]:
    is_words = m.group("wrd") is not None
    lone_one = False
    low = ""
    ns, ne = m.start(), m.end()
    if not is_words:
        fast = plain_number(text, ns, ne)
        if fast is not False:
            return fast
    if is_words:
        ns, ne = clean_word_core(text, ns, ne)
        core = text[ns:ne]
        low = core.lower()
        # "one" alone, "a dozen"-less scale words ("thousand"), names ("Big Ten")
        lone_one = low in ("one", "zero", "nil")
        if word_number_refused(text, ns, core):
            return None
    core = text[ns:ne]
    n_len = len(text)
    if not is_words and LEADING_ZERO_RE.match(core) or CAPITAL_CENT_RE.match(text[ne:ne + 8]):
        return None  # "03 Bonnie and Clyde", "007", "50 Cent": a code or a name, not an amount
    if not is_words and ns >= 2 and text[ns - 1] == "+" and text[ns - 2].isalnum():
        return None  # "the P5+1 talks": a name glued with a plus sign

    # ---- left-context rejections (digits)
    left = text[max(0, ns - 40):ns]
    # nothing but digits and spacing on the left: none of the left-context rules can apply
    # (keeps number-only text fast)
    plain = not is_words and not NOT_PLAIN_RE.search(left)
    if not is_words and digits_left_refused(text, ns, ne, left, plain):
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
    cur_code, cur_fac, cur_start = (None, 1.0, ns) if plain else currency_before(text, ns)
    if cur_code is None and scale_txt and not plain:
        cur_code, cur_fac, cur_start = currency_word_before(text, ns)
    if scale_is_letter and cur_code is None:
        # "10k" without money is a race or a file size unless things are counted ("18k
        # downloads") or priced ("a price of 18k"); "5m" metres, "18k gold" carats
        if sm.group("sl").lower() in ("m", "b", "k", "t"):
            after = text[pos:pos + 40]
            decimal = "." in core and sm.group("sl").lower() in ("m", "b")
            counted = SCALE_LETTER_COUNT_RE.match(after) and sm.group("sl") != "t"
            priced = PRICE_LEFT_RE.search(left) and sm.group("sl").lower() != "t"
            if sm.group("sl") == "m" and not counted and not priced and FIELD_EVENT_LEFT_RE.search(left):
                # "a world record of 4.91m", "cleared 2.05m": metres
                metres = parse_number(core)
                if metres is None:
                    return None
                return Quantity(ns, pos, text[ns:pos], metres, "measure", unit_symbol("meter"),
                                approx_before(text, ns)[0], ns, ne, confidence=0.7)
            if is_words or LENGTH_WORDS_RE.match(after) or NOT_SCALE_AFTER_RE.match(after) or not (
                    decimal or counted or priced):
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

    measure = None if cur_code is not None else measure_after(text, pos)
    if measure is None and cur_code is None and not is_words:
        measure = temperature_letter(text, pos)
    glued_time = None if measure is not None or cur_code is not None or scale_txt or is_words \
        else GLUED_WORD_RE.match(text, pos)
    if glued_time is not None and glued_time.group("w").lower() not in TIME_UNITS:
        glued_time = None
    if glued_time is None and measure is None and cur_code is None and not scale_txt and "." in core:
        glued_time = GLUED_SECONDS_RE.match(text, pos)  # "9.58s": a time in seconds
    if measure is not None and measure[0] in RACE_LENGTHS and \
            RACE_AFTER_RE.match(text[measure[1]:measure[1] + 30]):
        return None  # "the 400 metres hurdles", "a 5km race": the distance names the event
    if measure is not None:
        kind, unit, end = "measure", measure[0], measure[1]
    elif glued_time is not None:
        # "9.58secs", "90mins": a time unit written glued to the number, as sports results do
        kind, unit = "duration", TIME_UNITS.get(glued_time.group("w").lower(), "seconds")
        end = glued_time.end()
    elif cur_code is None and not scale_txt and not is_words and PENCE_GLUED_RE.match(text, pos) \
            and (POUNDS_NEAR_RE.search(text, max(0, ns - 400), min(n_len, ne + 400))
                 or SHARE_NOUN_RE.search(text, max(0, ns - 80), min(n_len, ne + 16))
                 or core.isdigit() and int(core) < 200
                 and PRICE_NEAR_RE.search(text, max(0, ns - 60), min(n_len, ne + 40))):
        # "50p" where the text counts in pounds, prices shares or speaks of a price right there:
        # pence ("1080p" elsewhere is a resolution)
        cur_code, cur_fac, cur_start = "GBP", 0.01, ns
        end = pos + 1

    # ---- right-context rejections
    if measure is not None or glued_time is not None:
        pass
    elif not is_words and not scale_txt and digits_right_refused(core, left, right, cur_code):
        return None
    if not is_words and scale_txt and GLUED_LETTER_RE.match(right) and measure is None:
        return None

    if measure is not None or glued_time is not None:
        pass
    elif cur_code is not None:
        kind, unit = "money", cur_code
        value *= cur_fac
        span_start = cur_start
        if not scale_txt and cur_fac == 1.0:  # "C$100 and fifty"
            added, end = subunit_tail(text, end, cur_code, cur_fac, after_sign=True)
            value += added
        # "$5 billion" already; "$ 70 - a - share" stays "$ 70"
    else:
        code, fac, cend = currency_after(text, pos)
        if code == "GBP" and _weighs(text, ns, pos, cend):
            kind, unit, end = "measure", unit_symbol("pound"), cend  # "180 pounds" that weigh
        elif code is not None:
            kind, unit = "money", code
            value *= fac
            end = cend
            # "3 dollars 50 cents", "thirteen dollars and forty-five", "one kuai and five mao"
            added, end = subunit_tail(text, end, code, fac, after_sign=False)
            value += added
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
            if value >= 100 and INTENSITY_AFTER_RE.match(text[pos + pm.end():pos + pm.end() + 30]):
                return None  # "100% certain", "110 percent committed": a manner of speaking
            kind, unit = "percent", "percent"
            end = pos + pm.end()
            if not is_words and name_holds_it(text, ns, end, noun_after=False):
                return None  # "presenter of 75% Pure Jazz": the percent is part of a name
        elif TIMES_AFTER_RE.match(right):
            tm = TIMES_AFTER_RE.match(right)
            if right[:1] == "x" and is_words:
                return None
            end = pos + tm.end()
            kind, unit = "multiplier", "times"
            if right[:1] not in "x-":  # "3x", "tenfold" always multiply
                kind = times_kind(text, end, value)
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
            # "scored 17 points"; "the index lost 41.2 points": a level, not a count; "a 0.25
            # point cut", "a 5 point lead": a margin in percentage points
            end = pos + POINT_WORD_RE.match(right).end()
            nw = NEXT_WORD_RE.match(text[end:end + 30])
            kind, unit = ("other" if "." in core else "count"), "points"
            noun = "points"
            if nw and nw.group("w").lower() in MARGIN_NOUNS:
                kind, noun = "percentage_points", None
        elif RATE_PER_RE.match(right):
            # "5.2 cases per 100,000 residents", "0.8 per 100,000": a rate
            rm = RATE_PER_RE.match(right)
            kind = "other"
            unit = " ".join(rm.group(0).split())
        elif HYPHEN_TO_RIGHT_RE.match(right):
            bare = True  # "an 8-to-10 foot shark": the first of a range, the unit comes after
        else:
            hm = HYPHEN_WORD_RE.match(right)
            nw = NEXT_WORD_RE.match(right)
            if hm:
                w = hm.group("w").lower()
                if w in TIME_UNITS:
                    tm = TENOR_RE.match(right)
                    if tm and tm.group("n").lower() in TENOR_NOUNS:
                        return None  # "the 10-year Treasury note": a maturity that names a bond
                    if WINDOW_AVERAGE_RE.match(right) or (
                            value == WEEKS_IN_TRADING_YEAR and TRADING_YEAR_RE.match(right)):
                        return None  # "a 52-week low": the window names a statistic
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
                elif hm.group("w")[0].isupper() and w not in TIME_UNITS:
                    return None  # "the 7-Eleven", "a 3-Series": a name
                elif re.match(r"^-[A-Za-z]+-", right) and w not in TIME_UNITS:
                    # "one-on-one", "50-year-old"-like chains other than ages
                    return None
                else:
                    kind, unit = "count", plural(w)
                    noun = unit
                    # currency word after a hyphen ("one-yen")
            elif nw:
                w = nw.group("w")
                wl = w.lower().rstrip("'\u2019")
                if wl in TIME_UNITS:
                    dating = DATING_AFTER_RE.match(right[nw.end():])
                    if dating and approx_before(text, ns)[0] is None \
                            and (TIME_UNITS[wl] not in HISTORY_UNITS
                                 or is_words and "ago" not in dating.group(0).lower()):
                        return None  # "2 hours ago", "ten years from now": a date
                    if w[0].isupper() and not is_words and name_holds_it(text, ns, pos, title=True):
                        return None  # "the film 48 Hours", "tickets for 9 Days Out": a title
                    kind, unit = "duration", TIME_UNITS[wl]
                elif wl in STOP_NEXT or w[0].isupper():
                    bare = True
                else:
                    noun = wl
            else:
                bare = True

    if kind == "money" and (cur_code is not None and DENOMINATION_AFTER_RE.match(text[end:end + 20]) or (
            value == 1 and EXCHANGE_BASE_AFTER_RE.match(text[end:end + 40]))):
        return None  # "\u00a350 notes", "one franc bought 1.05 euros": a face value, a rate's base

    if names_a_call_slot_or_work(core, left, right, kind, is_words, scale_txt):
        return None

    # "one of the four", "five of the nine members": a word number counts
    one_of = is_words and ONE_OF_RE.match(right)
    if one_of:
        bare = False

    # ---- things that are not figures
    if is_words and kind == "count" and not one_of and value in GROUP_NUMBERS and \
            GROUP_LEFT_RE.search(left) and not PARTITIVE_LEFT_RE.search(left) and \
            noun not in GROUP_PERIOD_NOUNS and not right.startswith("-"):
        # a group named before ("the two actors"); not a number joined to its noun ("the
        # three-match series")
        return None
    if kind == "count" and bare and FACTOR_LEFT_RE.search(left):
        kind, unit, bare = "multiplier", "times", False  # "rise by a factor of 10"
    elliptic = None
    if kind == "count" and bare and is_words:
        # "the four were freed", "five or six", "seven Boeing jets": a word number with no noun of
        # its own; the figures stage keeps it where the parse makes it a noun phrase ("head") or
        # the number of the capitalized noun after it ("noun")
        if lone_one or value < 2 or value != int(value) or ELLIPTIC_LEFT_STOP_RE.search(left):
            return None
        nw = NEXT_WORD_RE.match(right)
        elliptic = "noun" if nw and nw.group("w")[0].isupper() else "head"
        if elliptic == "head" and REFER_BACK_LEFT_RE.search(left):
            return None  # "the two are rivals", "the larger of the two": things counted before
    elif kind == "count" and bare:
        if bare_digits_refused(text, ns, end, core, left, right, plain, scale_txt):
            return None
        if plain:
            pass
        elif AGED_LEFT_RE.search(left) and 0 < value < 125 and "." not in core:
            if AGE_BAND_RIGHT_RE.match(right) or AGED_BAND_RIGHT_RE.match(right):
                return None
            kind, unit = "age", "years"
        elif (AGE_LEFT_RE.search(left) and re.match(r"^[ \t]?,", right) and 0 < value < 125
              and "." not in core and "," not in core):
            kind, unit = "age", "years"
        elif (PERSON_BE_LEFT_RE.search(left) and 0 < value < 125 and "." not in core
              and "," not in core and PERSON_AGE_RIGHT_RE.match(right)):
            kind, unit = "age", "years"  # "I was 31 when we moved", "she turned 60"
        elif (DIED_AT_LEFT_RE.search(left) and 0 < value < 125 and "." not in core
              and "," not in core and PERSON_AGE_RIGHT_RE.match(right)):
            kind, unit = "age", "years"  # "died of cancer at 32"
    if kind == "duration" and not is_words and AGED_LEFT_RE.search(left) and 0 < value < 125:
        kind = "age"  # "aged 19 years and 40 days"
    if kind == "count" and not is_words and not plain and CAMEL_BEFORE_RE.search(left[-24:]) \
            and "," not in core and not scale_txt:
        return None  # "the iPhone 15 went on sale": a model number
    if kind == "count" and not bare and noun is not None and not is_words:
        if counted_digits_refused(text, ns, core, left, noun, plain, scale_txt):
            return None
    if is_words and kind == "count" and noun is None and unit is None and not one_of and not elliptic:
        return None
    if kind == "count" and not plain and SUPERLATIVE_AFTER_RE.match(right) and SET_LEFT_RE.search(left):
        return None  # "the state's 10 most populous cities": a ranked set, not a count
    if kind == "count" and not one_of and (RANK_NAME_LEFT_RE.search(left[-16:]) or (
            noun is not None and not noun.endswith("s") and RANK_LEFT_RE.search(left[-16:]))):
        return None  # "the world number five", "six top ten singles", "a top 20 hit": a place
    if is_words and lone_one and kind not in ("money", "percent", "multiplier") and not (
            one_of or (low == "one" and kind == "count" and noun is not None and right[:1] != "-"
                       and noun not in ONE_IDIOM_NOUNS and not ONE_LEFT_STOP_RE.search(left)
                       and not (core[0] == "O" and sentence_start(text, ns)
                                and not ONE_SUBJECT_RE.match(right)))
            or (low == "one" and _one_counts(left, right, kind, unit))):
        return None

    if kind == "count" and bare and not is_words and not scale_txt and "." in core:
        kind = "other"  # "closed at 28,417.35", "a rating of 4.5": a level, nothing is counted
    neg = None if plain else NEGATIVE_BEFORE_RE.search(text[max(0, span_start - 12):span_start])
    if neg and kind in ("percent", "money", "count", "other", "measure"):
        value = -value
        span_start -= len(neg.group(0))
    approx = None if plain else approx_before(text, span_start)[0]
    words = is_words
    conf = {"money": 0.9, "percent": 0.9, "percentage_points": 0.85, "multiplier": 0.8,
            "duration": 0.75, "age": 0.85, "count": 0.75 if not bare else 0.6}.get(kind, 0.6)
    q = Quantity(span_start, end, text[span_start:end], float(value), kind, unit, approx, ns,
                 ne, noun=noun, bare=bare and kind in ("count", "other") and not scale_txt, words=words, confidence=conf)
    if not math.isfinite(q.value):
        return None
    if one_of:
        q.extra["counted"] = True  # "five of the nine": a count whatever its parse role
    elif elliptic:
        q.extra["elliptic"] = elliptic
        q.confidence = 0.5
    return q


def _weighs(text: str, ns: int, pos: int, cend: int) -> bool:
    """"pounds" written out next to a weight cue ("180 pounds", "6 feet 2 inches tall and 180
    pounds"), in a text that writes no pound sign near: a weight, not money."""
    return "pound" in text[pos:cend].lower() and \
        WEIGHT_CUE_RE.search(text, max(0, ns - 60), cend + 30) is not None and \
        "\u00a3" not in text[max(0, ns - 2000):cend + 2000]


def _one_counts(left: str, right: str, kind: str, unit: Optional[str]) -> bool:
    """"one" before a period or a margin: "only one month after", "a one-year contract", "a
    one-game ban", "likely one-seat gains" - not "one day he left", "at one point", "a one-off"."""
    if right[:1] == "-":
        hm = HYPHEN_WORD_RE.match(right)
        if hm and not A_BEFORE_RE.search(left) and hm.group("w").lower() in ONE_HYPHEN_NOUNS:
            nw = NEXT_WORD_RE.match(right[hm.end():])  # "one-seat gains": what the margin counts
            return bool(nw and re.fullmatch(r"[a-z]+[^s]s", nw.group("w")))
        return bool(hm and A_BEFORE_RE.search(left) and (
            kind == "duration" or hm.group("w").lower() in ONE_HYPHEN_NOUNS))
    if kind != "duration" or ONE_PERIOD_LEFT_STOP_RE.search(left):
        return False
    return unit != "days" or bool(ONE_DAY_LEFT_RE.search(left))


def plain_number(text: str, ns: int, ne: int):
    """Fast path for a digit number with only digits and spacing around it (tables, number-only
    lines): the full rules would find a bare count, so build it directly. False when the context
    is not plain (the caller runs the full rules); None when it is not a quantity.

    Every left- and right-context rule of ``_one`` is anchored next to the number (only spacing
    in between), so 16 characters either side decide whether one of them could apply.
    """
    if NOT_PLAIN_RE.search(text, ns - 16 if ns > 16 else 0, ns) or \
            NOT_PLAIN_RIGHT_RE.search(text, ne, ne + 16) or text[ne:ne + 1].isdigit():
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



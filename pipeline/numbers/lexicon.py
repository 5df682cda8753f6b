"""The vocabulary and context patterns of the quantity finder (pure, no spaCy): word lists from
``resources/quantities_*.txt``, the number-core pattern, and the regexes that look left and right
of a number to tell a figure from a date, an identifier or a name (currencies are in
``currency.py``).
"""

from __future__ import annotations

import re
from typing import Dict, Optional, Tuple

from .. import wordlists
from .currency import GLUED_PREFIXES


def _time_units() -> Dict[str, str]:
    out: Dict[str, str] = {}
    for _, (singular, plural_form) in wordlists.entries("quantities_time_units.txt", (2, 2)):
        out[singular.lower()] = out[plural_form.lower()] = plural_form.lower()
    return out


TIME_UNITS = _time_units()  # singular or plural -> plural
HYPHEN_STOP = wordlists.words("quantities_hyphen_stop.txt")
APPROX = sorted(wordlists.words("quantities_approx.txt"), key=len,
                reverse=True)


APPROX_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(?P<approx>" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in APPROX)
    + r")\s+$", re.I) if APPROX else None

NUMWORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
            r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
            r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)")
_WORDNUM = rf"{NUMWORD}(?:(?:[ \t]+|[ \t]*-[ \t]*)(?:and[ \t]+)?{NUMWORD})*"
# digits may be glued to a letter currency prefix ("RM45")
_GLUED_BEHIND = "".join(rf"(?<=(?<![A-Za-z]){re.escape(f)})|" for f in GLUED_PREFIXES)
CORE_RE = re.compile(
    rf"(?P<dig>(?=[\d.])(?:{_GLUED_BEHIND}(?<![\w.,/:@#&\\^]))"
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d]))"
    rf"|(?P<wrd>(?<![\w-])(?:(?:{_WORDNUM}[ \t]+and[ \t]+)?(?:an?[ \t]+half|half[ \t]+an?)[ \t]+"
    rf"(?:dozen|hundred|thousand|million|billion|trillion)"
    rf"|(?:an?[ \t]+(?=(?:dozen|hundred|thousand|million|billion|trillion)\b))?{_WORDNUM})(?![\w]))",
    re.I)
SCALE_AFTER_RE = re.compile(
    r"^(?:[ \t\u00a0]*-?[ \t]*(?P<sw>(?:lakh|thousand)[ \t]+crores?|hundred|thousand|million|billion|"
    r"trillion|lakhs?|crores?|mln|bln|bn|mn|tn)"
    r"(?![A-Za-z])|(?P<sl>MM|bn|mn|m|M|b|B|k|K|tn|T)(?![A-Za-z\d]))")
PERCENT_AFTER_RE = re.compile(
    r"^(?:[ \t\u00a0]?(?:%|\uff05)|[ \t\u00a0]?-?[ \t]*(?:percent(?:age)?s?|per[ \t]?cent|"
    r"pct(?:\.(?![ \t]*(?:(?-i:[A-Z])|$)))?)"
    r"(?![A-Za-z])|[ \t\u00a0]?(?-i:pc)(?![A-Za-z]))", re.I)
# "0.25 percentage points", "2ppt", "0.5 ppts" (British)
PP_AFTER_RE = re.compile(
    r"^(?:[ \t\u00a0]?-?[ \t]*(?:percentage|pct\.?|percent)[ \t-]+points?"
    r"|[ \t\u00a0]?(?-i:pp|ppts?))(?![A-Za-z])", re.I)
POINT_HYPHEN_RE = re.compile(r"^[ \t]?-[ \t]?points?(?![A-Za-z])", re.I)
POINT_WORD_RE = re.compile(r"^[ \t]+points?(?![A-Za-z])", re.I)
BASIS_POINTS_RE = re.compile(r"^(?:[ \t]+basis[ \t-]+points?|-basis-points?|[ \t]?bps?)(?![A-Za-z])", re.I)
# a demographic band, not someone's age: "18- to 34-year-olds", "aged 55 and over"
AGE_BAND_RIGHT_RE = re.compile(
    rf"^(?:[ \t]?-?[ \t]*(?:to|and)[ \t]+(?:\d{{1,3}}|{NUMWORD}(?:-{NUMWORD})?)[ \t]?-?[ \t]*years?"
    r"[ \t]?-?[ \t]*olds?"
    rf"|[ \t]?-[ \t]*(?:\d{{1,3}}|{NUMWORD}(?:-{NUMWORD})?)[ \t]?-?[ \t]*years?[ \t]?-?[ \t]*olds"
    r"|[ \t]+(?:and|or)[ \t]+(?:over|older|above|under|younger|up)(?![A-Za-z])"
    r"|[ \t]?(?:\+|plus)(?![A-Za-z]))", re.I)
# after "aged": "aged 16 to 18", "aged 5-11" is a band
AGED_BAND_RIGHT_RE = re.compile(r"^[ \t]*(?:-|\u2013|to|or)[ \t]*\d{1,3}(?![\d.,%])")
AGE_BAND_SECOND_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:aged|ages)[ \t]+\d{1,3}[ \t]*(?:-|\u2013|to|and|or)[ \t]*$", re.I)
AGE_BAND_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:aged|ages|over|under|between)[ \t]+$", re.I)
# a rate's denominator ("12 cases per 100,000 people") and numbers that are dialled
PER_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:per|every)[ \t]+$", re.I)
RATE_PER_RE = re.compile(
    r"^[ \t]+(?:[a-z]+(?:[ \t]+[a-z]+)?[ \t]+)?per[ \t]+(?:\d{1,3}(?:,\d{3})+|\d+|capita|head|"
    r"thousand|hundred|million)(?![\w,])(?:[ \t]+(?!and\b|or\b)[a-z]+)?")
RANK_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:top|bottom)[ \t]+$", re.I)
# a code of letters and digits after a plain number: a model name ("the 845 4G handset", "an
# 8800 GT card" is caught by capitals alone)
MODEL_CODE_AFTER_RE = re.compile(r"^[ \t]+(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{2,}(?![\w-])")
# a place in a ranking: "slipped to 57 in the world", "ranked 12 in the rankings"
WORLD_RANK_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:to|at|ranked)[ \t]+$", re.I)
WORLD_RANK_RIGHT_RE = re.compile(r"^[ \t]+in[ \t]+the[ \t]+(?:world|rankings?)(?![A-Za-z])", re.I)
# a place in an order, whatever follows: "the world number five", "made the last eight", "six
# top ten singles", "a top 10 finish", "a No. 2 seed" (ordinals used as names, no count; "one of
# the top five players" counts the players)
RANK_NAME_LEFT_RE = re.compile(
    rf"(?:(?<![A-Za-z])(?:number|no\.|the[ \t]+(?:last|final))|(?:\d|(?<![A-Za-z])(?:an?|{NUMWORD}))"
    r"[ \t]+(?:top|bottom))[ \t]+$", re.I)
# a number dialled, named by what it reaches: "a 999 call", "the 111 helpline"
DIALLED_AFTER_RE = re.compile(
    r"^[ \t]+(?:call|line|number|operator|dispatcher|helpline|hotline)(?![A-Za-z])"
    r"(?![ \t]+(?!(?:has|was|is)(?![a-z]))[a-z]+s(?![\w'\u2019-]))", re.I)  # not "166 call centres"
DIAL_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:call|calls|calling|called|dial|dials|dialing|dialling|"
                          r"dialled|dialed|text|texting)[ \t]+$", re.I)
# "1.5m people", "7.58m": a scale letter without a currency when it cannot be metres
SCALE_LETTER_COUNT_RE = re.compile(r"^[ \t]+(?:[a-z]+[ \t]+)?(?:people|[a-z]+s)(?![A-Za-z])")
# what a distance names when it names a race or an event ("the 400m hurdles", "a 5km race",
# "the 800m and 1500m events")
_RACE_WORDS = (r"race|sprint|hurdles?|steeplechase|freestyle|backstroke|breaststroke|butterfly|medley|"
               r"relay|dash|events?|finals?|heats?|semi-?finals?|titles?|champions?|championships?|"
               r"medals?|gold|silver|bronze|world[ \t]+records?|specialists?")
RACE_LENGTHS = frozenset({"m", "km", "mi", "yd"})  # the symbols of lengths races are run over
RACE_AFTER_RE = re.compile(rf"^[ \t]?-?[ \t]*(?:{_RACE_WORDS})(?![A-Za-z])", re.I)
LENGTH_WORDS_RE = re.compile(
    r"^[ \t]?-?[ \t]*(?:long|tall|high|deep|wide|metres?|meters?|run|swim|away|above|below|"
    rf"in[ \t]+(?:length|height|width|diameter)|{_RACE_WORDS})(?![A-Za-z])",
    re.I)
TENOR_NOUNS = wordlists.words("quantities_tenor_nouns.txt")
TENOR_RE = re.compile(
    r"^[ \t]?-[ \t]?(?:year|month|week|day)[ \t]+(?:(?:[A-Z][A-Za-z.]*|benchmark|government|"
    r"fixed|fixed-rate|interest|inflation-linked|zero-coupon)[ \t]+){0,2}(?P<n>[A-Za-z]+)")
# a trading window that names a statistic, not a duration: "its 200-day moving average", and the
# year-long trading range of a share, "a new 52-week low", "a 52-week \u2014 and all-time \u2014 high"
# (but "an eight-month high" says how long since: a figure)
WINDOW_AVERAGE_RE = re.compile(
    r"^[ \t]?-[ \t]?(?:week|day|month)[ \t]+(?:(?:moving|rolling|trading)[ \t]+)?average(?![A-Za-z])",
    re.I)
TRADING_YEAR_RE = re.compile(
    r"^[ \t]?-[ \t]?week(?:[ \t]*[\u2014\u2013][^\u2014\u2013\n]{1,30}[\u2014\u2013])?"
    r"[ \t]+(?:(?:intraday|closing|trading)[ \t]+)?(?:highs?|lows?|range)(?![A-Za-z])", re.I)
WEEKS_IN_TRADING_YEAR = 52
MARGIN_NOUNS = {"lead", "leads", "advantage", "edge", "margin", "gap", "deficit", "swing",
                "drop", "gain", "increase", "decrease", "jump", "rise", "fall", "decline",
                "lead,", "cushion", "spread", "bounce", "cut", "cuts", "hike", "hikes", "reduction"}
# "rise by a factor of 10": a multiplier
FACTOR_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:a|by)[ \t]+factor[ \t]+of[ \t]+$", re.I)
TIMES_AFTER_RE = re.compile(r"^(?:[ \t]+times(?![A-Za-z])|[ \t]?-[ \t]?fold(?![A-Za-z])|x(?=\s))",
                            re.I)
# after "three times", "twice": what makes it a multiplier of something ("three times faster",
# "twice the rate", "13 times his rival's total", "twice as many"); without it the words count
# events ("lost three times", "was taken to hospital twice")
MULTIPLIER_CUE_RE = re.compile(
    r"^[ \t]+(?:as(?=[ \t]+(?:much|many|likely|often|[A-Za-z]+(?:[ \t]+[A-Za-z]+)?[ \t]+as|"
    r"[a-z]+[ \t]*(?:[.,;:!?]|$))(?![A-Za-z]))|"
    r"the|that|what|his|her|its|their|our|my|your|more|less|fewer|over|higher|lower|"
    r"larger|bigger|greater|faster|slower|smaller|longer|shorter|cheaper|worse|better|"
    r"[A-Za-z]+er[ \t]+than|[A-Za-z][\w.&-]*(?:'s|\u2019s|s'|s\u2019))(?![\w'\u2019])"
    r"|^[ \t]*[$\u00a3\u20ac\u00a5\d]", re.I)


def times_kind(text: str, end: int, value: float) -> str:
    """``multiplier`` or ``count`` for "N times" / "twice" that ends at ``end``."""
    if value != int(value) or MULTIPLIER_CUE_RE.match(text[end:end + 40]):
        return "multiplier"
    return "count"


AGE_AFTER_RE = re.compile(
    r"^(?:[ \t]?-[ \t]?|[ \t])years?(?:[ \t]?-[ \t]?|[ \t])old(?!s)(?![A-Za-z])", re.I)
AGE_GROUP_RE = re.compile(r"^(?:[ \t]?-[ \t]?|[ \t])years?(?:[ \t]?-[ \t]?|[ \t])olds", re.I)
HYPHEN_WORD_RE = re.compile(r"^-(?P<w>[A-Za-z]+)(?![\w-]*-(?:old|olds)\b)")
NEXT_WORD_RE = re.compile(r"^[ \t\u00a0]+(?P<w>[A-Za-z][A-Za-z'\u2019-]*)")
MONTHS = ("jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|"
          "sept|september|oct|october|nov|november|dec|december")
MONTH_BEFORE_RE = re.compile(rf"(?<![A-Za-z])(?:{MONTHS})\.?,?[ \t]+(?:\d{{1,2}}[ \t]*[-\u2013][ \t]*)?$", re.I)
MONTH_AFTER_RE = re.compile(rf"^(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:{MONTHS})(?![A-Za-z])", re.I)
# a day of the month whose month the sentence leaves out: "the decision is due on 26."
DAY_LEFT_RE = re.compile(r"(?<![A-Za-z])on[ \t]+$", re.I)
DAY_RIGHT_RE = re.compile(r"^[ \t]*(?:[.;!?]|,[ \t]+(?:when|and|but|after|before)\b|$)")
DATE_WORDS = frozenset(MONTHS.split("|")) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tonight yesterday".split())
WEEKDAY_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\.?,?[ \t]+$", re.I)
# a time of day on the 24-hour clock that names a slot in a schedule: "the 2045 slot"
CLOCK_SLOT_RE = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d$")
SLOT_AFTER_RE = re.compile(r"^[ \t]+(?:time[ \t-]?)?slots?(?![A-Za-z])", re.I)
# a ranked set, not a count: "the region's 10 largest towns", "the 20 most visited sites"
SUPERLATIVE_AFTER_RE = re.compile(
    r"^[ \t]+(?:most|least|best|worst|(?!(?:inter|for|prot|harv|requ|gu|ch|cont|conqu|qu|arr|cr|hon|mod|"
    r"sugg|dig|inv|manif|inqu|att|temp|earn|unr|beh)est)[a-z]{2,}est)(?![A-Za-z])")
SET_LEFT_RE = re.compile(r"(?:(?<![A-Za-z])(?:the|its|their|our|his|her)|[A-Za-z](?:'s|\u2019s|s'|s\u2019))[ \t]+$",
                         re.I)
# a title-cased name that holds the number: "host of 99 Nights Live", "a 24 Hour Bakery writer";
# the capitalized words after the number are a name unless they end in a plural (a counted noun:
# "30 Labour MPs") or are dates ("rose 5% Tuesday")
def _name_after(last_plural: bool) -> "re.Pattern[str]":
    last = "" if last_plural else "(?<!s)"
    return re.compile(
        rf"^[ \t]+(?P<run>(?:[A-Z][a-z'\u2019]+[ \t]+){{0,2}}[A-Z][a-z]+){last}(?![\w'\u2019-])"
        r"(?P<next>[ \t]*(?:$|[.,;:!?)\u201d\"]|[ \t](?P<prep>on|in|at|for|with|and|of|by|from)(?![A-Za-z])"
        r"|[ \t]+(?P<noun>[a-z]+)(?<!s)(?![\w'\u2019-])"
        # ... unless a plural follows: "3 Olympic gold medals" counts medals
        r"(?![ \t]+(?!(?:has|was|is|does|says|goes)(?![a-z]))[a-z]+[^su'\u2019]s(?![\w'\u2019-]))))")


OPEN_QUOTES = frozenset("\"'\u201c\u2018")
QUOTED_TITLE_RE = re.compile(r"^(?:[ \t]+[A-Z][\w'\u2019&-]*){1,5}[\"'\u201d\u2019]")
NAME_AFTER_RE = _name_after(last_plural=False)
TITLE_AFTER_RE = _name_after(last_plural=True)  # "48 Hours": a title may end in a plural
# a work named by a number alone: "her album 21", "the sitcom 24", "the film 300"
WORK_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:album|film|movie|sitcom|comedy|drama|thriller|novel|documentary|musical|"
    r"magazine)[ \t]+$", re.I)
# a time of day written with a dot, as British papers do: "starts at 9.30 tomorrow", "from 7.45
# each morning" (a price that closed "at 9.30 on Monday" stays a figure)
DOT_CLOCK_RE = re.compile(r"^(?:[01]?\d|2[0-3])\.[0-5]\d$")
DOT_CLOCK_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:at|from|until|till|by|before|after)[ \t]+$", re.I)
DOT_CLOCK_RIGHT_RE = re.compile(
    r"^[ \t]+(?:tomorrow|tonight|today|this[ \t]+(?:morning|afternoon|evening)|each|every|"
    r"in[ \t]+the[ \t]+(?:morning|afternoon|evening)|local[ \t]+time|on[ \t]+(?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)days?)(?![A-Za-z])", re.I)
DOT_CLOCK_PRICE_RE = re.compile(
    r"(?<![A-Za-z])(?:closed|ended|finished|stood|traded|settled|fell|rose|dropped|climbed)[ \t]+at[ \t]+$",
    re.I)
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
    r"|(?:\d(?P<sep>[-.])\d+(?P=sep)$)|(?:[A-Za-z]\d*$)",
    re.I)
AFTER_REJECT_RE = re.compile(
    r"^(?:[/.^]\d|-\d{2}-\d|[-.]\d{3}[-.]\d{4}|s(?![A-Za-z])|'s\b|\u2019s\b|\d)")
GLUED_LETTER_RE = re.compile(r"^[A-Za-z\u00b0]")
GLUED_SECONDS_RE = re.compile(r"(?P<w>s)(?![\w'\u2019-]|\.\w)")  # "9.58s" after a decimal
GLUED_WORD_RE = re.compile(r"(?P<w>[a-z]{2,})(?![\w'\u2019-])")  # "9.58secs", "90mins"
ADDRESS_AFTER_RE = re.compile(
    r"^[ \t]+(?:block[ \t]+of(?![A-Za-z])|(?:[NSEW]\.?[ \t]+)?(?:[A-Z][a-z]+[ \t]+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|"
    r"Blvd|Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct|Highway|Hwy|Parkway|Pkwy|Square|Terrace|"
    r"[Cc]enter|[Cc]entre|[Pp]laza)\b\.?)")
# a unit of one currency priced in another: "one franc bought 1.05 euros", "1 dollar was worth
# 150 yen" (an exchange rate's base, no amount of money)
EXCHANGE_BASE_AFTER_RE = re.compile(
    r"^[ \t]+(?:was[ \t]+|is[ \t]+)?(?:worth|buying|buys|bought|fetch(?:es|ed|ing)?|"
    r"equal(?:s|led|ed)?[ \t]+to|traded[ \t]+at|=)[ \t]+\S*\d", re.I)
# "a year ago", "a decade from now": the period dates something; a figure only when a digit
# number or a qualifier states it ("40 years ago", "more than a century ago")
DATING_AFTER_RE = re.compile(r"^[ \t]+(?:ago|from[ \t]+now)(?![\w-])", re.I)
# "its one millionth visitor": a number before an ordinal scale word is part of an ordinal
ORDINAL_SCALE_AFTER_RE = re.compile(r"^[ \t-]*(?:hundredth|thousandth|millionth|billionth)(?![A-Za-z])", re.I)
# a spot on a course or in a sequence named by its number: "at mile 20", "on lap 31", "exit 14"
POSITION_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:mile|lap|hole|exit|junction|page|chapter|gate|platform|pier|bay|berth|ward|"
    r"row|aisle|seat|track|pump|stage|phase|level|grade|round|week|day|episode|verse|clause|item|"
    r"question|number|no\.)[ \t]+$", re.I)
# "a 401(k) plan": a number with a bracketed letter is a name of a rule or a form
LETTER_BRACKET_AFTER_RE = re.compile(r"^\([a-z]\)")
# the periods whose "ago" makes a checkable span of history ("50 years ago", "five years ago");
# "2 hours ago", "three weeks ago" date something recent
HISTORY_UNITS = frozenset({"years", "decades", "centuries"})
# "Ana Ruiz (9) scores": a number alone in brackets after a name
NAME_PAREN_LEFT_RE = re.compile(r"[A-Z][\w'\u2019.-]*[ \t]+\($")
# a banknote or coin named by its face value after a sign: "a $20 bill", "paid in \u00a350 notes"
# ("50 dollar bills" written out stays an amount)
DENOMINATION_AFTER_RE = re.compile(r"^[ \t]+(?:bank[ \t]?)?(?:notes?|bills?|coins?)(?![A-Za-z])", re.I)
# "pounds" that weigh: a person's or a thing's weight near a height or a weighing word
WEIGHT_CUE_RE = re.compile(
    r"(?<![A-Za-z])(?:weigh(?:s|ed|ing|t)?|tall|inch(?:es)?|feet|foot|heavy|heavier|lbs?|ounces?|"
    r"overweight|obese)(?![A-Za-z])", re.I)
# "50p" glued: pence, when pounds are written near ("\u00a3", "pounds", "pence", "sterling")
PENCE_GLUED_RE = re.compile(r"p(?![A-Za-z\d])")
POUNDS_NEAR_RE = re.compile(r"\u00a3|(?<![A-Za-z])(?:pounds?|pence|sterling|GBP)(?![A-Za-z])", re.I)
# words of a price right around a glued "p" ("just 30p dearer", "a 10p rise in the fare")
PRICE_NEAR_RE = re.compile(
    r"(?<![A-Za-z])(?:prices?|priced|costs?|costing|fees?|charges?|charged|cheaper|dearer|expensive|"
    r"fares?|tariffs?|pay|paid|paying|spend|spent|worth|subscriptions?|per[ \t]+litre|a[ \t]+litre)(?![A-Za-z])", re.I)
# a number worn as a name: "the 23 on his shirt", "31 on her jersey"
SHIRT_AFTER_RE = re.compile(
    r"^[ \t]+on[ \t]+(?:his|her|their|the|its|my|your)[ \t]+(?:[a-z]+[ \t]+)?(?:jersey|shirt|"
    r"back|uniform|kit|helmet|car|bib)s?(?![A-Za-z])", re.I)
LEFT_VAGUE_RE = re.compile(r"(?<![A-Za-z])(?:few|several|many|couple[ \t]+of|some|tens[ \t]+of|"
                           r"hundreds[ \t]+of|thousands[ \t]+of|a[ \t]+couple)[ \t]+$", re.I)
# a word number with no noun that names a place in an order or a time, not a count: "at four",
# "number two", "the top five", "chapter nine"
ELLIPTIC_LEFT_STOP_RE = re.compile(
    r"(?<![A-Za-z])(?:at|number|no\.|top|page|chapter|part|phase|stage|level|grade|channel|room|"
    r"gate|platform|plus|minus|times|by|till|until|past|every|per)[ \t]+$", re.I)
REFER_BACK_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:the|these|those)[ \t]+$", re.I)
# "the two actors", "all three will play": a pair or a trio the text has named, referred to as a
# group (like "both"), not a count; "each of the three bakeries" (a partitive) and "the other
# two" (the rest of a set) still count
GROUP_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:the|all|these|those)[ \t]+$", re.I)
PARTITIVE_LEFT_RE = re.compile(r"(?<![A-Za-z])of[ \t]+(?:the|all|these|those)[ \t]+$", re.I)
GROUP_NUMBERS = frozenset({2.0, 3.0})
GROUP_PERIOD_NOUNS = frozenset({"quarters", "seasons", "terms"})  # "the three quarters of growth": a period
_PERSON_WORDS = sorted({k[0] for name in ("people_roles.txt", "people_person_nouns.txt",
                                           "people_kin_nouns.txt")
                        for k in wordlists.gendered(name) if len(k) == 1 and k[0].isalpha()},
                       key=len, reverse=True)
# "Ana Ruiz, 58,", "the president, 78,", "Ana, now 18,": an age between commas after a name or a person noun
# ... or after a noun of occupation by its ending ("the songwriter, 41,", "the pianist, 29,")
_AGENT_NOUN = (r"(?<![A-Za-z])(?!(?:number|quarter|latter|former|other|order|chapter|border|winter|summer|"
               r"river|paper|matter|letter|water|sector|factor|error|mirror|floor|door|business|process|"
               r"address|access|success|progress|congress|press|stress|register)[ \t,])"
               r"[a-z]{2,}(?:ist|ian|ess|ster|er|or)")
AGE_LEFT_RE = re.compile(
    r"(?:[A-Z][a-z'\u2019.-]+|[A-Z]\.|(?<![A-Za-z])(?:" + "|".join(_PERSON_WORDS) + r")|"
    + _AGENT_NOUN + r"),[ \t](?:now[ \t]+)?$")
# a model number after a product name written in camel case: "iPhone 15", "PlayStation 5"
CAMEL_BEFORE_RE = re.compile(r"(?<![\w])[A-Za-z][a-z]*[A-Z][A-Za-z]*[ \t]+$")
# "100% certain", "110 percent behind him": a percentage of conviction, no figure
INTENSITY_AFTER_RE = re.compile(
    r"[\"'\u201d\u2019]?[ \t\u00a0]+(?:certain|sure|confident|committed|convinced|behind|"
    r"honest|right|wrong|true|correct|serious|focused|fit|ready|dedicated|positive|guaranteed|"
    r"clear|safe|genuine|legit|effort|on[ \t]+board)(?![A-Za-z])", re.I)
# a person's age after a form of "be": "I was 17 when", "by the time she was 13", "he turned 60",
# "Ana Ruiz, who was 19 at the time,"
PERSON_BE_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:turned|turns)[ \t]+$|"
    r"(?:(?<![A-Za-z])(?:I|[Hh]e|[Ss]he|I[\u2019']m|[Hh]e[\u2019']s|[Ss]he[\u2019']s)|(?<=,[ \t])who)[ \t]+"
    r"(?:(?:was|is|am|turned|turns|turning)[ \t]+"
    r"|(?:(?:had|has|have|will|would|[\u2019']d)[ \t]+)?(?:(?:just|only|recently|finally)[ \t]+)?"
    r"(?:turned|turns|turning|turn)[ \t]+)?"
    r"(?:(?:only|just|barely|nearly|almost|about)[ \t]+)?$")
PERSON_AGE_RIGHT_RE = re.compile(
    r"^(?:[ \t]*(?:[.,;:!?)\u201d\u2019\"]|$)|[ \t]+(?:when|and|at|in|last|this|on|years?)(?![A-Za-z]))")
AND_GAP_RE = re.compile(r"^[ \t]+(?:[a-z]+[ \t]+)?and[ \t]+$")
# between an age and another number of the same list: "5 years old and 8 or 9", "aged 8, 10"
AGE_LIST_GAP_RE = re.compile(
    r"^(?:[ \t]+years?(?:[ \t-]+old)?)?[ \t]*(?:,|and|or|to|-|\u2013)[ \t]*$", re.I)
# between an age after a name and another name's: "Ana, now 18, and Tom, 16"
AGE_NAME_GAP_RE = re.compile(r"^,?[ \t]*(?:and[ \t]+)?[A-Z][a-z'\u2019-]+(?:[ \t]+[A-Z][a-z'\u2019-]+)?,[ \t]*$")
AGED_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:(?:aged|age|ages)(?:[ \t]+of)?"  # "aged 19", "the age of 65"
    r"|(?:retire|retires|retired|retiring|retirement)[ \t]+(?:at|before|after|until|till|by))[ \t]+$", re.I)
# an age at death: "died of cancer at 32", "was killed in a crash at 19"
DIED_AT_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:died|dies|killed)(?:[ \t]+[a-z'\u2019-]+){0,5}[ \t]+at[ \t]+$")
# words that can start a sentence right before a number ("About 40 people", "In 2019 ..."); any
# other capitalized word there makes the number part of a name ("Windows 10", "Top 10 tips")
LEAD_WORDS = frozenset(
    "the a an about nearly some over almost only just all by to of with at and or from than "
    "another those these its their his her our my your in on for after before since until during "
    "around roughly approximately exactly more fewer less up down under below above between last "
    "this that every each but so yet when while if as among barely well both least most even "
    "estimated because although here there then now today yesterday still also including plus "
    "minus within without through across per via into onto upon like unlike despite whereas "
    "once what which who whose where why how no not".split())
YEAR_LEFT_RE = re.compile(
    r"(?:(?<![A-Za-z])(?:in|since|until|till|during|before|after|through|the|their|its|his|her|"
    r"our|my|your|this|that)|['\u2019]s?)[ \t]+$", re.I)
LEADING_ZERO_RE = re.compile(r"^0\d")
# "50 Cent": nobody capitalizes a cent, so it is a name
CAPITAL_CENT_RE = re.compile(r"^[ \t]+Cents?(?![A-Za-z])")
# "never in a million years": a figure of speech
HYPERBOLE_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:never|not)[ \t]+in[ \t]+$", re.I)
YEAR_RE = re.compile(r"^(?:1[0-9]|20)\d\d$")
URLISH_RE = re.compile(r"(?:://|www\.|@|=|\?|&|_|\\)")
POSSESSIVE_END_RE = re.compile(r"(?:'s|\u2019s|s'|s\u2019)$")
CAP_WORD_BEFORE_RE = re.compile(r"(?<![\w])(?P<w>[A-Z][\w&.\u2019'-]*)[ \t]+$")
BETWEEN_GAP_RE = re.compile(
    r"^(?:[ \t]*(?:-|\u2013|\u2014|to|and|or|vs\.?|versus|through)[ \t]*|-to-)$", re.I)
# a range written with hyphens: "an 8-to-10 foot shark"
HYPHEN_TO_RIGHT_RE = re.compile(r"^-to-\d")
HYPHEN_TO_LEFT_RE = re.compile(r"\d-to-$")
RANGE_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:between|from|range[ \t]+of|ranging[ \t]+from)[ \t]+$",
                           re.I)
RANGE_OF_LEFT_RE = re.compile(r"(?<![A-Za-z])(?:of|at|be|is|was|were|expects?|expected|sees?|"
                              r"forecasts?|projects?|estimates?|guidance|targets?)[ \t]+$", re.I)
# a rate that moves, before "0.25% to 5.5%": the first figure is the move, in percentage points
RATE_MOVE_LEFT_RE = re.compile(
    r"(?:(?<![A-Za-z])(?:raised|raises|raise|raising|lifted|lifts|lift|lifting|cut|cuts|cutting|"
    r"lowered|lowers|lower|lowering|hiked|hikes|hike|hiking|trimmed|trims|trim|reduced|reduces|"
    r"increased|increases)[ \t]+(?:(?:its|their|the|interest|benchmark|key|policy|official|cash|"
    r"lending|base|deposit|mortgage)[ \t]+){0,3}rates?"
    r"|(?<![A-Za-z])rates?[ \t]+(?:rose|fell|climbed|dropped|increased|decreased|declined|jumped|"
    r"slipped|eased|edged[ \t]+(?:up|down|higher|lower)))[ \t]+(?:by[ \t]+)?$", re.I)
SCORE_CONTEXT_RE = re.compile(
    r"(?<![A-Za-z])(?:won|win|wins|beat|beats|defeated|lost|loses|lose|score|scored|led|lead|"
    r"leads|trail|trailed|trails|vote|votes|voted|tally|margin|deadlock|tie|tied|split|record|"
    r"victory|loss|draw|edge|ruling|decision|majority|divided|divide|divides|humiliation|demolition|"
    r"mauling|thumping|rout)(?![A-Za-z])", re.I)
# a game result rather than a split of a whole ("won 55-45", "a 60-40 victory")
GAME_CONTEXT_RE = re.compile(
    r"(?<![A-Za-z])(?:won|win|wins|winning|beat|beats|beating|defeated|defeat|lost|loses|lose|"
    r"losing|game|games|match|victory|score|scored|scoring|points|goals?|innings|rout|routed|"
    r"edged|final|season|quarter|halftime|half-time|overtime|crushed|crushing|thrashed|thrashing|"
    r"hammered|hammering|trounced|drubbed|drubbing|downed|whipped|humbled|stunned|humiliation|"
    r"humiliated|demolition|demolished|mauling|mauled|thumping|thumped)(?![A-Za-z])", re.I)
# a count of votes ("voted 7-2", "a 5-4 ruling")
VOTE_CONTEXT_RE = re.compile(
    r"(?<![A-Za-z])(?:vote|votes|voted|voting|ballot|ruling|ruled|decision|justices|jurors|"
    r"senators|lawmakers|members|senate|passed|confirmed|approved)(?![A-Za-z])", re.I)
FRACTION_RE = re.compile(
    r"(?<![\w.,-])(?P<all>(?P<num>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
    r"[ \t]+(?:in|out[ \t]+of)[ \t]+"
    r"(?P<den>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"hundred|a[ \t]+hundred|thousand|a[ \t]+thousand|\d{1,3}(?:,\d{3})+|\d{1,4}))(?![\w]|,\d)"
    r"|(?<![\w-])(?P<fw>(?:(?:an?|one|two|three|four|five|six|seven|eight|nine)[ \t-]+"
    r"(?:half|third|quarter|fourth|fifth|sixth|eighth|tenth)s?)|half|two-thirds|three-quarters|"
    r"three-fourths)(?=[ \t]+of[ \t]|[ \t]+(?:the|their|its|his|her|all|that|this|what|said|say|says|were|are|"
    r"was|is|had|have|voted|agreed|supported|opposed|backed|want|wanted|think|thought|expect|"
    r"expected|more|less|fewer|higher|lower|larger|bigger|smaller|greater|cheaper|faster|"
    r"slower|longer|shorter)[ \t.,;])",
    re.I)
NOT_PLAIN_RE = re.compile(r"[^\d \t\n,;().%]")
SPACE_RE = re.compile(r"\s")
NOT_PLAIN_RIGHT_RE = re.compile(r"[^\d \t\n,;()]")
# a date written with one separator ("2024-01-05", "5/1/2024", "05.01.24"); "4.25-4.5" is a range
DATE_CHUNK_RE = re.compile(r"\d([-/.])\d+\1\d")
# "the series 2-1": a score after a lower-case word that would otherwise name the number
SCORE_AFTER_RE = re.compile(r"[-\u2013]\d{1,3}(?![\d.,]\d)")
COLON_LEFT_RE = re.compile(r"\d[ \t]*:[ \t]*$")
# "the second half of the year", "the first quarter of": a part of a period, not a share
HALF_PERIOD_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:the|first|second|third|fourth|final|last|latter|other|top|bottom)[ \t]+$",
    re.I)
NEGATIVE_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?:minus|negative)(?:[ \t]+|-)$", re.I)
# "a price of 18k", "sold for 2.6M": a scale letter without a currency in a price
PRICE_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:price|prices|priced|cost|costs|costing|worth|valued|salary|salaries|paid|pay|"
    r"pays|fee|fees|fetched|fetch|sold|sells|rent|budget)[ \t]+(?:(?:of|at|for|about|around|"
    r"nearly|just|over)[ \t]+)*$", re.I)
# a share price without a currency sign: "the shares changed hands near 14, up 3/8"
SHARE_NOUN_RE = re.compile(r"(?<![A-Za-z])(?:stock|shares?|share[ \t]+price)(?![A-Za-z])", re.I)
SHARE_MOVE_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:at|to|around|near|from|up|down|off|traded|closed|opened|ended|finished|fell|"
    r"rose|gained|lost|dropped|eased|added|slipped|climbed|jumped|firmed)[ \t]+$", re.I)
# a number compared with the amount before it: "up from 401.25", "7.1 pct vs 7.3"
COMPARED_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:from|vs\.?|versus|against|compared[ \t]+(?:with|to))[ \t]+$", re.I)
# the heading of a wire-copy results line: "Net 4.5 mln vs 3.9 mln", "Revs 45.6 mln"
EARNINGS_LEFT_RE = re.compile(
    r"(?:^|[\n.;][ \t]*)(?:oper[ \t]+)?(?:net|revs|revenues?|sales|shr|profit|loss|income|earnings)"
    r"(?:[ \t]+(?:profit|loss|income|earnings))?[ \t]+(?:(?:profit|loss)[ \t]+)?$", re.I)
# "a world record of 4.91m", "cleared 2.05m": a height or a distance in metres, not millions
FIELD_EVENT_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:(?:records?|mark|effort|height|distance|heave)[ \t]+of"
    r"|(?:jump|jumps|jumped|jumping|vault|vaulted|vaulting|throw|throws|threw|thrown|throwing|"
    r"cleared|clearing|leap|leapt|leaped)(?:[ \t]+(?:of|over))?)[ \t]+(?:an?[ \t]+|the[ \t]+)?$",
    re.I)
# "18k gold", "a 4K screen": a scale letter that is a carat count or a resolution
NOT_SCALE_AFTER_RE = re.compile(
    r"^[ \t]?-?[ \t]*(?:gold|white|rose|karat|carat|resolution|displays?|monitors?|screens?|"
    r"tvs?|televisions?|videos?|streaming|footage|content|ultra)(?![A-Za-z])", re.I)
# "one" as a counted quantity: "one of the four", "one of 12 finalists", "one platform" - but not
# "no one", "the one", "one another", "one day"
ONE_OF_RE = re.compile(rf"^[ \t]+of[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+|our[ \t]+)?(?:\d|{NUMWORD}\b)",
                       re.I)
ONE_LEFT_STOP_RE = re.compile(
    r"(?:(?<![A-Za-z])(?:the|this|that|no|any|every|each|which|such|a|an|at|some|for|number|in|under|"
    r"during|around)[ \t]+|['\u2018\"\u201c])$", re.I)
# "One" that starts a sentence is "a certain" ("One group of hikers found", "One bright note:")
# unless its noun is the subject of a plain report: "One person was killed", "One man died"
ONE_SUBJECT_RE = re.compile(
    r"^[ \t]+[a-z]+[ \t]+(?:was|is|has|had|died|remains|remained|suffered|sustained|survived)(?![A-Za-z])")
# "one" before a period: a duration ("only one month after"), unless a determiner makes it a
# name of a time ("the one year I lived there", "at one point"); "one day" only after a cue
# ("only one day", "within one day"): alone it is "some day"
ONE_PERIOD_LEFT_STOP_RE = re.compile(
    r"(?<![A-Za-z])(?:the|this|that|no|any|every|each|which|such|a|an|at|some)[ \t]+$", re.I)
ONE_DAY_LEFT_RE = re.compile(
    r"(?<![A-Za-z])(?:just|only|for|in|within|than|after|nearly|about|almost|over|under|least|"
    r"most|to|by|barely)[ \t]+$", re.I)
# "a", or a superlative after a determiner: "a one-year deal", "its sharpest one-week drop"
A_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(?:an?|(?:an?|the|its|their|his|her|our)[ \t]+(?:[a-z]+est|record))[ \t]+$", re.I)
# "a one-game ban", "a one-goal lead": "one-" before what a result or a margin counts
ONE_HYPHEN_NOUNS = {"game", "match", "goal", "point", "run", "seat", "vote", "stroke", "race",
                    "round", "set"}
ONE_IDIOM_NOUNS = {"another", "day", "way", "thing", "time", "hand", "point", "side", "piece",
                   "last", "kind", "sort", "bit", "moment", "morning", "night", "evening",
                   "afternoon", "hundred", "thousand", "million", "billion", "on", "off",
                   "big", "single", "only", "great", "true", "final", "former"}
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
    "apiece", "each", "times", "a.m", "p.m", "am", "pm", "s", "percent", "per", "yet", "last",
    "next", "vs", "versus",
}


def approx_before(text: str, pos: int) -> Tuple[Optional[str], int]:
    if APPROX_BEFORE_RE is None:
        return None, pos
    left = text[max(0, pos - 30):pos]
    m = APPROX_BEFORE_RE.search(left)
    if not m:
        return None, pos
    word = re.sub(r"\s+", " ", m.group("approx").lower())
    return word, pos - (len(left) - m.start("approx"))


def clean_word_core(text: str, s: int, e: int) -> Tuple[int, int]:
    """Cut a word-number match at an 'and' that does not follow a scale word."""
    chunk = text[s:e]
    words = list(re.finditer(r"[A-Za-z]+", chunk))
    for i, w in enumerate(words):
        if w.group().lower() == "and" and i > 0 and "half" not in chunk.lower():
            prev = words[i - 1].group().lower()
            if prev not in ("hundred", "thousand", "million", "billion", "trillion"):
                return s, s + words[i - 1].end()
    # trailing hyphen/space cleanup
    return s, e


def plural(word: str) -> str:
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


_PARAGRAPH_BREAK_BEFORE_RE = re.compile(r"\n[ \t\r]*\n[ \t\r]*$")


def sentence_start(text: str, pos: int) -> bool:
    """`pos` starts a sentence: after its end mark, or a blank line (a headline without a period
    ends at one; a single line break after a word may be a wrapped line)."""
    left = text[max(0, pos - 4):pos]
    return pos == 0 or bool(_PARAGRAPH_BREAK_BEFORE_RE.search(text, max(0, pos - 12), pos)) \
        or bool(re.search(r"(?:^|[.!?\"\u201c\u201d'\n:;]\s*|\n\s*)$", left)) and not re.search(r"[A-Za-z]\s+$", left)

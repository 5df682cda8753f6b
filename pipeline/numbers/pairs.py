"""Pairs, ranges, scores and splits among found quantities ("52% to 46%", "between 10 and 20",
"a 112-104 win", "a 60-40 split"): ``link(text, quantities)`` marks them in place (pure, no spaCy).
"""

from __future__ import annotations

import re
from typing import List

from .lexicon import (
    BETWEEN_GAP_RE,
    GAME_CONTEXT_RE,
    RANGE_LEFT_RE,
    RANGE_OF_LEFT_RE,
    RATE_MOVE_LEFT_RE,
    SCALE_AFTER_RE,
    SCORE_CONTEXT_RE,
    VOTE_CONTEXT_RE,
)
from .parse import parse_number
from .quantity import Quantity


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
            if a.words and a.kind == "duration" and b.words and b.kind == "count" and \
                    gap.strip().lower() == "or":
                # "a minute or two": the period's unit flows to the word number after it
                b.kind, b.unit, b.bare = a.kind, a.unit, False
                i += 1
                continue
            if not a.bare and (b.bare or (a.kind, a.unit) != (b.kind, b.unit)):
                # "by 0.25 percentage points to 4.75%", "rose 7.4% to $88.15": a change and a level
                i += 1
                continue
            if a.kind == b.kind == "percent" and gap.strip().lower() == "to" and \
                    RATE_MOVE_LEFT_RE.search(left):
                # "lifted rates 0.25% to 5.5%": a rate's move is in percentage points
                a.kind, a.unit = "percentage_points", "points"
                i += 1
                continue
            is_range = bool(RANGE_LEFT_RE.search(left))
            if not is_range and a.value < b.value and gap.strip().lower() in ("to", "-", "\u2013") and (
                    a.kind == "money" or a.kind in ("percent", "count", "duration") and
                    RANGE_OF_LEFT_RE.search(left)):
                # "revenue of $16.4 billion to $16.7 billion", "growth of 2% to 3%": one range
                is_range = True
            # units flow from the second to a bare first ("10 to 20 percent", "10 or 15%")
            flows = a.bare and b.kind in ("percent", "money", "percentage_points", "duration",
                                          "measure", "age") and (not a.words or a.extra.get("elliptic"))
            if gap.strip().lower() in ("and", "or") and not is_range:
                if flows:  # "10 or 15%", "1,800 and 2,400 miles"
                    a.kind, a.unit, a.bare = b.kind, b.unit, False
                    a.confidence = b.confidence - 0.1
                i += 1
                continue
            if flows:
                a.kind, a.unit, a.bare = b.kind, b.unit, False
                a.confidence = b.confidence - 0.1
            if a.kind == "money" and b.kind == "money" and a.value < 1000 <= b.value:
                m = SCALE_AFTER_RE.match(text[b.num_end:b.num_end + 20])
                if m and m.group("sw") and not SCALE_AFTER_RE.match(text[a.num_end:a.num_end + 20]):
                    sc = parse_number("1 " + m.group("sw"))
                    if sc:
                        a.value *= sc
            hyphen = gap.strip() in ("-", "\u2013") or gap == ""
            if hyphen and _score_shape(text, a, b):
                if not _score_or_split(text, a, b):
                    a.extra["drop"] = b.extra["drop"] = True  # "the 2019-20 season", "24-7"
            a.link = b.link = "range" if is_range else "pair"
            a.position, b.position = 0, 1
            a.partner, b.partner = i + 1, i
            a.extra["partner_obj"], b.extra["partner_obj"] = b, a
            i += 2
            continue
        i += 1


def _score_shape(text: str, a: Quantity, b: Quantity) -> bool:
    """Two whole numbers under 1,000 joined by a dash, with no unit of their own: "112-104",
    "60-40", "a 49-49 tie" (the second may have a noun: "a 55-45 split")."""
    if a.words or b.words or not a.bare or not (b.bare or b.noun is not None):
        return False
    if a.kind != "count" or b.kind != "count" or b.start - a.end > 3:
        return False
    return all(
        x.value == int(x.value) and 0 <= x.value < 1000 and text[x.num_start:x.num_end].isdigit()
        for x in (a, b))


# a run of set or frame scores: "won 6-3 6-1", "6-4, 3-6, 7-6"
_SCORE_NEXT_RE = re.compile(r",?[ \t]+\d{1,2}[-\u2013]\d{1,2}(?![\d.,]\d|[-\u2013/]\d)")
_SCORE_BEFORE_RE = re.compile(r"(?<![\d.,/-])\d{1,2}[-\u2013]\d{1,2},?[ \t]+$")


def _in_a_game(text: str, a: Quantity, b: Quantity) -> bool:
    """A score-shaped pair with no cue in its clause is a game score when it is one of a run of
    scores ("6-3 6-1") or when the passage before it is about a game (two different game words in
    the 300 characters before: "the match ... the set ... 4-4"). "24-7" is a phrase, not a score."""
    if (a.value, b.value) == (24, 7):
        return False
    if _SCORE_NEXT_RE.match(text, b.end) or _SCORE_BEFORE_RE.search(text[max(0, a.start - 12):a.start]):
        return True
    cues = {m.group(0).lower() for m in GAME_CONTEXT_RE.finditer(text, max(0, a.start - 300), a.start)}
    return len(cues) >= 2


def _score_or_split(text: str, a: Quantity, b: Quantity) -> bool:
    """Give a score-shaped pair its kind: a split of a whole ("a 60-40 split", "divided 52-48",
    "a 50-50 tie") is two percentages; votes ("voted 7-2") are counts of votes; a result ("a
    112-104 win", "a 49-49 tie", "leads the series 3-1") is two counts, of points in a game.
    False when nothing around the pair says which: then it is no figure ("the 2019-20 season")."""
    # the clause around the pair: the nearest cue decides ("voted 7-2, a 55-45 split")
    left = re.split(r"[,;.:!?\n]", text[max(0, a.start - 50):a.start])[-1]
    right = re.split(r"[,;.:!?\n]", text[b.end:b.end + 30])[0]
    ctx = f"{left} {right}"
    game = GAME_CONTEXT_RE.search(ctx) or _in_a_game(text, a, b)
    if a.value + b.value == 100 and not game and not VOTE_CONTEXT_RE.search(ctx):
        kind, unit, conf = "percent", "percent", 0.7
    elif VOTE_CONTEXT_RE.search(ctx) and not game:
        kind, unit, conf = "count", "votes", 0.6
    elif game:
        kind, unit, conf = "count", "points", 0.55
    elif SCORE_CONTEXT_RE.search(ctx) or a.value + b.value == 100:
        kind, unit, conf = "count", None, 0.5
    else:
        return False
    for x in (a, b):
        x.kind, x.unit, x.bare, x.noun, x.confidence = kind, unit, False, None, conf
    b.approx = a.approx
    return True

"""Datelines: the place in capitals that opens a wire story's first paragraph, and any paragraph
of a story that runs several together, before the text of the story itself.

One reading of a dateline for every stage (spaCy-free, on the text as read):

- with a dash, in any paragraph: "KESSELPORT, Norway (Reuters) - ", "SAN MATEO, Calif. - ",
  "CITY — ";
- without one, as pages and feeds that drop the agency's tag leave it, only in the opening
  paragraphs of an article: "KESSELPORT, Norway The port ...", "SAN MATEO Three companies ...",
  "TARSA Shares rose ...": a place in capitals (two words or more, or one of five letters or more),
  or one with ", Region", then a capital; never a word the article writes again in capitals.

`dateline_at(text, pos)` reads the one that opens the paragraph at `pos`; `story_start(text, pos,
paragraphs)` says where the story's own text begins there; `lede_datelines(text, paragraphs)`
finds them in an article.
"""

from __future__ import annotations

import re
from typing import List, NamedTuple, Optional, Sequence, Tuple

_PLACE = r"[A-Z][A-Z.'’\-]*[A-Z.](?:[ \t/]+[A-Z][A-Z.'’\-]*[A-Z.]){0,3}"
_REGION = r",[^\n,()]{1,40}(?:,[^\n,()]{1,30})?"
_DASHED = re.compile(rf"[ \t]*({_PLACE})(?:{_REGION})?[ \t]*(?:\([^()\n]{{1,40}}\)[ \t]*)?(?:--|[-–—])[ \t]+")
# without a dash: the region, when there is one, is a capitalized word or a state's abbreviation
# ("Norway", "Ind.", "N.Y."), or two words that open with a word that starts such names ("New
# Mexico", "South Australia"), and the story opens with a capital after it
_TWO_WORD_REGIONS = ("New", "North", "South", "East", "West", "Northern", "Southern", "Saudi", "Sri", "Costa",
                     "El", "Puerto", "Rhode", "Hong", "Papua", "Sierra", "Burkina", "Cape", "San", "Santa", "Sao")
_BARE = re.compile(
    rf"[ \t]*({_PLACE})(,[ \t]+(?:(?:{'|'.join(_TWO_WORD_REGIONS)})[ \t]+[A-Z][a-z]+|[A-Z][A-Za-z.]*))?"
    rf"[ \t]+(?=[A-Z](?:[a-z]|[ \t]))")

LEDE_PARAGRAPHS = 3
"""How many paragraphs at the start of an article may open with a dateline that has no dash."""


class Dateline(NamedTuple):
    place: Tuple[int, int]  # the place in capitals
    end: int  # where the story's own text begins


def dateline_at(text: str, pos: int, lede: bool = False) -> Optional[Dateline]:
    """The dateline opening the paragraph that starts at `pos`, or None. A dateline without a dash
    is read only when `lede` (the paragraph is one of the article's first)."""
    m = _DASHED.match(text, pos)
    if m is not None and _is_place(text, m.group(1), m.end(1)):
        return Dateline(m.span(1), m.end())
    if not lede:
        return None
    m = _BARE.match(text, pos)
    if m is None:
        return None
    place = m.group(1)
    words = place.replace("/", " ").split()
    if not m.group(2) and not (len(words) >= 2 or len(place) >= 5):
        return None  # "UK Shares ...", "NATO Allies ...": an acronym, not a place
    if text.find(place, m.end(1)) >= 0:
        return None  # written again in capitals: a name ("UNICEF Director ... UNICEF")
    return Dateline(m.span(1), m.end())


def lede_datelines(text: str, paragraphs: Optional[Sequence[Sequence[int]]] = None) -> List[Dateline]:
    """The datelines that open the article's paragraphs (its lines when `paragraphs` is None), at
    most 50 of the first 200: datelines open stories, and odd text stays cheap."""
    starts = [int(a) for a, _ in paragraphs] if paragraphs is not None else _line_starts(text)
    out: List[Dateline] = []
    for k, a in enumerate(starts[:200]):
        if len(out) >= 50:
            break
        found = dateline_at(text, a, lede=k < LEDE_PARAGRAPHS)
        if found is not None:
            out.append(found)
    return out


def story_start(text: str, pos: int, paragraphs: Optional[Sequence[Sequence[int]]] = None) -> int:
    """Where the story's own text begins at `pos`: after the dateline that opens the paragraph
    starting there (one without a dash only in the article's first paragraphs), else `pos`."""
    if pos and text[:pos].rstrip(" \t")[-1:] != "\n":
        return pos  # a dateline opens a paragraph
    line = dateline_at(text, pos, lede=in_lede(paragraphs, pos, text))
    return line.end if line else pos


def in_lede(paragraphs: Optional[Sequence[Sequence[int]]], pos: int, text: str = "") -> bool:
    """True when `pos` lies in one of the article's first paragraphs (its lines when `paragraphs`
    is None)."""
    if paragraphs is None:
        return text.count("\n", 0, pos) < LEDE_PARAGRAPHS * 2  # (paragraphs apart by blank lines)
    return any(int(a) <= pos < int(b) for a, b in list(paragraphs)[:LEDE_PARAGRAPHS])


def _line_starts(text: str) -> List[int]:
    starts = [0]
    at = text.find("\n")
    while at >= 0 and len(starts) < 200:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _is_place(text: str, place: str, end: int) -> bool:
    """Not an acronym the article repeats in capitals ("IBM - the computing giant - said")."""
    return len(place) > 5 or text.find(place, end) < 0

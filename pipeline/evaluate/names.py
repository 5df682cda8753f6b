"""Names as the gold README compares them: case, punctuation and leading titles ignored.

These word lists are part of the scoring rule, not extraction lexicons.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

# This is part of the scoring rule, not an extraction word list.
_TITLES_1 = frozenset(
    """
    rep reps representative congressman congresswoman congressmember sen senator
    president mayor gov governor lt ltgov dr doctor mr mrs ms miss mx prof professor
    judge justice sheriff councilmember councilman councilwoman councillor councilor
    supervisor secretary gen general col colonel maj major capt captain sgt sergeant
    adm admiral cmdr commander chief rev reverend pastor rabbi father sir dame lord lady
    speaker chairman chairwoman chair chairperson commissioner minister premier chancellor
    ambassador attorney assemblymember assemblyman assemblywoman del delegate alderman
    alderwoman treasurer controller comptroller auditor superintendent officer detective
    coach pope king queen prince princess
    former then acting interim outgoing incoming
    """.split()
)
_TITLES_2 = frozenset(
    {
        "vice president",
        "attorney general",
        "state senator",
        "state sen",
        "state rep",
        "state representative",
        "us rep",
        "us sen",
        "us senator",
        "us representative",
        "prime minister",
        "district attorney",
        "city attorney",
        "council member",
        "assembly member",
        "lt gov",
        "lieutenant governor",
        "house speaker",
        "supreme leader",
        "first lady",
    }
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq"})
# Joining words allowed in lower case inside a name ("Bureau of Labor Statistics").
_JOINERS = frozenset(
    "of the and for in on at to a an de del della der di da du des la le van von y &".split()
)
_SPACE_LIKE = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015/")


# --------------------------------------------------------------------------- names


# "'s" or "’s" ending a word, or an apostrophe after a plural's "s" ("the players' union")
_POSSESSIVE_END = re.compile(r"(?<=\w)['\u2019](?:s(?!\w)|(?=\s|$))")


def _words(name: str) -> list[str]:
    """Case-folded words of `name` with punctuation and possessive endings removed (hyphens and
    slashes split words): "Nigeria's economy" holds the word "nigeria"."""
    name = _POSSESSIVE_END.sub("", unicodedata.normalize("NFKC", name))
    chars = []
    for ch in name:
        if ch in _SPACE_LIKE or ch.isspace():
            chars.append(" ")
        elif unicodedata.category(ch).startswith(("P", "S")):
            continue
        else:
            chars.append(ch)
    return "".join(chars).casefold().split()


def _strip_titles(words: list[str]) -> list[str]:
    while len(words) > 1:
        if len(words) > 2 and " ".join(words[:2]) in _TITLES_2:
            words = words[2:]
        elif words[0] in _TITLES_1:
            words = words[1:]
        else:
            break
    return words


def canonical_name(name: Optional[str]) -> str:
    """`name` for strict comparison: case-folded, no punctuation, leading titles removed.

    >>> canonical_name("Rep. Jane  Doe")
    'jane doe'
    """
    if not name:
        return ""
    return " ".join(_strip_titles(_words(name)))


def last_name(name: Optional[str]) -> str:
    """The last word of the canonical name, generational suffixes ("Jr.", "III") dropped."""
    words = _strip_titles(_words(name or ""))
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words = words[:-1]
    return words[-1] if words else ""


def last_word(text: Optional[str]) -> str:
    """The last word of `text`, case-folded, punctuation removed ("" when there is none)."""
    words = _words(text or "")
    return words[-1] if words else ""


def names_someone(subject: Optional[str]) -> bool:
    """True when `subject` names someone: every word capitalized (joining words like "of" allowed).

    >>> names_someone("Bureau of Labor Statistics"), names_someone("homeless families in Riverton")
    (True, False)
    """
    if not subject or not subject.strip():
        return False
    capitalized = 0
    for raw in subject.split():
        word = raw.strip("\"'()[]{},.;:!?\u2018\u2019\u201c\u201d")
        if not word:
            continue
        if word.casefold() in _JOINERS:
            continue
        letters = [ch for ch in word if ch.isalpha()]
        if not letters:  # "3M"-like tokens or numbers: neither for nor against
            continue
        if not letters[0].isupper():
            return False
        capitalized += 1
    return capitalized > 0




# Words that say nothing about what a figure measures.
_FUNCTION_WORDS = frozenset(
    """
    a an the of in on at to for from by with and or as its his her their our your my this that
    these those some all any each per than into over under about who whom whose which what it they
    he she we you i is are was were be been being has have had
    """.split()
)


def content_words(text: Optional[str]) -> set[str]:
    """The content words of `text`: case-folded, punctuation removed, function words dropped.

    >>> sorted(content_words("the median rent of a new lease"))
    ['lease', 'median', 'new', 'rent']
    """
    return {w for w in _words(text or "") if w not in _FUNCTION_WORDS}

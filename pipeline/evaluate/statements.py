"""Scoring a figure's claim statement against the gold one (``shared/gold/README.md``).

Word-level F1: lower-cased words, punctuation and a possessive 's ignored, words counted as a
multiset. A statement at F1 >= :data:`GOOD_STATEMENT_F1` counts as close to the gold.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Optional

GOOD_STATEMENT_F1 = 0.8
"""A statement this close to the gold (word F1) counts as a good one."""

_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


def statement_words(text: Optional[str]) -> list[str]:
    """The words a statement is scored on.

    >>> statement_words("Caruso's $100 million, U.S.")
    ['caruso', '100', 'million', 'us']
    """
    words = []
    for raw in unicodedata.normalize("NFKC", text or "").casefold().split():
        for suffix in _POSSESSIVE:
            if raw.endswith(suffix) and len(raw) > len(suffix):
                raw = raw[: -len(suffix)]
                break
        word = "".join(ch for ch in raw if not unicodedata.category(ch).startswith(("P", "S")))
        if word:
            words.append(word)
    return words


def statement_f1(predicted: Optional[str], gold: Optional[str]) -> float:
    """Word-level F1 of `predicted` against `gold` (0.0 when either has no words).

    >>> statement_f1("Rick Caruso spent $100 million", "Caruso spent $100 million of his money")
    0.6666666666666666
    """
    p, g = Counter(statement_words(predicted)), Counter(statement_words(gold))
    common = sum((p & g).values())
    if not common:
        return 0.0
    return 2 * common / (sum(p.values()) + sum(g.values()))

"""The tokenizer's input guard: pathological runs of text tokenized in short pieces.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free run one at a time, each
step re-scanning the rest of the run: its time grows with the square of the run's length
(2,000 ``$`` in a row take about 0.75 s, 50,000 about 400 s), in compiled code that no time limit
can interrupt. ``make_doc`` cuts every whitespace-free run longer than ``MAX_RUN`` characters into
pieces of at most ``MAX_RUN``, tokenizes the text piece by piece and joins the pieces into one
``Doc`` whose text is exactly the input: character offsets do not move, only the tokens of such
a run end at the cuts (no word of ordinary text is that long). The cost of tokenizing is then
linear in the length of the text whatever it holds.
"""

from __future__ import annotations

import re
from typing import List, Tuple

MAX_RUN = 100
"""Longest whitespace-free run tokenized in one piece (URLs and hashtags are shorter)."""

_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))


def pieces(text: str, max_run: int = MAX_RUN) -> List[Tuple[int, int]]:
    """Consecutive [start, end) pieces covering `text`, cut only inside whitespace-free runs
    longer than `max_run`, so that no piece holds a whitespace-free run longer than `max_run`."""
    pattern = _LONG_RUN if max_run == MAX_RUN else re.compile(r"\S{%d,}" % (max_run + 1))
    cuts = []
    for match in pattern.finditer(text):
        cuts.extend(range(match.start() + max_run, match.end(), max_run))
    bounds = [0, *cuts, len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a] or [(0, 0)]


def make_doc(nlp, text: str):
    """`nlp.make_doc(text)` in time linear in the length of `text`; the same text, same offsets."""
    parts = pieces(text)
    if len(parts) == 1:
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    doc = Doc.from_docs([nlp.make_doc(text[a:b]) for a, b in parts], ensure_whitespace=False)
    if doc.text != text:  # the contract every offset relies on
        raise ValueError("the guarded tokenization changed the text")
    return doc

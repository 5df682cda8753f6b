"""News fixes on top of spaCy's sentence boundaries.

Runs before the parser, which keeps the boundaries set here:
- every line break starts a new sentence (headlines, datelines, paragraphs never run together);
- a closing quotation mark never starts a sentence, and neither does a lower-case word right
  after one ("... not yet,” he said." stays one sentence with its attribution);
- no sentence starts right after a word on the same line (only after punctuation), except the
  story's text after a wire dateline ("CITY, Region (Agency) - ", in a lede also "CITY The ...").
It also records the paragraph spans in doc._.claimsift_paragraphs.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import List

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..attrs import PARAGRAPHS
from ..datelines import lede_datelines

_CLOSING_MARKS = {"”", "’", "''", "»", '"', "'"}
_OPENING_MARKS = {"“", "‘", "``", "«", "`"}


def news_sent_starts(doc: Doc) -> List[int]:
    """Sentence-start values for the tokens (1 start, -1 not a start, 0 leave to the parser)."""
    values = [0] * len(doc)
    line_start = False
    prev = None
    for token in doc:
        text = token.text
        i = token.i
        if i == 0:
            values[i] = 1
        elif line_start and not token.is_space:
            values[i] = 1
        elif prev is not None and not line_start:
            if text in _CLOSING_MARKS and not prev.is_space and prev.whitespace_ == "":
                # A closing mark written right after a word joins the sentence it closes.
                values[i] = -1
            elif prev.text in _CLOSING_MARKS and prev.whitespace_ != "" and text[:1].islower():
                # ... and so does a lower-case attribution after it.
                values[i] = -1
            elif prev.is_alpha or prev.like_num:
                # No sentence starts right after a word on the same line ("... envoy to Brazil
                # Jane Doe said" is one sentence, whatever the parser would guess).
                values[i] = -1
        if token.is_space:
            line_start = line_start or "\n" in text
        else:
            line_start = False
        prev = token
    return values


def set_news_boundaries(doc: Doc) -> Doc:
    """Set sentence starts at line breaks and keep attributions with their quotes."""
    from ..quoting.marks import paragraphs_of  # imported at the first document, once the word lists are set

    doc._.set(PARAGRAPHS, [list(p) for p in paragraphs_of(doc.text)])
    if len(doc) == 0:
        return doc
    values = news_sent_starts(doc)
    _dateline_starts(doc, values)
    # One array write: setting token.is_sent_start one token at a time is quadratic in spaCy.
    # spaCy keeps -1 as a wrapped uint64, so compare and write through int64.
    current = doc.to_array([SENT_START]).astype("int64").reshape(-1)
    merged = [v if v else c for v, c in zip(values, current.tolist())]
    doc.from_array([SENT_START], numpy.array(merged, dtype="int64").astype("uint64").reshape(-1, 1))
    return doc


def _dateline_starts(doc: Doc, values: List[int]) -> None:
    """A wire dateline is a sentence of its own: the story's first sentence starts after it
    ("CITY, Region (Agency) - The ...", "CITY The ..."), so the parser never takes the place for
    the subject of the story's first verb."""
    paragraphs = doc._.get(PARAGRAPHS)
    lines = lede_datelines(doc.text, paragraphs)
    if not lines:
        return
    starts = [t.idx for t in doc]
    for line in lines:
        k = bisect_left(starts, line.end)
        if k < len(doc) and starts[k] == line.end and not doc[k].is_space:
            values[k] = 1


class NewsSentences:
    """Pipeline component: news sentence boundaries and paragraph spans."""

    def __init__(self, nlp: Language, name: str = "claimsift_sentences"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return set_news_boundaries(doc)


@Language.factory(
    "claimsift_sentences",
    assigns=["token.is_sent_start", f"doc._.{PARAGRAPHS}"],
    default_config={},
)
def make_sentences(nlp: Language, name: str) -> NewsSentences:
    return NewsSentences(nlp, name)

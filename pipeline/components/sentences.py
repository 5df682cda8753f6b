"""News fixes on top of spaCy's sentence boundaries.

Runs before the parser, which keeps the boundaries set here:
- every line break starts a new sentence (headlines, datelines, paragraphs never run together);
- a closing quotation mark never starts a sentence, and neither does a lower-case word right
  after one ("... not yet,” he said." stays one sentence with its attribution).
It also records the paragraph spans in doc._.claimsift_paragraphs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..attrs import PARAGRAPHS
from .article import paragraphs

_CLOSING_MARKS = {"”", "’", "''", "»", '"', "'"}
_OPENING_MARKS = {"“", "‘", "``", "«", "`"}


def set_news_boundaries(doc: Doc) -> Doc:
    """Set sentence starts at line breaks and keep attributions with their quotes."""
    doc._.set(PARAGRAPHS, [list(p) for p in paragraphs(doc.text)])
    n = len(doc)
    if n == 0:
        return doc
    line_start = False
    prev = None
    for token in doc:
        text = token.text
        if token.i == 0:
            token.is_sent_start = True
        elif line_start and not token.is_space:
            token.is_sent_start = True
        elif prev is not None and not line_start:
            if text in _CLOSING_MARKS and not prev.is_space and prev.whitespace_ == "":
                # A closing mark written right after a word joins the sentence it closes.
                token.is_sent_start = False
            elif (
                prev.text in _CLOSING_MARKS
                and prev.whitespace_ != ""
                and text[:1].islower()
            ):
                token.is_sent_start = False
        if token.is_space:
            line_start = line_start or "\n" in text
        else:
            line_start = "\n" in token.whitespace_
        prev = token
    return doc


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

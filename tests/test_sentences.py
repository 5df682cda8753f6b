"""News sentence boundaries on top of the parser's."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.attrs import PARAGRAPHS


def sentences(nlp, text):
    doc = nlp(text)
    return [s.text.strip() for s in doc.sents if s.text.strip()]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a line break always ends a sentence, even without punctuation
        ("Council Approves Budget\nThe council approved the budget on Monday.",
         ["Council Approves Budget", "The council approved the budget on Monday."]),
        ("WASHINGTON (AP)\n\nThe Senate passed the bill", ["WASHINGTON (AP)", "The Senate passed the bill"]),
        # an attribution after a closing quote stays with its quote
        ("“We will not stop. Not now, not ever,” she said.",
         ["“We will not stop.", "Not now, not ever,” she said."]),
        ('"The plan works," the governor said. "It saves money."',
         ['"The plan works," the governor said.', '"It saves money."']),
        ("``It was a long night,'' he said.", ["``It was a long night,'' he said."]),
    ],
)
def test_news_sentence_boundaries(nlp, text, expected):
    assert sentences(nlp, text) == expected


def test_paragraph_spans(nlp):
    text = "First paragraph here.\n\n  Second one.  \nThird.\n"
    doc = nlp(text)
    spans = doc._.get(PARAGRAPHS)
    assert [text[s:e] for s, e in spans] == ["First paragraph here.", "Second one.", "Third."]


# --------------------------------------------------------------------------- fast tier: hand-built Docs

VOCAB = spacy.blank("en").vocab


def _values(words, spaces=None):
    from pipeline.components.sentences import news_sent_starts

    return news_sent_starts(Doc(VOCAB, words=words, spaces=spaces))


@pytest.mark.parametrize(
    "words,spaces,expected",
    [
        # no sentence starts right after a word on the same line
        (["envoy", "to", "Ruritania", "Ana", "Kos", "said", "."], None, [1, -1, -1, -1, -1, -1, -1]),
        (["in", "2023", "Lena", "Marsh", "won"], None, [1, -1, -1, -1, -1]),
        # after punctuation the parser decides (0), after a line break a sentence starts
        (["Done", ".", "Next"], [False, True, False], [1, -1, 0]),
        (["Budget", "\n", "Council", "votes"], [False, False, True, False], [1, -1, 1, -1]),
        # a closing mark joins its sentence, and so does a lower-case attribution after it
        (["“", "No", ",", "”", "she", "said"], [False, False, False, True, True, False], [1, 0, -1, -1, -1, -1]),
    ],
)
def test_news_sent_starts_on_hand_built_docs(words, spaces, expected):
    assert _values(words, spaces) == expected

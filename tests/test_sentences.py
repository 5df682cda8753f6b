"""News sentence boundaries on top of the parser's."""

from __future__ import annotations

import pytest

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

"""Sentence-selective parsing: which sentences get parsed, and what the others look like."""

from __future__ import annotations

import pytest
import spacy

from pipeline.components.selective import SelectiveParser, reporting_forms, use_selective
from pipeline.export import doc_to_records
from tests.conftest import assert_offsets

TEXT = (
    "The lake froze early. Nobody skated near Elm Park. The ferry stopped. Fares rose 12% in March. "
    "The cafe closed. “We are finished,” the owner said. Snow fell all night."
)


def test_reporting_forms_inflect_and_take_irregular_forms():
    forms = reporting_forms({"said": ["say"], "ran": ["run"]})
    assert {"say", "says", "saying", "said", "warned", "warning", "argues", "denied"} <= forms
    assert "ran" not in forms and "weather" not in forms


@pytest.mark.parametrize(
    "names,neighbours,expected",
    [
        # numbers and quotations (with their reporting verb) only
        (False, 0, ["Fares rose 12% in March. ", "“We are finished,” the owner said. "]),
        # ... and a sentence of context on each side
        (False, 1, ["The ferry stopped. Fares rose 12% in March. The cafe closed. “We are finished,” "
                    "the owner said. Snow fell all night."]),
        # a capitalized word inside a sentence is a candidate name
        (True, 0, ["Nobody skated near Elm Park. ", "Fares rose 12% in March. ",
                   "“We are finished,” the owner said. "]),
    ],
)
def test_selected_ranges(names, neighbours, expected):
    nlp = spacy.blank("en")
    parser = SelectiveParser(nlp, "sel", names=names, neighbours=neighbours)
    parser.verbs = reporting_forms({"said": ["say"]})
    doc = nlp(TEXT)
    guesses = parser.splitter.predict([doc])[0]
    units, ranges = parser.selection(doc, guesses)
    assert len(units) == 7
    assert [doc[s:e].text_with_ws for s, e in ranges] == expected


def test_unselected_sentences_are_left_unparsed_and_tolerated(nlp):
    from pipeline import load_pipeline

    selective = load_pipeline()
    use_selective(selective, names=False, neighbours=0)
    doc = selective(TEXT)
    assert [s.text.strip() for s in doc.sents] == [s.text.strip() for s in nlp(TEXT).sents]
    skipped = [t for t in doc if t.sent.text.startswith("Nobody")]
    assert skipped and all(t.dep_ == "" and t.tag_ == "XX" and t.head == t for t in skipped)
    parsed = [t for t in doc if t.sent.text.startswith("Fares")]
    assert any(t.dep_ == "nsubj" for t in parsed)
    records = doc_to_records(doc)
    assert_offsets(TEXT, records)
    full = [r.model_dump() for r in doc_to_records(nlp(TEXT))]
    assert [r.model_dump() for r in records] == full


def test_default_selection_parses_a_news_paragraph_like_the_full_pipeline(nlp):
    from pipeline import load_pipeline

    selective = load_pipeline(selective=True)
    assert "parser" not in selective.pipe_names and "claimsift_selective" in selective.pipe_names
    text = TEXT + "\n\nThe mayor, Ann Roe, told reporters the town would pay $2 million for repairs."
    assert [r.model_dump() for r in doc_to_records(selective(text))] == [
        r.model_dump() for r in doc_to_records(nlp(text))
    ]

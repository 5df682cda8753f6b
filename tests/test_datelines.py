"""Datelines (pipeline/datelines.py): the place in capitals that opens a wire story, with or
without the agency's dash, read once for every stage; and the sentence boundary after it."""

from __future__ import annotations

import pytest

from pipeline.datelines import dateline_at, lede_datelines


@pytest.mark.parametrize("text,place,rest", [
    # with a dash, anywhere
    ("KESSELPORT, Norway (Wirenews) - The port closed.", "KESSELPORT", "The port closed."),
    ("TARSA — A man was held.", "TARSA", "A man was held."),
    ("SAN MATEO, Calif. - Three companies merged.", "SAN MATEO", "Three companies merged."),
    # without one, as feeds that drop the agency's tag leave it
    ("SAN MATEO A man was held.", "SAN MATEO", "A man was held."),
    ("KESSELPORT Shares rose.", "KESSELPORT", "Shares rose."),
    ("TARSA, Ind. Mayor Jane Roe spoke.", "TARSA", "Mayor Jane Roe spoke."),
    ("TARSA, New Mexico The port closed.", "TARSA", "The port closed."),
    ("NORTH TARSA/KESSELPORT, Norway Ships left.", "NORTH TARSA/KESSELPORT", "Ships left."),
])
def test_a_dateline_opens_the_story(text, place, rest):
    line = dateline_at(text, 0, lede=True)
    assert line is not None
    assert (text[line.place[0]:line.place[1]], text[line.end:]) == (place, rest)


@pytest.mark.parametrize("text", [
    "UK Shares fell on Monday.",  # an acronym, not a place
    "NATO Allies met on Monday.",
    "UNICEF Director Jane Roe said the plan failed. UNICEF will appeal.",  # written again in capitals
    "IBM - the computing giant - said IBM would grow.",
    "The port closed.",
])
def test_no_dateline(text):
    assert dateline_at(text, 0, lede=True) is None


def test_a_dateline_without_a_dash_is_read_only_in_the_lede():
    text = "Ports reopen\n\nThe port closed.\n\nMore news\n\nLater\n\nTARSA Ships left."
    assert dateline_at(text, text.index("TARSA"), lede=False) is None
    assert lede_datelines(text) == []
    text = "Ports reopen\n\nTARSA Ships left.\n\nKESSELPORT (Wirenews) - The port closed."
    assert [text[a:b] for (a, b), _ in lede_datelines(text)] == ["TARSA", "KESSELPORT"]


def test_the_story_after_a_dateline_is_a_sentence_of_its_own(nlp):
    from pipeline.attrs import QUOTES

    text = "Port visit\n\nTARSA, Ind. Governor Jane Roe said the port had added 4,000 jobs."
    doc = nlp(text)
    assert any(s.text.startswith("Governor Jane Roe said") for s in doc.sents)
    (quote,) = doc._.get(QUOTES)
    assert quote["speaker"]["name"] == "Jane Roe"


def test_a_dateline_is_no_part_of_a_figure_s_subject_or_statement(nlp):
    from pipeline.attrs import FIGURES

    text = "Fire blamed on camper\n\nSAN MATEO A man who started a fire was given 12 years behind bars."
    (fig,) = nlp(text)._.get(FIGURES)
    assert fig["subject"] == "man"
    assert fig["statement"] == "A man who started a fire was given 12 years behind bars"

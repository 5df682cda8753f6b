"""Article metadata and page furniture: the text is marked, never changed."""

from __future__ import annotations

import pytest
import spacy

from pipeline.attrs import ARTICLE, FURNITURE
from pipeline.components.article import find_date_line, parse_date_text  # registers the factory


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("claimsift_article")
    return nlp


@pytest.mark.parametrize(
    "text,expected",
    [
        ("date 2022-08-03 The council met on Tuesday.", "2022-08-03"),
        (" date 2022-08-03\n\nThe council met.", "2022-08-03"),
        ("Published: March 3, 2024\nThe council met.", "2024-03-03"),
        ("Updated 14 Feb. 2023 10:42 GMT\nShares fell.", "2023-02-14"),
        ("Posted on Sept. 9, 2021 The vote was close.", "2021-09-09"),
        # must yield nothing
        ("The date 2022-08-03 was chosen by the board.", None),
        ("date 2022-13-40 is not a date", None),
        ("Dated buildings line the street.", None),
        ("", None),
    ],
)
def test_leading_date_line(text, expected):
    found = find_date_line(text)
    assert (found[2] if found else None) == expected
    if found:
        assert text[found[0] : found[1]].strip().lower().split()[0] in {"date", "published:", "updated", "posted"}


@pytest.mark.parametrize(
    "text,iso", [("2024-02-29", "2024-02-29"), ("2023-02-29", None), ("Oct. 5, 2020", "2020-10-05"), ("5 May 2019", "2019-05-05")]
)
def test_parse_date_text(text, iso):
    assert parse_date_text(text) == iso


def test_metadata_from_text_and_input(blank):
    text = "date 2021-05-04 Shares of the company fell 3% on Monday."
    doc = blank.make_doc(text)
    doc._.set(ARTICLE, {"id": "x", "published": "2020-01-01", "title": None, "url": None})
    doc = blank(doc)
    assert doc._.get(ARTICLE)["published"] == "2020-01-01"  # the input's date wins
    assert doc.text == text
    doc = blank(text)
    assert doc._.get(ARTICLE)["published"] == "2021-05-04"
    assert [text[f["start"] : f["end"]] for f in doc._.get(FURNITURE)] == ["date 2021-05-04"]


def test_headline_is_first_short_paragraph(blank):
    text = "Council Approves Budget After Long Debate\n\nThe city council approved the budget on Monday.\n"
    doc = blank(text)
    assert doc._.get(ARTICLE)["title"] == "Council Approves Budget After Long Debate"


FURNITURE_CASES = [
    ("Related Articles", "Related Articles\n\nCouncil votes again\n\nMayor responds"),
    ("Back to top button", "Back to top button"),
    ("Advertisement", "Advertisement"),
    ("Photo: John Smith/Reuters", "Photo: John Smith/Reuters"),
    ("(Pictured: the mayor at City Hall)", "(Pictured: the mayor at City Hall)"),
    ("Jane Roe/Getty Images", "Jane Roe/Getty Images"),
    ("Sign up for our newsletter", "Sign up for our newsletter"),
    ("By Jane Roe and John Smith, Reuters", "By Jane Roe and John Smith, Reuters"),
]


@pytest.mark.parametrize("paragraph,marked", FURNITURE_CASES)
def test_furniture_is_marked(blank, paragraph, marked):
    body = "\n\n".join(
        ["Headline Here", "The city council approved a $2 million budget on Monday.",
         "“We did our job,” the mayor said.", "Opponents said the plan would raise rents."]
    )
    text = body + "\n\n" + marked
    doc = blank(text)
    spans = [text[f["start"] : f["end"]] for f in doc._.get(FURNITURE)]
    assert marked in spans
    assert doc.text == text


def test_author_box_at_the_end(blank):
    paragraphs = [
        "Budget Passes",
        "The city council approved the budget on Monday by a vote of 9 to 4.",
        "“It is a good day for the city,” the mayor said.",
        "Opponents said the plan would raise rents for thousands of families.",
        "The budget takes effect in July.",
        "Jane Roe",
        "Jane Roe is a staff reporter based in Denver. She covers city hall. You can reach her at the newsroom.",
    ]
    text = "\n\n".join(paragraphs)
    doc = blank(text)
    spans = [text[f["start"] : f["end"]] for f in doc._.get(FURNITURE)]
    assert spans == ["Jane Roe", paragraphs[-1]]


@pytest.mark.parametrize(
    "paragraph",
    [
        "By then the vote was over.",                       # "by" in prose, not a byline
        "Related costs rose 4% in the quarter.",
        "Share prices fell 12% after the announcement.",
        "Advertisement spending grew to $4 billion last year, the group said.",
        "Jane Roe is a reporter who was arrested during the protest, police said.",  # not at the tail
        "The photo agency said it would appeal.",
    ],
)
def test_prose_is_not_furniture(blank, paragraph):
    text = "\n\n".join(["Headline Here", paragraph, "The council will meet again next week.",
                       "Officials did not comment.", "The meeting is open to the public."])
    doc = blank(text)
    assert [f for f in doc._.get(FURNITURE) if text[f["start"] : f["end"]] == paragraph] == []


def test_repeated_headline_is_marked(blank):
    title = "Storm Leaves Thousands Without Power"
    text = f"{title}\n\nA storm cut power to 40,000 homes. {title}\n\nCrews worked overnight."
    doc = blank(text)
    spans = [(f["start"], f["label"]) for f in doc._.get(FURNITURE)]
    assert spans == [(text.rindex(title), "repeated_title")]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\ufeff", "🙂" * 10, "x" * 5000], ids=["empty", "blank", "bom", "emoji", "long-word"])
def test_odd_text_never_fails(blank, text):
    doc = blank(text)
    assert doc.text == text
    assert isinstance(doc._.get(FURNITURE), list)

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


# --------------------------------------------------------------------------- date lines among the first lines

from pipeline.components.article import find_date_lines  # noqa: E402


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Harbor Council Votes\nPublished: March 3, 2024\n\nThe council met.", "2024-03-03"),
        ("Harbor Council Votes\n\nBy Jane Roe\n\nUpdated 10:02 a.m. EST, Tue March 5, 2024\n\nThe council met.",
         "2024-03-05"),
        ("Headline\nUpdated March 9, 2024\nFirst published Monday, March 4, 2024\nText.", "2024-03-04"),  # publication wins
        ("Headline\nLast modified: 9 March 2024\nText follows here.", "2024-03-09"),
        ("Headline\n\nTuesday, March 5th, 2024 10:00 GMT\n\nThe council met.", "2024-03-05"),
        ("Headline\n\n2023-11-30\n\nThe council met.", "2023-11-30"),
        ("PORT ELLEN, March 3, 2024 (Wire) - Shares fell 3% at the harbor company.", "2024-03-03"),
        ("Headline\nPosted on Sept. 9, 2021 by the desk\nThe vote was close.", "2021-09-09"),
        # must yield nothing
        ("PORT ELLEN (Wire) — Shares fell 3% on March 3.", None),  # a dateline without a year
        ("The vote on March 3, 2024 approved 30 new homes.\n", None),  # a date inside prose
        ("Headline\nThe plan, first published March 3, 2024, was withdrawn.\n", None),
        ("\n".join(["Line of prose number %d." % i for i in range(9)]) + "\nPublished: March 3, 2024", None),  # too far down
        ("Headline\nUpdated 2024-02-30\nText.", None),  # not a date
    ],
)
def test_publication_date_from_the_first_lines(text, expected):
    found = find_date_line(text)
    assert (found[2] if found else None) == expected


def test_every_date_line_is_furniture_and_the_headline_skips_it(blank):
    text = "Updated 10:02 a.m. EST, Tue March 5, 2024\n\nHarbor Council Votes\n\nPublished: March 4, 2024\n\nThe council met on Monday."
    doc = blank(text)
    meta = doc._.get(ARTICLE)
    assert meta["published"] == "2024-03-04" and meta["title"] == "Harbor Council Votes"
    dated = [text[f["start"] : f["end"]] for f in doc._.get(FURNITURE) if f["label"] == "date_line"]
    assert dated == ["Updated 10:02 a.m. EST, Tue March 5, 2024", "Published: March 4, 2024"]
    assert [d[2] for d in find_date_lines(text)] == ["2024-03-05", "2024-03-04"]


def test_a_related_articles_list_in_the_middle_keeps_the_text_after_it(blank):
    """Issue 17: a "Related Articles" block inside a long text (or segment) took the rest with it."""
    paragraphs = [
        "Harbor Budget",
        "The council approved a $4 million ferry budget on Monday after a long debate.",
        "Ticket sales rose 18% last year, the harbor authority said.",
        "Related Articles",
        "Ferry fares to rise in autumn",
        "Council approves new bus routes",
        "Opponents said the town should have sought a regional grant, which could have covered 40% of the cost.",
        "The new boat will carry 300 passengers, the council said.",
    ]
    text = "\n\n".join(paragraphs)
    doc = blank(text)
    links = [text[f["start"] : f["end"]] for f in doc._.get(FURNITURE) if f["label"] == "links"]
    assert links == ["\n\n".join(paragraphs[3:6])]
    assert not any(f["end"] > text.index("Opponents") for f in doc._.get(FURNITURE))

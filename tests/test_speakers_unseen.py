"""Speakers on articles never seen (issue 11): the error classes measured on unseen articles, as
tables of invented news text run through the real English pipeline, each with cases that must
not change speaker. Every produced quote is checked against its own offsets."""

from __future__ import annotations

import pytest

from pipeline.attrs import QUOTES


def speakers(nlp, text):
    doc = nlp(text)
    out = []
    for q in doc._.get(QUOTES) or []:
        assert text[q["start"]:q["end"]]
        sp = q["speaker"] or {}
        if sp.get("mention_span"):
            a, b = sp["mention_span"]
            assert text[a:b] == sp["mention"]
        out.append((q["kind"], text[q["start"]:q["end"]], sp.get("name")))
    return out


def names_of(nlp, text, kinds=("direct", "fragment", "indirect")):
    return [(content, name) for kind, content, name in speakers(nlp, text) if kind in kinds]


# --------------------------------------------------------------------------- who is spoken about

SPOKEN_ABOUT_CASES = [
    # a name inside what someone is reported to say is not who "he" is
    ("Victor Hale has failed the country, Oscar Delgado has said.\n\n"
     "Mr Hale's cabinet was a \"tired, wasteful cabinet that ignores families,\" he added.\n\n"
     "Mr Hale has failed to fix the roads, he claimed.",
     [("Victor Hale has failed the country", "Oscar Delgado"),
      ("Mr Hale's cabinet was a \"tired, wasteful cabinet that ignores families,\"", "Oscar Delgado"),
      ("tired, wasteful cabinet that ignores families,", "Oscar Delgado"),
      ("Mr Hale has failed to fix the roads", "Oscar Delgado")]),
    # must not change: a name in a clause before the verb, not in what is said, can be "he"
    ("Oscar Delgado met voters on Friday. When Victor Hale arrived at the hall, he said the roads "
     "were \"a disgrace\".",
     [("the roads were \"a disgrace\"", "Victor Hale"), ("a disgrace", "Victor Hale")]),
]


@pytest.mark.parametrize("text,expected", SPOKEN_ABOUT_CASES, ids=["reported-name", "adjunct-name"])
def test_a_name_spoken_about_is_not_the_speaker(nlp, text, expected):
    assert names_of(nlp, text) == expected


# --------------------------------------------------------------------------- role nouns

ROLE_CASES = [
    # a role no one is titled with: the person who last spoke before it
    ("Victor Hale has failed the country, Oscar Delgado has said.\n\n"
     "\"The nation is drifting,\" the Liberal leader said in his spring address.",
     [("Victor Hale has failed the country", "Oscar Delgado"), ("The nation is drifting,", "Oscar Delgado")]),
    ("Dana Whitcomb, the new head of the museum, spoke to reporters on Monday.\n\n"
     "\"We are opening three new galleries,\" the director said.",
     [("We are opening three new galleries,", "Dana Whitcomb")]),
    # must not change: a person only spoken about does not hold the role
    ("The union said Tom Beck had resigned.\n\n\"It was sudden,\" the director said.",
     [("Tom Beck had resigned", None), ("It was sudden,", None)]),
    # must not change: an indefinite role is someone new
    ("Dana Whitcomb opened the museum on Monday.\n\n\"Prices will rise,\" a director said.",
     [("Prices will rise,", None)]),
]


@pytest.mark.parametrize("text,expected", ROLE_CASES, ids=["leader", "director", "spoken-about", "indefinite"])
def test_a_definite_role_is_the_person_who_last_spoke(nlp, text, expected):
    assert names_of(nlp, text) == expected


# --------------------------------------------------------------------------- descriptions

DESCRIPTION_CASES = [
    # "said the 20-year-old": an adjective heads the subject; the person named last
    ("Daniel Ortiz won the Coastal Classic on Saturday, beating Andrei Volkov in the final.\n\n"
     "Ortiz needed three sets to win.\n\n"
     "Volkov, ranked 158th in the world, reached his first final. \"For me, this was a big success,\" "
     "said the 20-year-old.",
     [("For me, this was a big success,", "Andrei Volkov")]),
    # must not change: "many" believing something is no one's quote
    ("Many believe the real motive for the charges is that he threatened to fund a rival party.", []),
]


@pytest.mark.parametrize("text,expected", DESCRIPTION_CASES, ids=["age", "many"])
def test_a_description_by_age_is_the_person_named_last(nlp, text, expected):
    assert names_of(nlp, text) == expected


# --------------------------------------------------------------------------- organizations and their bodies

ORG_CASES = [
    # "the board" is the organization's board, by the organization's canonical name
    ("Gregor Lind has made a fresh approach to buy Redfield Athletic, which could value the club at "
     "£80m.\n\nNow the board has confirmed that the bidder is back, with a statement reading: \"The board "
     "can confirm it has received a proposal.\"",
     [("the bidder is back", "Redfield Athletic board"),
      ("The board can confirm it has received a proposal.", "Redfield Athletic board")]),
    # a statement from an organization noun named by its apposition
    ("Indie band Glass Harbour played their last show on Friday.\n\nA statement from the band's record "
     "company Polestar said singer Tom Reilly planned to work on a solo album.",
     [("singer Tom Reilly planned to work on a solo album", "Polestar")]),
    # must not change: an organization noun that is not a body is the organization itself
    ("Redfield Athletic lost again on Saturday.\n\n\"We will appoint a new coach,\" the club said.",
     [("We will appoint a new coach,", "Redfield Athletic")]),
]


@pytest.mark.parametrize("text,expected", ORG_CASES, ids=["board", "statement-from", "club"])
def test_an_organization_body_and_an_organization_named_by_apposition(nlp, text, expected):
    assert names_of(nlp, text) == expected

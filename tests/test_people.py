"""Person/organization clusters and pronoun resolution (pipeline/components/people.py)."""

from __future__ import annotations

import pytest

from pipeline.attrs import PEOPLE
from pipeline.components.people import (
    canonical_name,
    clean_name_text,
    cluster_for,
    looks_like_name,
    resolve_pronoun,
    role_antecedent,
    split_title,
    title_gender,
)

# --------------------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(
    "words,title,name",
    [
        (["Sen.", "Jane", "Doe"], ["Sen."], ["Jane", "Doe"]),
        (["Vice", "President", "Ana", "Ruiz"], ["Vice", "President"], ["Ana", "Ruiz"]),
        (["Mr.", "Chen"], ["Mr."], ["Chen"]),
        (["Jane", "Doe"], [], ["Jane", "Doe"]),
        (["Mayor"], [], ["Mayor"]),  # a lone title stays (nothing left to name)
    ],
)
def test_split_title(words, title, name):
    assert split_title(words) == (title, name)


@pytest.mark.parametrize(
    "text,expected",
    [("Okonkwo’s", "Okonkwo"), ("Lindqvist'", "Lindqvist"), ("Jane Doe's", "Jane Doe"), (" “Jane Doe,” ", "Jane Doe"),
     ("J.J.", "J.J.")],
)
def test_clean_name_text(text, expected):
    assert clean_name_text(text) == expected


@pytest.mark.parametrize(
    "words,ok",
    [(["Jane", "Doe"], True), (["Ludwig", "van", "Beethoven"], True), (["J.", "Wallin"], True),
     (["Allen", "J.", "Schaben", "/", "Times"], False), (["karen", "bass"], False), (["Route", "66"], False)],
)
def test_looks_like_name(words, ok):
    assert looks_like_name(words) is ok


def test_title_gender():
    assert title_gender(["Ms."]) == "f"
    assert title_gender(["Congressman"]) == "m"
    assert title_gender(["Sen."]) is None


# --------------------------------------------------------------------------- through the pipeline


def clusters(doc):
    return {c["name"]: c for c in doc._.get(PEOPLE) or []}


def test_surname_title_and_possessive_join_the_full_name(nlp):
    text = ("Sen. Jane Doe, D-Ohio, introduced the bill on Monday. Doe said it would pass. "
            "Critics attacked Doe’s record, and Sen. Doe answered them.")
    doc = nlp(text)
    c = clusters(doc)
    assert "Jane Doe" in c
    jd = c["Jane Doe"]
    assert jd["kind"] == "person"
    assert "Sen." in jd["titles"]
    assert len(jd["mentions"]) == 4
    for a, b in jd["mentions"]:
        assert text[a:b] in ("Jane Doe", "Doe")
    i = text.index("Doe’s")
    assert canonical_name(doc, i, i + len("Doe’s")) == "Jane Doe"
    i = text.rindex("Sen. Doe")
    assert canonical_name(doc, i, i + len("Sen. Doe")) == "Jane Doe"


def test_roles_stay_apart_from_names(nlp):
    text = "“It is over,” said longtime strategist Garth Nolan, who advised three governors."
    doc = nlp(text)
    c = clusters(doc)
    assert "Garth Nolan" in c
    assert "longtime strategist" in c["Garth Nolan"]["titles"]


def test_first_name_reference_and_fullest_form(nlp):
    text = ("Maria Elena Vasquez won the race. Vasquez thanked volunteers. "
            "Maria Elena Vasquez later spoke to reporters.")
    doc = nlp(text)
    i = text.index("Vasquez thanked")
    assert canonical_name(doc, i, i + len("Vasquez")) == "Maria Elena Vasquez"


def test_organizations_cluster(nlp):
    text = "Microsoft reported higher profit on Tuesday. Shares of Microsoft rose 4% after the report."
    doc = nlp(text)
    orgs = [c for c in doc._.get(PEOPLE) if c["kind"] == "org"]
    assert any(c["name"] == "Microsoft" and len(c["mentions"]) == 2 for c in orgs)


def test_unknown_mention_gives_none(nlp):
    text = "The council met on Monday."
    doc = nlp(text)
    assert canonical_name(doc, 4, 11) is None
    assert cluster_for(doc, 0, 0) is None


def test_gender_from_pronouns_and_titles(nlp):
    text = ("Laura Kim said she would veto the measure. Mr. Tran disagreed with her. "
            "Tom Tran said he had the votes.")
    doc = nlp(text)
    c = clusters(doc)
    assert c["Laura Kim"]["gender"] == "f"
    assert c["Tom Tran"]["gender"] == "m"


PRONOUN_CASES = [
    # he/she by gender, skipping a more recent person of the other gender
    ("Laura Kim said she would veto the measure. Mr. Tran disagreed with her. "
     "Tom Tran said he had the votes. Later, she signed a different bill.", "she", -1, "Laura Kim"),
    # recency among same-gender candidates: the last subject
    ("Tom Tran said he had the votes. Greg Olsen, the speaker, said he did not. "
     "He scheduled the vote for Friday.", "He", -1, "Greg Olsen"),
    # a chain of pronoun subjects leads back to the name
    ("Margaret Collins runs the food bank. She opened it in 2015. She now feeds 400 families a week.",
     "She", -1, "Margaret Collins"),
    # a name the small NER model misses (tags the first name as a place) has no cluster yet
    pytest.param("Nadia Hussain runs the food bank. She opened it in 2015. She now feeds 400 families a week.",
                 "She", -1, "Nadia Hussain",
                 marks=pytest.mark.xfail(reason="names the NER does not tag PERSON are not clustered", strict=False)),
    # they -> coordinated subject
    ("Anna Berg and Tomas Lind filed the suit in May. They said the law was unfair.", "They", -1,
     "Anna Berg and Tomas Lind"),
    # they -> organization
    ("Acme Corp. reported a loss. They blamed higher costs.", "They", -1, "Acme Corp."),
]


@pytest.mark.parametrize("text,pron,occurrence,expected", PRONOUN_CASES, ids=[str(k) for k in range(len(PRONOUN_CASES))])
def test_resolve_pronoun(nlp, text, pron, occurrence, expected):
    doc = nlp(text)
    toks = [t for t in doc if t.text == pron]
    assert resolve_pronoun(doc, toks[occurrence]) == expected


def test_resolve_pronoun_ignores_names_inside_quotes(nlp):
    text = ("Ray Dunn, a pollster, studied the race.\n\n"
            "“Nobody thinks Maria Soto can win,” he said.")
    doc = nlp(text)
    he = [t for t in doc if t.text == "he"][-1]
    assert resolve_pronoun(doc, he) == "Ray Dunn"


def test_resolve_pronoun_none(nlp):
    doc = nlp("It rained all day. She stayed home.")
    she = [t for t in doc if t.text == "She"][0]
    assert resolve_pronoun(doc, she) is None
    doc = nlp("The report was late.")
    assert resolve_pronoun(doc, doc[0]) is None


def test_role_antecedent(nlp):
    text = "Dana Lowe, a three-term congresswoman, won again. The congresswoman thanked voters."
    doc = nlp(text)
    tok = [t for t in doc if t.text == "congresswoman"][-1]
    assert role_antecedent(doc, tok) == "Dana Lowe"


@pytest.mark.parametrize("text", ["", "   ", "😀😀", "“" * 50, "a" * 5000, "Mr. Mr. Mr."])
def test_odd_text_never_raises(nlp, text):
    doc = nlp(text)
    assert isinstance(doc._.get(PEOPLE), list)


# --------------------------------------------------------------------------- names the entity model mislabels or misses

@pytest.mark.parametrize(
    "text,name,kind",
    [
        # a title followed by capitalized words
        ("The pier will reopen, said Mayor Ana Ruiz on Friday.", "Ana Ruiz", "person"),
        # a person noun before a name tagged as an organization
        ("Longtime resident Bev Tolland said the plan would ruin the park.", "Bev Tolland", "person"),
        # a title at the start of a span tagged as an organization
        ("Councilmember Nadia Fairhurst told the Courier she would vote no.", "Nadia Fairhurst", "person"),
        # an organization word at the end of a span tagged as a person
        ("Wind developer Northgate Renewables said the turbines would go up next year.", "Northgate Renewables", "org"),
    ],
)
def test_mislabelled_names(nlp, text, name, kind):
    doc = nlp(text)
    c = clusters(doc)
    assert name in c, c
    assert c[name]["kind"] == kind
    for a, b in c[name]["mentions"]:
        assert text[a:b] in name


def test_left_out_first_name_joins_the_name(nlp):
    text = "Renata Kowalska, 54, of Kettering, pleaded guilty in March. Kowalska apologized in court."
    doc = nlp(text)
    i = text.rindex("Kowalska")
    assert canonical_name(doc, i, i + len("Kowalska")) == "Renata Kowalska"


def test_acronym_joins_the_organization(nlp):
    text = "The Environmental Protection Agency was sued on Thursday. The EPA declined to comment."
    doc = nlp(text)
    i = text.index("EPA")
    assert canonical_name(doc, i, i + 3) == "Environmental Protection Agency"


def test_org_antecedent(nlp):
    from pipeline.components.people import org_antecedent

    text = "Halvard Mining said profits fell. The union and the Mine Workers Union disagreed. The company said it would hire."
    doc = nlp(text)
    tok = [t for t in doc if t.lower_ == "company"][0]
    assert org_antecedent(doc, tok) in ("Halvard Mining", "Mine Workers Union")


def test_title_role_antecedent(nlp):
    text = "Gov. Marta Lindgren signed the bill. The governor thanked farmers."
    doc = nlp(text)
    tok = [t for t in doc if t.lower_ == "governor"][0]
    assert role_antecedent(doc, tok) == "Marta Lindgren"

"""Person/organization clusters and pronoun resolution (pipeline/entities/, the people stage)."""

from __future__ import annotations

import pytest

from pipeline.attrs import ENTITIES as PEOPLE
from pipeline.entities.lexicon import clean_name_text, looks_like_name, split_title, title_gender
from pipeline.entities.query import canonical_name, cluster_for, resolve_pronoun, role_antecedent

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
     (["Ann", "J.", "Rowe", "/", "Times"], False), (["jane", "doe"], False), (["Route", "66"], False)],
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
                 marks=pytest.mark.xfail(reason="names the NER does not tag PERSON are not clustered", strict=True)),
    # they -> coordinated subject
    ("Anna Berg and Tomas Lind filed the suit in May. They said the law was unfair.", "They", -1,
     "Anna Berg and Tomas Lind"),
    # they -> organization
    ("Acme Corp. reported a loss. They blamed higher costs.", "They", -1, "Acme Corp."),
    # the main clause's subject, not the subject of a clause inside it ("when her aunt moved in")
    ("Greta Harlow was in school when her aunt moved in. Later she wrote a book about those years.",
     "she", -1, "Greta Harlow"),
    # a verb the parse hung on the name ("and has two sons") does not make it one of two names
    ("Miss Harlow, who runs a bakery, and has two sons, was in school when her aunt moved in. "
     "Years later she wrote about those days.", "she", -1, "Harlow"),
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
    from pipeline.entities.query import org_antecedent

    text = "Halvard Mining said profits fell. The union and the Mine Workers Union disagreed. The company said it would hire."
    doc = nlp(text)
    tok = [t for t in doc if t.lower_ == "company"][0]
    assert org_antecedent(doc, tok) in ("Halvard Mining", "Mine Workers Union")


def test_title_role_antecedent(nlp):
    text = "Gov. Marta Lindgren signed the bill. The governor thanked farmers."
    doc = nlp(text)
    tok = [t for t in doc if t.lower_ == "governor"][0]
    assert role_antecedent(doc, tok) == "Marta Lindgren"


# --------------------------------------------------------------------------- binding principle B, first-name gender

BINDING_CASES = [
    # an object pronoun is not the subject of its own clause, even of the same gender
    ("Derek Hollins, 41, pleaded guilty in March. Judge Tom Reyes ordered him to pay $4,000 in restitution.",
     "him", "Derek Hollins"),
    ("Derek Hollins pleaded guilty in March. Judge Tom Reyes sentenced him to six years.", "him", "Derek Hollins"),
    ("Derek Hollins pleaded guilty in March. Prosecutor Tom Reyes argued against him at trial.", "him",
     "Derek Hollins"),
    ("Sam Ortiz lost his seat. Mark Lyle beat him by 300 votes.", "him", "Sam Ortiz"),
    ("Greg Olsen, the speaker, said the vote would be Friday. Tom Tran told him it was too soon.", "him",
     "Greg Olsen"),
    # the judge's first name tells her gender; "him" goes back to the defendant
    ("Owen Darcy, 52, admitted the thefts. Judge Lucia Ferrante ordered him to repay $61,000.", "him",
     "Owen Darcy"),
    # the object of an embedded clause with its own subject goes to the main subject, not to the
    # embedded subject ("the mayor" before the fix)
    ("Hugo Lind said the mayor had called him on Sunday.", "him", "Hugo Lind"),
    # must not change
    ("Nora Quist told reporters the board had overruled her.", "her", "Nora Quist"),
    ("Amy Rice won the primary on Tuesday.\n\nRice said rice farmers had backed her.", "her", "Amy Rice"),
    # must not change: possessives and reflexives do refer to their own clause's subject
    ("Lena Morrow raised $1.4 million for her campaign.", "her", "Lena Morrow"),
    ("Paul Harker said he expected orders to grow. Harker thanked his staff.", "his", "Paul Harker"),
    ("Judge Tom Reyes recused himself from the case.", "himself", "Tom Reyes"),
]


@pytest.mark.parametrize("text,pron,expected", BINDING_CASES, ids=[str(k) for k in range(len(BINDING_CASES))])
def test_object_pronoun_is_not_its_clause_subject(nlp, text, pron, expected):
    doc = nlp(text)
    tok = [t for t in doc if t.text == pron][-1]
    assert resolve_pronoun(doc, tok) == expected


def test_object_pronoun_with_no_other_antecedent_gives_none(nlp):
    doc = nlp("Judge Ana Whitfield told him his conduct was reckless.")
    him = [t for t in doc if t.text == "him"][0]
    assert resolve_pronoun(doc, him) is None
    # nor does "him" vote the judge male
    assert clusters(doc)["Ana Whitfield"]["gender"] == "f"


@pytest.mark.parametrize(
    "text,name,gender",
    [
        ("Judge Lucia Ferrante set the trial for June.", "Lucia Ferrante", "f"),
        ("Owen Darcy, 52, admitted the thefts in court.", "Owen Darcy", "m"),
        # pronouns outweigh the first name
        ("Carmen Ruiz said he would appeal the ruling.", "Carmen Ruiz", "m"),
        # a first name used by both sexes tells nothing
        ("Jordan Ellis said the plan would work.", "Jordan Ellis", None),
    ],
)
def test_first_name_gender_is_weak_evidence(nlp, text, name, gender):
    c = clusters(nlp(text))
    assert c[name]["gender"] == gender


def test_first_name_lists_are_disjoint_and_general():
    from pipeline.entities.lexicon import _FIRST_F, _FIRST_M, FIRST_NAME_GENDER

    assert len(_FIRST_M) > 250 and len(_FIRST_F) > 250
    assert FIRST_NAME_GENDER["Maria"] == "f" and FIRST_NAME_GENDER["Juan"] == "m"
    assert "Jordan" not in FIRST_NAME_GENDER


# --------------------------------------------------------------------------- company names

@pytest.mark.parametrize(
    "text,name",
    [
        # an organization word at the end of a span the model tags PERSON
        ("Callivan Dynamics reported revenue of $1.2 billion on Tuesday.", "Callivan Dynamics"),
        ("Orrin Robotics said it would hire 200 engineers.", "Orrin Robotics"),
        ("Brisa Analytics said revenue rose 20%.", "Brisa Analytics"),
    ],
)
def test_company_names_are_organizations(nlp, text, name):
    c = clusters(nlp(text))
    assert c[name]["kind"] == "org"
    assert not [n for n, x in c.items() if x["kind"] == "person"]


def test_lone_company_word_joins_the_organization(nlp):
    text = ("Brantwood Holdings said quarterly profit rose 14%. For the full year, Brantwood now expects "
            "revenue of $3 billion.")
    doc = nlp(text)
    c = clusters(doc)
    assert not [n for n, x in c.items() if x["kind"] == "person"], c
    i = text.rindex("Brantwood")
    assert canonical_name(doc, i, i + len("Brantwood")) == "Brantwood Holdings"
    for a, b in c["Brantwood Holdings"]["mentions"]:
        assert text[a:b] in ("Brantwood Holdings", "Brantwood")


def test_surname_that_starts_a_company_stays_with_the_person(nlp):
    text = "Ruth Calder founded Calder Logistics in 1998. Calder said the firm would expand."
    doc = nlp(text)
    i = text.rindex("Calder")
    assert canonical_name(doc, i, i + len("Calder")) == "Ruth Calder"
    assert clusters(doc)["Calder Logistics"]["kind"] == "org"


@pytest.mark.parametrize(
    "text,short,full",
    [
        ("Velmora Semiconductor said on Monday it would build a plant. Velmora expects the plant to open in 2027.",
         "Velmora", "Velmora Semiconductor"),
        # the full name is written once, untagged, after a dateline; the short name is what the model tags
        ("Vellmark unveils new tablet\n\nAUSTIN, Texas - Vellmark Technologies on Monday unveiled a $499 tablet. "
         "Vellmark said it would ship in May.", "Vellmark", "Vellmark Technologies"),
    ],
)
def test_org_canonical_name_is_its_fullest_form(nlp, text, short, full):
    doc = nlp(text)
    i = text.rindex(short)
    assert canonical_name(doc, i, i + len(short)) == full
    c = clusters(doc)[full]
    assert c["kind"] == "org"
    for a, b in c["mentions"]:
        assert text[a:b] in (short, full)


def test_place_does_not_join_its_county_board(nlp):
    text = "The Brinley County Board of Supervisors voted 3-2 on Tuesday. Brinley has about 40,000 residents."
    doc = nlp(text)
    i = text.rindex("Brinley")
    assert canonical_name(doc, i, i + len("Brinley")) != "Brinley County Board of Supervisors"


def test_merge_short_orgs_pure():
    from collections import Counter

    from pipeline.entities.org_names import _merge_short_orgs

    def cl(name):
        return {"forms": Counter({name: 1}), "mentions": [name]}

    orgs = {k.lower(): cl(k) for k in ("Quarrow", "Quarrow Foods", "Gulls", "Harbor City Gulls", "Estmar",
                                       "Bank of Estmar", "Ashby", "Ashby City Council", "Union",
                                       "Dock Workers Union", "NHS", "NHS Wales", "NHS Providers")}
    _merge_short_orgs(orgs)
    assert orgs["quarrow"]["mentions"] == [] and "Quarrow" in orgs["quarrow foods"]["forms"]
    assert orgs["gulls"]["mentions"] == [] and "Gulls" in orgs["harbor city gulls"]["forms"]
    # must not change: a place after "of", a place's body, a generic org noun, two candidates
    for key in ("estmar", "ashby", "union", "nhs"):
        assert orgs[key]["mentions"] == [key.upper() if key == "nhs" else key.capitalize()], key


# --------------------------------------------------------------------------- datelines and headlines

@pytest.mark.parametrize(
    "text,place",
    [
        ("KESSELMARK, July 9 (Harbour Wire) - Dockworkers walked out on Tuesday.", "KESSELMARK"),
        ("HALVERTON, Norway (Reuters) - Ferry crews walked out on Tuesday, the union said.", "HALVERTON"),
        ("BRACKENFORD, Norway (Reuters) - Dock workers walked out on Monday, the union said.", "BRACKENFORD"),
        ("Port strike widens\n\nSTORMHAVEN, Maine (AP) — Lobstermen said prices fell 20% this year.", "STORMHAVEN"),
    ],
)
def test_datelines_are_places(nlp, text, place):
    doc = nlp(text)
    i = text.index(place)
    assert cluster_for(doc, i, i + len(place)) is None
    assert place not in clusters(doc)


def test_all_caps_name_opening_a_paragraph_stays(nlp):
    text = "IBM - the computing giant - said on Monday it would cut 2,000 jobs. IBM shares fell."
    doc = nlp(text)
    c = clusters(doc)
    assert c["IBM"]["kind"] == "org" and len(c["IBM"]["mentions"]) == 2
    doc = nlp("NASA, the space agency, said on Monday it would delay the launch.")
    assert clusters(doc)["NASA"]["kind"] == "org"


@pytest.mark.parametrize(
    "text,word",
    [
        ("Ferry strike strands thousands on islands\n\nAbout 3,000 passengers were stranded after ferry crews "
         "walked out.", "Ferry"),
        ("Turnout reached 58% on Tuesday, the clerk said. Turnout was higher than in 2020, when turnout was 51%.",
         "Turnout"),
    ],
)
def test_capitalized_common_noun_at_sentence_start_is_no_person(nlp, text, word):
    doc = nlp(text)
    assert word not in clusters(doc)


def test_entity_crossing_a_function_word_is_split(nlp):
    from spacy.tokens import Span

    from pipeline.entities.clusters import build_clusters

    text = "Owls rally past Hawks as Brennan runs wild\n\nTy Brennan ran for 212 yards as the Owls beat the Hawks."
    doc = nlp(text)
    a = [t.i for t in doc if t.text == "Hawks"][0]
    ents = [e for e in doc.ents if e.start >= a + 3 or e.end <= a]
    doc.ents = [Span(doc, a, a + 3, label="ORG")] + ents  # "Hawks as Brennan", as the model tags it in headlines
    people = build_clusters(doc)
    names = {c["name"] for c in people}
    assert "Hawks as Brennan" not in names
    for c in people:
        for s, e in c["mentions"]:
            assert " as " not in text[s:e]
            if text[s:e] == "Brennan":
                assert c["name"] == "Ty Brennan"


@pytest.mark.parametrize("text,word,n,expected", [
    # a definite description the role lists do not hold: the most salient person before it
    ("Priya Nand outlasted Tomas Kerr to lift the Lakeside Cup.\n\n"
     "The reigning titleholder swept past the Norwegian qualifier in two sets.", "titleholder", 0, "Priya Nand"),
    ("Priya Nand outlasted Tomas Kerr to lift the Lakeside Cup.\n\n"
     "The reigning titleholder swept past the Norwegian qualifier in two sets.", "qualifier", 0, "Tomas Kerr"),
    # an age in apposition makes any noun a person's; the object is the other person
    ("Lena Brook posted a picture of her former partner, Victor Hale.\n\n"
     "The \"Copper Sky\" crooner, 31, shared a snapshot of the Harbor Nights actor, 38, on Sunday.",
     "crooner", 0, "Lena Brook"),
    ("Lena Brook posted a picture of her former partner, Victor Hale.\n\n"
     "The \"Copper Sky\" crooner, 31, shared a snapshot of the Harbor Nights actor, 38, on Sunday.",
     "actor", 0, "Victor Hale"),
    # a place in a ranking, a shirt number acting
    ("Oskar Lind lost to Priya Nand in March.\n\nThe third seed was never troubled.", "seed", 0, "Oskar Lind"),
    ("Gavin Roche scored the winner for Harbour Athletic on Saturday.\n\nThe Athletic number 9 converted "
     "a penalty too.", "number", 0, "Gavin Roche"),
    # a thing stays a thing
    ("Priya Nand opened a bakery in March. The bakery sold 300 loaves.", "bakery", 1, None),
    ("Priya Nand counted the votes.\n\nThe number 12 rose to 15 by noon.", "number", 0, None),
])
def test_a_description_outside_the_role_lists(nlp, text, word, n, expected):
    doc = nlp(text)
    tok = [t for t in doc if t.text == word][n]
    assert role_antecedent(doc, tok) == expected


def test_a_product_bearing_its_maker_s_name_does_not_take_the_maker_over(nlp):
    text = ("Brindle launched Brindle Radio in 2011. Brindle could earn 5% of the radio market. "
            "Brindle also sells Brindle Radio boxes.")
    doc = nlp(text)
    makers = [t for t in doc if t.text == "Brindle" and t.dep_ == "nsubj"]
    assert makers and all(canonical_name(doc, t.idx, t.idx + len(t.text)) == "Brindle" for t in makers)
    from pipeline.entities.query import fullest_org
    assert fullest_org(doc, "Brindle") == "Brindle"


@pytest.mark.parametrize("text,expected", [
    # a wire lede holds the name back and gives it as the next paragraph's subject
    ("A 52-year-old beekeeper who sold fake honey was fined on Tuesday in a county court.\n\n"
     "Carol Jensen faces a further hearing next month.", "Carol Jensen"),
    # ... not when the name comes with another age
    ("A 52-year-old beekeeper who sold fake honey was fined on Tuesday in a county court.\n\n"
     "Carol Jensen, 24, faces a further hearing next month.", None),
    # a titled official opening the next paragraph is someone else
    ("A 52-year-old beekeeper who sold fake honey was fined on Tuesday in a county court.\n\n"
     "Judge Tomas Reyes called the fraud shameful.", None),
])
def test_an_indefinite_lede_subject_is_the_person_named_next(nlp, text, expected):
    from pipeline.entities.query import cataphoric_antecedent
    doc = nlp(text)
    tok = [t for t in doc if t.text == "beekeeper"][0]
    assert cataphoric_antecedent(doc, tok) == expected

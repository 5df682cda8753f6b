"""What a figure is about: its subject and subject_kind (pipeline/figures/subjects.py, about.py,
names.py).

Fast tables on hand-built Docs for the rules, then real-model tables of invented news sentences.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline import attrs
from pipeline.figures.about import noun_phrase
from pipeline.figures.kinds import subject_kind
from pipeline.figures.names import _extraposed, _shares_a_word
from pipeline.figures.owners import counted_place
from pipeline.figures.subjects import clause_entity, climb_subject
from pipeline.entities.query import demonym_place

_VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, like_num, is_alpha)


def _doc(rows, ents=(), entities=None) -> Doc:
    """A Doc from (word, pos, dep, head index, lemma) rows; `ents` as (start, end, label)."""
    words = [r[0] for r in rows]
    doc = Doc(_VOCAB, words=words, pos=[r[1] for r in rows], deps=[r[2] for r in rows],
              heads=[r[3] for r in rows], lemmas=[r[4] for r in rows])
    if ents:
        doc.ents = [doc.char_span(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), label=lab) for a, b, lab in ents]
    doc._.set(attrs.ENTITIES, entities or [])
    return doc


# ---------------------------------------------------------------------------- fast rule tables

def test_noun_phrase_keeps_the_of_complement_without_numbers():
    # "The cost of security has risen"
    doc = _doc([("The", "DET", "det", 1, "the"), ("cost", "NOUN", "nsubj", 5, "cost"),
                ("of", "ADP", "prep", 1, "of"), ("security", "NOUN", "pobj", 2, "security"),
                ("has", "AUX", "aux", 5, "have"), ("risen", "VERB", "ROOT", 5, "rise")])
    assert noun_phrase(doc[1]) == "cost of security"
    # "the objective of 0.7 % was met": a complement that is only the figure is no complement
    doc = _doc([("the", "DET", "det", 1, "the"), ("objective", "NOUN", "nsubj", 6, "objective"),
                ("of", "ADP", "prep", 1, "of"), ("0.7", "NUM", "nummod", 4, "0.7"),
                ("%", "NOUN", "pobj", 2, "%"), ("was", "AUX", "auxpass", 6, "be"),
                ("met", "VERB", "ROOT", 6, "meet")])
    assert noun_phrase(doc[1]) == "objective"


def test_noun_phrase_of_a_name_is_the_name():
    # "the G9 of rich nations agreed"
    doc = _doc([("In", "ADP", "ROOT", 0, "in"), ("the", "DET", "det", 2, "the"), ("G9", "NOUN", "pobj", 0, "g9"),
                ("of", "ADP", "prep", 2, "of"), ("rich", "ADJ", "amod", 5, "rich"),
                ("nations", "NOUN", "pobj", 3, "nation")])
    assert noun_phrase(doc[2]) == "G9"


@pytest.mark.parametrize("name, mention, ok", [
    ("Jane Roe", "Roe's", True),
    ("Qorvane Labs Inc.", "QVL", True),               # a ticker or an abbreviation
    ("Harbor Freightways", "the company", False),
    ("Blue Skies Forever", "Marlowe", False),          # an entity that holds none of the words
])
def test_a_canonical_name_must_fit_its_mention(name, mention, ok):
    assert _shares_a_word(name, mention) is ok


def test_a_reporting_verb_subject_is_not_what_its_clause_measures():
    # "Police said it was 40 metres long": no entity in the reported clause, and the police are
    # its source, not what it measures
    doc = _doc([("Police", "PROPN", "nsubj", 1, "police"), ("said", "VERB", "ROOT", 1, "say"),
                ("it", "PRON", "nsubj", 3, "it"), ("was", "AUX", "ccomp", 1, "be"),
                ("40", "NUM", "nummod", 5, "40"), ("metres", "NOUN", "npadvmod", 6, "metre"),
                ("long", "ADJ", "acomp", 3, "long")])
    subject, verb, thing = climb_subject(doc[5])
    assert subject is None and verb is not None and verb.text == "was"
    assert thing == "metres"


def test_a_figure_that_describes_a_name_is_not_the_clause_subject():
    # "The Courier named the driver as 41-year-old Lena Ostrow"
    doc = _doc([("The", "DET", "det", 1, "the"), ("Courier", "PROPN", "nsubj", 2, "courier"),
                ("named", "VERB", "ROOT", 2, "name"), ("the", "DET", "det", 4, "the"),
                ("driver", "NOUN", "dobj", 2, "driver"), ("as", "ADP", "prep", 2, "as"),
                ("41", "NUM", "npadvmod", 8, "41"), ("year", "NOUN", "npadvmod", 8, "year"),
                ("old", "ADJ", "amod", 10, "old"), ("Lena", "PROPN", "compound", 10, "lena"),
                ("Ostrow", "PROPN", "pobj", 5, "ostrow")], ents=[(9, 11, "PERSON")])
    assert clause_entity(doc[6:7], frozenset({"say"})) is None


def test_a_figure_in_a_named_owners_noun_is_not_the_clause_subject():
    # "Acme beat Lena Ostrow 's forecast of 3 %": Ostrow's forecast, not Acme's
    doc = _doc([("Acme", "PROPN", "nsubj", 1, "acme"), ("beat", "VERB", "ROOT", 1, "beat"),
                ("Lena", "PROPN", "compound", 3, "lena"), ("Ostrow", "PROPN", "poss", 5, "ostrow"),
                ("'s", "PART", "case", 3, "'s"), ("forecast", "NOUN", "dobj", 1, "forecast"),
                ("of", "ADP", "prep", 5, "of"), ("3", "NUM", "nummod", 8, "3"), ("%", "NOUN", "pobj", 6, "%")],
               ents=[(0, 1, "ORG"), (2, 4, "PERSON")],
               entities=[{"name": "Acme", "kind": "org", "mentions": [[0, 4]]},
                         {"name": "Lena Ostrow", "kind": "person", "mentions": [[10, 21]]}])
    assert clause_entity(doc[7:9], frozenset({"say"})) is None
    assert climb_subject(doc[8])[0] == "Lena Ostrow"


def test_an_extraposed_it_stands_for_no_one():
    # "it was clear for the files to be made public" / "it said the files were public"
    doc = _doc([("it", "PRON", "nsubj", 1, "it"), ("was", "AUX", "ROOT", 1, "be"),
                ("clear", "ADJ", "acomp", 1, "clear"), ("for", "ADP", "prep", 2, "for"),
                ("the", "DET", "det", 5, "the"), ("files", "NOUN", "nsubjpass", 8, "file"),
                ("to", "PART", "aux", 8, "to"), ("be", "AUX", "auxpass", 8, "be"),
                ("made", "VERB", "ccomp", 1, "make"), ("public", "ADJ", "oprd", 8, "public")])
    assert _extraposed(doc[0])
    doc = _doc([("it", "PRON", "nsubj", 1, "it"), ("said", "VERB", "ROOT", 1, "say"),
                ("the", "DET", "det", 3, "the"), ("files", "NOUN", "nsubj", 4, "file"),
                ("were", "AUX", "ccomp", 1, "be"), ("public", "ADJ", "acomp", 4, "public")])
    assert not _extraposed(doc[0])


KIND_ENTITIES = [
    {"name": "Ruritania", "kind": "org", "mentions": [(0, 9)]},
    {"name": "Ruritania", "kind": "place", "mentions": [(0, 9)]},
    {"name": "Dana Whitfield", "kind": "person", "mentions": [(14, 28)]},
]


@pytest.mark.parametrize("subject, kind", [
    ("Ruritania", "place"),                 # a place and an organization by name: the place
    ("Dana Whitfield", "person"),
    ("Qorvane Labs Inc.", "organization"),         # unknown to the entity layer, a company word
    ("bus fares", "thing"),
    ("Dana Whitfield and Ruritania", "thing"),    # a list of different kinds
    ("Dana Whitfield, Dana Whitfield and Dana Whitfield", "person"),
    (None, None),
])
def test_subject_kind(subject, kind):
    doc = _doc([("Ruritania", "PROPN", "nsubj", 1, "ruritania"), ("and", "CCONJ", "cc", 0, "and"),
                ("Dana", "PROPN", "compound", 3, "dana"), ("Whitfield", "PROPN", "conj", 0, "whitfield")],
               entities=KIND_ENTITIES)
    assert subject_kind(doc, subject) == kind


def test_a_person_the_recognizer_calls_a_place_is_a_place():
    entities = [{"name": "Ruritania", "kind": "person", "mentions": [(0, 9)]}]
    doc = _doc([("Ruritania", "PROPN", "nsubj", 1, "ruritania"), ("won", "VERB", "ROOT", 1, "win")],
               ents=[(0, 1, "GPE")], entities=entities)
    assert subject_kind(doc, "Ruritania") == "place"


@pytest.mark.parametrize("aliases, name", [(("Tino",), "Tomas Brandt"), ((), "Tino")])
def test_a_nickname_is_the_entity_only_when_the_entity_lists_it(aliases, name):
    from pipeline.figures.names import entity_name

    entities = [{"name": "Tomas Brandt", "kind": "person", "mentions": [(0, 4)], "gender": "m",
                 "titles": (), "aliases": aliases}]
    doc = _doc([("Tino", "PROPN", "nsubj", 1, "tino"), ("won", "VERB", "ROOT", 1, "win")],
               ents=[(0, 1, "PERSON")], entities=entities)
    assert entity_name(doc[0]) == name


def test_a_name_the_entity_layer_cut_short_is_kept_whole():
    from pipeline.figures.names import entity_name

    # "Ana Ruiz Medel, 20, won": the entity layer holds only "Ana Ruiz"
    entities = [{"name": "Ana Ruiz", "kind": "person", "mentions": [(0, 8)], "gender": "f",
                 "titles": (), "aliases": ()}]
    doc = _doc([("Ana", "PROPN", "compound", 2, "ana"), ("Ruiz", "PROPN", "compound", 2, "ruiz"),
                ("Medel", "PROPN", "nsubj", 6, "medel"), (",", "PUNCT", "punct", 2, ","),
                ("20", "NUM", "appos", 2, "20"), (",", "PUNCT", "punct", 2, ","),
                ("won", "VERB", "ROOT", 6, "win")], ents=[(0, 2, "PERSON")], entities=entities)
    assert entity_name(doc[2]) == "Ana Ruiz Medel"


PLACES = [{"name": name, "kind": "place", "mentions": []} for name in
          ("Ruritania", "Zandria", "Qin", "Borduria", "Eastfield")]


@pytest.mark.parametrize("word, place", [
    ("Ruritanian", "Ruritania"),
    ("Bordurian", "Borduria"),
    ("Zandrolian", None),       # "Zandr-" is shared with Zandria, but "-olian" is no ending of it
    ("Qinese", None),           # a stem of three letters is too short to tell
    ("Eastfield", None),        # the place itself is no nationality word
    ("bordurian", None),        # a nationality word is written with a capital
    ("Syldavian", None),        # no place of the article: not looked up anywhere else
])
def test_a_nationality_word_names_a_place_of_the_article(word, place):
    doc = _doc([("x", "NOUN", "ROOT", 0, "x")], entities=PLACES)
    assert demonym_place(doc, word) == place


def _battalions(adjective: str, number: str = "40") -> Doc:
    # "40 <adjective> battalions were destroyed in Eastfield" (hand-built)
    return _doc([(number, "NUM", "nummod", 2, number), (adjective, "ADJ", "amod", 2, adjective.lower()),
                 ("battalions", "NOUN", "nsubjpass", 4, "battalion"), ("were", "AUX", "auxpass", 4, "be"),
                 ("destroyed", "VERB", "ROOT", 4, "destroy"), ("in", "ADP", "prep", 4, "in"),
                 ("Eastfield", "PROPN", "pobj", 5, "eastfield")],
                ents=[(6, 7, "GPE")], entities=PLACES[:4] + [
                    {"name": "Eastfield", "kind": "place", "mentions": [[0, 0]]}])


def test_a_counted_noun_belongs_to_the_place_of_its_nationality_word():
    assert counted_place(_battalions("Ruritanian")[2]) == "Ruritania"


def test_a_counted_subject_belongs_to_the_place_its_clause_happens_in():
    doc = _battalions("heavy")
    doc._.set(attrs.ENTITIES, [{"name": "Eastfield", "kind": "place",
                                "mentions": [[doc[6].idx, doc[6].idx + len(doc[6])]]}])
    assert counted_place(doc[2]) == "Eastfield"


def test_the_subject_the_parser_hung_on_a_participle():
    from pipeline.figures.subjects import _stranded_subject
    # "figures showing output rose 2 %", parsed as "figures ... rose" with "output" the object
    doc = _doc([("figures", "NOUN", "nsubj", 3, "figure"), ("showing", "VERB", "acl", 0, "show"),
                ("output", "NOUN", "dobj", 1, "output"), ("rose", "VERB", "ROOT", 3, "rise"),
                ("2", "NUM", "nummod", 5, "2"), ("%", "NOUN", "npadvmod", 3, "%")])
    assert _stranded_subject(doc[3], doc[0]).text == "output"
    # "workers building the bridge went home": a participle that takes no clause, the subject stays
    doc = _doc([("workers", "NOUN", "nsubj", 4, "worker"), ("building", "VERB", "acl", 0, "build"),
                ("the", "DET", "det", 3, "the"), ("bridge", "NOUN", "dobj", 1, "bridge"), ("went", "VERB", "ROOT", 4, "go"),
                ("home", "ADV", "advmod", 4, "home")])
    assert _stranded_subject(doc[4], doc[0]).text == "workers"


def test_a_noun_no_number_counts_stays_a_thing():
    # "The Ruritanian economy grew": measured, not counted
    doc = _doc([("The", "DET", "det", 2, "the"), ("Ruritanian", "ADJ", "amod", 2, "ruritanian"),
                ("economy", "NOUN", "nsubj", 3, "economy"), ("grew", "VERB", "ROOT", 3, "grow")],
               entities=PLACES)
    assert counted_place(doc[2]) is None


@pytest.mark.parametrize("rows, name, expected", [
    # "Club Nova's new guards failed": written only as an owner, the name is "Club Nova"
    ([("Club", "PROPN", "compound", 1, "club"), ("Nova", "PROPN", "poss", 4, "nova"), ("'s", "PART", "case", 1, "'s"),
      ("new", "ADJ", "amod", 4, "new"), ("guards", "NOUN", "nsubj", 5, "guard"), ("failed", "VERB", "ROOT", 5, "fail")],
     "Club Nova's", "Club Nova"),
    # "Keller's raised its rating": the name's own last word
    ([("Keller", "PROPN", "nsubj", 2, "keller"), ("'s", "PART", "case", 0, "'s"), ("raised", "VERB", "ROOT", 2, "raise"),
      ("its", "PRON", "poss", 4, "its"), ("rating", "NOUN", "dobj", 2, "rating")], "Keller's", "Keller's"),
])
def test_a_possessive_the_entity_layer_left_on_a_name_goes(rows, name, expected):
    from pipeline.figures.names import _without_possessive
    doc = Doc(_VOCAB, words=[r[0] for r in rows], spaces=[rows[k + 1][0] != "'s" for k in range(len(rows) - 1)] + [False],
              pos=[r[1] for r in rows], deps=[r[2] for r in rows], heads=[r[3] for r in rows],
              lemmas=[r[4] for r in rows])
    assert _without_possessive(doc, name) == expected


def test_a_list_named_by_its_first_member_is_not_repeated():
    from pipeline.figures.names import _with_conjuncts
    # "two agencies, Keller and Moss, own 40%": the apposition's first member gave the name
    doc = _doc([("agencies", "NOUN", "nsubj", 5, "agency"), (",", "PUNCT", "punct", 0, ","),
                ("Keller", "PROPN", "appos", 0, "keller"), ("and", "CCONJ", "cc", 2, "and"),
                ("Moss", "PROPN", "conj", 2, "moss"), ("own", "VERB", "ROOT", 5, "own")],
               ents=[(2, 3, "ORG"), (4, 5, "ORG")])
    assert _with_conjuncts(doc[0], "Keller") == "Keller and Moss"


# ---------------------------------------------------------------------------- real model

def _figures(nlp, text):
    doc = nlp.make_doc(text)
    doc._.claimsift_article = {"id": "t", "published": None, "title": None, "url": None}
    doc = nlp(doc)
    return doc, doc._.claimsift_figures


def _fig(doc, figs, text):
    hits = [f for f in figs if doc.text[f["start"]:f["end"]] == text]
    assert hits, [doc.text[f["start"]:f["end"]] for f in figs]
    return hits[0]


# (text, figure, a word the subject must hold, subject_kind)
SUBJECTS = [
    # a company keeps its name, not its ticker
    ("Qorvane Labs Inc. (NYSE: QVL) slid 11% on Tuesday after a failed trial.", "11%", "Qorvane",
     "organization"),
    # a list of companies: the stock's number is the paragraph's company
    ("Keltic Mining Corp. slid 3% on Monday. The stock's record high is $19.\n\nOrvane Foods Ltd. lost "
     "2% on Monday. The stock's record high is $57.", "$57", "Orvane", "organization"),
    # a metric noun with a time phrase is still the company's
    ("Brightwell Airways reported its results on Friday. Revenue for the half year climbed 6.2% to "
     "$1.4bn.", "6.2%", "Brightwell", "organization"),
    # "stock of the company": the company's number, by its name
    ("Tallow Creek Foods Inc cut its outlook on Monday. Stock of the company slid 7 percent to $8.40 in "
     "late trading.", "7 percent", "Tallow", "organization"),
    # a bare metric noun of the article's company: bookings, shipments, deliveries
    ("Ostrava Motor Works posted its quarterly report on Friday. Deliveries climbed 12 percent to "
     "48,000 vehicles.", "12 percent", "Ostrava", "organization"),
    # "a total of $X in Y": the amount is of Y, for the figures inside it and those it includes
    ("Over the season a total of $2.6 billion in raffle tickets were bought, among them "
     "$130 million on Friday.", "$130 million", "tickets", "thing"),
    # the figure describes the name, not the clause's subject
    ("The Bristow Courier named the cyclist as 63-year-old Mara Quist of Eastfield.", "63", "Quist",
     "person"),
    # a counted subject is what is measured, not the person in the object
    ("Two inspectors who visited the plant on Monday questioned him about the leak.", "Two",
     "inspectors", "thing"),
    # the source of a reported clause is not what it measures
    ("Some 12,000 commuters will face delays next month, the rail operator says in a notice.",
     "12,000", "commuters", "thing"),
    # a change noun measures what it changes; so does a change verb without a subject of its own
    ("The survey found a 2.5% increase in the number of licensed taxis.", "2.5%", "taxis", "thing"),
    ("Governor Alma Pratt backed a plan to cut ferry fares by 15 percent.", "15 percent", "fares", "thing"),
    ("The council approved a bill that would raise the parking fee to $9.", "$9", "fee", "thing"),
    ("The measure would raise the minimum wage to $16 an hour by 2028.", "$16", "wage", "thing"),
    ("The weak survey drove the peso down to 19.8 against the dollar on Monday.", "19.8", "peso", "thing"),
    # "they" after a plural subject of its own sentence stands for it, not for a named source
    ("Jane Roe, spokeswoman for Acme Corp., said that when kayaks first reached shops they sold for about "
     "$450.", "$450", "kayaks", "thing"),
    ("The county plans to increase rural bus services to 40 routes a day.", "40", "services", "thing"),
    # ... but an organization that raises its own number keeps it
    ("Harbor Freightways raised its dividend by 5% on Monday.", "5%", "Freightways", "organization"),
    # a span of time that describes a noun is about that noun, not the clause's actor
    ("Volunteers finished the nine-day survey of the river on Sunday.", "nine", "survey", "thing"),
    # a place that speaks owns "its"
    ("Norway said its fishing fleet had landed 3,400 tonnes of cod in March.", "3,400 tonnes", "Norway",
     "place"),
    # "you" in a quote is nobody: the figure measures its noun, not the speaker
    ('"At the old firm," Norma Pike said, "you answered to one manager and that was it."', "one",
     "manager", "thing"),
    # a subject with another number in it is still what the figure measures
    ("The yield on the 30-year Ruritanian bond climbed 14 basis points to 5.1% on Monday.",
     "14 basis points", "yield", "thing"),
    # what a figure is compared with is not the clause's subject; a bare earlier value is
    ("Registrations rose 7%, compared with a 2% rise in the regional average.", "2%", "average", "thing"),
    ("Harbor Freightways made a profit of $48 million, compared with $63 million a year earlier.",
     "$63 million", "Freightways", "organization"),
    # things counted in a place are the things; officials in a place speak for it
    ("Car thefts in Eastfield dropped 12% last year.", "12%", "thefts", "thing"),
    # a change in something an organization does not own is about that thing; its own number is its
    ("Eastfield's council passed a spending plan that includes a 4.5% increase in water charges.", "4.5%",
     "charges", "thing"),
    ("Norvik Shipping Corp. reported a 6% rise in sales for the quarter.", "6%", "Norvik", "organization"),
    # a relative clause on the figure with a subject of its own names whose figure it is
    ("Donors pledged $30 billion, well short of the $80 billion a year that island states say they "
     "require.", "$80 billion", "states", "thing"),
    # a fraction that is the subject measures its "of" noun, not the poll's author
    ("Nearly two-thirds of hospital nurses would refuse a transfer, according to a poll by the "
     "recruiter Merrow Partners.", "two-thirds", "nurses", "thing"),
    # a list of names: their common kind
    ("Lena Ostrow, Mark Haldane, Petra Voss and Ivan Dobrev spent five years in detention before "
     "their release.", "five", "Dobrev", "person"),
    # a count of things of a place, by a nationality word or by "in X", is about the place; a thing
    # measured (not counted) stays the thing
    ("The fighting in Ruritania stopped in June. The navy said nine Ruritanian frigates were sunk, as "
     "well as 30 patrol boats.", "30", "Ruritania", "place"),
    ("Roughly 3 million bicycles are sold in Ruritania each year, a trade group says.", "3 million",
     "Ruritania", "place"),
    ("In Ruritania, some 2 million households still have no broadband.", "2 million", "Ruritania", "place"),
    ("Trade with Ruritania picked up on Monday. The Ruritanian currency slipped 0.8% against the franc.",
     "0.8%", "currency", "thing"),
    ("About 65 percent of the used tyres in Ruritania end up in landfill.", "65 percent", "tyres", "thing"),
    # the source of a reported clause is not its subject, even as the sentence's only name
    ("Norvik Shipping Corp. said buyers would receive new lids in six to eight days.", "six", "buyers",
     "thing"),
    # a span of time on the object of a reporting verb is not the speaker's
    ("Ana Ruiz said a three-year lease on the depot ended in March.", "three", "lease", "thing"),
    # police who report a count do not own it (a company that reports its numbers does)
    ("Police reported on Sunday that 40 people were hurt in the crash.", "40", "people", "thing"),
    # the one whose own stake a change measures ("their holdings"), named or not
    ("Mayor Ana Ruiz blocked a rule that would have let the city transit funds raise their holdings in "
     "bonds from 15 percent to 20 percent of assets.", "20 percent", "funds", "thing"),
    # a count of people by nationality is a count, not a group's name
    ("About 40 Americans were evacuated from the port on Monday.", "40", "Americans", "thing"),
    # a count owned by a common noun is that noun's, not the clause subject's
    ("The harvest fair opened on Friday in the shadow of the town's 40 burglaries this year.", "40", "town",
     "thing"),
    # a time zone after a time of day is not a name
    ("The franc was buying 1.42 marks at 1400 GMT, 0.3% firmer on the day.", "0.3%", "franc", "thing"),
    # of two subjects, the one that holds the figure; a share compared is of its own noun
    ("Good news for the clinic: 60 percent of nurses (as opposed to 45 percent of doctors) back the new "
     "rota.", "60 percent", "nurses", "thing"),
    ("Good news for the clinic: 60 percent of nurses (as opposed to 45 percent of doctors) back the new "
     "rota.", "45 percent", "doctors", "thing"),
    # a relative clause on a thing says what the thing costs, not what its maker does ...
    ("Mara Quist says she is building a tablet that will sell for about $80.", "$80", "tablet", "thing"),
    # ... but a clause reported inside it has its own subject
    ("Norvik Shipping Corp. is contesting a decision which said the company had broken port rules and "
     "owed a $40 million fine.", "$40 million", "Norvik", "organization"),
    # an unresolved "they" stands for the plural subject just before
    ("The Bordurian rowers trained for 40 days in the spring. They are at the lake now and they will "
     "spend another 9 days there before the regatta.", "9", "rowers", "thing"),
    # "with X at Y": X is what Y measures, whatever the parser hung Y on
    ("The Ruritanian treasury said the budget held up with inflation at a 12-year high.", "12", "inflation",
     "thing"),
    ("The mark also firmed against the franc, with one franc worth 90 cents.", "90 cents", "franc", "thing"),
    ("Prices fell across the region, with rents down 3% in the capital.", "3%", "rents", "thing"),
    ("Keltic Mining Corp. ended the year with debt at $4 billion.", "$4 billion", "Keltic", "organization"),
    # "taking the total to X": the total of what changed
    ("A survey this week found a 3% fall in the number of licensed taxis in Eastfield, taking the total "
     "to 2,150.", "2,150", "taxis", "thing"),
    # a lede's unnamed person is not a source named next
    ("A 41-year-old bus driver crashed into a shop on Friday.\n\nPolice chief Ana Ruiz said the road was "
     "icy.", "41", "driver", "thing"),
    # "their" is the subject itself, not someone named elsewhere
    ("Gus Ostby sold his farm last year. A box of six letters by Ostby valued at $20,000 failed to "
     "reach their estimate.", "$20,000", "letters", "thing"),
    # a size or weight describes the noun it modifies, past the unit of a second figure
    ("Dara Klim landed a 12-pound trout off the pier.", "12-pound", "trout", "thing"),
    ("The seat was tuned for a 200-pound (90-kilogram) 50-year-old pilot.", "200-pound", "pilot", "thing"),
    # a range of ages is of the noun it describes
    ("Even older teens 15 to 17 years old spend 4 hours a day online.", "15", "teens", "thing"),
    # a span of time before or after a clause is about the clause it hangs from, not that clause
    ("The boycott began almost nine days after the regulator outlawed imports of the drink.", "nine",
     "boycott", "thing"),
    # a forecaster named as a passive agent is a source; a relative clause through a reporting verb
    # is about the noun it describes
    ("Drone deliveries, which brokers say could top $3 billion soon, are projected by Brightline "
     "Labs to hit $9 billion in 2033.", "$3 billion", "deliveries", "thing"),
    ("Drone deliveries, which brokers say could top $3 billion soon, are projected by Brightline "
     "Labs to hit $9 billion in 2033.", "$9 billion", "deliveries", "thing"),
    # a count of some of a noun's members, as an object, counts them
    ("The ministry sent letters to three of the sailors rescued near the reef in May.", "three",
     "sailors", "thing"),
    # a forecast of a place's growth is the place's; its own earlier figure compared with it too
    ("The Halvor Fund predicts weak 0.4% U.K. growth in 2031.", "0.4%", "U.K.", "place"),
    ("Portugal should expand 2.1% in 2030, against expansion of 2.6% in the autumn projection.", "2.6%",
     "Portugal", "place"),
    # an age is the age of the noun it describes, not of that noun's possessor
    ("Marta Lind said she and her 31-year-old partner drove to Fresno.", "31", "partner", "thing"),
    # an age set beside the last of two names is that name's
    ("To prepare, Mark Dorn and Anna Keller, 41, rehearsed every scene.", "41", "Keller", "person"),
    # the side beaten in "a win over X" holds the smaller number
    ("Ewan Dalton, the Scotland captain, cheered the team's 21-17 win over Wales.", "17",
     "Wales", "place"),
    # a span of time on a level or a change only dates it: what reached it is the clause's subject
    ("The mortgage index climbed 0.75 points over the winter from a 12-year trough of 3% hit in 2019.", "12",
     "index", "thing"),
    ("The peso posted its sharpest two-week drop since March.", "two", "peso", "thing"),
    # a sum that is the base of a share is of what it is in, whoever takes the share
    ("Zentro Corp. hopes to capture a fifth of the $60 billion in yearly parking charges and $9 billion "
     "in ticket sales.", "$60 billion", "charges", "thing"),
    # a unit the tagger calls a proper noun still describes its noun
    ("The helmet was sized for a 190-pound (86-kilogram) 28-year-old diver.", "86-kilogram", "diver", "thing"),
    # a figure in the subject of "be" is about the names it is said to be
    ("Other likely two-seat winners are Ohio, Utah and Texas.", "two", "Texas", "place"),
    # a bare change in a clause hung on a clause about a named subject is that subject's
    ("Peru should expand 3.1% in 2030, while growth for 2031 will probably settle near 2.2%, the ministry "
     "estimates.", "2.2%", "Peru", "place"),
    # the amount or new level of a change is about what changes
    ("Exports sank, producing an increase in the deficit to $12bn.", "$12bn", "deficit", "thing"),
    ("Imports slumped in the spring, spurring a climb in Peru's trade gap to a record $12bn.", "$12bn",
     "Peru", "place"),
    ("The council approved an increase of 4% in bus fares.", "4%", "fares", "thing"),
]


@pytest.mark.parametrize("text, figure, word, kind", SUBJECTS)
def test_subject_and_kind(nlp, text, figure, word, kind):
    doc, figs = _figures(nlp, text)
    f = _fig(doc, figs, figure)
    assert f["subject"] and word in f["subject"].split(), f
    assert f["subject_kind"] == kind, f
    assert not any(ch.isdigit() for ch in f["subject"]) or kind != "thing", f


def test_a_span_of_time_is_not_what_it_measures(nlp):
    doc, figs = _figures(nlp, "Tickets for the final sold out in 14 minutes.")
    f = _fig(doc, figs, "14")
    assert f["subject"] != "minutes", f


@pytest.mark.parametrize("text, figure", [
    # a speaker's "we" is not what is measured
    ('"Growth of 2.4% is a pace we can live with," said Ilse Marten of Norvik Bank.', "2.4%"),
])
def test_the_speaker_is_not_the_subject(nlp, text, figure):
    doc, figs = _figures(nlp, text)
    f = _fig(doc, figs, figure)
    assert f["subject"] is None or "Marten" not in f["subject"], f


# (text, figure, the subject's last word)
LAST_WORDS = [
    # "the Ruritanian" alone stands for the person named before, not for one inside a relative
    # clause about that person
    ("The evening belonged to Tessa Brandt, who defeated Ann Poe in the semi-final.\n\nAt 19, the "
     "Ruritanian became the youngest winner of the title.", "19", "Brandt"),
    # a relative clause on a list of names is about all of them
    ("Tom Hale will need the backing of big investors Ana Ruiz and Karl Voss, who hold 31% of the firm.",
     "31%", "Voss"),
    # ... and one on the description of a name is about the name
    ("Top of the list is Borduria, a large coastal county that is projected to gain four extra "
     "wards.", "four", "Borduria"),
    ("The same is true of Borduria, a county carried by the mayor, which also will lose three wards.", "three",
     "Borduria"),
    # a bare definite description is the one name the article gives it as a title
    ("Award-winning folk group Wrenfield have announced a tour. The group have released eleven albums since "
     "1998.", "eleven", "Wrenfield"),
    # an owner's people act for themselves ("Orvane's dealers"), unlike its numbers ("Orvane's shares")
    ("Orvane makes kettles. Still, it may be that Orvane's local dealers found $45 much too low.", "$45",
     "dealers"),
    # "it" as its sentence's subject is the place or organization the sentence before is about
    ("Talks with Orvane Freight broke down in June. Iceland has long trodden carefully on fishing rights. It "
     "has set a limit of 900 boats.", "900", "Iceland"),
    # the level a movement started from belongs to what moved, not to who had forecast it
    ("The bureau forecast that exports would rise 4.1% in 2027, down from the 4.6% it had projected in "
     "March.", "4.6%", "exports"),
    # a forecaster is the source of the figure it foretells, not what the figure is about
    ("The Borduria Statistics Office revised its forecast on Friday. The office foresees Chile's output "
     "growing only 4.4% this year.", "4.4%", "Chile"),
    ("In its newest figures, the central bank trimmed its forecast for output in Chile to 2.2% this year.",
     "2.2%", "Chile"),
    # a named subject's own span of time, not the object it describes
    ("Karl Voss is serving a 12-year term for the fraud.", "12", "Voss"),
    ("Karl Voss was arrested in May. Voss began a three-year term in Borduria for fraud, the Courier "
     "said.", "three", "Voss"),
    ("Norvik Books fought a costly nine-month strike by its drivers.", "nine", "Books"),
    # a company reports its own numbers
    ("Keltic Airways made a profit of $40 million. It announced on Monday that bookings climbed 6% in "
     "March.", "6%", "Airways"),
    # a group by its plural name acts as an organization does
    ("A scheme to merge 40 councils was announced by the Progressives on Tuesday in a bid to cut "
     "costs.", "40", "Progressives"),
    # a quoted "we" speaks for the side that leads its speaker's title, else for the speaker
    ("Keltic Airways made a profit of $40 million, said Tom Hale, Keltic's chief executive. \"We opened "
     "nine new depots this year,\" he said.", "nine", "Airways"),
    ("\"We sold 40 paintings last year,\" said Ana Ruiz, a painter.", "40", "Ruiz"),
    ("\"I think we missed two penalties and they missed three,\" said Norway coach Ana Ruiz.", "two",
     "Norway"),
    # a lede's unnamed person is the one named as a subject right after ...
    ("A 41-year-old bus driver who crashed into a shop pleaded guilty on Friday in an Eastfield court.\n\n"
     "Mark Haldane faces up to five years in prison.", "41", "Haldane"),
    # the side that lost holds the smaller score, wherever it is written
    ("The Falcons lost 27-17 to the Rams on Sunday.", "27", "Rams"),
    ("The Falcons lost 27-17 to the Rams on Sunday.", "17", "Falcons"),
    ("The Owls' 24-10 loss to the Rams ended their season.", "10", "Owls"),
    ("The Owls' 24-10 loss to the Rams ended their season.", "24", "Rams"),
    # a definite organization noun is the organization named before
    ("The Reserve Bank of Ruritania met on Monday. The Bank's 4.25% policy rate was left alone.",
     "4.25%", "Ruritania"),
    # the named one of a subject with an apposition, not the owner of the first noun
    ("Owen Darby was jailed in May. Her accomplice, a 61-year-old driver named Rita Vole, received 18 "
     "months in prison.", "18", "Vole"),
    # a figure's noun set beside a name ("three-term incumbent X") is that name's
    ("Ana Ruiz won the mayoralty on Tuesday, ousting three-term incumbent Karl Voss by 900 votes.",
     "three", "Voss"),
    # a distance that places a name is about that place
    ("Ranger Tom Pask said the fire started at dawn at Pinecrest Lake, some 30 km south of Eastfield.",
     "30 km", "Lake"),
    # a range of one quantity has one owner, not the other organization in the sentence
    # the player a win books the next match with is not the loser of this score
    ("Maria Lenz faced Ana Kovac in Rome on Tuesday. Lenz won 6-4 3-6 7-5 and booked a clash with Mia "
     "Soto.", "4", "Kovac"),
    ("Vantor Bank could lose $40 million to $55 million on the bonds, said Jo Reed, an analyst at "
     "Kell Partners.", "$55 million", "Bank"),
    ("Tessaline Robotics expects a 6% to 8% improvement in margins, Kell Partners said.", "8%", "Robotics"),
    # "shares in X": X's shares, not the company named before them
    ("The Aldgate Exchange rejected the bid on Monday. Shares in Norvale Mining have gained more than 5% "
     "since then.", "5%", "Mining"),
]


@pytest.mark.parametrize("text, figure, last", LAST_WORDS)
def test_subject_last_word(nlp, text, figure, last):
    doc, figs = _figures(nlp, text)
    f = _fig(doc, figs, figure)
    assert f["subject"] and f["subject"].split()[-1] == last, f


def test_the_stock_is_the_company_in_the_statement(nlp):
    doc, figs = _figures(nlp, "Keltic Mining Corp. slid 3% on Monday. The stock's record high is $19.\n\n"
                              "Orvane Foods Ltd., which is listed on the NYSE, lost 2% on Monday. The "
                              "stock's record high is $57.")
    f = _fig(doc, figs, "$57")
    assert f["subject"] and f["subject"].startswith("Orvane"), f
    assert f["statement"].startswith("Orvane"), f


def test_the_company_as_owner_of_a_subject_takes_its_name_in_the_statement(nlp):
    doc, figs = _figures(nlp, "Tallow Creek Foods Inc cut its outlook on Monday. Stock of the company slid "
                              "7 percent to $8.40 in late trading.")
    f = _fig(doc, figs, "$8.40")
    assert f["statement"].startswith("Stock of Tallow Creek Foods Inc slid 7 percent"), f


def test_the_it_of_it_took_stands_for_no_one(nlp):
    """"It took Kestrel six years to ...": the statement keeps "It"; no name takes its place."""
    doc, figs = _figures(nlp, "Kestrel Rail opened in 1990. It took Kestrel nearly six years to sell its "
                              "first thousand season tickets.")
    f = _fig(doc, figs, "six")
    assert f["statement"].startswith("It took Kestrel nearly six years"), f


def test_a_company_s_possessive_before_its_bracketed_acronym_is_no_part_of_its_name(nlp):
    doc, figs = _figures(nlp, "Norvale Mining said profits fell. Norvale Mining's (NVM) shares fell 4% on "
                              "Monday. Norvale Mining said it would cut jobs. Analysts at Norvale Mining said "
                              "more cuts would come. NVM shares rose 2% on Tuesday.")
    (org,) = [e for e in doc._.get(attrs.ENTITIES) if "Norvale" in e["name"]]
    assert org["name"] == "Norvale Mining" and org["kind"] == "org" and "NVM" in org["aliases"], org
    f = _fig(doc, figs, "2%")
    assert f["subject"] == "Norvale Mining" and f["subject_kind"] == "organization", f


@pytest.mark.parametrize("word,code", [(".N225", True), ("LCOc1", True), ("CMCU3", True), ("JPY=", True),
                                       (".MIAPJ0000PUS", True), ("A380", False), ("G7", False), ("737", False),
                                       ("Nikkei", False), ("COVID19", False)])
def test_a_market_data_code_is_told_from_a_name(word, code):
    from pipeline.entities.lexicon import is_instrument_code, without_codes

    assert is_instrument_code(word) is code
    assert without_codes(f"Tarsa {word}") == ("Tarsa" if code else f"Tarsa {word}")


@pytest.mark.parametrize("text,figure,subject,statement", [
    # wire copy writes a market data code after an index or a commodity: no part of its name
    ("Tarsa's Veltex .VLX50 climbed 1.1 percent, helped by miners.", "1.1 percent", "Veltex",
     "Tarsa's Veltex climbed 1.1 percent"),
    ("North Sea crude LCOc1 rose $1.20, or 3 percent, to $41.10 a barrel.", "3 percent", "North Sea crude",
     "North Sea crude rose $1.20, or 3 percent, to $41.10 a barrel"),
    ("The Tarsan crown TRC=D4 fell nearly 2 percent.", "2 percent", "Tarsan crown",
     "The Tarsan crown fell nearly 2 percent"),
    ("The fear index .VLX, which tracks options, dropped to 18 percent.", "18 percent", "fear index",
     "The fear index dropped to 18 percent"),
])
def test_a_market_data_code_is_neither_subject_nor_statement(nlp, text, figure, subject, statement):
    doc, figs = _figures(nlp, text)
    f = _fig(doc, figs, figure)
    assert (f["subject"], f["statement"]) == (subject, statement), f


def test_a_market_data_code_is_one_token(nlp):
    words = [t.text for t in nlp.tokenizer("It hit $0.72 TRC=D4 and the index .DXY =USD rose, as did LCOc1.")]
    assert "TRC=D4" in words and "=USD" in words and ".DXY" in words and "LCOc1" in words and words[-1] == "."


@pytest.mark.parametrize("text,figure,subject", [
    # a hyphen inside a word does not end the thing measured
    ("Shares of the Tarsa-based retailer fell 3 percent.", "3 percent", "Shares of the Tarsa-based retailer"),
    # must not change: a number's hyphenated word is a figure of its own
    ("The price of a two-bedroom flat rose 5 percent.", "5 percent", "price"),
    # a verb of perception: the figure is about what is seen to move, not who watches
    ("Traders saw the Veltex Index gaining 1.4 percent overnight.", "1.4 percent", "Veltex Index"),
    ("Investors watched shares of Quorvane Games fall 5 percent.", "5 percent", "Quorvane Games"),
    # must not change: a company that sees its own number
    ("Quorvane Games saw revenue rise 12 percent last year.", "12 percent", "Quorvane Games"),
], ids=["hyphen-in-word", "hyphenated-number", "saw-gaining", "watched-fall", "saw-own-number"])
def test_what_a_figure_measures_in_a_hyphenated_word_or_a_perceived_move(nlp, text, figure, subject):
    doc, figs = _figures(nlp, text)
    assert _fig(doc, figs, figure)["subject"] == subject


def test_a_lede_that_holds_the_name_back_after_a_headline_and_a_dateline(nlp):
    """"A man who ... was fined $6 million, officials said. ¶ Jane Doe, who ..., changed her plea":
    the man is the person the next paragraph opens with, and the clause that picked him out goes
    once the name says who he is."""
    text = ("Forest blaze starter jailed\n\nTARSA A man who filmed himself beside the flames was "
            "fined $6 million this week, prosecutors said.\n\nJohn Arden Hollis, who first pleaded not guilty, "
            "changed his plea.")
    doc, figs = _figures(nlp, text)
    f = _fig(doc, figs, "$6 million")
    assert (f["subject"], f["statement"]) == ("John Arden Hollis", "John Arden Hollis was fined $6 million this week")


def test_a_named_owner_goes_with_the_noun_an_apposed_name_replaces(nlp):
    """"Vell's nephew, Ian Vell, was among 15 victims": Ian Vell, not "Tomas Vell's Ian Vell"."""
    doc, figs = _figures(nlp, "Tomas Vell was jailed in 2010.\n\nVell's nephew, Ian Vell, was among 15 victims "
                              "who flew to Lisbon.")
    f = _fig(doc, figs, "15")
    assert f["statement"] == "Ian Vell was among 15 victims who flew to Lisbon", f

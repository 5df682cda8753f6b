"""The claim statement of a figure: an extractive compression of its sentence (pipeline/figures/statement.py).

Real-model tables of invented news sentences. Names are resolved by a plain lookup standing in
for the entity layer, so these tests check the compression rules alone.
"""

from __future__ import annotations

import pytest

from pipeline.evaluate import statement_words
from pipeline.figures.statement import claim_statement

ATTRIBUTION = "say tell add note explain state write tweet post".split()  # promise: not attribution
NAMES = {
    "she": "Lena Ortiz",
    "ortiz": "Lena Ortiz",
    "i": "Lena Ortiz",
    "we": "Lena Ortiz",
    "old": "Lena Ortiz",  # what the entity layer gives the head of "the 20-year-old"
    "their": "Harbor Freightways",
    "he": "Tomas Brandt",
    "brandt": "Tomas Brandt",
    "the company": "Harbor Freightways",
    "the reserve bank": "Reserve Bank of Ruritania",
    "her accomplice": "Rita Vole",
}


def statement(nlp, text: str, figure: str) -> str:
    doc = nlp(text)
    start = text.index(figure)
    span = doc.char_span(start, start + len(figure), alignment_mode="expand")
    return claim_statement(
        span,
        sentence=span.sent,
        name_for=lambda mention: NAMES.get(mention.text.lower()),
        attribution_lemmas=ATTRIBUTION,
        stance_words=["staggering", "whopping"],
    )


CASES = [
    # a relative clause set off by a comma is its own claim about its noun
    ("The company, which has about $200 million in cash, plans to buy a rival.", "$200 million",
     "Harbor Freightways has about $200 million in cash"),
    # "their" after a plural noun of its sentence stands for that noun, not a name
    ("In the study, 61 percent of fathers oppose their daughters playing rugby.", "61 percent",
     "In the study, 61 percent of fathers oppose their daughters playing rugby"),
    # a name never replaces the end of a hyphenated word
    ("The 20-year-old won 12 matches last season.", "12",
     "The 20-year-old won 12 matches last season"),
    # a first-person pronoun with a clitic ("I've", "we're") takes the name's verb form; "he's"
    # the name's "'s"; "it's" stays
    ("\"I've only played this event four times,\" Ortiz said.", "four",
     "Lena Ortiz has only played this event four times"),
    ("\"We're about 200 votes behind,\" Ortiz said.", "200", "Lena Ortiz is about 200 votes behind"),
    ("He's only seen one snowfall in his life.", "one", "Tomas Brandt's only seen one snowfall in his life"),
    ("It's about 40 miles to the coast.", "40", "It's about 40 miles to the coast"),
    # one estimate given as two numbers keeps both
    ("They expect four or five new stores next year.", "four", "They expect four or five new stores next year"),
    # a figure that modifies an owned noun off the clause's line: that noun phrase
    ("The winger scored twice in the second half of the club's 30-20 loss at home.", "30-20", "the club's 30-20 loss"),
    ("She and her 19-year-old son had driven to the coast.", "19", "her 19-year-old son"),
    # ... but an owned noun the clause is about keeps the clause
    ("Brandt hailed his side's 21-14 victory over the visitors.", "21-14",
     "Tomas Brandt hailed his side's 21-14 victory over the visitors"),
    # stance words and a coordinated clause about something else go; the relative clause stays
    ("And Ortiz will be remembered as the mayor who poured a whopping $40 million of her own cash into it, "
     "yet still lost.", "$40 million",
     "Lena Ortiz will be remembered as the mayor who poured $40 million of her own cash into it"),
    # attribution behind "according to" goes; a pronoun subject becomes the fullest name
    ("She is ahead by nearly 12,000 votes, according to the county clerk.", "12,000",
     "Lena Ortiz is ahead by nearly 12,000 votes"),
    # the reported clause, without the reporting verb and its source
    ("Brandt said the agency had cut bus fares by 20 percent last year.", "20 percent",
     "the agency had cut bus fares by 20 percent last year"),
    # a loss stays a loss
    ("The company posted a first-quarter net loss of $145 million, it said on Tuesday.", "$145 million",
     "Harbor Freightways posted a first-quarter net loss of $145 million"),
    # "only X of Y" keeps both numbers and the qualifier
    ("Brandt has lost only two of his 28 matches this season.", "two",
     "Tomas Brandt has lost only two of his 28 matches this season"),
    # the subject noun phrase says what is measured
    ("The median rent of a new lease signed in May was $2,150, the report said.", "$2,150",
     "The median rent of a new lease signed in May was $2,150"),
    # a figure that only describes a named person: the name and that description
    ("Lena Ortiz, a 52-year-old former teacher, announced her campaign on Monday.", "52",
     "Lena Ortiz, a 52-year-old former teacher"),
    # the clause of this figure, not the other figure's
    ("Sales rose 4.1% in the quarter, while costs fell 2%.", "2%", "costs fell 2%"),
    # negation is kept
    ("The council did not approve the $3 million plan.", "$3 million", "The council did not approve the $3 million plan"),
    # a condition is part of the claim
    ("If the bill passes, about 40,000 families would lose their benefits.", "40,000",
     "If the bill passes, about 40,000 families would lose their benefits"),
    # a promised (not asserted) clause keeps the promise
    ("Brandt promised he would build 300 homes by 2030.", "300", "Tomas Brandt promised he would build 300 homes by 2030"),
    # a short form followed by the rest of the full name is replaced once
    ("The Reserve Bank of Ruritania raised its key rate 0.5% to 6.5% on Tuesday.", "0.5%",
     "Reserve Bank of Ruritania raised its key rate 0.5% to 6.5% on Tuesday"),
    # a figure that a relative clause with its own subject is about: that noun phrase, not the
    # main clause about another figure (which would invert the claim)
    ("Donors pledged $30 billion, well short of the $80 billion a year that island states say they "
     "require.", "$80 billion", "the $80 billion a year that island states say they require"),
    # the name right after an object stays: it says who the figure is about
    ("Lena Ortiz won on Tuesday, beating three-term incumbent Mark Haldane 58% to 39%.", "58%",
     "Lena Ortiz won on Tuesday, beating three-term incumbent Mark Haldane 58% to 39%"),
    # a subject with an owner is replaced whole by the name it stands for
    ("Her accomplice, a driver named Rita Vole, received 18 months in prison.", "18",
     "Rita Vole received 18 months in prison"),
    # a first-person subject replaced by the speaker's name takes the name's verb form
    ("\"We have sold 40 boats this year,\" Ortiz said.", "40", "Lena Ortiz has sold 40 boats this year"),
    ("\"I am 35 and I feel fine,\" Ortiz said.", "35", "Lena Ortiz is 35"),
    # "I think" before a clause asserts the clause
    ("\"I think we missed two penalties all day,\" Ortiz said.", "two", "Lena Ortiz missed two penalties all day"),
    # a figure in the second of two coordinated verbs: that verb with the subject they share
    ("The airline cut its fares in March and added 14 new routes in June.", "14",
     "The airline added 14 new routes in June"),
    ("Brandt lost the first set and then rallied to win 6-3 in the second.", "6-3",
     "Tomas Brandt then rallied to win 6-3 in the second"),
    # ... keeping its negation, and a loss in the other verb does not leak into the claim
    ("The team won its opener but did not score a single goal in its last three games.", "three",
     "The team did not score a single goal in its last three games"),
    ("The bakery recorded a loss of $2 million and closed two shops.", "two", "The bakery closed two shops"),
    ("The bakery recorded a loss of $2 million and closed two shops.", "$2 million",
     "The bakery recorded a loss of $2 million"),
    # a restrictive "who" clause says which people are counted; a "which" clause is its own claim
    ("Nine of the 30 workers who joined the strike lost their jobs.", "Nine",
     "Nine of the 30 workers who joined the strike lost their jobs"),
    ("The firm hired 50 engineers who work on batteries.", "50", "The firm hired 50 engineers who work on batteries"),
    ("The mill, which employs 400 people, will close in June.", "400", "The mill employs 400 people"),
    # a concession and a trailing ", with ..." about something else are not part of the claim
    ("The council approved 12 new parks despite objections from residents.", "12",
     "The council approved 12 new parks"),
    ("Exports rose 6% in May, with shipments to the south leading the gains.", "6%", "Exports rose 6% in May"),
    ("The firm has closed two plants and cut 900 jobs.", "900", "The firm has cut 900 jobs"),
    ("The firm has closed two plants and cut 900 jobs.", "two", "The firm has closed two plants"),
    ("The mayor has not visited the 12 shelters and refused to meet their staff.", "12",
     "The mayor has not visited the 12 shelters"),
    # a clause across a semicolon, an aside after the claim and a lead-in clause are dropped
    ("Rain flooded the roads on Monday; the river rose 3 meters.", "3 meters", "the river rose 3 meters"),
    ("The bank raised rates 0.5% to 4%, its second increase in a year.", "0.5%", "The bank raised rates 0.5% to 4%"),
    ("In a move welcomed by unions, the city hired 40 nurses.", "40", "the city hired 40 nurses"),
    ("Nevertheless, the plant will hire 70 workers.", "70", "the plant will hire 70 workers"),
    # an aside between commas after the subject, and a motive after the claim, are dropped
    ("Brandt, by contrast, will need 16 votes.", "16", "Tomas Brandt will need 16 votes"),
    ("The rival clubs, whom we meet in a few days, had 70 days of training.", "70",
     "The rival clubs had 70 days of training"),
    ("The firm, unlike its rivals, did not cut 200 jobs.", "200", "The firm did not cut 200 jobs"),
    ("The council will sell 40 buildings as part of a broader scheme.", "40", "The council will sell 40 buildings"),
    ("The currency lost 2% on fears that exports would slow.", "2%", "The currency lost 2%"),
    # ... but a place phrase that opens the sentence stays
    ("Near the border, in the valley, about 300 families lack clean water.", "300",
     "Near the border, in the valley, about 300 families lack clean water"),
    # a figure in the second half of a comparison keeps the comparison
    ("Flats in the city now earn lower rents than they did ten years back.", "ten years",
     "Flats in the city now earn lower rents than they did ten years back"),
    ("The plant made fewer cars than it did two years ago.", "two years",
     "The plant made fewer cars than it did two years ago"),
    # a relative clause on the description of a name is a claim about the name
    ("Top of the list is Borduria, a large coastal county that is projected to gain four extra wards.",
     "four", "Borduria is projected to gain four extra wards"),
    ("The same is true of Borduria, a county carried by the mayor, which also will lose three wards.",
     "three", "Borduria will lose three wards"),
    # a relative clause on the subject's phrase is a claim of its own about that noun phrase
    ("A report on the May vote which lifted tolls up to $7 suggested that drivers are angry.", "$7",
     "the May vote lifted tolls up to $7"),
    ("A 42-year-old clerk who served two years in prison for fraud pleaded guilty on Friday.", "two years",
     "A 42-year-old clerk served two years in prison for fraud"),
    # a relative pronoun subject under a reporting verb of the relative clause: its noun
    ("Podcast revenue, which brokers say will barely top $3 billion in 2027, trails radio.", "$3 billion",
     "Podcast revenue will barely top $3 billion in 2027"),
    # a restrictive "that" clause after a parenthetical stays in the claim it restricts
    ("Bakeries price loaves by a table, drawn up in the 1980s, that weighs the flour in an 800-gram loaf.",
     "800", "Bakeries price loaves by a table, drawn up in the 1980s, that weighs the flour in an 800-gram loaf"),
    # "just" before a figure and a mid-sentence "also" are the writer's, not the claim's
    ("The harvest grew just 0.6% in the autumn.", "0.6%", "The harvest grew 0.6% in the autumn"),
    ("The krone also slipped 3% against the franc.", "3%", "The krone slipped 3% against the franc"),
    # a clause with its own subject that says when the figure holds stays
    ("The trio have released eleven albums since they first played the festival in 1998.", "eleven",
     "The trio have released eleven albums since they first played the festival in 1998"),
    # "including" another figure is another claim; the figure it includes is claimed of the verb
    ("The trio have released eleven albums, including three live records, since 1998.", "eleven",
     "The trio have released eleven albums since 1998"),
    ("The trio have released eleven albums, including three live records, since 1998.", "three",
     "The trio have released three live records since 1998"),
    # a figure that describes a name gets the whole description, without where the person is from
    ("The victim was Mia Holt, 21, a Dutch nursing student at Eastfield University.", "21",
     "Mia Holt, 21, a Dutch nursing student at Eastfield University"),
    ("Dana Oakes, a 44-year-old nurse and poet in Eastfield, said the storm was late.", "44",
     "Dana Oakes, a 44-year-old nurse and poet in Eastfield"),
    ("Voters backed Lena Ortiz, a three-term councilwoman from Eastfield.", "three",
     "Lena Ortiz, a three-term councilwoman"),
    # the base of a share, and a counted noun in the phrase of a subject that states another figure,
    # are noun phrases of their own ...
    ("If the chain could win 15% of the $40 billion in pet sales, it would take $6 billion.", "$40 billion",
     "the $40 billion in pet sales"),
    ("The output of the 12 towns that share the river port will fall 1.5% in 2026.", "12",
     "the 12 towns that share the river port"),
    # ... but not one counted by a part of it
    ("Half of the 36 volunteers who signed up had gone home by dusk.", "36",
     "Half of the 36 volunteers who signed up had gone home by dusk"),
    # "it could be that ...", "it seems that ...": the clause is the claim
    ("Still, it may be that the local dealers found $45 much too low.", "$45",
     "the local dealers found $45 much too low"),
    # the level a movement started from shares the movement's clause
    ("The bureau forecast that exports would rise 4.1% in 2027, down from the 4.6% it had projected in "
     "March.", "4.6%", "exports would rise 4.1% in 2027, down from the 4.6% it had projected in March"),
    # a sum written as one word stays whole; the same sum in another currency stays with it
    ("Orvane Foods posted a net profit of £38m ($47m) compared with £52m in 2022.", "£52m",
     "Orvane Foods posted a net profit of £38m ($47m) compared with £52m in 2022"),
    # a participle clause is its own claim when it leads in the time of the sentence, or when its
    # verb's own words state another figure; not when it gives the level a change reached
    ("After selling its map unit to Orvane for $340 million in 2024, Kestrel is now the third largest app "
     "maker.", "$340 million", "Kestrel selling its map unit to Orvane for $340 million in 2024"),
    ("In March, Kestrel rejected a $120 million takeover bid, pushing instead for nearly $400 million.",
     "$400 million", "Kestrel pushing instead for nearly $400 million"),
    ("The krona lost ground against the pound on Thursday, reaching 13.6 to the euro.", "13.6",
     "The krona lost ground against the pound on Thursday, reaching 13.6 to the euro"),
    ("The census showed a 3% rise in farms, taking the total to 8,300.", "8,300",
     "The census showed a 3% rise in farms, taking the total to 8,300"),
    # the names of the ones counted stay, and no one name stands for them all
    ("Three large carriers — Kestrel, Orvane and Marlow — are shrinking.", "Three",
     "Three large carriers — Kestrel, Orvane and Marlow — are shrinking"),
    # "In X's view", "In its estimates" are the attribution; a participle aside on the subject goes
    ("In the bureau's judgment, exports will climb 3.4% in 2027.", "3.4%", "exports will climb 3.4% in 2027"),
    ("In its newest estimates, the bureau lowered its forecast to 2.2%.", "2.2%",
     "the bureau lowered its forecast to 2.2%"),
    ("The new charges, set out in a short report, would raise up to £25m for the repairs.", "£25m",
     "The new charges would raise up to £25m for the repairs"),
    # a "with" phrase or a subject's participle after the clause states a thing of its own ...
    ("The rupee climbed against the baht and the won, with one baht worth $0.28, and one won buying $0.07.",
     "$0.28", "one baht worth $0.28"),
    ("The rupee climbed against the baht and the won, with one baht worth $0.28, and one won buying $0.07.",
     "$0.07", "one won buying $0.07"),
    # ... but a "with" phrase that only counts goes with its clause
    ("The storm hit the coast on Monday, with 40 deaths so far.", "40",
     "The storm hit the coast on Monday, with 40 deaths so far"),
    # "As for X," names the topic, not the claim
    ("As for his own sporting record, Tomas Brandt has only won one county title in his career.", "one",
     "Tomas Brandt has only won one county title in his career"),
    # a noun phrase coordinated with the figure's, with a number of its own, is another claim ...
    ("Ruritania reported 4,000 new cases and 120 deaths on Monday.", "120",
     "Ruritania reported 120 deaths on Monday"),
    ("Brokers usually charge 3 percent of the price, plus 10 percent of profits.", "10 percent",
     "Brokers usually charge 10 percent of profits"),
    # ... but not the second unit of one span of time
    ("The pupils spend 3 hours and 14 minutes on homework a week.", "3",
     "The pupils spend 3 hours and 14 minutes on homework a week"),
    # an ordinal coordinated with another says which; it is no other figure's clause
    ("Upkeep will cost $1.5 million a year over the fourth and fifth years.", "$1.5 million",
     "Upkeep will cost $1.5 million a year over the fourth and fifth years"),
    # a discourse phrase that links the sentence to the one before is no part of the claim
    ("For example, the Tarsan crown fell nearly 2 percent on Monday.", "2 percent",
     "the Tarsan crown fell nearly 2 percent on Monday"),
    # a leading absolute "with" phrase is the setting, not the claim
    ("With much of the town still under water, residents in some 1,200 cars began the journey on Sunday.", "1,200",
     "residents in some 1,200 cars began the journey on Sunday"),
    # a wire dateline is not part of the claim
    ("PORTLAND, Maine (AP) \u2014 The county spent $8 million on road salt this winter.", "$8 million",
     "The county spent $8 million on road salt this winter"),
    # a clause on a time word ("by the time ...") that holds the figure is its claim...
    ("Staff will work late into the night by the time the last 40 ballot boxes are opened.",
     "40", "the last 40 ballot boxes are opened"),
    # ... unless it only says when, by an age
    ("She was not one of those pupils who knew by the time she was 12.", "12",
     "Lena Ortiz was not one of those pupils who knew by the time she was 12"),
]


@pytest.mark.parametrize("text, figure, expected", CASES)
def test_statement(nlp, text, figure, expected):
    assert statement(nlp, text, figure) == expected


@pytest.mark.parametrize("text, figure, expected", CASES)
def test_statement_words_come_from_the_sentence_or_a_name(nlp, text, figure, expected):
    allowed = set(statement_words(text)) | {w for name in NAMES.values() for w in statement_words(name)} \
        | {"is", "has", "was"}  # (the verb agreement a name as subject needs: "we have" -> "X has")
    assert set(statement_words(statement(nlp, text, figure))) <= allowed


def test_a_subject_name_with_nested_compounds_is_one_mention():
    """"The Ashby City Council voted": "Ashby" hangs on "City", which hangs on "Council"; the whole
    name is the mention the entity's name replaces (not "City Council", leaving "The Ashby")."""
    import spacy
    from spacy.tokens import Doc

    from pipeline.figures.statement_render import _mention

    words = ["The", "Ashby", "City", "Council", "voted"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 2, 3, 4, 4],
              deps=["det", "compound", "compound", "nsubj", "ROOT"],
              pos=["DET", "PROPN", "PROPN", "PROPN", "VERB"])
    assert _mention(doc[3]).text == "The Ashby City Council"


def test_a_hyphenated_role_before_a_name_is_part_of_the_mention():
    """"Eastfield full-back Tom Brandt kicked": the whole run is replaced, not "back Tom Brandt"."""
    import spacy
    from spacy.tokens import Doc

    from pipeline.figures.statement_render import _mention

    words = ["Eastfield", "full", "-", "back", "Tom", "Brandt", "kicked"]
    spaces = [True, False, False, True, True, True, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=[3, 3, 3, 5, 5, 6, 6],
              deps=["compound", "compound", "punct", "compound", "compound", "nsubj", "ROOT"],
              pos=["PROPN", "NOUN", "PUNCT", "NOUN", "PROPN", "PROPN", "VERB"])
    assert _mention(doc[5]).text == "Eastfield full-back Tom Brandt"


def test_a_name_already_written_around_its_mention_is_not_put_in_again():
    """The parse can take only a name's last words for the subject ("du Bois" of "Les Amis du
    Bois will pay"): its full name is written around them, so none is put in their place (it would
    repeat "Les Amis"), while a short form the name extends is still replaced."""
    import spacy
    from spacy.tokens import Doc

    from pipeline.figures.statement import render

    words = ["Les", "Amis", "du", "Bois", "will", "pay", "5", "euros"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 5, 5, 5, 7, 5],
              deps=["det", "nmod", "compound", "nsubj", "aux", "ROOT", "nummod", "dobj"],
              pos=["DET", "PROPN", "PROPN", "PROPN", "AUX", "VERB", "NUM", "NOUN"])
    full = lambda span: "Les Amis du Bois"
    assert render(list(doc), full) == "Les Amis du Bois will pay 5 euros"
    assert render(list(doc[2:]), full) == "Les Amis du Bois will pay 5 euros"
    short = Doc(spacy.blank("en").vocab, words=["Bois", "will", "pay", "5", "euros"], heads=[2, 2, 2, 4, 2],
                deps=["nsubj", "aux", "ROOT", "nummod", "dobj"], pos=["PROPN", "AUX", "VERB", "NUM", "NOUN"])
    assert render(list(short), full) == "Les Amis du Bois will pay 5 euros"


@pytest.mark.xfail(strict=True, reason="the parser hangs the last verb on the infinitive of the one before; "
                   "the subject's first verb stays in the statement")
def test_a_figure_in_the_last_of_three_chained_verbs(nlp):
    text = "The coach was booed but managed to calm the crowd and led his side to a 3-1 win."
    assert statement(nlp, text, "3-1") == "The coach led his side to a 3-1 win"


def test_a_verb_is_never_its_own_conjunct(nlp):
    """A finite verb coordinated under a non-finite one, with nothing in between holding a
    subject, once made the statement builder recurse forever (wire copy in lower case)."""
    text = ("e . lars lund was sentenced by a u . s . judge in boston to four years in prison and fined "
            "$ 90,000 for his fraud conviction in the harbor scandal .")
    figures = nlp(text)._.claimsift_figures
    assert [text[f["start"]:f["end"]] for f in figures] == ["four", "$ 90,000"]
    assert all(f["statement"] for f in figures)


@pytest.mark.parametrize("text,figure,expected", [
    # a figure in a participle clause on a noun: the noun phrase and the clause, with the comma
    # only where the text has one
    ("The museum, visited by 40,000 people last year, will close in May.", "40,000",
     "The museum, visited by 40,000 people last year"),
    ("The plan approved by 40 councillors was dropped in May.", "40", "The plan approved by 40 councillors"),
])
def test_a_figure_in_a_participle_clause_on_a_noun(nlp, text, figure, expected):
    assert statement(nlp, text, figure) == expected

"""Reported speech (pipeline/quoting/reported.py): `indirect` quote records.

Tables of invented news sentences run through the real English pipeline (the session `nlp`
fixture): every form of reported speech, mixed quotes, and sentences that must yield nothing.
Every record is checked against its own offsets.
"""

from __future__ import annotations

import pytest

from pipeline.attrs import QUOTES


def run(nlp, text):
    doc = nlp(text)
    quotes = doc._.get(QUOTES) or []
    for q in quotes:
        assert 0 <= q["start"] < q["end"] <= len(text)
        if q["cue_span"]:
            a, b = q["cue_span"]
            assert text[a:b] == q["cue"], q
        sp = q["speaker"]
        if sp and sp.get("mention_span"):
            a, b = sp["mention_span"]
            assert text[a:b] == sp["mention"], q
    return quotes


def indirect(text, quotes):
    """(content, cue, speaker name or mention) of every indirect record."""
    return [(text[q["start"]:q["end"]], q["cue"], (q["speaker"] or {}).get("name") or (q["speaker"] or {}).get("mention"))
            for q in quotes if q["kind"] == "indirect"]


# Each row: text, expected [(content, cue, speaker)].
FORMS = [
    # X said (that) CLAUSE
    ("Harbour master Olu Adeyemi said the port would reopen on Thursday.",
     [("the port would reopen on Thursday", "said", "Olu Adeyemi")]),
    ("Councillor Breda Finnegan said that the library budget had been cut by a third.",
     [("the library budget had been cut by a third", "said", "Breda Finnegan")]),
    # CLAUSE, X said / CLAUSE, said X
    ("Ticket sales fell sharply over the summer, the festival's director, Noor Haddad, said on Tuesday.",
     [("Ticket sales fell sharply over the summer", "said", "Noor Haddad")]),
    ("Mortgage rates will fall again before the winter, said Pieter Voskuil, an economist at Dranemark Bank.",
     [("Mortgage rates will fall again before the winter", "said", "Pieter Voskuil")]),
    # a dateline opening the paragraph is not part of the clause
    ("PORTVILLE, March 3 (Wirenews) - The harbour will close for two weeks of repairs, port officials said on Monday.",
     [("The harbour will close for two weeks of repairs", "said", "port officials")]),
    # the reporting-verb family
    ("Opposition leader Marta Quiroga claimed the election had been rigged.",
     [("the election had been rigged", "claimed", "Marta Quiroga")]),
    ("Union chief Ade Bankole argued that the new contracts would cut wages.",
     [("the new contracts would cut wages", "argued", "Ade Bankole")]),
    ("Lise Holm, a forecaster, warned that the storm could bring flooding to the coast.",
     [("the storm could bring flooding to the coast", "warned", "Lise Holm")]),
    ("Coach Ravi Menon insisted his players had kept to the rules.",
     [("his players had kept to the rules", "insisted", "Ravi Menon")]),
    ("The minister, Tomasz Wielgus, denied that he had misled parliament.",
     [("he had misled parliament", "denied", "Tomasz Wielgus")]),
    ("Hospital director Greta Solberg acknowledged that queues at the clinic had grown.",
     [("queues at the clinic had grown", "acknowledged", "Greta Solberg")]),
    ("Analyst Kwame Osei estimated that the merger would cost 4,000 jobs.",
     [("the merger would cost 4,000 jobs", "estimated", "Kwame Osei")]),
    ("Economist Hana Novak predicted that inflation would peak in March.",
     [("inflation would peak in March", "predicted", "Hana Novak")]),
    ("Mayor Ilse Brandt told reporters the bridge was safe.",
     [("the bridge was safe", "told reporters", "Ilse Brandt")]),
    ("Author Delphine Marchetti wrote that the city had lost its soul.",
     [("the city had lost its soul", "wrote", "Delphine Marchetti")]),
    ("Senator Colm Farrelly tweeted that the vote had been delayed again.",
     [("the vote had been delayed again", "tweeted", "Colm Farrelly")]),
    ("Singer Lua Batista posted that her tour would be postponed.",
     [("her tour would be postponed", "posted", "Lua Batista")]),
    # has said / has long argued
    ("Governor Ana Pereira has long argued that the tax is unfair.",
     [("the tax is unfair", "has long argued", "Ana Pereira")]),
    ("Regulator Yusuf Demir has said the fines will rise next year.",
     [("the fines will rise next year", "has said", "Yusuf Demir")]),
    # "said in a statement that ...": the speaker of the verb, also when the parse hangs the clause on the noun
    ("The Red Cross said in a statement that 14 people had died in the flood.",
     [("14 people had died in the flood", "said in a statement", "The Red Cross")]),
    # CLAUSE, X said, which ...: the parse hangs the attribution on the clause as one of its own
    ("However, the brewer shipped fewer crates of its lager than it had planned, Okafor said, which hurt its "
     "summer sales.",
     [("the brewer shipped fewer crates of its lager than it had planned", "said", "Okafor")]),
    # CLAUSE, X said; CLAUSE: the clause after the semicolon is the writer's
    ("Tarsa had a jobless rate of 12.3 percent in 2011, the Labour Ministry said; the rate has since halved.",
     [("Tarsa had a jobless rate of 12.3 percent in 2011", "said", "Labour Ministry")]),
    # CLAUSE, according to X, who ...: also when the parse reads the clause's verb as a participle
    ("More than 3,000 households left on Sunday, according to the town's mayor, who stayed behind.",
     [("More than 3,000 households left on Sunday", "according to", "the town's mayor")]),
    # a figure ending the clause keeps its sign
    ("The group's finance chief, Ilona Varga, told Reuters that margins would widen by 5%.",
     [("margins would widen by 5%", "told Reuters", "Ilona Varga")]),
    # in a statement, X said
    ("In a statement, the Harland Water Company said supplies were safe to drink.",
     [("supplies were safe to drink", "said", "Harland Water Company")]),
    # according to X
    ("According to the county clerk, turnout fell by 8% this year.",
     [("turnout fell by 8% this year", "According to", "the county clerk")]),
    ("The museum will close for repairs in May, according to city officials.",
     [("The museum will close for repairs in May", "according to", "city officials")]),
    # a reporting noun with its owner
    ("The coach rejected his rival's claim that the referee had been biased.",
     [("the referee had been biased", "claim", "his rival")]),
    ("The coach rejected Okoro's contention the referee had favoured the hosts.",
     [("the referee had favoured the hosts", "contention", "Okoro")]),
    # a spokeswoman
    ("Kestrel Airways' spokeswoman said all flights would leave on time.",
     [("all flights would leave on time", "said", "Kestrel Airways' spokeswoman")]),
    # passive with an agent
    ("It was announced by the ministry that the border would reopen.",
     [("the border would reopen", "announced", "the ministry")]),
    # reported questions
    ("Reporter Ines Moura asked whether the factory would close.",
     [("the factory would close", "asked", "Ines Moura")]),
    # a demonstrative subject stays; a leading "But" and a trailing "but" go
    ("The treasurer said that would probably lower ferry fares.",
     [("that would probably lower ferry fares", "said", "The treasurer")]),
    ("But the plan failed in the end, the report claims.",
     [("the plan failed in the end", "claims", "the report")]),
    # "that" as the parser's determiner, a comma after "that"
    ("The regulator urged airlines to trim fees, warning that new rules would be drafted.",
     [("new rules would be drafted", "warning", "The regulator")]),
    ("Inspectors reported that, in most towns, the buses ran late.",
     [("in most towns, the buses ran late", "reported", "Inspectors")]),
    # a second report in a participle is not part of the first clause
    ("Mayor Ilse Brandt said the pier would reopen in May, adding that repairs had cost less than feared.",
     [("the pier would reopen in May", "said", "Ilse Brandt"),
      ("repairs had cost less than feared", "adding", "Ilse Brandt")]),
    # an attribution set off by commas inside the sentence reports what follows it
    ("Once inside, investigators said, the suspect hid the keys under a mat.",
     [("the suspect hid the keys under a mat", "said", "investigators")]),
    # "X, who said ...": a named relative reports
    ("The council heard from Ada Novak, who said the library had been closed for a month.",
     [("the library had been closed for a month", "said", "Ada Novak")]),
    # an organization that reports is no person, and its name drops the article
    ("Cases rose again in the north.\n\nThe Harbour Health Organization on Friday said the tally of "
     "cases had fallen.",
     [("the tally of cases had fallen", "said", "Harbour Health Organization")]),
    ("The company is challenging a ruling which said it had shared prices with its rivals.",
     [("it had shared prices with its rivals", "said", "a ruling")]),
    ("Ada Novak drove them to the depot, where she said the buses were kept.",
     [("the buses were kept", "said", "Ada Novak")]),
    # a document or a body of findings as the source of a verb of evidence
    ("A new survey by the Harbour Trust indicates most residents want the ferry back.",
     [("most residents want the ferry back", "indicates", "Harbour Trust")]),
    ("Research shows that children sleep less than their parents did.",
     [("children sleep less than their parents did", "shows", "Research")]),
    # replies, pledges and repetitions report a clause too
    ("Councillor Ada Novak countered that the budget had been balanced for years.",
     [("the budget had been balanced for years", "countered", "Ada Novak")]),
    ("Mayor Ilse Brandt vowed that the pier would reopen before the summer.",
     [("the pier would reopen before the summer", "vowed", "Ilse Brandt")]),
    # a dateline the parse took for a second subject is not the source
    ("KESSELMARK, March 3 - Estmar announced on Monday that its army had left the border.\n\n"
     "Estmar has long denied the claims.",
     [("its army had left the border", "announced", "Estmar")]),
    # a trailing attribution the parse left inside the clause; as a nested report, the outer
    # record holds the inner one
    ("Ms Varga assured the board she would stay until the merger closed, a new biography of the banker says.",
     [("Ms Varga assured the board she would stay until the merger closed", "says", "a new biography of the banker"),
      ("she would stay until the merger closed", "assured the board", "Varga")]),
    # a trailing adjunct that frames the report is not part of it
    ("The folk duo Harrow Lane have confirmed that they will split up, following rumours that they had stopped speaking.",
     [("they will split up", "have confirmed", "Harrow Lane"), ("they had stopped speaking", "rumours", None)]),
    ("The museum has confirmed that the loan is cancelled, with a press release sent to members.",
     [("the loan is cancelled", "has confirmed", "The museum")]),
    ("Ms Tan said the scheme was run at cost, although she conceded that the printers would earn a profit.",
     [("the scheme was run at cost", "said", "Tan"), ("the printers would earn a profit", "conceded", "Tan")]),
    # ... but an adjunct that names no act of speech stays
    ("Mayor Lena Okafor said the bridge would close in June, cutting the town in two.",
     [("the bridge would close in June, cutting the town in two", "said", "Lena Okafor")]),
    # an attribution set off by commas after the clause's subject: the content is what follows it
    ("The rescue fund, she said, will run out of money by March.",
     [("will run out of money by March", "said", "she")]),
    ("Local papers have speculated that the mill owner had found a buyer for the site.",
     [("the mill owner had found a buyer for the site", "have speculated", "Local papers")]),
    # a request joined to the clause without a subject of its own is the source's act, not the content
    ("The couple told police they had run out of fuel and asked for a lift to town.",
     [("they had run out of fuel", "told police", "The couple")]),
    # ... but another verb joined to the clause stays in it
    ("Ms Dube said the bakery had doubled its sales and hired four more staff.",
     [("the bakery had doubled its sales and hired four more staff", "said", "Dube")]),
    # quoted words inside the clause: its subject, or a verb the tagger reads as a preposition
    # after the opening mark, or a subject the parse hung on the auxiliary
    ("Ms Lowe wrote that he did not “like the look of the new rules”.",
     [("he did not “like the look of the new rules”", "wrote", "Lowe")]),
    ("He said the council's \"latest attempt at a budget has clearly failed\".",
     [("the council's \"latest attempt at a budget has clearly failed\"", "said", "He")]),
    ("The panel said he was “fooling himself” about the costs.",
     [("he was “fooling himself” about the costs", "said", "The panel")]),
    # a past tense the tagger read as a participle; "that" as the clause's subject; a relative
    # pronoun as the subject of the reported clause
    ("Nolan said a three-year licensing deal allowing the firm to cut prices expired on March 3.",
     [("a three-year licensing deal allowing the firm to cut prices expired on March 3", "said", "Nolan")]),
    ("But Ms Ruiz said that was not why she resigned.",
     [("that was not why she resigned", "said", "Ruiz")]),
    ("Three depots would close under cuts which the Greens say would cost 400 jobs.",
     [("would cost 400 jobs", "say", "Greens")]),
    # a reporting noun with no owner: the record has no speaker
    ("A row broke out after the leaflets appeared, amid claims they were racist.",
     [("they were racist", "claims", None)]),
    ("Critics dismissed the claim that the tax would pay for itself.",
     [("the tax would pay for itself", "claim", None)]),
    # a document's participle of saying
    ("Callers heard a message saying the office had closed for the holiday.",
     [("the office had closed for the holiday", "saying", "a message")]),
    # "made it clear that"
    ("She made it clear that she would stay on as chair.",
     [("she would stay on as chair", "made it clear", "She")]),
    ("The regulator has made it clear its licence does not cover night flights.",
     [("its licence does not cover night flights", "has made it clear", "The regulator")]),
    # a document's author named as the agent of its release
    ("A survey published on Monday by the Halvard Institute found that most renters pay more than a third of their income.",
     [("most renters pay more than a third of their income", "found", "Halvard Institute")]),
    # an investigation is a body of findings: its author reports what it found
    ("An investigation by the Harbor Gazette found that the ferry operator had skipped safety checks on two of its boats.",
     [("the ferry operator had skipped safety checks on two of its boats", "found", "Harbor Gazette")]),
    # a clause whose subject the parse took for the object of "say"
    ("Okafor said a two-year lease allowing the club to use the hall expired on Friday.",
     [("a two-year lease allowing the club to use the hall expired on Friday", "said", "Okafor")]),
    # a report reported in its turn: the outer record holds the inner report
    ("Rivera told detectives that his van had been taken, court papers say.",
     [("Rivera told detectives that his van had been taken", "say", "court papers"),
      ("his van had been taken", "told detectives", "Rivera")]),
    # "CLAUSE, according to X" closing its paragraph; an article's publication as its author
    ("Ferry fares rose by a fifth last year, according to a 2021 article in the Harlow Gazette.\n\nMore follows.",
     [("Ferry fares rose by a fifth last year", "according to", "Harlow Gazette")]),
    # a body named by its named owner
    ("Senator Dana Whitlock's campaign team announced on Monday that the senator will run again.",
     [("the senator will run again", "announced", "Dana Whitlock's campaign team")]),
    # what a quoted speaker reports someone else said
    ("Marco Ruiz called the station at noon.\n\n“He said the boat had sunk near the pier,” Officer Lin Baptiste wrote.",
     [("the boat had sunk near the pier", "said", "Marco Ruiz")]),
    # a product bearing its maker's name is not the maker: the short name is the maker's
    ("Quillon Systems launched a box called “Quillon Play” in May, and by June half of its buyers owned a "
     "Quillon Play.\n\nQuillon said that sales had doubled.",
     [("sales had doubled", "said", "Quillon Systems")]),
    # ", which ..." said of the whole clause is the reporter's comment
    ("Fans of the band have said the new songs are too slow, which is not something anyone expected.",
     [("the new songs are too slow", "have said", "Fans of the band")]),
    # a lede's document whose author is named with its next mention
    ("A notice sent to tenants said the rent would rise in March.\n\nThe notice, from Brookfield Housing Trust, "
     "gives no reason.",
     [("the rent would rise in March", "said", "Brookfield Housing Trust")]),
    # a kin noun owned by a named person is that family's other named member
    ("Tomas Velde, 34, was charged on Friday. His mother, Rosa Velde, spoke to reporters.\n\n"
     "She said her son had assured her he broke no law.",
     [("her son had assured her he broke no law", "said", "Rosa Velde"),
      ("he broke no law", "had assured her", "Tomas Velde")]),
    # "As X reported, CLAUSE", and what the reporter concludes from it after ", so" left out
    ("As the Tarnby Courier reported last month, the council is preparing to sell the depot.",
     [("the council is preparing to sell the depot", "reported", "Tarnby Courier")]),
    ("As the Tarnby Courier reported in May, the council is hoping for a buyer, so it is no surprise to see the sign.",
     [("the council is hoping for a buyer", "reported", "Tarnby Courier")]),
    # a second verb with a modal of its own goes on with the reported clause
    ("The trust said the hospital was not closing its ward, but would move it to the new wing.",
     [("the hospital was not closing its ward, but would move it to the new wing", "said", "The trust")]),
    # a clause of its own after a comma is the reporter's, not the report
    ("While engineers say the bridge is safe, the council's decision to close it raises doubts.",
     [("the bridge is safe", "say", "engineers")]),
    # quoted words opening the clause, the reporter's words going on after them
    ('Governor Idris Calloway has said "there could be consequences" if the union rejects the offer.',
     [('"there could be consequences" if the union rejects the offer', "has said", "Idris Calloway")]),
    # a participle of inference after the clause belongs to it: the facts imply it, no one says it
    ("Orders for steel will halve by spring, suggesting that builders are holding back, she said on Friday.",
     [("Orders for steel will halve by spring, suggesting that builders are holding back", "said", "she")]),
    # a reporting noun without a possessive: the subject of the verb voicing it, a group before it
    ("Investor Ivo Stanek, a former adviser at the firm, has published rumours that the company has a new phone coming.",
     [("the company has a new phone coming", "has published rumours", "Ivo Stanek")]),
    ("The coastguard issued a warning that the cliffs could collapse within days.",
     [("the cliffs could collapse within days", "issued a warning", "The coastguard")]),
    ("The mayor defended the plan amid Labour claims the budget was a sham.",
     [("the budget was a sham", "Labour claims", "Labour")]),
    # "to say" after a verb of getting in touch or of going on
    ("At 9 p.m., Mira Kovac texted to say the car had arrived.",
     [("the car had arrived", "texted to say", "Mira Kovac")]),
    ("Coach Elio Brandt went on to claim that the pitch was unplayable.",
     [("the pitch was unplayable", "went on to claim", "Elio Brandt")]),
    # a source's view framing the sentence, or said to be a clause
    ("In the agency's view, the regional economy will grow just 1% next year.",
     [("the regional economy will grow just 1% next year", "In the agency's view", "the agency")]),
    ("Mayor Ida Holm's position is that the tax must go.",
     [("the tax must go", "position", "Ida Holm")]),
    # an attribution set off by commas between the auxiliary and its verb reports what follows it
    ("The mayor had not, Inspector Lars Ruiz added, been told about the leak by the city's engineers.",
     [("been told about the leak by the city's engineers", "added", "Lars Ruiz")]),
    # adjuncts between the clause and its source belong to the clause
    ("The regional economy is overheating, despite a weaker long-term outlook, the bank's report says.",
     [("The regional economy is overheating, despite a weaker long-term outlook", "says", "the bank's report")]),
    # a clausal subject inside the reported clause
    ("Officials said that seeds bred for the drought would be handed to farmers in the south first.",
     [("seeds bred for the drought would be handed to farmers in the south first", "said", "Officials")]),
    # minutes as the record of a meeting
    ("Minutes of the March meeting showed that board members are worried about rising costs.",
     [("board members are worried about rising costs", "showed", "Minutes of the March meeting")]),
    # a concern or a question voiced
    ("Defence counsel Rita Moss voiced doubts over whether the witness could see the car.",
     [("the witness could see the car", "voiced doubts", "Rita Moss")]),
    ("Residents expressed concerns that the new road would split the village.",
     [("the new road would split the village", "expressed concerns", "Residents")]),
    # the last verb of a series the parse hung on the reporting verb
    ("Ortiz added that the dog ran off after a few minutes, barked “help me!”, and began digging by the fence.",
     [("the dog ran off after a few minutes, barked “help me!”, and began digging by the fence", "added", "Ortiz")]),
    # after "that", quoted words and a phrase of the reporter's own
    ('Despite the profits, chief executive Lena Ruiz warned that "lenders are under siege," from state auditors.',
     [('"lenders are under siege," from state auditors', "warned", "Lena Ruiz")]),
    # a second verb telling a hearer something is a report of its own
    ("Councillor Bea Marsh hinted the closures reflected a broad pattern and assured voters that the library would stay open.",
     [("the closures reflected a broad pattern", "hinted", "Bea Marsh"),
      ("the library would stay open", "assured voters", "Bea Marsh")]),
    # a finite clause without a subject of its own after a verb of telling: the object is its subject
    ('The coach warned the players on the bench "had better stay ready for the second half".',
     [('the players on the bench "had better stay ready for the second half"', "warned", "The coach")]),
    # a fact voiced
    ("The auditor underlined the fact that two of the loans were never repaid.",
     [("two of the loans were never repaid", "underlined the fact", "The auditor")]),
    # a belief inside someone else's report is that report's
    ("Ruiz believed the car was stolen, her lawyer said.",
     [("Ruiz believed the car was stolen", "said", "her lawyer")]),
    # a relative clause without its pronoun: the clause after the verb
    ("He set out the costs he says are hurting farmers.",
     [("are hurting farmers", "says", "he")]),
    # before its reporting verb, a participle after a comma belongs to the reported clause
    ("The landlord replied, urging the tenants to leave before the storm, the inspector wrote.",
     [("The landlord replied, urging the tenants to leave before the storm", "wrote", "the inspector")]),
    # "as X put it", before or after the clause
    ("The new stadium is a costly folly, as the Glenmoor Herald put it on Sunday.",
     [("The new stadium is a costly folly", "put it", "Glenmoor Herald")]),
    ("As one fan put it, the club has lost its way.",
     [("the club has lost its way", "put it", "one fan")]),
    # evidence found and voiced
    ("Inspector Noor Saleh found evidence that the pipes had been cut.",
     [("the pipes had been cut", "found evidence", "Noor Saleh")]),
    # a report at second hand: "X is reported to believe ...", "quoted X as claiming ..."
    ("Tove Brun, a former director of the museum, is reported to believe the sale of the painting was a blunder.",
     [("the sale of the painting was a blunder", "is reported to believe", "Tove Brun")]),
    ("A radio station quoted a letter from the Harlan Miners Union as claiming the strike was over.",
     [("the strike was over", "claiming", "Harlan Miners Union")]),
    # a participle of saying on its speaker: "with analysts saying ..."
    ("Shares in Norvale fell 3 percent, with analysts saying the cost of the recall could climb further.",
     [("the cost of the recall could climb further", "saying", "analysts")]),
    # the "that" clause the parse hung on the medium named after the verb ("on a live stream")
    ("Coach Dana Ruiz said on a radio show that three players had been hurt in training.",
     [("three players had been hurt in training", "said", "Dana Ruiz")]),
    # a relative clause whose reporting verb has a speaker of its own reports the rest of it
    ("He ran a shop called Blue Fern that police say was selling stolen cards.",
     [("was selling stolen cards", "say", "police")]),
    # two clauses joined by "but" before the verb, parsed as two clauses of it: one report of both
    ("Nobody can yet say how the fire started but the family, who lived upstairs, is safe and was not hurt, "
     "fire chief Rosa Ilves said.",
     [("Nobody can yet say how the fire started but the family, who lived upstairs, is safe and was not hurt",
       "said", "Rosa Ilves")]),
]


@pytest.mark.parametrize("text,expected", FORMS, ids=[f[0][:40] for f in FORMS])
def test_reported_speech_forms(nlp, text, expected):
    assert indirect(text, run(nlp, text)) == expected


def test_quoted_words_in_a_reported_clause_take_its_source(nlp):
    text = "The coach smiled at the rival club's suggestion that his side was “past its best”."
    quotes = run(nlp, text)
    assert indirect(text, quotes) == [("his side was “past its best”", "suggestion", "the rival club")]
    frag = [q for q in quotes if q["kind"] == "fragment"]
    assert [(text[q["start"]:q["end"]], q["speaker"]["mention"]) for q in frag] == [("past its best", "the rival club")]


def test_nested_reports(nlp):
    text = "Coach Dara Whelan said her captain, Mia Roche, told her she was ready to play."
    got = indirect(text, run(nlp, text))
    assert ("her captain, Mia Roche, told her she was ready to play", "said", "Dara Whelan") in got
    assert ("she was ready to play", "told her", "Mia Roche") in got


def test_two_reports_joined_by_and_are_two_records(nlp):
    text = "Minister Pat Hume has said the pension scheme is not affordable and said there would be changes."
    assert indirect(text, run(nlp, text)) == [
        ("the pension scheme is not affordable", "has said", "Pat Hume"),
        ("there would be changes", "said", "Pat Hume"),
    ]


def test_a_report_after_a_preposition(nlp):
    text = "The director praised the cast warmly after warning that the shoot had run over budget."
    assert indirect(text, run(nlp, text)) == [("the shoot had run over budget", "warning", "The director")]


def test_a_claim_announced_in_one_sentence_and_made_in_the_next(nlp):
    text = ("Board chair Lena Fischer made three points. First, the plant was losing money. "
            "Second, the market was shrinking.")
    got = indirect(text, run(nlp, text))
    assert got == [("the plant was losing money", "made", "Lena Fischer"),
                   ("the market was shrinking", "made", "Lena Fischer")]


def test_a_point_attributed_where_it_is_made_is_reported_once(nlp):
    text = ("Board chair Lena Fischer made three points in her speech. First, she said, the plant was losing "
            "money.")
    assert indirect(text, run(nlp, text)) == [("the plant was losing money", "said", "Lena Fischer")]


def test_mixed_quote_is_one_indirect_record_and_the_quoted_words_keep_theirs(nlp):
    text = "Mayor Rhea Castillo said the budget was “a disgrace to this city” and would be rewritten."
    quotes = run(nlp, text)
    kinds = sorted((q["kind"], text[q["start"]:q["end"]]) for q in quotes)
    assert kinds == [("fragment", "a disgrace to this city"),
                     ("indirect", "the budget was “a disgrace to this city” and would be rewritten")]


def test_quoted_words_before_an_infinitive_of_saying_keep_the_clause_source(nlp):
    text = "Central bank governor Ines Walther said it was “much too soon” to say whether the reforms had helped."
    frag = [q for q in run(nlp, text) if q["kind"] == "fragment"]
    assert [(text[q["start"]:q["end"]], q["cue"], q["speaker"]["name"]) for q in frag] == [
        ("much too soon", "said", "Ines Walther")]


def test_a_fragment_closing_the_clause_stays_whole(nlp):
    text = "The pupil admitted the trophy “felt a bit heavy”."
    assert indirect(text, run(nlp, text)) == [("the trophy “felt a bit heavy”", "admitted", "The pupil")]


NOTHING = [
    # a belief in a relative clause is no report
    "She carried seats most experts thought would go to her rival.",
    # a "that" clause on a noun after the verb that is a relative clause, no report
    "The mayor spoke on a day that the council had set aside for debate.",
    # a participle of saying on a noun, with no clause said
    "The team spent the last evening of the tour saying goodbye to the host families.",
    "The study that found a link was retracted.",
    "He made no claim that the fund was safe.",
    # the writer's own view, "in view of", a wish to say, a noun that reports nothing
    "In my view, the regional economy will grow.",
    "In view of rising fees, the club will wait.",
    "She wants to say the bridge was unsafe.",
    "The plan's weakness is that it costs too much.",
    # no evidence found
    "Police found no evidence that the man had fled.",
    # a fact ignored is no one's words
    "Builders ignored the fact that a beam had split.",
    # a concern no one is said to voice
    "Fears that the bank would fail grew on Monday.",
    # a reporting noun asked for is no one's words
    "Farmers want assurances that their fields will not be flooded again.",
    "Mr Dane explained how it works.",
    # quoted words with no clause of the reporter's after them: the quote's own record
    'The minister insisted that "the numbers add up" and "nothing has changed".',
    # a quoted speaker's own beliefs, and a report still to come, are no reports
    "“I believe the bridge will hold,” Mayor Ines Duarte said.",
    "“He will probably say the ball slipped,” the coach said.",
    # a tensed reporting verb without a subject is a misread noun: no report of the main subject
    "Mayor Ada Brisk has defended the budget amid Democrat claims the cuts were far too deep.",
    # a verb of evidence without a subject of its own
    "Turnout was higher than in any year before, indicating the campaign had worked.",
    # a verb of evidence without a document as its subject
    "The match showed that the young side could compete.",
    "Rescuers found that the road had been washed away.",
    # hypotheticals
    "If the governor said the plan had failed, voters would revolt.",
    "The mayor could argue that the budget is balanced.",
    # negated and questioned reports
    "The company did not say whether profits had fallen.",
    "Did the minister say the border would reopen?",
    # "said" as an adjective
    "The said property was sold to a developer in 1998.",
    # reporting verbs without a clause
    "The spokeswoman said nothing about the layoffs.",
    "Officials warned of delays on the northern line.",
    "The coach told the players to rest.",
    "She asked for a refund.",
    # "according to" with no source
    "According to plan, the ship sailed at dawn.",
    "The launch went according to plan.",
    # a passive report without a source; a participle (the subject was asked)
    "It was said that the castle was haunted.",
    "Asked whether the castle was haunted, the guide smiled.",
    # "claim" as winning, "explain" with a wh-clause, an imperative "tell"
    "The hosts claimed a first home win over the champions in a tense match.",
    "The engineer explained how the pumps work during a flood.",
    "Tell me the plan works and I will fund it.",
    # a question in a temporal clause
    "When the presenter asked whether the team would stay together, the captain shrugged.",
    # a direct quote is quoted speech, not reported speech
    "“The port will reopen on Thursday,” harbour master Olu Adeyemi said.",
    "Harbour master Olu Adeyemi said: “The port will reopen on Thursday.”",
    # scare quotes and titles
    "The so-called “reform” left most tenants worse off.",
    "Her new film, “The Long Winter,” opens on Friday.",
    # first person outside quotes (a column's author)
    "I said the bridge would never be finished.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_reported_speech(nlp, text):
    assert indirect(text, run(nlp, text)) == []


def test_turned_off_by_the_stage_setting(nlp):
    from pipeline.quoting.attribution import find_quotes

    text = "Harbour master Olu Adeyemi said the port would reopen on Thursday."
    doc = nlp(text)
    assert find_quotes(doc, emit_indirect=False) == []
    assert [q["kind"] for q in find_quotes(doc)] == ["indirect"]


# --------------------------------------------------------------------------- rule logic on hand-built docs

@pytest.mark.parametrize(
    "words,pos,expected",
    [
        # a leading "that" goes, trailing punctuation goes
        (["that", "the", "plan", "failed", "."], ["SCONJ", "DET", "NOUN", "VERB", "PUNCT"], "the plan failed"),
        # "that" as the subject stays
        (["that", "would", "never", "work", "."], ["PRON", "AUX", "ADV", "VERB", "PUNCT"], "that would never work"),
        # ... but a gerund after it does not make it the subject
        (["that", "fixing", "roads", "first", "mattered"], ["SCONJ", "VERB", "NOUN", "ADV", "VERB"],
         "fixing roads first mattered"),
        # a leading conjunction and a discourse adverb with its comma go
        (["But", "the", "plan", "failed", ","], ["CCONJ", "DET", "NOUN", "VERB", "PUNCT"], "the plan failed"),
        (["However", ",", "sales", "grew", "fast"], ["ADV", "PUNCT", "NOUN", "VERB", "ADV"], "sales grew fast"),
        # too short to be a claim
        (["it", "did", "."], ["PRON", "VERB", "PUNCT"], None),
    ],
)
def test_content_span(words, pos, expected):
    import spacy
    from spacy.tokens import Doc

    from pipeline.quoting.reported_spans import _content_span

    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos)
    span = _content_span(doc, 0, len(doc))
    assert (doc.text[span[0]:span[1]] if span else None) == expected


@pytest.mark.parametrize(
    "words,spaces,expected",
    [
        # a sign written onto its number belongs to the amount, not to the trailing punctuation
        (["sales", "would", "rise", "5", "%", "."], [True, True, True, False, False, False], "sales would rise 5%"),
        (["it", "would", "reach", "40", "°", "."], [True, True, True, False, False, False], "it would reach 40°"),
        # a stray sign after a space still goes
        (["the", "plan", "had", "failed", "%"], [True, True, True, True, False], "the plan had failed"),
    ],
)
def test_content_span_keeps_a_sign_on_its_number(words, spaces, expected):
    import spacy
    from spacy.tokens import Doc

    from pipeline.quoting.reported_spans import _content_span

    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    span = _content_span(doc, 0, len(doc))
    assert (doc.text[span[0]:span[1]] if span else None) == expected

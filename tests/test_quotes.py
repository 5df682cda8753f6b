"""Quote detection and attribution (pipeline/quoting/, the quotes stage).

Pure tests for the mark scanner, then tables of real-style news sentences run through the real
English pipeline (the session `nlp` fixture from conftest.py). Every produced quote is checked
against its own offsets.
"""

from __future__ import annotations

import re

import pytest

from pipeline.attrs import QUOTES
from pipeline.quoting.marks import (
    is_single_opener,
    paragraphs_of,
    scan_quotes,
    single_closer_strength,
)

# --------------------------------------------------------------------------- pure scanner


def contents(text):
    return [text[q["start"]:q["end"]] for q in scan_quotes(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("“We will win,” she said.", ["We will win,"]),
        # a straight opening mark with a space after it, closed later in the paragraph
        ('He said it might be " a real help to the harbour". She agreed.', ["a real help to the harbour"]),
        # a lone straight mark between spaces opens nothing
        ('The screen measures 15 " across and weighs little.', []),
        ('"We will win," she said.', ["We will win,"]),
        ("``We will win,'' she said.", ["We will win,"]),
        ("‘We will win,’ she said.", ["We will win,"]),
        ("'We will win,' she said.", ["We will win,"]),
        ("« We will win », she said.", ["We will win"]),
        ("„We will win“, she said.", ["We will win"]),
        # nested quotes: the outer one is reported
        ("“He told me, ‘Never again,’ and left,” she said.", ["He told me, ‘Never again,’ and left,"]),
        ("‘He called it “a disgrace”, then left,’ she said.", ["He called it “a disgrace”, then left,"]),
        ("``He said `no' twice,'' she said.", ["He said `no' twice,"]),
        # jammed quotes
        ("``First.''``Second,'' she said.", ["First.", "Second,"]),
        ("“First.”“Second,” she said.", ["First.", "Second,"]),
        # interrupted quote: two segments
        ("“The market is hot,” he said, “and prices will fall.”", ["The market is hot,", "and prices will fall."]),
        # apostrophes never open or close a quote
        ("The company’s ’90s models and the Smiths’ house don’t matter.", []),
        ("Rock ’n’ roll fans and 'em folks packed the hall in '08.", []),
        ("Springfield‘s next mayor and Okonkwo' lead.", []),
        ("The fans' chant was ‘We want more’ all night.", ["We want more"]),
        ("‘The Smiths’ house burned down,’ she said.", ["The Smiths’ house burned down,"]),
        # a single quote that never closes inside a paragraph is an apostrophe, not a quote
        ("She sat by the ‘window for hours.", []),
        # paragraphs run together: a new opening mark after a sentence end inside an open quote
        ('He said: "We played well. "Next week will be harder." Fans cheered.',
         ["We played well.", "Next week will be harder."]),
        ('"We lost. "We will be back. "Trust us," she said.', ["We lost.", "We will be back.", "Trust us,"]),
        # a closing mark after a sentence end is still a closing mark
        ('"We lost." "Not again," she said.', ["We lost.", "Not again,"]),
        ('He shouted "stop" twice. "Why?" she asked.', ["stop", "Why?"]),
        # empty quotes are ignored
        ("He said “” and left.", []),
        ("", []),
    ],
)
def test_scan_quotes(text, expected):
    assert contents(text) == expected


def test_unclosed_quote_runs_to_paragraph_end_and_links_the_next_paragraph():
    text = "He said:\n\n“The first point is this.\n\n“The second point is that,” he added.\n\nNarration."
    qs = scan_quotes(text)
    assert [text[q["start"]:q["end"]] for q in qs] == ["The first point is this.", "The second point is that,"]
    assert qs[0]["closed"] is False and qs[1]["closed"] is True
    assert qs[0]["run"] == qs[1]["run"]
    assert qs[0]["lead"] and qs[1]["lead"]


def test_a_quote_after_a_lost_paragraph_break_continues_the_run():
    text = 'He said: "We played well. "Next week will be harder." Fans cheered. "Go," he said.'
    got = [(text[q["start"]:q["end"]], q["run"], q["continues"], q["closed"]) for q in scan_quotes(text)]
    assert got == [("We played well.", 1, False, False), ("Next week will be harder.", 1, True, True),
                   ("Go,", 2, False, True)]


def test_single_quote_paragraph_continues_a_run():
    text = "“It began badly.\n\n‘Then it got worse.\n\n“In the end we won,” she said."
    qs = scan_quotes(text)
    assert [text[q["start"]:q["end"]] for q in qs] == ["It began badly.", "Then it got worse.", "In the end we won,"]
    assert len({q["run"] for q in qs}) == 1


def test_unbalanced_mark_costs_one_paragraph_only():
    text = "“This never closes and runs on\n\n“Fine,” she said.\n\nA quiet line."
    assert contents(text) == ["This never closes and runs on", "Fine,"]


def test_scanner_is_linear_on_a_long_line():
    text = ("word “a” " * 40000) + "“" + "x" * 100000
    qs = scan_quotes(text)
    assert len(qs) == 40001


@pytest.mark.parametrize(
    "text,pos,expected",
    [("He said ‘no’", 8, True), ("the ’90s", 4, False), ("a 'em b", 2, False), ("Moss' lead", 4, False),
     ("(‘Yes’)", 1, True)],
)
def test_is_single_opener(text, pos, expected):
    assert is_single_opener(text, pos, 0, len(text)) is expected


@pytest.mark.parametrize(
    "text,pos,expected",
    [("don’t", 3, 0), ("‘yes,’ he", 5, 2), ("the Smiths’ house", 10, 1), ("goin’ home", 4, 1), ("‘no’", 3, 2)],
)
def test_single_closer_strength(text, pos, expected):
    assert single_closer_strength(text, pos, len(text)) == expected


def test_paragraphs_of():
    text = "  One.\n\nTwo two.  \n   \nThree"
    assert [text[a:b] for a, b in paragraphs_of(text)] == ["One.", "Two two.", "Three"]
    # only "\n" ends a line; every other white space (tab, no-break, line separator, ideographic
    # space, carriage return) is trimmed at a line's ends and kept inside it
    text = "\t\u00a0A\u2028b\r\n\u3000\x85\n\x0bc \u200b d\x0c"
    assert [text[a:b] for a, b in paragraphs_of(text)] == ["A\u2028b", "c \u200b d"]


# --------------------------------------------------------------------------- through the pipeline

def run(nlp, text):
    doc = nlp(text)
    quotes = doc._.get(QUOTES) or []
    for q in quotes:
        assert 0 <= q["start"] < q["end"] <= len(text)
        assert 0.0 <= q["confidence"] <= 1.0
        assert q["kind"] in ("direct", "fragment", "indirect")
        sp = q["speaker"]
        if sp and sp.get("mention_span"):
            a, b = sp["mention_span"]
            assert text[a:b] == sp["mention"]
        if q["cue_span"]:
            a, b = q["cue_span"]
            assert text[a:b] == q["cue"]
    return doc, quotes


def found(text, quotes):
    return [(text[q["start"]:q["end"]], (q["speaker"] or {}).get("name")) for q in quotes]


def quoted(quotes):
    """Quoted speech only (reported speech has its own tables in test_reported.py)."""
    return [q for q in quotes if q["kind"] != "indirect"]


# Each row: text, expected [(quote content, canonical speaker name)].
ATTRIBUTION_CASES = [
    # curly marks, "said X" inversion with an appositive
    ("“We are not going to cut rates this year,” said Maria Lopez, the bank’s chief economist.",
     [("We are not going to cut rates this year,", "Maria Lopez")]),
    # straight marks, title before the name, "told"
    ('"The storm caught everyone off guard," Gov. Tom Reilly told reporters on Monday.',
     [("The storm caught everyone off guard,", "Tom Reilly")]),
    # TeX-style wire copy
    ("``We expect the shortage to last into the spring,'' said Dr. Anita Rao, an epidemiologist at the "
     "state health department.",
     [("We expect the shortage to last into the spring,", "Anita Rao")]),
    # British single quotes, role then name
    ("‘It was a brutal afternoon for us,’ said the club’s manager, Tom Hallett.",
     [("It was a brutal afternoon for us,", "Tom Hallett")]),
    ("'We simply ran out of time,' coach Mark Ellis said after the match.",
     [("We simply ran out of time,", "Mark Ellis")]),
    # guillemets
    ("« We will not back down », said union leader Pierre Malo.", [("We will not back down", "Pierre Malo")]),
    # nested quote inside the outer quote
    ("“When the manager told me, ‘We are closing the plant,’ I didn’t believe him,” said Janet Cole, "
     "a machinist.",
     [("When the manager told me, ‘We are closing the plant,’ I didn’t believe him,", "Janet Cole")]),
    # colon lead-in
    ("In a statement, Mayor Lisa Grant said: “The city will reopen the bridge on Friday.”",
     [("The city will reopen the bridge on Friday.", "Lisa Grant")]),
    # interrupted quote: two records, one speaker
    ("Analyst Victor Hale has watched the housing market for decades.\n\n"
     "“The market is overheated,” he said, “and prices will fall by the summer.”",
     [("The market is overheated,", "Victor Hale"), ("and prices will fall by the summer.", "Victor Hale")]),
    # according to
    ("“Nobody saw this coming,” according to Sam Patel, a logistics manager at the firm.",
     [("Nobody saw this coming,", "Sam Patel")]),
    # passive "was quoted as saying"
    ("Treasurer Hannah Brooks was quoted as saying, “The pension fund is in good shape.”",
     [("The pension fund is in good shape.", "Hannah Brooks")]),
    # pronoun resolution by gender, with a man mentioned in between
    ("Nurse Emily Carter met with Governor Neil Dean on Tuesday.\n\n"
     "“He listened, but he made no promises,” she said.",
     [("He listened, but he made no promises,", "Emily Carter")]),
    ("Carlos Mendes said he would run again.\n\n“I am not done yet,” he told supporters on Sunday.",
     [("I am not done yet,", "Carlos Mendes")]),
    # surname and title + surname map to the fullest name
    ("Sen. Jane Doe, D-Ohio, voted against the bill.\n\n“The budget is a mess,” Doe said.",
     [("The budget is a mess,", "Jane Doe")]),
    ("Rep. Jane Doe spoke first.\n\n“We need answers,” Rep. Doe said at the hearing.",
     [("We need answers,", "Jane Doe")]),
    # organizations can speak
    ("“Safety is our top priority,” Boeing said in a statement on Wednesday.",
     [("Safety is our top priority,", "Boeing")]),
    # dash sign-off
    ("“The results speak for themselves.” — Sen. Maria Alvarez", [("The results speak for themselves.", "Maria Alvarez")]),
    # fragment attributed through the reporting verb
    ("Finance Minister Olga Petrov said the plan was “deeply flawed” and should be scrapped.",
     [("deeply flawed", "Olga Petrov")]),
    # a short fragment with an attribution is kept
    ("Coach Ryan Burke argued that the referee had been “out of line,” and he asked for a review.",
     [("out of line,", "Ryan Burke")]),
    # multi-paragraph quote: one record per paragraph, same speaker
    ("Jane Whitfield, the county’s public health director, said:\n\n"
     "“We are seeing more cases in children than at any point this year.\n\n"
     "“Parents should keep sick kids at home,” she added.",
     [("We are seeing more cases in children than at any point this year.", "Jane Whitfield"),
      ("Parents should keep sick kids at home,", "Jane Whitfield")]),
    # an unattributed quote paragraph continues the previous paragraph's speaker
    ("Ethan Moore, who runs a bakery downtown, spoke to reporters after the vote.\n\n"
     "“Rents doubled in two years. We cannot keep up.”",
     [("Rents doubled in two years. We cannot keep up.", "Ethan Moore")]),
    # second quote in the paragraph inherits the speaker
    ("“Caution is warranted,” said economist Priya Nair. “Inflation has not gone away.”",
     [("Caution is warranted,", "Priya Nair"), ("Inflation has not gone away.", "Priya Nair")]),
    # jammed quotes
    ("“We won.”“We won because we never gave up,” captain Leo Grant said.",
     [("We won.", "Leo Grant"), ("We won because we never gave up,", "Leo Grant")]),
    # plural speakers
    ("Anna Berg and Tomas Lind said in a joint statement: “We will appeal the ruling.”",
     [("We will appeal the ruling.", "Anna Berg and Tomas Lind")]),
    # a document speaks for its author: by its own "by X", or by an earlier mention that names it
    ("Greenbelt Alliance says in a report that rivers are drying up.\n\n"
     "The report said: “Farms downstream will run out of water within a decade.”",
     [("Farms downstream will run out of water within a decade.", "Greenbelt Alliance")]),
    ("A statement by the Harwick Port Authority was released on Monday.\n\n"
     "“The terminal will reopen next week,” the statement said.",
     [("The terminal will reopen next week,", "Harwick Port Authority")]),
    # an unnamed subject noun does not outweigh the named person it spoke to
    ("Tom Reyes campaigned in the valley on Sunday. A truck driver told Reyes he was voting for him.\n\n"
     "I asked him whether he regretted his promise.\n\n“Never,” he said.",
     [("Never,", "Tom Reyes")]),
    # a person noun in apposition to a name is not a rival antecedent of "he"/"she"
    ("Tomas Ferreira, chairman and founder of the Lakeside Institute, says he is building a school.\n\n"
     "He told the station Good Morning Harbor he hoped it would open in the spring. “We have the land,” "
     "he said.",
     [("We have the land,", "Tomas Ferreira")]),
    # a first name given as a family member of a named person takes the family name
    ("Engineer Paul Marek recorded the sessions in 1961.\n\n"
     "“We kept every tape,” Mr Marek's son Daniel, 58, said before the sale.",
     [("We kept every tape,", "Daniel Marek")]),
    # a role noun owned by an organization: the person written as that organization's
    ("“Rivers are drying up,” the Harbour Trust's Mira Solberg said.\n\n"
     "“Farms will run out of water,” the charity's director added.",
     [("Rivers are drying up,", "Mira Solberg"), ("Farms will run out of water,", "Mira Solberg")]),
    # an organization whose name ends in "'s" keeps it; an "&" inside a name is no coordination
    ("Brandt & Keller's has cut its forecast.\n\n“Growth is slowing,” B&K said.",
     [("Growth is slowing,", "Brandt & Keller's")]),
    ("Harlow & Finch analysts expect growth.\n\n“Growth is slowing,” Harlow & Finch said.",
     [("Growth is slowing,", "Harlow & Finch")]),
    # a capitalized head noun ("the Bank") is the organization of that name named last before it
    ("The Reserve Bank of Ruritania raised rates on Tuesday.\n\n“Inflation is too high,” the Bank said. "
     "The Farmers Bank of Ruritania cut its own rates.",
     [("Inflation is too high,", "Reserve Bank of Ruritania")]),
    # a chain of "He said ..." sentences keeps its first antecedent, past a name that is no subject
    ("Tomas Ferreira, chairman of the Lakeside Institute, says he is building a school.\n\n"
     "He told the programme Morning Kendry he hoped it would open soon. He said every child could use "
     "it. He said the roof was done. He said the walls were painted. “We have the land,” he said.",
     [("We have the land,", "Tomas Ferreira")]),
    # "it" after a document that spoke is the document, so its author
    ("A statement by the Harwick Port Authority was released on Monday.\n\n"
     "The statement said the terminal would reopen. It said repairs would cost “far less than feared”.",
     [("far less than feared", "Harwick Port Authority")]),
    # an acronym with an ampersand joins the name it abbreviates
    ("Fenwick & Lowe cut its rating of the bonds on Tuesday.\n\n“The outlook is negative,” F&L said.",
     [("The outlook is negative,", "Fenwick & Lowe")]),
    # a definite description by nationality stands for the person named last before it
    ("Kyle Benson was beaten in straight sets by the world number three.\n\n"
     "“I missed my moments and paid for it,” said the American.",
     [("I missed my moments and paid for it,", "Kyle Benson")]),
    # a nationality picks the person introduced with it, not just the last one named
    ("American Kyle Benson beat Spaniard Luis Ortega in five sets. Ortega had led by two sets.\n\n"
     "“I missed my moments and paid for it,” said the American.",
     [("I missed my moments and paid for it,", "Kyle Benson")]),
    # a role noun written as a title is no part of the name
    ("Investigator Dana Whitlock interviewed the driver.\n\n“He was calm,” Whitlock wrote.",
     [("He was calm,", "Dana Whitlock")]),
    # of two subjects the parse gives a verb after it, the name ("said study co-author Jane Doe")
    ("The drug rewires the brain by connecting “regions that do not talk together,” said study "
     "co-author Paul Lanner, a physicist.",
     [("regions that do not talk together,", "Paul Lanner")]),
    # "X quoted Y as saying": the words are Y's
    ("The Valdoria News Agency quoted Defence Minister Karl Brenn as saying the troops had “done their "
     "duty with honour”.",
     [("done their duty with honour", "Karl Brenn")]),
    ("Mara Lind was arrested on Monday.\n\n“I do not regret it,” local newspapers quote Lind as saying.",
     [("I do not regret it,", "Mara Lind")]),
    # naming verbs, also in the passive with their "by" agent
    ("The leaflets were branded a “grave error” by Councillor Rhea Vance on Monday.",
     [("grave error", "Rhea Vance")]),
    ("Ratings firm Fenwick & Lowe has classed the bonds as “investment grade”.",
     [("investment grade", "Fenwick & Lowe")]),
    # words quoted in what someone believed are the reporter's, who wrote them
    ("Mark Adler said Jane Roe believed the plan would bring “lower standards”.",
     [("lower standards", "Mark Adler")]),
    # the full name the entity model missed where it was written completes a one-word name
    ("The victim had met Marisol Quintana Ferraz online weeks before.\n\n“I don't regret it,” Quintana "
     "told officers.",
     [("I don't regret it,", "Marisol Quintana Ferraz")]),
    # a passive subject is acted on: it is not the speaker of a fragment in its sentence
    ("The Harwick exams were designed to test “what pupils can do and understand”.",
     [("what pupils can do and understand", None)]),
    # a paragraph of quotes goes on the speaker of the paragraph before, not the speaker of the
    # reporter's next sentence ("Y said the peer would be "missed"")
    ("Paying tribute, the chancellor Lord Ashby said the judge was one of the “finest minds of his "
     "time”.\n\n“His rulings will be read for a century.\n\n“A kind man and a fair judge.” The judge's "
     "nephew Tom Hale said the family would miss him “every single day”.",
     [("finest minds of his time", "Ashby"), ("His rulings will be read for a century.", "Ashby"),
      ("A kind man and a fair judge.", "Ashby"), ("every single day", "Tom Hale")]),
]


@pytest.mark.parametrize("text,expected", ATTRIBUTION_CASES, ids=[c[0][:40] for c in ATTRIBUTION_CASES])
def test_quote_attribution(nlp, text, expected):
    doc, quotes = run(nlp, text)
    assert found(text, [q for q in quotes if q["kind"] != "indirect"]) == expected


UNNAMED_CASES = [
    ("“I have never seen prices like this,” said a truck driver waiting at the pump.", "a truck driver"),
    ("A spokesperson for the airline said: “We apologize for the disruption.”", "A spokesperson for the airline"),
    ("“We were told nothing,” one resident said.", "one resident"),
    ("“It is over,” one of the officers said.", "one of the officers"),
]


@pytest.mark.parametrize("text,mention", UNNAMED_CASES)
def test_unnamed_sources(nlp, text, mention):
    doc, quotes = run(nlp, text)
    assert len(quotes) == 1
    sp = quotes[0]["speaker"]
    assert sp is not None and sp["name"] is None and sp["mention"] == mention


NOTHING_CASES = [
    # every name of a list after "known (online) as" is a name, not speech
    "The seller, who agents say is known online as \u201cshadow,\u201d \u201cnightowl\u201d and \u201cgreyfox,\u201d was arrested in May.",
    # a title with a lower-case "is" names a work, also beside a reporting verb
    "The network behind \u201cLife is Short\u201d said it would add 900,000 viewers.",
    # a title of three words or more with its exclamation mark names a work
    "The studio, which put out its \"Roll It Rich!\" card game in May, expects to ship two more titles this year.",
    # titles of songs, films, books
    "The crowd sang along to “Sweet Caroline” before the game.",
    "Her new film, “The Long Winter,” opens in theaters on Friday.",
    "He read from the novel “A Farewell to Arms” at the library event.",
    "The band closed with ``Born to Run'' by Bruce Springsteen.",
    "The two actors share a scene in \"Harbour Lights at Dawn.\" Both were praised by critics.",
    "“Harbour Lights at Dawn” opens in cinemas on March 3, followed by a wider release.",
    "The club is running an online workshop this spring called \"Tracing Your Mining Ancestors\" by historian Ewan Price.",
    "The archive is offering a web course next month called \"Tracing Your Civil War Ancestors\" by author Ewan Price.",
    "Cheap solar lamps can help (see “Young Makers Under 30: Ada Nwosu”), but batteries are dear.",
    # a title-cased name qualifying the noun after it, even with a reporting verb in the sentence
    "\"Kestrel Quest\" studio Brindle Inc posted a profit on Tuesday.",
    # a title with a lower-case abbreviation in it
    "The library lent out classics such as \"Farms vs. Ghosts\" all summer, the librarian said.",
    # nickname
    "Dwayne “The Rock” Johnson visited the base on Monday.",
    "The striker, known as “the Hammer of the North”, signed a new contract.",
    "Boxer Lenny Hart, nicknamed “Iron Lenny” by fans, retired in 2005.",
    # "so-called" terms, however long
    "The so-called “golden share for local workers” was dropped from the bill.",
    # a title after a title noun, even with a reporting verb in the sentence
    "In her memoir “Walking the Long Road Home” she recalls the war.",
    "The council’s report, “Streets for Everyone”, recommends wider pavements.",
    # scare quotes nobody is said to have said
    "Officials described the so-called “reform” as modest.",
    "The company calls its workers “associates.”",
    "Critics dismissed the slogan “Build Back” as empty.",
    # apostrophes only
    "The company’s ’90s-era models sold well, and the Smiths' store didn’t close until 2008.",
    "'Tis the season for discounts, retailers hope.",
    # odd text
    "",
    "   \n\n  ",
    "“",
    "” ” “ ‘ ’ ' \" `` ''",
    "😀 “ 🎉",
]


@pytest.mark.parametrize("text", NOTHING_CASES)
def test_no_quotes(nlp, text):
    doc, quotes = run(nlp, text)
    assert [q for q in quotes if q["kind"] != "indirect"] == []


@pytest.mark.parametrize(
    "text,kind",
    [
        ("“Prices will keep rising,” said Maria Lopez.", "direct"),
        ("Maria Lopez said prices were “out of control” this spring.", "fragment"),
        ("Maria Lopez said that, for now,“rates are staying put.”", "direct"),
    ],
)
def test_kinds(nlp, text, kind):
    doc, quotes = run(nlp, text)
    assert [q["kind"] for q in quoted(quotes)] == [kind]


def test_unclosed_quote_is_kept_with_lower_confidence(nlp):
    text = ("Mayor Lisa Grant spoke at the opening.\n\n“This bridge took ten years to build\n\n"
            "The crowd applauded.\n\n“It was worth it,” Grant said.")
    doc, quotes = run(nlp, text)
    got = found(text, quotes)
    assert got == [("This bridge took ten years to build", "Lisa Grant"), ("It was worth it,", "Lisa Grant")]
    assert quotes[0]["confidence"] < quotes[1]["confidence"]


def test_confidence_follows_how_surely_the_speaker_is_identified(nlp):
    """Same cue, same strength: a name in the text beats a pronoun resolved to a name, which
    beats a mention that names no one."""
    text = ("“We will rebuild the pier,” Mayor Lena Okafor said on Monday.\n\n"
            "“It will take two years,” she said.\n\n"
            "“Nobody expected a storm like this,” the harbour master said.")
    doc, quotes = run(nlp, text)
    got = [(q["speaker"] or {}).get("name") for q in quoted(quotes)]
    assert got == ["Lena Okafor", "Lena Okafor", None]
    named, pronoun, unnamed = (q["confidence"] for q in quoted(quotes))
    assert named > pronoun > unnamed


def test_a_role_noun_resolved_to_a_name_is_as_sure_as_a_pronoun(nlp):
    text = ("“We will rebuild the pier,” Mayor Lena Okafor said on Monday.\n\n"
            "“It will take two years,” the mayor said.")
    doc, quotes = run(nlp, text)
    assert [(q["speaker"] or {}).get("name") for q in quoted(quotes)] == ["Lena Okafor", "Lena Okafor"]
    named, role = (q["confidence"] for q in quoted(quotes))
    assert named > role


def test_indirect_quotes_can_be_turned_off(nlp):
    from pipeline.quoting.attribution import find_quotes

    text = "Bank chief Maria Lopez said interest rates would stay high for the rest of the year."
    doc, quotes = run(nlp, text)
    assert [q["kind"] for q in quotes] == ["indirect"]
    assert find_quotes(doc, emit_indirect=False) == []


def test_quotes_in_a_long_article_are_all_checked(nlp):
    paras = []
    for k in range(60):
        paras.append(f"Official number {k} spoke to the council on Monday about the budget.")
        paras.append(f"“We need {k} more buses,” said Dana Kim.")
    text = "\n\n".join(paras)
    doc, quotes = run(nlp, text)
    assert len(quotes) == 60
    assert all(q["speaker"]["name"] == "Dana Kim" for q in quotes)
    assert all(re.match(r"We need \d+ more buses,", text[q["start"]:q["end"]]) for q in quotes)


@pytest.mark.parametrize(
    "text,expected",
    [
        # a one-word sentence quoted after an attributed quote is speech, not a scare quote
        ("“We lost nine teachers last year alone,” principal Mark Jensen said. “Nine.”",
         [("We lost nine teachers last year alone,", "Mark Jensen"), ("Nine.", "Mark Jensen")]),
        # a person the small model tags as an organization, named after a role word
        ("Arsenal beat Villa 2-1 on Sunday.\n\nVilla boss Unai Emery was less happy. "
         "‘We made too many mistakes,’ he said.",
         [("We made too many mistakes,", "Unai Emery")]),
        # an unnamed antecedent: the pronoun does not jump to an earlier named woman
        ("“The vaccine is safe,” said Dr. Mandy Cohen.\n\nA mother of two at the clinic said she had "
         "not heard about the outbreak. “Nobody told us anything,” she said.",
         [("The vaccine is safe,", "Mandy Cohen"), ("Nobody told us anything,", None)]),
    ],
)
def test_more_attribution(nlp, text, expected):
    doc, quotes = run(nlp, text)
    assert found(text, quoted(quotes)) == expected


# --------------------------------------------------------------------------- general rules (held-out dev set classes)

# Each row: text, expected [(quote content, canonical speaker name)]. Real-style sentences written
# for these tests (not from the seed articles nor from tests/data/quotes_dev.jsonl).
RULE_CASES = [
    # a title noun in the sentence before is no title noun for the quote
    ("“It was a fair result,” Ames said after the show. “But we will wait.”",
     [("It was a fair result,", "Ames"), ("But we will wait.", "Ames")]),
    # a title followed by capitalized words is a name, even when the entity model misses it
    ("“We will rebuild the pier before summer,” said Mayor Ana Ruiz.",
     [("We will rebuild the pier before summer,", "Ana Ruiz")]),
    # a hyphenated surname repeated on its own
    ("Board Chair Luis Ortega-Marsh backed the plan.\n\n“It is a fair deal,” Ortega-Marsh said.",
     [("It is a fair deal,", "Luis Ortega-Marsh")]),
    # a dash sign-off on the line after the quote
    ("Readers wrote in about the new parking rules.\n\n“Nobody asked the shop owners.”\n— Priyanka Oduya, Mill Street",
     [("Nobody asked the shop owners.", "Priyanka Oduya")]),
    # a clause ending in a colon leads into the quote without a reporting verb
    ("Asked about the red card, coach Bo Kessling was blunt: “It was a dive. Everyone saw it.”",
     [("It was a dive. Everyone saw it.", "Bo Kessling")]),
    # the reporting verb is in the sentence before the quote
    ("Dr. Ines Harrow said the trial would resume in June, she said. “We owe it to the patients.”",
     [("We owe it to the patients.", "Ines Harrow")]),
    # naming verbs put a fragment in their subject's mouth, also after a title noun
    ("The refinery's owner, Selwyn Petroleum, called the report “deeply misleading.”",
     [("deeply misleading.", "Selwyn Petroleum")]),
    # "the governor" refers back to "Gov. X"
    ("Gov. Marta Lindgren signed the bill on Tuesday.\n\n“This is a good day for farmers,” the governor said.",
     [("This is a good day for farmers,", "Marta Lindgren")]),
    # "the agency" refers back to the organization; an acronym joins the full name
    ("The Federal Aviation Administration grounded the jets. The agency said it would “act on the evidence.”",
     [("act on the evidence.", "Federal Aviation Administration")]),
    ("The Federal Aviation Administration grounded the jets. The FAA said it would “act on the evidence.”",
     [("act on the evidence.", "Federal Aviation Administration")]),
    # a multi-paragraph quote whose first paragraph holds an earlier attributed quote
    ("“We did it,” said Chief Executive Nora Baptiste. “The plant is open.\n\n"
     "“Two hundred people start work on Monday.\n\n“Thank you to everyone who helped.”",
     [("We did it,", "Nora Baptiste"), ("The plant is open.", "Nora Baptiste"),
      ("Two hundred people start work on Monday.", "Nora Baptiste"),
      ("Thank you to everyone who helped.", "Nora Baptiste")]),
    # a passive reporting verb does not attribute: the later active one does
    ("One of the bankers said a merger could be announced “within days.”",
     [("within days.", None)]),
    # a titled person after the employer's name: the person speaks, not the employer
    ("“Growth will slow next year,” said Norvane Bank chief economist Halima Dervish.",
     [("Growth will slow next year,", "Halima Dervish")]),
    # an organization qualifying a person noun does not speak for that person
    ("“We are reviewing the claims,” a Quillmark spokesperson told reporters.",
     [("We are reviewing the claims,", None)]),
    # a hyphenated title, and a role the article itself gives someone
    ("Governor-elect Tomas Reyna named his team on Friday.\n\n“They are ready,” the governor-elect said.",
     [("They are ready,", "Tomas Reyna")]),
    ("The family's solicitor, Rosalind Achebe, spoke outside court.\n\n“We will appeal,” the solicitor said.",
     [("We will appeal,", "Rosalind Achebe")]),
    # quoted words spelling out a named owner's noun are the owner's
    ("Ingrid Solberg’s first plan, “a library in every village”, seemed modest at the time.",
     [("a library in every village", "Ingrid Solberg")]),
    # an epithet names the person the article is about, not the last one of that gender named
    ("Marisol Quent released her third film on Friday. Marisol Quent toured all year, and her "
     "sister Dana Quent joined the band.\n\n“I wrote it on the road,” the Oscar-nominated actress said.",
     [("I wrote it on the road,", "Marisol Quent")]),
    # a cue inside a clause of its own after the quote ("if ...") is not the quote's
    ('Governor Idris Calloway has said "there could be consequences" if the union rejects the offer.',
     [("there could be consequences", "Idris Calloway")]),
    # quoted words in what a situation suggests are said by who reports it
    ("Prices will rise in most regions, suggesting that next year “will look like a downturn” for many "
     "families, Ama Kwarteng said on Monday.",
     [("will look like a downturn", "Ama Kwarteng")]),
    # "said" followed by the reported clause's subject: that subject is not the speaker
    ("In a memo dated June 4 1990, Tobias Wren, then her chief of staff, said the minister believed "
     "the plan would bring “chaos to every port”.",
     [("chaos to every port", "Tobias Wren")]),
    # a word inside someone's title that is not its head is no role ("Harbour spokesman X")
    ("Harbour spokesman Odo Fenn announced the sale on Monday.\n\n“The buyers are local,” the harbour said.",
     [("The buyers are local,", None)]),
    # a person the small model tags as an organization, after a person noun
    ("Local farmer Ifeyinwa Castell said she would not sell. ‘The land was my father's,’ she said.",
     [("The land was my father's,", "Ifeyinwa Castell")]),
]


@pytest.mark.parametrize("text,expected", RULE_CASES, ids=[c[0][:40] for c in RULE_CASES])
def test_general_attribution_rules(nlp, text, expected):
    doc, quotes = run(nlp, text)
    assert found(text, quoted(quotes)) == expected


def test_an_adjective_after_a_naming_verb_is_the_subject_s_word(nlp):
    text = "Senator Lina Marsh described the budget as “irresponsible” on Monday."
    doc, quotes = run(nlp, text)
    assert [(q["kind"], text[q["start"]:q["end"]]) for q in quoted(quotes)] == [("fragment", "irresponsible")]


@pytest.mark.parametrize(
    "text",
    [
        # a passive "I am told" is no attribution: a one-word scare quote
        "I am told this is “progress.” The new tower says otherwise.",
        # a hyphenated two-word term in boilerplate
        'This release contains "forward-looking statements" as defined by federal law.',
        # a naming verb with a one-word label
        "The chain calls its cashiers “partners” in every store.",
    ],
)
def test_no_quotes_more(nlp, text):
    doc, quotes = run(nlp, text)
    assert quotes == []


@pytest.mark.xfail(reason="cataphora: an indefinite role speaker named only in a later paragraph", strict=True)
def test_cataphoric_lede_speaker(nlp):
    text = ("A senior official warned that the talks were ‘close to collapse’.\n\n"
            "Dr Neema Achterberg, the chief negotiator, said the sides remained far apart.")
    doc, quotes = run(nlp, text)
    assert found(text, quotes) == [("close to collapse", "Neema Achterberg")]


@pytest.mark.xfail(reason="a numeral subject whose apposition names the person ('One, a welder named X, said')",
                   strict=True)
def test_named_apposition_of_numeral_subject(nlp):
    text = "Three residents spoke. One, a retired welder named Ozzie Tamblyn, said the plant “ruined the river.”"
    doc, quotes = run(nlp, text)
    assert found(text, quotes) == [("ruined the river.", "Ozzie Tamblyn")]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a lede's indefinite role speaker named in the next paragraph with the same role
        ("A leading doctor has warned that hospital queues are “the longest in living memory.”\n\n"
         "Dr. Farid Osterman, a consultant in Leeds, said beds were full every night.",
         [("the longest in living memory.", "Farid Osterman")]),
        # the next person named has another role: the speaker stays unnamed
        ("A local teacher said the cuts were “a disgrace.”\n\n"
         "Mayor Hilde Varoufaki said the budget left no choice.",
         [("a disgrace.", None)]),
    ],
)
def test_cataphoric_role_speaker(nlp, text, expected):
    doc, quotes = run(nlp, text)
    assert found(text, quoted(quotes)) == expected


# --------------------------------------------------------------------------- speakers through the entity layer

ENTITY_SPEAKER_CASES = [
    # a name right after a place in a role ("envoy to X Jane Doe") is one sentence, one speaker
    ("“The talks went well,” envoy to Ruritania Marta Kovic said on Tuesday.",
     [("The talks went well,", "Marta Kovic")]),
    # "it" is the organization that acts in the story
    ("Brightwell Foods said it would recall 2 million jars. In its notice to shops, it added: “No illness has been "
     "reported.”", [("No illness has been reported.", "Brightwell Foods")]),
    # an organization noun named by its proper modifiers
    ("“The clinic stays shut until Friday,” the Ruritanian government said on Monday.",
     [("The clinic stays shut until Friday,", "Ruritanian government")]),
    # a city or country that reports speaks for its government
    ("Rivermouth has insisted the two ferries were “never at risk” during the storm.",
     [("never at risk", "Rivermouth")]),
    # a relative described before the name is given, then resolved through the title
    ("The singer's mother has insisted she is “fairly certain” he will be cleared.\n\n"
     "His mother Edna Falk told a television network on Sunday that her son was kind. "
     "Calling him “a gentle soul”, the mother-of-five said she feared for him.",
     [("fairly certain", "Edna Falk"), ("a gentle soul", "Edna Falk")]),
    # a first name given as a family member of a named person takes the family's name
    ("Mr Okafor's father, Tunde, said his son was “a good man”.", [("a good man", "Tunde Okafor")]),
    # a short quote after a sentence that ends in a title noun ("game") is speech, not a title
    ('"The pitch was fine," Tom Reyes said after the game. "Next week is harder."',
     [("The pitch was fine,", "Tom Reyes"), ("Next week is harder.", "Tom Reyes")]),
    # a straight-quoted run that lost its closing mark keeps its speaker, and the next sentence's
    # verb with an object of its own is not its cue
    ('Captain Rhys Moran told reporters: "The first half was slow. "Nobody here panicked at the break." '
     'Winger Dan Price praised the captain\'s calm.',
     [("The first half was slow.", "Rhys Moran"), ("Nobody here panicked at the break.", "Rhys Moran")]),
]


@pytest.mark.parametrize("text,expected", ENTITY_SPEAKER_CASES, ids=[str(k) for k in range(len(ENTITY_SPEAKER_CASES))])
def test_speakers_through_the_entity_layer(nlp, text, expected):
    doc, quotes = run(nlp, text)
    assert found(text, quoted(quotes)) == expected


INTERVIEW_CASES = [
    # answers labelled A: belong to the interviewee (the person the article names most);
    # a name as a paragraph label is the speaker
    ("Coach Lena Marsh spoke to us after the final.\n\nQ: What did you learn from the season?\n\n"
     "A: “That patience matters more than talent.”\n\nQ: And next year?\n\nLena Marsh: “We start again.”",
     [("That patience matters more than talent.", "Lena Marsh"), ("We start again.", "Lena Marsh")]),
    # the spokesperson is named in the next sentence, away from the lede
    ("The county opened an inquiry on Monday.\n\nThe inquiry will take a year.\n\n"
     "“We will not comment on ongoing cases,” a spokesperson said. Petra Lind, the spokesperson for "
     "the county, added that details would follow.",
     [("We will not comment on ongoing cases,", "Petra Lind")]),
]


@pytest.mark.parametrize("text,expected", INTERVIEW_CASES, ids=["qa", "spokesperson"])
def test_interview_labels_and_a_spokesperson_named_next(nlp, text, expected):
    doc, quotes = run(nlp, text)
    assert found(text, quoted(quotes)) == expected

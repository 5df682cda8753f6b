"""The claimsift_figures stage on the real English pipeline: subjects, units, time, attribution."""

from __future__ import annotations

import pytest

from pipeline import attrs
from pipeline.figures.time import _resolve_date

REQUIRED = {"start", "end", "value", "unit", "kind", "approx", "subject", "predicate",
            "statement", "time", "attributed_to", "confidence"}


def _run(nlp, texts, published=None):
    docs = []
    for i, text in enumerate(texts):
        doc = nlp.make_doc(text)
        doc._.claimsift_article = {"id": f"t{i}", "published": published, "title": None, "url": None}
        docs.append(doc)
    out = []
    for doc in nlp.pipe(docs):
        figs = doc._.claimsift_figures
        assert isinstance(figs, list)
        for f in figs:
            assert REQUIRED <= set(f), f
            assert doc.text[f["start"]:f["end"]], f
            assert 0.0 <= f["confidence"] <= 1.0
            assert isinstance(f["value"], float)
        out.append((doc, figs))
    return out


def _fig(doc, figs, text):
    hits = [f for f in figs if doc.text[f["start"]:f["end"]] == text]
    assert hits, [doc.text[f["start"]:f["end"]] for f in figs]
    return hits[0]


# (article text, figure text, value, kind, subject's last word or None to skip)
SUBJECTS = [
    ("Governor Ellen Marsh led state senator Tom Reyes 48% to 39% in the Quinnipiac survey.",
     "48%", 48.0, "percent", "Marsh"),
    ("Governor Ellen Marsh led state senator Tom Reyes 48% to 39% in the Quinnipiac survey.",
     "39%", 39.0, "percent", "Reyes"),
    ("Media executive Dana Whitfield spent $42 million of her own money on the race.",
     "$42 million", 42e6, "money", "Whitfield"),
    ("Final returns gave Whitfield's 54.3% to Ortega's 45.7% in the county.",
     "45.7%", 45.7, "percent", "Ortega"),
    ("Paul Ortega, a four-term assemblyman from Fresno, conceded on Thursday.",
     "four", 4.0, "count", "Ortega"),
    ("Paul Ortega conceded late Thursday. He trailed by nearly 8,000 votes.",
     "8,000", 8000.0, "count", "Ortega"),
    ("The survey found a 6-point lead for Whitfield among independents.",
     "6", 6.0, "percentage_points", "Whitfield"),
    ("Senator Ana Ruiz, 58, said the bill would cut emissions.",
     "58", 58.0, "age", "Ruiz"),
    ("Rivera, a 41-year-old nurse, was elected to the board.",
     "41", 41.0, "age", "Rivera"),
    ("Nearly $2 million was spent by Whitfield on television ads.",
     "$2 million", 2e6, "money", "Whitfield"),
    ("In the poll, 35% of voters said Ortega would handle crime better.",
     "35%", 35.0, "percent", "Ortega"),
    ("Inflation eased to 3.2% in October, the Labor Department said.",
     "3.2%", 3.2, "percent", "Inflation"),
    ("The Hawks beat the Knicks 112-104 on Sunday night.",
     "112", 112.0, "count", None),
    # organizations: the clause's own subject, "its", "the company", metric nouns, fullest name
    ("Premier Minister Alan Vose criticised the decision. The Central Bank of Arvia raised its "
     "benchmark rate by 0.5 percentage points to 6.25% on Thursday.",
     "0.5 percentage points", 0.5, "percentage_points", "Arvia"),
    ("Premier Minister Alan Vose criticised the decision. The Central Bank of Arvia raised its "
     "benchmark rate by 0.5 percentage points to 6.25% on Thursday.",
     "6.25%", 6.25, "percent", "Arvia"),
    ("The Dockside Porters Union said its 820 members would strike on Monday.",
     "820", 820.0, "count", "Union"),
    # NER tags the unfamiliar company name as PERSON; the people stage makes it an organization
    ("Tessaline Robotics reported sales of $3.1 billion. Net income rose to $402 million, and "
     "the company raised its dividend to 48 cents a share.", "$402 million", 402e6, "money", "Robotics"),
    ("Tessaline Robotics reported sales of $3.1 billion. Net income rose to $402 million, and "
     "the company raised its dividend to 48 cents a share.", "48 cents", 0.48, "money", "Robotics"),
    ("Shares of Tessaline Robotics jumped. Tessaline said it would hire 900 engineers.",
     "900", 900.0, "count", "Robotics"),
    ("Dorrit Mining said the strike would cost it about $12 million a week.",
     "$12 million", 12e6, "money", "Mining"),
    ("The FTSE 250 fell 1.2% to 19,402.7 in London.", "1.2%", 1.2, "percent", "250"),
    # a name inside the figure's own noun phrase; object control; recipients
    ("Voters ousted three-term incumbent Helen Saar in the primary.",
     "three", 3.0, "count", "Saar"),
    ("Judge Rosa Imbert ordered Victor Kell to pay $2.5 million in restitution.",
     "$2.5 million", 2.5e6, "money", "Kell"),
    ("A poll last week gave Marta Quill a 9-point lead over her rival.",
     "9", 9.0, "percentage_points", "Quill"),
    ("Her cousin, a 52-year-old pharmacist named Lena Ostrow, was fined $40,000.",
     "52", 52.0, "age", "Ostrow"),
    ("Dara Venn ran for 188 yards. The 27-year-old forward carried the ball 31 times.",
     "27", 27.0, "age", "Venn"),
    ("Rival brands Korvex and Lumina together hold more than 70% of the market.",
     "70%", 70.0, "percent", "Lumina"),
]

# Known gaps (strict=True): each is a failure class still open.
SUBJECT_GAPS = [
    ("Separate data showed a deficit of \u00a38.1bn, below the \u00a39.4bn the "
     "Fiscal Review Office had forecast.", "\u00a39.4bn", "Office"),
    pytest.param("Ex-treasurer jailed for 9 years over $2m theft\n\nOwen Darby, a former "
                 "treasurer, was sentenced on Monday.", "9", "Darby",
                 marks=pytest.mark.xfail(reason="a headline figure's subject is named only in "
                                         "the body", strict=True)),
]


@pytest.mark.parametrize("text, span, last", SUBJECT_GAPS)
def test_subject_known_gaps(nlp, text, span, last):
    (doc, figs), = _run(nlp, [text])
    f = _fig(doc, figs, span)
    assert f["subject"] and f["subject"].split()[-1] == last, f


@pytest.fixture(scope="module")
def subject_runs(nlp):
    return _run(nlp, sorted({(p.values[0] if hasattr(p, "values") else p[0]) for p in SUBJECTS}))


@pytest.mark.parametrize("text, span, value, kind, last", SUBJECTS)
def test_subject_from_parse(subject_runs, text, span, value, kind, last):
    doc, figs = next((d, f) for d, f in subject_runs if d.text == text)
    f = _fig(doc, figs, span)
    assert f["value"] == pytest.approx(value)
    assert f["kind"] == kind
    if last is not None:
        assert f["subject"] and f["subject"].split()[-1] == last, f


def test_statement_and_predicate(nlp):
    (doc, figs), = _run(nlp, ["Media executive Dana Whitfield spent $42 million on the race."])
    f = _fig(doc, figs, "$42 million")
    assert f["predicate"] == "spend"
    assert "Dana Whitfield" in f["statement"] and "$42 million" in f["statement"]


def test_counted_noun_and_duration(nlp):
    (doc, figs), = _run(nlp, ["The mayor pledged to open 12,000 new shelter beds within 90 days."])
    beds = _fig(doc, figs, "12,000")
    assert beds["kind"] == "count" and beds["unit"].endswith("beds")
    days = _fig(doc, figs, "90")
    assert days["kind"] == "duration" and days["unit"] == "days"


NO_FIGURES = [
    "The estimate was put at $1e309 by the bot.",
    "Turnout in the wards was 1,2,3,4% higher than expected.",
    "The page showed {{7*7}} instead of the total.",
    "Margins were quoted as 5..6% in the draft.",
    "The hearing is set for March 14, 2025, at 10 a.m. in Room 4.",
    "She was first elected in 2016 and represents the 12th district.",
    "The two have known each other since the 1990s.",
    "A few thousand people marched as tens of thousands watched online.",
    "The Dow and the S&P 500 opened lower after the report.",
    "They met on Tuesday at 9:30 in Building 7.",
    "The 10-year Treasury note and the two-year yield were unchanged at 4 p.m.",
    "Residents can call 311 between 8 a.m. and 6 p.m. on weekdays.",
    "Support was highest among 18- to 29-year-olds and those aged 65 and over.",
    "Output fell in the second half of the year, the ministry said on 6 March.",
]


FIGURE_GAPS = [
    # once known gaps, fixed by the quantity finder of issue 14
    ("The motion was backed by five of the nine members; four voted against.", "five"),
    ("The Sharks moved one game ahead of the Owls.", "one"),
    ("The Sharks beat the Owls 27-20 on Sunday.", "27"),
    ("The Ridgebacks scored 10 points to beat the Harbor Gulls 24-17 on Sunday.", "24"),
]


@pytest.mark.parametrize("text, span", FIGURE_GAPS)
def test_figure_known_gaps(nlp, text, span):
    (doc, figs), = _run(nlp, [text])
    _fig(doc, figs, span)


def test_numbers_used_as_names_stay_out(nlp):
    (doc, figs), = _run(nlp, ["The 23 on his shirt was retired by the club last year."])
    assert figs == []


def test_numbers_that_are_not_figures(nlp):
    for doc, figs in _run(nlp, NO_FIGURES):
        assert figs == [], (doc.text, figs)


def test_time_uses_publication_date(nlp):
    (doc, figs), = _run(nlp, ["Sales rose 4% last year, the company said on Tuesday."],
                        published="2023-05-10")
    f = _fig(doc, figs, "4%")
    assert f["time"] is not None
    assert f["time"]["text"] in ("last year", "Tuesday")
    assert doc.text.find(f["time"]["text"]) >= 0


def test_relative_time_without_publication_date_has_no_date(nlp):
    (doc, figs), = _run(nlp, ["Sales rose 4% last year."])
    f = _fig(doc, figs, "4%")
    assert f["time"] is None or f["time"]["date"] is None


def test_resolve_date_rules():
    assert _resolve_date("last year", None) is None
    assert _resolve_date("October 2021", None) is not None


def test_attribution_according_to_and_quotes(nlp):
    texts = [
        "Unemployment fell to 3.9% in May, according to the Bureau of Labor Statistics.",
        "\u201cWe lost 40% of our customers in a year,\u201d said Maria Chen, the bakery's owner.",
    ]
    (d1, f1), (d2, f2) = _run(nlp, texts)
    a = _fig(d1, f1, "3.9%")
    assert a["attributed_to"] and "Statistics" in a["attributed_to"]
    b = _fig(d2, f2, "40%")
    assert d2._.get(attrs.QUOTES)
    assert b["attributed_to"] and b["attributed_to"].endswith("Chen")


def test_furniture_is_skipped(nlp):
    doc = nlp.make_doc("Prices rose 5% in March.")
    doc._.claimsift_article = {"id": "f", "published": None, "title": None, "url": None}
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "claimsift_quotes":
            doc._.claimsift_furniture = [{"start": 0, "end": len(doc.text), "label": "test"}]
    assert doc._.claimsift_figures == []


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "\u201c\u201c\u201c 5% \u201d", "$$$ %%% 1.2.3 1e309 NaN% 10^100",
     "\U0001F4B8 $5 \U0001F4B8 " * 20, "7% " + "x" * 5000],
)
def test_odd_text_never_raises(nlp, text):
    _run(nlp, [text])


def test_extensions_none_are_tolerated(nlp):
    from pipeline.figures.assembly import extract_figures

    doc = nlp("Revenue climbed 12% to $4.1 billion.")
    doc._.claimsift_entities = None
    doc._.claimsift_quotes = None
    doc._.claimsift_article = None
    figs = extract_figures(doc)
    assert [doc.text[f["start"]:f["end"]] for f in figs] == ["12%", "$4.1 billion"]


def test_analyze_pipes_has_no_problems(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    problems = analysis["problems"].get("claimsift_figures")
    assert not problems, problems


def test_a_pasted_base64_image_adds_no_figures(nlp):
    import base64
    import random

    blob = base64.b64encode(random.Random(5).randbytes(6000)).decode()
    blob = "\n".join(blob[i:i + 76] for i in range(0, len(blob), 76))
    text = ("Ticket sales rose 14% to $2.3 million, the club said on Friday.\n\n"
            f"data:image/jpeg;base64,{blob}\n\nAbout 3,400 fans attended the final.")
    (doc, figs), = _run(nlp, [text])
    assert [doc.text[f["start"]:f["end"]] for f in figs] == ["14%", "$2.3 million", "3,400"]


def test_percent_figures_always_have_unit_percent(nlp):
    texts = ["Approval fell to 41% in May.", "Turnout rose 1,2,3,4% in the wards.",
             "Between 10 and 20 percent of voters were undecided.", "Prices rose 3.2 per cent."]
    for doc, figs in _run(nlp, texts):
        for f in figs:
            assert f["unit"] != "%", (doc.text, f)
            if f["kind"] == "percent":
                assert f["unit"] == "percent", (doc.text, f)


@pytest.mark.slow
def test_figures_stage_is_linear_in_the_numbers_of_one_sentence(nlp):
    """Per-figure work is bounded: one sentence with 2,000 numbers once took ~20 s. Four times
    the numbers may take at most eight times as long (quadratic work would take sixteen). CPU time of
    this process, so other work on the machine does not count."""
    import time

    def stage(text):
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            started = time.process_time()
            doc = proc(doc)
            if name == "claimsift_figures":
                return time.process_time() - started, doc

    def numbers(n):
        return ", ".join(f"{i}% or ${i}.5 million" for i in range(1, n))

    small = min(stage(numbers(175))[0] for _ in range(2))
    seconds, doc = stage(numbers(700))
    assert seconds < max(0.5, 8 * small), (small, seconds)
    for f in doc._.claimsift_figures:
        assert doc.text[f["start"]:f["end"]]


def test_according_to_a_titled_official_is_the_official(nlp):
    (doc, figs), = _run(nlp, ["Ridership grew by 12% last year, according to Transit Secretary Maren Holt."])
    assert _fig(doc, figs, "12%")["attributed_to"] == "Maren Holt"

"""What the gold conventions count as a figure, class by class: periods that date something
("five years ago") against periods a number or a qualifier states ("40 years ago", "more than a
century ago"), ranks and places in an order, "one" as a determiner, shirt numbers, street blocks,
banknotes and exchange-rate bases, weights in pounds, heights in feet and inches, ages by decade
and ages listed after an age, runs of set scores.

Fast tables run the pure finder (``find_quantities``); the last tables run the real pipeline.
All sentences are invented.
"""

from __future__ import annotations

import math

import pytest

from pipeline.components.quantities import find_quantities


def _find(text):
    qs = find_quantities(text)
    for q in qs:
        assert text[q.start:q.end] == q.text, q
    return qs


# (sentence, span, value, kind, unit)
FOUND = [
    ("The mill closed 40 years ago.", "40", 40.0, "duration", "years"),
    ("The fort stood empty until roughly 300 years ago.", "300", 300.0, "duration", "years"),
    ("We met more than three years ago.", "three", 3.0, "duration", "years"),
    ("The town flooded more than a century ago.", "a century", 100.0, "duration", "years"),
    ("Prices were lower half a century ago.", "half a century", 50.0, "duration", "years"),
    ("She spent a month in the mountains.", "a month", 1.0, "duration", "months"),
    ("Rescuers arrived within an hour.", "an hour", 1.0, "duration", "hours"),
    ("The suspect is in her early 30s.", "30s", 30.0, "age", "years"),
    ("Neighbours said the owner was in his mid-50s.", "50s", 50.0, "age", "years"),
    ("He had grown to 6 feet 2 inches by then.", "6 feet 2 inches", 74.0, "measure", "in"),
    ("The foal weighed 9 lb 6 oz at birth.", "9 lb 6 oz", 150.0, "measure", "oz"),
    ("He is 6 feet tall and weighs 180 pounds.", "180 pounds", 180.0, "measure", "lb"),
    ("The children were between 5 years old and 8 or 9 then.", "8", 8.0, "age", "years"),
    ("The children were between 5 years old and 8 or 9 then.", "9", 9.0, "age", "years"),
    ("The peso had its sharpest one-week drop since March.", "one", 1.0, "duration", "weeks"),
    ("He was one of the top five players in the world.", "five", 5.0, "count", None),
    ("The band had six top ten singles.", "six", 6.0, "count", None),
    ("The fine was £300 for each offence.", "£300", 300.0, "money", "GBP"),
    ("Traders sold 20 pounds of coffee beans a week in the market, for £4 a pound.",
     "£4", 4.0, "money", "GBP"),
    ("She had already tried the dish once before.", "once", 1.0, "count", "times"),
    ("A minute or two later, the lights came back.", "A minute", 1.0, "duration", "minutes"),
    ("A minute or two later, the lights came back.", "two", 2.0, "duration", "minutes"),
    ("Experts agree. [Read More: The 10 Best Trails in Wales] The park has 40 trails.", "40", 40.0,
     "count", None),
    ("They built 12 5G masts last year.", "12", 12.0, "count", None),
    ("She beat two of the top 20 players this year.", "20", 20.0, "count", None),
    ("Cases saw a threefold rise in a year.", "threefold", 3.0, "multiplier", "times"),
    ("The driver, 45, was hurt, and his son, 12, was unhurt.", "12", 12.0, "age", "years"),
    ("The 6-foot-5 forward scored 31 points.", "6-foot-5", 77.0, "measure", "in"),
    ("The 5-foot-10-inch guard started.", "5-foot-10-inch", 70.0, "measure", "in"),
    ("At 6ft 4in he towers over the others.", "6ft 4in", 76.0, "measure", "in"),
    ("The suspect is about 5-foot-9.", "5-foot-9", 69.0, "measure", "in"),
]

# sentences in which these spans are no figure (the rest of the sentence may hold figures)
NOT_A_FIGURE = [
    ("We moved here five years ago.", "five"),
    ("Ten years from now, the town will look different.", "Ten"),
    ("He was robbed in the 4100 block of Pine Street.", "4100"),
    ("At the time one franc bought 1.05 euros.", "one franc"),
    ("A year earlier 1 dollar was worth 150 yen.", "1 dollar"),
    ("The guests paid in £50 notes.", "£50"),
    ("He handed the driver a $20 bill.", "$20"),
    ("Ana Ruiz (9) scores past Bo Lee (1) in the final.", "9"),
    ("Ana Ruiz (9) scores past Bo Lee (1) in the final.", "1"),
    ("The world number five withdrew with an injury.", "five"),
    ("She made the last eight for the first time.", "eight"),
    ("The band had six top ten singles.", "ten"),
    ("One group of hikers found the trail closed.", "One"),
    ("In one letter she asked for more time.", "one"),
    ("The campus puts both schools under one roof.", "one"),
    ("He spoke of 'one team thinking' at the club.", "one"),
    ("She tried it just once, then stopped.", "once"),
    ("Experts agree. [Read More: The 10 Best Trails in Wales] The park has 40 trails.", "10"),
    ("A year ago the lights went out.", "A year"),
    ("The list includes Acme's 845 4G handset and a camera.", "845"),
    ("The former champion has slipped to 57 in the world after injuries.", "57"),
    ("The singer has never had a top 20 hit in Britain.", "20"),
    ("Their plans were knocked for six by the ruling.", "six"),
    ("The winner was on cloud nine after the count.", "nine"),
    ("The plan has a twofold aim: cheaper fares and cleaner air.", "twofold"),
    ("Each clerk handled 60 a day, or one every eight minutes.", "a day"),
    ("Posted 2 hours ago", "2"),
    ("The storm hit the coast 3 days ago.", "3"),
    ("The firm's 401(k) plan was changed.", "401"),
    ("Officers found him at mile 20 of the marathon.", "20"),
    ("She crashed on lap 31 of the race.", "31"),
    ("The museum welcomed its one millionth visitor.", "one"),
]


@pytest.mark.parametrize("text, span, value, kind, unit", FOUND)
def test_the_convention_counts_it(text, span, value, kind, unit):
    hits = [q for q in _find(text) if q.text == span]
    assert len(hits) == 1, [(q.text, q.value, q.kind) for q in _find(text)]
    q = hits[0]
    assert math.isclose(q.value, value, rel_tol=1e-9), q
    assert (q.kind, q.unit) == (kind, unit), q


@pytest.mark.parametrize("text, span", NOT_A_FIGURE)
def test_the_convention_leaves_it_out(text, span):
    assert span in text
    assert span not in [q.text for q in _find(text)]


@pytest.mark.parametrize("text, values", [
    ("She beat the qualifier 6-3 6-1 on Tuesday.", [6.0, 3.0, 6.0, 1.0]),
    ("He took the opener 6-4, 3-6, 7-6 on Sunday.", [6.0, 4.0, 3.0, 6.0, 7.0, 6.0]),
    ("It was a long match and she lost the first set. When she got back to 4-4, she calmed down.",
     [4.0, 4.0]),
])
def test_set_scores_without_a_cue_in_their_clause(text, values):
    qs = _find(text)
    assert [q.value for q in qs] == values
    assert all(q.kind == "count" for q in qs)


def test_a_compound_measure_is_one_quantity_and_keeps_its_qualifier():
    (q,) = _find("The man is about 5 feet 9 inches tall.")
    assert (q.text, q.value, q.unit, q.approx) == ("5 feet 9 inches", 69.0, "in", "about")


def test_pounds_are_money_where_the_text_writes_a_pound_sign():
    text = "The coat cost £90 last year; he said it was 200 pounds now, though it is not heavy."
    kinds = {q.text: q.kind for q in _find(text)}
    assert kinds["200 pounds"] == "money"


# The real pipeline (invented sentences): the figures stage keeps what the finder gives.
PIPELINE_FOUND = [
    ("The mill closed 40 years ago, the owners said.", "40", 40.0, "duration"),
    ("Police said the suspect is in her early 30s.", "30s", 30.0, "age"),
    ("The suspect is about 6 feet 2 inches tall and 180 pounds.", "6 feet 2 inches", 74.0, "measure"),
    ("The suspect is about 6 feet 2 inches tall and 180 pounds.", "180 pounds", 180.0, "measure"),
    ("She beat the qualifier 6-3 6-1 on Tuesday.", "1", 1.0, "count"),
    ("He served a month in jail for the theft.", "a month", 1.0, "duration"),
    ("The queue fell to 7,950 people, down from 8,120 last month.", "8,120", 8120.0, "count"),
]

PIPELINE_NOTHING = [
    "We moved here five years ago.",
    "He was robbed in the 4100 block of Pine Street.",
    "The guests paid in £50 notes.",
    "The world number five withdrew with an injury.",
    "One group of hikers found the trail closed.",
    "In one letter she asked for more time.",
    "The campus puts both schools under one roof.",
    "She tried it just once, then stopped.",
    "Ana Ruiz (9) scores past Bo Lee (1) in the final.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text, span, value, kind", PIPELINE_FOUND)
def test_pipeline_keeps_the_convention_figures(nlp, text, span, value, kind):
    doc = nlp(text)
    got = [(text[f["start"]:f["end"]], f["value"], f["kind"]) for f in doc._.claimsift_figures]
    assert (span, value, kind) in got, got


@pytest.mark.slow
@pytest.mark.parametrize("text", PIPELINE_NOTHING)
def test_pipeline_yields_no_figure_where_the_convention_sees_none(nlp, text):
    assert nlp(text)._.claimsift_figures == []

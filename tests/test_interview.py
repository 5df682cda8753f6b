"""Interview layout (pipeline/quoting/interview.py): the answers of a Q&A article are quoted
speech without quote marks. Pure tables for the layout rules, then the real pipeline on an
invented interview; articles that only contain questions must yield no answers."""

from __future__ import annotations

import pytest

from pipeline.attrs import QUOTES
from pipeline.quoting.interview import scan_answers
from pipeline.quoting.marks import paragraphs_of

LINE_PAIRS = """Marisol Quintero has run the harbor authority for a decade. Here, the 52-year-old explains her plans.

What comes first?
I want the ferry terminal rebuilt before anything else.

Your critics say the budget is too small.
We found savings in the old leases. My team did the work.

Will fares go up?
Not this year. I promised riders that, and I keep promises.

And after that?
I hope to hand over a port in good shape.
"""

LABELLED = """An interview with the mayor of Port Adley.

Q: Why did you run again?
A: I wanted to finish the bridge.

Q: What about the budget?
A: We cut waste first. My office went without a raise.

Q: And next year?
A: I hope our plan for the docks passes.
"""

NAME_LABELS = """A radio conversation, edited for length.

HOST: How did the season start?

PELLAM: I thought we were ready. We were not.

HOST: What changed?

PELLAM: My players started trusting each other.

HOST: Can you win the title?

PELLAM: I believe we can.
"""

ALTERNATING = """Tomas Varga spoke to us after the vote.

Why did the council reject the plan?

I think the costs scared them. Who can blame them?

What happens to the site now?

We keep it fenced, and my staff will look for a buyer.

Will you try again?

I will, next spring.
"""

NOT_INTERVIEWS = [
    # rhetorical questions in ordinary prose
    """Who pays for the new bridge? The county does, according to the plan.

Will it open on time? Engineers say the steel arrived late.

What comes next? A vote in the spring.

Is that enough? Critics doubt it.
""",
    # questions followed by narration in the third person
    """Why did the mill close?
The owners cited falling demand and rising costs.

What will the workers do?
Most of them found jobs at the port, the union said.

Can the town recover?
The mayor has asked the state for help.
""",
    # a single question and answer is not a layout
    """The mayor was asked about the budget.

Q: Will you cut services?
A: I will not.
""",
]


def answers(text):
    return [text[a["start"]:a["end"]] for a in scan_answers(text, paragraphs_of(text))]


def test_line_pairs_answer_lines_are_answers_also_after_a_remark():
    assert answers(LINE_PAIRS) == [
        "I want the ferry terminal rebuilt before anything else.",
        "We found savings in the old leases. My team did the work.",
        "Not this year. I promised riders that, and I keep promises.",
        "I hope to hand over a port in good shape.",
    ]


def test_q_and_a_labels_are_left_out_of_the_answer():
    assert answers(LABELLED) == [
        "I wanted to finish the bridge.",
        "We cut waste first. My office went without a raise.",
        "I hope our plan for the docks passes.",
    ]


def test_name_labels_pick_the_one_who_answers():
    got = scan_answers(NAME_LABELS, paragraphs_of(NAME_LABELS))
    assert [NAME_LABELS[a["start"]:a["end"]] for a in got] == [
        "I thought we were ready. We were not.",
        "My players started trusting each other.",
        "I believe we can.",
    ]
    assert {a["label"] for a in got} == {"PELLAM"}


def test_a_note_after_the_last_answer_is_no_answer():
    text = LABELLED + "\nThis interview has been edited for length and clarity.\n"
    assert answers(text)[-1] == "I hope our plan for the docks passes."


def test_alternating_paragraphs_an_answer_may_end_in_a_question():
    assert answers(ALTERNATING) == [
        "I think the costs scared them. Who can blame them?",
        "We keep it fenced, and my staff will look for a buyer.",
        "I will, next spring.",
    ]


@pytest.mark.parametrize("text", NOT_INTERVIEWS, ids=["rhetorical", "third-person", "one-pair"])
def test_not_an_interview(text):
    assert answers(text) == []


def test_answers_become_direct_quotes_of_the_interviewee(nlp):
    doc = nlp(LINE_PAIRS)
    got = [q for q in doc._.get(QUOTES) if q["kind"] == "direct"]
    assert [LINE_PAIRS[q["start"]:q["end"]] for q in got] == answers(LINE_PAIRS)
    assert {q["speaker"]["name"] for q in got} == {"Marisol Quintero"}
    assert all(q["cue"] is None for q in got)

"""Interview layout: the answers of a Q&A article, which are quoted speech without quote marks
(pure, no spaCy): `scan_answers(text, paragraphs)`.

Two layouts are recognized, and only when the article keeps to one of them at least
`MIN_PAIRS` times, so that a rhetorical question in ordinary prose yields nothing:

- question and answer: a paragraph (or a line) ending in a question mark, then the answer's
  paragraphs up to the next question ("Why now?" / "We had waited long enough ..."), with
  optional "Q:"/"A:" labels;
- speaker labels: paragraphs opened by a label ("A:", or a name such as "Doe:") for the
  interviewee, and by another label for the interviewer.

An answer is the interviewee's, in the first person: a layout whose answers hardly ever say
"I", "we", "my" or "our" is not an interview.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence, Tuple

MIN_PAIRS = 3
"""The fewest question-answer pairs that make an article an interview."""

_QUOTE_OPENERS = "“\"‘'«„`"
_CLOSERS = "”\"’'»*_ )]"
_LABEL = re.compile(r"((?:[A-Z][\w.'’-]*)(?:[ \t]+[A-Z][\w.'’-]*){0,2})[ \t]*[:.][ \t]+(?=\S)")
_QUESTION_LABELS = frozenset({"q", "question"})
_ANSWER_LABELS = frozenset({"a", "answer"})
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|mine|we|we['’](?:re|ve|d|ll)|us|our|ours)\b",
                           re.IGNORECASE)


def _is_question(text: str, a: int, b: int) -> bool:
    """A paragraph that asks: it ends in a question mark (closing marks and emphasis aside), does
    not open with a quote mark (a quoted question is someone's quote) and is not too long."""
    j = b
    while j > a and text[j - 1] in _CLOSERS:
        j -= 1
    return j > a and text[j - 1] == "?" and text[a] not in _QUOTE_OPENERS and b - a <= 600


def _label(text: str, a: int, b: int) -> Optional[Tuple[str, int, int]]:
    """(label, label start, body start) for a paragraph opened by a speaker label, else None.
    A label is "Q"/"A"/"Question"/"Answer" or one to three capitalized words before a colon
    (or a period after "Q"/"A")."""
    m = _LABEL.match(text, a, b)
    if m is None:
        return None
    label = m.group(1)
    sep = text[m.end(1):m.end()].strip()
    if sep == "." and label.lower() not in _QUESTION_LABELS | _ANSWER_LABELS:
        return None  # "Mr. Doe ..." or an initial, not a label
    return label, m.start(1), m.end()


def _answer(text: str, a: int, b: int, para: int, label: Optional[str] = None,
            label_span: Optional[Tuple[int, int]] = None) -> Optional[dict]:
    while a < b and text[a].isspace():
        a += 1
    if b <= a or text[a] in _QUOTE_OPENERS and text[b - 1] in "”\"’'»":
        return None  # a quoted paragraph: the mark scanner has it
    return {"start": a, "end": b, "para": para, "label": label, "label_span": label_span}


def _first_person_share(text: str, answers: List[dict]) -> float:
    if not answers:
        return 0.0
    return sum(1 for x in answers if _FIRST_PERSON.search(text, x["start"], x["end"])) / len(answers)


def scan_answers(text: str, paragraphs: Sequence[Sequence[int]]) -> List[dict]:
    """The answers of an interview, one per paragraph: ``{"start", "end", "para", "label",
    "label_span"}`` (``label`` is the speaker label as written, or None when the layout has
    none); [] when the article is not laid out as an interview."""
    paras = [(int(a), int(b)) for a, b in paragraphs if int(b) > int(a)]
    labelled = _labelled_answers(text, paras)
    if labelled:
        return labelled
    return _question_answers(text, paras)


def _blocks(text: str, paras: List[Tuple[int, int]]) -> List[List[int]]:
    """Paragraph indexes grouped into blocks: lines with no blank line between them."""
    blocks: List[List[int]] = []
    for k, (a, _) in enumerate(paras):
        if blocks and text.count("\n", paras[k - 1][1], a) < 2:
            blocks[-1].append(k)
        else:
            blocks.append([k])
    return blocks


def _question_answers(text: str, paras: List[Tuple[int, int]]) -> List[dict]:
    blocks = _blocks(text, paras)
    paired = [blk for blk in blocks if len(blk) >= 2 and _is_question(text, *paras[blk[0]])]
    if len(paired) >= MIN_PAIRS:
        # each block of two or more lines is a question line and its answer ("Why now?", a line
        # break, the answer), also when the interviewer's line is a remark without a question
        # mark; a one-line block after the first pair goes on with the answer
        answers = []
        started = False
        for blk in blocks:
            started = started or len(blk) >= 2
            if not started:
                continue
            rows = blk[1:] if len(blk) >= 2 or _is_question(text, *paras[blk[0]]) else blk
            answers += [x for x in (_answer(text, *paras[k], k) for k in rows) if x is not None]
    else:
        answers = _alternating(text, paras)
    if _first_person_share(text, answers) < 0.5:
        return []
    return answers


def _alternating(text: str, paras: List[Tuple[int, int]]) -> List[dict]:
    """Questions and answers in paragraphs of their own: a question, then the answer's
    paragraphs up to the next question (a paragraph right after a question is its answer, even
    when it ends in a question mark itself)."""
    answers: List[dict] = []
    pairs = 0
    asked = False  # a question waits for its answer
    for k, (a, b) in enumerate(paras):
        lab = _label(text, a, b)
        name = lab[0].lower() if lab else None
        if not asked and (name in _QUESTION_LABELS or _is_question(text, a, b) and name not in _ANSWER_LABELS):
            asked = True
            continue
        if not asked and not answers:
            continue
        got = _answer(text, lab[2] if name in _ANSWER_LABELS else a, b, k)
        if got is not None:
            answers.append(got)
            pairs += asked
        asked = False
    return answers if pairs >= MIN_PAIRS else []


def _labelled_answers(text: str, paras: List[Tuple[int, int]]) -> List[dict]:
    """Answers of a layout that opens paragraphs with speaker labels: the interviewee's label
    is the one whose paragraphs do not ask (an interviewer's paragraphs mostly end in "?")."""
    by_label: Dict[str, List[Tuple[int, Tuple[str, int, int]]]] = {}
    for k, (a, b) in enumerate(paras):
        lab = _label(text, a, b)
        if lab is not None:
            by_label.setdefault(lab[0], []).append((k, lab))
    if len(by_label) < 2:
        return []
    asking = {lab: sum(_is_question(text, paras[k][0], paras[k][1]) for k, _ in rows) / len(rows)
              for lab, rows in by_label.items()}
    interviewers = [lab for lab, share in asking.items() if share >= 0.5 or lab.lower() in _QUESTION_LABELS]
    answering = [lab for lab in by_label if lab not in interviewers and len(by_label[lab]) >= MIN_PAIRS]
    if not interviewers or len(answering) != 1:
        return []
    lab = answering[0]
    answers = []
    rows = dict(by_label[lab])
    current = False
    for k, (a, b) in enumerate(paras):
        if k in rows:
            current = True
            got = _answer(text, rows[k][2], b, k, lab, (rows[k][1], rows[k][1] + len(lab)))
        elif _label(text, a, b) is not None and _label(text, a, b)[0] in by_label:
            current = False
            continue
        elif current and _FIRST_PERSON.search(text, a, b):
            got = _answer(text, a, b, k, lab, None)  # the answer goes on in a new paragraph
        else:
            current = False  # a note in the third person ("This interview has been edited ...") ends it
            continue
        if got is not None:
            answers.append(got)
    if _first_person_share(text, answers) < 0.5:
        return []
    return answers

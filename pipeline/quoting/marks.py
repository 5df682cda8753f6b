"""The quote-mark scanner: a character-level state machine over the quote marks of each
paragraph (pure, no spaCy): `scan_quotes(text, paragraphs)`."""

from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

from .. import wordlists

ELISIONS = wordlists.words("quotes_elisions.txt")


# --------------------------------------------------------------------------- the mark scanner

_MARKS = re.compile(r"``|''|[“”\"‘’'«»„`]")
_DOUBLE_OPEN = {"``": "tex", "“": "curly", "«": "guil", "„": "low"}
_DOUBLE_CLOSE = {
    "tex": ("''", "”", '"'),
    "curly": ("”", '"'),
    "straight": ('"', "”"),
    "guil": ("»",),
    "low": ("“", "”"),
}
_OPEN_BEFORE = set(" \t\n\r\u00a0\u2009\u202f([{<—–-/:;“\"«`")
_ELISION_WORD = re.compile(r"[A-Za-z]+|\d+")


_LINE_TEXT = re.compile(r"\S(?:[^\n]*\S)?")  # a line's text from its first to its last non-space


def paragraphs_of(text: str) -> List[Tuple[int, int]]:
    """Non-empty lines of `text` as (start, end), surrounding white space trimmed."""
    return [m.span() for m in _LINE_TEXT.finditer(text)]


def is_single_opener(text: str, p: int, lo: int, hi: int) -> bool:
    """True when the single mark at p can open a quote (‘word or 'word, not ’90s or 'em)."""
    if p > lo and text[p - 1] not in _OPEN_BEFORE:
        return False
    if p + 1 >= hi:
        return False
    nx = text[p + 1]
    if not (nx.isalnum() or nx in "“\"…."):
        return False
    m = _ELISION_WORD.match(text, p + 1)
    if m:
        w = m.group(0)
        if w.lower() in ELISIONS:
            return False
        if w.isdigit() and len(w) in (2, 4) and (m.end() >= hi or not text[m.end()].isalpha() or text[m.end()] in "s"):
            return False  # ’90s, ’08
    return True


def single_closer_strength(text: str, p: int, hi: int) -> int:
    """0: not a closer (don’t); 1: weak (the Smiths’ house, goin’ home); 2: strong."""
    if p == 0 or text[p - 1].isspace():
        return 0
    nx = text[p + 1] if p + 1 < hi else ""
    if nx.isalnum():
        return 0
    prev = text[p - 1]
    after = text[p + 2] if p + 2 < hi else ""
    if nx in (" ", "\u00a0") and after.isalnum():
        if prev in "sSzZ" or text[max(0, p - 2):p] == "in":
            return 1
    return 2


def _trimmed(text: str, a: int, b: int) -> Tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def scan_quotes(text: str, paragraphs: Optional[Sequence[Sequence[int]]] = None) -> List[dict]:
    """Find quoted segments, per paragraph, with a state machine over the quote marks.

    Returns dicts ``{"start", "end", "open": [a, b], "close": [a, b] | None, "style",
    "para": k, "closed": bool, "lead": bool, "run": int, "continues": bool}``: content offsets without the
    marks, the marks' own offsets, the paragraph index, whether a closing mark was found,
    whether the quote opens its paragraph, and a run id shared by the paragraphs of one
    multi-paragraph quote (also by a quote that goes on one whose paragraph break was lost:
    ``continues`` True).
    """
    if paragraphs is None:
        paragraphs = paragraphs_of(text)
    out: List[dict] = []
    for k, (ps, pe) in enumerate(paragraphs):
        ps, pe = int(ps), int(pe)
        if pe <= ps:
            continue
        marks = [(m.start(), m.group(0)) for m in _MARKS.finditer(text, ps, pe)]
        if not marks:
            continue
        found = _scan_paragraph(text, ps, pe, marks)
        first_char = _trimmed(text, ps, pe)[0]
        for q in found:
            q["para"] = k
            q["lead"] = q["open"][0] == first_char
            out.append(q)
    # runs: a paragraph that ends inside a quote continues into a next paragraph that opens one
    run = 0
    prev = None
    for q in out:
        if prev is not None and not prev["closed"] and (q["lead"] and q["para"] == prev["para"] + 1
                                                         or q["continues"] and q["para"] == prev["para"]):
            q["run"] = prev["run"]
        else:
            run += 1
            q["run"] = run
        prev = q
    return out


def _emit(text: str, out: List[dict], style: str, open_span, content_start: int, end: int,
          close_span) -> None:
    a, b = _trimmed(text, content_start, end)
    if b > a:
        out.append({"start": a, "end": b, "open": list(open_span), "close": list(close_span) if close_span else None,
                    "style": style, "closed": close_span is not None})


def _reopens(text: str, p: int, content_start: int, pe: int) -> bool:
    """True when the straight mark at p, inside an open quote, opens a new one: a space before it,
    a sentence end before the space and a word right after it (`... the vote. "We will ...`)."""
    if p + 1 >= pe or text[p + 1].isspace() or not text[p - 1].isspace():
        return False
    j = p - 1
    while j > content_start and text[j].isspace():
        j -= 1
    return j > content_start and text[j] in ".!?…" and (text[p + 1].isalnum() or text[p + 1] in "‘'…")


def _scan_paragraph(text: str, ps: int, pe: int, marks: List[Tuple[int, str]]) -> List[dict]:
    out: List[dict] = []
    i = 0
    n = len(marks)
    state = None  # (style, open_start, open_end)
    nested = False  # a double quote open inside a single-quoted quote
    weak: Optional[int] = None  # index of a weak single closer seen while open
    continuing = set()  # opening marks of quotes that go on a quote whose paragraph break was lost
    while i < n:
        p, tok = marks[i]
        if state is None:
            if tok in _DOUBLE_OPEN:
                state = (_DOUBLE_OPEN[tok], p, p + len(tok))
            elif tok == '"':
                # an opening mark hugs its first word; one with a space on both sides (' " very')
                # opens too when a mark follows to close it, since a closing mark hugs its word
                if p + 1 < pe and (not text[p + 1].isspace()
                                   or (p == ps or text[p - 1].isspace()) and text.find('"', p + 1, pe) > 0):
                    state = ("straight", p, p + 1)
            elif tok in ("‘", "'", "`"):
                if is_single_opener(text, p, ps, pe):
                    state = ("single", p, p + 1)
                    nested, weak = False, None
            i += 1
            continue
        style, o_start, o_end = state
        if style == "straight" and tok == '"' and _reopens(text, p, o_end, pe):
            # paragraphs run together: 'the vote. "We will ...' - the open quote ends at the sentence
            # end (a quote going on in a new paragraph has no closing mark) and a new one starts
            _emit(text, out, style, (o_start, o_end), o_end, p, None)
            state = (style, p, p + 1)
            continuing.add(p)
            i += 1
            continue
        if style != "single":
            if tok in _DOUBLE_CLOSE[style] and not (style == "low" and tok == "“" and False):
                # a curly opener used where a closer is expected: “word.“
                _emit(text, out, style, (o_start, o_end), o_end, p, (p, p + len(tok)))
                state = None
            elif tok in _DOUBLE_OPEN and tok != "„" and _DOUBLE_OPEN[tok] == style:
                if p + len(tok) >= pe or text[p + len(tok)].isspace():
                    # wrong-direction closing mark
                    _emit(text, out, style, (o_start, o_end), o_end, p, (p, p + len(tok)))
                    state = None
                else:
                    # the open quote was never closed; a new one starts here
                    _emit(text, out, style, (o_start, o_end), o_end, p, None)
                    state = (style, p, p + len(tok))
            i += 1
            continue
        # inside a single-quoted quote
        if nested:
            if tok in ("”", "''", '"', "»"):
                nested = False
            i += 1
            continue
        if tok in ("“", "``", "«") or (tok == '"' and p + 1 < pe and not text[p + 1].isspace()
                                       and (p == ps or text[p - 1] in _OPEN_BEFORE)):
            nested = True
            i += 1
            continue
        if tok in ("’", "'"):
            s = single_closer_strength(text, p, pe)
            if s == 2:
                _emit(text, out, style, (o_start, o_end), o_end, p, (p, p + 1))
                state, weak = None, None
            elif s == 1 and weak is None:
                weak = i
        i += 1
        if i >= n and state is not None and state[0] == "single" and weak is not None:
            # no strong closer: close at the first weak one and scan on from there
            wp = marks[weak][0]
            _emit(text, out, "single", (o_start, o_end), o_end, wp, (wp, wp + 1))
            state, i, weak = None, weak + 1, None
    if state is not None:
        style, o_start, o_end = state
        first = _trimmed(text, ps, pe)[0]
        if style != "single" or o_start == first:
            _emit(text, out, style, (o_start, o_end), o_end, pe, None)
    for q in out:
        q["continues"] = q["open"][0] in continuing
    return out

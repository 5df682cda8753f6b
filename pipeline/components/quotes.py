"""Quote detection and attribution.

The stage ("claimsift_quotes", after ``claimsift_people``) writes ``doc._.claimsift_quotes``
(see ``pipeline/attrs.py``): one record per maximal quoted segment, offsets on the content
without its marks.

How it works:

1. ``scan_quotes(text, paragraphs)`` (pure) runs a character-level state machine over the quote
   marks of each paragraph: curly “ ”, straight ", TeX-style `` '', guillemets « », low „ “,
   and single ‘ ’ / ' only where they open and close a quote (never an apostrophe: "Okonkwo’s",
   "’90s", "don’t", "the Smiths' house"). Marks nested inside an open quote belong to it (the
   outer quote is reported). A paragraph that ends inside a quote yields a record running to
   the paragraph's end (``closed`` False); when the next paragraph opens again it is the same
   speaker's run (``run`` links them). A mark that never closes costs one paragraph at most.
2. ``is_title_or_scare`` drops titles of songs/films/books (a title noun before the mark, "by
   Someone" after it, title-cased names), nicknames between a first and a last name, and one- or
   two-word scare quotes that no reporting verb in the sentence attributes.
3. Attribution uses the dependency parse: the reporting verb (``quotes_reporting_verbs.txt``)
   that governs the quote, or stands right after it (", he said" / ", said X"), or leads into
   it ("X said:"), a naming verb for fragments (X called the plan “a betrayal”), "according
   to X", "was quoted as saying", a clause ending in a colon ("Doe was blunt: “...”"), a dash
   sign-off in the paragraph or on the next line ("— Sen. Jane Doe"). A passive reporting verb
   ("I am told", "could be announced") is no cue, and a subject inside the quote itself is never
   the speaker. The speaker is the verb's subject, mapped to the canonical fullest name through the
   people clusters (``pipeline.components.people``): pronouns by gender and recency, surnames,
   titles ("the congresswoman", "the governor" for "Gov. X"), organizations and org nouns
   ("the agency"), coordinated subjects ("X and Y"). A subject
   that names no one ("a truck driver") gives ``name`` None and its words as ``mention``.
   Quotes with no cue of their own take the speaker of their run (multi-paragraph quotes) and
   of the other quotes in the paragraph (both ways, twice), of the previous paragraph's
   attribution, or of the reporting verb in the sentence before them ("..., she said. “...”").
4. Indirect quotes ("X said shelters are not the answer", "according to X, ...") are built by
   ``find_indirect`` and emitted only when the factory's ``emit_indirect`` setting is true
   (default False: on the hand gold, which annotates no indirect speech, every one would count
   as a false positive).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import attrs
from . import people

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def _read_words(name: str) -> frozenset:
    try:
        raw = (RESOURCES / name).read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    out = set()
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(line.lower())
    return frozenset(out)


REPORTING_VERBS = _read_words("quotes_reporting_verbs.txt")
TITLE_NOUNS = _read_words("quotes_title_nouns.txt")
ELISIONS = _read_words("quotes_elisions.txt")

# verbs precise enough to build indirect quotes from ("X said (that) ...")
INDIRECT_VERBS = frozenset({
    "say", "tell", "argue", "claim", "insist", "warn", "note", "acknowledge", "explain", "stress",
    "state", "declare", "announce", "contend", "assert", "maintain", "admit", "concede", "predict",
    "suggest", "add", "write", "tweet", "respond", "reply", "emphasize", "emphasise", "allege",
    "testify", "report", "confirm", "deny", "caution", "recall",
})

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


def paragraphs_of(text: str) -> List[Tuple[int, int]]:
    """Non-empty lines of `text` as (start, end), surrounding white space trimmed."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


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
    "para": k, "closed": bool, "lead": bool, "run": int}``: content offsets without the
    marks, the marks' own offsets, the paragraph index, whether a closing mark was found,
    whether the quote opens its paragraph, and a run id shared by the paragraphs of one
    multi-paragraph quote.
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
        if prev is not None and not prev["closed"] and q["lead"] and q["para"] == prev["para"] + 1:
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


def _scan_paragraph(text: str, ps: int, pe: int, marks: List[Tuple[int, str]]) -> List[dict]:
    out: List[dict] = []
    i = 0
    n = len(marks)
    state = None  # (style, open_start, open_end)
    nested = False  # a double quote open inside a single-quoted quote
    weak: Optional[int] = None  # index of a weak single closer seen while open
    while i < n:
        p, tok = marks[i]
        if state is None:
            if tok in _DOUBLE_OPEN:
                state = (_DOUBLE_OPEN[tok], p, p + len(tok))
            elif tok == '"':
                if p + 1 < pe and not text[p + 1].isspace():
                    state = ("straight", p, p + 1)
            elif tok in ("‘", "'", "`"):
                if is_single_opener(text, p, ps, pe):
                    state = ("single", p, p + 1)
                    nested, weak = False, None
            i += 1
            continue
        style, o_start, o_end = state
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
    return out


# --------------------------------------------------------------------------- doc helpers

class _DocView:
    """Token / sentence / paragraph lookups for one doc, built once (linear)."""

    def __init__(self, doc: Doc, paragraphs: Sequence[Sequence[int]]):
        self.doc = doc
        self.tok_starts = [t.idx for t in doc]
        self.sents: List[Tuple[int, int]] = []
        if len(doc) and doc.has_annotation("SENT_START"):
            self.sents = [(s.start, s.end) for s in doc.sents]
        elif len(doc):
            self.sents = [(0, len(doc))]
        self.sent_of = [0] * len(doc)
        for k, (a, b) in enumerate(self.sents):
            for i in range(a, b):
                self.sent_of[i] = k
        self.paragraphs = [(int(a), int(b)) for a, b in paragraphs]
        self.para_starts = [a for a, _ in self.paragraphs]
        self.has_dep = doc.has_annotation("DEP")
        self.quote_of = [-1] * len(doc)  # token -> quote index (marks included)

    def tok_at(self, char: int) -> int:
        """Index of the token containing or starting after char."""
        i = bisect_right(self.tok_starts, char) - 1
        return max(0, i)

    def toks_in(self, a: int, b: int) -> range:
        """Tokens that start within [a, b)."""
        return range(bisect_left(self.tok_starts, a), bisect_left(self.tok_starts, b))

    def para_of(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)


def _is_cue(tok: Token) -> bool:
    if not (tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ in ("VERB", "AUX") or (
            tok.lower_ in ("says", "said", "told", "tells", "added", "asked", "wrote", "tweeted") and tok.pos_ != "NOUN")):
        return False
    # a passive reporting verb ("I am told", "a deal could be announced") is not said by its subject
    return not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


# verbs that put a quoted fragment in their subject's mouth: X called the plan "a betrayal",
# X described it as "...", X labeled it "..."
NAMING_CUES = frozenset({"call", "describe", "label", "brand", "characterize", "characterise", "term", "deem"})


def _is_naming_cue(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in NAMING_CUES \
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _subject_of(tok: Token, depth: int = 0) -> Optional[Token]:
    """Subject of a cue verb; climbs through "saying"/"quoted as saying"/conjoined verbs."""
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if depth < 3 and tok.head is not tok and tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "prep", "acl", "ccomp", "pobj"):
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() not in REPORTING_VERBS:
            return None
        return _subject_of(tok.head, depth + 1)
    return None


_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})


def _np_after(doc: Doc, cue: Token) -> Optional[Token]:
    """The head of a noun phrase right after a cue ("said a truck driver waiting ...",
    "said Jane Doe"), for inversions the parser did not attach as the subject."""
    head = None
    i = cue.i + 1
    while i < len(doc) and i <= cue.i + 8:
        t = doc[i]
        if t.lower_ in people.PRONOUNS and t.pos_ == "PRON" and head is None:
            return t
        if t.pos_ in _NP_POS or (t.text in ("-", ".") and head is not None and t.whitespace_ == ""):
            if t.pos_ in ("NOUN", "PROPN"):
                head = t
            i += 1
            continue
        break
    return head


def _person_in_np(doc: Doc, head: Token) -> Optional[Tuple[dict, Token]]:
    """A cluster named by the head of a noun phrase, its compounds or its appositions."""
    cands = [head]
    cands += [c for c in head.children if c.dep_ in ("compound", "appos", "flat")]
    for c in list(cands[1:]):
        cands += [g for g in c.children if g.dep_ in ("compound", "appos", "flat")]
    for t in cands:
        cl = people.cluster_for(doc, t.idx, t.idx + len(t.text)) if _maybe_name(t) else None
        if cl is not None:
            return cl, t
    return None


def _maybe_name(t: Token) -> bool:
    return t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "X", "ADJ", "VERB") or t.ent_type_ in ("PERSON", "ORG")


def _mention_span(doc: Doc, cluster: dict, tok: Token) -> Tuple[int, int]:
    for a, b in cluster.get("mentions") or ():
        if a <= tok.idx < b:
            return a, b
    return tok.idx, tok.idx + len(tok.text)


_FIRST_PERSON = frozenset({"i", "we", "me", "us"})


def speaker_from_token(doc: Doc, tok: Token) -> Optional[dict]:
    """Speaker dict for a subject token (a name, pronoun, role noun or description)."""
    low = tok.lower_
    if low in people.PRONOUNS:
        if low in people.PLURAL:
            name = people.resolve_pronoun(doc, tok)
        else:
            name = people.resolve_pronoun(doc, tok)
        return {"name": name, "mention": tok.text, "mention_span": [tok.idx, tok.idx + len(tok.text)], "title": None}
    if low in _FIRST_PERSON or tok.pos_ == "PRON" and low not in ("who", "that"):
        if low in ("who", "that", "which"):
            return None
        return {"name": None, "mention": tok.text, "mention_span": [tok.idx, tok.idx + len(tok.text)], "title": None}
    if tok.lower_ in ("who", "that") and tok.head is not None and tok.head.dep_ == "relcl":
        tok = tok.head.head
    conj = [c for c in tok.conjuncts]
    if conj:
        names = []
        mems = sorted([tok] + conj, key=lambda t: t.i)
        for m in mems:
            hit = _person_in_np(doc, m)
            if hit is None:
                names = []
                break
            names.append(_name_with_title(hit[0]))
        if len(names) >= 2:
            a = mems[0].left_edge.idx
            last = mems[-1]
            b = last.idx + len(last.text)
            return {"name": ", ".join(names[:-1]) + " and " + names[-1], "mention": people.doc_text(doc)[a:b],
                    "mention_span": [a, b], "title": None}
    hit = _person_in_np(doc, tok)
    if hit is not None:
        cl, t = hit
        a, b = _mention_span(doc, cl, t)
        title = _title_for(doc, t, a, cl)
        return {"name": cl["name"], "mention": people.doc_text(doc)[a:b], "mention_span": [a, b], "title": title}
    if tok.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            name = people.role_antecedent(doc, tok) or people.org_antecedent(doc, tok)
            if name:
                a, b = tok.left_edge.idx, tok.idx + len(tok.text)
                return {"name": name, "mention": people.doc_text(doc)[a:b], "mention_span": [a, b], "title": tok.text}
        a = tok.left_edge.idx
        if tok.pos_ == "NOUN":
            name = people.cataphoric_antecedent(doc, tok)
            if name:
                b = tok.idx + len(tok.text)
                return {"name": name, "mention": people.doc_text(doc)[a:b], "mention_span": [a, b], "title": tok.text}
        end_tok = tok
        for child in tok.rights:
            if child.dep_ == "prep" and child.right_edge.i - tok.i <= 8:
                end_tok = child.right_edge
            else:
                break
        b = end_tok.idx + len(end_tok.text)
        mention = people.doc_text(doc)[a:b]
        if len(mention) > 80:
            a, b = tok.idx, tok.idx + len(tok.text)
            mention = people.doc_text(doc)[a:b]
        return {"name": None, "mention": mention, "mention_span": [a, b], "title": None}
    return None


def _name_with_title(cl: dict) -> str:
    for t in cl.get("titles") or ():
        words = t.split()
        if words and tuple(people._norm_word(w) for w in words) in people.TITLES:
            return f"{t} {cl['name']}"
    return cl["name"]


def _title_for(doc: Doc, tok: Token, mention_start: int, cl: dict) -> Optional[str]:
    # role words right before this mention, else an apposition, else None
    i = tok.i
    while i > 0 and doc[i - 1].idx >= mention_start:
        i -= 1
    pre = people._pre_title(doc, i, tok)
    if pre:
        return pre
    head = tok
    while head.dep_ in ("compound", "flat") and head.head is not head:
        head = head.head
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            return people._appos_text(doc, child) or None
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        return people._appos_text(doc, head.head) or None
    return None


# --------------------------------------------------------------------------- filtering

_MINOR = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "&"})


def _content_words(doc: Doc, view: _DocView, a: int, b: int) -> List[Token]:
    return [doc[i] for i in view.toks_in(a, b) if doc[i].is_alpha or doc[i].like_num]


def is_title_or_scare(doc: Doc, view: _DocView, q: dict, has_cue: bool) -> bool:
    """True for titles of works, nicknames and unattributed one- or two-word scare quotes."""
    text = people.doc_text(doc)
    words = _content_words(doc, view, q["start"], q["end"])
    n = len(words)
    if n == 0:
        return True
    content = text[q["start"]:q["end"]]
    before = [doc[i] for i in view.toks_in(max(0, q["open"][0] - 60), q["open"][0])]
    before = [t for t in before if not t.is_space][-3:]
    close_end = q["close"][1] if q["close"] else q["end"]
    after = [doc[i] for i in view.toks_in(close_end, min(len(text), close_end + 40))]
    after = [t for t in after if not t.is_space]
    # a title noun or naming verb just before: the song “...”, a slogan like “...”, dubbed “...”
    # (not when a naming verb governs a lower-case quote: X called the report “deeply misleading”)
    cue_tok = q.get("cue_tok")
    named_by_cue = cue_tok is not None and _is_naming_cue(cue_tok) and content[:1].islower()
    if n <= 12 and not q["lead"] and not named_by_cue:
        for t in before:
            if t.lemma_.lower() in TITLE_NOUNS or t.lower_ in TITLE_NOUNS:
                if not (has_cue and n > 4):
                    return True
    # “Title” by Someone
    if n <= 10 and len(after) >= 2 and after[0].lower_ == "by" and after[1].text[:1].isupper() \
            and not re.search(r"[.!?,;:]\s*$", content):
        return True
    # nickname between a first and a last name: Dwayne “The Rock” Johnson
    if n <= 3 and before and after and before[-1].pos_ == "PROPN" and after[0].pos_ == "PROPN" \
            and before[-1].idx + len(before[-1].text) >= q["open"][0] - 1:
        return True
    # short title-cased phrase in running text with no one said to have said it
    title_cased = not re.search(r"[,.!?;:]", content) and words[0].text[:1].isupper() \
        and all(w.text[:1].isupper() or w.lower_ in _MINOR for w in words)
    if title_cased and not q["lead"] and (n <= 6 and not has_cue or n <= 4):
        if not (n == 1 and words[0].pos_ == "PRON"):
            return True
    if len(content.split()) <= 2 and not has_cue:
        # a short sentence of its own right after another quote (“...,” she said. “Never.”) is speech
        j = q["open"][0] - 1
        while j >= 0 and text[j] in " \t\u00a0":
            j -= 1
        starts_sentence = j < 0 or text[j] in ".!?…\n" or text[j] in "”\"'’»"
        if starts_sentence and re.search(r"[.!?…]$", content) and words[0].text[:1].isupper():
            return False
        return True
    return False


# --------------------------------------------------------------------------- attribution

def _governing_cue(doc: Doc, view: _DocView, qi: int, toks: range) -> Optional[Token]:
    """The closest reporting verb outside the quote that governs its tokens."""
    best = None
    best_depth = 99
    for i in toks:
        t = doc[i]
        h = t.head
        if view.quote_of[h.i] == qi and h is not t:
            continue
        depth = 0
        cur = t
        while depth < 5 and cur.head is not cur:
            cur = cur.head
            depth += 1
            if view.quote_of[cur.i] != -1:
                continue
            if _is_cue(cur) or _is_naming_cue(cur):
                if depth < best_depth:
                    best, best_depth = cur, depth
                break
    return best


def _sentence_bounds(view: _DocView, a_char: int, b_char: int, para: Tuple[int, int]) -> Tuple[int, int]:
    """Token range of the sentences holding [a_char, b_char), clipped to the paragraph."""
    doc = view.doc
    ta = view.tok_at(a_char)
    tb = view.tok_at(max(a_char, b_char - 1))
    s0 = view.sents[view.sent_of[ta]][0]
    s1 = view.sents[view.sent_of[tb]][1]
    pa = view.toks_in(para[0], para[1])
    lo = max(s0, pa.start) if len(pa) else s0
    hi = min(s1, pa.stop) if len(pa) else s1
    del doc
    return lo, hi


def _according_to(doc: Doc, view: _DocView, toks: Sequence[int]) -> Optional[Token]:
    for i in toks:
        t = doc[i]
        if t.lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
            for c in doc[i + 1].children:
                if c.dep_ == "pobj":
                    return c
            if i + 2 < len(doc):
                return doc[i + 2]
    return None


_DASHES = ("—", "–", "--", "-", "―")


_SIGNOFF = re.compile(r"[ \t\u00a0]*(?:—|–|―|--|-)[ \t\u00a0]*")


def _dash_signoff(doc: Doc, view: _DocView, close_end: int, para_idx: int) -> Optional[dict]:
    """Speaker of a dash sign-off after the quote ("...” — Jane Doe, Springfield"), in the
    quote's paragraph or, when the quote ends its paragraph, on the next line."""
    text = people.doc_text(doc)
    para_end = view.paragraphs[para_idx][1] if para_idx < len(view.paragraphs) else len(text)
    m = _SIGNOFF.match(text, close_end, para_end)
    if m is None:
        if text[close_end:para_end].strip(" \t\u00a0.,") or para_idx + 1 >= len(view.paragraphs):
            return None
        ns, para_end = view.paragraphs[para_idx + 1]
        if text.count("\n", close_end, ns) > 2:
            return None
        m = _SIGNOFF.match(text, ns, para_end)
        if m is None:
            return None
    start = m.end()
    # the name runs to the first comma, parenthesis, slash or line end
    stop = re.compile(r"[,(\[/|;\n]").search(text, start, min(para_end, start + 80))
    end = stop.start() if stop else min(para_end, start + 80)
    a, b = start, end
    while b > a and text[b - 1] in " \t.":
        b -= 1
    words = text[a:b].split()
    title, name = people.split_title(words)
    if not name or not people.looks_like_name(name) or len(name) > 4:
        # fall back to an entity after the dash
        for i in view.toks_in(start, min(para_end, start + 80)):
            t = doc[i]
            if t.ent_type_ in ("PERSON", "ORG"):
                while t.head is not t and t.head.ent_type_ == t.ent_type_ and t.head.i > t.i and doc[t.head.i].idx < para_end:
                    t = t.head
                return speaker_from_token(doc, t)
        return None
    if title:
        a = text.index(name[0], a)
    cl = people.cluster_for(doc, a, b)
    return {"name": cl["name"] if cl else " ".join(name), "mention": text[a:b], "mention_span": [a, b],
            "title": " ".join(title) or None}


def _colon_lead_in(doc: Doc, view: _DocView, q: dict, left: List[int]) -> Optional[Tuple[dict, Token]]:
    """'Doe was blunt: “...”' - a clause ending in a colon right before the quote: its subject."""
    text = people.doc_text(doc)
    j = q["open"][0] - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0 or text[j] != ":" or not left:
        return None
    lo = left[0]
    for i in left:
        t = doc[i]
        if (t.head.i < lo or t.head.i > left[-1] or t.head is t) and t.pos_ in ("VERB", "AUX"):
            subj = _subject_of(t)
            if subj is None or subj.i < lo:
                continue
            sp = speaker_from_token(doc, subj)
            if sp is not None and (sp.get("name") or subj.lower_ in people.PRONOUNS):
                return sp, t
    return None


def _prev_sentence_speaker(doc: Doc, view: _DocView, q: dict) -> Optional[dict]:
    """A quote that opens a sentence inside a paragraph, with no cue of its own, continues the
    reporting verb of the sentence before it ('The gains level off, she said. “Beyond that ...”')."""
    para = view.paragraphs[q["para"]] if q["para"] < len(view.paragraphs) else (q["start"], q["end"])
    ta = view.tok_at(q["open"][0])
    si = view.sent_of[ta]
    if si == 0:
        return None
    pa = view.toks_in(para[0], para[1])
    lo, hi = view.sents[si - 1]
    lo, hi = max(lo, pa.start), min(hi, ta)
    if hi <= lo:
        return None
    for i in range(lo, hi):
        t = doc[i]
        if view.quote_of[i] == -1 and _is_cue(t):
            subj = _subject_of(t)
            if subj is None:
                subj = _np_after(doc, t)
            if subj is not None and view.quote_of[subj.i] == -1:
                sp = speaker_from_token(doc, subj)
                if sp is not None:
                    return sp
    return None


def _attribute(doc: Doc, view: _DocView, qi: int, q: dict, quotes: List[dict]) -> Tuple[Optional[dict], Optional[Token], float]:
    """(speaker, cue token, strength) found around the quote itself, or (None, None, 0)."""
    para = view.paragraphs[q["para"]] if q["para"] < len(view.paragraphs) else (q["start"], q["end"])
    close_end = q["close"][1] if q["close"] else q["end"]
    lo, hi = _sentence_bounds(view, q["open"][0], close_end, para)
    # the sentence after the closing mark (", he said." may be split off)
    if close_end < para[1]:
        ta = view.tok_at(close_end)
        if ta < len(doc) and doc[ta].idx < close_end:
            ta += 1
        if ta < len(doc) and doc[ta].idx < para[1]:
            hi = max(hi, min(view.sents[view.sent_of[ta]][1], view.toks_in(para[0], para[1]).stop))
    q_toks = view.toks_in(q["start"], q["end"])
    left = [i for i in range(lo, hi) if doc[i].idx < q["open"][0] and view.quote_of[i] == -1]
    right = [i for i in range(lo, hi) if doc[i].idx >= close_end and view.quote_of[i] == -1]
    # stop the right context at the next quote, the left context at the previous one
    nxt = quotes[qi + 1]["open"][0] if qi + 1 < len(quotes) else None
    if nxt is not None:
        right = [i for i in right if doc[i].idx < nxt]
    if q.get("kind") == "fragment" and re.search(r"[.!?…]$", people.doc_text(doc)[q["start"]:q["end"]]):
        # a fragment that ends its sentence: the next sentence's verb is not its cue
        right = [i for i in right if view.sent_of[i] == view.sent_of[min(len(doc) - 1, view.tok_at(q["start"]))]
                 or doc[i].idx < close_end + 2]
    prv = quotes[qi - 1] if qi > 0 else None
    if prv is not None:
        pend = prv["close"][1] if prv["close"] else prv["end"]
        left = [i for i in left if doc[i].idx >= pend]

    cue = None
    strength = 0.0
    if view.has_dep:
        # 1. a cue right after the closing mark: “...,” she said / “...,” said Jane Doe
        words = [i for i in right if not doc[i].is_punct and not doc[i].is_space][:5]
        for i in words:
            if _is_cue(doc[i]):
                cue, strength = doc[i], 0.95
                break
            if doc[i].pos_ in ("VERB", "AUX") and doc[i].lemma_.lower() not in ("be", "have", "do"):
                break
        # 2. a cue that governs the quote
        if cue is None:
            g = _governing_cue(doc, view, qi, q_toks)
            if g is not None:
                cue, strength = g, 0.9
        # 3. a lead-in before the quote: X said: “...” / X told reporters, “...”
        if cue is None:
            for i in reversed(left):
                if _is_cue(doc[i]):
                    cue, strength = doc[i], 0.85
                    break
        # 4. anywhere after it in the sentence
        if cue is None:
            for i in right:
                if _is_cue(doc[i]):
                    cue, strength = doc[i], 0.75
                    break
    speaker = None
    if cue is not None:
        subj = _subject_of(cue)
        if subj is None:
            subj = _np_after(doc, cue)
        if subj is not None and subj.lower_ in ("who", "that") and subj.head.dep_ == "relcl":
            subj = subj.head.head
        if subj is not None and view.quote_of[subj.i] == qi:
            subj = None  # the parse climbed into the quote itself ("Asked about it, X said: “I ...”")
        if subj is not None:
            speaker = speaker_from_token(doc, subj)
    if speaker is None and view.has_dep:
        # a clause ending in a colon right before the quote: X was blunt: “...”
        hit = _colon_lead_in(doc, view, q, left)
        if hit is not None:
            speaker, cue, strength = hit[0], hit[1], 0.8
    if speaker is None:
        acc = _according_to(doc, view, left + right)
        if acc is not None:
            speaker = speaker_from_token(doc, acc)
            if speaker is not None:
                i = acc.i - 2 if acc.i >= 2 else acc.i
                cue, strength = doc[i], 0.85
    if speaker is None:
        sp = _dash_signoff(doc, view, close_end, q["para"])
        if sp is not None:
            speaker, strength = sp, 0.8
    if speaker is None:
        cue = cue if speaker else cue
    return speaker, cue, strength


def _sentence_subject_speaker(doc: Doc, view: _DocView, lo: int, hi: int) -> Optional[dict]:
    """Speaker from the main subject of a sentence span (person, pronoun or org)."""
    for i in range(lo, hi):
        t = doc[i]
        if view.quote_of[i] != -1:
            continue
        if t.dep_ == "ROOT" or (t.head.i < lo or t.head.i >= hi):
            subj = _subject_of(t)
            if subj is None or view.quote_of[subj.i] != -1:
                continue
            sp = speaker_from_token(doc, subj)
            if sp is not None and sp.get("name"):
                return sp
            if subj.lower_ in people.PRONOUNS:
                return sp
    return None


def _prev_paragraph_speaker(doc: Doc, view: _DocView, para_idx: int, attributed: Dict[int, dict],
                            by_para: Dict[int, List[int]]) -> Tuple[Optional[dict], float]:
    """The speaker a quote-led paragraph inherits from the paragraph before it."""
    if para_idx == 0:
        return None, 0.0
    prev_quotes = by_para.get(para_idx - 1, [])
    if prev_quotes:
        for k in reversed(prev_quotes):
            if attributed.get(k):
                return attributed[k], 0.7
        return None, 0.0
    ps, pe = view.paragraphs[para_idx - 1]
    toks = view.toks_in(ps, pe)
    if not len(toks):
        return None, 0.0
    last_sent = view.sent_of[toks.stop - 1]
    lo = max(view.sents[last_sent][0], toks.start)
    hi = min(view.sents[last_sent][1], toks.stop)
    # a cue in the last sentence: X said: / X struck a tone, saying ...
    for i in range(lo, hi):
        if _is_cue(doc[i]):
            subj = _subject_of(doc[i])
            if subj is not None:
                sp = speaker_from_token(doc, subj)
                if sp is not None:
                    return sp, 0.7
    sp = _sentence_subject_speaker(doc, view, lo, hi)
    if sp is not None and sp.get("name"):
        return sp, 0.55
    return None, 0.0


def _kind(doc: Doc, view: _DocView, q: dict) -> str:
    """direct (a quoted sentence or clause) or fragment (a few words inside the reporter's sentence)."""
    text = people.doc_text(doc)
    if q["lead"]:
        return "direct"
    j = q["open"][0] - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0 or text[j] in ":,\n.!?…" or text[j] in "”\"'’»":
        return "direct"
    toks = view.toks_in(q["start"], q["end"])
    if not len(toks):
        return "fragment"
    first = doc[toks.start]
    if view.sent_of[toks.start] != view.sent_of[max(0, toks.start - 1)] and first.text[:1].isupper():
        return "direct"
    if view.has_dep:
        for i in toks:
            t = doc[i]
            if view.quote_of[t.head.i] != view.quote_of[i] or t.head is t:
                if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and q["start"] <= c.idx < q["end"]
                                                     for c in t.children):
                    return "direct"
    return "fragment"


def find_quotes(doc: Doc, emit_indirect: bool = False) -> List[dict]:
    """All quote records of a parsed doc (pure apart from reading the people clusters)."""
    text = people.doc_text(doc)
    if not text or not len(doc):
        return []
    paragraphs = doc._.get(attrs.PARAGRAPHS) or paragraphs_of(text)
    raw = [q for q in scan_quotes(text, paragraphs) if not attrs.in_furniture(doc, q["start"], q["end"])]
    view = _DocView(doc, paragraphs)
    for qi, q in enumerate(raw):
        b = q["close"][1] if q["close"] else q["end"]
        for i in view.toks_in(q["open"][0], b):
            view.quote_of[i] = qi

    found: List[dict] = []
    for qi, q in enumerate(raw):
        q["kind"] = _kind(doc, view, q)
        speaker, cue, strength = _attribute(doc, view, qi, q, raw)
        q["speaker"], q["cue_tok"], q["strength"] = speaker, cue, strength
    # filter titles and scare quotes (needs cue info)
    kept: List[int] = []
    for qi, q in enumerate(raw):
        cue_tok = q["cue_tok"]
        has_cue = cue_tok is not None and q["strength"] >= 0.85 \
            and not (not _is_cue(cue_tok) and _is_naming_cue(cue_tok) and len(text[q["start"]:q["end"]].split()) < 2) \
            or _cue_in_sentence(doc, view, q)
        if q["lead"] or not is_title_or_scare(doc, view, q, has_cue):
            kept.append(qi)
    kept_set = set(kept)
    attributed: Dict[int, dict] = {qi: raw[qi]["speaker"] for qi in kept if raw[qi]["speaker"]}
    conf: Dict[int, float] = {qi: raw[qi]["strength"] for qi in kept if raw[qi]["speaker"]}
    runs: Dict[int, List[int]] = {}
    for qi in kept:
        runs.setdefault(raw[qi]["run"], []).append(qi)
    by_para: Dict[int, List[int]] = {}
    for qi in kept:
        by_para.setdefault(raw[qi]["para"], []).append(qi)
    for _ in range(2):  # a run can take its speaker from a quote of its first paragraph, and back
        _share_run_speakers(runs, attributed, conf)
        _share_paragraph_speakers(doc, raw, by_para, attributed, conf)
    # quote-led paragraphs with no cue: the previous paragraph's speaker (then the run again)
    for qi in kept:
        q = raw[qi]
        if qi in attributed:
            continue
        first_in_para = by_para[q["para"]][0]
        if first_in_para != qi and first_in_para not in attributed:
            continue
        if not raw[first_in_para]["lead"]:
            continue
        run_first = runs[q["run"]][0]
        para_idx = raw[run_first]["para"]
        sp, c = _prev_paragraph_speaker(doc, view, para_idx, attributed, by_para)
        if sp is not None:
            for m in set(runs[q["run"]]) | set(by_para[q["para"]]):
                if m not in attributed:
                    attributed[m] = sp
                    conf[m] = c
    # a quote opening a sentence inside a paragraph: the reporting verb of the sentence before
    for qi in kept:
        if qi in attributed or raw[qi]["lead"] or raw[qi]["kind"] != "direct":
            continue
        sp = _prev_sentence_speaker(doc, view, raw[qi])
        if sp is not None:
            for m in [qi] + [x for x in by_para[raw[qi]["para"]] if x > qi]:
                if m not in attributed:
                    attributed[m] = sp
                    conf[m] = 0.6
    # fragments and other embedded quotes: the sentence's subject
    for qi in kept:
        if qi in attributed:
            continue
        q = raw[qi]
        para = view.paragraphs[q["para"]] if q["para"] < len(view.paragraphs) else (q["start"], q["end"])
        lo, hi = _sentence_bounds(view, q["open"][0], q["end"], para)
        sp = _sentence_subject_speaker(doc, view, lo, hi)
        if sp is not None:
            attributed[qi] = sp
            conf[qi] = 0.5

    for qi in kept:
        q = raw[qi]
        sp = attributed.get(qi)
        c = conf.get(qi, 0.35) if sp else 0.35
        if sp is not None and sp.get("name") is None and sp.get("mention", "").lower() in people.PRONOUNS:
            c -= 0.15
        if not q["closed"]:
            c -= 0.1
        cue = q["cue_tok"]
        found.append({
            "start": q["start"], "end": q["end"], "kind": q["kind"],
            "cue": cue.text if cue is not None else None,
            "cue_span": [cue.idx, cue.idx + len(cue.text)] if cue is not None else None,
            "speaker": sp,
            "confidence": round(max(0.05, min(1.0, c)), 3),
        })
    if emit_indirect:
        found.extend(find_indirect(doc, view))
        found.sort(key=lambda r: r["start"])
    return found


def _share_run_speakers(runs: Dict[int, List[int]], attributed: Dict[int, dict], conf: Dict[int, float]) -> None:
    """Multi-paragraph quotes share one speaker."""
    for members in runs.values():
        if len(members) < 2:
            continue
        src = [m for m in members if m in attributed]
        if not src:
            continue
        best = max(src, key=lambda m: conf[m])
        for m in members:
            if m not in attributed:
                attributed[m] = attributed[best]
                conf[m] = min(conf[best], 0.8)


def _share_paragraph_speakers(doc: Doc, raw: List[dict], by_para: Dict[int, List[int]],
                              attributed: Dict[int, dict], conf: Dict[int, float]) -> None:
    """Unattributed quotes take the speaker of the other quotes of their paragraph."""
    for members in by_para.values():
        for m in members:
            if m in attributed:
                continue
            prev = [x for x in members if x < m and x in attributed]
            nxt = [x for x in members if x > m and x in attributed]
            src = None
            if nxt and (not prev or _gap_is_empty(doc, raw[m], raw[nxt[0]])):
                src = nxt[0]
            elif prev:
                src = prev[-1]
            elif nxt:
                src = nxt[0]
            if src is not None:
                attributed[m] = attributed[src]
                conf[m] = min(conf[src], 0.75)


def _gap_is_empty(doc: Doc, a: dict, b: dict) -> bool:
    end = a["close"][1] if a["close"] else a["end"]
    return not people.doc_text(doc)[end:b["open"][0]].strip()


def _cue_in_sentence(doc: Doc, view: _DocView, q: dict) -> bool:
    para = view.paragraphs[q["para"]] if q["para"] < len(view.paragraphs) else (q["start"], q["end"])
    close_end = q["close"][1] if q["close"] else q["end"]
    lo, hi = _sentence_bounds(view, q["open"][0], close_end, para)
    return any(view.quote_of[i] == -1 and _is_cue(doc[i]) for i in range(lo, hi))


def find_indirect(doc: Doc, view: Optional[_DocView] = None) -> List[dict]:
    """Reported speech without marks: "X said (that) CLAUSE" and "according to X, CLAUSE"."""
    if view is None:
        paragraphs = doc._.get(attrs.PARAGRAPHS) or paragraphs_of(people.doc_text(doc))
        view = _DocView(doc, paragraphs)
        for qi, q in enumerate(scan_quotes(people.doc_text(doc), paragraphs)):
            b = q["close"][1] if q["close"] else q["end"]
            for i in view.toks_in(q["open"][0], b):
                view.quote_of[i] = qi
    if not view.has_dep:
        return []
    out = []
    for tok in doc:
        if view.quote_of[tok.i] != -1 or tok.pos_ != "VERB" or tok.lemma_.lower() not in INDIRECT_VERBS:
            continue
        comp = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
        if not comp:
            continue
        c = comp[0]
        lo, hi = c.left_edge.i, c.right_edge.i + 1
        if any(view.quote_of[i] != -1 for i in range(max(0, lo - 1), min(len(doc), hi + 1))):
            continue
        if doc[lo].lower_ == "that" and doc[lo].dep_ == "mark":
            lo += 1
        while hi > lo and doc[hi - 1].is_punct:
            hi -= 1
        if hi - lo < 3:
            continue
        if not any(t.dep_ in ("nsubj", "nsubjpass") for t in c.children):
            continue
        subj = _subject_of(tok)
        if subj is None or subj.lower_ in _FIRST_PERSON or subj.lower_ in ("you", "it", "this", "that", "which", "who"):
            continue
        sp = speaker_from_token(doc, subj)
        if sp is None or (sp.get("name") is None and subj.lower_ in people.PRONOUNS):
            continue
        if attrs.in_furniture(doc, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)):
            continue
        a, b = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        out.append({"start": a, "end": b, "kind": "indirect", "cue": tok.text,
                    "cue_span": [tok.idx, tok.idx + len(tok.text)], "speaker": sp,
                    "confidence": 0.6 if sp.get("name") else 0.45})
    return out


# --------------------------------------------------------------------------- component

class QuotesComponent:
    """Writes ``doc._.claimsift_quotes``; never raises on odd text."""

    def __init__(self, nlp: Language, name: str, emit_indirect: bool = False):
        self.name = name
        self.emit_indirect = emit_indirect

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.set(attrs.QUOTES, find_quotes(doc, emit_indirect=self.emit_indirect))
        except Exception:  # a stage that fails would cost the whole article
            try:
                doc._.set(attrs.QUOTES, _marks_only(doc))
            except Exception:
                doc._.set(attrs.QUOTES, [])
        return doc


def _marks_only(doc: Doc) -> List[dict]:
    """Fallback: the quoted spans with no attribution."""
    paragraphs = doc._.get(attrs.PARAGRAPHS) or paragraphs_of(people.doc_text(doc))
    return [{"start": q["start"], "end": q["end"], "kind": "direct", "cue": None, "cue_span": None,
             "speaker": None, "confidence": 0.2} for q in scan_quotes(people.doc_text(doc), paragraphs)]


@Language.factory(
    "claimsift_quotes",
    assigns=["doc._.claimsift_quotes"],
    requires=["doc.sents", "doc.ents", "doc._.claimsift_people"],
    default_config={"emit_indirect": False},
)
def make_quotes(nlp: Language, name: str, emit_indirect: bool) -> QuotesComponent:
    return QuotesComponent(nlp, name, emit_indirect=emit_indirect)

"""The speaker of a quote without a cue of its own, from its context: a label opening its
paragraph, the reporting verb or subject of the sentence before, the paragraph before (for a
quote-led paragraph), the named owner of the noun the quoted words spell out, or the subject of
its own sentence. `find_quotes` tries them in turn."""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc, Token

from ..entities.lexicon import PRONOUNS, doc_text, looks_like_name
from ..entities.query import FIRST_PERSON, cluster_for, most_mentioned_person
from .speakers import _DocView, _is_cue, _np_after, _subject_of, speaker_from_token


def _prev_sentence_speaker(doc: Doc, view: _DocView, q: dict) -> Optional[dict]:
    """A quote that opens a sentence inside a paragraph, with no cue of its own, continues the
    reporting verb of the sentence before it ('The gains level off, she said. “Beyond that ...”'),
    or, said in the first person, is the named subject's of the sentence before."""
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
    # no reporting verb: words in the first person after a sentence about a named subject are
    # that subject's ('Doe opened a clinic in May. "We treat forty people a day."')
    b = q["close"][0] if q["close"] else q["end"]
    if any(doc[i].lower_ in FIRST_PERSON and doc[i].pos_ == "PRON" for i in view.toks_in(q["start"], b)):
        sp = _sentence_subject_speaker(doc, view, lo, hi)
        if sp is not None and sp.get("name"):
            return sp
    return None


_LABEL = re.compile(r"[ \t]*((?:[A-Z][\w.'’-]*)(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:[ \t]")
_QUESTION_LABELS = frozenset({"q", "question"})
_ANSWER_LABELS = frozenset({"a", "answer"})


def _label_speaker(doc: Doc, view: _DocView, para_idx: int, before: int) -> Optional[dict]:
    """The speaker a paragraph's label names, for a quote right after the label: a name ("Jane
    Doe: “...”") or an answer label ("A: “...”", the person the article names most: the
    interviewee). A quote inside an answer is someone else's."""
    if para_idx >= len(view.paragraphs):
        return None
    ps, pe = view.paragraphs[para_idx]
    m = _LABEL.match(doc_text(doc), ps, pe)
    if m is None or m.end() > before or doc_text(doc)[m.end():before].strip():
        return None
    label = m.group(1)
    a, b = m.span(1)
    if label.lower() in _QUESTION_LABELS:
        return None
    if label.lower() in _ANSWER_LABELS:
        name = most_mentioned_person(doc)
        return {"name": name, "mention": label, "mention_span": [a, b], "title": None} if name else None
    cl = cluster_for(doc, a, b)
    if cl is not None:
        return {"name": cl["name"], "mention": label, "mention_span": [a, b], "title": None}
    words = label.split()
    if looks_like_name(words) and len(words) >= 2:
        return {"name": label, "mention": label, "mention_span": [a, b], "title": None}
    return None


def _sentence_subject_speaker(doc: Doc, view: _DocView, lo: int, hi: int) -> Optional[dict]:
    """Speaker from the main subject of a sentence span (person, pronoun or org)."""
    for i in range(lo, hi):
        t = doc[i]
        if view.quote_of[i] != -1:
            continue
        if t.dep_ == "ROOT" or (t.head.i < lo or t.head.i >= hi):
            subj = _subject_of(t)
            if subj is None or view.quote_of[subj.i] != -1 or subj.dep_ == "nsubjpass":
                continue  # a passive subject is acted on, it does not speak
            sp = speaker_from_token(doc, subj)
            if sp is not None and sp.get("name"):
                return sp
            if subj.lower_ in PRONOUNS:
                return sp
    return None


def _owner_speaker(doc: Doc, view: _DocView, qi: int, q: dict) -> Optional[dict]:
    """The named owner of the noun that quoted words stand beside or complete: the quote's root
    is an apposition of that noun or the object of its "of"."""
    roots = [doc[i] for i in view.toks_in(q["start"], q["end"]) if view.quote_of[doc[i].head.i] != qi]
    if len(roots) != 1:
        return None
    root = roots[0]
    if root.dep_ == "appos":
        noun = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        noun = root.head.head
    else:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PROPN" or view.quote_of[owner.i] != -1:
        return None
    sp = speaker_from_token(doc, owner)
    return sp if sp is not None and sp.get("name") else None


def _depth(tok: Token) -> int:
    """How many heads lie between the token and its sentence's root."""
    n = 0
    while tok.head.i != tok.i and n < 50:
        tok, n = tok.head, n + 1
    return n


def _prev_paragraph_speaker(doc: Doc, view: _DocView, para_idx: int, attributed: Dict[int, dict],
                            by_para: Dict[int, List[int]], raw: List[dict]) -> Tuple[Optional[dict], float]:
    """The speaker a quote-led paragraph inherits from the paragraph before it."""
    if para_idx == 0:
        return None, 0.0
    prev_quotes = by_para.get(para_idx - 1, [])
    ps, pe = view.paragraphs[para_idx - 1]
    toks = view.toks_in(ps, pe)
    if prev_quotes:
        last = next((k for k in reversed(prev_quotes) if attributed.get(k)), None)
        if last is None:
            return None, 0.0
        if raw[last]["kind"] != "fragment" or not len(toks):
            return attributed[last], 0.7
        # the paragraph before ends in the reporter's words: its main reporting verb's subject
        # is who goes on speaking ("X suggested ... that Y described Z as "...". ¶ "..."), not
        # the speaker of a fragment inside it
    if not len(toks):
        return None, 0.0
    last_sent = view.sent_of[toks.stop - 1]
    lo = max(view.sents[last_sent][0], toks.start)
    hi = min(view.sents[last_sent][1], toks.stop)
    # a cue in the last sentence: X said: / X struck a tone, saying ... (the main one first)
    cues = [i for i in range(lo, hi) if view.quote_of[i] == -1 and _is_cue(doc[i])]
    cues.sort(key=lambda i: (_depth(doc[i]), i))
    for i in cues:
        subj = _subject_of(doc[i])
        if subj is not None:
            sp = speaker_from_token(doc, subj)
            if sp is not None:
                return sp, 0.7
    if prev_quotes:
        return attributed[last], 0.7
    sp = _sentence_subject_speaker(doc, view, lo, hi)
    if sp is not None and sp.get("name"):
        return sp, 0.55
    return None, 0.0

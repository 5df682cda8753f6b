"""The cue and speaker found around one quote itself (`_attribute`): a reporting verb right after
the closing mark, one that governs the quote, a lead-in before it or one later in its sentence,
a clause ending in a colon, "according to" and a dash sign-off, each with its strength."""

from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Token

from ..entities.lexicon import PRONOUNS, doc_text, looks_like_name, split_title
from ..entities.query import cluster_for
from .reported import THOUGHT_VERBS as _THOUGHT_VERBS
from .speakers import (
    _DocView,
    _is_cue,
    _is_naming_cue,
    _name_before,
    _np_after,
    _subject_of,
    speaker_from_token,
)


def _governing_cue(doc: Doc, view: _DocView, qi: int, toks: range) -> Optional[Token]:
    """The closest reporting verb outside the quote that governs its tokens."""
    best = None
    best_depth = 99
    for i in toks:
        t = doc[i]
        h = t.head
        if view.quote_of[h.i] == qi and h.i != t.i:
            continue
        depth = 0
        cur = t
        while depth < 5 and cur.head.i != cur.i:
            cur = cur.head
            depth += 1
            if view.quote_of[cur.i] != -1:
                continue
            if _is_cue(cur) or _is_naming_cue(cur):
                if cur.lemma_.lower() in _THOUGHT_VERBS or cur.tag_ == "VBG" and cur.dep_ == "advcl" \
                        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                    # words quoted in what someone believed were written by who reports it
                    # ("X said the minister believed it would be “a disaster”"), and in what a
                    # situation suggests (“..., suggesting the cuts “will hurt”, she said”)
                    outer = cur
                    while outer.dep_ in ("ccomp", "conj", "xcomp", "advcl") and outer.head.i != outer.i:
                        outer = outer.head
                        if view.quote_of[outer.i] == -1 and _is_cue(outer) \
                                and outer.lemma_.lower() not in _THOUGHT_VERBS:
                            cur = outer
                            break
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


def _according_to(doc: Doc, left: Sequence[int], right: Sequence[int]) -> Optional[Token]:
    """The source of the "according to" that attributes a quote: the one right after it (only
    punctuation between: "“...,” according to X"), else the nearest before it, else the first
    after it. An earlier one in the sentence may attribute a clause of its own ("According to the
    log, X left, and “...,” according to Y")."""
    hits_right = [i for i in right if _according_at(doc, i)]
    if hits_right and all(doc[i].is_punct for i in right if i < hits_right[0]):
        return _according_source(doc, hits_right[0])
    hits_left = [i for i in left if _according_at(doc, i)]
    if hits_left:
        return _according_source(doc, hits_left[-1])
    return _according_source(doc, hits_right[0]) if hits_right else None


def _according_at(doc: Doc, i: int) -> bool:
    return doc[i].lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to"


def _according_source(doc: Doc, i: int) -> Optional[Token]:
    for c in doc[i + 1].children:
        if c.dep_ == "pobj":
            return c
    return doc[i + 2] if i + 2 < len(doc) else None


_SIGNOFF = re.compile(r"[ \t\u00a0]*(?:—|–|―|--|-)[ \t\u00a0]*")


def _dash_signoff(doc: Doc, view: _DocView, close_end: int, para_idx: int) -> Optional[dict]:
    """Speaker of a dash sign-off after the quote ("...” — Jane Doe, Springfield"), in the
    quote's paragraph or, when the quote ends its paragraph, on the next line."""
    text = doc_text(doc)
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
    title, name = split_title(words)
    if not name or not looks_like_name(name) or len(name) > 4:
        # fall back to an entity after the dash
        for i in view.toks_in(start, min(para_end, start + 80)):
            t = doc[i]
            if t.ent_type_ in ("PERSON", "ORG"):
                while t.head.i != t.i and t.head.ent_type_ == t.ent_type_ and t.head.i > t.i and doc[t.head.i].idx < para_end:
                    t = t.head
                return speaker_from_token(doc, t)
        return None
    if title:
        a = text.index(name[0], a)
    cl = cluster_for(doc, a, b)
    return {"name": cl["name"] if cl else " ".join(name), "mention": text[a:b], "mention_span": [a, b],
            "title": " ".join(title) or None}


def _colon_lead_in(doc: Doc, view: _DocView, q: dict, left: List[int]) -> Optional[Tuple[dict, Token]]:
    """'Doe was blunt: “...”' - a clause ending in a colon right before the quote: its subject."""
    text = doc_text(doc)
    j = q["open"][0] - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0 or text[j] != ":" or not left:
        return None
    lo = left[0]
    for i in left:
        t = doc[i]
        if (t.head.i < lo or t.head.i > left[-1] or t.head.i == t.i) and t.pos_ in ("VERB", "AUX"):
            subj = _subject_of(t)
            if subj is None or subj.i < lo:
                continue
            sp = speaker_from_token(doc, subj)
            if sp is not None and (sp.get("name") or subj.lower_ in PRONOUNS):
                return sp, t
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
    if q.get("kind") == "fragment" and re.search(r"[.!?…]$", doc_text(doc)[q["start"]:q["end"]]):
        # a fragment that ends its sentence: the next sentence's verb is not its cue
        right = [i for i in right if view.sent_of[i] == view.sent_of[min(len(doc) - 1, view.tok_at(q["start"]))]
                 or doc[i].idx < close_end + 2]
    prv = quotes[qi - 1] if qi > 0 else None
    if prv is not None:
        pend = prv["close"][1] if prv["close"] else prv["end"]
        left = [i for i in left if doc[i].idx >= pend]

    cue = None
    strength = 0.0
    if re.search(r"[.!?…]$", doc_text(doc)[q["start"]:q["end"]]):
        # a quote that ends its own sentence is not what a later verb with its own object or
        # clause reports ("... this." Jane Doe praised the coach's view / said that ...)
        right = [i for i in right if not (_is_cue(doc[i]) and _reports_something_else(doc[i], close_end))]
    if view.has_dep:
        # 1. a cue right after the closing mark: “...,” she said / “...,” said Jane Doe
        words = [i for i in right if not doc[i].is_punct and not doc[i].is_space][:5]
        for i in words:
            if doc[i].pos_ == "SCONJ" or doc[i].dep_ == "mark":
                break  # “...” if the union does not agree: a clause of its own, not the attribution
            if doc[i].tag_ == "TO":
                break  # it is “much too soon” to say ...: an infinitive, not the attribution
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
            subj = _np_after(doc, cue) or _name_before(doc, cue)
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
        acc = _according_to(doc, left, right)
        if acc is not None:
            speaker = speaker_from_token(doc, acc)
            if speaker is not None:
                i = acc.i - 2 if acc.i >= 2 else acc.i
                cue, strength = doc[i], 0.85
    if speaker is None:
        sp = _dash_signoff(doc, view, close_end, q["para"])
        if sp is not None:
            speaker, strength = sp, 0.8
    return speaker, cue, strength


def _reports_something_else(cue: Token, after: int) -> bool:
    """The cue has an object or a reported clause of its own after the character offset `after`."""
    return any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") and c.idx >= after for c in cue.children)


def _cue_in_sentence(doc: Doc, view: _DocView, q: dict) -> bool:
    para = view.paragraphs[q["para"]] if q["para"] < len(view.paragraphs) else (q["start"], q["end"])
    close_end = q["close"][1] if q["close"] else q["end"]
    lo, hi = _sentence_bounds(view, q["open"][0], close_end, para)
    return any(view.quote_of[i] == -1 and _is_cue(doc[i]) for i in range(lo, hi))

"""Attribution: the cue and speaker of every quoted span (reporting verbs, "according to", colon
lead-ins, dash sign-offs, runs and paragraphs), the quote kinds, and indirect speech."""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Token

from .. import attrs
from ..entities.lexicon import PRONOUNS, doc_text, looks_like_name, split_title
from ..entities.query import FIRST_PERSON, cluster_for, most_mentioned_person
from .filters import is_title_or_scare, leads_as_a_title
from .interview import scan_answers
from .marks import paragraphs_of, scan_quotes
from .reported import THOUGHT_VERBS as _THOUGHT_VERBS, find_reported
from .sharing import share_paragraph_speakers, share_repeated_words, share_report_speakers, share_run_speakers
from .speakers import (
    _DocView,
    _is_cue,
    _is_naming_cue,
    _name_before,
    _np_after,
    _subject_of,
    speaker_from_token,
)

# --------------------------------------------------------------------------- attribution

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
    return speaker, cue, strength


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


def _reports_something_else(cue: Token, after: int) -> bool:
    """The cue has an object or a reported clause of its own after the character offset `after`."""
    return any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") and c.idx >= after for c in cue.children)


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


def _kind(doc: Doc, view: _DocView, q: dict) -> str:
    """direct (a quoted sentence or clause) or fragment (a few words inside the reporter's sentence)."""
    text = doc_text(doc)
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
            if view.quote_of[t.head.i] != view.quote_of[i] or t.head.i == t.i:
                if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and q["start"] <= c.idx < q["end"]
                                                     for c in t.children):
                    return "direct"
    return "fragment"


def _identified(speaker: dict) -> float:
    """How surely a speaker is identified, as a factor on the attribution's strength: a name in
    the text, a pronoun or a role noun resolved to a name ("she", "the agency", "the singer":
    resolution errs on unseen articles), or a mention that names no one ("the director")."""
    if speaker.get("name") is None:
        return 0.6
    return 1.0 if _names(speaker.get("mention") or "", speaker["name"]) else 0.8


_WORD = re.compile(r"[\w’'-]+")


def _names(mention: str, name: str) -> bool:
    """The mention writes the name or part of it ("Mr Doe" for "Jane Doe"), or an acronym."""
    words = {w.lower() for w in _WORD.findall(mention)}
    return bool(words & {w.lower() for w in _WORD.findall(name)}) or any(w.isupper() and len(w) > 1 for w in _WORD.findall(mention))


def find_quotes(doc: Doc, emit_indirect: bool = True) -> List[dict]:
    """All quote records of a parsed doc (pure apart from reading the people clusters)."""
    text = doc_text(doc)
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
        title = leads_as_a_title if q["lead"] else is_title_or_scare  # a lead quote is a title only as a subject
        if not title(doc, view, q, has_cue):
            kept.append(qi)
    attributed: Dict[int, dict] = {qi: raw[qi]["speaker"] for qi in kept if raw[qi]["speaker"]}
    conf: Dict[int, float] = {qi: raw[qi]["strength"] for qi in kept if raw[qi]["speaker"]}
    runs: Dict[int, List[int]] = {}
    for qi in kept:
        runs.setdefault(raw[qi]["run"], []).append(qi)
    by_para: Dict[int, List[int]] = {}
    for qi in kept:
        by_para.setdefault(raw[qi]["para"], []).append(qi)
    for _ in range(2):  # a run can take its speaker from a quote of its first paragraph, and back
        share_run_speakers(runs, attributed, conf)
        share_paragraph_speakers(doc, raw, by_para, attributed, conf, forward=False)
    # a paragraph labelled with its speaker, as interviews are laid out ("Jane Doe: ...", "A: ...")
    for qi in kept:
        if qi not in attributed:
            sp = _label_speaker(doc, view, raw[qi]["para"], raw[qi]["open"][0])
            if sp is not None:
                attributed[qi], conf[qi] = sp, 0.7
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
        sp, c = _prev_paragraph_speaker(doc, view, para_idx, attributed, by_para, raw)
        if sp is not None:
            for m in set(runs[q["run"]]) | set(by_para[q["para"]]):
                if m not in attributed:
                    attributed[m] = sp
                    conf[m] = c
    # then a paragraph-leading quote may take the speaker of a later quote of its paragraph
    share_paragraph_speakers(doc, raw, by_para, attributed, conf)
    share_run_speakers(runs, attributed, conf)
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
    # fragments and other embedded quotes: the owner of the noun the words spell out ("X's first
    # plan, “a directory for campuses”", "X's offer of “free repairs”"), else the sentence's subject
    for qi in kept:
        if qi in attributed:
            continue
        sp = _owner_speaker(doc, view, qi, raw[qi])
        if sp is not None:
            attributed[qi] = sp
            conf[qi] = 0.5
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

    share_repeated_words(text, raw, kept, attributed, conf)
    reported = find_reported(doc, view) if emit_indirect else []
    share_report_speakers(raw, kept, reported, attributed, conf)

    for qi in kept:
        q = raw[qi]
        sp = attributed.get(qi)
        c = conf.get(qi, 0.35) * _identified(sp) if sp else 0.35
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
    found.extend(_interview_answers(doc, paragraphs, raw))
    found.extend(reported)
    found.sort(key=lambda r: r["start"])
    return found


def _interview_answers(doc: Doc, paragraphs: Sequence[Sequence[int]], raw: List[dict]) -> List[dict]:
    """The answers of a Q&A article as direct quotes of the interviewee: the person the label
    names ("Doe: ..."), else the person the article names most outside the answers."""
    answers = scan_answers(doc_text(doc), paragraphs)
    if not answers:
        return []
    interviewee = most_mentioned_person(doc, outside=[(a["start"], a["end"]) for a in answers])
    out = []
    for ans in answers:
        if any(q["open"][0] <= ans["start"] and ans["end"] <= q["end"] + 1 for q in raw):
            continue  # a quoted answer: the mark scanner has it
        speaker = None
        label, span = ans["label"], ans["label_span"]
        if label is not None and label.lower() not in ("a", "answer") and span is not None:
            cl = cluster_for(doc, span[0], span[1])
            speaker = {"name": cl["name"] if cl else label, "mention": label, "mention_span": list(span),
                       "title": None}
        elif interviewee is not None:
            speaker = {"name": interviewee, "mention": label, "mention_span": list(span) if span else None,
                       "title": None}
        out.append({"start": ans["start"], "end": ans["end"], "kind": "direct", "cue": None, "cue_span": None,
                    "speaker": speaker, "confidence": 0.7 if speaker else 0.35})
    return out


def _cue_in_sentence(doc: Doc, view: _DocView, q: dict) -> bool:
    para = view.paragraphs[q["para"]] if q["para"] < len(view.paragraphs) else (q["start"], q["end"])
    close_end = q["close"][1] if q["close"] else q["end"]
    lo, hi = _sentence_bounds(view, q["open"][0], close_end, para)
    return any(view.quote_of[i] == -1 and _is_cue(doc[i]) for i in range(lo, hi))

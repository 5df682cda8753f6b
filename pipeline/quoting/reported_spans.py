"""Reported speech, the bounds of a record: the content span without its mark, dateline and
trailing punctuation, the cue as written, quoted words inside a clause, and the trims that end a
reported clause before what is not reported (a trailing attribution, a framing adjunct, the
reporter's comment, a clause of the reporter's own)."""

from __future__ import annotations

from typing import Optional, Tuple

from spacy.tokens import Doc, Token

from .. import attrs
from ..datelines import story_start
from ..entities.lexicon import DOCUMENT_NOUNS, doc_text
from .speakers import _DocView
from .reported_clauses import (
    _CLAUSE_MARKS,
    _CLEAR_WORDS,
    _CONCESSIVE_MARKS,
    _FINITE_TAGS,
    _HEARER_VERBS,
    _INFERENCE_VERBS,
    _MODALS,
    _STRIP_END,
    REPORTED_NOUNS,
    REPORTED_VERBS,
)

# --------------------------------------------------------------------------- spans

def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _content_span(doc: Doc, lo: int, hi: int) -> Optional[Tuple[int, int]]:
    """Character span of tokens [lo, hi) without a leading mark ("that", "whether"), a leading
    discourse adverb with its comma ("Nevertheless, "), a dateline and trailing punctuation; quote
    marks stay when the content holds both ends of the quote."""
    text = doc_text(doc)
    while lo < hi and (doc[lo].is_punct and not doc[lo].is_quote or doc[lo].is_space):
        lo += 1
    if lo + 1 < hi and doc[lo].lower_ in _CLAUSE_MARKS and not (doc[lo + 1].tag_ in _FINITE_TAGS
                                                                   or doc[lo + 1].pos_ == "AUX"):
        lo += 1  # not the subject in "said that would never work"
    while lo < hi and (doc[lo].is_punct and not doc[lo].is_quote or doc[lo].is_space):
        lo += 1  # "found that, at night, ..."
    if lo + 1 < hi and doc[lo].pos_ in ("ADV", "CCONJ") and doc[lo + 1].text == ",":
        lo += 2
    elif lo < hi and doc[lo].pos_ == "CCONJ":
        lo += 1  # "But the plan failed, X said"
    while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].text in _STRIP_END or doc[hi - 1].pos_ == "CCONJ"
                       or doc[hi - 1].is_punct and doc[hi - 1].text not in ")]" and not doc[hi - 1].is_quote
                       and not _glued_sign(doc[hi - 1])):
        hi -= 1
    if hi - lo < 3:
        return None
    a, b = doc[lo].idx, _end(doc[hi - 1])
    start = story_start(text, a, doc._.get(attrs.PARAGRAPHS))
    if start < b:
        a = start  # "CITY (Agency) - " opening the paragraph
    # a closing mark whose opening mark is not inside belongs to a quote that is not all inside
    if text[b - 1] == '"' and text.count('"', a, b) % 2 == 1 or text[b - 1] == "”" and "“" not in text[a:b]:
        b -= 1
    while b > a and text[b - 1] in " \t" + _STRIP_END:
        b -= 1
    return (a, b) if b - a >= 8 else None


def _glued_sign(tok: Token) -> bool:
    """A sign written onto the number before it, part of the amount ("5%", "40°")."""
    return tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ and tok.doc[tok.i - 1].like_num


def _cue_span(doc: Doc, verb: Token, clause_lo: int) -> Tuple[int, int]:
    """The reporting verb as written: with its auxiliaries and adverbs ("has long argued"), its
    particle ("pointed out") and, for verbs of telling, the hearer ("told reporters")."""
    a = verb.i
    while a > 0 and (doc[a - 1].dep_ in ("aux", "advmod") and doc[a - 1].head.i == verb.i
                     and doc[a - 1].dep_ != "neg"):
        a -= 1
    while a < verb.i and doc[a].dep_ == "advmod":
        a += 1
    b = verb.i
    clear = [c for c in verb.rights if c.lower_ in _CLEAR_WORDS and c.i < clause_lo]
    if verb.lemma_.lower() == "make" and clear:
        return doc[a].idx, _end(clear[0])  # "made it clear"
    for c in verb.rights:
        if c.i >= clause_lo:
            break
        if c.dep_ == "prt" or (verb.lemma_.lower() in _HEARER_VERBS and c.dep_ in ("dobj", "dative")):
            b = c.right_edge.i
        else:
            break
    return doc[a].idx, _end(doc[b])


def _quote_mix_ok(view: _DocView, lo: int, hi: int) -> bool:
    """A clause may hold quoted words, but must not be quoted itself: every quote it touches lies
    wholly inside it, and its first token lies outside quotes or opens quoted words after which a
    clause of the reporter's own goes on ('X has warned "there could be trouble" if Y refuses')."""
    doc = view.doc
    quotes = {view.quote_of[i] for i in range(lo, hi)} - {-1}
    if not quotes:
        return True
    first = lo
    while first < hi and doc[first].lower_ in _CLAUSE_MARKS:
        first += 1
    if first >= hi:
        return False
    opening = view.quote_of[first]
    if opening != -1:
        k = lo - 1
        while k >= 0 and view.quote_of[k] == opening:
            k -= 1
        before = lo - 1 - k  # tokens of that quote right before the clause: at most its opening mark
        if before > 1 or before == 1 and not doc[lo - 1].is_quote:
            return False  # the clause begins inside a quote that opened before it
        last = max(i for i in range(first, hi) if view.quote_of[i] == opening)
        own = [i for i in range(last + 1, hi) if view.quote_of[i] == -1 and not doc[i].is_punct and doc[i].pos_ != "CCONJ"]
        if not any(doc[i].pos_ in ("VERB", "AUX") for i in own) and (len(own) < 2 or first == lo):
            # no words of the reporter's own go on after it (a clause, or after "that" a phrase:
            # 'that "...," from regulators'): the quote's record has it
            return False
    for qi in quotes:
        if qi != opening and lo > 0 and view.quote_of[lo - 1] == qi \
                or hi < len(doc) and view.quote_of[hi] == qi and not doc[hi].is_punct:
            return False
    return True


def _record(doc: Doc, span: Tuple[int, int], cue: Tuple[int, int], sp: Optional[dict]) -> dict:
    text = doc_text(doc)
    conf = 0.6 if sp and sp.get("name") else 0.45 if sp else 0.35
    return {"start": span[0], "end": span[1], "kind": "indirect", "cue": text[cue[0]:cue[1]],
            "cue_span": [cue[0], cue[1]], "speaker": sp, "confidence": conf}


def _trim_trailing_attribution(doc: Doc, lo: int, hi: int, before_verb: bool = False) -> int:
    """End of a clause before a trailing attribution the parse left inside it ("X promised he
    would resign, a memoir claims": a comma and a reporting verb with a subject and no
    clause or object of its own, at the end), or, for a clause after its reporting verb, before a
    report of its own (", adding ..."; before the verb, "S replied, urging Y to wait, X wrote", the
    participle belongs to the reported clause)."""
    for i in range(lo + 3, hi if not before_verb else lo + 3):
        t = doc[i]
        if t.tag_ == "VBG" and t.lemma_.lower() in REPORTED_VERBS and doc[i - 1].text == "," \
                and t.dep_ in ("advcl", "conj", "xcomp") and not _inference(t):
            return i - 1  # "..., adding / noting ...": a report of its own
    for i in range(hi - 1, lo + 2, -1):
        t = doc[i]
        if t.lemma_.lower() in REPORTED_VERBS and t.pos_ == "VERB" \
                and any(c.dep_ == "nsubj" and c.i < t.i for c in t.children) \
                and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in t.children) \
                and all(doc[k].is_punct or doc[k].head.i == t.i or doc[k].head.head.i == t.i for k in range(t.i + 1, hi)):
            k = t.left_edge.i
            if k > lo and doc[k - 1].text == ",":
                return k - 1
    return hi


def _inference(verb: Token) -> bool:
    """", suggesting that ...": a participle of inference without a subject, hung on a clause
    that is no report ("Prices fell, suggesting that ..."): the facts imply it, no one says it."""
    return verb.tag_ == "VBG" and verb.lemma_.lower() in _INFERENCE_VERBS and verb.dep_ == "advcl" \
        and not any(c.dep_ == "nsubj" for c in verb.children) and verb.head.lemma_.lower() not in REPORTED_VERBS


def _trim_framing_adjunct(doc: Doc, clause: Token, lo: int, hi: int) -> int:
    """End of a clause before a trailing adjunct, set off by a comma, that frames the report
    instead of saying it: one that names another act of speech ("..., following reports that
    ...", "..., with a statement reading ...") or a concession that is a report of its own
    ("..., though she conceded that ...")."""
    for c in clause.children:
        k = c.left_edge.i
        if c.i < clause.i or not lo < k < hi or doc[k - 1].text != ",":
            continue
        if c.dep_ == "prep":
            names_speech = any(t.pos_ == "NOUN" and (t.lemma_.lower() in REPORTED_NOUNS or t.lemma_.lower() in DOCUMENT_NOUNS)
                               for t in c.subtree)
        elif c.dep_ == "advcl":
            names_speech = c.lemma_.lower() in REPORTED_VERBS and any(
                g.dep_ == "mark" and g.lower_ in _CONCESSIVE_MARKS for g in c.children)
        else:
            names_speech = False
        if names_speech:
            return k - 1
    return hi


def _trim_sentential_relative(doc: Doc, lo: int, hi: int) -> int:
    """End of a clause before ", which ..." said of the whole clause rather than of a noun ("they
    are too slow, which is no surprise"): the reporter's comment. The relative clause hangs on an
    adjective or a verb (as a relative or an adverbial clause), not on a noun."""
    for i in range(lo + 2, hi):
        t = doc[i]
        if t.lower_ == "which" and doc[i - 1].text == "," and t.head.dep_ in ("relcl", "advcl") \
                and t.head.head.pos_ in ("ADJ", "VERB", "AUX"):
            return i - 1
    return hi


def _continues_clause(verb: Token, conj: Token) -> bool:
    """A conjoined verb that continues the reported clause rather than the report: no subject
    of its own, a modal of its own ("would", "will"), where the reporting verb has none."""
    return not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in conj.children) \
        and any(g.dep_ == "aux" and g.lower_ in _MODALS for g in conj.children) \
        and not any(g.dep_ == "aux" and g.lower_ in _MODALS for g in verb.children)


def _shares_modal(clause: Token, conj: Token) -> bool:
    """A bare verb conjoined to a clause with a modal, without a subject of its own: the same
    reported clause goes on ("he would take the car and tell her ..."), it is no report of its own."""
    return conj.tag_ == "VB" and not any(g.dep_ in ("nsubj", "nsubjpass", "aux") for g in conj.children) \
        and any(g.dep_ == "aux" and g.lower_ in _MODALS for g in clause.children)


def _trim_new_main_clause(doc: Doc, clause: Token, lo: int, hi: int) -> int:
    """End of a reported clause before a clause of its own that the parse hung on it: after a
    comma, with its own subject and no "and"/"but" ("While X say [the risk is low], Y's decision
    raises doubts"), or after ", so"."""
    for c in clause.children:
        k = c.left_edge.i
        if k > 1 and doc[k - 1].lower_ == "so" and doc[k - 2].text == ",":
            k -= 1
        if c.dep_ != "conj" or c.i < clause.i or not lo < k < hi or doc[k - 1].text != ",":
            continue
        if any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children) \
                and not any(g.dep_ == "cc" and g.lower_ != "so" and clause.i < g.i < c.i for g in clause.children):
            return k - 1  # (", so ...": what the reporter concludes from it)
    return hi


def _closing_marks(view: _DocView, hi: int) -> Optional[int]:
    """End of a clause taking in the closing punctuation of quoted words it ends with that the
    parse hung elsewhere ('“a disgrace.”' with its marks on the verb); None when the quote goes on
    past the clause (a mark never closed)."""
    doc = view.doc
    while hi < len(doc) and doc[hi].is_punct and view.quote_of[hi] != -1 and view.quote_of[hi] == view.quote_of[hi - 1]:
        hi += 1
    if hi < len(doc) and view.quote_of[hi] != -1 and view.quote_of[hi] == view.quote_of[hi - 1]:
        return None
    return hi

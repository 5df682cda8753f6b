"""The owners of the two members of a pair of figures ("52% to 46%", "a 24-10 loss", "between X
and Y") and of a range of one quantity ("$3-5 million")."""

from __future__ import annotations

import bisect
import re
from typing import List, Optional, Tuple

from spacy.tokens import Doc, Span, Token

from ..components.quantities import Quantity
from .about import CHANGE_WORDS
from .common import LOSE_VERBS, STOP_AT_THING, _kids, _text, _words_in
from .names import _by_start, _full_org, _org_mentions, _person_names, _persons_in, entity_name
from .subjects import _explicit_subject, _nominal, climb_subject


def _pair_subjects(doc: Doc, a: Quantity, b: Quantity, ra: Token, rb: Token,
                   sent: Span) -> Tuple[Optional[str], Optional[str], Optional[Token]]:
    """Owners of the two members of "52% to 46%" / "38%-27%" / "52.4% to Okafor' 47.6%"."""
    na, nb = _nominal(ra), _nominal(rb)
    if _one_quantity(a, b, na, nb):
        # "lose $3-5 million", "a 1% to 2% improvement": a range of one thing, one owner
        owner = _explicit_subject(na, ra, a.kind) or _explicit_subject(nb, rb, b.kind)
        subj, verb, thing = climb_subject(nb if nb.pos_ == "NOUN" else na)
        # ("teens 15 to 17 years old": no one named, the thing the range is of)
        owner = owner or subj or (thing if STOP_AT_THING else None)
        return owner, owner, verb
    ea = _explicit_subject(na, ra, a.kind)
    eb = _explicit_subject(nb, rb, b.kind) if rb is not ra else None
    # "for Okafor" right after the second member also covers a pair ("52.4% to 47.6% for Okafor")
    if eb is None:
        m = re.match(r"\s+(?:for|to)\s+", _text(doc)[b.end:b.end + 10])
        if m:
            t = doc.char_span(b.end + m.end(), min(len(_text(doc)), b.end + m.end() + 40),
                              alignment_mode="expand")
            if t is not None and len(t) and t[0].pos_ in ("PROPN",):
                eb = entity_name(t[0])
    subj, verb, _ = climb_subject(na if ea is None else nb)
    lose = verb is not None and verb.lemma_.lower() in LOSE_VERBS
    noun = nb if nb.pos_ == "NOUN" else na
    if not lose and noun.pos_ == "NOUN" and noun.lemma_.lower() in LOSE_VERBS:
        # "the Owls' 24-10 loss": the owner of the loss is one side, not both
        lose = True
        if eb == ea:
            eb = None
    # object of the verb: "Okafor led Brenner 52% to 46%"
    obj = None
    if verb is not None:
        for ch in _kids(verb):
            if ch.dep_ in ("dobj", "dative") and ch.i < ra.i:
                obj = entity_name(ch)
                break
    # "between X and Y"
    between = []
    betweens = _words_in(sent, "between")
    k = bisect.bisect_right(betweens, rb.i)
    if k < len(betweens):
        t = doc[betweens[k]]
        for p in _kids(t):
            if p.dep_ == "pobj":
                between = [entity_name(p)] + [entity_name(c) for c in p.conjuncts]
    between = [x for x in between if x]
    if ea is None:
        if len(between) >= 2:
            ea = between[0]
        else:
            ea = subj
    if eb is None:
        if len(between) >= 2:
            eb = between[1]
        elif obj and obj != ea:
            eb = obj
        elif not lose:
            eb = _opponent(verb, noun, _BEATEN_PREPS)  # "a 21-17 win over the Rams": the Rams' 17
    if lose and ea is not None and eb is None:
        eb = ea
        ea = _opponent(verb, noun)
    if ea is None or eb is None:
        known = ea or eb
        if known is not None and known not in _person_names(doc):
            # the other side of an organization's (or a place's team's) score is another one
            def _orgs_in(a: int, b: int) -> List[Tuple[int, str]]:
                return [(x, _full_org(doc, n) or n) for x, _, n in _by_start(_org_mentions(doc), a, b)]
            def _other(n: str) -> bool:  # ("the Bank" is the known bank)
                return n != known and not set(n.split()) <= set(known.split())
            others = [n for _, n in _orgs_in(sent.start_char, sent.end_char) if _other(n)]
            if not others:  # an organization only the recognizer found
                others = [n for n in (entity_name(e.root) for e in sent.ents if e.label_ == "ORG")
                          if n and _other(n)]
            if not others:
                start = max(0, sent.start_char - 1200)
                others = [n for _, n in reversed(_orgs_in(start, sent.start_char)) if _other(n)]
        else:
            others = [n for at, n in _persons_in(doc, sent.start_char, sent.end_char, "person")
                      if n != known and not _next_opponent(doc, at)]
        if not others and (known is None or known in _person_names(doc)):
            # look back a few sentences for the other side (a person, the latest first)
            start = max(0, sent.start_char - 1200)
            others = [n for _, n in reversed(_persons_in(doc, start, sent.start_char, "person"))
                      if n != known]
        if ea is None and others:
            ea = others[0]
        elif eb is None and others:
            eb = others[0]
    if lose and eb is not None and ea is not None and b.value > a.value:
        ea, eb = eb, ea  # the side that lost holds the smaller number, wherever it is written
    return ea, eb, verb


def _one_quantity(a: Quantity, b: Quantity, na: Token, nb: Token) -> bool:
    """True when a pair of figures is the range of one quantity rather than two sides' shares:
    two sums of money or spans of time, a movement "from X to Y", or two figures of one change or
    range ("a 4% to 5% rise", "a 2-3% target range")."""
    if a.kind == b.kind and a.kind in ("money", "duration", "age", "measure"):
        return True
    text = _text(na.doc)
    if re.match(r"\s*to\s*$", text[a.end:b.start]) and re.search(r"\bfrom\b", text[max(0, a.start - 25):a.start]):
        return True  # "fell from 9% to 6%": one thing's values
    noun = nb if nb.pos_ == "NOUN" else na
    return noun.pos_ == "NOUN" and (noun.lemma_.lower() in CHANGE_WORDS or noun.lemma_.lower() == "range")


_FIXTURES = frozenset({"meeting", "clash", "showdown", "date", "match", "final", "tie", "rematch", "encounter"})


def _next_opponent(doc: Doc, at: int) -> bool:
    """True when the person mentioned at `at` is whom a win books the next match with ("won 6-4 7-5
    and booked a clash with Jo Reed"): a later match's opponent, not this score's other side."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    tok = span[0] if span is not None and len(span) else None
    while tok is not None and tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    if tok is None or tok.dep_ != "pobj" or tok.head.lower_ != "with":
        return False
    host = tok.head.head  # ("booked a clash with X": the "with" on the noun or on the verb)
    return host.lemma_.lower() in _FIXTURES or any(
        c.dep_ == "dobj" and c.lemma_.lower() in _FIXTURES for c in _kids(host))


_WINNER_PREPS = ("to", "against")
_BEATEN_PREPS = ("over", "against")


def _opponent(verb: Optional[Token], noun: Token, preps: Tuple[str, ...] = _WINNER_PREPS) -> Optional[str]:
    """The other side: who won ("lost 24-10 to the Rams", "a 24-10 loss against the Rams"), or with
    `preps` _BEATEN_PREPS who lost ("a 24-10 win over the Rams")."""
    for word in (verb, noun):
        for ch in _kids(word) if word is not None else ():
            if ch.dep_ == "prep" and ch.lower_ in preps:
                for p in _kids(ch):
                    if p.dep_ == "pobj":
                        n = entity_name(p)
                        if n:
                            return n
    return None

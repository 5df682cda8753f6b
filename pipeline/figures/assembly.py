"""Figure assembly: each quantity of the article with its subject, predicate, statement, time and
source (`extract_figures`)."""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc, Span, Token

from .. import attrs, wordlists
from ..components.quantities import TIME_UNITS, Quantity, find_quantities
from ..numbers.lexicon import ONE_IDIOM_NOUNS, YEAR_RE
from .attribution import _attribution
from .common import ATTRIBUTION_VERBS, ID_LABELS, STOP_AT_THING, _kids, _sent_of, _text
from .kinds import subject_kind
from .names import _owner_in_np, _persons_in, entity_name
from .about import measured_thing, noun_phrase
from .owners import absolute_owner, unnamed_possessor
from .statement import MAX_CLAUSE_TOKENS, claim_statement
from .pairs import _pair_subjects
from .subjects import (
    _explicit_subject,
    _figure_root,
    _nominal,
    _number_token,
    clause_entity,
    climb_subject,
)
from .time import _time_for

# ----------------------------------------------------------------------------------------------
# per figure
# ----------------------------------------------------------------------------------------------


_ORDINAL_FORM = re.compile(r"\d+(?:st|nd|rd|th)|[^\W\d_]+(?:-[^\W\d_]+)*", re.IGNORECASE)
"""How an ordinal is written: "3rd", "third", "twenty-first"."""


def _reject_by_parse(doc: Doc, q: Quantity, num: Token, root: Token) -> bool:
    """Numbers the pure layer kept that the parse and NER show are not figures."""
    if num.ent_type_ == "ORDINAL" and q.unit != "fraction" and _ORDINAL_FORM.fullmatch(num.text):
        return True  # ("a third said" is a share; "20bn" tagged ORDINAL is no ordinal)
    if q.kind in ("count", "other") and q.unit not in ("fraction", "times"):
        if num.ent_type_ in ("DATE", "TIME"):
            # keep counted things ("24,000 votes"), drop bare day numbers and years, and a year
            # that is the subject of its clause ("2005 offers a chance": no noun is counted)
            if q.bare or (q.noun or "") in TIME_UNITS:
                return True
            if YEAR_RE.match(num.text) and num.dep_ not in ("nummod", "compound"):
                return True
        if num.ent_type_ in ID_LABELS and q.bare:
            return True
        if q.words and q.value == 1 and num.dep_ == "nummod" and num.head.lower_ in ONE_IDIOM_NOUNS:
            return True  # "one popular way to", "one fine day"
        if q.words and not q.extra.get("counted") and _named_group(doc, num):
            return True  # "the Harbour four appealed": a number that names a group after a name
        if q.words and not q.extra.get("counted") and num.dep_ not in NUMBER_ROLES:
            if not _heads_own_phrase(doc, q, num):
                return True
            q.noun = None  # "Two voted": the word after is the verb, not a counted noun
    return False


def _named_group(doc: Doc, num: Token) -> bool:
    """A word number right after a capitalized name that it belongs to ("the Harbour four
    appealed", "Harbour four freed"): the parse makes the name its head or its compound."""
    if num.i == 0:
        return False
    before = doc[num.i - 1]
    if not before.text[:1].isupper() or before.pos_ in ("DET", "PRON", "ADV", "ADP", "CCONJ", "SCONJ", "AUX"):
        return False
    return (num.dep_ == "nummod" and num.head.i == before.i) or \
        (before.dep_ == "compound" and before.head.i == num.i)


NUMBER_ROLES = frozenset({"nummod", "compound", "quantmod", "amod", "npadvmod", "appos", "nmod"})
"""Parse roles of a word number that counts the noun it goes with."""
DATING_WORDS = frozenset({"last", "next", "this", "that", "every", "each", "per", "a", "an", "the"})
"""Words between a number and a time noun that make the noun a date or a rate, not the number's unit."""

HEAD_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "conj", "appos", "pobj", "dative",
                        "oprd"})
"""Parse roles of a word number that stands for the things it counts ("all four were freed")."""


def _heads_own_phrase(doc: Doc, q: Quantity, num: Token) -> bool:
    """A word number of two or more that is a noun phrase of its own: "all four were freed", "they
    lost four or five", "two voted against" - but not one that refers back to things counted
    before ("the two met", "the larger of the two")."""
    if num.dep_ not in HEAD_ROLES or q.value < 2 or q.value != int(q.value):
        return False
    if q.extra.get("elliptic") == "noun":
        return False  # "seven Boeing jets": the number must count the noun after it
    return not (num.i > 0 and doc[num.i - 1].lower_ in ("the", "these", "those"))


def _refine(doc: Doc, q: Quantity, num: Token) -> None:
    """Counted noun and durations from the parse."""
    if q.kind != "count" or q.unit == "points":
        return
    head = num.head if num.dep_ in ("nummod", "quantmod", "compound") else None
    if head is not None and head.idx < q.end and head.i > num.i:
        # the scale word of the figure itself ("4.5 mln", "7m passengers"): count what it counts
        head = head.head if head.dep_ in ("nummod", "compound") and head.head.i > head.i else None
    if head is not None and not re.search(r"[A-Za-z]", head.text):
        head = None  # "1,2,3,4%": a sign or a piece of junk is no counted noun
    if head is not None and head.pos_ in ("NOUN", "PROPN") and head.i > num.i:
        lemma = head.lemma_.lower()
        if lemma in TIME_UNITS:
            if any(t.lower_ in DATING_WORDS for t in doc[num.i + 1:head.i]):
                return  # "down from 8,120 last month": the period dates the number, it is no duration
            q.kind, q.unit = "duration", TIME_UNITS[lemma]
            return
        comp = [c for c in _kids(head) if c.dep_ == "compound" and num.i < c.i < head.i
                and c.pos_ == "NOUN"]
        word = head.text.lower()
        if comp:
            word = " ".join([c.text.lower() for c in comp] + [word])
        q.unit = word
    elif q.noun and not q.bare:
        q.unit = q.noun if q.unit is None else q.unit


def _source_mention(doc: Doc, at: int) -> bool:
    """True when the mention at character `at` is only the source of its sentence's words: the
    subject of a reporting verb ("Norvik said customers would ...", "..., said Jane Roe") or the
    object of "according to"."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span[0]
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in ATTRIBUTION_VERBS:
        return True
    return tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


STANCE_WORDS = wordlists.words("figures_stance_words.txt")


def _statement(doc: Doc, q: Quantity, span: Span, sent: Span, partner: Optional[Quantity]) -> str:
    """The figure's claim statement (see pipeline/figures/statement.py); `span` holds its tokens."""
    partners = []
    if partner is not None and q.link in ("pair", "range"):
        other = doc.char_span(partner.start, partner.end, alignment_mode="expand")
        if other is not None and sent.start <= other.start and other.end <= sent.end:
            partners.append(other)

    return claim_statement(span, partners, sentence=sent, name_for=lambda mention: entity_name(mention.root),
                           attribution_lemmas=ATTRIBUTION_VERBS,
                           stance_words=STANCE_WORDS)


def extract_figures(doc: Doc) -> List[dict]:
    """All numeric claims of a parsed doc as plain dicts (see pipeline.attrs)."""
    text = _text(doc)
    if not text.strip():
        return []
    quants = find_quantities(text)
    if not quants:
        return []
    article = doc._.get(attrs.ARTICLE) or {}
    published = article.get("published") if isinstance(article, dict) else None
    quotes = [q for q in (doc._.get(attrs.QUOTES) or ()) if isinstance(q, dict)]
    keep: List[Tuple[Quantity, Token, Token]] = []
    dropped = set()
    for i, q in enumerate(quants):
        if attrs.in_furniture(doc, q.start, q.end):
            dropped.add(i)
            continue
        num = _number_token(doc, q)
        root = _figure_root(doc, q)
        if num is None or root is None:
            dropped.add(i)
            continue
        if _reject_by_parse(doc, q, num, root):
            dropped.add(i)
            continue
        _refine(doc, q, num)
        keep.append((q, num, root))
    figure_spans = [(q.start, q.end) for q, _, _ in keep]
    by_index = {id(q): (q, num, root) for q, num, root in keep}
    pair_done: Dict[int, Tuple[Optional[str], Optional[Token]]] = {}
    out = []
    for q, num, root in keep:
        sent = _sent_of(root)
        span = doc.char_span(q.start, q.end, alignment_mode="expand")  # the figure's tokens
        nom = _nominal(root)
        subject = None
        verb = None
        fallback = None
        partner = quants[q.partner] if q.partner is not None and q.partner < len(quants) else None
        if q.link == "pair" and partner is not None and id(partner) in by_index:
            if id(q) in pair_done:
                subject, verb = pair_done.pop(id(q))
            else:
                a, b = (q, partner) if q.position == 0 else (partner, q)
                ra, rb = by_index[id(a)][2], by_index[id(b)][2]
                ea, eb, verb = _pair_subjects(doc, a, b, ra, rb, sent)
                subject = ea if q is a else eb
                pair_done[id(partner)] = (eb if q is a else ea, verb)
        else:
            subject = _explicit_subject(nom, root, q.kind)
            owner = None
            if subject is None:
                # "with inflation at a 12-year high"; "the town's 40 burglaries"
                owner = absolute_owner(span) or (unnamed_possessor(nom) if q.kind != "multiplier" else None)
            if owner is not None:
                subject, fallback = entity_name(owner) or _owner_in_np(owner), noun_phrase(owner)
            if subject is None and owner is None and len(sent) <= MAX_CLAUSE_TOKENS:
                subject = clause_entity(span, ATTRIBUTION_VERBS)
            if subject is None and owner is None:
                subject, verb, fallback = climb_subject(nom)
            if subject is None and q.link == "range" and partner is not None and id(partner) in by_index:
                pass
        if verb is None:
            _, verb, fb2 = climb_subject(nom)
            fallback = fallback or fb2
        if subject is None and fallback and STOP_AT_THING:
            subject = fallback
        if subject is None:
            # the one person of the sentence, unless only as the source of what it says
            persons = _persons_in(doc, sent.start_char, sent.end_char)
            names = {n for _, n in persons}
            if len(names) == 1 and not all(_source_mention(doc, at) for at, _ in persons):
                subject = next(iter(names))
        if subject is None and len(sent) <= MAX_CLAUSE_TOKENS:
            subject = measured_thing(span, ATTRIBUTION_VERBS)
        predicate = None
        if verb is not None:
            predicate = verb.lemma_.lower() if verb.lemma_ else verb.lower_
            if not re.search(r"[a-z]", predicate):
                predicate = "be" if verb.lower_ in ("'s", "\u2019s") else verb.lower_
        conf = q.confidence + (0.05 if subject else -0.15)
        conf = max(0.05, min(0.99, conf))
        rec = {
            "start": q.start, "end": q.end, "value": float(q.value), "unit": q.unit,
            "kind": q.kind, "approx": q.approx, "subject": subject, "subject_kind": subject_kind(doc, subject),
            "predicate": predicate,
            "statement": _statement(doc, q, span, sent, partner if partner is not None and id(partner) in by_index else None),
            "time": _time_for(doc, q, sent, figure_spans, published),
            "attributed_to": _attribution(doc, q, sent, quotes),
            "confidence": round(conf, 3),
        }
        out.append(rec)
    return out

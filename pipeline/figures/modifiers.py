"""What a figure set inside a noun phrase describes: the noun a size, weight or age modifies ("a
6-foot eel", "her 31-year-old partner"), the members a partitive count counts ("three of the
sailors"), what a sum that is the base of a share is in ("of the $9 billion in fees"), and the clause
a span of time leads ("three weeks before the council voted")."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..components.quantities import TIME_UNITS
from ..numbers.units import unit_expression
from .about import CHANGE_WORDS, counted_noun
from .changes import NUMBER_LABELS
from .common import METRIC_NOUNS, _cached, _kids

# the figure sits inside the noun phrase of the word it modifies
MODIFIER_DEPS = frozenset({"amod", "compound", "nummod", "nmod", "npadvmod", "appos", "quantmod"})


def _has_number(tok: Token) -> bool:
    """A number or "%" in tok's phrase (prefix counts per doc: O(1), not a walk of the subtree)."""
    doc = tok.doc
    memo = _cached(doc)
    pre = memo.get("num_prefix")
    if pre is None:
        pre = [0]
        for t in doc:
            pre.append(pre[-1] + (1 if t.like_num or t.text == "%" else 0))
        memo["num_prefix"] = pre
    return pre[tok.right_edge.i + 1] - pre[tok.left_edge.i] > 0


def _measure_unit(tok: Token) -> bool:
    """"foot" in "a 6-foot eel", "kilogram" in "a 90-kilogram crate": a unit of size or weight."""
    return tok.lemma_.lower() not in TIME_UNITS and (
        unit_expression(tok.text) is not None or tok.ent_type_ == "QUANTITY" and tok.pos_ in ("NOUN", "PROPN"))


def _measured_noun(nom: Token) -> Optional[Token]:
    """The noun a size or weight figure describes ("a 6-foot eel": the eel), else None."""
    if nom.pos_ in ("NOUN", "PROPN") and _measure_unit(nom) and nom.dep_ in MODIFIER_DEPS and nom.head.i > nom.i \
            and nom.head.pos_ in ("NOUN", "PROPN") and _has_number(nom):
        head = nom.head  # ("a 90-kilogram (200-pound) crate": past the unit of the other figure)
        while _measure_unit(head) and head.dep_ in MODIFIER_DEPS and head.head.i > head.i \
                and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        return None if _measure_unit(head) else head
    if nom.pos_ in ("NOUN", "PROPN") and not _measure_unit(nom) and any(
            c.dep_ in MODIFIER_DEPS and c.i < nom.i and _measure_unit(c) and _has_number(c) for c in _kids(nom)):
        return nom
    return None


def _partitive_noun(nom: Token) -> Optional[Token]:
    """The plural common noun a count of some of them counts when the count is an object ("wrote to
    three of the sailors"), else None (a subject's count is its own clause's: "Two of the men ...")."""
    if nom.pos_ != "NUM" or nom.dep_ not in ("pobj", "dobj") or nom.ent_type_ in ("PERCENT", "MONEY"):
        return None
    counted = counted_noun(nom)
    if counted is None or counted.pos_ != "NOUN" or counted.tag_ != "NNS" or counted.ent_type_:
        return None
    return counted


_RECORDS = frozenset({"low", "high", "peak", "level", "record", "trough"})


def _record_noun(noun: Token) -> bool:
    """"low" in "from a 12-year low", "drop" in "its sharpest two-week drop": a level or a change
    of what the clause is about, which the span of time only dates."""
    lemma = noun.lemma_.lower()
    return lemma in _RECORDS or lemma in CHANGE_WORDS


def _money_in(nom: Token) -> Optional[Token]:
    """The noun a sum is of, written as "$X in NOUN", when the sum is the base of a share ("10% of
    the $60 billion in streaming fees"), else None (a holder's or payer's: "it has $2 billion in
    reserves", "hit by $9 million in fines")."""
    base = nom
    while base.dep_ == "conj" and base.head.i < base.i:  # ("of the $9 billion in fees and $4 billion in ...")
        base = base.head
    if nom.ent_type_ != "MONEY" or base.dep_ != "pobj" or base.head.lower_ != "of":
        return None
    for prep in _kids(nom):
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i > nom.i:
            for obj in _kids(prep):
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.ent_type_ not in NUMBER_LABELS \
                        and obj.lemma_.lower() not in METRIC_NOUNS and obj.lemma_.lower() not in TIME_UNITS:
                    return obj
    return None


_LEAD_MARKS = frozenset({"after", "before", "since", "until"})


def _lead_time(nom: Token) -> Optional[Token]:
    """The clause a span of time leads ("three weeks before the council voted", "five months after a
    fire"), whose subject is not what the span is about, else None."""
    if nom.lemma_.lower() not in TIME_UNITS or nom.dep_ != "npadvmod":
        return None
    clause = nom.head
    if clause.dep_ != "advcl" or clause.pos_ not in ("VERB", "AUX") or clause.head.i == clause.i:
        return None
    if any(c.dep_ == "mark" and c.lower_ in _LEAD_MARKS and nom.i < c.i < clause.i for c in _kids(clause)):
        return clause
    return None


def _age_modifier(tok: Token) -> bool:
    """"old" in "a 17-year-old driver": an age that describes the noun it modifies."""
    return tok.lower_ == "old" and tok.dep_ in MODIFIER_DEPS and _time_modifier(tok)


def _time_modifier(tok: Token) -> bool:
    """"week" in "a six-week push", "old" in "a 17-year-old driver", "trained" in
    "a 3-years-trained nurse": a span of time that describes the noun it modifies."""
    while tok.dep_ in ("amod", "npadvmod", "compound") and tok.lemma_.lower() not in TIME_UNITS \
            and any(c.dep_ == "npadvmod" for c in _kids(tok)):
        tok = next(c for c in _kids(tok) if c.dep_ == "npadvmod")
    return tok.lemma_.lower() in TIME_UNITS

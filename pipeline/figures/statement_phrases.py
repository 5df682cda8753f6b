"""Statements that are a noun phrase, not a clause (``shared/gold/README.md``, "Claim statements" 5).

A figure that only modifies a noun gets that noun phrase: a named person's description ("Jane
Roe, a 33-year-old engineer"), the thing a relative clause with its own subject is about ("the
$80 billion a year that island states say they require"), a possessed noun inside a phrase of
the clause ("during the second half of the club's 30-20 loss" gives "the club's 30-20 loss").
"""

from __future__ import annotations

from typing import List, Optional

from spacy.tokens import Token

CLAUSE_VERBS = frozenset({"VERB", "AUX"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})

Tokens = List[Optional[Token]]
"""Tokens in order; None stands for a comma put between a name and its description."""


def noun_phrase_statement(num: Token) -> Optional[Tokens]:
    """The noun phrase that is the statement of the figure at `num`, or None for a clause."""
    return _described_name(num) or _object_of_relative(num) or _possessed_noun(num)


def _possessed_noun(num: Token) -> Optional[Tokens]:
    """A figure that modifies an owned noun off the clause's line: "(in the second half of) the
    club's 30-20 loss at home", "(Jane Roe and) her 24-year-old son"."""
    noun = num
    for _ in range(3):
        if noun.dep_ in ("nummod", "compound", "amod", "quantmod", "npadvmod") and noun.head.pos_ in ("NOUN", "ADJ") \
                and noun.head.i > noun.i:
            noun = noun.head
        else:
            break
    if noun.i == num.i or noun.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in noun.children):
        return None
    in_phrase = noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN")
    beside_subject = noun.dep_ == "conj" and noun.head.dep_ in SUBJECTS
    if not (in_phrase or beside_subject):
        return None
    return [t for t in noun.subtree if not (t.dep_ in ("cc", "conj") and t.head.i == noun.i)]


def _object_of_relative(num: Token) -> Optional[Tokens]:
    """A figure that a relative clause with its own subject is about, as that noun phrase: "well
    short of the $80 billion a year that island states say they require" gives "the $80 billion a
    year that island states say they require" (the main clause is about another figure)."""
    noun = num
    if noun.dep_ in ("nummod", "quantmod") and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
        noun = noun.head  # "the 300 jobs that the plant will cut"
    if noun.dep_ in SUBJECTS or noun.dep_ == "ROOT":
        return None
    for rel in noun.children:
        if rel.dep_ == "relcl" and any(c.dep_ in SUBJECTS and c.tag_ not in ("WP", "WDT") for c in rel.children):
            return [t for t in noun.doc[noun.left_edge.i:rel.right_edge.i + 1]]
    return None


def _described_name(num: Token) -> Optional[Tokens]:
    """A figure that only describes a named person or thing, as that name and its description.

    "Jane Roe, a 33-year-old engineer" and "Jane Roe, 46," give the name, a comma and the
    description; "the inquiry, due to run for six weeks" gives the noun phrase and the
    participle clause the figure sits in.
    """
    if (num.dep_ in ("appos", "amod", "npadvmod") and num.head.pos_ == "PROPN" and num.i > num.head.i
            and num.like_num and num.nbor(-1).text == ","):
        return _name_tokens(num.head) + [None] + [t for t in num.subtree]
    noun = num
    for _ in range(3):
        if noun.dep_ in ("nummod", "compound", "amod", "npadvmod") and noun.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            noun = noun.head
        else:
            break
    if noun.i != num.i and noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return _name_tokens(noun.head) + [None] + [t for t in noun.subtree if t.i <= noun.i]
    for anc in num.ancestors:
        if anc.pos_ in CLAUSE_VERBS and anc.dep_ != "acl":
            return None
        if anc.dep_ == "acl" and anc.tag_ in ("VBN", "VBG") and anc.head.pos_ in ("NOUN", "PROPN"):
            noun = anc.head
            left = [t for t in noun.subtree if t.i <= noun.i and not _is_clause_inside(t, noun)]
            first = anc.left_edge.i
            comma = [None] if first > 0 and anc.doc[first - 1].text == "," else []  # only where the text has one
            return left + comma + list(anc.subtree)
    return None


def _name_tokens(name: Token) -> List[Token]:
    return sorted([t for t in name.subtree if t.i <= name.i and t.dep_ in ("compound", "flat")] + [name], key=lambda t: t.i)


def _is_clause_inside(tok: Token, top: Token) -> bool:
    while tok.i != top.i:
        if tok.dep_ in ("acl", "relcl", "appos"):
            return True
        tok = tok.head
    return False

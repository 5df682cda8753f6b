"""Statements that are a noun phrase, not a clause (``shared/gold/README.md``, "Claim statements" 5).

A figure that only modifies a noun gets that noun phrase: a named person's description ("Jane
Roe, a 33-year-old engineer"), the thing a relative clause with its own subject is about ("the
$80 billion a year that island states say they require"), a possessed noun inside a phrase of
the clause ("during the second half of the club's 30-20 loss" gives "the club's 30-20 loss").
"""

from __future__ import annotations

from typing import List, Optional

from spacy.tokens import Token

from ..entities.lexicon import PERSON_NOUNS

CLAUSE_VERBS = frozenset({"VERB", "AUX"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})

Tokens = List[Optional[Token]]
"""Tokens in order; None stands for a comma put between a name and its description."""


def noun_phrase_statement(num: Token) -> Optional[Tokens]:
    """The noun phrase that is the statement of the figure at `num`, or None for a clause."""
    if movement_base(num):
        return None
    return _described_name(num) or _object_of_relative(num) or _possessed_noun(num) or _of_other_figure(num) \
        or _absolute_with(num)


def _absolute_with(num: Token) -> Optional[Tokens]:
    """A figure in a "with" phrase set off after its clause that states a thing of its own ("The yen
    rose, with one euro worth $1.32"): that phrase without the "with"."""
    for anc in num.ancestors:
        if anc.pos_ in CLAUSE_VERBS:
            return None
        if anc.dep_ == "prep" and anc.lower_ == "with":
            if anc.head.pos_ not in CLAUSE_VERBS or anc.i == 0 or anc.doc[anc.i - 1].text != ",":
                return None
            inner = [t for t in anc.subtree if t.i != anc.i]
            # a thing of its own before the figure: "one euro (worth $1.32)", not "(with) 40 deaths"
            if not any(t.pos_ == "NOUN" and t.i < num.i and t.head.i != t.i and not num.is_ancestor(t)
                       and t.i not in {c.i for c in num.children} for t in inner):
                return None
            return inner
    return None


def movement_base(num: Token) -> bool:
    """The level a movement started from ("rise 4.1%, down from the 4.6% it had projected"): the
    figures of one movement share their clause."""
    noun = num.head if num.dep_ in ("nummod", "quantmod", "compound") else num
    return noun.dep_ == "pobj" and noun.head.lower_ == "from" and noun.head.head.lower_ in ("down", "up")


def _of_other_figure(num: Token) -> Optional[Tokens]:
    """A figure in the "of" complement of a noun whose clause states another figure, as its noun
    phrase: "10% of the $70 billion in ad sales" gives "the $70 billion in ad sales" for the $70
    billion; "the economy of the 19 states that share the euro will grow 0.5%" gives "the 19
    states that share the euro" for the 19."""
    noun = num
    for _ in range(3):
        if noun.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN", "NUM", "SYM") \
                and noun.head.i > noun.i:
            noun = noun.head
        else:
            break
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    whole = noun.head.head
    share = whole.lower_ in _SHARE_WORDS and any(c.dep_ == "nummod" for c in whole.children)
    # ("the economy of the 19 states ... will grow 0.5%": a counted noun in the subject's phrase)
    counted = noun.i != num.i and noun.pos_ == "NOUN" and whole.pos_ == "NOUN" and whole.dep_ in SUBJECTS \
        and whole.lemma_.lower() not in _PARTS  # ("half of the 36 volunteers had gone": the half is the claim)
    if not (share or counted):
        return None
    clause = next((a for a in noun.ancestors if a.pos_ in CLAUSE_VERBS), None)
    if clause is None:
        return None
    inside = {t.i for t in noun.subtree}
    if not any((t.like_num or t.pos_ == "NUM") and t.i not in inside for t in clause.subtree):
        return None
    aside = {t.i for c in noun.children if c.dep_ in ("conj", "cc", "appos") for t in c.subtree}
    return [t for t in noun.subtree if t.i not in aside and (not _is_clause_inside(t, noun) or _restrictive(t, noun))]


_SHARE_WORDS = frozenset({"%", "percent", "per cent", "pct"})
_PARTS = frozenset({"half", "third", "quarter", "fifth", "majority", "minority", "most", "part", "share", "portion",
                    "proportion", "percentage", "number", "total", "rest", "bulk"})


def _restrictive(tok: Token, noun: Token) -> bool:
    """Inside a relative clause of `noun` not set off by a comma ("the 19 states that share the euro")."""
    while tok.head.i != noun.i and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "relcl" and tok.head.i == noun.i and tok.doc[tok.left_edge.i - 1].text != ","


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
        # ("Jane Roe, 21, a student at Eastfield": the description that follows goes with the age)
        after = [t for c in num.head.children if c.dep_ == "appos" and c.i > num.i and c.left_edge.i == num.right_edge.i + 2
                 and num.doc[num.right_edge.i + 1].text == "," for t in _description(c)]
        return _name_tokens(num.head) + [None] + [t for t in num.subtree] + ([None] + after if after else [])
    noun = num
    for _ in range(3):
        if noun.dep_ in ("nummod", "compound", "amod", "npadvmod") and noun.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            noun = noun.head
        else:
            break
    if noun.i != num.i and noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return _name_tokens(noun.head) + [None] + _description(noun)
    for anc in num.ancestors:
        if anc.pos_ in CLAUSE_VERBS and anc.dep_ not in ("acl", "xcomp"):
            return None  # ("the inquiry, due to run six weeks": through the infinitive)
        if anc.dep_ == "acl" and anc.tag_ in ("VBN", "VBG") and anc.head.pos_ in ("NOUN", "PROPN"):
            noun = anc.head
            left = [t for t in noun.subtree if t.i <= noun.i and not _is_clause_inside(t, noun)]
            first = anc.left_edge.i
            comma = [None] if first > 0 and anc.doc[first - 1].text == "," else []  # only where the text has one
            return left + comma + list(anc.subtree)
    return None


def _description(noun: Token) -> List[Token]:
    """A describing noun phrase with what completes it ("a 44-year-old chemist and writer in
    Eastfield"), without a clause or an apposition inside it."""
    tokens = [t for t in noun.subtree if not _is_clause_inside(t, noun) and not _origin_inside(t, noun)]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    opened = sum(1 for t in tokens if t.text == "(") - sum(1 for t in tokens if t.text == ")")
    return tokens if opened == 0 else [t for t in tokens if t.i <= noun.i]  # (a bracket left open)


def _origin_inside(tok: Token, top: Token) -> bool:
    """Inside a "from" phrase of the description ("a councilwoman from Eastfield"): where the person
    comes from is not part of what the figure describes."""
    while tok.i != top.i:
        if tok.dep_ == "prep" and tok.lower_ == "from":
            return True
        tok = tok.head
    return False


def _name_tokens(name: Token) -> List[Token]:
    return sorted([t for t in name.subtree if t.i <= name.i and t.dep_ in ("compound", "flat")] + [name], key=lambda t: t.i)


def _is_clause_inside(tok: Token, top: Token) -> bool:
    while tok.i != top.i:
        if tok.dep_ in ("acl", "relcl", "appos"):
            return True
        tok = tok.head
    return False


_RELATIVE_WORDS = frozenset({"who", "which", "that", "whom", "whose"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})


def relative_antecedent(relcl: Token) -> Token:
    """What a relative clause is about: the noun it hangs on, or the name that noun describes.

    "Borduria, a coastal county that is projected to gain four wards": Borduria (the clause hangs on
    the apposition "a coastal county"); "Borduria, a county carried by the mayor, which will lose three":
    a "which" clause set off by a comma, that the parser hung on a person inside the apposition,
    is about the apposition's noun, so Ruritania.
    """
    noun = relcl.head
    pronoun = next((c for c in relcl.children if c.dep_ in SUBJECTS and c.lower_ in _RELATIVE_WORDS), None)
    set_off = relcl.left_edge.i > 0 and relcl.doc[relcl.left_edge.i - 1].text == ","
    if pronoun is not None and pronoun.lower_ == "which" and set_off and noun.ent_type_ == "PERSON" or (
            pronoun is not None and pronoun.lower_ == "which" and set_off and noun.pos_ == "NOUN"
            and noun.dep_ == "pobj" and _person_noun(noun)):
        up = noun
        while up.dep_ in ("pobj", "agent", "prep", "acl") and up.head.i != up.i:
            up = up.head
        if up.pos_ in ("NOUN", "PROPN") and up.i != noun.i:
            noun = up
    return _apposed_name(noun) or noun


def _person_noun(noun: Token) -> bool:
    return noun.lemma_.lower() in PERSON_NOUNS


def _apposed_name(noun: Token) -> Optional[Token]:
    """The name a common noun is set beside as its description ("Ruritania, a small state"), or
    None. The parser sometimes hangs the apposition elsewhere: the name right before its comma
    counts then (also for a noun it took for an adverbial)."""
    if noun.pos_ != "NOUN" or noun.dep_ not in ("appos", "npadvmod"):
        return None
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i:
        return noun.head
    first = noun.left_edge.i
    doc = noun.doc
    if first >= 2 and doc[first - 1].text == "," and doc[first - 2].pos_ == "PROPN" \
            and doc[first - 2].ent_type_ in _NAME_LABELS:
        return doc[first - 2]
    return None

"""A figure's change: what a change verb moves ("cut ferry fares by 15%": the fares), whether a
figure gives the amount or the level of a change, and what a figure is compared with ("compared
with a 4% rise in the index": the index)."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .about import CHANGE_WORDS, counted_noun
from .common import REL_PRONOUNS, SUBJ_DEPS, _in_subtree, _kids, _kids_with
from .names import _owner_in_np, entity_name
from .owners import FORECAST_NOUNS

NUMBER_LABELS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "DATE", "TIME"})
OBJECTS = frozenset({"dobj", "dative"})

_BY_HOW_MUCH = frozenset({"prep", "npadvmod", "advmod"})  # "cut fares by 15%", "rose 5%", "to $9"


def comparand(word: Token, came_from: Token) -> Optional[Token]:
    """The noun of what a figure is compared with, when the figure reaches `word` from it ("compared
    with a 4% rise in the index", "compared with a national rate of 1.2"): that figure is not
    about the clause's subject. None for a bare figure ("compared with $9 a year earlier": the
    same thing's earlier value); a share compared is of its own noun ("60% of nurses, as opposed
    to 45% of doctors": the doctors)."""
    lemma = word.lemma_.lower()
    if lemma not in ("compare", "oppose") or word.dep_ not in ("advcl", "prep", "conj") \
            or came_from.dep_ != "prep" or came_from.i < word.i:
        return None
    if lemma == "oppose" and not any(c.lower_ == "as" and c.i < word.i for c in _kids(word)):
        return None  # ("opposed to the plan" is a stance, not a comparison)
    for obj in _kids(came_from):
        if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.lemma_.lower() in CHANGE_WORDS \
                and not any(_of_another(c) for c in _kids(obj)):
            return None  # "grew 3%, compared with an increase of 4% in 2019": its own earlier change
        if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.is_alpha and obj.ent_type_ not in NUMBER_LABELS:
            return obj
        if obj.dep_ == "pobj" and counted_noun(obj) is not None:
            return counted_noun(obj)
    return None


def _of_another(prep: Token) -> bool:
    """"in the index" on "a 4% rise in the index": a change of something else (not "in the spring
    forecast", "in May": the same thing's change at another time)."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "for", "at"):
        return False
    return any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") and o.lemma_.lower() not in FORECAST_NOUNS
               for o in _kids(prep))


def by_how_much(figure: Token) -> bool:
    """The figure gives the amount or the new level of a change: "(cut fares) by 15%", "(rose) 5%",
    "(lifted tolls) up to $7", which the parser may take for a second object."""
    if figure.dep_ in _BY_HOW_MUCH:
        return True
    return figure.dep_ == "dobj" and any(
        t.dep_ == "quantmod" and t.lower_ in ("to", "by") for t in figure.subtree)


def changed_object(verb: Token, came_from: Token) -> Optional[Token]:
    """The object of a change verb in a clause without a subject of its own, about a noun, or whose
    subject is a thing that is no one's ("a plan to cut ferry fares by 15%", "voted to raise fees by
    5%", "a bill that would raise the fee to $9", "the bill would raise the wage to $15"), when the
    figure is not in it."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in CHANGE_WORDS or not by_how_much(came_from):
        return None
    own = [c for c in _kids_with(verb, SUBJ_DEPS)]
    if own and own[0].pos_ == "NOUN" and entity_name(own[0]) is None and _owner_in_np(own[0]) is None:
        pass  # "The bill would raise the minimum wage to $15": a cause that is no one's
    elif verb.dep_ == "relcl":
        if not (own and own[0].lower_ in REL_PRONOUNS and verb.head.pos_ == "NOUN"):
            return None
    elif verb.dep_ not in ("acl", "xcomp", "advcl") or own:
        return None
    for ch in _kids_with(verb, OBJECTS):
        # ("has risen 1.5 points from a low": an amount, not what moved)
        if ch.dep_ == "dobj" and ch.pos_ == "NOUN" and not _in_subtree(came_from, ch) \
                and not any(c.dep_ in ("nummod", "quantmod") and c.like_num for c in _kids(ch)):
            return ch
    return None


_JOINED = frozenset({"advcl", "conj"})


def sibling_owner(verb: Token, subject: Token) -> Optional[str]:
    """Whose a bare change is when its clause hangs on a clause about a named subject ("Peru should
    expand 3%, while growth for 2031 is put at 2%": Peru's growth), else None ("growth in exports",
    "Acme's growth" say whose on their own)."""
    if subject.pos_ != "NOUN" or subject.lemma_.lower() not in CHANGE_WORDS or verb.dep_ not in _JOINED:
        return None
    if any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.text[:1].isupper() or _of_another(c)
           for c in _kids(subject)):
        return None
    head = verb.head
    for _ in range(4):  # ("Peru is expected to expand 3% compared with ..., while growth ...")
        own = [c for c in _kids_with(head, SUBJ_DEPS) if c.dep_ in SUBJ_DEPS and c.i != subject.i]
        if own:
            return entity_name(own[0])
        if head.head.i == head.i:
            break
        head = head.head
    return None


def moved_noun(verb: Token, came_from: Token) -> Optional[Token]:
    """What a change noun that is the verb's object changes, when the figure is the new level or the
    amount the parser hung on the verb ("spurring a climb in the trade gap to $12bn": the trade
    gap), else None."""
    if came_from.dep_ != "prep" or came_from.lower_ not in ("to", "by") or came_from.i < verb.i:
        return None
    for obj in _kids_with(verb, OBJECTS):
        if obj.dep_ == "dobj" and obj.pos_ == "NOUN" and obj.lemma_.lower() in CHANGE_WORDS and obj.i < came_from.i:
            for prep in _kids(obj):
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for noun in _kids(prep):
                        if noun.dep_ == "pobj" and noun.pos_ in ("NOUN", "PROPN"):
                            return noun
    return None


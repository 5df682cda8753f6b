"""The owner of a counted thing: the place a count of common nouns belongs to, or the common
noun that owns it.

"Nine Ruritanian frigates were sunk" counts Ruritania's frigates; "Some 3 million bicycles are
sold in Ruritania every year" counts bicycles sold there: both figures are about Ruritania; "the
town's 40 burglaries" are the town's. A thing that is measured rather than
counted stays the thing ("The Ruritanian economy grew 0.3%" is about the economy, "Car thefts in
Eastfield dropped 12%" about the thefts).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from ..entities.query import demonym_place, place_for
from .common import _kids
from .names import entity_name

_PLACE_LABELS = frozenset({"GPE", "LOC"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ON_NOUN = frozenset({"amod", "compound", "nmod"})
_COUNTS = frozenset({"nummod", "quantmod"})


def counted_place(noun: Token) -> Optional[str]:
    """The place a counted common noun belongs to: a nationality word on it, or the place its
    clause happens in when it is that clause's subject ("in Ruritania"); else None."""
    if noun.pos_ != "NOUN" or not counted(noun):
        return None
    doc = noun.doc
    for child in _kids(noun):
        if child.dep_ in _ON_NOUN and child.i < noun.i and child.text[:1].isupper() \
                and child.ent_type_ not in _PLACE_LABELS:
            place = demonym_place(doc, child.text)
            if place:
                return place
    if noun.dep_ not in _SUBJECTS:
        return None
    for child in _kids(noun.head):
        if child.dep_ == "prep" and child.lower_ == "in":
            for obj in _kids(child):
                if obj.dep_ == "pobj" and obj.ent_type_ in _PLACE_LABELS:
                    place = place_for(doc, obj.idx, obj.idx + len(obj.text))
                    if place is not None:
                        return place["name"]
    return None


def counted(noun: Token) -> bool:
    """True when a number counts the noun ("nine frigates", "about 3 million bicycles")."""
    return any(c.dep_ in _COUNTS and any(t.like_num for t in c.subtree) for c in _kids(noun))


def unnamed_possessor(nom: Token) -> Optional[Token]:
    """The common noun that owns a counted noun and names no one ("the fair opened in the shadow of
    the town's 40 burglaries": the town's, not the clause subject's), else None (a named owner is the
    subject itself; "13 times his rival's total" counts nothing)."""
    if nom.pos_ != "NOUN" or not counted(nom):
        return None
    for child in _kids(nom):
        if child.dep_ == "poss" and child.pos_ == "NOUN" and not child.ent_type_ and entity_name(child) is None:
            return child
    return None


# words that join "with X" to its figure: "with inflation at 4%", "with rents down 3%", "with
# one franc worth 90 cents", "with one crown buying 14 cents"
_ABSOLUTE_LINKS = frozenset({"at", "down", "up", "worth", "buying", "fetching", "trading", "near", "around",
                             "about", "to", "of", "a", "an", "the", "just", "only", "nearly", "almost"})
_ABSOLUTE_GAP = 4  # link words at most between the noun and the figure


def absolute_owner(figure: Span) -> Optional[Token]:
    """The noun of a "with X at Y" construction whose Y is the figure ("the budget held up with
    inflation at a 12-year high": inflation), else None; the parser hangs the figure on
    the verb, so the words are read as written."""
    doc = figure.doc
    k = figure.start - 1
    gap = 0
    while k >= 0 and doc[k].lower_ in _ABSOLUTE_LINKS and gap < _ABSOLUTE_GAP:
        k -= 1
        gap += 1
    if gap == 0 or k < 1:
        return None
    noun = doc[k]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("pobj", "npadvmod", "nsubj"):
        return None
    start = noun.left_edge.i
    before = doc[start - 1] if start > 0 else None
    if before is None or before.lower_ != "with" or before.head.lemma_.lower() in ("compare", "compared"):
        return None  # ("compared with a gain of 4%" is a comparison, not "with X at Y")
    return noun


FORECAST_VERBS = frozenset({"forecast", "expect", "foresee", "predict", "project", "estimate", "anticipate"})
"""Verbs whose subject foretells a figure about something else ("The bureau expects Ruritania's
exports to rise 2%": the figure is Ruritania's, the bureau only its source)."""
FORECAST_NOUNS = frozenset({"outlook", "forecast", "estimate", "projection", "prediction", "expectation"})
_COMPLEMENT_CLAUSES = frozenset({"ccomp", "xcomp", "oprd"})
_OWNER_PREPS = frozenset({"in", "for", "of", "on"})


def forecast_target(verb: Token, came_from: Token) -> Optional[Token]:
    """What an active forecast verb foretells when the figure reaches it from `came_from`: the
    subject of its complement clause ("foresees Ruritania's output growing 3%"), or its object
    ("expects exports to rise 2%"); None when the figure is not in its complement."""
    if verb.lemma_.lower() not in FORECAST_VERBS or not any(c.dep_ == "nsubj" for c in _kids(verb)):
        return None
    if came_from.dep_ in _COMPLEMENT_CLAUSES:
        own = next((c for c in _kids(came_from) if c.dep_ in _SUBJECTS), None)
        if own is not None:
            return own
        return next((c for c in _kids(verb) if c.dep_ == "dobj" and c.i < came_from.i), None)
    if came_from.dep_ == "dobj" and came_from.pos_ == "NOUN" and forecast_owner(came_from):
        return came_from  # "expects 1.2% Ruritanian growth": Ruritania's growth, not the forecaster's
    return None


def forecast_owner(noun: Token) -> Optional[str]:
    """The named place or organization a forecast is about, written in its noun phrase: "its
    forecast for output in Ruritania", "Ruritania's economy", "Ruritanian growth"; else None."""
    doc = noun.doc
    for child in _kids(noun):
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return entity_name(child)
        if child.dep_ in _ON_NOUN and child.i < noun.i and child.text[:1].isupper():
            place = demonym_place(doc, child.text) if child.ent_type_ not in _PLACE_LABELS else entity_name(child)
            if place:
                return place
    for child in _kids(noun):
        if child.dep_ == "prep" and child.lower_ in _OWNER_PREPS:
            for obj in _kids(child):
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and obj.ent_type_ in _PLACE_LABELS | {"ORG"}:
                    return entity_name(obj)
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and noun.lemma_.lower() in FORECAST_NOUNS:
                    inner = forecast_owner(obj)  # "forecast for output in Ruritania"
                    if inner:
                        return inner
    return None

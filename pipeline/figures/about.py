"""What a figure measures, when it is about no named person, organization or place.

"Crude prices are down about 2%" is about "crude prices"; "fewer than one in 10,000 consoles
failed" is about "consoles"; "The cost of security has been put at $40,000" is about "The cost of
security". The answer is a short noun phrase of the sentence's own words: the subject of the
clause that states the figure when the figure is not part of it, else the noun the figure counts.
"""

from __future__ import annotations

from typing import Iterable, List, Optional

from spacy.tokens import Span, Token

from .statement import clause_root

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_KEEP_LEFT = frozenset({"compound", "amod", "nmod", "poss", "case", "det"})


def measured_thing(figure: Span, reporting: Iterable[str] = ()) -> Optional[str]:
    """A short noun phrase for what `figure` measures, or None."""
    root = clause_root(figure.root, frozenset(reporting))
    inside = {t.i for t in figure}
    for child in root.children:
        if child.dep_ in _SUBJECTS and child.pos_ in _NOUNS and not any(t.i in inside for t in child.subtree):
            return _phrase(child)
    counted = _counted_noun(figure.root)
    return _phrase(counted) if counted is not None else None


def _counted_noun(tok: Token) -> Optional[Token]:
    """The noun a number counts: its head ("20 users"), or the object of its "of" ("half of the users")."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in _NOUNS:
                    return obj
    if tok.dep_ in ("nummod", "quantmod", "compound") and tok.head.pos_ in _NOUNS:
        return tok.head
    return None


def _phrase(noun: Token) -> str:
    """The noun with its left modifiers (no determiner first) and an "of" complement without clauses."""
    tokens: List[Token] = [t for t in noun.lefts if t.dep_ in _KEEP_LEFT and not t.like_num]
    words = [t for left in tokens for t in left.subtree if not t.like_num and t.dep_ != "nummod"]
    words.append(noun)
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            words.extend(t for t in child.subtree if not _under(t, child, ("relcl", "acl", "appos")))
            break
    words.sort(key=lambda t: t.i)
    while words and words[0].dep_ == "det":
        words = words[1:]
    return "".join(t.text_with_ws for t in words).strip()


def _under(tok: Token, top: Token, deps) -> bool:
    while tok.i != top.i:
        if tok.dep_ in deps:
            return True
        tok = tok.head
    return False

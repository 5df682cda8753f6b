"""What a figure measures, when it is about no named person, organization or place.

"Wheat prices are down about 4%" is about "wheat prices"; "fewer than one in 5,000 kettles
leaked" is about "kettles"; "The cost of the repairs has been put at $70,000" is about "The cost of
the repairs". The answer is a short noun phrase of the sentence's own words: the subject of the
clause that states the figure when the figure is not part of it, else the noun the figure counts.
"""

from __future__ import annotations

from typing import Iterable, List, Optional

from spacy.tokens import Span, Token

from .. import wordlists
from ..components.quantities import TIME_UNITS
from .common import _kids, dateline_end, is_code_token
from .statement import clause_root

CHANGE_WORDS = wordlists.words("figures_change_words.txt")

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_DANGLING = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "PUNCT", "ADV"})
_INSIDE_NP = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
_MAX_WORDS = 12  # a noun phrase of more words is a parse of junk, not a subject
_CHANGE_PREPS = frozenset({"of", "to", "from", "by"})  # "a rise of 4%", "a fall to $9", "a cut by half"
_KEEP_LEFT = frozenset({"compound", "amod", "nmod", "poss", "case", "det"})


def measured_thing(figure: Span, reporting: Iterable[str] = ()) -> Optional[str]:
    """A short noun phrase for what `figure` measures, or None."""
    changed = changed_thing(figure.root)
    if changed:
        return changed
    root = clause_root(figure.root, frozenset(reporting))
    inside = {t.i for t in figure}
    for child in _kids(root):
        if child.dep_ in _SUBJECTS and child.pos_ in _NOUNS and not any(t.i in inside for t in child.subtree):
            return noun_phrase(child)
    counted = counted_noun(figure.root)
    if counted is None or counted.lemma_.lower() in TIME_UNITS:
        return None  # ("sold out in 14 minutes": the minutes are not what is measured)
    return noun_phrase(counted)


def changed_thing(tok: Token) -> Optional[str]:
    """What a change the figure measures changes: "a 15% cut in ferry fares" -> "ferry fares"."""
    changed = changed_noun(tok)
    return noun_phrase(changed) or None if changed is not None else None


def changed_noun(tok: Token) -> Optional[Token]:
    """The noun a change the figure measures changes: "a 15% cut in ferry fares" -> "fares"."""
    change = tok
    for _ in range(4):  # ("a 2.5% increase": the figure's own noun phrase, a few words at most)
        head = change.head
        if change.dep_ not in _INSIDE_NP or head.i <= change.i or head.pos_ not in _NOUNS:
            break
        change = head
    holders = [change]
    for step in (change, change.head):
        # "an increase of 4% in bus fares", "a jump in the trade gap to $12bn": the figure
        # is the amount or the new level of the change it hangs on
        prep = step.head
        if step.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in _CHANGE_PREPS \
                and prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in CHANGE_WORDS:
            holders = [prep.head, step]
            change = prep.head
            break
    if change.pos_ != "NOUN" or change.lemma_.lower() not in CHANGE_WORDS:
        return None
    for holder in holders:
        for child in _kids(holder):
            if child.dep_ == "prep" and child.lower_ == "in" and child.i > holder.i:
                for obj in _kids(child):
                    if obj.dep_ == "pobj" and obj.pos_ in _NOUNS:
                        return obj
    return None


def counted_noun(tok: Token) -> Optional[Token]:
    """The noun a number counts: its head ("20 users"), or the object of its "of" ("half of the users",
    "two-thirds of workers", where "of" may hang on the fraction's second word)."""
    parts = [tok] + [c for c in _kids(tok) if c.dep_ in ("quantmod", "compound", "nummod")]
    for part in parts:
        for child in _kids(part):
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in _kids(child):
                    if obj.dep_ == "pobj" and obj.pos_ in _NOUNS:
                        return obj
    if tok.dep_ in ("nummod", "quantmod", "compound") and tok.head.pos_ in _NOUNS:
        return tok.head
    return None


def _inside_word(tok: Token) -> bool:
    """A hyphen or slash written inside a word ("Ohio-based", "and/or"): no end of the phrase."""
    doc = tok.doc
    return tok.text in ("-", "/") and not tok.whitespace_ and tok.i > 0 and not doc[tok.i - 1].whitespace_ \
        and not _numeric(doc[tok.i - 1])  # ("a two-bedroom flat": the number is a figure of its own)


def noun_phrase(noun: Token) -> str:
    """The noun with its left modifiers (no determiner first, no numbers) and an "of" complement
    without relative clauses and numbers, up to a punctuation mark or a figure; a name-like noun
    ("the G7 of rich nations") without its complement."""
    # (a left modifier that holds a number is the figure itself: "a 17-year-old driver"; a
    # possessive pronoun says nothing: "its troops" -> "troops"; spans stay short on junk text)
    doc = noun.doc
    held = _held_in(noun)
    if held is not None:
        return noun_phrase(held)  # "a total of $2 billion in lottery tickets": the tickets
    words: List[Token] = []
    for left in _kids(noun):
        if left.i > noun.i or left.dep_ not in _KEEP_LEFT or left.dep_ == "poss" and left.pos_ == "PRON":
            continue
        span = doc[left.left_edge.i:left.right_edge.i + 1]
        if len(span) <= _MAX_WORDS and not any(_numeric(x) for x in span):
            words.extend(t for t in span if t.dep_ != "nummod")
    words.append(noun)
    named = noun.pos_ == "PROPN" or noun.text[:1].isupper() and not noun.is_sent_start
    for child in _kids(noun) if not named else ():
        if child.i > noun.i and child.dep_ == "prep" and child.lower_ == "of":
            # ("the number of cars recalled by the maker": a participle says which ones)
            span = doc[child.i:min(child.right_edge.i + 1, child.i + _MAX_WORDS)]
            rest = [t for t in span if not _under(t, child, ("relcl", "appos"))
                    and not (_numeric(t) and t.dep_ in ("nummod", "quantmod"))]
            cut = next((k for k, t in enumerate(rest) if t.is_punct and not _inside_word(t) or _numeric(t)), len(rest))
            if cut > 1:  # ("the goal of 0.5%" has no complement to give)
                words.extend(rest[:cut])
            break
    words.sort(key=lambda t: t.i)
    start = dateline_end(noun.sent)
    words = [t for t in words if t.idx >= start and not is_code_token(t)]  # ("SAN MATEO A man", "index .VIX")
    while words and words[0].dep_ == "det":
        words = words[1:]
    # no dangling end where a figure was cut off ("valued at")
    while len(words) > 1 and (words[-1].pos_ in _DANGLING
                              or words[-1].pos_ == "VERB" and words[-1].i > noun.i):
        words = words[:-1]
    return "".join(t.text_with_ws for t in words).strip()


def _held_in(noun: Token) -> Optional[Token]:
    """What an amount noun whose "of" holds a figure is an amount of: "a total of $2 billion in
    tickets", "a sum of 400 euros in fines" (the tickets, the fines); else None."""
    if noun.lemma_.lower() not in _AMOUNTS:
        return None
    for of in _kids(noun):
        if of.dep_ != "prep" or of.lower_ != "of" or of.i < noun.i:
            continue
        for amount in _kids(of):
            if amount.dep_ != "pobj" or not _numeric(amount) and not any(_numeric(c) for c in _kids(amount)):
                continue
            for prep in _kids(amount):
                if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):
                    return next((t for t in _kids(prep) if t.dep_ == "pobj" and t.pos_ in _NOUNS), None)
    return None


_AMOUNTS = frozenset({"total", "sum", "amount", "tally"})


def _numeric(tok: Token) -> bool:
    """A number or a piece of one ("%", "$", a scale letter)."""
    return tok.like_num or tok.pos_ in ("SYM", "NUM") or tok.text == "%" \
        or tok.ent_type_ in ("MONEY", "PERCENT", "CARDINAL")


def _under(tok: Token, top: Token, deps) -> bool:
    while tok.i != top.i:
        if tok.dep_ in deps:
            return True
        tok = tok.head
    return False


_TOTALS = frozenset({"total", "tally", "toll"})


def total_of_change(verb: Token, came_from: Token) -> Optional[str]:
    """What "the total" counts when a figure brings it to a value after a change in the same
    sentence ("found a 3% fall in the number of licensed taxis, taking the total to 2,150": the
    taxis), else None."""
    if came_from.dep_ != "prep" or came_from.lower_ != "to" or not any(
            c.dep_ == "dobj" and c.lemma_.lower() in _TOTALS and not any(g.lower_ == "of" for g in _kids(c))
            for c in _kids(verb)):
        return None
    for tok in verb.sent:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in CHANGE_WORDS and tok.i < verb.i:
            for child in _kids(tok):
                if child.dep_ == "prep" and child.lower_ == "in":
                    for obj in _kids(child):
                        if obj.dep_ == "pobj" and obj.pos_ in _NOUNS:
                            return noun_phrase(counted_noun(obj) or obj) or None
    return None

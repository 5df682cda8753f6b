"""Rendering a claim statement's tokens as text (``shared/gold/README.md``, "Claim statements" 1).

The words are the sentence's own, in its order; a subject or its possessor that refers to a named
person or organization takes the entity's fullest name (`name_for`), a first-person subject in a
quote takes the verb form a name needs ("we have" -> "X has"), and leading discourse words, final
periods and quotation marks go.
"""

from __future__ import annotations

import re

from typing import Callable, List, Optional, Set

from spacy.tokens import Span, Token

from ..entities.query import bare_org_noun
from .common import _text
from .statement_phrases import SUBJECTS as _SUBJECTS

NameFor = Callable[[Span], Optional[str]]
"""Maps a mention (a pronoun, a surname, "the company") to the entity's fullest name, or None."""

_LEADING_DISCOURSE = frozenset({"and", "but", "also", "so", "however", "yet", "still", "meanwhile", "plus",
                                "nevertheless", "nonetheless"})
_PERSONAL = frozenset(
    "he she it they him her them his hers its their theirs".split()
)
QUOTE_CHARS = frozenset("\"'\u2018\u2019\u201c\u201d\u00ab\u00bb`")


def render(tokens: List[Optional[Token]], name_for: NameFor, inherited: Optional[Token] = None) -> str:
    """The statement's text from its tokens in order (None: a comma between a name and its
    description), with `inherited` (a subject the clause shares or a relative clause's noun)
    put first by its name or noun phrase."""
    real = [t for t in tokens if t is not None]
    if not real:
        return ""
    doc = real[0].doc
    kept = {t.i for t in real}
    replace: dict = {}
    named: Set[str] = set()
    agree: dict = {}  # token index -> the verb form a name as subject takes ("we have" -> "X has")
    dropped: Set[int] = set()
    # subjects (and possessors of subject phrases, "of the firm" among them) by the entity's
    # fullest name, unless the statement already names it ("Jane Roe promised she would ...")
    for t in real:
        if t.dep_ in _SUBJECTS or (t.dep_ == "poss" and (t.head.dep_ in _SUBJECTS or t.i == real[0].i)) \
                or _of_organization(t):
            span = _mention(t)
            clitic = t.pos_ == "PRON" and span.end < len(doc) and not t.whitespace_ \
                and _clitic(doc[span.end]) in ("'ve", "'re", "'m", "'d", "'ll", "'s")
            # ... but "I've" and "we're" take a name's verb form ("X has"), and "he's" a name's "'s"
            if clitic and ((t.lower_ in _FIRST_PERSON_SUBJECTS and _clitic(doc[span.end]) in _THIRD_PERSON)
                           or (t.lower_ in ("he", "she") and _clitic(doc[span.end]) == "'s")):
                clitic = False
            if span.start in kept and (span.end - 1) in kept:
                name = name_for(span)
                # "I'd", "we'll": a name cannot take the pronoun's clitic, so the words stay as
                # written; nor does a name replace the end of a hyphenated word ("20-year-old")
                glued = span.start > 0 and not doc[span.start - 1].whitespace_ and doc[span.start - 1].text == "-"
                # "they"/"their" after a plural noun of its own sentence most likely stands for it
                # ("58 percent of women oppose their sons playing"): no name is put in its place
                plural_before = t.lower_ in ("they", "their", "them") and any(
                    x.tag_ == "NNS" for x in doc[t.sent.start:t.i])
                # "Three major economies — X, Y and Z — are stalling": a counted noun is not one name
                plural_before = plural_before or t.tag_ == "NNS" and any(c.dep_ == "nummod" for c in t.children)
                if name and name != span.text and name not in named and not clitic and not glued \
                        and not plural_before and not _written_around(span, name, kept):
                    end = _through_name(span, name, kept)
                    replace[span.start] = (end, name + ("'s" if t.dep_ == "poss" and t.tag_ == "PRP$" else ""))
                    if t.pos_ == "NOUN":
                        # "A man who filmed the fire was fined": the name says who; the clause
                        # that picked him out goes
                        for c in t.children:
                            if c.dep_ == "relcl" and c.i > t.i:
                                dropped.update(range(c.left_edge.i, c.right_edge.i + 1))
                    if t.lower_ in _FIRST_PERSON_SUBJECTS and t.dep_ in _SUBJECTS:
                        agree.update(_third_person_verb(t, real))
                if name:
                    named.add(name)
    parts: List[str] = []
    if inherited is not None:
        span = _mention(inherited)
        name = name_for(span) or (_noun_phrase_text(inherited) if inherited.lower_ not in _PERSONAL else None)
        if name:
            parts.append(name + " ")
    skip_to = -1
    prev = None
    for t in tokens:
        if t is None:
            parts.append(", ")
            prev = None
            continue
        if t.i < skip_to or t.i in dropped:
            continue
        if prev is not None and t.i != prev + 1 and parts and not parts[-1].endswith(" "):
            parts.append(" ")
        if t.i in replace:
            end, name = replace[t.i]
            parts.append(name + doc[end - 1].whitespace_)
            skip_to = end
            prev = end - 1
            continue
        parts.append(agree[t.i] + t.whitespace_ if t.i in agree else t.text_with_ws)
        prev = t.i
    return tidy("".join(parts))


def _of_organization(t: Token) -> bool:
    """An organization by its role noun as the "of" owner of a subject ("The stock of the firm")."""
    return t.dep_ == "pobj" and bare_org_noun(t) and t.head.lower_ == "of" and t.head.head.dep_ in _SUBJECTS


_FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
_THIRD_PERSON = {"am": "is", "are": "is", "have": "has", "were": "was", "'ve": " has", "'re": " is", "'m": " is"}


def _clitic(tok: Token) -> str:
    return tok.lower_.replace("’", "'")


def _third_person_verb(subject: Token, tokens: List[Token]) -> dict:
    """The verb after a first-person subject, in the form a name takes ("we have" -> "has", "I am"
    -> "is", "we were" -> "was"): {token index: form}, or {} when nothing changes."""
    after = [t for t in tokens if t.i > subject.i]
    verb = after[0] if after else None
    if verb is None or verb.pos_ not in ("AUX", "VERB") or _clitic(verb) not in _THIRD_PERSON:
        return {}
    form = _THIRD_PERSON[_clitic(verb)]
    return {verb.i: form[0].upper() + form[1:] if verb.text[:1].isupper() else form}


def _through_name(span: Span, name: str, kept: Set[int]) -> int:
    """Where the replaced mention ends: past the words after it that the name already holds
    ("The Reserve Bank" + "of Ruritania" replaced by "Reserve Bank of Ruritania" once)."""
    doc = span.doc
    lowered = name.lower()
    end = span.end
    while end < len(doc) and end in kept:
        words = [t.lower_ for t in doc[span.start : end + 1]]
        if words and words[0] in ("the", "a", "an"):
            words = words[1:]
        if not lowered.startswith(" ".join(words)):
            break
        end += 1
    return end


def _written_around(span: Span, name: str, kept: Set[int]) -> bool:
    """Whether the statement already writes the whole name over the mention: the parse can take
    only a name's last words for the mention ("du Bois" of "Les Amis du Bois"), and the name put in
    their place would repeat the words before them."""
    doc = span.doc
    lowered = name.lower()
    begin = max(0, span.end_char - len(lowered))  # only where the name could cover the mention
    found = _text(doc)[begin:span.start_char + len(lowered)].lower().find(lowered)
    at = begin + found
    if found == -1 or at > span.start_char or at + len(lowered) < span.end_char:
        return False
    return all(t.i in kept for t in doc[:span.start] if t.idx >= at)


def _mention(tok: Token) -> Span:
    """The name-like span a subject token heads: its compounds and flat parts, or the token."""
    doc = tok.doc
    if tok.pos_ == "PRON":
        return doc[tok.i : tok.i + 1]
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("compound", "flat", "det") and child.i == start - 1:
            start = child.i
    # leftward chain of compounds ending right before the head ("The Ashby City Council": "Ashby"
    # hangs on "City", inside the span)
    while start > 0 and start <= doc[start - 1].head.i <= tok.i and (
            doc[start - 1].dep_ in ("compound", "flat", "det") or _glued_hyphen(doc[start - 1])):
        start -= 1
    # "Her aide, a clerk named Jane Roe, ...": an owner goes with the noun the name replaces
    while start > 0:
        prev = doc[start - 1]
        if prev.dep_ == "poss" and start <= prev.head.i <= tok.i:
            start = prev.left_edge.i
        elif prev.dep_ == "case" and prev.head.dep_ == "poss" and start <= prev.head.head.i <= tok.i \
                and tok.pos_ == "NOUN":
            start = prev.head.left_edge.i  # ("Doe's nephew": the "'s" hangs on the owner)
        elif prev.dep_ == "case" and start <= prev.head.i <= tok.i:
            start -= 1
        else:
            break
    return doc[start : tok.i + 1]


def _noun_phrase_text(noun: Token) -> str:
    """A noun with the words before it in its phrase ("the December meeting", "A 36-year-old
    clerk"), without a clause or an owner's phrase that opens it."""
    doc = noun.doc
    start = noun.i
    for left in noun.lefts:
        if left.dep_ not in ("relcl", "acl", "appos", "punct"):
            start = min(start, left.left_edge.i)
    return doc[start:noun.i + 1].text


def _glued_hyphen(tok: Token) -> bool:
    """The hyphen inside a compound word of a name's run ("full-back"), which the tokenizer
    splits off (not one of "44-year-old")."""
    doc = tok.doc
    if tok.text != "-" or tok.whitespace_ or tok.i < 1 or doc[tok.i - 1].whitespace_:
        return False
    before = doc[tok.i - 1]
    glued_on = before.i > 0 and not doc[before.i - 1].whitespace_  # "44-year-": part of a longer run
    return before.dep_ in ("compound", "flat") and before.is_alpha and not glued_on


# discourse phrases that link a sentence to the one before, set off by a comma
_LEADING_PHRASE = re.compile(
    r"(?:on the other hand|in addition|for example|for instance|by contrast|in contrast|by comparison|"
    r"at the same time|as a result|in fact|of course|in other words|on the contrary|after all|"
    r"in the meantime|in turn)\s*,\s*", re.IGNORECASE)


def tidy(text: str) -> str:
    words = text.split()
    while words:
        if words[0].lower().strip(",") in _LEADING_DISCOURSE:
            words = words[1:]
            continue
        m = _LEADING_PHRASE.match(" ".join(words[:6]))
        if m is None:
            break
        words = words[len(m.group(0).split()):]
    text = " ".join(words)
    for bad, good in ((" ,", ","), (",,", ","), (" .", ".")):
        while bad in text:
            text = text.replace(bad, good)
    text = text.strip(" ,;:-\u2013\u2014")
    while text and (text[-1] in ".!?" or text[-1] in QUOTE_CHARS):
        text = text[:-1].rstrip(" ,;:")
    while text and text[0] in QUOTE_CHARS:
        text = text[1:].lstrip()
    return text

"""Who an unnamed mention of people stands for: the side a quoted "we" speaks for, the person an
indefinite description in the article's first sentence turns out to be, and the plural noun an
unresolved "they" stands for."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from .. import attrs
from ..entities.query import quote_speaker
from .common import ATTRIBUTION_VERBS, SUBJ_DEPS, _kids, _sent_of
from .names import _persons_in

_POSS_WORD_RE = re.compile(r"(?:'s|\u2019s)\b")

_WE = frozenset({"we", "us"})
_SIDES = frozenset({"org", "place"})


def speaker_side(tok: Token) -> Optional[str]:
    """The organization or team a quoted "we" speaks for: the one named in its speaker's title
    ("We opened nine new depots", said by "Acme's chief executive": Acme; "we missed two
    penalties", said by the "Ruritania coach": Ruritania); else None."""
    if tok.lower_ not in _WE:
        return None
    doc = tok.doc
    speaker = quote_speaker(doc, tok)
    if not speaker:
        return None
    entities = doc._.get(attrs.ENTITIES) or ()
    titles = [t for e in entities if e.get("name") == speaker for t in e.get("titles") or ()]
    for title in titles:
        # the side leads the title ("Acme's chief executive", "Ruritania coach"), not "founder of
        # a lab at Acme"
        said = _POSS_WORD_RE.sub("", title) + " "
        for entity in entities:
            if entity.get("kind") in _SIDES and any(
                    said.startswith(n + " ") for n in [entity.get("name") or ""] + list(entity.get("aliases") or ()) if n):
                return entity["name"]
    return None


_LEDE_WINDOW = 600  # characters after the first sentence where its unnamed person is named


def lede_person(tok: Token) -> Optional[str]:
    """The person an indefinite description in the article's first sentence stands for, named as
    the subject of a clause soon after ("A 41-year-old bus driver admitted the crash on Friday. //
    Jane Roe faces up to five years in prison ..."); else None."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in _kids(tok)):
        return None
    doc = tok.doc
    sent = tok.sent
    if any(t.is_alpha for t in doc[:sent.start]):
        return None  # not the first sentence
    for at, name in _persons_in(doc, sent.end_char, sent.end_char + _LEDE_WINDOW, "person"):
        span = doc.char_span(at, at + 1, alignment_mode="expand")
        head = span[0] if span is not None and len(span) else None
        while head is not None and head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        if head is not None and head.dep_ in ("nsubj", "nsubjpass") \
                and head.head.lemma_.lower() not in ATTRIBUTION_VERBS:
            return name
        return None  # (the first person named after it is someone else: a source, an object)
    return None


_THEY_SENTENCES = 2  # sentences looked back for what "they" stands for


def _plural_antecedent(pronoun: Token) -> Token:
    """The plural common noun an unresolved "they" stands for: the last plural subject before it in
    its sentence or the two before ("The rowers trained for 40 days. They rest 9 more"); else
    the pronoun itself."""
    if pronoun.lower_ != "they":
        return pronoun
    doc = pronoun.doc
    start = _sent_of(pronoun).start
    for _ in range(_THEY_SENTENCES):
        if start > 0:
            start = _sent_of(doc[start - 1]).start
    for i in range(pronoun.i - 1, start - 1, -1):
        tok = doc[i]
        if tok.dep_ in SUBJ_DEPS and tok.tag_ == "NNS" and tok.pos_ == "NOUN":
            return tok
    return pronoun


def _plural_in_sentence(pronoun: Token) -> Optional[Token]:
    """The plural common noun a "they" stands for when the subject of a clause before it in its own
    sentence is one ("when kayaks first reached shops they sold for £450"), else None."""
    if pronoun.lower_ != "they":
        return None
    doc = pronoun.doc
    for i in range(pronoun.i - 1, _sent_of(pronoun).start - 1, -1):
        tok = doc[i]
        if tok.dep_ in SUBJ_DEPS and tok.tag_ == "NNS" and tok.pos_ == "NOUN" and tok.head.i != pronoun.head.i:
            return tok
    return None

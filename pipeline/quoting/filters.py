"""Quoted spans that are not speech: titles of works, nicknames, "so-called" terms, scare quotes."""

from __future__ import annotations

import re
from typing import List

from spacy.tokens import Doc, Token

from .. import wordlists
from ..entities.lexicon import REPORTED_SPEECH_VERBS, doc_text
from .speakers import _DocView, _is_naming_cue

TITLE_NOUNS = wordlists.words("quotes_title_nouns.txt")


# --------------------------------------------------------------------------- filtering

_MINOR = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "&",
                    "is", "as"})


# words that introduce a name or a label, not speech, right before the opening mark
# (also the later names of a list after it: known as “X,” “Y” and “Z”)
_NAMING_LEAD = re.compile(r"\b(?:so[- ]called|known(?: [a-z]+ly| online)? as|nicknamed|also called|a\.?k\.?a\.?)[ \t\u00a0]*"
                          r"(?:[\"\u201c][^\"\u201c\u201d\n]{1,40}[\"\u201d][ \t\u00a0]*(?:,|or|and|, and|, or)?[ \t\u00a0]*){0,5}$",
                          re.I)


def _title_cased(words: List[Token]) -> bool:
    """Every word capitalized but the minor ones and numbers ("Walking the Long Road Home",
    "Ten Under 30")."""
    return words[0].text[:1].isupper() and all(w.text[:1].isupper() or w.lower_ in _MINOR or w.like_num
                                               for w in words)


def _names_a_work(content: str, words: List[Token]) -> bool:
    """A short title-cased phrase with no punctuation but a subtitle's colon, the full stop or
    comma that American style puts inside the closing mark ("A Long Way Down.") and the
    exclamation mark of a title of three words or more ("Up We Go!")."""
    bare = _LOWER_ABBREVIATION.sub("", content.rstrip(".,"))  # ("Farms vs. Ghosts")
    if len(words) >= 3:
        bare = bare.rstrip("!")
    return len(words) <= 6 and _title_cased(words) and not all(w.like_num for w in words) and not re.search(r"[,.!?;]", bare) \
        and content.count(":") <= 1


# a lower-case abbreviation inside a title ("vs.", "v."): not the end of a sentence
_LOWER_ABBREVIATION = re.compile(r"\b[a-z]{1,3}\.(?=\s)")


def leads_as_a_title(doc: Doc, view: _DocView, q: dict, has_cue: bool) -> bool:
    """A title opening its paragraph as the subject of the sentence (“A Long Way Down” opens on
    Friday): no cue, and the sentence goes on in lower case after the closing mark."""
    if has_cue or not q["close"]:
        return False
    words = _content_words(doc, view, q["start"], q["end"])
    after = [doc[i] for i in view.toks_in(q["close"][1], min(len(doc_text(doc)), q["close"][1] + 30))]
    after = [t for t in after if not t.is_space]
    return bool(words) and _names_a_work(doc_text(doc)[q["start"]:q["end"]], words) and bool(after) \
        and after[0].is_alpha and after[0].text[:1].islower() and after[0].lemma_.lower() not in REPORTED_SPEECH_VERBS


def modifies_a_noun(doc: Doc, view: _DocView, q: dict) -> bool:
    """A short title-cased phrase that qualifies the noun right after it, as a name does (the
    “Save Our Pier” campaign, “Kestrel Quest” studio): the phrase's words hang from a noun
    after the closing mark, as its modifier. (Not an evaluation: a “special” night.)"""
    if not view.has_dep or not q["close"]:
        return False
    toks = [doc[i] for i in view.toks_in(q["start"], q["end"]) if not doc[i].is_punct]
    if not toks or len(toks) > 8 or not _title_cased(toks):
        return False
    close_end = q["close"][1]
    outside = [t for t in toks if not (q["start"] <= t.head.idx < q["end"])]
    if len(outside) != 1:
        return False
    head = outside[0].head
    after = [doc[i] for i in view.toks_in(close_end, min(len(doc_text(doc)), close_end + 40)) if not doc[i].is_space]
    return outside[0].dep_ in ("compound", "nmod") and head.pos_ in ("NOUN", "PROPN") \
        and head.idx >= close_end and bool(after) and after[0].pos_ in ("NOUN", "PROPN", "ADJ") \
        and after[0].text[:1].islower() and (after[0] == head or after[0].head == head)


def _content_words(doc: Doc, view: _DocView, a: int, b: int) -> List[Token]:
    return [doc[i] for i in view.toks_in(a, b) if doc[i].is_alpha or doc[i].like_num]


def is_title_or_scare(doc: Doc, view: _DocView, q: dict, has_cue: bool) -> bool:
    """True for titles of works, nicknames, "so-called" terms and unattributed one- or two-word scare
    quotes (a label after a naming verb, "calls its workers “associates”", is one; an adjective,
    "called the plan “absurd”", is the subject's word)."""
    text = doc_text(doc)
    words = _content_words(doc, view, q["start"], q["end"])
    n = len(words)
    if n == 0:
        return True
    content = text[q["start"]:q["end"]]
    before = [doc[i] for i in view.toks_in(max(0, q["open"][0] - 60), q["open"][0])]
    before = [t for t in before if not t.is_space][-3:]
    while before and any(t.text in ".!?…" for t in before):
        before = before[1:]  # only words of the quote's own sentence ("... the song. “Yes ...”")
    close_end = q["close"][1] if q["close"] else q["end"]
    after = [doc[i] for i in view.toks_in(close_end, min(len(text), close_end + 40))]
    after = [t for t in after if not t.is_space]
    # a title noun or naming verb just before: the song “...”, a slogan like “...”, dubbed “...”
    # (not when a naming verb governs a lower-case quote: X called the report “deeply misleading”)
    if not q["lead"] and _NAMING_LEAD.search(text, max(0, q["open"][0] - 160), q["open"][0]):
        return True  # the so-called “...”, known as “...”, nicknamed “...”
    cue_tok = q.get("cue_tok")
    named_by_cue = cue_tok is not None and _is_naming_cue(cue_tok) and content[:1].islower()
    if n <= 12 and not q["lead"] and not named_by_cue:
        for t in before:
            if t.lemma_.lower() in TITLE_NOUNS or t.lower_ in TITLE_NOUNS:
                if not (has_cue and n > 4) or _title_cased(words) and not re.search(r"[,.!?;:]", content):
                    return True
    # “Title” by Someone (not the agent of a passive naming verb: was labelled “...” by Jane Doe)
    passive_naming = cue_tok is not None and _is_naming_cue(cue_tok) \
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in cue_tok.children)
    if n <= 10 and len(after) >= 2 and after[0].lower_ == "by" and after[1].text[:1].isupper() \
            and not re.search(r"[.!?,;:]\s*$", content) and not passive_naming:
        return True
    # nickname between a first and a last name: Dwayne “The Rock” Johnson
    if n <= 3 and before and after and before[-1].pos_ == "PROPN" and after[0].pos_ == "PROPN" \
            and before[-1].idx + len(before[-1].text) >= q["open"][0] - 1:
        return True
    # short title-cased phrase in running text with no one said to have said it, or named by a
    # participle ("a course called “...”")
    title_cased = _names_a_work(content, words)
    named_by_participle = cue_tok is not None and _is_naming_cue(cue_tok) and cue_tok.tag_ == "VBN" \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in cue_tok.children)
    if title_cased and not q["lead"] and (n <= 6 and not has_cue or n <= 4 or named_by_participle):
        if not (n == 1 and words[0].pos_ == "PRON"):
            return True
    if len(content.split()) <= 2 and not has_cue:
        if cue_tok is not None and _is_naming_cue(cue_tok) and all(w.pos_ in ("ADJ", "ADV") for w in words) \
                and words[-1].pos_ == "ADJ":
            return False  # an evaluation put in the subject's mouth: X called the plan “absurd”
        # a short sentence of its own right after another quote (“...,” she said. “Never.”) is speech
        j = q["open"][0] - 1
        while j >= 0 and text[j] in " \t\u00a0":
            j -= 1
        starts_sentence = j < 0 or text[j] in ".!?…\n" or text[j] in "”\"'’»"
        if starts_sentence and re.search(r"[.!?…]$", content) and words[0].text[:1].isupper():
            return False
        return True
    return False

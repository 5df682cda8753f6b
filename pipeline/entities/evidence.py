"""Evidence on a name: the tests that tell whether an entity the model found (or a run of
capitalized words it missed) names a person, an organization or neither. `mentions.py` weighs
them as it collects the mentions: titles, roles and ages around a name, a reporting verb it is the
subject of, a he/she soon after, a given name before it, how often the model tags the same text
as an organization, a company's legal form or initials, a capitalized word that only qualifies a
noun for a person."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Dict, List, Sequence, Tuple

from spacy.tokens import Doc, Span, Token

from .lexicon import (
    _POSSESSIVE,
    _SUBJ_DEPS,
    CORPORATE_ENDINGS,
    FEMALE,
    FIRST_NAMES,
    GIVEN_NAMES,
    MALE,
    ORG_NOUNS,
    ORG_WORDS_LOWER,
    PERSON_NOUNS,
    REPORTING_VERBS,
    ROLES,
    TITLES,
    _norm_word,
    acronym_key,
    doc_text,
    split_affiliation,
    split_title,
)
from .roles import is_person_noun


def _first_word_alone(doc: Doc, words: Sequence[str], skip: Tuple[int, int]) -> bool:
    """True when the first word of a two-or-three-word name also stands alone elsewhere in the doc
    (organizations are shortened to their first word, "Acme Widgets ... Acme"; people to their last)."""
    first, second = words[0], words[1] if len(words) > 1 else None
    for i in _word_positions(doc).get(first, ()):
        if not (skip[0] <= i < skip[1]):
            nxt = doc[i + 1].text if i + 1 < len(doc) else None
            if nxt != second:
                return True
    return False


_NORP_CACHE: List[object] = [None, frozenset()]


def _norp_words(doc: Doc) -> frozenset:
    """The texts the model tags as a nationality, creed or party on their own, once per doc."""
    if _NORP_CACHE[0] is not doc:
        _NORP_CACHE[0], _NORP_CACHE[1] = doc, frozenset(e.text for e in doc.ents if e.label_ == "NORP")
    return _NORP_CACHE[1]  # type: ignore[return-value]


_POS_CACHE: List[object] = [None, None]


def _word_positions(doc: Doc) -> Dict[str, List[int]]:
    """Capitalized token text -> token indices, built once per doc (keeps lookups linear)."""
    if _POS_CACHE[0] is not doc:
        pos: Dict[str, List[int]] = defaultdict(list)
        for t in doc:
            if t.text[:1].isupper():
                pos[t.text].append(t.i)
        _POS_CACHE[0], _POS_CACHE[1] = doc, pos
    return _POS_CACHE[1]  # type: ignore[return-value]


def _is_reporting_subject(tok: Token) -> bool:
    """The name whose head is `tok` is the subject of a reporting verb, or stands right after one
    ("said Jane Doe")."""
    t = tok
    for _ in range(3):
        if t.dep_ in ("compound", "flat") and t.head.i != t.i:
            t = t.head
        else:
            break
    if t.dep_ in _SUBJ_DEPS and t.head.lemma_.lower() in REPORTING_VERBS:
        return True
    i = tok.left_edge.i - 1
    while i >= 0 and (doc_t := tok.doc[i]).pos_ in ("PROPN", "PUNCT") and doc_t.text not in (",", ".", ":", ";") \
            and i > tok.left_edge.i - 4:
        i -= 1
    return i >= 0 and tok.doc[i].lemma_.lower() in REPORTING_VERBS and tok.doc[i].pos_ in ("VERB", "AUX") \
        and tok.doc[i].i < tok.i


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


_PERSONAL_POSS = frozenset({"his", "her", "himself", "herself"})


def _possessor_subject(doc: Doc, word: str) -> bool:
    """`word` alone is somewhere the subject of a clause that says "his"/"her" ("Doe told his
    crew to rest"): a sign that the word names a person."""
    for tok in doc:
        if tok.text == word and tok.dep_ in _SUBJ_DEPS and tok.head.pos_ in ("VERB", "AUX"):
            verb = tok.head
            if any(t.lower_ in _PERSONAL_POSS for t in verb.subtree if t.i > tok.i and t.sent == tok.sent):
                return True
    return False


def _given_name_before(doc: Doc, i: int) -> bool:
    """The token before token i is an untagged, capitalized given name that qualifies it: a
    person's name whose surname alone the entity model tagged ("Jane" + "Doe" as ORG)."""
    if i == 0:
        return False
    p = doc[i - 1]
    return p.text in GIVEN_NAMES and p.text[:1].isupper() and not p.ent_type_ and p.pos_ == "PROPN" \
        and p.head.i == i and p.dep_ in ("compound", "nmod") and (_norm_word(p.text),) not in TITLES


def _named_as_company(doc: Doc, words: Sequence[str]) -> bool:
    """Capitalized words the article also writes with a company's legal form after them ("Acme
    Widgets Inc's revenue") or whose initials it uses as an organization's name ("Acme Widgets,
    known as AW, said"): a company, whatever verb it is the subject of."""
    text = doc_text(doc)
    name = " ".join(words)
    for m in re.finditer(re.escape(name) + r"\s+(\S+)", text):
        if m.group(1).rstrip(",;:") in CORPORATE_ENDINGS or _POSSESSIVE.sub("", m.group(1)) in CORPORATE_ENDINGS:
            return True
    initials = acronym_key(name.lower()).upper()
    return len(initials) >= 2 and any(e.label_ == "ORG" and e.text == initials for e in doc.ents)


def _person_evidence(doc: Doc, ent_start: int, ent_end: int, words: Sequence[str]) -> bool:
    """Signs that a capitalized two-or-three-word span tagged ORG/GPE (or nothing) names a person:
    a title inside it or a title/role/person noun before it ("longtime resident Jane Doe"), an age
    after it ("Jane Doe, 54,"), a person-noun apposition, or a reporting verb it is the subject of."""
    if any((_norm_word(w),) in TITLES for w in split_affiliation(*split_title(words))[0]):
        return True  # (also a title after a place or body: "Ruritania Mayor Jane Doe")
    if len(words) >= 2 and words[1] not in GIVEN_NAMES and words[0] in _norp_words(doc):
        return False  # a nationality or creed and no given name after it: a body ("Ruritanian Guard")
    if len(words) >= 2 and _INITIALS.fullmatch(words[0]) and words[-1][1:].islower() and (
            not any(e.text == words[0] and e.label_ in ("GPE", "LOC", "NORP") for e in doc.ents)
            or _possessor_subject(doc, words[-1])):
        # a full name that opens with initials ("J.R. Doe") tagged ORG; initials the article also
        # names alone as a place ("U.K. Steel") only when the surname is a subject with "his"/"her"
        return True
    if ent_start > 0:
        prev = doc[ent_start - 1]
        if (_norm_word(prev.text),) in TITLES or prev.lower_ in ROLES \
                or (prev.pos_ == "NOUN" and prev.lemma_.lower() in PERSON_NOUNS):
            return True
    if ent_end + 2 < len(doc) and doc[ent_end].text == "," and doc[ent_end + 1].like_num \
            and doc[ent_end + 2].text == ",":
        return True
    head = doc[ent_start:ent_end].root
    for c in head.children:
        if c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS and c.lemma_.lower() not in ORG_NOUNS:
            return True
    if len(words) >= 2 and _is_reporting_subject(head) and not _first_word_alone(doc, words, (ent_start, ent_end)):
        return True
    if 2 <= len(words) <= 3 and words[0] in FIRST_NAMES and _personal_pronoun_after(doc, ent_end):
        return True  # a given name and a surname, and a "he"/"her" soon after: a person
    return False


def _personal_pronoun_after(doc: Doc, end: int, sentences: int = 2) -> bool:
    """A he/she-type pronoun after token `end` in its sentence or the next `sentences` ones."""
    if end >= len(doc):
        return False
    stop = doc[end - 1].sent.end
    for _ in range(sentences):
        if stop >= len(doc):
            break
        stop = doc[stop].sent.end
    return any(t.lower_ in MALE or t.lower_ in FEMALE for t in doc[end:stop])


def _has_org_word(words: Sequence[str]) -> bool:
    return any(_norm_word(w) in ORG_WORDS_LOWER for w in words)


_THING_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "FAC"})


def _active_speaker(ent: Span) -> bool:
    """The entity is the subject of an active reporting verb ("X said", "X announced"; not "X was
    announced", which a thing can be, as `_is_reporting_subject` allows for names)."""
    root = ent.root
    return root.dep_ == "nsubj" and root.head.pos_ == "VERB" and root.head.lemma_.lower() in REPORTING_VERBS \
        and not any(c.dep_ == "auxpass" for c in root.head.children)


def _label_votes(doc: Doc) -> Counter:
    """(text, label) -> how often the entity model tags that text with that label in the doc."""
    return Counter((e.text, e.label_) for e in doc.ents)


def _always_org(votes: Counter, text: str, words: Sequence[str]) -> bool:
    """The entity model tags this text as an organization three times or more and never as a
    person, and it opens with no known given name: an organization, whatever one sentence
    suggests ("X said" reads like a person's)."""
    return votes[(text, "ORG")] >= 3 and not votes[(text, "PERSON")] and words[0] not in FIRST_NAMES


def _always_place(votes: Counter, text: str) -> bool:
    """A text the entity model tags as a place at least twice and never as a person: a place,
    however a sentence reads ("Port Vale police told reporters")."""
    return votes[(text, "GPE")] + votes[(text, "LOC")] >= 2 and not votes[(text, "PERSON")]


def _qualifies_a_person_noun(tok: Token) -> bool:
    """One capitalized word that only qualifies a noun for a person ("an Olympic champion", "the
    Harbour striker"): part of a description, not a person's name."""
    head = tok.head
    return tok.dep_ in ("compound", "amod", "nmod") and head.i > tok.i and is_person_noun(head)


def _a_post(last: Token, n_words: int) -> bool:
    """A title and one capitalized word that a person becomes or serves as ("to become Head Steward",
    "served as Head Steward"): a post, not a name."""
    return n_words == 1 and (last.dep_ in ("attr", "oprd") or last.dep_ == "pobj" and last.head.lower_ == "as")

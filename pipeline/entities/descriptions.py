"""Definite descriptions outside the role lexicon. Of people ("the reigning titleholder", "the
property magnate", "the third seed", "the "Blue Harbour" crooner, 41,"): whether a definite noun
phrase describes a person, and the most salient person before it that it fits. Of places ("the
country", "the nation") and the place a nationality word names. Of anything the article gives
the noun as a title ("the group" after "folk group Wrenfield"). Part of the entity query API
(`pipeline/entities/query.py`); `roles.py` asks here for nouns its lists do not hold."""

from __future__ import annotations

from bisect import bisect_right
from typing import Dict, Optional, Set

from spacy.tokens import Doc, Token

from .. import attrs, wordlists
from .binding import _is_subject
from .index import AGENT_KINDS, _Index, _index, cluster_for, doc_memo
from .lexicon import ORG_NOUNS, PERSON_NOUNS, clean_name_text
from .orgs import fullest_org

# nouns for people the role and person lists leave out, with their gender
EPITHET_NOUNS: Dict[str, Optional[str]] = {
    k[0]: v for k, v in wordlists.gendered("people_epithet_nouns.txt").items()}

# endings that make a noun a person's, with the gender they give ("-woman" before "-man")
_PERSON_ENDINGS = (("woman", "f"), ("man", "m"), ("tress", "f"), ("ess", "f"), ("ist", None),
                   ("eer", None), ("ian", None))
# words with such an ending that are not people (the ending is only a spelling)
_NOT_PEOPLE = frozenset({
    "business", "address", "access", "success", "process", "progress", "press", "stress", "excess",
    "fortress", "mattress", "distress", "harness", "congress", "recess", "express", "chess", "dress",
    "guess", "mess", "loss", "compass", "list", "twist", "wrist", "mist", "exist", "assist", "heist",
    "checklist", "playlist", "shortlist", "wishlist", "blacklist", "career", "pioneer", "veneer",
    "median", "guardian", "amphibian", "custodian", "meridian", "human", "german", "roman",
    "ottoman", "caiman", "specimen"})
_RANK_HEADS = frozenset({"seed", "number", "no."})  # "the second seed", "the world number two"
_DEFINITE = frozenset({"the", "this", "that"})
# verbs a number as such does (a count or a level is no player): "the number 9 rose"
_LEVEL_VERBS = frozenset({"rise", "fall", "drop", "climb", "grow", "increase", "decrease", "reach", "double",
                          "stand", "remain", "exceed", "total", "jump", "slip", "decline", "soar"})
# where a word the tagger took for an adjective is a noun phrase's head ("beat the Danish qualifier")
_NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
_MAX_AGE = 120
# nouns for a part of a group, which writers also give a "who" clause
_PARTS = frozenset({"percentage", "proportion", "share", "number", "majority", "minority", "half", "rest",
                    "fraction", "portion", "third", "quarter", "tenth", "fifth"})


def _ending_gender(word: str):
    """(True, gender) when a word ends as nouns for people do ("-woman", "-ist", "-ess"), else (False, None)."""
    if word in _NOT_PEOPLE or not word.isalpha():
        return False, None
    for end, gender in _PERSON_ENDINGS:
        if word.endswith(end) and len(word) >= len(end) + 3 and not word.endswith("ness"):
            return True, gender
    return False, None


def _ranked(token: Token) -> bool:
    """A place in a ranking or a shirt number standing for a player: "the top seed", "the second
    seed", "the world number two", "the Harbour number 9 scored" (a rank word with an ordinal, "top"
    or a number of its own; a numbered "number" acting as a subject)."""
    if token.lower_ not in _RANK_HEADS:
        return False
    kids = list(token.children)
    if token.lower_ == "seed":
        return any(c.dep_ in ("amod", "compound", "nummod")
                   and (c.ent_type_ == "ORDINAL" or c.lower_ in ("top", "bottom", "no.")) for c in kids)
    # ("the world number two"; "the Harbour number 9 scored twice": a shirt number acting)
    return any(c.dep_ == "nummod" for c in kids) and (
        any(c.dep_ == "compound" and c.lower_ == "world" for c in kids)
        or token.dep_ == "nsubj" and token.head.pos_ == "VERB" and token.head.lemma_.lower() not in _LEVEL_VERBS)


def _age_apposition(token: Token) -> bool:
    """"the crooner, 41," : a bare number in apposition is an age."""
    return any(c.dep_ == "appos" and c.like_num and c.text.isdigit() and 0 < int(c.text) <= _MAX_AGE
               for c in token.children)


def _who_clause(token: Token) -> bool:
    """"the magnate, who ..." : a relative clause on "who" is about a person (not on a part of a
    group, "the share who agreed")."""
    return token.lemma_.lower() not in _PARTS and any(
        c.dep_ == "relcl" and any(g.lower_ in ("who", "whom", "whose") for g in c.children) for c in token.children)


def _definite(token: Token) -> bool:
    """"the" on the noun, or opening its phrase (the parser may hang it on a title before the
    noun: "the "Copper Sky" crooner")."""
    edge = token.left_edge
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children) or (
        edge.dep_ == "det" and edge.lower_ in _DEFINITE and edge.i < token.i)


def person_description(token: Token):
    """(True, gender) when the token heads a definite singular description of a person (see
    `person_noun`), else (False, None)."""
    if not _definite(token):
        return False, None
    return person_noun(token)


def _aged(token: Token) -> bool:
    """"a 41-year-old crooner": an age before the noun."""
    return any(c.lower_ == "old" and c.dep_ == "amod" for c in token.children)


def person_noun(token: Token):
    """(True, gender) when the token heads a singular noun phrase for a person: a noun of the
    person, role or epithet lists, a noun ending as nouns for people do, a place in a ranking, or
    any noun with an age before it or in apposition, or a "who" clause; else (False, None)."""
    nominal = token.pos_ == "NOUN" and token.tag_ == "NN" or token.pos_ == "ADJ" and token.dep_ in _NOMINAL
    if not nominal:
        return False, None
    low = token.lower_
    if low in ORG_NOUNS or token.lemma_.lower() in ORG_NOUNS:
        return False, None
    if low in EPITHET_NOUNS:
        return True, EPITHET_NOUNS[low]
    if low in PERSON_NOUNS:
        return True, PERSON_NOUNS[low]
    person, gender = _ending_gender(low)
    if person or _ranked(token) or _age_apposition(token) or _aged(token) or _who_clause(token):
        return True, gender
    return False, None


def described_person(doc: Doc, token: Token) -> Optional[str]:
    """The person a definite description outside the role lists stands for, else None.

    The candidates are the people named before it; those named in its own sentence are someone
    else ("Jane Doe beat the reigning titleholder"), and so is whom the subject of its clause
    stands for when the description is an object ("The titleholder beat the qualifier"). Among those
    left, of a fitting gender, the most salient wins: two points for each mention as a subject, one
    for any other, two more for the person the article names first, ties to the one named last."""
    is_person, gender = person_description(token)
    idx = _index(doc)
    if not is_person or idx is None:
        return None
    others = _named_in_sentence(doc, idx, token)
    subject = _clause_subject(token)
    if subject is not None and subject.i != token.i:
        other = described_person(doc, subject) if subject.pos_ == "NOUN" else None
        if other:
            others.add(other)
    score: Dict[str, int] = {}
    last: Dict[str, int] = {}
    first = None
    for a, b, ci in idx.char_starts[:bisect_right(idx.mention_starts, token.idx)]:
        c = idx.people[ci]
        if c["kind"] != "person" or b > token.idx:
            continue
        name = c["name"]
        first = first or name
        span = doc.char_span(a, b, alignment_mode="expand")
        subj = span is not None and len(span) and _is_subject(span.root)
        score[name] = score.get(name, 0) + (2 if subj else 1)
        last[name] = a
    genders = {c["name"]: c.get("gender") for c in idx.people if c["kind"] == "person"}
    fits = [n for n in score if n not in others and not (gender and genders.get(n) and genders[n] != gender)]
    if not fits:
        return None
    return max(fits, key=lambda n: (score[n] + (2 if n == first else 0), last[n]))


def _named_in_sentence(doc: Doc, idx: _Index, token: Token) -> Set[str]:
    """The people named by name in the token's sentence."""
    sent = token.sent
    return {idx.people[ci]["name"] for a, b, ci in idx.char_starts
            if sent.start_char <= a < sent.end_char and idx.people[ci]["kind"] == "person"
            and not (a <= token.idx < b)}


def _clause_subject(token: Token) -> Optional[Token]:
    """The subject of the clause a non-subject token belongs to ("The titleholder beat [the
    qualifier]", "shared a picture of [the actor]"), else None."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return None
    cur = token
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            subject = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            # (a clause the parser hung on its subject as a participle: "The winner swept past ...")
            return subject if subject is not None or cur.dep_ != "acl" else cur.head
    return None



# nouns for a country or a state that, bare and definite, name the place the article named last
_PLACE_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic"})
_PLACE_WINDOW = 1500  # characters looked back for that place


def place_description(doc: Doc, token: Token) -> Optional[str]:
    """The place a bare definite "the country", "the nation", "the state" stands for: the place the
    article named last before it, within `_PLACE_WINDOW` characters, else None ("the state
    senate", "the nation's capital" and "a country" are no such description)."""
    if token.lower_ not in _PLACE_NOUNS or token.dep_ == "compound" or not any(
            c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children) or any(
            c.dep_ in ("amod", "compound", "nmod", "poss") for c in token.children):
        return None
    named = [(a, c["name"]) for c in doc._.get(attrs.ENTITIES) or () if c["kind"] == "place"
             for a, b in c["mentions"] if token.idx - _PLACE_WINDOW <= a and b <= token.idx]
    # a nationality word after it names a place too, known only if the article names that place
    # ("Ruritanian lawmakers think the country ..."); an unknown one leaves the answer open
    named += [(e.start_char, demonym_place(doc, e.text)) for e in doc.ents
              if e.label_ == "NORP" and token.idx - _PLACE_WINDOW <= e.start_char and e.end_char <= token.idx]
    return max(named, key=lambda n: n[0])[1] if named else None


_DEMONYM_ENDS = frozenset({"", "n", "an", "ian", "i", "ese", "ean", "ish", "ic"})
_PLACE_ENDS = frozenset({"", "a", "o", "e", "y", "ia"})
_MIN_STEM = 4  # letters a place and its nationality word share ("Borduria"/"Bordurian", "Zanda"/"Zandese")


def demonym_place(doc: Doc, word: str) -> Optional[str]:
    """The canonical name of the article's place that a nationality word names ("Ruritanian" ->
    "Ruritania", "Zandese" -> "Zanda"), or None: the word and a one-word place name share a stem of
    four letters or more, and what is left of each is a usual ending ("-n", "-ian", "-ese" / "-a",
    "-y"); no place of the article fits, no answer (the word is not looked up in a list)."""
    low = word.lower()
    if len(low) < _MIN_STEM + 1 or not word[:1].isupper():
        return None
    for entity in doc._.get(attrs.ENTITIES) or ():
        name = entity.get("name") or ""
        if entity.get("kind") != "place" or " " in name or name.lower() == low:
            continue
        place = name.lower()
        stem = 0
        while stem < min(len(low), len(place)) and low[stem] == place[stem]:
            stem += 1
        if stem >= _MIN_STEM and low[stem:] in _DEMONYM_ENDS and place[stem:] in _PLACE_ENDS:
            return name
    return None


def titled_name(doc: Doc, noun: Token) -> Optional[str]:
    """The one name the article gives the bare noun of a definite description as its title ("the
    group" after "folk group Wrenfield"; "the airline" after "Norvik, the budget airline"), else None.
    A title with an owner or "other" ("his other band, Nightjar") names someone else."""
    if noun.tag_ not in ("NN", "NNS") or any(c.dep_ in ("amod", "compound", "poss") for c in noun.children):
        return None
    memo = doc_memo(doc, "titled_name")
    if noun.lower_ not in memo:
        names = set()
        for tok in doc:
            if tok.lower_ != noun.lower_ or tok.i == noun.i or tok.pos_ != "NOUN" or any(
                    c.dep_ == "poss" or c.lower_ in ("other", "another", "a", "an") for c in tok.children):
                continue
            if tok.dep_ in ("compound", "appos") and tok.head.pos_ == "PROPN":
                names.add(_name_at(doc, tok.head))
            after = tok.nbor(1) if tok.i + 1 < len(doc) else None
            if after is not None and after.ent_iob_ == "B" and after.ent_type_ in _NAME_LABELS:
                ent = next(e for e in doc.ents if e.start == after.i)
                names.add(_name_at(doc, ent[-1]))
            names.update(_name_at(doc, c) for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN")
        names.discard(None)
        memo[noun.lower_] = next(iter(names)) if len(names) == 1 else None
    return memo[noun.lower_]


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE"})  # entity labels a name after a title bears


def _name_at(doc: Doc, tok: Token) -> Optional[str]:
    """The canonical name of the person or organization a proper noun belongs to, else the proper
    name as written (its run of proper nouns, as the entity layer has none for it)."""
    cluster = cluster_for(doc, tok.idx, tok.idx + len(tok.text))
    if cluster is not None and cluster["kind"] in AGENT_KINDS:
        return fullest_org(doc, cluster["name"]) if cluster["kind"] == "org" else cluster["name"]
    lo = tok.i
    while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].head.i in range(lo, tok.i + 1) \
            and doc[lo - 1].dep_ in ("compound", "flat"):
        lo -= 1
    return clean_name_text(doc[lo:tok.i + 1].text) or None

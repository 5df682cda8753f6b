"""Word lists and name shapes of the entity layer: titles, roles, person and organization nouns,
and the tests that a run of words can be a personal name."""

from __future__ import annotations

import re
from importlib import resources
from typing import Dict, List, Optional, Sequence, Tuple

from spacy.tokens import Doc

from .. import wordlists
from ..wordlists import norm_word as _norm_word

TITLES: Dict[Tuple[str, ...], Optional[str]] = wordlists.gendered("people_titles.txt")
# the titles written as one abbreviated word with its period ("Sgt."): the tokenizer keeps each whole
ABBREVIATED_TITLES = tuple(cols[0] for _, cols in wordlists.entries("people_titles.txt", (1, 2))
                           if cols[0].endswith(".") and cols[0][:-1].isalpha())
ROLES: Dict[str, Optional[str]] = {k[0]: v for k, v in wordlists.gendered("people_roles.txt").items()}
# nouns for people (an unnamed "a nurse" or "the woman" can be a pronoun's antecedent)
PERSON_NOUNS: Dict[str, Optional[str]] = dict(ROLES)
PERSON_NOUNS.update({k[0]: v for k, v in wordlists.gendered("people_person_nouns.txt").items()})
# family nouns ("Mr Doe's father, Tom,": Tom Doe), nouns for people too
_KIN: Dict[str, Optional[str]] = {k[0]: v for k, v in wordlists.gendered("people_kin_nouns.txt").items()}
PERSON_NOUNS.update(_KIN)
KIN_NOUNS = frozenset(_KIN)
_TITLE_MAXLEN = max((len(k) for k in TITLES), default=1)
_TITLE_FIRST = frozenset(k[0] for k in TITLES if k)
# words that end an organization's name ("Acme Renewables") and nouns that stand for one ("the agency")
# abbreviated words of organizations' names and the word each stands for ("assn" -> "association")
ORG_ABBREVIATIONS: Dict[str, str] = {k[0]: min(v) for k, v in wordlists.mapping("people_org_abbreviations.txt").items()}
ORG_WORDS_LOWER = frozenset(_norm_word(w) for w in wordlists.lines("people_org_words.txt")) | frozenset(ORG_ABBREVIATIONS)
ORG_NOUNS = wordlists.words("org_nouns.txt")
# texts that speak for their author ("the report said"): see `query.document_source`
DOCUMENT_NOUNS = wordlists.words("people_document_nouns.txt")
# titles and the role nouns that refer back to their holder ("Gov." -> "governor")
TITLE_ROLES: Dict[Tuple[str, ...], frozenset] = wordlists.mapping("people_title_roles.txt")
# first names by sex: weak evidence for a person's gender when no title or pronoun tells it
_FIRST_M = frozenset(wordlists.lines("people_first_names_m.txt"))
_FIRST_F = frozenset(wordlists.lines("people_first_names_f.txt"))
FIRST_NAMES = _FIRST_M | _FIRST_F


def _census_shares() -> Dict[str, List[float]]:
    """Given names of the 1990 US census (the `names` package ships its lists: a name, then its
    share of men or of women in percent): name -> [share of men, share of women]."""
    shares: Dict[str, List[float]] = {}
    for col, fname in ((0, "dist.male.first"), (1, "dist.female.first")):
        for line in (resources.files("names") / fname).read_text(encoding="ascii").splitlines():
            cols = line.split()
            if len(cols) >= 2:
                shares.setdefault(cols[0].capitalize(), [0.0, 0.0])[col] = float(cols[1])
    return shares


def _census_genders(shares: Dict[str, List[float]]) -> Dict[str, str]:
    """A census name is one sex's when that sex's share is at least ten times the other's
    ("Jeremy" is a man's name although a few women bear it)."""
    out = {}
    for name, (m, f) in shares.items():
        if m >= 10 * f:
            out[name] = "m"
        elif f >= 10 * m:
            out[name] = "f"
    return out


_CENSUS = _census_shares()
GIVEN_NAMES = FIRST_NAMES | frozenset(_CENSUS)
"""Every given name known, of either sex or both ("Chris")."""
# this project's lists (names of many languages) win over the census where both know a name
FIRST_NAME_GENDER: Dict[str, str] = _census_genders(_CENSUS)
FIRST_NAME_GENDER.update({w: "m" for w in _FIRST_M - _FIRST_F})
FIRST_NAME_GENDER.update({w: "f" for w in _FIRST_F - _FIRST_M})
# second words that make "X County Board" a place's body (a lone "X" is then the place)
PLACE_WORDS = frozenset(_norm_word(w) for w in wordlists.lines("people_place_words.txt"))
# lemmas of reporting verbs (shared with the quotes stage)
_REPORTING = {cols[0].lower(): frozenset(" ".join(cols[1:]).split())
              for _, cols in wordlists.entries("quotes_reporting_verbs.txt", (1, 2))}
REPORTING_VERBS = frozenset(_REPORTING)
REPORTED_SPEECH_VERBS = frozenset(verb for verb, flags in _REPORTING.items() if "reported" in flags)
"""Reporting verbs precise enough to build reported speech from ("X said (that) ...")."""
UNASSERTED_REPORTING_VERBS = frozenset(verb for verb, flags in _REPORTING.items() if "unasserted" in flags)
"""Reporting verbs whose clause is not asserted as true ("denied", "hoped", "promised")."""

# the small words an organization's name joins its words with ("Friends of the Earth")
_ORG_JOINERS = frozenset({"of", "the", "for", "and", "on", "in", "&", "at", "to"})


def acronym_key(key: str) -> str:
    """The initials an acronym of an organization's (lower-cased) name would spell: its words but
    the joiners ("of", "the", "for", ...), first letters, lower case."""
    caps = [w for w in key.split() if w not in _ORG_JOINERS]
    return "".join(w[0] for w in caps) if len(caps) >= 2 else ""


# the legal form that ends a company's name ("Acme Inc", "Acme Holdings Ltd.")
CORPORATE_ENDINGS = frozenset({"Inc.", "Corp.", "Co.", "Ltd.", "Inc", "Corp", "Ltd", "LLC", "PLC", "plc", "AG", "SA"})

# the one plural word of a team's or company's name after a place ("Sharks", "Rovers")
TEAM_WORD = re.compile(r"[A-Z][a-z]+[^su]s")

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
PRONOUNS = MALE | FEMALE | PLURAL

_POSSESSIVE = re.compile(r"(?:['’‘]s|['’‘])$")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’\-]*|[A-Z]\.|(?:de|da|del|della|di|du|la|le|van|von|der|den|bin|ibn|al|el|dos|das|y|st\.?)|[a-z]{1,3}[-'’][A-Z][\w'’\-]*|Mc[A-Z]\w*|O['’][A-Z]\w*)$")
_PARTICLE_SURNAME = re.compile(r"^[a-z]{1,3}[-'’][A-Z]")
_NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
_PARTICLE_PREFIX = re.compile(r"^[a-z]{1,3}[-'’](?=[A-Z])")
_BAD_CHARS = re.compile(r"[/\\|@#0-9()\[\]{}<>=+*]")
_DIGIT = re.compile(r"\d")
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})


_TEXT_CACHE: List[object] = [None, ""]


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached for the last doc (spaCy rebuilds the string on every access)."""
    if _TEXT_CACHE[0] is not doc:
        _TEXT_CACHE[0], _TEXT_CACHE[1] = doc, doc.text
    return _TEXT_CACHE[1]  # type: ignore[return-value]


def title_gender(words: Sequence[str]) -> Optional[str]:
    """Gender a title tells ("Ms." -> "f"), else None."""
    return TITLES.get(tuple(_norm_word(w) for w in words))


def split_title(words: Sequence[str]) -> Tuple[List[str], List[str]]:
    """Split leading titles off a list of name words: (["Sen."], ["Jane", "Doe"])."""
    words = list(words)
    title: List[str] = []
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in range(min(_TITLE_MAXLEN, len(words) - 1), 0, -1):
            key = tuple(_norm_word(w) for w in words[:n])
            if key in TITLES:
                title.extend(words[:n])
                words = words[n:]
                changed = True
                break
    return title, words


def name_words(name: str) -> List[str]:
    """The lower-cased words of a name, an abbreviated organization word written out ("Acme Assn."
    -> ["acme", "association"]): what a noun that refers back to the name is compared with."""
    return [ORG_ABBREVIATIONS.get(_norm_word(w), w.lower()) for w in name.split()]


def last_name(words: Sequence[str]) -> str:
    """The surname of a full name: its last word, before a generational suffix ("Doe" of
    "John A. Doe III" and of "John Doe Jr.")."""
    k = len(words)
    while k > 1 and words[k - 1].rstrip(".,") in _NAME_SUFFIXES:
        k -= 1
    return words[k - 1].rstrip(",")


def surname_key(word: str) -> str:
    """A surname as it is looked up, without a lowercase particle written onto it: "al-Amin" and
    "Amin" are one surname, as the article shortens it."""
    return _PARTICLE_PREFIX.sub("", word)


def split_affiliation(title: List[str], name: List[str]) -> Tuple[List[str], List[str]]:
    """Move capitalized words the entity model joined to a name before its given name into the
    title: a party or group abbreviation ("Grn Pty Jane Doe" -> (["Grn", "Pty"], ["Jane", "Doe"])),
    when no word before the given name is a given name itself and a surname follows it; or a place
    or body with the title after it ("Ruritania Mayor Jane Doe" -> (["Ruritania", "Mayor"], ...))."""
    for k in range(len(name) - 2, 0, -1):
        # (a title may hold "of": "Tarsa Port Chief of Staff Jane Doe")
        titled = (_norm_word(name[k]),) in TITLES or k >= 2 and name[k - 1] == "of" and (_norm_word(name[k - 2]),) in TITLES
        if titled and all(w[:1].isupper() and w not in FIRST_NAMES for w in name[:k] if w != "of") \
                and not any((_norm_word(w),) in TITLES for w in name[k + 1:]) and looks_like_name(name[k + 1:]) \
                and name[k + 1].rstrip(".") not in _NAME_SUFFIXES:  # (not "... Luther King Jr.")
            return title + name[:k + 1], name[k + 1:]
    for k in range(1, len(name) - 1):
        if name[k] in FIRST_NAMES and not any(w in FIRST_NAMES for w in name[:k]) \
                and all(w[:1].isupper() and "." not in w and len(w) > 1 for w in name[:k]):  # not initials
            return title + name[:k], name[k:]
    return title, name


# a market data code a wire story writes after an index, a commodity or a currency (".N225",
# "LCOc1", "CMCU3", "JPY="): a lookup key, not a word of the name
INSTRUMENT_CODE = re.compile(r"^(?:\.[A-Z0-9][A-Za-z0-9]{1,14}|[A-Z0-9]{1,8}=[A-Z0-9]*|=[A-Z0-9]{2,8}|[A-Z]{2,5}c\d|[A-Z]{3,6}\d)$")


def is_instrument_code(word: str) -> bool:
    return bool(INSTRUMENT_CODE.match(word))


def without_codes(text: str) -> str:
    """`text` without the market data codes after its words ("Nikkei .N225" -> "Nikkei")."""
    words = text.split()
    while len(words) > 1 and INSTRUMENT_CODE.match(words[-1]):
        words.pop()
    return " ".join(words)


def clean_name_text(text: str) -> str:
    """Strip a possessive ending, surrounding punctuation, market data codes and odd spacing from
    a name."""
    text = without_codes(" ".join(text.split()))
    text = text.strip(" ,;:-–—\"“”‘’'`")
    text = _POSSESSIVE.sub("", text)
    return text.strip(" ,;:.-–—") if not re.search(r"\b[A-Z]\.$", text) else text.strip(" ,;:-–—")


def looks_like_name(words: Sequence[str]) -> bool:
    """True when every word could be part of a personal name (capitalized, initials, particles)."""
    if not words or len(words) > 5:
        return False
    if any(_BAD_CHARS.search(w) for w in words):
        return False
    if not (words[-1][:1].isupper() or _PARTICLE_SURNAME.match(words[-1])):
        return False  # (a surname may open with a particle: "al-Amin", "el-Sayed", "d'Arcy")
    return all(_NAME_WORD.match(w) for w in words)


def common_nouns(doc: Doc) -> frozenset:
    """Lower-cased words the article uses as common nouns outside any name ("a new radio", "TV
    shows")."""
    return frozenset(t.lower_ for t in doc if t.pos_ == "NOUN" and not t.ent_type_ and t.is_alpha)


def names_a_product(words: Sequence[str], common: frozenset) -> bool:
    """A longer name that ends in a word the article uses as a common noun, not an organization's
    ("Acme Radio" beside "radio ads"; not "Acme Bank" beside "the bank"): a thing bearing the name
    before it."""
    return len(words) > 1 and words[-1].lower() in common and words[-1].lower() not in ORG_NOUNS

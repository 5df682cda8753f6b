"""Per-article clusters of people and organizations, and pronoun resolution.

The stage ("claimsift_people", after ``ner``) groups the PERSON and ORG mentions of one
article into clusters and writes them to ``doc._.claimsift_people`` (see ``pipeline/attrs.py``):
full names, surnames, first names, title + surname ("Rep. Okonkwo"), possessives ("Okonkwo’",
"Lindqvist's") all land in one cluster whose ``name`` is the fullest form the article uses. Titles
and roles are kept apart from names ("longtime strategist Dana Whitmore" gives the name
"Dana Whitmore" and the title "longtime strategist"). A cluster's gender ("m", "f" or None) comes
from gendered titles ("Ms.", "congresswoman") and from the he/she pronouns that follow its
mentions; it is what pronoun resolution uses.

The small entity model mislabels and misses names, so the stage corrects it with general
evidence: a span tagged ORG/GPE is a person when a title starts it ("Councilmember Jane Doe"),
a title, role or person noun precedes it ("longtime resident Jane Doe"), an age or a person
apposition follows it ("Jane Doe, 54,"), or it is a capitalized two-or-three-word subject of a
reporting verb whose first word never stands alone elsewhere (organizations are shortened to
their first word, people to their last). A PERSON span ending in an organization word
("Acme Renewables", ``people_org_words.txt``) or right after an organization noun ("industrial
group Acme Werke", ``people_org_nouns.txt``) is an organization. Names no entity covers are
found after titles ("said Mayor Jane Doe") and as reporting-verb subjects; a first name the
model left out ("Jane" in "Jane Doe, 54,") joins the name; hyphenated surnames are repeated as
one word; an acronym joins the organization it abbreviates.

Organizations: a lone word that starts exactly one known organization's name joins it ("Harlow"
beside "Harlow Dynamics"; not when the name is a place's body, "X County Board",
``people_place_words.txt``); a short organization name joins the one fuller name it starts or
(capitalized names only, not after "of") ends ("the Gulls" -> "Harbor City Gulls"); an
untagged fuller form in the text ("X Technologies" where only "X" was tagged) joins too; an
organization's canonical name is its fullest form. Garbage is kept out: datelines (an all-caps
place opening a paragraph before a dash: "CITY, Region (Agency) -") are places, never clusters;
entities crossing a lowercase function word ("Gulls as Mercer" in a headline) are split there;
a one-word "person" that opens a sentence or headline and that the article also writes in
lower case ("Ferry strike ...", "Turnout reached ...") is dropped. When neither titles nor
pronouns give a person's gender, a first name of one sex does (``people_first_names_*.txt``,
weak evidence only).

Pure helpers that later stages call (they read only ``doc._.claimsift_people`` and the parse):

``canonical_name(doc, start, end) -> str | None``
    The canonical cluster name for the mention at character offsets ``[start, end)`` of
    ``doc.text`` (a full name, a surname, a first name, "Rep. X", a possessive "X's"), else None.

``resolve_pronoun(doc, token) -> str | None``
    The canonical name a personal pronoun (he/him/his/himself, she/her/hers/herself,
    they/them/their) refers to, by gender and recency: mentions earlier in the same sentence
    and in up to four preceding sentences, subjects preferred, a pronoun subject of an earlier
    sentence followed through to its own antecedent. "they" resolves to a coordinated subject
    ("X and Y") or an organization. An object pronoun never refers to the subject of its own
    clause (binding principle B: in "Judge X ordered him to pay", him is not X); possessives and
    reflexives can ("X raised money for her campaign"). None when nothing fits.

``cluster_for(doc, start, end) -> dict | None``
    The cluster dict itself, for callers that also want the gender, kind or titles.

``role_antecedent(doc, token) -> str | None``
    The person a definite role noun stands for ("the congresswoman" -> the most recent person
    with that role or a compatible gender; titles map to roles through
    ``people_title_roles.txt``, so "Gov. X" is "the governor").

``org_antecedent(doc, token) -> str | None``
    The organization a definite org noun stands for ("the agency" -> the most recent
    organization, preferring one whose name ends in that noun).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import attrs

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


# --------------------------------------------------------------------------- resources

def _read_lines(name: str) -> List[str]:
    path = RESOURCES / name
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError:
        return []
    out = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].rstrip() if not line.lstrip().startswith("#") else ""
        if line.strip():
            out.append(line)
    return out


def _norm_word(w: str) -> str:
    return w.lower().rstrip(".")


def _load_gendered(name: str) -> Dict[Tuple[str, ...], Optional[str]]:
    table: Dict[Tuple[str, ...], Optional[str]] = {}
    for line in _read_lines(name):
        parts = line.split("\t")
        words = tuple(_norm_word(w) for w in parts[0].split())
        gender = parts[1].strip() if len(parts) > 1 and parts[1].strip() in ("m", "f") else None
        if words:
            table[words] = gender
    return table


TITLES: Dict[Tuple[str, ...], Optional[str]] = _load_gendered("people_titles.txt")
ROLES: Dict[str, Optional[str]] = {k[0]: v for k, v in _load_gendered("people_roles.txt").items()}
# nouns for people (an unnamed "a nurse" or "the woman" can be a pronoun's antecedent)
PERSON_NOUNS: Dict[str, Optional[str]] = dict(ROLES)
PERSON_NOUNS.update({k[0]: v for k, v in _load_gendered("people_person_nouns.txt").items()})
_TITLE_MAXLEN = max((len(k) for k in TITLES), default=1)
_TITLE_FIRST = frozenset(k[0] for k in TITLES if k)
# words that end an organization's name ("Acme Renewables") and nouns that stand for one ("the agency")
ORG_WORDS_LOWER = frozenset(_norm_word(w) for w in _read_lines("people_org_words.txt"))
ORG_NOUNS = frozenset(w.strip().lower() for w in _read_lines("people_org_nouns.txt"))
# titles and the role nouns that refer back to their holder ("Gov." -> "governor")
TITLE_ROLES: Dict[Tuple[str, ...], frozenset] = {}
for _line in _read_lines("people_title_roles.txt"):
    _parts = _line.split("\t")
    if len(_parts) == 2:
        TITLE_ROLES[tuple(_norm_word(w) for w in _parts[0].split())] = frozenset(_parts[1].lower().split())
# first names by sex: weak evidence for a person's gender when no title or pronoun tells it
_FIRST_M = frozenset(w.strip() for w in _read_lines("people_first_names_m.txt"))
_FIRST_F = frozenset(w.strip() for w in _read_lines("people_first_names_f.txt"))
FIRST_NAME_GENDER: Dict[str, str] = {w: "m" for w in _FIRST_M - _FIRST_F}
FIRST_NAME_GENDER.update({w: "f" for w in _FIRST_F - _FIRST_M})
# second words that make "X County Board" a place's body (a lone "X" is then the place)
PLACE_WORDS = frozenset(_norm_word(w) for w in _read_lines("people_place_words.txt"))
# lemmas of reporting verbs (shared with the quotes stage)
REPORTING_VERBS = frozenset(w.strip().lower() for w in _read_lines("quotes_reporting_verbs.txt"))

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
PRONOUNS = MALE | FEMALE | PLURAL

_POSSESSIVE = re.compile(r"(?:['’‘]s|['’‘])$")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’\-]*|[A-Z]\.|(?:de|da|del|della|di|du|la|le|van|von|der|den|bin|ibn|al|el|dos|das|y|st\.?)|[a-z]{1,3}-[A-Z][\w'’\-]*|Mc[A-Z]\w*|O['’][A-Z]\w*)$")
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


def clean_name_text(text: str) -> str:
    """Strip a possessive ending, surrounding punctuation and odd spacing from a name."""
    text = " ".join(text.split())
    text = text.strip(" ,;:-–—\"“”‘’'`")
    text = _POSSESSIVE.sub("", text)
    return text.strip(" ,;:.-–—") if not re.search(r"\b[A-Z]\.$", text) else text.strip(" ,;:-–—")


def looks_like_name(words: Sequence[str]) -> bool:
    """True when every word could be part of a personal name (capitalized, initials, particles)."""
    if not words or len(words) > 5:
        return False
    if any(_BAD_CHARS.search(w) for w in words):
        return False
    if not words[-1][:1].isupper():
        return False
    return all(_NAME_WORD.match(w) for w in words)


# --------------------------------------------------------------------------- clustering

class _Mention:
    __slots__ = ("start", "end", "words", "title", "label", "tok_start", "tok_end")

    def __init__(self, start, end, words, title, label, tok_start, tok_end):
        self.start, self.end, self.words, self.title = start, end, words, title
        self.label, self.tok_start, self.tok_end = label, tok_start, tok_end


def _name_offsets(doc: Doc, ent_start: int, ent_end: int, n_title_words: int) -> Optional[Tuple[int, int, int, int]]:
    """Char and token offsets of an entity without its leading title words and possessive."""
    toks = [t for t in doc[ent_start:ent_end] if not t.is_space]
    # drop title words (they are whole tokens, or a token plus ".")
    skip = 0
    consumed = 0
    while consumed < n_title_words and skip < len(toks):
        if toks[skip].text != ".":
            consumed += 1
        skip += 1
        while skip < len(toks) and toks[skip].text == ".":
            skip += 1
    toks = toks[skip:]
    while toks and (toks[-1].text in ("'s", "’s", "'", "’", "‘s", "‘") or toks[-1].is_punct and toks[-1].text != "."):
        toks = toks[:-1]
    if not toks:
        return None
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1].text)
    text = doc_text(doc)[start:end]
    m = _POSSESSIVE.search(text)
    if m and len(text) > 2:
        end -= len(m.group(0))
    text = doc_text(doc)[start:end]
    while text and text[-1] in " ,;:":
        end -= 1
        text = text[:-1]
    if not text:
        return None
    return start, end, toks[0].i, toks[-1].i + 1


def _pre_title(doc: Doc, tok_start: int, root: Token) -> str:
    """Role words right before a name ("longtime strategist" in "longtime strategist Dana Whitmore")."""
    i = tok_start - 1
    first = tok_start
    while i >= 0:
        t = doc[i]
        if t.is_punct or t.is_space or t.pos_ in ("DET", "ADP", "PRON", "CCONJ", "VERB", "AUX", "NUM", "PART"):
            break
        if t.dep_ in ("compound", "amod", "nmod", "poss") and t.head.i >= i:
            if t.dep_ == "poss" or t.tag_ == "POS":
                break
            first = i
            i -= 1
            continue
        if (_norm_word(t.text),) in TITLES:
            first = i
            i -= 1
            continue
        break
    if first == tok_start:
        return ""
    return doc[first:tok_start].text.strip()


_ORG_JOINERS = frozenset({"of", "the", "for", "and", "on", "in", "&", "at", "to"})


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
        if t.dep_ in ("compound", "flat") and t.head is not t:
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


def _person_evidence(doc: Doc, ent_start: int, ent_end: int, words: Sequence[str]) -> bool:
    """Signs that a capitalized two-or-three-word span tagged ORG/GPE (or nothing) names a person:
    a title inside it or a title/role/person noun before it ("longtime resident Jane Doe"), an age
    after it ("Jane Doe, 54,"), a person-noun apposition, or a reporting verb it is the subject of."""
    if split_title(words)[0]:
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
    return False


def _has_org_word(words: Sequence[str]) -> bool:
    return any(_norm_word(w) in ORG_WORDS_LOWER for w in words)


def _name_piece_end(doc: Doc, i: int) -> int:
    """End token of a name word starting at token i: hyphen-joined parts stay one word ("Delgado-Pryor")."""
    j = i + 1
    while j + 1 < len(doc) and doc[j].text in ("-", "‐") and not doc[j - 1].whitespace_ \
            and not doc[j].whitespace_ and doc[j + 1].text[:1].isupper():
        j += 2
    return j


def _name_tokens_after(doc: Doc, i: int, limit: int = 3) -> int:
    """End token of up to `limit` capitalized name words starting at token i (i itself when none)."""
    j = i
    n = 0
    while j < len(doc) and n < limit:
        t = doc[j]
        if not (t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ", "X") and re.match(r"^[A-Z][\w'’.\-]*$", t.text)):
            break
        if _norm_word(t.text) in ORG_WORDS_LOWER or (_norm_word(t.text),) in TITLES:
            break
        e = _name_piece_end(doc, j)
        n += 1
        j = e
        if not doc[j - 1].whitespace_ and j < len(doc) and doc[j].is_alpha:
            break
    return j


def _person_mention(doc: Doc, ts: int, te: int, title_words: Sequence[str], title_start: int) -> Optional[_Mention]:
    """A PERSON mention over tokens [ts, te) (the name), with the title words before it."""
    if te <= ts:
        return None
    start, end = doc[ts].idx, doc[te - 1].idx + len(doc[te - 1].text)
    m = _POSSESSIVE.search(doc_text(doc)[start:end])
    if m and end - start > 2:
        end -= len(m.group(0))
    name_words = doc_text(doc)[start:end].split()
    if not looks_like_name(name_words):
        return None
    pre = _pre_title(doc, title_start, doc[ts])
    full_title = " ".join(x for x in (pre, " ".join(title_words)) if x)
    return _Mention(start, end, name_words, full_title, "PERSON", ts, te)


# a dateline: an all-caps place opening a paragraph, then an optional ", Region/date" and
# "(Agency)", then a dash ("KESSELPORT, Norway (Reuters) - ", "SAN MATEO, Calif. - ", "CITY —")
_DATELINE = re.compile(
    r"[ \t]*([A-Z][A-Z.'’\-]*[A-Z.](?:[ \t]+[A-Z][A-Z.'’\-]*[A-Z.]){0,3})"
    r"(?=(?:,[^\n,()]{1,40}(?:,[^\n,()]{1,30})?)?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:--|[-–—])[ \t])")
# lowercase words that never sit inside a name: an entity crossing one is two names run
# together ("Gulls as Mercer" in "Ridgebacks rally past Gulls as Mercer runs wild")
_SPLIT_WORDS = frozenset({"as", "at", "vs", "vs.", "v.", "versus", "over", "after", "beat", "beats", "past",
                          "against", "with"})


def _datelines(doc: Doc) -> List[Tuple[int, int]]:
    """Char ranges of the dateline places of a doc's paragraphs (places, never people)."""
    text = doc_text(doc)
    out: List[Tuple[int, int]] = []
    pos, tried = 0, 0
    while pos >= 0 and tried < 200 and len(out) < 50:  # datelines open articles; odd text stays cheap
        tried += 1
        m = _DATELINE.match(text, pos) if text[pos:pos + 1].isupper() or text[pos:pos + 1] in " \t" else None
        pos = text.find("\n", pos)
        if pos >= 0:
            pos += 1
        if m is None:
            continue
        word = m.group(1)
        # an acronym the article repeats in capitals ("IBM - the computing giant - said") is a name
        if len(word) > 5 or text.find(word, m.end(1)) < 0:
            out.append(m.span(1))
    return out


def _entity_pieces(doc: Doc) -> Iterable[Span]:
    """The doc's PERSON/ORG/GPE entities, split at lowercase words no name holds."""
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE"):
            continue
        cuts = [t.i for t in ent[1:-1] if t.lower_ in _SPLIT_WORDS and t.is_lower] if len(ent) > 2 else []
        if not cuts:
            yield ent
            continue
        a = ent.start
        for c in cuts + [ent.end]:
            if c > a and not (c - a == 1 and doc[a].lower_ == "the"):
                yield Span(doc, a, c, label=ent.label)
            a = c + 1


def _collect_mentions(doc: Doc) -> List[_Mention]:
    mentions: List[_Mention] = []
    person_toks: set = set()
    org_at: Dict[Tuple[int, int], int] = {}
    datelines = _datelines(doc)
    dl_starts = [a for a, _ in datelines]
    dl_places = {" ".join(w.capitalize() for w in doc_text(doc)[a:b].split()) for a, b in datelines}
    for ent in _entity_pieces(doc):
        if "\n" in ent.text:
            continue
        if datelines:
            k = bisect_right(dl_starts, ent.start_char) - 1
            if k >= 0 and ent.start_char < datelines[k][1]:
                continue  # "KESSELPORT, Norway (Reuters) -": a place
            if ent.text in dl_places:
                continue  # the dateline's place written in title case elsewhere
        text = clean_name_text(ent.text)
        words = text.split()
        if not words:
            continue
        label = ent.label_
        if label in ("ORG", "GPE"):
            bare = words[1:] if words[0].lower() == "the" else words
            if 1 <= len(bare) <= 4 and looks_like_name(split_title(bare)[1]) and not _has_org_word(bare) \
                    and _person_evidence(doc, ent.start, ent.end, bare):
                # "resident Jane Doe", "Councilmember Jane Doe", "Jane Doe, 54," tagged ORG/GPE
                label = "PERSON"
            elif label == "GPE":
                continue
        elif label == "PERSON":
            if _norm_word(words[-1]) in ORG_WORDS_LOWER and not split_title(words)[0]:
                label = "ORG"  # "Acme Renewables", "the Gazette" tagged PERSON
            elif ent.start > 0 and doc[ent.start - 1].lower_ in ORG_NOUNS \
                    and doc[ent.start - 1].lower_ not in ROLES:
                label = "ORG"  # "industrial group Acme Werke"
        if label == "PERSON":
            title, name = split_title(words)
            if not looks_like_name(name):
                # lower-cased or odd strings: keep as a possible reference only when capitalized
                continue
            offs = _name_offsets(doc, ent.start, ent.end, len(title))
            if offs is None:
                continue
            start, end, ts, te = offs
            # a first name the model left out: "Jane" in "Jane Doe" when only "Doe" was tagged
            if not title and ts > 0 and te - ts <= 2:
                p = doc[ts - 1]
                if p.pos_ == "PROPN" and p.is_alpha and p.text[:1].isupper() and not p.is_upper \
                        and not p.ent_type_ and p.whitespace_ and (_norm_word(p.text),) not in TITLES \
                        and p.lower_ not in ROLES and p.lower_ not in PERSON_NOUNS \
                        and _norm_word(p.text) not in ORG_WORDS_LOWER and p.dep_ in ("compound", "nmod", "nsubj", "appos", "flat") \
                        and (p.i == 0 or not doc[p.i - 1].text[:1].isupper() or doc[p.i - 1].is_sent_start or doc[p.i - 1].is_punct):
                    ts -= 1
                    start = p.idx
            name_words = doc_text(doc)[start:end].split()
            pre = _pre_title(doc, ts if not title else ent.start, doc[ts])
            full_title = " ".join(x for x in (pre, " ".join(title)) if x)
            mentions.append(_Mention(start, end, name_words, full_title, "PERSON", ts, te))
            person_toks.update(range(ts, te))
        elif label == "ORG":
            offs = _name_offsets(doc, ent.start, ent.end, 0)
            if offs is None:
                continue
            start, end, ts, te = offs
            # "the Democratic Party" -> keep the determiner out of the name
            if doc[ts].lower_ == "the" and te - ts > 1:
                ts += 1
                start = doc[ts].idx
            # "the Acme union": a trailing common noun is not part of the name
            while te - ts > 1 and doc[te - 1].is_alpha and doc[te - 1].is_lower:
                te -= 1
                end = doc[te - 1].idx + len(doc[te - 1].text)
            org_at[(ts, te)] = len(mentions)
            mentions.append(_Mention(start, end, doc_text(doc)[start:end].split(), "", "ORG", ts, te))
    mentions.extend(_untagged_people(doc, person_toks))
    return mentions


def _untagged_people(doc: Doc, person_toks: set) -> List[_Mention]:
    """Names the entity model missed: a title followed by capitalized words ("said Mayor Jane
    Doe"), and a capitalized two-or-three-word subject of a reporting verb."""
    out: List[_Mention] = []
    n = len(doc)
    i = 0
    while i < n:
        t = doc[i]
        if not t.text[:1].isupper() or i in person_toks:
            i += 1
            continue
        # longest title starting here
        best = 0
        for k in range(min(_TITLE_MAXLEN, n - i), 0, -1) if _norm_word(t.text) in _TITLE_FIRST else ():
            key = tuple(_norm_word(doc[i + x].text) for x in range(k) if doc[i + x].text != ".")
            if key in TITLES and all(doc[i + x].text[:1].isupper() or doc[i + x].text == "." for x in range(k)):
                best = k
                break
        if best:
            ts = i + best
            te = _name_tokens_after(doc, ts)
            if te > ts and not any(x in person_toks for x in range(ts, te)) \
                    and doc[te - 1].ent_type_ not in ("ORG",) and not any(doc[x].ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY") for x in range(ts, te)):
                m = _person_mention(doc, ts, te, [doc[x].text for x in range(i, ts) if doc[x].text != "."], i)
                if m is not None:
                    out.append(m)
                    person_toks.update(range(ts, te))
                    i = te
                    continue
            i += max(1, best)
            continue
        i += 1
    # capitalized "Firstname Lastname" subjects of reporting verbs that no entity covers
    for t in doc:
        if t.i in person_toks or t.pos_ != "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE") \
                or not t.text[:1].isupper():
            continue
        if t.dep_ not in ("nsubj", "nsubjpass") and not _is_reporting_subject(t):
            continue
        if not _is_reporting_subject(t):
            continue
        ts = t.i
        while ts > 0 and doc[ts - 1].dep_ in ("compound", "flat") and doc[ts - 1].head.i in range(ts, t.i + 1) \
                and doc[ts - 1].pos_ == "PROPN" and doc[ts - 1].text[:1].isupper() and ts > t.i - 3:
            ts -= 1
        te = t.i + 1
        words = [doc[x].text for x in range(ts, te)]
        if not (2 <= len(words) <= 3) or any(x in person_toks for x in range(ts, te)):
            continue
        if _has_org_word(words):
            if _norm_word(words[-1]) in ORG_WORDS_LOWER and looks_like_name(words) and not t.ent_type_:
                a, b = doc[ts].idx, doc[te - 1].idx + len(doc[te - 1].text)
                out.append(_Mention(a, b, words, "", "ORG", ts, te))  # "Acme Renewables said"
                person_toks.update(range(ts, te))
            continue
        if (_norm_word(words[0]),) in TITLES or _first_word_alone(doc, words, (ts, te)):
            continue
        m = _person_mention(doc, ts, te, [], ts)
        if m is not None:
            out.append(m)
            person_toks.update(range(ts, te))
    return out


def _gender_votes(doc: Doc, ments_by_sent: List[List[Tuple[int, int, bool]]],
                  sents: List[Tuple[int, int]], quoted: List[bool]) -> Dict[int, Counter]:
    """Gender votes from he/she/his/her.

    Within a sentence, a pronoun bound by a named subject ("Doe said she ...", "Doe thanked
    her staff") votes for it (weight 2; an object of the subject's own verb never does).
    Across sentences, a pronoun subject votes for the topic: the last named, uncoordinated
    subject of the past three sentences when no other person was mentioned after it (in its
    own sentence, only mentions outside quotes and not subjects are allowed).
    """
    votes: Dict[int, Counter] = defaultdict(Counter)
    mention_toks: Dict[int, int] = {}
    for lst in ments_by_sent:
        for ti, c, _ in lst:
            mention_toks[ti] = c
    topic: Optional[int] = None
    topic_age = 99
    for si, (a, b) in enumerate(sents):
        named = ments_by_sent[si]
        # pronouns of this sentence, before the topic moves
        for i in range(a, b):
            tok = doc[i]
            if quoted[i]:
                continue
            low = tok.lower_
            g = "m" if low in MALE else "f" if low in FEMALE else None
            if g is None or tok.conjuncts:
                continue
            before = [(ti, c, subj) for (ti, c, subj) in named if ti < i]
            cand, weight = None, 0
            if before:
                verbs = _binding_verbs(tok)
                bound = [(ti, c) for (ti, c, subj) in before
                         if subj and not doc[ti].conjuncts and _subject_verb(doc[ti]).i in verbs]
                local = _local_subjects(tok)
                if local:
                    bound = [(ti, c) for ti, c in bound if ti not in local]  # "X approved her": her is not X
                if len({c for _, c in bound}) == 1:
                    ti0 = bound[0][0]
                    between = {c for (ti, c, _) in named if ti0 < ti < i and c != bound[0][1]}
                    if not between:
                        cand, weight = bound[0][1], 2
            elif tok.dep_ in _SUBJ_DEPS and topic is not None and topic_age <= 3:
                cand, weight = topic, 1
            if cand is not None:
                votes[cand][g] += weight
        # move the topic
        outside = [i for i in range(a, b) if not quoted[i]]
        if not outside:
            continue
        subj_named = [(ti, c) for (ti, c, subj) in named if subj and not doc[ti].conjuncts]
        coord_subj = any(subj and doc[ti].conjuncts for (ti, c, subj) in named)
        inquote_people = any(quoted[i] and doc[i].ent_type_ == "PERSON" for i in range(a, b))
        if subj_named and not coord_subj:
            ti0, c0 = subj_named[0]
            others_after = {c for (ti, c, subj) in named if c != c0 and (subj or ti < ti0)}
            if len({c for _, c in subj_named}) == 1 and not others_after and not inquote_people:
                topic, topic_age = c0, 0
                continue
            topic, topic_age = None, 99
            continue
        if coord_subj or named:
            topic, topic_age = None, 99
            continue
        topic_age += 1
    return votes


def _sentences(doc: Doc) -> List[Tuple[int, int]]:
    """Token ranges of the doc's sentences (one range when no sentence boundaries are set)."""
    if len(doc) == 0:
        return []
    if doc.has_annotation("SENT_START"):
        return [(s.start, s.end) for s in doc.sents]
    return [(0, len(doc))]


def _sent_index(doc: Doc, sents: List[Tuple[int, int]]) -> List[int]:
    out = [0] * len(doc)
    for k, (a, b) in enumerate(sents):
        for i in range(a, b):
            out[i] = k
    return out


def _binding_verbs(tok: Token) -> set:
    """Verbs whose subject can bind the pronoun `tok`: the verb of its own clause, then up
    through complement/adverbial clauses while those have no other subject."""
    out = set()
    cur = tok.head
    for _ in range(4):  # first verb above the pronoun
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            break
        cur = cur.head
    for _ in range(4):
        out.add(cur.i)
        other = [c for c in cur.children if c.dep_ in _SUBJ_DEPS and c.i != tok.i]
        if other:
            break  # a clause with its own (other) subject: its subject is the binder
        if cur.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "pcomp") or cur.head is cur:
            break
        cur = cur.head
        for _ in range(3):
            if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
                break
            cur = cur.head
    return out


# prepositions whose object pronoun cannot be the clause's own subject ("X ruled against him");
# locative ones ("X took the kids with her") are left out
_LOCAL_PREPS = frozenset({"to", "for", "about", "against", "from", "at", "toward", "towards", "on", "of"})
_OBJECT_FORMS = frozenset({"him", "her", "them"})


def _local_subjects(tok: Token) -> set:
    """Token indices of the subjects an object pronoun cannot refer to (binding principle B):
    the subject of the clause whose object it is. "Judge Jane Doe ordered him to pay": not Doe.
    Empty for subject, possessive and reflexive pronouns ("Doe raised money for her campaign")."""
    if tok.lower_ not in _OBJECT_FORMS:
        return set()
    dep, head = tok.dep_, tok.head
    verb = None
    if dep in ("dobj", "iobj", "dative", "obj"):
        verb = head
    elif dep in _SUBJ_DEPS and head.dep_ in ("ccomp", "xcomp") and tok.lower_ != "her":
        verb = head.head  # "ordered him to pay": him is the object of "ordered"
    elif dep == "pobj" and head.lower_ in _LOCAL_PREPS and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return set()
    out = set()
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in _SUBJ_DEPS]
        if subj:
            for c in subj:
                out.add(c.i)
                out.update(a.i for a in c.children if a.dep_ == "appos")
            break
        if verb.dep_ not in ("conj", "xcomp") or verb.head is verb:
            break
        verb = verb.head  # "X sentenced Y and ordered him": X is the subject of "ordered" too
    return out


def _subject_verb(tok: Token) -> Token:
    """The verb a subject mention belongs to (through compound/appos links)."""
    t = tok
    for _ in range(3):
        if t.dep_ in _SUBJ_DEPS:
            return t.head
        if t.head is t:
            return t
        t = t.head
    return t


def _is_subject(tok: Token) -> bool:
    t = tok
    for _ in range(3):
        if t.dep_ in _SUBJ_DEPS:
            return True
        if t.dep_ in ("compound", "appos", "flat") and t.head is not t:
            t = t.head
            continue
        return False
    return False


def build_clusters(doc: Doc) -> List[dict]:
    """Cluster the PERSON and ORG mentions of `doc` (pure: reads only the doc's entities and parse)."""
    mentions = _collect_mentions(doc)
    persons = [m for m in mentions if m.label == "PERSON"]
    orgs = [m for m in mentions if m.label == "ORG"]

    clusters: List[dict] = []   # internal: {"forms": Counter, "kind", "mentions": [...], "titles": [...]}

    def new_cluster(kind: str) -> dict:
        c = {"forms": Counter(), "kind": kind, "mentions": [], "titles": [], "gvotes": Counter()}
        clusters.append(c)
        return c

    # 1. multiword person names make clusters keyed by (first, last)
    by_last: Dict[str, List[dict]] = defaultdict(list)
    by_first: Dict[str, List[dict]] = defaultdict(list)
    for m in persons:
        if len(m.words) < 2:
            continue
        first, last = m.words[0], m.words[-1]
        found = None
        for c in by_last.get(last, ()):
            f0 = c["first"]
            if f0 == first or (len(first) <= 2 and first[0] == f0[0]) or (len(f0) <= 2 and first[0] == f0[0]):
                found = c
                break
        if found is None:
            found = new_cluster("person")
            found["first"], found["last"] = first, last
            by_last[last].append(found)
            by_first[first].append(found)
        found["forms"][" ".join(m.words)] += 1
        found["mentions"].append(m)

    # 2. single-word person mentions attach to a surname, then a first name, then the organization
    #    whose name they start ("Harlow" beside "Harlow Dynamics"), else their own cluster
    org_first: Dict[str, set] = defaultdict(set)
    for m in orgs:
        if len(m.words) >= 2 and m.words[0][:1].isupper() and _norm_word(m.words[1]) not in PLACE_WORDS:
            org_first[m.words[0]].add(" ".join(m.words).lower())
    single_clusters: Dict[str, dict] = {}
    lower_words: Optional[set] = None
    for m in persons:
        if len(m.words) >= 2:
            continue
        w = m.words[0]
        cands = by_last.get(w) or by_first.get(w) or []
        target = _nearest_cluster(cands, m.start) if cands else None
        if target is None and not m.title:
            if len(org_first.get(w, ())) == 1:
                m.label = "ORG"
                orgs.append(m)
                continue
            if _at_sentence_start(doc, m.tok_start):
                # "Ferry strike strands ...", "Turnout reached ...": a common noun capitalized by its
                # place, when the article also writes it in lower case
                if lower_words is None:  # once per doc, one C-speed pass
                    lower_words = set(_LOWER_WORD.findall(doc_text(doc)))
                if w.lower() != w and w.lower() in lower_words:
                    continue
        if target is None:
            target = single_clusters.get(w)
            if target is None:
                target = new_cluster("person")
                target["first"], target["last"] = w, w
                single_clusters[w] = target
        target["forms"][w] += 1
        target["mentions"].append(m)

    # 3. organizations: identical names cluster; an ORG that is really a known person's name joins it
    org_clusters: Dict[str, dict] = {}
    for m in orgs:
        key = " ".join(m.words)
        if len(m.words) == 1 and (key in by_last or key in single_clusters):
            target = _nearest_cluster(by_last.get(key) or [single_clusters[key]], m.start)
            target["forms"][key] += 1
            target["mentions"].append(m)
            continue
        if len(m.words) >= 2 and m.words[-1] in by_last and looks_like_name(m.words) and len(m.words) <= 3 \
                and any(c["first"] == m.words[0] for c in by_last[m.words[-1]]):
            target = next(c for c in by_last[m.words[-1]] if c["first"] == m.words[0])
            target["forms"][key] += 1
            target["mentions"].append(m)
            continue
        target = org_clusters.get(key.lower())
        if target is None:
            target = new_cluster("org")
            org_clusters[key.lower()] = target
        target["forms"][key] += 1
        target["mentions"].append(m)
    # a shortened name joins the one organization whose name it starts ("Quillon" and "Quillon
    # Technologies", "Acme Bank" and "Acme Bank Holdings") or whose capitalized name it ends ("the
    # Gulls" and "the Harbor City Gulls"), unless the full name is a place's body ("X County Board")
    _merge_short_orgs(org_clusters)
    _add_untagged_full_forms(doc, org_clusters)
    # an acronym joins the organization it abbreviates ("EPA" and "Environmental Protection Agency")
    initials: Dict[str, dict] = {}
    for key, c in org_clusters.items():
        caps = [w for w in key.split() if w not in _ORG_JOINERS]
        if len(caps) >= 2:
            initials.setdefault("".join(w[0] for w in caps), c)
    for key, c in list(org_clusters.items()):
        if " " in key or not (2 <= len(key) <= 6):
            continue
        target = initials.get(key)
        if target is None or target is c or not all(m.words[0].isupper() for m in c["mentions"]):
            continue
        target["forms"].update(c["forms"])
        target["mentions"].extend(c["mentions"])
        c["mentions"] = []

    # 4. capitalized tokens outside entities that repeat a known surname ("Okonkwo" tagged as nothing)
    covered = set()
    for c in clusters:
        for m in c["mentions"]:
            covered.update(range(m.tok_start, m.tok_end))
    surnames = {}
    for c in clusters:
        if c["kind"] == "person":
            surnames.setdefault(c["last"], []).append(c)
    if surnames:
        for tok in doc:
            if tok.i in covered or not tok.text[:1].isupper():
                continue
            te = _name_piece_end(doc, tok.i)  # hyphenated surnames are several tokens
            if te - tok.i > 1 and any(i in covered for i in range(tok.i, te)):
                te = tok.i + 1
            last = doc[te - 1]
            base = _POSSESSIVE.sub("", doc_text(doc)[tok.idx:last.idx + len(last.text)])
            if base in surnames and tok.pos_ in ("PROPN", "NOUN", "X", "ADJ"):
                end = tok.idx + len(base)
                m = _Mention(tok.idx, end, [base], "", "PERSON", tok.i, te)
                target = _nearest_cluster(surnames[base], tok.idx)
                target["forms"][base] += 1
                target["mentions"].append(m)

    # 5. gender: titles, role appositives, pronouns
    tok_cluster: Dict[int, int] = {}
    for ci, c in enumerate(clusters):
        for m in c["mentions"]:
            for ti in range(m.tok_start, m.tok_end):
                tok_cluster[ti] = ci
            if m.title:
                g = title_gender(m.title.split()[-1:]) or title_gender(m.title.split())
                if g:
                    c["gvotes"][g] += 3
                c["titles"].append(m.title)
            head = _mention_head(doc, m)
            for child in head.children if head is not None else ():
                if child.dep_ == "appos" and child.pos_ == "NOUN" \
                        and not any(_DIGIT.search(t.text) or t.text == "%" for t in child.subtree if t.i <= child.i):
                    g = ROLES.get(child.lower_)
                    if g:
                        c["gvotes"][g] += 1
                    role = _appos_text(doc, child)
                    if role:
                        c["titles"].append(role)
    sents = _sentences(doc)
    ments_by_sent: List[List[Tuple[int, int, bool]]] = [[] for _ in sents]
    if sents:
        quoted = _quoted_tokens(doc)
        sent_of = _sent_index(doc, sents)
        for ci, c in enumerate(clusters):
            if c["kind"] != "person":
                continue
            for m in c["mentions"]:
                head = _mention_head(doc, m)
                if head is not None and not quoted[head.i]:
                    ments_by_sent[sent_of[head.i]].append((head.i, ci, _is_subject(head)))
        for lst in ments_by_sent:
            lst.sort()
        for ci, cnt in _gender_votes(doc, ments_by_sent, sents, quoted).items():
            clusters[ci]["gvotes"].update(cnt)

    out = []
    for c in clusters:
        if not c["mentions"]:
            continue
        name = _canonical_form(c["forms"]) if c["kind"] == "person" else _fullest_form(c["forms"])
        gv = c["gvotes"]
        gender = None
        if gv:
            (g1, n1), *rest = gv.most_common()
            n2 = rest[0][1] if rest else 0
            if n1 > n2:
                gender = g1
        elif c["kind"] == "person" and " " in name:
            # weak evidence only when no title or pronoun tells: a first name of one sex
            gender = FIRST_NAME_GENDER.get(name.split()[0])
        titles = []
        for t in c["titles"]:
            if t and t not in titles:
                titles.append(t)
        spans = sorted({(m.start, m.end) for m in c["mentions"]})
        out.append({"name": name, "kind": c["kind"], "gender": gender if c["kind"] == "person" else None,
                    "titles": titles, "mentions": [[a, b] for a, b in spans]})
    out.sort(key=lambda c: c["mentions"][0][0])
    return out


def _at_sentence_start(doc: Doc, i: int) -> bool:
    """Token i opens a sentence, a headline or a paragraph (after opening quotes/brackets)."""
    while i > 0 and doc[i - 1].is_punct and doc[i - 1].text in ("“", '"', "‘", "'", "(", "[", "``", "`", "—", "-"):
        i -= 1
    if i == 0 or doc[i].is_sent_start or doc[i - 1].is_space or "\n" in doc[i - 1].whitespace_:
        return True
    return doc[i - 1].text in (".", "!", "?", ":", "…")


def _merge_short_orgs(org_clusters: Dict[str, dict]) -> None:
    """Merge an organization cluster named by a prefix or a last word of exactly one other
    organization's name into it (keys are lower-cased names)."""
    by_prefix: Dict[str, set] = defaultdict(set)
    by_last: Dict[str, set] = defaultdict(set)
    for key, c in org_clusters.items():
        words = key.split()
        if len(words) < 2:
            continue
        if _norm_word(words[1]) not in PLACE_WORDS:
            for n in range(1, len(words)):
                by_prefix[" ".join(words[:n])].add(key)
        forms = list(c["forms"])
        if all(w[:1].isupper() for w in forms[0].split()) and words[-1] not in ORG_NOUNS:
            by_last[words[-1]].add(key)
    for key, c in list(org_clusters.items()):
        if not c["mentions"]:
            continue
        full = by_prefix.get(key) or (by_last.get(key) if " " not in key else None)
        if not full or len(full) != 1:
            continue
        target = org_clusters[next(iter(full))]
        if target is c or not target["mentions"]:
            continue
        target["forms"].update(c["forms"])
        target["mentions"].extend(c["mentions"])
        c["mentions"] = []


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


def _word_hits(text: str, word: str) -> Iterable[int]:
    """Start offsets of `word` in `text` as a whole word (str.find: no regex compiled per word)."""
    n = len(word)
    at = text.find(word)
    while at >= 0:
        before = text[at - 1:at] if at else ""
        after = text[at + n:at + n + 1]
        if not (before.isalnum() or before in ("-", "_")) and not (after.isalnum() or after in ("-", "_")):
            yield at
        at = text.find(word, at + n)


_ABBR_ENDINGS = frozenset({"Inc.", "Corp.", "Co.", "Ltd.", "Inc", "Corp", "Ltd", "LLC", "PLC", "plc", "AG", "SA"})


def _add_untagged_full_forms(doc: Doc, org_clusters: Dict[str, dict]) -> None:
    """A one-word organization the article also writes in full without an entity over it
    ("Quillon ... SAN MATEO, Calif. - Quillon Technologies on Tuesday unveiled"): the full form
    ("Quillon Technologies", capitalized words ending in an organization word) joins the cluster."""
    text = doc_text(doc)
    n = len(doc)
    for key, c in org_clusters.items():
        if not c["mentions"] or " " in key or any(" " in f for f in c["forms"]):
            continue
        word = next(iter(c["forms"]))
        # only where the word is followed by a space and a capital (a text search, not a token scan)
        for at in _word_hits(text, word):
            if not text[at + len(word):at + len(word) + 2].startswith(" ") or not text[at + len(word) + 1:at + len(word) + 2].isupper():
                continue
            span = doc.char_span(at, at + len(word))
            if span is None or len(span) != 1:
                continue
            i = span.start
            if doc[i].ent_type_ not in ("", "ORG") or (doc[i].ent_type_ == "ORG" and doc[i].ent_iob_ != "B"):
                continue
            best = 0
            j = i + 1
            while j < n and j <= i + 3 and doc[j - 1].whitespace_ == " ":
                t = doc[j]
                if t.ent_type_ not in ("", "ORG") or not (
                        t.is_alpha and t.text[:1].isupper() and not t.is_upper or t.text in _ABBR_ENDINGS):
                    break
                if _norm_word(t.text) in ORG_WORDS_LOWER:
                    best = j + 1
                j += 1
            if not best:
                continue
            a, b = doc[i].idx, doc[best - 1].idx + len(doc[best - 1].text)
            form = doc_text(doc)[a:b]
            c["forms"][form] += 1
            c["mentions"] = [m for m in c["mentions"] if not (m.start == a)]
            c["mentions"].append(_Mention(a, b, form.split(), "", "ORG", i, best))


def _fullest_form(forms: Counter) -> str:
    """An organization's fullest form: most words, then longest, then most frequent."""
    return max(forms.items(), key=lambda item: (len(item[0].split()), len(item[0]), item[1]))[0]


def _canonical_form(forms: Counter) -> str:
    """The fullest form: most words first among forms seen more than once or the longest 2-3 word form."""
    def key(item):
        form, n = item
        k = len(form.split())
        plausible = 2 <= k <= 3
        return (plausible, min(k, 3), n, len(form))
    return max(forms.items(), key=key)[0]


def _nearest_cluster(cands: List[dict], pos: int) -> dict:
    """Among clusters, the one with the closest mention before `pos` (else the first)."""
    if len(cands) == 1:
        return cands[0]
    best, best_d = cands[0], None
    for c in cands:
        starts = c.setdefault("_starts", sorted(m.start for m in c["mentions"]))
        if len(starts) != len(c["mentions"]):
            starts = c["_starts"] = sorted(m.start for m in c["mentions"])
        k = bisect_right(starts, pos) - 1
        if k >= 0:
            d = pos - starts[k]
        elif starts:
            d = 10 ** 9 + (starts[0] - pos)
        else:
            continue
        if best_d is None or d < best_d:
            best, best_d = c, d
    return best


def _mention_head(doc: Doc, m) -> Optional[Token]:
    if isinstance(m, _Mention):
        a, b = m.tok_start, m.tok_end
    else:
        a, b = m
    if a >= b or b > len(doc):
        return None
    span = doc[a:b]
    try:
        return span.root
    except Exception:  # pragma: no cover - defensive
        return doc[b - 1]


def _appos_text(doc: Doc, tok: Token) -> str:
    """Role text of an appositive ("a three-term councilwoman from X" -> "three-term councilwoman from X")."""
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl") or t is tok]
    left = tok.left_edge.i
    right = tok.right_edge.i + 1
    while left < right and doc[left].pos_ in ("DET", "PUNCT"):
        left += 1
    while right > left and doc[right - 1].is_punct:
        right -= 1
    if right - left > 12 or right <= left:
        right = min(right, tok.i + 1)
    del toks
    return doc[left:right].text.strip()


# --------------------------------------------------------------------------- index + helpers

class _Index:
    """Lookups over a doc's clusters, built once per people list."""

    def __init__(self, doc: Doc, people: List[dict]):
        self.people = people
        self.char_starts: List[Tuple[int, int, int]] = []
        self.by_word: Dict[str, List[int]] = defaultdict(list)
        self.tok_cluster: Dict[int, int] = {}
        for ci, c in enumerate(people):
            for a, b in c.get("mentions") or ():
                self.char_starts.append((a, b, ci))
                span = doc.char_span(a, b, alignment_mode="expand")
                if span is not None:
                    for t in span:
                        self.tok_cluster[t.i] = ci
            for w in (c.get("name") or "").split():
                self.by_word[w].append(ci)
        self.char_starts.sort()
        self.mention_starts = [a for a, _, _ in self.char_starts]
        self.max_len = max((b - a for a, b, _ in self.char_starts), default=0)
        self.sents = _sentences(doc)
        self.sent_of = _sent_index(doc, self.sents) if self.sents else []
        self.in_quote = _quoted_tokens(doc)


def _quoted_tokens(doc: Doc) -> List[bool]:
    """Per token: inside quotation marks (mentions there are poor antecedents for narration)."""
    flags = [False] * len(doc)
    try:
        from .quotes import paragraphs_of, scan_quotes  # lazy: quotes imports this module
        paras = doc._.get(attrs.PARAGRAPHS) or paragraphs_of(doc_text(doc))
        spans = scan_quotes(doc_text(doc), paras)
    except Exception:  # pragma: no cover - defensive
        return flags
    if not spans:
        return flags
    starts: Optional[List[int]] = None
    for q in spans:
        a = q["open"][0]
        b = q["close"][1] if q["close"] else q["end"]
        # tokens starting in [a, b): a char span (binary search) instead of a list of every token's offset
        sp = doc.char_span(a, b, alignment_mode="expand") if a < b else None
        if sp is not None:
            lo, hi = sp.start, sp.end
            if lo < hi and doc[lo].idx < a:
                lo += 1
        else:
            if starts is None:
                starts = [t.idx for t in doc]
            lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        for i in range(lo, hi):
            flags[i] = True
    return flags


_CACHE: Dict[int, Tuple[object, object, _Index]] = {}


def _index(doc: Doc) -> Optional[_Index]:
    people = doc._.get(attrs.PEOPLE)
    if not people:
        return None
    key = id(doc)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is doc and hit[1] is people:
        return hit[2]
    idx = _Index(doc, people)
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[key] = (doc, people, idx)
    return idx


def cluster_for(doc: Doc, start: int, end: int) -> Optional[dict]:
    """The cluster for the mention at [start, end) of doc_text(doc), or None."""
    idx = _index(doc)
    if idx is None or start >= end:
        return None
    best = None
    best_ov = 0
    # mentions are short: only those starting shortly before `start` can overlap
    lo = bisect_left(idx.mention_starts, start - idx.max_len)
    hi = bisect_left(idx.mention_starts, end)
    for a, b, ci in idx.char_starts[lo:hi]:
        ov = min(b, end) - max(a, start)
        if ov > best_ov:
            best, best_ov = ci, ov
    if best is not None:
        return idx.people[best]
    # not a recorded mention: match the words (titles and possessives stripped)
    text = clean_name_text(doc_text(doc)[start:end])
    _, words = split_title(text.split())
    if not words:
        return None
    full = " ".join(words)
    for c in idx.people:
        if c["name"] == full:
            return c
    cands = [idx.people[ci] for ci in idx.by_word.get(words[-1], ())]
    persons = [c for c in cands if c["kind"] == "person" and c["name"].split()[-1] == words[-1]]
    if len(persons) == 1:
        return persons[0]
    if len(words) == 1:
        firsts = [c for c in cands if c["kind"] == "person" and c["name"].split()[0] == words[0]]
        if len(firsts) == 1:
            return firsts[0]
    return None


def canonical_name(doc: Doc, start: int, end: int) -> Optional[str]:
    """Canonical (fullest) cluster name for the mention at char offsets [start, end), else None."""
    c = cluster_for(doc, start, end)
    return c["name"] if c else None


def _pronoun_gender(tok: Token) -> Optional[str]:
    low = tok.lower_
    if low in MALE:
        return "m"
    if low in FEMALE:
        return "f"
    if low in PLURAL:
        return "p"
    return None


def _coordinated_names(doc: Doc, idx: _Index, head: Token) -> Optional[str]:
    """'X and Y' where both are clusters -> "X and Y" (canonical names, with a leading honorific)."""
    members = [head] + [t for t in head.conjuncts]
    names = []
    for t in sorted(members, key=lambda t: t.i):
        ci = idx.tok_cluster.get(t.i)
        if ci is None:
            return None
        names.append(_name_with_title(doc, idx, ci, t))
    if len(names) < 2:
        return None
    return ", ".join(names[:-1]) + " and " + names[-1]


def _name_with_title(doc: Doc, idx: _Index, ci: int, tok: Token) -> str:
    c = idx.people[ci]
    for t in c.get("titles") or ():
        words = t.split()
        if words and tuple(_norm_word(w) for w in words) in TITLES:
            return f"{t} {c['name']}"
    return c["name"]


def resolve_pronoun(doc: Doc, token: Token) -> Optional[str]:
    """Canonical name for a he/she/they-type pronoun by gender and recency, else None.

    None also when the pronoun refers back to an unnamed person ("a nurse ... she said");
    ``pronoun_antecedent`` gives that person's words.
    """
    name, _ = pronoun_antecedent(doc, token)
    return name


def pronoun_antecedent(doc: Doc, token: Token, _depth: int = 0) -> Tuple[Optional[str], Optional[Token]]:
    """(canonical name or None, antecedent token or None) for a personal pronoun.

    The token is the antecedent's head word: a name, or a person noun such as "a nurse"
    (then the name is None and the token's noun phrase describes the speaker).
    """
    idx = _index(doc)
    if idx is None or not idx.sents or token.i >= len(idx.sent_of):
        return None, None
    g = _pronoun_gender(token)
    if g is None:
        return None, None
    si = idx.sent_of[token.i]
    skip_quoted = not idx.in_quote[token.i]
    # binding principle B: an object pronoun is not its own clause's subject
    local = _local_subjects(token)
    local_clusters = {idx.tok_cluster[i] for i in local if i in idx.tok_cluster}
    best: Tuple[Optional[str], Optional[Token]] = (None, None)
    best_score = None
    back = -1
    k = si + 1
    while k > 0 and back < 4 and si - k < 12:
        k -= 1
        a, b = idx.sents[k]
        limit = token.i if k == si else b
        if skip_quoted and k != si and all(idx.in_quote[i] for i in range(a, b)):
            continue
        back += 1
        for i in range(a, limit):
            t = doc[i]
            if skip_quoted and idx.in_quote[i]:
                continue
            cand_name = None
            cand_tok = t
            cand_gender = None
            coord = False
            if i in local:
                continue
            ci = idx.tok_cluster.get(i)
            if ci is not None and ci in local_clusters:
                continue
            if ci is not None:
                # count each mention once, at its syntactic head
                h = t.head
                if h.i != i and i < h.i < limit and idx.tok_cluster.get(h.i) == ci:
                    continue
                c = idx.people[ci]
                kind = c["kind"]
                cand_gender = c.get("gender")
                coord = bool(t.conjuncts)
                if g == "p":
                    if coord and (_is_subject(t) or (t.dep_ == "conj" and _is_subject(t.head))):
                        head = t if t.dep_ != "conj" else t.head
                        cand_name = _coordinated_names(doc, idx, head)
                        cand_tok = head
                        coord = False
                    elif kind == "org":
                        cand_name = c["name"]
                    else:
                        continue
                else:
                    if kind != "person":
                        continue
                    cand_name = c["name"]
                if not cand_name:
                    continue
            elif k != si and _depth < 2 and t.lower_ in PRONOUNS and _is_subject(t) and _pronoun_gender(t) == g:
                cand_name, cand_tok = pronoun_antecedent(doc, t, _depth + 1)
                if cand_tok is None:
                    continue
                cand_gender = g if g != "p" else None
            elif g in ("m", "f") and t.pos_ == "NOUN" and t.tag_ == "NN" and _is_subject(t) \
                    and t.lemma_.lower() in PERSON_NOUNS:
                cand_gender = PERSON_NOUNS[t.lemma_.lower()]
                if any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) and t.lower_ in ROLES:
                    named = role_antecedent(doc, t)
                    if named:
                        cand_name = named
            else:
                continue
            if g in ("m", "f"):
                if cand_gender is not None and cand_gender != g:
                    continue
                gpen = 0 if cand_gender == g else 1
            else:
                gpen = 0
            score = 2 * back + (0 if _is_subject(t) else 1) + gpen + (2 if coord else 0)
            key = (score, -i)  # later mentions win ties
            if best_score is None or key < best_score:
                best, best_score = (cand_name, cand_tok), key
        if best_score is not None and best_score[0] <= 2 * back + 1:
            break
    return best


def _title_roles(title: str) -> frozenset:
    """Role nouns a title stands for ("Gov." -> governor), from its last one to three words."""
    words = tuple(_norm_word(w) for w in title.split())
    for n in (3, 2, 1):
        if len(words) >= n and words[-n:] in TITLE_ROLES:
            return TITLE_ROLES[words[-n:]]
    return frozenset()


def org_antecedent(doc: Doc, token: Token) -> Optional[str]:
    """The organization a definite org noun ("the agency", "the company") refers to, else None.

    The most recent organization before the noun whose name ends in that noun wins ("the
    agency" -> "... Protection Agency"), else the most recent organization.
    """
    idx = _index(doc)
    noun = token.lower_
    if idx is None or noun not in ORG_NOUNS:
        return None
    best = None
    for a, b, ci in idx.char_starts:
        if a >= token.idx:
            break
        c = idx.people[ci]
        if c["kind"] != "org":
            continue
        fits = c["name"].lower().split()[-1:] == [noun]
        if fits or best is None or not best[0]:
            best = (fits, c["name"])
    return best[1] if best else None


def cataphoric_antecedent(doc: Doc, token: Token) -> Optional[str]:
    """The person an indefinite role noun in an article's lede stands for, named later.

    Wire ledes hold back the name ("A senior doctor warned that ..." and, a paragraph later,
    "Dr Jane Doe, an emergency consultant, ..."): the first person introduced in the next two
    paragraphs, when one of that person's titles stands for the same role ("Dr" -> doctor).
    Only in the first two paragraphs of the article, only for "a"/"an" + a role or person noun.
    """
    idx = _index(doc)
    noun = token.lemma_.lower()
    if idx is None or noun not in PERSON_NOUNS or not any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
        return None
    paras = doc._.get(attrs.PARAGRAPHS) or []
    if not paras:
        return None
    starts = [int(a) for a, _ in paras]
    k = bisect_right(starts, token.idx) - 1
    if k < 0 or k > 1:
        return None
    limit = int(paras[min(len(paras) - 1, k + 2)][1])
    seen = set()
    for a, b, ci in idx.char_starts:
        if ci in seen:
            continue
        seen.add(ci)
        c = idx.people[ci]
        if a <= token.idx or c["kind"] != "person":
            continue  # someone named before the noun is not introduced later
        if a >= limit:
            break
        for t in c.get("titles") or ():
            if noun in t.lower().split() or noun in _title_roles(t):
                return c["name"]
        return None  # only the first person introduced after the noun
    return None


def role_antecedent(doc: Doc, token: Token) -> Optional[str]:
    """The person a definite role noun ("the congresswoman") refers to, else None."""
    idx = _index(doc)
    if idx is None:
        return None
    role = token.lower_
    if role not in ROLES:
        return None
    g = ROLES[role]
    best = None
    for a, b, ci in idx.char_starts:
        if a >= token.idx:
            break
        c = idx.people[ci]
        if c["kind"] != "person":
            continue
        has_role = any(role in t.lower().split() or role in _title_roles(t) for t in c.get("titles") or ())
        if has_role:
            best = (2, a, c["name"])
        elif g and c.get("gender") == g and (best is None or best[0] < 2):
            best = (1, a, c["name"])
    return best[2] if best else None


# --------------------------------------------------------------------------- component

class PeopleComponent:
    """Writes ``doc._.claimsift_people``; never raises on odd text."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.set(attrs.PEOPLE, build_clusters(doc))
        except Exception:  # a stage that fails would cost the whole article
            doc._.set(attrs.PEOPLE, [])
        return doc


@Language.factory(
    "claimsift_people",
    assigns=["doc._.claimsift_people"],
    requires=["doc.ents"],
    default_config={},
)
def make_people(nlp: Language, name: str) -> PeopleComponent:
    return PeopleComponent(nlp, name)

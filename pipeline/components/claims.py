"""Numeric claims: each quantity in the article with its subject, predicate, time and source.

Pure functions over a parsed ``Doc`` first (subject from the dependency parse, time from the
sentence's DATE/TIME entities, attribution from quote spans and "according to"), then the thin
component and its factory ``claimsift_figures``, which writes ``doc._.claimsift_figures``.
Quantities themselves are found and normalized by ``pipeline.components.quantities``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import attrs
from .quantities import TIME_UNITS, Quantity, find_quantities

try:  # the people stage gives canonical names; fall back to entity text without it
    from .people import canonical_name as _people_canonical
    from .people import resolve_pronoun as _people_pronoun
except ImportError:  # pragma: no cover - only while the people module is missing
    _people_canonical = None
    _people_pronoun = None
try:
    from .people import role_antecedent as _people_role
except ImportError:  # pragma: no cover
    _people_role = None

_RES = Path(__file__).resolve().parent.parent / "resources"


def _read_words(name: str) -> set:
    try:
        raw = (_RES / name).read_text(encoding="utf-8")
    except OSError:
        return set()
    return {ln.strip().lower() for ln in raw.splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")}


# Verbs after which the subject holds the smaller share of a pair ("X was losing 44%-56%").
LOSE_VERBS = _read_words("claims_lose_verbs.txt")
# "the company", "the union": definite nouns that stand for an organization named earlier.
ORG_NOUNS = _read_words("claims_org_nouns.txt")
# "Net income", "the stock": an organization's own numbers, owned by the article's organization.
METRIC_NOUNS = _read_words("claims_metric_nouns.txt")
GIVE_VERBS = _read_words("claims_give_verbs.txt")
IT_PRONOUNS = {"it", "its", "itself"}
NOT_NAME_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "CARDINAL", "QUANTITY", "ORDINAL", "NORP",
                   "LANGUAGE"}
OWNER_PREPS = {"of", "in", "at", "from"}
NAME_LABELS = {"PERSON", "ORG", "GPE"}
ID_LABELS = {"PERSON", "ORG", "PRODUCT", "FAC", "LAW", "WORK_OF_ART", "EVENT", "GPE", "LOC",
             "NORP", "LANGUAGE"}
REL_PRONOUNS = {"who", "that", "which", "whom", "whose"}
PERS_PRONOUNS = {"he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs",
                 "it", "its", "we", "our", "i", "my", "you", "your"}
STOP_AT_THING = True
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
CLIMB_DEPS = {"advcl", "xcomp", "ccomp", "conj", "relcl", "acl", "pcomp", "prep", "pobj",
              "dobj", "attr", "appos", "npadvmod", "advmod", "oprd", "dative", "nmod",
              "compound", "nummod", "quantmod", "amod", "acomp", "agent", "cc", "parataxis",
              "prt", "poss", "case", "dep", "meta", "intj", "punct"}


# ----------------------------------------------------------------------------------------------
# names
# ----------------------------------------------------------------------------------------------


def _canonical(doc: Doc, start: int, end: int) -> Optional[str]:
    if _people_canonical is None:
        return None
    try:
        return _people_canonical(doc, start, end)
    except Exception:  # noqa: BLE001 - another stage's helper must not cost the article
        return None


def _pronoun(doc: Doc, tok: Token) -> Optional[str]:
    name = None
    if _people_pronoun is not None:
        try:
            name = _people_pronoun(doc, tok)
        except Exception:  # noqa: BLE001
            name = None
    name = name or _fallback_pronoun(doc, tok)
    # "the judge ordered him to pay": an object pronoun is not the subject of its own verb
    if name and tok.dep_ in ("dobj", "dative") and tok.lower_ in ("him", "her", "them"):
        subj = next((c for c in _kids(tok.head) if c.dep_ in SUBJ_DEPS), None)
        if subj is not None and subj.pos_ == "PROPN":
            lo, hi = _name_span(subj)
            sname = _canonical(doc, doc[lo].idx, subj.idx + len(subj.text)) or _full_name(doc, subj.text)
            if sname == name:
                name = _fallback_pronoun(doc, tok, exclude=name)
    return name


MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}


def _full_name(doc: Doc, text: str) -> str:
    """Without the people stage: the longest PERSON entity ending in the same word."""
    words = re.sub(r"(?:'s|\u2019s|'|\u2019)$", "", text).split()
    if not words:
        return text
    memo = _cached(doc)
    longest = memo.get("person_by_last")
    if longest is None:
        # last word -> the first PERSON entity with the most words ending in it (one pass per doc)
        longest = memo["person_by_last"] = {}
        for ent in _ents(doc):
            if ent.label_ == "PERSON":
                ew = re.sub(r"(?:'s|\u2019s|'|\u2019)$", "", ent.text).split()
                if ew and len(ew) > len(longest.get(ew[-1], ())):
                    longest[ew[-1]] = ew
    ew = longest.get(words[-1])
    if ew and len(ew) > len(words):
        return " ".join(ew)
    return " ".join(words)


def _fallback_pronoun(doc: Doc, tok: Token, exclude: Optional[str] = None) -> Optional[str]:
    """he/she -> the latest person before it with that gender (people stage) or as a subject."""
    low = tok.lower_
    gender = "m" if low in MALE else "f" if low in FEMALE else None
    if gender is None:
        return None
    genders = {c.get("name"): c.get("gender") for c in (doc._.get(attrs.PEOPLE) or ())
               if isinstance(c, dict)}
    start = max(0, tok.idx - 1500)
    best = None
    for ent in _ents_from_char(doc, start):
        if ent.label_ != "PERSON":
            continue
        if ent.end_char > tok.idx:
            break
        name = _canonical(doc, ent.start_char, ent.end_char) or _full_name(doc, ent.text)
        if name == exclude:
            continue
        g = genders.get(name)
        if g is not None and g != gender:
            continue
        best = name
    return best


# ----------------------------------------------------------------------------------------------
# organizations
# ----------------------------------------------------------------------------------------------

_CACHE: dict = {"doc": None}


def _cached(doc: Doc) -> dict:
    """Per-doc memo (reset when another doc comes in)."""
    if _CACHE.get("doc") is not doc:
        _CACHE.clear()
        _CACHE["doc"] = doc
    return _CACHE


def _text(doc: Doc) -> str:
    """``doc.text`` once per doc (spaCy joins the tokens again on every access)."""
    memo = _cached(doc)
    if "text" not in memo:
        memo["text"] = doc.text
    return memo["text"]


def _ents(doc: Doc) -> List[Span]:
    """``doc.ents`` once per doc (spaCy rebuilds every Span on each access)."""
    memo = _cached(doc)
    if "ents" not in memo:
        memo["ents"] = list(doc.ents)
    return memo["ents"]


def _ent_index(doc: Doc) -> Tuple[List[int], List[int]]:
    """Token starts and char starts of ``doc.ents`` (sorted, non-overlapping), for bisect."""
    memo = _cached(doc)
    if "ent_starts" not in memo:
        ents = _ents(doc)
        memo["ent_starts"] = [e.start for e in ents]
        memo["ent_cstarts"] = [e.start_char for e in ents]
    return memo["ent_starts"], memo["ent_cstarts"]


def _ent_at(doc: Doc, i: int) -> Optional[Span]:
    """The entity that covers token ``i``, or None (bisect, not a scan of every entity)."""
    starts, _ = _ent_index(doc)
    k = bisect.bisect_right(starts, i) - 1
    if k >= 0:
        ent = _ents(doc)[k]
        if ent.start <= i < ent.end:
            return ent
    return None


def _ents_from_char(doc: Doc, start: int) -> List[Span]:
    """Entities whose start_char >= start, in order (a slice view of the cached list)."""
    _, cstarts = _ent_index(doc)
    return _ents(doc)[bisect.bisect_left(cstarts, start):]


def _kids(tok: Token) -> List[Token]:
    """``tok.children`` once per token (spaCy walks the whole left/right extent on every access,
    which is the sentence for a root)."""
    memo = _cached(tok.doc).setdefault("kids", {})
    got = memo.get(tok.i)
    if got is None:
        got = memo[tok.i] = list(tok.children)
    return got


def _sent_of(tok: Token) -> Span:
    """``tok.sent`` by bisect over the cached sentences (spaCy walks back to the sentence start)."""
    doc = tok.doc
    memo = _cached(doc)
    if "sents" not in memo:
        try:
            memo["sents"] = list(doc.sents)
        except ValueError:
            memo["sents"] = [doc[:]]
        memo["sent_starts"] = [s.start for s in memo["sents"]]
    k = bisect.bisect_right(memo["sent_starts"], tok.i) - 1
    sents = memo["sents"]
    if 0 <= k < len(sents) and sents[k].start <= tok.i < sents[k].end:
        return sents[k]
    return tok.sent


_LEAD_THE_RE = re.compile(r"^(?:the|The|THE)\s+")
_POSS_END_RE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


def _clean_org(text: str) -> str:
    return _POSS_END_RE.sub("", _LEAD_THE_RE.sub("", text.strip())).strip()


def _org_mentions(doc: Doc) -> List[Tuple[int, int, str]]:
    """(start, end, name) of organization mentions: the people stage's org clusters and ORG entities."""
    memo = _cached(doc)
    if "orgs" in memo:
        return memo["orgs"]
    out: List[Tuple[int, int, str]] = []
    persons = set()
    seen = set()
    for c in doc._.get(attrs.PEOPLE) or ():
        if isinstance(c, dict) and c.get("kind") != "org" and c.get("name"):
            persons.add(c.get("name"))
    for c, a, b in _cluster_mentions(doc):
        if c.get("kind") == "org":
            name = _clean_org(c.get("name") or _text(doc)[a:b])
            if name:
                out.append((a, b, name))
                seen.add(a)
    places: List[Tuple[int, int, str]] = []
    for ent in _ents(doc):
        if ent.label_ == "ORG" and ent.start_char not in seen:
            name = _clean_org(ent.text)
            if name and name not in persons:
                out.append((ent.start_char, ent.end_char, name))
        elif ent.label_ in ("GPE", "FAC", "LOC"):
            name = _clean_org(ent.text)
            if name:
                places.append((ent.start_char, ent.end_char, name))
    # bare uses of an organization's first word that NER missed or took for a person ("Acme
    # sold ..."), and the longer proper-noun chains they start ("Acme Robotics")
    heads: Dict[str, str] = {}
    for _, _, name in out:
        w = name.split()
        if w and w[0][:1].isupper() and len(w[0]) > 2:
            heads.setdefault(w[0], name)
    chains: List[str] = []
    if heads:
        covered = sorted((a, b) for a, b, _ in out)
        starts = [a for a, _ in covered]
        multi_person_words = {w for p in persons if len(p.split()) > 1 for w in p.split()}
        pat = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(h) for h in heads
                                                   if h not in multi_person_words) + r")(?![\w])")
        text = _text(doc)
        for mm in pat.finditer(text) if pat.pattern != r"(?<![\w])(?:)(?![\w])" else ():
            k = bisect.bisect_right(starts, mm.start()) - 1
            if k >= 0 and covered[k][0] <= mm.start() < covered[k][1]:
                continue
            span = doc.char_span(mm.start(), mm.end())
            if span is None or len(span) != 1 or span[0].pos_ != "PROPN":
                continue
            t = span[0]
            j = t.i
            while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper() \
                    and doc[j + 1].ent_type_ not in ("GPE", "DATE") and j - t.i < 3:
                j += 1
            if j > t.i:
                chains.append(text[t.idx:doc[j].idx + len(doc[j].text)])
            out.append((t.idx, t.idx + len(t.text), heads[t.text]))
    out.sort()
    forms: Dict[str, int] = {}
    for f in chains:
        forms[f] = forms.get(f, 0) + 1
    for a, b, name in out:
        for f in (name, _clean_org(_text(doc)[a:b])):
            if f:
                forms[f] = forms.get(f, 0) + 1
    for ent in _ents(doc):
        if ent.label_ == "ORG":
            f = _clean_org(ent.text)
            if f and f not in persons:
                forms[f] = forms.get(f, 0) + 1
    memo["forms"] = forms
    memo["gpe"] = {x[2] for x in places if x[2]}
    memo["orgs"] = out
    memo["places"] = places
    memo["persons"] = persons
    return out


def _person_names(doc: Doc) -> set:
    _org_mentions(doc)
    return _cached(doc)["persons"]


def _full_org(doc: Doc, name: Optional[str]) -> Optional[str]:
    """The fullest organization name that starts with `name` ("Harlow" -> "Harlow Dynamics")."""
    if not name:
        return name
    memo = _cached(doc)
    full = memo.setdefault("full", {})
    if name in full:
        return full[name]
    words = _clean_org(name).split()
    best = name
    persons = _person_names(doc)
    # a lone word NER took for a person that begins an organization's name ("Acme" in an article
    # about "Acme Robotics") and is no person's first or last name
    lone = name in persons and len(words) == 1 and not any(
        words[0] in p.split() for p in persons if p != name)
    if words and (name not in persons or lone):
        counts = memo["forms"]
        place = name in memo["gpe"]
        cands = []
        for n in counts:
            nw = n.split()
            if not (len(words) < len(nw) <= len(words) + 3 and nw[:len(words)] == words):
                continue
            extra = nw[len(words):]
            # a place stands for an organization only as a team name ("Lakeport" -> "Lakeport
            # Sharks"), not for its agencies ("Lakeport Police Department")
            if place and not (len(extra) == 1 and re.fullmatch(r"[A-Z][a-z]+[^su]s", extra[0])):
                continue
            cands.append(n)
        if cands:
            best = max(cands, key=lambda n: (counts[n], len(n)))
    full[name] = best
    return best


def _by_start(items: Sequence[Tuple[int, int, str]], lo: int, hi: int) -> List[Tuple[int, int, str]]:
    """Items of a list sorted by its first field whose first field lies in [lo, hi)."""
    keys = _cached_keys(items)
    return list(items[bisect.bisect_left(keys, lo):bisect.bisect_left(keys, hi)])


def _cached_keys(items: Sequence[Tuple[int, int, str]]) -> List[int]:
    memo = _CACHE.setdefault("keys", {})
    got = memo.get(id(items))
    if got is None or got[0] is not items:
        got = memo[id(items)] = (items, [x[0] for x in items])
    return got[1]


def _salient_org(doc: Doc, pos: int, noun: Optional[str] = None, window: int = 3000) -> Optional[str]:
    """The organization a definite noun or "it" stands for at `pos`.

    A noun that is a word of a recent organization's or place's name picks that one ("the
    department"); other organization nouns ("the company") pick the organization mentioned most
    often in the preceding `window` characters (ties: the latest).
    """
    orgs = _by_start(_org_mentions(doc), pos - window, pos)
    if noun:
        places = _by_start(_cached(doc)["places"], pos - window, pos)
        named = sorted([x for x in orgs + places if noun in x[2].lower().split()])
        if named:
            return _full_org(doc, named[-1][2])
        if noun not in ORG_NOUNS:
            return None
    if noun:
        # "the company" is not the union or the department named earlier
        orgs = [x for x in orgs if not any(w in ORG_NOUNS and w != noun
                                           for w in x[2].lower().split()[1:])] or orgs
    if not orgs:
        return None
    counts: Dict[str, int] = {}
    last: Dict[str, int] = {}
    for a, _, n in orgs:
        n = _full_org(doc, n) or n
        counts[n] = counts.get(n, 0) + 1
        last[n] = a
    return max(counts, key=lambda n: (counts[n], last[n]))


def _it_antecedent(doc: Doc, tok: Token) -> Optional[str]:
    """"it"/"its" -> the latest organization earlier in the sentence, else the salient one."""
    if tok.dep_ == "expl":
        return None
    # "X said it would ...": the subject of a verb above the pronoun
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            for ch in _kids(cur):
                if ch.dep_ in ("nsubj", "nsubjpass") and ch.i < tok.i and ch.i != tok.i \
                        and ch.pos_ in ("PROPN", "NOUN") and not _in_subtree(tok, ch):
                    n = entity_name(ch)
                    if n and n not in _person_names(tok.doc):
                        return n
    sent = _sent_of(tok)
    same = [x for x in _by_start(_org_mentions(doc), sent.start_char, tok.idx) if x[1] <= tok.idx]
    if same:
        return _full_org(doc, same[-1][2])
    return _salient_org(doc, sent.start_char, window=1500)


def _propn_text(doc: Doc, lo: int, hi: int) -> Optional[str]:
    """A proper noun phrase as written, with a number that is part of it ("S&P 500")."""
    toks = list(doc[lo:hi])
    while toks and toks[0].lower_ == "the":
        toks = toks[1:]
    if not toks:
        return None
    last = toks[-1]
    if last.i + 1 < len(doc) and doc[last.i + 1].dep_ == "nummod" and doc[last.i + 1].head.i == last.i \
            and doc[last.i + 1].idx == last.idx + len(last.text) + 1:
        toks.append(doc[last.i + 1])
    text = _text(doc)[toks[0].idx:toks[-1].idx + len(toks[-1].text)]
    return _clean_org(text) or None


def _named_child(tok: Token) -> Optional[str]:
    """"a bookkeeper named Jane Roe" -> the name."""
    for ch in _kids(tok):
        if ch.dep_ == "acl" and ch.lemma_.lower() in ("name", "call", "identify"):
            for g in _kids(ch):
                if g.dep_ in ("oprd", "dobj", "attr", "npadvmod", "xcomp", "appos") and g.pos_ == "PROPN":
                    return entity_name(g)
    return None


def _name_span(tok: Token) -> Tuple[int, int]:
    """Token range of the proper name headed by tok (its compound/flat PROPN run)."""
    lo = hi = tok.i
    doc = tok.doc
    while lo - 1 >= 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].head.i in range(lo, tok.i + 1) \
            and doc[lo - 1].dep_ in ("compound", "flat", "nmod", "amod"):
        lo -= 1
    return lo, hi + 1


def _cluster_mentions(doc: Doc):
    """(cluster, start, end) for every well-formed mention of the people stage's clusters."""
    for c in doc._.get(attrs.PEOPLE) or ():
        if not isinstance(c, dict):
            continue
        for m in c.get("mentions") or ():
            try:
                a, b = int(m[0]), int(m[1])
            except (TypeError, ValueError, IndexError):
                continue
            yield c, a, b


def _acl_agent_name(tok: Token) -> Optional[str]:
    """The agent of a participle clause on `tok`: "a record of 198 yards, set by Jane Roe"."""
    for ch in _kids(tok):
        if ch.dep_ == "acl":
            for g in _kids(ch):
                if g.dep_ == "agent":
                    for p in _kids(g):
                        if p.dep_ == "pobj":
                            n = entity_name(p)
                            if n:
                                return n
    return None


def entity_name(tok: Optional[Token], allow_common: bool = False) -> Optional[str]:
    """Canonical name of the person/organization a token stands for, or None."""
    if tok is None:
        return None
    doc = tok.doc
    low = tok.lower_
    if tok.pos_ == "PRON" or low in PERS_PRONOUNS:
        if low in REL_PRONOUNS:
            return None
        if low in IT_PRONOUNS:
            return _it_antecedent(doc, tok)
        name = _pronoun(doc, tok)
        return name
    # appositive name: "the developer, Jane Roe"; "a bookkeeper named Jane Roe"
    for ch in _kids(tok):
        if ch.dep_ == "appos" and ch.pos_ == "PROPN":
            n = entity_name(ch)
            if n:
                return n
        if ch.dep_ == "appos" and ch.pos_ == "NOUN":
            n = _named_child(ch)
            if n:
                return n
    if tok.pos_ == "NOUN":
        n = _named_child(tok)
        if n:
            return n
    if tok.pos_ == "PROPN" or tok.ent_type_ in NAME_LABELS:
        lo, hi = _name_span(tok)
        if tok.ent_type_:
            # widen to the whole entity
            ent = _ent_at(doc, tok.i)
            if ent is not None:
                lo, hi = min(lo, ent.start), max(hi, ent.end)
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        name = _canonical(doc, start, end)
        if name:
            name = _full_org(doc, name)
            nxt = doc[hi] if hi < len(doc) else None
            if nxt is not None and nxt.dep_ == "nummod" and nxt.head.i == hi - 1 \
                    and name not in _person_names(doc) and not name.endswith(nxt.text):
                name = f"{name} {nxt.text}"  # "FTSE" + "250"
            return name
        # the last name alone ("Roe's")
        name = _canonical(doc, tok.idx, tok.idx + len(tok.text))
        if name:
            return _full_org(doc, name)
        if tok.ent_type_ in NAME_LABELS:
            ent = _ent_at(doc, tok.i)
            if ent is not None:
                if ent.label_ == "PERSON":
                    return _full_name(doc, ent.text)
                return _full_org(doc, _propn_text(doc, ent.start, ent.end))
        if tok.pos_ == "PROPN" and not (doc._.get(attrs.PEOPLE) or ()):
            return _full_name(doc, doc[lo:hi].text)
        # a proper noun no other stage knows: an index, a product ("S&P 500", "Z9 Pro")
        if tok.pos_ == "PROPN" and tok.ent_type_ not in NOT_NAME_LABELS:
            return _full_org(doc, _propn_text(doc, lo, hi))
        return None
    if tok.pos_ == "NOUN" and _people_role is not None:
        try:
            name = _people_role(doc, tok)
        except Exception:  # noqa: BLE001
            name = None
        if name:
            return name
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in _kids(tok))
    if definite and any(c.lower_ == "old" and c.dep_ == "amod" for c in _kids(tok)):
        return _latest_person(doc, tok.idx)  # "the 27-year-old forward"
    if tok.pos_ == "NOUN" and definite:
        return _salient_org(doc, tok.idx, noun=tok.lower_)
    return None


def _latest_person(doc: Doc, pos: int, window: int = 800) -> Optional[str]:
    """"The 31-year-old forward ...": the person named last before `pos`."""
    best = None
    for a, n in _persons_in(doc, max(0, pos - window), pos, "person"):
        best = n
    return best


def _np_name(tok: Token) -> Optional[str]:
    """A name given inside a noun phrase: "incumbent Jane Roe", "a bookkeeper named Jane Roe"."""
    for ch in _kids(tok):
        if ch.dep_ == "appos" and ch.pos_ == "PROPN":
            n = entity_name(ch)
            if n:
                return n
    return _named_child(tok)


def _owner_in_np(tok: Token) -> Optional[str]:
    """The owner written inside a common-noun phrase: "the company's shares", "officials in X",
    "shares of X"; "Net income" alone -> the article's organization."""
    for ch in _kids(tok):
        # "the company's shares" (not "his lawyer": a person's relative is someone else)
        if ch.dep_ == "poss" and (ch.pos_ != "PRON" or tok.lemma_.lower() in METRIC_NOUNS
                                  or ch.lower_ == "its"):
            n = entity_name(ch)
            if n:
                return n
    for ch in _kids(tok):
        if ch.dep_ == "prep" and ch.lower_ in OWNER_PREPS:
            for p in _kids(ch):
                if p.dep_ == "pobj" and (p.pos_ == "PROPN" or p.ent_type_ in NAME_LABELS):
                    n = entity_name(p)
                    if n:
                        return n
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in METRIC_NOUNS and not any(
            c.dep_ in ("poss", "prep") for c in _kids(tok)):
        return _salient_org(tok.doc, tok.idx)
    return None


def _with_conjuncts(tok: Token, name: str) -> str:
    """"Apple and Samsung together hold 80%" -> "Apple and Samsung"."""
    others = []
    for c in tok.conjuncts:
        if c.i > tok.i:
            n = entity_name(c)
            if not n:
                return name
            others.append(n)
    return " and ".join([name] + others) if others else name


# ----------------------------------------------------------------------------------------------
# subjects
# ----------------------------------------------------------------------------------------------


def _figure_root(doc: Doc, q: Quantity) -> Optional[Token]:
    """The token of the figure whose head lies outside the figure (the figure's syntactic root)."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for t in span:
        if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i:
            return t
    return span.root


def _number_token(doc: Doc, q: Quantity) -> Optional[Token]:
    span = doc.char_span(q.num_start, q.num_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span[-1]


def _nominal(root: Token) -> Token:
    """The nominal that carries the figure: the counted noun for "24,000 votes", else the root."""
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod") and root.head.pos_ in (
            "NOUN", "PROPN", "PRON", "NUM", "SYM", "ADJ"):
        h = root.head
        if h.dep_ in ("nummod", "compound", "quantmod") and h.head.pos_ in ("NOUN", "PROPN"):
            h = h.head
        return h
    return root


def _explicit_subject(nom: Token, root: Token, kind: str = "") -> Optional[str]:
    """Owner named right on the figure: "Okafor' 47.6%", "33% for Okafor", "a lead for Brenner"."""
    doc = root.doc
    first = root.left_edge
    k = first.i - 1
    while k >= 0 and doc[k].pos_ in ("DET", "ADJ", "ADV") and first.i - k < 3 and doc[k].lower_ not in ("'s", "\u2019s"):
        k -= 1
    if k >= 1 and doc[k].lower_ in ("'s", "'", "\u2019s", "\u2019") and doc[k - 1].pos_ == "PROPN":
        n = entity_name(doc[k - 1])
        if n:
            return n
    for tok in (nom, root):
        for ch in _kids(tok):
            # "twice Smith's total": the possessive owns the base of the comparison
            if ch.dep_ == "poss" and kind != "multiplier":
                n = entity_name(ch)
                if n:
                    return n
        for ch in _kids(tok):
            if ch.dep_ == "prep" and ch.lower_ in ("for", "by", "from") and ch.i > root.i:
                for p in _kids(ch):
                    if p.dep_ == "pobj" and (ch.lower_ != "from" or p.pos_ == "PROPN" and
                                             p.ent_type_ not in ("GPE", "LOC", "FAC", "DATE")):
                        n = entity_name(p)
                        if n:
                            return n
        # "the $4 billion the agency had pencilled in": a relative clause without a pronoun
        for ch in _kids(tok):
            if ch.dep_ == "relcl" and ch.i > root.i and not any(
                    c.lower_ in REL_PRONOUNS for c in _kids(ch)):
                for c in _kids(ch):
                    if c.dep_ in SUBJ_DEPS:
                        n = entity_name(c)
                        if n:
                            return n
        # "a record of 198 yards, set by Jane Roe"
        n = _acl_agent_name(tok)
        if n:
            return n
    # "Okafor, a five-term senator" (not "Brenner 52% to 46%", parsed as an apposition too)
    if nom.dep_ == "appos" and nom.pos_ == "NOUN" and kind in ("count", "age", "duration"):
        n = entity_name(nom.head)
        if n:
            return n
    # "three years into her tenure"
    if kind in ("duration", "count", "age"):
        # (the tokens after the figure inside the nominal's phrase, a bounded window)
        for i in range(root.i + 1, min(nom.right_edge.i + 1, root.i + 1 + _WINDOW)):
            t = doc[i]
            if t.dep_ == "poss" and t.lower_ in PERS_PRONOUNS and (t.i == nom.i or nom.is_ancestor(t)):
                n = entity_name(t)
                if n:
                    return n
    return None


_WINDOW = 100  # tokens (longer than real sentences): per-figure look-arounds stay bounded on junk


def _has_number(tok: Token) -> bool:
    """A number or "%" in tok's phrase (prefix counts per doc: O(1), not a walk of the subtree)."""
    doc = tok.doc
    memo = _cached(doc)
    pre = memo.get("num_prefix")
    if pre is None:
        pre = [0]
        for t in doc:
            pre.append(pre[-1] + (1 if t.like_num or t.text == "%" else 0))
        memo["num_prefix"] = pre
    return pre[tok.right_edge.i + 1] - pre[tok.left_edge.i] > 0


def _after_in_subtree(cur: Token, nom: Token) -> Iterable[Token]:
    """Tokens of cur's phrase after nom, at most _WINDOW of them."""
    doc = cur.doc
    hi = min(cur.right_edge.i + 1, nom.i + 1 + _WINDOW)
    for i in range(nom.i + 1, hi):
        yield doc[i]


def _in_subtree(tok: Token, root: Token) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i


def _first_entity_in(tokens: Iterable[Token], skip: Token) -> Optional[str]:
    for t in tokens:
        if _in_subtree(t, skip):
            continue
        if t.pos_ in ("PROPN", "PRON") or t.ent_type_ in ("PERSON", "ORG"):
            if t.pos_ == "PRON" and t.lower_ not in PERS_PRONOUNS:
                continue
            n = entity_name(t)
            if n:
                return n
    return None


def climb_subject(nom: Token) -> Tuple[Optional[str], Optional[Token], Optional[str]]:
    """Walk up the parse from the figure's nominal to the clause that owns it.

    Returns (entity name or None, the governing verb or None, a plain-noun subject text).
    """
    cur = nom
    came_from = nom
    via_with = False
    verb: Optional[Token] = None
    fallback: Optional[str] = None
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") or any(c.dep_ in SUBJ_DEPS for c in _kids(cur)):
            if verb is None and cur.pos_ in ("VERB", "AUX"):
                verb = cur
            # passive agent: "raised by Okafor"
            for ch in _kids(cur):
                if ch.dep_ == "agent":
                    for p in _kids(ch):
                        if p.dep_ == "pobj":
                            n = entity_name(p)
                            if n:
                                return n, verb, fallback
            if via_with:
                for ch in _kids(cur):
                    if ch.dep_ in ("dobj", "dative") and ch.i < came_from.i:
                        n = entity_name(ch)
                        if n:
                            return n, verb, fallback
            # "ordered him to pay $3.9 million": the object does the complement's action;
            # "gave her a 7-point lead", "cost the company $4 million": the recipient
            if came_from is not cur and (came_from.dep_ == "xcomp" or came_from.dep_ == "dobj"
                                         and cur.lemma_.lower() in GIVE_VERBS):
                # ("cost it $12 million" parses the recipient as a second direct object)
                want = ("dobj",) if came_from.dep_ == "xcomp" else ("dative", "dobj")
                for ch in _kids(cur):
                    if ch.dep_ in want and ch.i < came_from.i:
                        n = entity_name(ch)
                        if n:
                            return n, verb, fallback
            subj = None
            for ch in _kids(cur):
                if ch.dep_ in SUBJ_DEPS:
                    subj = ch
                    break
            for ch in _kids(cur):  # "His partner, a clerk named Jane Roe, was ..."
                if ch.dep_ in SUBJ_DEPS and ch is not subj and ch.pos_ == "NOUN" and _named_child(ch):
                    subj = ch
                    break
            if subj is not None and not _in_subtree(nom, subj):
                if subj.lower_ in REL_PRONOUNS and cur.dep_ == "relcl":
                    head = cur.head
                    n = entity_name(head)
                    if n:
                        return n, verb, fallback
                    came_from, cur = cur, head
                    via_with = False
                    continue
                n = entity_name(subj)
                if n:
                    return _with_conjuncts(subj, n), verb, fallback
                if subj.pos_ == "NOUN":
                    n = _owner_in_np(subj)
                    if n:
                        return n, verb, fallback
                if fallback is None and subj.pos_ in ("NOUN", "PROPN") and subj.lower_ not in REL_PRONOUNS \
                        and not _has_number(subj):
                    fallback = _np_text(subj)
                    if STOP_AT_THING:
                        return None, verb, fallback
            elif subj is not None and _in_subtree(nom, subj):
                # "The 27-year-old forward carried ...": the figure describes the subject
                if subj is not nom and nom.i < subj.i:
                    n = entity_name(subj)
                    if n:
                        return n, verb, fallback
                # "40% of voters thought Okafor would ...": the figure is the subject
                n = _first_entity_in(_after_in_subtree(cur, nom), subj)
                if n:
                    return n, verb, fallback
        elif cur is not nom and cur.pos_ in ("NOUN", "PROPN"):
            if cur.pos_ == "NOUN" and came_from.dep_ in ("compound", "amod", "nummod", "npadvmod",
                                                          "nmod"):
                n = _np_name(cur)
                if n:
                    return n, verb, fallback
            for ch in _kids(cur):
                if ch.dep_ == "poss":
                    n = entity_name(ch)
                    if n:
                        return n, verb, fallback
            if cur.pos_ == "PROPN" and cur.dep_ not in ("compound",):
                n = entity_name(cur)
                # "the Z9 Pro, a $999 phone"; "two-term incumbent Jane Roe": the figure sits in
                # the name's own noun phrase
                if n and (cur.dep_ in ("appos", "nsubj", "nsubjpass", "ROOT") or came_from.dep_ in (
                        "compound", "amod", "nmod", "appos", "nummod") and came_from.is_alpha
                        and came_from.pos_ in ("NOUN", "ADJ")):
                    return n, verb, fallback
            n = _acl_agent_name(cur)
            if n:
                return n, verb, fallback
            if cur.dep_ == "appos":
                n = entity_name(cur.head)
                if n:
                    return n, verb, fallback
        if cur.head.i == cur.i:
            break
        via_with = cur.dep_ == "pobj" and cur.head.lower_ == "with" or (
            cur.lower_ == "with" and cur.dep_ == "prep") or via_with and cur.dep_ == "prep"
        came_from, cur = cur, cur.head
    return None, verb, fallback


def _np_text(tok: Token) -> str:
    toks = list(itertools.islice((t for t in tok.subtree if t.i <= tok.i or t.dep_ in ("compound", "amod")), 7))
    toks = [t for t in toks if t.dep_ not in ("det", "punct") or t.i > toks[0].i][:6]
    text = " ".join(t.text for t in toks if t.dep_ != "det")
    return text.strip() or tok.text


def _persons_in(doc: Doc, start: int, end: int, kind: Optional[str] = None) -> List[Tuple[int, str]]:
    """(char offset, canonical name) of person/org mentions in [start, end), from the people stage."""
    memo = _cached(doc)
    done = memo.setdefault("persons_in", {})
    key = (start, end, kind)
    if key in done:
        return list(done[key])
    index = memo.get("mention_index")
    if index is None:
        # every mention once per doc, sorted by offset: (offset, end, name, kind)
        rows = [(a, b, c.get("name") or _text(doc)[a:b], c.get("kind")) for c, a, b in _cluster_mentions(doc)]
        rows.sort(key=lambda r: r[0])
        index = memo["mention_index"] = (rows, [r[0] for r in rows])
    rows, keys = index
    out = []
    for a, b, name, k in rows[bisect.bisect_left(keys, start):bisect.bisect_left(keys, end)]:
        if (kind is None or k == kind) and b <= end:
            out.append((a, name))
    if not out:
        labels = (kind.upper(),) if kind else ("PERSON", "ORG")
        for ent in _ents_from_char(doc, start):
            if ent.start_char >= end:
                break
            if ent.label_ in labels and ent.end_char <= end:
                out.append((ent.start_char, ent.text))
    out.sort()
    done[key] = out
    return list(out)


def _words_in(sent: Span, word: str) -> List[int]:
    """Token indices of a (lowercase) word in a sentence, once per sentence."""
    memo = _cached(sent.doc).setdefault("words_in", {})
    key = (sent.start, word)
    got = memo.get(key)
    if got is None:
        got = memo[key] = [t.i for t in sent if t.lower_ == word]
    return got


def _pair_subjects(doc: Doc, a: Quantity, b: Quantity, ra: Token, rb: Token,
                   sent: Span) -> Tuple[Optional[str], Optional[str], Optional[Token]]:
    """Owners of the two members of "52% to 46%" / "38%-27%" / "52.4% to Okafor' 47.6%"."""
    na, nb = _nominal(ra), _nominal(rb)
    ea = _explicit_subject(na, ra, a.kind)
    eb = _explicit_subject(nb, rb, b.kind) if rb is not ra else None
    # "for Okafor" right after the second member also covers a pair ("52.4% to 47.6% for Okafor")
    if eb is None:
        m = re.match(r"\s+(?:for|to)\s+", _text(doc)[b.end:b.end + 10])
        if m:
            t = doc.char_span(b.end + m.end(), min(len(_text(doc)), b.end + m.end() + 40),
                              alignment_mode="expand")
            if t is not None and len(t) and t[0].pos_ in ("PROPN",):
                eb = entity_name(t[0])
    subj, verb, _ = climb_subject(na if ea is None else nb)
    lose = verb is not None and verb.lemma_.lower() in LOSE_VERBS
    # object of the verb: "Okafor led Brenner 52% to 46%"
    obj = None
    if verb is not None:
        for ch in _kids(verb):
            if ch.dep_ in ("dobj", "dative") and ch.i < ra.i:
                obj = entity_name(ch)
                break
    # "between X and Y"
    between = []
    betweens = _words_in(sent, "between")
    k = bisect.bisect_right(betweens, rb.i)
    if k < len(betweens):
        t = doc[betweens[k]]
        for p in _kids(t):
            if p.dep_ == "pobj":
                between = [entity_name(p)] + [entity_name(c) for c in p.conjuncts]
    between = [x for x in between if x]
    if ea is None:
        if len(between) >= 2:
            ea = between[0]
        else:
            ea = subj
    if eb is None:
        if len(between) >= 2:
            eb = between[1]
        elif obj and obj != ea:
            eb = obj
    if lose and ea is not None and eb is None:
        eb = ea
        ea = None
    if ea is None or eb is None:
        known = ea or eb
        if known is not None and known not in _person_names(doc) and any(
                (_full_org(doc, n) or n) == known for _, _, n in _org_mentions(doc)):
            # the other side of an organization's score is another organization
            def _orgs_in(a: int, b: int) -> List[Tuple[int, str]]:
                return [(x, _full_org(doc, n) or n) for x, _, n in _by_start(_org_mentions(doc), a, b)]
            others = [n for _, n in _orgs_in(sent.start_char, sent.end_char) if n != known]
            if not others:
                start = max(0, sent.start_char - 1200)
                others = [n for _, n in reversed(_orgs_in(start, sent.start_char)) if n != known]
        else:
            others = [n for _, n in _persons_in(doc, sent.start_char, sent.end_char, "person")
                      if n != known]
        if not others and (known is None or known in _person_names(doc)):
            # look back a few sentences for the other side (a person, the latest first)
            start = max(0, sent.start_char - 1200)
            others = [n for _, n in reversed(_persons_in(doc, start, sent.start_char, "person"))
                      if n != known]
        if ea is None and others:
            ea = others[0]
        elif eb is None and others:
            eb = others[0]
    return ea, eb, verb


# ----------------------------------------------------------------------------------------------
# time and attribution
# ----------------------------------------------------------------------------------------------


_SAME_WEEKDAY = re.compile(
    r"(?:on )?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:\.|day)?(?: (?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _resolve_date(text: str, base: Optional[str]) -> Optional[str]:
    """ISO date for a DATE/TIME expression, relative to the publication date (cached)."""
    clean = re.sub(r"\s+", " ", text).strip()
    if not clean or len(clean) > 60:
        return None
    has_year = bool(re.search(r"\b(?:1[89]|20)\d\d\b", clean))
    if base is None and not has_year:
        return None
    if base and _SAME_WEEKDAY.fullmatch(clean):  # "Tuesday" in a paper of a Tuesday: that day
        day = _dt.date.fromisoformat(base[:10])
        if re.sub(r"(?i)^on ", "", clean)[:3].lower() == ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[day.weekday()]:
            return day.isoformat()
    try:
        import dateparser  # slow to import: only when a figure needs a date

        settings = {"PREFER_DATES_FROM": "past"}
        if base:
            settings["RELATIVE_BASE"] = _dt.datetime.strptime(base[:10], "%Y-%m-%d")
        got = dateparser.parse(clean, languages=["en"], settings=settings)
    except Exception:  # noqa: BLE001 - dateparser raises on odd strings
        return None
    return got.date().isoformat() if got else None


def _time_for(doc: Doc, q: Quantity, sent: Span, figure_spans: Sequence[Tuple[int, int]],
              published: Optional[str]) -> Optional[dict]:
    memo = _cached(doc).setdefault("dates_in", {})
    got = memo.get(sent.start)
    if got is None:
        # the sentence's DATE/TIME entities that no figure overlaps, once per sentence
        merged = _merged_spans(doc, figure_spans)
        starts = [a for a, _ in merged]
        cands = []
        for ent in _ents_from_char(doc, sent.start_char):
            if ent.start >= sent.end:
                break
            if ent.start < sent.start or ent.end > sent.end or ent.label_ not in ("DATE", "TIME"):
                continue
            k = bisect.bisect_left(starts, ent.end_char) - 1
            if k >= 0 and merged[k][1] > ent.start_char:
                continue
            if re.fullmatch(r"\W*", ent.text):
                continue
            cands.append(ent)
        got = memo[sent.start] = (cands, [e.start_char for e in cands])
    cands, cstarts = got
    # entities do not overlap each other or the figure: the nearest is the last one before it or
    # the first one after it (ties go to the earlier one)
    k = bisect.bisect_left(cstarts, q.start)
    best = None
    best_d = None
    for ent in cands[max(0, k - 1):k + 1]:
        d = min(abs(ent.start_char - q.end), abs(q.start - ent.end_char))
        if best_d is None or d < best_d:
            best, best_d = ent, d
    if best is None:
        return None
    return {"text": best.text, "date": _resolve_date(best.text, published)}


def _merged_spans(doc: Doc, spans: Sequence[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """Sorted, merged (start, end) spans, once per doc."""
    memo = _cached(doc)
    got = memo.get("merged_figures")
    if got is None or got[0] is not spans:
        merged: List[List[int]] = []
        for a, b in sorted(spans):
            if merged and a < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        got = memo["merged_figures"] = (spans, [(a, b) for a, b in merged])
    return got[1]


def _quote_index(doc: Doc, quotes: Sequence[dict]) -> Tuple[list, List[int], List[int]]:
    """Quotes sorted by start with the running maximum of their ends, once per doc."""
    memo = _cached(doc)
    got = memo.get("quote_index")
    if got is None or got[0] is not quotes:
        rows = []
        for n, qu in enumerate(quotes):
            try:
                rows.append((int(qu["start"]), int(qu["end"]), n))
            except (KeyError, TypeError, ValueError):
                continue
        rows.sort()
        run, top = [], None
        for _, e, _ in rows:
            top = e if top is None else max(top, e)
            run.append(top)
        got = memo["quote_index"] = (quotes, rows, [r[0] for r in rows], run)
    return got[1], got[2], got[3]


def _attribution(doc: Doc, q: Quantity, sent: Span, quotes: Sequence[dict]) -> Optional[str]:
    rows, starts, run = _quote_index(doc, quotes)
    # the first quote (in the stage's order) that holds the figure: walk back from the last quote
    # starting at or before it while some earlier quote still reaches past its end
    first = None
    j = bisect.bisect_right(starts, q.start) - 1
    while j >= 0 and run[j] >= q.end:
        a, e, n = rows[j]
        if q.end <= e and (first is None or n < first):
            first = n
        j -= 1
    if first is not None:
        try:
            sp = quotes[first].get("speaker") or {}
            return sp.get("name") or sp.get("mention") or None
        except (AttributeError, TypeError):
            return None
    memo = _cached(doc).setdefault("according", {})
    if sent.start not in memo:
        memo[sent.start] = _according_to(doc, sent)
    return memo[sent.start]


def _according_to(doc: Doc, sent: Span) -> Optional[str]:
    """The source named by "according to X" in a sentence (once per sentence)."""
    for i in _words_in(sent, "according"):
        t = doc[i]
        if t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            to = doc[t.i + 1]
            pobj = next((c for c in _kids(to) if c.dep_ == "pobj"), None)
            if pobj is None and t.i + 2 < len(doc):
                pobj = doc[t.i + 2]
            if pobj is None:
                return None
            n = entity_name(pobj)
            if n:
                return n
            for ent in _ents_from_char(doc, pobj.left_edge.idx):
                if ent.start > pobj.right_edge.i:
                    break
                if ent.label_ in ("ORG", "PERSON", "GPE") and pobj.left_edge.i <= ent.start \
                        and ent.end <= pobj.right_edge.i + 1:
                    return _canonical(doc, ent.start_char, ent.end_char) or ent.text
            words = [w for w in doc[pobj.left_edge.i:min(pobj.right_edge.i + 1, pobj.left_edge.i + 8)]
                     if not w.is_punct]
            return " ".join(w.text for w in words) or None
    return None


# ----------------------------------------------------------------------------------------------
# per figure
# ----------------------------------------------------------------------------------------------


def _reject_by_parse(doc: Doc, q: Quantity, num: Token, root: Token) -> bool:
    """Numbers the pure layer kept that the parse and NER show are not figures."""
    if num.ent_type_ == "ORDINAL":
        return True
    if q.kind in ("count", "other") and q.unit != "fraction":
        if num.ent_type_ in ("DATE", "TIME"):
            # keep counted things ("24,000 votes"), drop bare day numbers and years
            if q.bare or (q.noun or "") in TIME_UNITS:
                return True
        if num.ent_type_ in ID_LABELS and q.bare:
            return True
        if q.words and num.dep_ not in ("nummod", "compound", "quantmod", "amod", "npadvmod",
                                        "appos", "nmod"):
            return True
    return False


def _refine(doc: Doc, q: Quantity, num: Token) -> None:
    """Counted noun and durations from the parse."""
    if q.kind != "count" or q.unit == "points":
        return
    head = num.head if num.dep_ in ("nummod", "quantmod", "compound") else None
    if head is not None and not re.search(r"[A-Za-z]", head.text):
        head = None  # "1,2,3,4%": a sign or a piece of junk is no counted noun
    if head is not None and head.pos_ in ("NOUN", "PROPN") and head.i > num.i:
        lemma = head.lemma_.lower()
        if lemma in TIME_UNITS:
            q.kind, q.unit = "duration", TIME_UNITS[lemma]
            return
        comp = [c for c in _kids(head) if c.dep_ == "compound" and num.i < c.i < head.i
                and c.pos_ == "NOUN"]
        word = head.text.lower()
        if comp:
            word = " ".join([c.text.lower() for c in comp] + [word])
        q.unit = word
    elif q.noun and not q.bare:
        q.unit = q.noun if q.unit is None else q.unit


def _statement(q: Quantity, subject: Optional[str], verb: Optional[Token], nom: Token,
               fallback: Optional[str]) -> str:
    fig = q.text if not q.approx else f"{q.approx} {q.text}"
    if q.kind in ("count", "duration") and q.unit and q.unit not in q.text and q.unit != "fraction":
        fig = f"{fig} {q.unit}"
    elif q.kind == "age":
        fig = f"{q.text} years old"
    who = subject or fallback
    if verb is not None:
        neg = " not" if any(c.dep_ == "neg" for c in _kids(verb)) else ""
        prep = ""
        t = nom
        for _ in range(6):
            if t.head.i == t.i or t.head.i == verb.i:
                if t.dep_ == "prep" and t.i != verb.i:
                    prep = t.text + " "
                break
            t = t.head
        core = f"{verb.text}{neg} {prep}{fig}"
        return f"{who} {core}" if who else core
    if who:
        return f"{who}: {fig}"
    return fig


def extract_figures(doc: Doc) -> List[dict]:
    """All numeric claims of a parsed doc as plain dicts (see pipeline.attrs)."""
    text = _text(doc)
    if not text.strip():
        return []
    quants = find_quantities(text)
    if not quants:
        return []
    article = doc._.get(attrs.ARTICLE) or {}
    published = article.get("published") if isinstance(article, dict) else None
    quotes = [q for q in (doc._.get(attrs.QUOTES) or ()) if isinstance(q, dict)]
    keep: List[Tuple[Quantity, Token, Token]] = []
    dropped = set()
    for i, q in enumerate(quants):
        if attrs.in_furniture(doc, q.start, q.end):
            dropped.add(i)
            continue
        num = _number_token(doc, q)
        root = _figure_root(doc, q)
        if num is None or root is None:
            dropped.add(i)
            continue
        if _reject_by_parse(doc, q, num, root):
            dropped.add(i)
            continue
        _refine(doc, q, num)
        keep.append((q, num, root))
    figure_spans = [(q.start, q.end) for q, _, _ in keep]
    by_index = {id(q): (q, num, root) for q, num, root in keep}
    pair_done: Dict[int, Tuple[Optional[str], Optional[Token]]] = {}
    out = []
    for q, num, root in keep:
        sent = _sent_of(root)
        nom = _nominal(root)
        subject = None
        verb = None
        fallback = None
        partner = quants[q.partner] if q.partner is not None and q.partner < len(quants) else None
        if q.link == "pair" and partner is not None and id(partner) in by_index:
            if id(q) in pair_done:
                subject, verb = pair_done.pop(id(q))
            else:
                a, b = (q, partner) if q.position == 0 else (partner, q)
                ra, rb = by_index[id(a)][2], by_index[id(b)][2]
                ea, eb, verb = _pair_subjects(doc, a, b, ra, rb, sent)
                subject = ea if q is a else eb
                pair_done[id(partner)] = (eb if q is a else ea, verb)
        else:
            subject = _explicit_subject(nom, root, q.kind)
            if subject is None:
                subject, verb, fallback = climb_subject(nom)
            if subject is None and q.link == "range" and partner is not None and id(partner) in by_index:
                pass
        if verb is None:
            _, verb, fb2 = climb_subject(nom)
            fallback = fallback or fb2
        if subject is None and fallback and STOP_AT_THING:
            subject = fallback
        if subject is None:
            persons = _persons_in(doc, sent.start_char, sent.end_char)
            names = {n for _, n in persons}
            if len(names) == 1:
                subject = next(iter(names))
        predicate = None
        if verb is not None:
            predicate = verb.lemma_.lower() if verb.lemma_ else verb.lower_
            if not re.search(r"[a-z]", predicate):
                predicate = "be" if verb.lower_ in ("'s", "\u2019s") else verb.lower_
        conf = q.confidence + (0.05 if subject else -0.15)
        conf = max(0.05, min(0.99, conf))
        rec = {
            "start": q.start, "end": q.end, "value": float(q.value), "unit": q.unit,
            "kind": q.kind, "approx": q.approx, "subject": subject, "predicate": predicate,
            "statement": _statement(q, subject, verb, nom, fallback),
            "time": _time_for(doc, q, sent, figure_spans, published),
            "attributed_to": _attribution(doc, q, sent, quotes),
            "confidence": round(conf, 3),
        }
        out.append(rec)
    return out


# ----------------------------------------------------------------------------------------------
# component
# ----------------------------------------------------------------------------------------------


class FiguresComponent:
    """Writes ``doc._.claimsift_figures``; never raises on odd text."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        try:
            figures = extract_figures(doc)
        except Exception:  # noqa: BLE001 - a stage that fails would cost the whole article
            figures = []
        doc._.set(attrs.FIGURES, figures)
        return doc


@Language.factory(
    "claimsift_figures",
    assigns=["doc._.claimsift_figures"],
    requires=["doc.sents", "doc.ents", "token.dep", "doc._.claimsift_people",
              "doc._.claimsift_quotes"],
    default_config={},
)
def make_figures(nlp: Language, name: str) -> FiguresComponent:
    return FiguresComponent(nlp, name)

"""Who a token names: canonical person and organization names for figure subjects (through the
entity layer), organization mentions and salience, pronouns and role nouns."""

from __future__ import annotations

import bisect
import re
from typing import Dict, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Token

from .. import attrs
from ..entities.lexicon import ORG_NOUNS
from ..entities.query import canonical_name, resolve_pronoun, role_antecedent
from .common import (
    _CACHE,
    IT_PRONOUNS,
    METRIC_NOUNS,
    NAME_LABELS,
    NOT_NAME_LABELS,
    OWNER_PREPS,
    PERS_PRONOUNS,
    REL_PRONOUNS,
    SUBJ_DEPS,
    _cached,
    _ent_at,
    _ents,
    _ents_from_char,
    _in_subtree,
    _kids,
    _sent_of,
    _text,
)

# ----------------------------------------------------------------------------------------------
# names
# ----------------------------------------------------------------------------------------------


def _canonical(doc: Doc, start: int, end: int) -> Optional[str]:
    return canonical_name(doc, start, end)


def _pronoun(doc: Doc, tok: Token) -> Optional[str]:
    name = resolve_pronoun(doc, tok) or _fallback_pronoun(doc, tok)
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
        for a, b in c["mentions"]:
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
    if tok.pos_ == "NOUN":
        name = role_antecedent(doc, tok)
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

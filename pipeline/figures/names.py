"""Who a token names: canonical person and organization names for figure subjects (through the
entity layer), organization mentions and salience, pronouns and role nouns."""

from __future__ import annotations

import bisect
import re
from typing import List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Token

from .. import attrs
from ..entities.lexicon import clean_name_text
from ..entities.query import (
    AGENT_KINDS,
    FIRST_PERSON,
    description_antecedent,
    canonical_name,
    fullest_org,
    it_antecedent,
    quote_speaker,
    resolve_pronoun,
    role_antecedent,
    salient_org,
)
from .common import (
    _CACHE,
    IT_PRONOUNS,
    METRIC_NOUNS,
    NAME_LABELS,
    NOT_NAME_LABELS,
    OWNER_PREPS,
    PERS_PRONOUNS,
    REL_PRONOUNS,
    _cached,
    _ent_at,
    _ents_from_char,
    _kids,
    _kids_with,
    _text,
)

# ----------------------------------------------------------------------------------------------
# names
# ----------------------------------------------------------------------------------------------


def _canonical(doc: Doc, start: int, end: int) -> Optional[str]:
    return canonical_name(doc, start, end)


_LEAD_THE_RE = re.compile(r"^(?:the|The|THE)\s+")
_POSS_END_RE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


def _clean_org(text: str) -> str:
    return _POSS_END_RE.sub("", _LEAD_THE_RE.sub("", text.strip())).strip()


def _org_mentions(doc: Doc) -> List[Tuple[int, int, str]]:
    """(start, end, canonical name) of the organization mentions of the entity index, in order."""
    memo = _cached(doc)
    if "orgs" not in memo:
        memo["orgs"] = sorted((m[0], m[1], c["name"]) for c in doc._.get(attrs.ENTITIES) or ()
                              if c["kind"] == "org" for m in c["mentions"])
    return memo["orgs"]


def _person_names(doc: Doc) -> set:
    memo = _cached(doc)
    if "persons" not in memo:
        memo["persons"] = {c["name"] for c in doc._.get(attrs.ENTITIES) or () if c["kind"] == "person"}
    return memo["persons"]


def _full_org(doc: Doc, name: Optional[str]) -> Optional[str]:
    return fullest_org(doc, name) if name else name


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
    return salient_org(doc, pos, noun, window)


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
    for c in doc._.get(attrs.ENTITIES) or ():
        if c["kind"] not in AGENT_KINDS:
            continue
        for a, b in c["mentions"]:
            yield c, a, b


_ACL = frozenset({"acl"})


def _acl_agent_name(tok: Token) -> Optional[str]:
    """The agent of a participle clause on `tok`: "a record of 198 yards, set by Jane Roe"."""
    for ch in _kids_with(tok, _ACL):
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
    """Canonical name of the person/organization a token stands for, or None (once per token)."""
    if tok is None:
        return None
    memo = _cached(tok.doc).setdefault("entity_name", {})
    key = (tok.i, allow_common)
    if key not in memo:
        memo[key] = _entity_name(tok, allow_common)
    return memo[key]


def _entity_name(tok: Token, allow_common: bool) -> Optional[str]:
    doc = tok.doc
    low = tok.lower_
    if tok.pos_ == "PRON" or low in PERS_PRONOUNS:
        if low in REL_PRONOUNS:
            return None
        if low in IT_PRONOUNS:
            return it_antecedent(doc, tok)
        if low in FIRST_PERSON:
            return quote_speaker(doc, tok)
        return resolve_pronoun(doc, tok)
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
                    return clean_name_text(ent.text)
                return _full_org(doc, _propn_text(doc, ent.start, ent.end))
        # a proper noun no other stage knows: an index, a product ("S&P 500", "Z9 Pro")
        if tok.pos_ == "PROPN" and tok.ent_type_ not in NOT_NAME_LABELS:
            return _full_org(doc, _propn_text(doc, lo, hi))
        return None
    if tok.pos_ == "NOUN":
        name = role_antecedent(doc, tok)
        if name:
            return name
    name = description_antecedent(doc, tok)  # "the 27-year-old forward"
    if name:
        return name
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in _kids(tok))
    if tok.pos_ == "NOUN" and definite:
        return _salient_org(doc, tok.idx, noun=tok.lower_)
    return None


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

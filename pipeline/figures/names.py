"""Who a token names: canonical person and organization names for figure subjects (through the
entity layer), organization mentions and salience, pronouns and role nouns."""

from __future__ import annotations

import bisect
import re
from typing import List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Token

from .. import attrs
from ..entities.lexicon import (
    ORG_NOUNS,
    ROLES,
    clean_name_text,
    without_codes,
)
from ..entities.query import (
    AGENT_KINDS,
    FIRST_PERSON,
    bare_org_noun,
    cataphoric_antecedent,
    description_antecedent,
    canonical_name,
    cluster_for,
    fullest_org,
    it_antecedent,
    org_antecedent,
    place_description,
    place_for,
    quote_speaker,
    resolve_pronoun,
    role_antecedent,
    salient_org,
    titled_name,
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
    is_code_token,
    _sent_of,
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
    return without_codes(_POSS_END_RE.sub("", _LEAD_THE_RE.sub("", text.strip())).strip())


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
        memo[key] = _without_possessive(tok.doc, _entity_name(tok, allow_common))
    return memo[key]


def _without_possessive(doc: Doc, name: Optional[str]) -> Optional[str]:
    """A name without the possessive the entity layer left on it ("Club Nova's" written only before
    a noun, "Club Nova's new owners", or also alone); a name whose own last word ends so
    ("Keller's raised its rating") keeps it."""
    if not name or not _POSS_END_RE.search(name):
        return name
    bare = _POSS_END_RE.sub("", name).rstrip()
    text = _text(doc)
    if not bare:
        return name
    if re.search(re.escape(bare) + r"(?!['\u2019\w])", text):
        return bare
    for m in re.finditer(re.escape(name), text):
        nxt = doc.char_span(m.end(), len(text), alignment_mode="expand")
        word = next((t for t in nxt or () if not t.is_space), None)
        if word is None or not (word.pos_ in ("NOUN", "ADJ", "NUM") or word.is_quote):
            return name  # ("Keller's raised": a name, not an owner)
    return bare


def _entity_name(tok: Token, allow_common: bool) -> Optional[str]:
    doc = tok.doc
    low = tok.lower_
    if is_code_token(tok) and tok.i > 0 and doc[tok.i - 1].head.i == tok.i \
            and doc[tok.i - 1].dep_ in ("compound", "amod", "flat", "nmod"):
        # "Brent crude LCOc1 rose": the market data code heads what the words right before it name
        lo = tok.i - 1
        while lo > 0 and doc[lo - 1].dep_ in ("compound", "amod", "flat") and lo <= doc[lo - 1].head.i <= tok.i:
            lo -= 1
        return _clean_org(_text(doc)[doc[lo].idx:doc[tok.i - 1].idx + len(doc[tok.i - 1].text)]) or None
    if tok.pos_ == "PRON" or low in PERS_PRONOUNS:
        if low in REL_PRONOUNS:
            return None
        if low in IT_PRONOUNS:
            if _extraposed(tok):
                return None
            return _place_acting_above(tok) or _previous_subject(tok) or it_antecedent(doc, tok)
        if low in FIRST_PERSON:
            return quote_speaker(doc, tok)
        return resolve_pronoun(doc, tok)
    # appositive name: "the developer, Jane Roe"; "a bookkeeper named Jane Roe" (a name keeps
    # its own: "Acme Corp. (NYSE: ACM)" is Acme, not its ticker)
    for ch in _kids(tok) if tok.pos_ != "PROPN" else ():
        if ch.dep_ == "appos" and ch.pos_ == "PROPN" and not is_code_token(ch):  # (not "the index .VIX")
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
    n = _national_antecedent(tok)  # "the Ruritanian"
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
        if hi - lo == 1 and low in ORG_NOUNS and _definite(tok):
            name = org_antecedent(doc, tok)  # "the Commission's 2% target": the last commission
            if name:
                return name
        name = _canonical(doc, start, end)
        if name and not _fits(doc, name, start, end):
            name = None  # an entity that does not hold the mention's words is someone else
        if name:
            written = clean_name_text(_text(doc)[start:end]).split()
            words = name.split()
            if len(written) > len(words) and written[:len(words)] == words:
                # the entity layer cut the name short: "Ana Ruiz" of "Ana Ruiz Medel"
                return " ".join(written)
            name = _full_org(doc, name)
            nxt = doc[hi] if hi < len(doc) else None
            if nxt is not None and nxt.dep_ == "nummod" and nxt.head.i == hi - 1 \
                    and name not in _person_names(doc) and not name.endswith(nxt.text):
                name = f"{name} {nxt.text}"  # "FTSE" + "250"
            return name
        # the last name alone ("Roe's")
        name = _canonical(doc, tok.idx, tok.idx + len(tok.text))
        if name and _fits(doc, name, tok.idx, tok.idx + len(tok.text)):
            return _full_org(doc, name)
        if tok.ent_type_ in NAME_LABELS:
            ent = _ent_at(doc, tok.i)
            if ent is not None:
                if ent.label_ == "PERSON":
                    return clean_name_text(ent.text)
                return _full_org(doc, _propn_text(doc, ent.start, ent.end))
        # a group by its plural name: "the Progressives" (a party, a side)
        if tok.ent_type_ == "NORP" and tok.tag_ == "NNPS" and tok.dep_ != "compound" \
                and not any(c.dep_ in ("nummod", "quantmod") for c in _kids(tok)):  # ("40 Americans")
            return clean_name_text(tok.text)
        # a proper noun no other stage knows: an index, a product ("S&P 500", "Z9 Pro")
        if tok.pos_ == "PROPN" and tok.ent_type_ not in NOT_NAME_LABELS:
            return _full_org(doc, _propn_text(doc, lo, hi))
        return None
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in _STOCK and _definite(tok) and _bare_metric(tok) \
            and not any(c.dep_ in ("amod", "compound") for c in _kids(tok)):
        return metric_owner(doc, tok.idx)  # "the stock" is the company's, named last in its paragraph
    if tok.pos_ == "NOUN" or tok.pos_ == "ADJ" and _definite(tok):
        # (also a noun the tagger took for an adjective; "a 41-year-old baker" in a lede that names
        # her in the next paragraph)
        name = role_antecedent(doc, tok) or cataphoric_antecedent(doc, tok)
        if name:
            return name
    name = description_antecedent(doc, tok)  # "the 27-year-old forward"
    if name:
        return name
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in _kids(tok))
    if tok.pos_ == "NOUN" and definite:
        return place_description(doc, tok) or _salient_org(doc, tok.idx, noun=tok.lower_) or titled_name(doc, tok)
    return None


_NATIONAL_WINDOW = 800  # characters looked back for the person "the Ruritanian" stands for


def _national_antecedent(tok: Token) -> Optional[str]:
    """The person a nationality word standing alone as a subject or object stands for ("Aged 19,
    the Ruritanian became the youngest champion"): the person named last before it, within a few
    sentences (the entity layer takes nouns; the parser often makes such a word an adjective)."""
    if tok.ent_type_ != "NORP" or tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") \
            or not _definite(tok) or any(c.dep_ in ("compound", "amod") for c in _kids(tok)):
        return None
    doc = tok.doc
    people = _persons_in(doc, max(0, tok.idx - _NATIONAL_WINDOW), tok.idx, "person")
    # ("the performance of Jane Roe, who beat Ann Poe": the clause is about Roe, not Poe)
    focus = [n for at, n in people if not _in_clause_about_person(doc, at)]
    return (focus or [n for _, n in people] or [None])[-1]


def _in_clause_about_person(doc: Doc, at: int) -> bool:
    """True when the mention at character `at` sits in a relative clause on another person's name."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    for anc in span[0].ancestors:
        if anc.dep_ == "relcl":
            return anc.head.ent_type_ == "PERSON"
    return False


_WORD_RE = re.compile(r"\w+")
_STOCK = frozenset({"stock", "share"})  # nouns that stand for the company itself on a market


def _fits(doc: Doc, name: str, start: int, end: int) -> bool:
    """True when the canonical name can stand for the mention at [start, end): they share a word,
    the mention is an abbreviation, or the entity lists it among its aliases."""
    mention = _text(doc)[start:end]
    if _shares_a_word(name, mention):
        return True
    cluster = cluster_for(doc, start, end)
    return cluster is not None and clean_name_text(mention) in (cluster.get("aliases") or ())


def _shares_a_word(name: str, mention: str) -> bool:
    """True when a canonical name can stand for the mention as written: they share a word, or the
    mention is an abbreviation or a ticker ("ACM", "U.N.")."""
    said = {w.lower() for w in _WORD_RE.findall(mention)}
    if said & {w.lower() for w in _WORD_RE.findall(name)}:
        return True
    letters = [c for c in mention if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_CLAUSES = frozenset({"ccomp", "xcomp", "csubj", "advcl"})


def _extraposed(tok: Token) -> bool:
    """"it" that stands for a clause later in the sentence, not for anyone: "it is likely that
    rates will rise", "it was clear that the plan had failed", "it took the firm six years to
    break even"."""
    head = tok.head
    if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if head.lemma_.lower() in ("take", "cost"):
        return any(c.dep_ in ("xcomp", "advcl", "ccomp") and c.i > tok.i and any(
            a.tag_ == "TO" for a in _kids(c)) for c in _kids(head))
    if head.lemma_.lower() not in ("be", "seem", "appear"):
        return False
    kids = _kids(head)
    if not any(c.dep_ in ("acomp", "attr") for c in kids):  # "it could be that ...", "it seems that ..."
        return any(c.dep_ == "ccomp" and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in _kids(c))
                   for c in kids)
    return any(c.dep_ in ("acomp", "attr") for c in kids) and any(
        c.dep_ in _CLAUSES and c.i > tok.i for t in kids for c in (t, *_kids(t)))


def _previous_subject(tok: Token) -> Optional[str]:
    """What "it" as the subject of its sentence's main verb stands for: the organization or place
    that is the subject (or the subject's owner) of the sentence before ("Ruritania has long trodden
    carefully on fishing. ... it has set a quota"); else None."""
    if tok.lower_ != "it" or tok.dep_ != "nsubj" or tok.head.dep_ != "ROOT":
        return None
    doc = tok.doc
    start = _sent_of(tok).start
    if start == 0:
        return None
    before = _sent_of(doc[start - 1])
    root = before.root
    for subj in _kids(root):
        if subj.dep_ not in ("nsubj", "nsubjpass"):
            continue
        for cand in (subj, *[c for c in _kids(subj) if c.dep_ == "poss"]):
            if cand.pos_ != "PROPN":
                continue
            name = entity_name(cand)
            if name and name not in _person_names(doc):
                return name
    return None


def _place_acting_above(tok: Token) -> Optional[str]:
    """The place "it"/"its" stands for when a place is the subject of a verb above it
    ("Ruritania said its troops now hold the town"); the entity layer's "it" looks for
    organizations only."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ not in ("VERB", "AUX"):
            continue
        for ch in _kids(cur):
            if ch.dep_ in ("nsubj", "nsubjpass") and ch.i < tok.i and ch.pos_ == "PROPN" \
                    and not ch.left_edge.i <= tok.i <= ch.right_edge.i:
                place = place_for(tok.doc, ch.idx, ch.idx + len(ch.text))
                return place["name"] if place is not None else None
    return None


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in _kids(tok))


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
            if ch.pos_ == "NOUN" and ch.lemma_.lower() in METRIC_NOUNS:
                return metric_owner(tok.doc, tok.idx)  # "the stock's record high"
    for ch in _kids(tok):
        # ("officials in X" speak for X; "burglaries in X" are a thing counted there)
        if ch.dep_ == "prep" and ch.lower_ in OWNER_PREPS and (ch.lower_ == "of" or _speaks_for(tok)):
            for p in _kids(ch):
                if p.dep_ == "pobj" and (p.pos_ == "PROPN" or p.ent_type_ in NAME_LABELS
                                         # an organization's number by its role noun: "the stock of the firm"
                                         or ch.lower_ == "of" and tok.lemma_.lower() in METRIC_NOUNS
                                         and bare_org_noun(p)):
                    n = entity_name(p)
                    if n:
                        return n
    # ("Revenue for the half" too; "sales of a unit" are the unit's)
    if _bare_metric(tok):
        return metric_owner(tok.doc, tok.idx)
    return None


def _speaks_for(tok: Token) -> bool:
    """A role, an organization noun or an organization's number: what "in X"/"at X" after it
    belongs to ("officials in X", "the board at X", "sales at X")."""
    lemma = tok.lemma_.lower()
    return lemma in ROLES or lemma in ORG_NOUNS or lemma in METRIC_NOUNS or tok.lower_ in ROLES


def _bare_metric(tok: Token) -> bool:
    """An organization's own number with no owner written ("Net income", "the stock", "Revenue
    for the half"; not "the costs of the inquiry")."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in METRIC_NOUNS and not any(
        c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in _kids(tok))


_RECENT = 20  # mentions looked back at: the paragraph's latest, bounded on a line of a thousand names


def metric_owner(doc: Doc, pos: int) -> Optional[str]:
    """The organization whose own number ("Net income", "the stock's record high") is reported at
    character `pos`: the latest organization named earlier in the paragraph, else the salient
    organization (a list of companies gives each its paragraph)."""
    memo = _cached(doc)
    if "line_starts" not in memo:
        memo["line_starts"] = [0] + [m.end() for m in re.finditer("\n", _text(doc))]
    starts = memo["line_starts"]
    start = starts[bisect.bisect_right(starts, pos) - 1]
    text = _text(doc)
    # (not an exchange in a ticker's parenthesis, "Acme (NYSE: ACM)", nor a place it is listed or
    # sold at, "listed on the NYSE": the owner acts, owns or is owned from)
    here = [m for m in _by_start(_org_mentions(doc), start, pos)[-_RECENT:] if text[max(0, m[0] - 1):m[0]] != "("]
    owners = [m for m in here if _owner_role(doc, m[0], m[1])]
    if owners or here:
        return _full_org(doc, (owners or here)[-1][2])
    return _salient_org(doc, pos)


def _owner_role(doc: Doc, start: int, end: int) -> bool:
    """A mention that acts or owns: a subject, a possessor, a modifier, or the object of "of"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass", "poss", "compound", "appos", "ROOT") \
        or root.dep_ == "pobj" and root.head.lower_ == "of"


def _with_conjuncts(tok: Token, name: str) -> str:
    """"Apple and Samsung together hold 80%" -> "Apple and Samsung"; a list of three or more
    names ("A, B, C and D", which the parser makes an apposition with conjuncts) -> "A, B, C and D"."""
    members = [c for c in tok.conjuncts if c.i > tok.i]
    if not members:
        listed = [c for c in _kids(tok) if c.dep_ == "appos" and c.pos_ == "PROPN" and c.conjuncts]
        if listed:
            members = [listed[0]] + [c for c in listed[0].conjuncts if c.i > listed[0].i]
    others = []
    for c in members:
        n = entity_name(c)
        if not n:
            return name
        others.append(n)
    names = list(dict.fromkeys([name] + others))  # (the name may come from the first member)
    if len(names) == 1:
        return name
    return ", ".join(names[:-1]) + " and " + names[-1]


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

"""The subject of a figure: climbing the dependency parse from the quantity to the person,
organization or thing it is about; pairs and splits of figures."""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Iterable, List, Optional, Tuple

from spacy.tokens import Doc, Span, Token

from ..components.quantities import Quantity
from .statement import clause_root
from .common import (
    GIVE_VERBS,
    LOSE_VERBS,
    PERS_PRONOUNS,
    REL_PRONOUNS,
    STOP_AT_THING,
    SUBJ_DEPS,
    _cached,
    _in_subtree,
    _kids,
    _kids_with,
    _text,
    _words_in,
)
from .names import (
    _acl_agent_name,
    _by_start,
    _full_org,
    _named_child,
    _np_name,
    _org_mentions,
    _owner_in_np,
    _person_names,
    _persons_in,
    _with_conjuncts,
    entity_name,
)

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


_AGENT = frozenset({"agent"})
_OBJECTS = frozenset({"dobj", "dative"})
_POSS = frozenset({"poss"})


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
        if cur.pos_ in ("VERB", "AUX") or _kids_with(cur, SUBJ_DEPS):
            if verb is None and cur.pos_ in ("VERB", "AUX"):
                verb = cur
            # passive agent: "raised by Okafor"
            for ch in _kids_with(cur, _AGENT):
                if ch.dep_ == "agent":
                    for p in _kids(ch):
                        if p.dep_ == "pobj":
                            n = entity_name(p)
                            if n:
                                return n, verb, fallback
            if via_with:
                for ch in _kids_with(cur, _OBJECTS):
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
                for ch in _kids_with(cur, _OBJECTS):
                    if ch.dep_ in want and ch.i < came_from.i:
                        n = entity_name(ch)
                        if n:
                            return n, verb, fallback
            subj = None
            for ch in _kids_with(cur, SUBJ_DEPS):
                if ch.dep_ in SUBJ_DEPS:
                    subj = ch
                    break
            for ch in _kids_with(cur, SUBJ_DEPS):  # "His partner, a clerk named Jane Roe, was ..."
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
            for ch in _kids_with(cur, _POSS):
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


def clause_entity(figure: Span, reporting: frozenset) -> Optional[str]:
    """The entity that the clause stating the figure is about: its subject ("The airline raised
    its fare to $9"), or the owner of its subject ("The airline's fare rose to $9"), when the
    figure is not part of that subject."""
    root = clause_root(figure.root, reporting)
    inside = {t.i for t in figure}
    step = figure.root
    while step.head.i != root.i and step.head.i != step.i:
        step = step.head
    if step.dep_ == "xcomp" and step.head.i == root.i:
        # "ordered Jane Roe to pay $9": the object of the governing verb does what the clause says
        for child in _kids(root):
            if child.dep_ in ("dobj", "dative"):
                name = entity_name(child)
                if name:
                    return name
    for child in _kids(root):
        if child.dep_ in SUBJ_DEPS and not any(t.i in inside for t in child.subtree):
            name = entity_name(child)
            if name:
                return name
            for owner in _kids(child):
                if owner.dep_ == "poss":
                    name = entity_name(owner)
                    if name:
                        return name
    return None

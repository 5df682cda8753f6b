"""The subject of a figure: climbing the dependency parse from the quantity to the person,
organization or thing it is about; pairs and splits of figures."""

from __future__ import annotations

import bisect
import re
from typing import Iterable, List, Optional, Tuple

from spacy.tokens import Doc, Span, Token

from .. import attrs
from ..components.quantities import TIME_UNITS, Quantity
from .about import CHANGE_WORDS, changed_noun, changed_thing, counted_noun, noun_phrase
from .common import (
    ATTRIBUTION_VERBS,
    GIVE_VERBS,
    LOSE_VERBS,
    METRIC_NOUNS,
    NOT_NAME_LABELS,
    PERS_PRONOUNS,
    REL_PRONOUNS,
    REPORTED_DEPS,
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
    _bare_metric,
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
    metric_owner,
)
from .statement import clause_root

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
                    return _with_conjuncts(ch, n)  # "the Acme and Zeta spring sale"
        for ch in _kids(tok):
            if ch.dep_ == "prep" and ch.lower_ in ("for", "by", "from") and ch.i > root.i:
                for p in _kids(ch):
                    if p.dep_ == "pobj" and (ch.lower_ != "from" or p.pos_ == "PROPN" and
                                             p.ent_type_ not in ("GPE", "LOC", "FAC", "DATE")):
                        n = entity_name(p)
                        if n:
                            return n
        # "the $4 billion the agency had set aside", "the $9 billion that small states require": a
        # relative clause whose subject is someone else than the figure
        for ch in _kids(tok):
            if ch.dep_ == "relcl" and ch.i > root.i:
                for c in _kids(ch):
                    if c.dep_ in SUBJ_DEPS and c.lower_ not in REL_PRONOUNS:
                        # ("the $80 billion a year that island states say they require": the
                        # states', not the main clause's subject's)
                        n = entity_name(c) or (_counted_thing(c) if STOP_AT_THING else None)
                        if n:
                            return n
        # "a record of 198 yards, set by Jane Roe"
        n = _acl_agent_name(tok)
        if n:
            return n
    # "ousting three-term incumbent Jane Roe": the name the figure's noun is set beside
    if nom is not root and nom.pos_ == "NOUN" and kind in ("count", "age", "duration"):
        n = _np_name(nom)
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


_SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})
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
        if t.dep_ not in SUBJ_DEPS and t.head.dep_ not in SUBJ_DEPS:
            continue  # ("Two inspectors questioned him": only who the figure's clause says acts)
        if t.pos_ in ("PROPN", "PRON") or t.ent_type_ in ("PERSON", "ORG"):
            if t.pos_ == "PRON" and (t.lower_ not in PERS_PRONOUNS or t.lower_ in _SPEAKER_PRONOUNS
                                     or t.dep_ == "poss"):
                # ("the weakest we can recall": the speaker is not what is measured; "6 copies
                # sold for less than their estimate": the owner is the subject itself)
                continue
            n = entity_name(t)
            if n:
                return n
    return None


_NUMBER_LABELS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "DATE", "TIME"})
_AGENT = frozenset({"agent"})
# the figure sits inside the noun phrase of the word it modifies
_MODIFIER_DEPS = frozenset({"amod", "compound", "nummod", "nmod", "npadvmod", "appos", "quantmod"})
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
    fallback: Optional[str] = changed_thing(nom)  # "a 2% rise in rents" measures rents
    changed = changed_noun(nom)
    if changed is not None and changed.lemma_.lower() not in METRIC_NOUNS:
        # ("X approved a plan with a 2% increase in the water rate": the water rate, not X; an
        # organization's own number, "a 5% rise in sales", stays the organization's)
        governing = next((a for a in nom.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return _owner_in_np(changed), governing, fallback
    if nom.pos_ == "NOUN" and nom.dep_ not in SUBJ_DEPS and nom.lemma_.lower() not in TIME_UNITS and any(
            c.dep_ in _MODIFIER_DEPS and _has_number(c) and _time_modifier(c) for c in _kids(nom)):
        # "ground won in the six-week push": the figure describes its noun
        governing = next((a for a in nom.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return _np_name(nom), governing, noun_phrase(nom) or None
    for _ in range(12):
        if came_from is not cur and came_from.dep_ in REPORTED_DEPS \
                and cur.lemma_.lower() in ATTRIBUTION_VERBS:
            # "X said 40 people were hurt": the source is not what the figure is about
            return None, verb, fallback or _counted_thing(nom)
        comparand = _comparand(cur, came_from)
        if comparand is not None:
            # "X rose 12%, compared with a 4% rise in the index": what it is compared with
            return None, verb, fallback or noun_phrase(comparand) or None
        if cur.pos_ in ("VERB", "AUX") or _kids_with(cur, SUBJ_DEPS):
            if verb is None and cur.pos_ in ("VERB", "AUX"):
                verb = cur
            changed = _changed_object(cur, came_from)
            if changed is not None:
                # "backed a plan to cut ferry fares by 15%": the fares, not who backed the plan
                return _owner_in_np(changed), verb, noun_phrase(changed)
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
                        and not subj.like_num and subj.ent_type_ not in _NUMBER_LABELS:
                    fallback = noun_phrase(subj)
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
                if STOP_AT_THING and _counted_thing(subj):
                    # "Two inspectors examined the site": the counted subject is what is measured
                    return None, verb, fallback or _counted_thing(subj)
                counted = counted_noun(subj)
                if STOP_AT_THING and counted is not None:
                    # "Nearly two-thirds of workers would refuse": the workers
                    return None, verb, fallback or noun_phrase(counted)
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
                        and came_from.pos_ in ("NOUN", "ADJ")
                        # "at Rock Lake, some 30 km south of the city": where the lake is
                        or came_from.dep_ == "advmod" and came_from.pos_ == "ADV" and nom.dep_ == "npadvmod"
                        and nom.head.i == came_from.i):
                    return n, verb, fallback
            n = _acl_agent_name(cur)
            if n:
                return n, verb, fallback
            if cur.dep_ == "appos":
                n = entity_name(cur.head)
                if n:
                    return n, verb, fallback
            if cur.pos_ == "NOUN" and came_from.dep_ in _MODIFIER_DEPS and _time_modifier(came_from):
                # "an 8-month-old puppy", "a six-week push": the figure describes the noun
                n = entity_name(cur)
                if n:
                    return n, verb, fallback
                if cur.dep_ not in SUBJ_DEPS:
                    return None, verb, noun_phrase(cur) or fallback
        if cur.head.i == cur.i:
            break
        via_with = cur.dep_ == "pobj" and cur.head.lower_ == "with" or (
            cur.lower_ == "with" and cur.dep_ == "prep") or via_with and cur.dep_ == "prep"
        came_from, cur = cur, cur.head
    if fallback is None and _quoted(nom):
        # "you answered to one manager", in a quote: the speaker is the source, not the subject
        fallback = _counted_thing(nom)
    return None, verb, fallback


def _quoted(tok: Token) -> bool:
    """True when the token sits inside a quotation of the quotes stage."""
    memo = _cached(tok.doc)
    if "quoted_spans" not in memo:  # once per doc
        spans = sorted((q["start"], q["end"]) for q in tok.doc._.get(attrs.QUOTES) or ()
                       if q.get("kind") != "indirect")
        ends, top = [], -1
        for _, end in spans:
            top = max(top, end)
            ends.append(top)
        memo["quoted_spans"] = ([a for a, _ in spans], ends)
    starts, ends = memo["quoted_spans"]
    k = bisect.bisect_right(starts, tok.idx) - 1
    return k >= 0 and ends[k] > tok.idx


def _time_modifier(tok: Token) -> bool:
    """"week" in "a six-week push", "old" in "a 17-year-old driver", "trained" in
    "a 3-years-trained nurse": a span of time that describes the noun it modifies."""
    while tok.dep_ in ("amod", "npadvmod", "compound") and tok.lemma_.lower() not in TIME_UNITS \
            and any(c.dep_ == "npadvmod" for c in _kids(tok)):
        tok = next(c for c in _kids(tok) if c.dep_ == "npadvmod")
    return tok.lemma_.lower() in TIME_UNITS


_BY_HOW_MUCH = frozenset({"prep", "npadvmod", "advmod"})  # "cut fares by 15%", "rose 5%", "to $9"


def _comparand(word: Token, came_from: Token) -> Optional[Token]:
    """The noun of what a figure is compared with, when the figure reaches `word` from it ("compared
    with a 4% rise in the index", "compared with a national rate of 1.2"): that figure is not
    about the clause's subject. None for a bare figure ("compared with $9 a year earlier": the
    same thing's earlier value)."""
    if word.lemma_.lower() != "compare" or word.dep_ not in ("advcl", "prep", "conj") \
            or came_from.dep_ != "prep" or came_from.i < word.i:
        return None
    for obj in _kids(came_from):
        if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.is_alpha and obj.ent_type_ not in _NUMBER_LABELS:
            return obj
    return None


def _changed_object(verb: Token, came_from: Token) -> Optional[Token]:
    """The object of a change verb in a clause without a subject of its own, about a noun, or whose
    subject is a thing that is no one's ("a plan to cut ferry fares by 15%", "voted to raise fees by
    5%", "a bill that would raise the fee to $9", "the bill would raise the wage to $15"), when the
    figure is not in it."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in CHANGE_WORDS or came_from.dep_ not in _BY_HOW_MUCH:
        return None
    own = [c for c in _kids_with(verb, SUBJ_DEPS)]
    if own and own[0].pos_ == "NOUN" and entity_name(own[0]) is None and _owner_in_np(own[0]) is None:
        pass  # "The bill would raise the minimum wage to $15": a cause that is no one's
    elif verb.dep_ == "relcl":
        if not (own and own[0].lower_ in REL_PRONOUNS and verb.head.pos_ == "NOUN"):
            return None
    elif verb.dep_ not in ("acl", "xcomp", "advcl") or own:
        return None
    for ch in _kids_with(verb, _OBJECTS):
        if ch.dep_ == "dobj" and ch.pos_ == "NOUN" and not _in_subtree(came_from, ch):
            return ch
    return None


def _counted_thing(nom: Token) -> Optional[str]:
    """The common noun a figure counts or measures ("40 people" -> "people"), else None."""
    if nom.pos_ == "NOUN" and nom.is_alpha and nom.ent_type_ not in NOT_NAME_LABELS:
        return noun_phrase(nom) or None
    return None


def _pair_subjects(doc: Doc, a: Quantity, b: Quantity, ra: Token, rb: Token,
                   sent: Span) -> Tuple[Optional[str], Optional[str], Optional[Token]]:
    """Owners of the two members of "52% to 46%" / "38%-27%" / "52.4% to Okafor' 47.6%"."""
    na, nb = _nominal(ra), _nominal(rb)
    if _one_quantity(a, b, na, nb):
        # "lose $3-5 million", "a 1% to 2% improvement": a range of one thing, one owner
        owner = _explicit_subject(na, ra, a.kind) or _explicit_subject(nb, rb, b.kind)
        subj, verb, _ = climb_subject(nb if nb.pos_ == "NOUN" else na)
        return owner or subj, owner or subj, verb
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
    noun = nb if nb.pos_ == "NOUN" else na
    if not lose and noun.pos_ == "NOUN" and noun.lemma_.lower() in LOSE_VERBS:
        # "the Owls' 24-10 loss": the owner of the loss is one side, not both
        lose = True
        if eb == ea:
            eb = None
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
        ea = _opponent(verb, noun)
    if ea is None or eb is None:
        known = ea or eb
        if known is not None and known not in _person_names(doc):
            # the other side of an organization's (or a place's team's) score is another one
            def _orgs_in(a: int, b: int) -> List[Tuple[int, str]]:
                return [(x, _full_org(doc, n) or n) for x, _, n in _by_start(_org_mentions(doc), a, b)]
            def _other(n: str) -> bool:  # ("the Bank" is the known bank)
                return n != known and not set(n.split()) <= set(known.split())
            others = [n for _, n in _orgs_in(sent.start_char, sent.end_char) if _other(n)]
            if not others:  # an organization only the recognizer found
                others = [n for n in (entity_name(e.root) for e in sent.ents if e.label_ == "ORG")
                          if n and _other(n)]
            if not others:
                start = max(0, sent.start_char - 1200)
                others = [n for _, n in reversed(_orgs_in(start, sent.start_char)) if _other(n)]
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
    if lose and eb is not None and ea is not None and b.value > a.value:
        ea, eb = eb, ea  # the side that lost holds the smaller number, wherever it is written
    return ea, eb, verb


def _one_quantity(a: Quantity, b: Quantity, na: Token, nb: Token) -> bool:
    """True when a pair of figures is the range of one quantity rather than two sides' shares:
    two sums of money or spans of time, a movement "from X to Y", or two figures of one change or
    range ("a 2% to 3% rise", "a 2-3% target range")."""
    if a.kind == b.kind and a.kind in ("money", "duration"):
        return True
    text = _text(na.doc)
    if re.match(r"\s*to\s*$", text[a.end:b.start]) and re.search(r"\bfrom\b", text[max(0, a.start - 25):a.start]):
        return True  # "fell from 9% to 6%": one thing's values
    noun = nb if nb.pos_ == "NOUN" else na
    return noun.pos_ == "NOUN" and (noun.lemma_.lower() in CHANGE_WORDS or noun.lemma_.lower() == "range")


def _opponent(verb: Optional[Token], noun: Token) -> Optional[str]:
    """Who won: "lost 24-10 to the Rams", "a 24-10 loss against the Rams"."""
    for word in (verb, noun):
        for ch in _kids(word) if word is not None else ():
            if ch.dep_ == "prep" and ch.lower_ in ("to", "against"):
                for p in _kids(ch):
                    if p.dep_ == "pobj":
                        n = entity_name(p)
                        if n:
                            return n
    return None


def clause_entity(figure: Span, reporting: frozenset) -> Optional[str]:
    """The entity that the clause stating the figure is about: its subject ("The airline raised
    its fare to $9"), or the owner of its subject ("The airline's fare rose to $9"), when the
    figure is not part of that subject."""
    root = clause_root(figure.root, reporting)
    inside = {t.i for t in figure}
    changed = changed_noun(figure.root)
    if changed is not None and changed.lemma_.lower() not in METRIC_NOUNS:
        return None  # "approved a plan with a 2% increase in the water rate": the water rate
    step = figure.root
    while step.head.i != root.i and step.head.i != step.i:
        if step.dep_ in _MODIFIER_DEPS and step.head.pos_ == "PROPN" and entity_name(step.head):
            return None  # "identified the driver as 41-year-old Jane Roe": the figure describes Roe
        if _changed_object(step.head, step) is not None:
            return None  # "backed a plan to cut fares by 15%": the fares, not who backed it
        if step.dep_ in _MODIFIER_DEPS and step.head.pos_ == "NOUN" and _time_modifier(step):
            return None  # "won ground in the six-week push": the push
        if _comparand(step.head, step) is not None:
            return None  # "X rose 12%, compared with a 4% rise in the index": the index
        step = step.head
    if step.dep_ == "xcomp" and step.head.i == root.i:
        # "ordered Jane Roe to pay $9": the object of the governing verb does what the clause says
        for child in _kids(root):
            if child.dep_ in ("dobj", "dative"):
                name = entity_name(child)
                if name:
                    return name
    for child in _kids(root):
        # "His partner, a clerk named Jane Roe, was fined $9" (parsed with two subjects): Roe
        if child.dep_ in SUBJ_DEPS and child.pos_ == "NOUN" and not any(t.i in inside for t in child.subtree):
            name = _named_child(child)
            if name:
                return name
    for child in _kids(root):
        if child.dep_ in SUBJ_DEPS and not any(t.i in inside for t in child.subtree):
            name = entity_name(child)
            if name:
                return _with_conjuncts(child, name)
            if _bare_metric(child):
                return metric_owner(child.doc, child.idx)  # "The stock rose 3%": the company's
            for owner in _kids(child):
                if owner.dep_ == "poss":
                    name = metric_owner(child.doc, child.idx) if _bare_metric(owner) else entity_name(owner)
                    if name:
                        return name
    return None

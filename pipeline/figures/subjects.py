"""The subject of a figure: climbing the dependency parse from the quantity to the person,
organization or thing it is about (the owners of pairs and ranges: `pairs.py`)."""

from __future__ import annotations

import bisect
import re
from typing import Iterable, Optional, Tuple

from spacy.tokens import Doc, Span, Token

from .. import attrs
from ..components.quantities import TIME_UNITS, Quantity
from ..entities.lexicon import PERSON_NOUNS
from .about import changed_noun, changed_thing, counted_noun, noun_phrase, total_of_change
from .common import (
    ATTRIBUTION_VERBS,
    GIVE_VERBS,
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
)
from .names import (
    _speaks_for,
    _acl_agent_name,
    _bare_metric,
    _named_child,
    _np_name,
    _owner_in_np,
    _with_conjuncts,
    entity_name,
    metric_owner,
)
from .kinds import subject_kind
from .modifiers import (
    MODIFIER_DEPS as _MODIFIER_DEPS,
    _age_modifier,
    _has_number,
    _lead_time,
    _measured_noun,
    _money_in,
    _partitive_noun,
    _record_noun,
    _time_modifier,
)
from .changes import NUMBER_LABELS, OBJECTS, changed_object, comparand, moved_noun, sibling_owner
from .people import _plural_antecedent, _plural_in_sentence, lede_person, speaker_side
from .owners import FORECAST_NOUNS, FORECAST_VERBS, counted_place, forecast_owner, forecast_target
from .statement import clause_root
from .statement_phrases import movement_base, relative_antecedent

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
        for ch in _kids(tok) if not movement_base(root) else ():
            # ("rise 4.1%, down from the 4.6% it had projected": the level of what moved)
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


_AGENT = frozenset({"agent"})
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
    part = _partitive_noun(nom)
    if part is not None:
        # "wrote to three of the sailors": the sailors are counted, not the writer's
        governing = next((a for a in nom.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return entity_name(part), governing, noun_phrase(part) or None
    described = _measured_noun(nom)
    if described is not None:
        # "a 6-foot eel", "a 90-kilogram crate": the size or weight of the noun it describes
        governing = next((a for a in described.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return entity_name(described) or _np_name(described), governing, noun_phrase(described) or None
    lead = _lead_time(nom)
    if lead is not None:
        # "The mayor objected three weeks before the council voted": the time from the mayor's act
        came_from, cur = lead, lead.head
    paid_for = _money_in(nom)
    if paid_for is not None:
        # "10% of the $60 billion in streaming fees": the fees, whoever would win a share of them
        governing = next((a for a in nom.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return _owner_in_np(paid_for), governing, noun_phrase(paid_for) or None
    if nom.pos_ == "NOUN" and nom.dep_ not in SUBJ_DEPS and nom.lemma_.lower() not in TIME_UNITS \
            and not _record_noun(nom) and any(
            c.dep_ in _MODIFIER_DEPS and _has_number(c) and _time_modifier(c) for c in _kids(nom)):
        # "ground won in the six-week push": the figure describes its noun; "Roe began a three-year
        # term", "Acme fought a nine-month strike": a named subject's own span of time
        governing = next((a for a in nom.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return _np_name(nom) or _named_actor(nom), governing, noun_phrase(nom) or None
    for _ in range(12):
        if came_from is not cur and came_from.dep_ in REPORTED_DEPS \
                and cur.lemma_.lower() in ATTRIBUTION_VERBS:
            # "X said 40 people were hurt": the source is not what the figure is about
            antecedent = _reported_antecedent(cur, came_from)
            if antecedent is not None:
                # "sales, which analysts say will pass $3 billion": the sales
                return entity_name(antecedent), verb, fallback or noun_phrase(antecedent) or None
            return None, verb, fallback or _counted_thing(nom)
        target = forecast_target(cur, came_from) if came_from is not cur else None
        if target is not None:
            # "The fund foresees Ruritania's economy growing 3%": Ruritania's, not the fund's
            return entity_name(target) or forecast_owner(target), verb, fallback or noun_phrase(target) or None
        compared = comparand(cur, came_from)
        if compared is not None:
            # "X rose 12%, compared with a 4% rise in the index": what it is compared with
            return None, verb, fallback or noun_phrase(compared) or None
        if cur.pos_ in ("VERB", "AUX") or _kids_with(cur, SUBJ_DEPS):
            if verb is None and cur.pos_ in ("VERB", "AUX"):
                verb = cur
            total = total_of_change(cur, came_from) if came_from is not cur else None
            if total:  # "..., taking the total to 2,150": the total of what changed
                return None, verb, total
            moved = moved_noun(cur, came_from) if came_from is not cur else None
            if moved is not None:  # "spurring a climb in the trade gap to $12bn": the trade gap
                return _owner_in_np(moved), verb, noun_phrase(moved) or None
            changed = changed_object(cur, came_from)
            if changed is not None:
                # "backed a plan to cut ferry fares by 15%": the fares, not who backed the plan;
                # "allowed the funds to raise their stake to 30%": the funds' own stake
                own = next((c for c in _kids_with(cur, SUBJ_DEPS) if c.lower_ not in REL_PRONOUNS), None)
                if own is not None and own.pos_ == "NOUN" and any(
                        c.dep_ == "poss" and c.pos_ == "PRON" for c in _kids(changed)):
                    return entity_name(own), verb, noun_phrase(own) or noun_phrase(changed)
                return _owner_in_np(changed), verb, noun_phrase(changed)
            # passive agent: "raised by Okafor" (not a source: "sales are forecast by a consultancy
            # to reach $9 billion")
            for ch in _kids_with(cur, _AGENT) if cur.lemma_.lower() not in _SOURCE_VERBS else ():
                if ch.dep_ == "agent":
                    for p in _kids(ch):
                        if p.dep_ == "pobj":
                            n = entity_name(p)
                            if n:
                                return n, verb, fallback
            if via_with:
                for ch in _kids_with(cur, OBJECTS):
                    if ch.dep_ in ("dobj", "dative") and ch.i < came_from.i:
                        n = entity_name(ch)
                        if n:
                            return n, verb, fallback
            if came_from is not cur and _perceived(cur, came_from) and not _kids_with(came_from, SUBJ_DEPS):
                # "Investors watched shares of X fall 5%": the object is what moves
                obj = next((ch for ch in _kids_with(cur, OBJECTS) if ch.dep_ == "dobj" and ch.i < came_from.i), None)
                if obj is not None:
                    return entity_name(obj) or _owner_in_np(obj), verb, noun_phrase(obj) or fallback
            # "ordered him to pay $3.9 million": the object does the complement's action;
            # "gave her a 7-point lead", "cost the company $4 million": the recipient
            if came_from is not cur and (came_from.dep_ == "xcomp" or came_from.dep_ == "dobj"
                                         and cur.lemma_.lower() in GIVE_VERBS):
                # ("cost it $12 million" parses the recipient as a second direct object)
                want = ("dobj",) if came_from.dep_ == "xcomp" else ("dative", "dobj")
                for ch in _kids_with(cur, OBJECTS):
                    if ch.dep_ in want and ch.i < came_from.i:
                        n = entity_name(ch)
                        if n:
                            return n, verb, fallback
            subj = None
            for ch in _kids_with(cur, SUBJ_DEPS):
                if ch.dep_ in SUBJ_DEPS:
                    subj = ch
                    break
            for ch in _kids_with(cur, SUBJ_DEPS):  # ("Good news: 60% of nurses back ...", two
                if ch.dep_ in SUBJ_DEPS and _in_subtree(nom, ch):  # subjects): the figure's own
                    subj = ch
                    break
            for ch in _kids_with(cur, SUBJ_DEPS):  # "His partner, a clerk named Jane Roe, was ..."
                if ch.dep_ in SUBJ_DEPS and ch is not subj and ch.pos_ == "NOUN" and _named_child(ch):
                    subj = ch
                    break
            if subj is not None:
                subj = _stranded_subject(cur, subj)
            if subj is not None and not _in_subtree(nom, subj):
                if subj.lower_ in REL_PRONOUNS and cur.dep_ == "relcl":
                    head = relative_antecedent(cur)
                    n = entity_name(head) or lede_person(head)  # ("A 40-year-old cook who spent ...")
                    if n:
                        return _with_conjuncts(head, n), verb, fallback  # "A and B, who own 29%"
                    if STOP_AT_THING and _plain_thing(head) and came_from.dep_ not in _CLAUSAL:
                        # "building a tablet that will sell for $80": the tablet's price
                        return None, verb, fallback or noun_phrase(head) or None
                    came_from, cur = cur, head
                    via_with = False
                    continue
                plural = _plural_in_sentence(subj)  # "when kayaks first reached shops they sold for £450"
                n = None if plural is not None else speaker_side(subj) or entity_name(subj)
                if n:  # (a quoted "we": the speaker's side)
                    return _with_conjuncts(subj, n), verb, fallback
                subj = plural or _plural_antecedent(subj)  # "The rowers trained for 40 days. They rest 9 more"
                if subj.pos_ == "NOUN" and not _members(subj):
                    n = _owner_in_np(subj)
                    if n:
                        return n, verb, fallback
                if fallback is None and subj.pos_ in ("NOUN", "PROPN") and subj.lower_ not in REL_PRONOUNS \
                        and not subj.like_num and subj.ent_type_ not in NUMBER_LABELS:
                    n = counted_place(subj)  # "nine Ruritanian frigates were sunk, with 30 jets"
                    if n:
                        return n, verb, fallback
                    fallback = noun_phrase(subj)
                    if STOP_AT_THING:
                        return _reporting_owner(cur) or sibling_owner(cur, subj), verb, fallback
            elif subj is not None and _in_subtree(nom, subj):
                if cur.lemma_.lower() == "be":
                    # "The likely two-seat winners are Ohio and Utah": the names the subject is
                    for attr in _kids(cur):
                        n = entity_name(attr) if attr.dep_ == "attr" and attr.pos_ == "PROPN" else None
                        if n:
                            return _with_conjuncts(attr, n), verb, fallback
                # "The 27-year-old forward carried ...": the figure describes the subject
                if subj is not nom and nom.i < subj.i:
                    n = entity_name(subj) or lede_person(subj)  # ("A 41-year-old bus driver ...")
                    if n:
                        return _with_conjuncts(subj, n), verb, fallback
                # "40% of voters thought Okafor would ...": the figure is the subject
                n = _first_entity_in(_after_in_subtree(cur, nom), subj)
                if n:
                    return n, verb, fallback
                n = counted_place(subj)  # "3 million bicycles are sold in Ruritania"
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
            # ("her 31-year-old partner": the partner's age, not hers)
            for ch in _kids_with(cur, _POSS) if not _age_modifier(came_from) else ():
                if ch.dep_ == "poss":
                    n = entity_name(ch)
                    if n:
                        return n, verb, fallback
            if cur.pos_ == "PROPN" and came_from.dep_ == "appos" and came_from.i > cur.i:
                # "Dorn and Keller, 41, ...": the age of the name just before it
                last = max((c for c in cur.conjuncts if cur.i < c.i < came_from.i), key=lambda c: c.i, default=cur)
                n = entity_name(last) if last is not cur or came_from.like_num else None
                if n:
                    return n, verb, fallback
            if cur.pos_ == "PROPN" and cur.dep_ not in ("compound",) and not _clock(cur):
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
            if cur.pos_ == "NOUN" and came_from.dep_ in _MODIFIER_DEPS and _time_modifier(came_from) \
                    and not _record_noun(cur):
                # "an 8-month-old puppy", "a six-week push": the figure describes the noun
                n = entity_name(cur) or _named_actor(cur)
                if n:
                    return n, verb, fallback
                if cur.dep_ not in SUBJ_DEPS:
                    return None, verb, noun_phrase(cur) or fallback
                fallback = fallback or noun_phrase(cur) or None  # ("teens 15 to 17 years old spend")
        if cur.head.i == cur.i:
            break
        via_with = cur.dep_ == "pobj" and cur.head.lower_ == "with" or (
            cur.lower_ == "with" and cur.dep_ == "prep") or via_with and cur.dep_ == "prep"
        came_from, cur = cur, cur.head
    if fallback is None and _quoted(nom):
        # "you answered to one manager", in a quote: the speaker is the source, not the subject
        fallback = _counted_thing(nom)
    return None, verb, fallback


_SOURCE_VERBS = FORECAST_VERBS  # (an announcer owns what it announces: "a plan announced by X")


def _reported_antecedent(verb: Token, clause: Token) -> Optional[Token]:
    """The noun a relative clause through a reporting verb is about ("sales, which analysts say will
    pass $3 billion": the relative pronoun is the subject of the reported clause), else None."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ in SUBJ_DEPS and c.lower_ in REL_PRONOUNS for c in _kids(clause)):
        return verb.head
    return None


_SHOWING = frozenset({"show", "suggest", "indicate", "reveal", "confirm", "find"})  # verbs that take a clause


def _stranded_subject(verb: Token, subj: Token) -> Token:
    """The verb's real subject when the parser took it for the object of a participle on the
    subject it gave: "figures showing output rose 2%" (parsed as "figures ... rose")."""
    for acl in _kids(subj):
        if acl.dep_ == "acl" and acl.lemma_.lower() in _SHOWING and acl.i < verb.i:
            for obj in _kids(acl):
                if obj.dep_ == "dobj" and obj.pos_ in ("NOUN", "PROPN") and obj.right_edge.i == verb.i - 1:
                    return obj
    return subj


_OWN_REPORTS = frozenset({"report", "announce", "post", "disclose"})


def _reporting_owner(verb: Token) -> Optional[str]:
    """The organization that reports its own number: "It said on Monday that bookings climbed
    6%" (a company's results); not a person or a place that says something about others."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.lemma_.lower() not in _OWN_REPORTS:
        return None
    for subj in _kids_with(head, SUBJ_DEPS):
        name = entity_name(subj)
        if name and subject_kind(verb.doc, name) == "organization":
            return name
    return None


_CLAUSAL = frozenset({"ccomp", "xcomp", "conj", "advcl", "parataxis"})
_PERCEPTION_VERBS = frozenset({"see", "watch", "witness", "notice", "observe"})


def _perceived(verb: Token, complement: Token) -> bool:
    """`complement` is what a verb of perception sees happen ("saw the index gain 2%", "watched
    shares fall"): the figure is about what moves there, not about who watches."""
    return verb.lemma_.lower() in _PERCEPTION_VERBS and complement.dep_ in ("ccomp", "xcomp", "advcl") \
        and complement.pos_ in ("VERB", "AUX") and complement.i > verb.i


def _plain_thing(noun: Token) -> bool:
    """A common noun that is no person, role, organization or organization's number ("tablet", not
    "man", "the club", "revenue"), and not the object of a preposition (where the parser hangs
    the relative clauses of the noun before: "the biggest archive in the region, which ...")."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and noun.is_alpha and lemma not in PERSON_NOUNS and not _speaks_for(noun) \
        and noun.ent_type_ not in NUMBER_LABELS and noun.dep_ != "pobj"


def _members(noun: Token) -> bool:
    """A plural noun for people or things of an owner ("Acme's partners", "the city's bus drivers"),
    which act for themselves: what they do is theirs, not the owner's (unlike "Acme's shares")."""
    return noun.tag_ == "NNS" and noun.lemma_.lower() not in METRIC_NOUNS and any(
        c.dep_ == "poss" and c.pos_ == "PROPN" for c in _kids(noun))


def _clock(tok: Token) -> bool:
    """"GMT" in "at 1400 GMT": a time zone after a time of day, not a name."""
    return any(c.dep_ == "nummod" and (c.ent_type_ in ("DATE", "TIME") or _CLOCK_RE.fullmatch(c.text))
               for c in _kids(tok))


_CLOCK_RE = re.compile(r"\d{4}|\d{1,2}[:.]\d\d")  # "1400", "9:30"


def _named_actor(noun: Token) -> Optional[str]:
    """The named subject of the verb whose object a span of time describes ("Roe began a three-year
    term", "Acme fought a nine-month strike": their own time), else None ("Volunteers finished
    the nine-day survey": the survey)."""
    if noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX") \
            or noun.head.lemma_.lower() in ATTRIBUTION_VERBS:  # ("Roe said a three-year lease ended")
        return None
    for subj in _kids_with(noun.head, SUBJ_DEPS):
        if subj.lower_ not in REL_PRONOUNS:
            return entity_name(subj)
    return None


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


def _counted_thing(nom: Token) -> Optional[str]:
    """The common noun a figure counts or measures ("40 people" -> "people"), else None."""
    if nom.pos_ == "NOUN" and nom.is_alpha and nom.ent_type_ not in NOT_NAME_LABELS:
        return noun_phrase(nom) or None
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
    if _partitive_noun(figure.root) is not None or _money_in(figure.root) is not None:
        return None  # "wrote to three of the sailors": the sailors; "of the $9 billion in fees": the fees
    if _lead_time(figure.root) is not None or _lead_time(figure.root.head) is not None:
        return None  # "three weeks before the council voted": the clause it leads is not its own
    step = below = figure.root
    while step.head.i != root.i and step.head.i != step.i:
        if step.dep_ in _MODIFIER_DEPS and step.head.pos_ == "PROPN" and entity_name(step.head):
            return None  # "identified the driver as 41-year-old Jane Roe": the figure describes Roe
        if changed_object(step.head, step) is not None or moved_noun(step.head, step) is not None:
            return None  # "backed a plan to cut fares by 15%": the fares, not who backed it
        if step.dep_ in _MODIFIER_DEPS and step.head.pos_ == "NOUN" and _time_modifier(step) \
                and not _record_noun(step.head):
            return None  # "won ground in the six-week push": the push
        if _measured_noun(step) is not None:
            return None  # "spotted a 6-foot eel": the eel
        if step.head.pos_ == "NOUN" and step.dep_ in ("prep", "compound", "nummod", "amod") and any(
                c.dep_ == "poss" and c.pos_ == "PROPN" for c in _kids(step.head)):
            return None  # "below Jane Roe's forecast of 3%": Roe's, who owns the noun it modifies
        if comparand(step.head, step) is not None:
            return None  # "X rose 12%, compared with a 4% rise in the index": the index
        if step.dep_ == "relcl" and _plain_thing(step.head) and below.dep_ not in _CLAUSAL and any(
                c.dep_ in SUBJ_DEPS and c.lower_ in REL_PRONOUNS for c in _kids(step)):
            return None  # "building a tablet that will sell for $80": the tablet
        below, step = step, step.head
    if forecast_target(root, step) is not None:
        return None  # "The fund foresees Ruritania's economy growing 3%": what is foreseen
    if _perceived(root, step):
        return None  # "Traders saw the index gain 2%": what is seen to move
    if step.dep_ in ("prep", "npadvmod") and step.head.i == root.i:
        # "trimmed its forecast for output in Ruritania to 2.2%": the forecast's place
        for child in _kids(root):
            if child.dep_ == "dobj" and child.lemma_.lower() in FORECAST_NOUNS:
                name = forecast_owner(child)
                if name:
                    return name
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
            if root.dep_ == "relcl" and child.lower_ in REL_PRONOUNS:
                child = relative_antecedent(root)  # "Ruritania, a small state that will add 4 seats"
            if _plural_in_sentence(child) is not None:
                return None  # "when kayaks first reached shops they sold for £450": the kayaks
            name = speaker_side(child) or entity_name(child)
            if name:
                return _with_conjuncts(child, name)
            if _bare_metric(child):
                # "Shares in Acme rose 3%": Acme's; "The stock rose 3%": the company's
                return _owner_in_np(child)
            for owner in _kids(child) if not _members(child) else ():
                if owner.dep_ == "poss":
                    name = metric_owner(child.doc, child.idx) if _bare_metric(owner) else entity_name(owner)
                    if name:
                        return name
    return None

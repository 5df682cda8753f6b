"""A figure's claim statement: an extractive compression of its sentence (``shared/gold/README.md``).

Pure functions over a parsed sentence. The statement is made of the sentence's own tokens in
their order, with only two kinds of change:

- tokens are dropped: the attribution ("X said", "according to X"), clauses that do not hold the
  figure (coordinated, adverbial and paratactic clauses, a clause across a semicolon, appositions
  and non-restrictive relative clauses off the figure's path, the other verb of a coordinated pair),
  asides between commas, lead-ins, concessions and motives ("despite ...", "as part of ..."),
  leading discourse words and stance words;
- the clause's subject, or its possessor, when it refers to a named person or organization, is
  replaced by the entity's fullest name, which the caller supplies through `name_for`.

The clause is the one that holds the figure: the main clause, or the reported clause when the
main verb only attributes it, or a coordinated clause when the figure sits in one. A figure that
only describes a named person ("Jane Roe, a 33-year-old engineer") gets that noun phrase.
"""

from __future__ import annotations

import re
from typing import Iterable, List, Optional, Sequence, Set

from spacy.tokens import Span, Token

from ..numbers.lexicon import TIME_UNITS
from ..numbers.parse import ORDINALS
from .common import dateline_end, is_code_token
from .statement_phrases import CLAUSE_VERBS as _CLAUSE_VERBS
from .statement_phrases import SUBJECTS as _SUBJECTS
from .statement_phrases import noun_phrase_statement, relative_antecedent
from .statement_render import QUOTE_CHARS as _QUOTE_CHARS
from .statement_render import NameFor, render, tidy


_OFF_PATH_CLAUSES = frozenset({"parataxis", "intj", "discourse", "dep"})
_SEPARATORS = frozenset({",", ";", ":", "(", ")", "[", "]", "-", "--", "\u2013", "\u2014"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
_DASHES = frozenset({"-", "--", "\u2013", "\u2014", "\u2015"})


MAX_CLAUSE_TOKENS = 150
"""A sentence longer than this (a list, a table run together) gets a window around the figure."""
WINDOW_TOKENS = 20


def claim_statement(
    figure: Span,
    partners: Sequence[Span] = (),
    *,
    sentence: Span,
    name_for: NameFor,
    attribution_lemmas: Iterable[str] = (),
    stance_words: Iterable[str] = (),
) -> str:
    """The statement of the figure at `figure` (its tokens), sharing a clause with `partners`.

    `attribution_lemmas` are the lemmas of verbs that only attribute what follows ("say", "tell");
    `stance_words` are evaluative words that are not part of a claim ("staggering").
    """
    if len(sentence) > MAX_CLAUSE_TOKENS:
        doc = sentence.doc
        lo = max(sentence.start, min(p.start for p in (figure, *partners)) - WINDOW_TOKENS)
        hi = min(sentence.end, max(p.end for p in (figure, *partners)) + WINDOW_TOKENS)
        return tidy(doc[lo:hi].text)
    reporting = frozenset(attribution_lemmas)
    stance = frozenset(w.lower() for w in stance_words)
    anchors = [figure.root] + [p.root for p in partners]
    path: Set[int] = {t.i for span in (figure, *partners) for t in span}
    for tok in anchors:
        path.update(a.i for a in tok.ancestors)
    noun_phrase = noun_phrase_statement(figure.root)
    if noun_phrase is not None:
        return render(noun_phrase, name_for)
    root = clause_root(anchors[0], reporting)
    keep: List[Token] = []
    counted = {t.head.i for t in anchors if t.dep_ == "nummod"}
    participle = _own_participle(root, anchors[0], path)
    if participle is not None:
        # "After selling itself for $580 million, X is now ...": X, and the participle's clause
        _collect(participle, path, reporting, stance, counted, keep)
    else:
        _collect(root, path, reporting, stance, counted, keep)
    keep.sort(key=lambda t: t.i)
    inherited = None
    own = [t for t in keep if t.dep_ in _SUBJECTS and t.head.i == root.i]
    relcl = _relative_clause_of(root) if own and own[0].tag_ in ("WP", "WDT") else None
    if participle is not None:
        inherited = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    elif relcl is not None:
        # ("spending, which analysts say will break $1 billion": the spending will break it)
        keep = [t for t in keep if t.i != own[0].i]
        inherited = relative_antecedent(relcl)
    elif not own:
        inherited = _inherited_subject(root)
    keep = [t for t in keep if not is_code_token(t)]  # ("the Veltex Index .VLX", "The crown TRC=D4 fell")
    keep = _without_stray_punct(_without_dashed_asides(_without_dateline(keep, sentence), path), sentence)
    if keep and keep[0].dep_ == "mark" and keep[0].head.i == root.i and keep[0].lower_ not in _CONDITIONS:
        keep = keep[1:]
    return render(keep, name_for, inherited)


def _own_participle(root: Token, figure: Token, path: Set[int]) -> Optional[Token]:
    """The participle clause without a subject of its own that holds the figure, when it is a claim
    apart from its clause's verb: "X rejected a $120 million bid, pushing for $400 million" (the
    verb's own words state another figure), "After selling its map unit for $340 million, X is
    now ..." (a lead-in of time). None when the participle only goes on with the verb's claim
    ("The krona lost ground, reaching 13.6")."""
    below = None
    for anc in (figure, *figure.ancestors):
        if anc.i == root.i:
            break
        below = anc
    if below is None or not _has_subject(root):
        return None
    if below.dep_ == "advcl" and below.tag_ == "VBG" and below.i > root.i and _set_off(below) \
            and not _has_subject(below) and not any(c.dep_ in ("mark", "aux") for c in below.children) \
            and not any(c.dep_ == "prep" and c.lower_ == "to" and c.i in path for c in below.children):
        # (not the level a change reached: "..., taking the total to 8,300")
        inside = {t.i for t in below.subtree}
        if any((t.like_num or t.pos_ == "NUM") and t.i not in inside and t.i not in path
               and t.ent_type_ not in ("DATE", "TIME", "ORDINAL") for t in root.subtree):
            return below
        return None
    if below.dep_ == "prep" and below.lower_ in ("after", "before", "since") and below.i < root.i \
            and _set_off_before(below):
        part = next((c for c in below.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
        if part is not None and not _has_subject(part):
            return part
    return None


def clause_root(tok: Token, reporting: frozenset) -> Token:
    """The head of the clause that states the figure at `tok`.

    The lowest clause on the figure's way up that has its own subject (so the attribution and
    the clauses around it fall away), going on past a relative clause about a common noun ("the
    man who spent ..."); the object of a participle that only attributes ("..., noting her plan
    to add 30 buses"); else the sentence's root.
    """
    below = None
    for anc in [tok, *tok.ancestors]:
        head = anc.head
        if anc.tag_ == "VBG" and anc.dep_ == "conj" and _finite(anc.head) and any(
                c.dep_ == "nsubj" and not (c.left_edge.i <= tok.i <= c.right_edge.i) for c in anc.children):
            return anc  # "..., and one pound buying $1.91": a clause of its own without tense
        if anc.pos_ in _CLAUSE_VERBS and _has_subject(anc) and _finite(anc):
            # a restrictive relative clause about a common noun ("the man who spent ...") belongs
            # to the clause above; one set off by a comma ("the country, which has ...") asserts
            # something of its own about the noun
            # ("Minutes of the meeting which raised rates to 2% showed ...": a clause on the
            # subject's phrase is a claim of its own)
            # ("by the time the last ballots are counted": a clause on a time word tells when, and
            # states its own claim; "by the time she was 12" only tells when)
            relative = anc.dep_ == "relcl" and relative_antecedent(anc).pos_ != "PROPN" and not (
                _time_word(relative_antecedent(anc)) and anc.lemma_ != "be") and not (
                anc.left_edge.i > 0 and anc.doc[anc.left_edge.i - 1].text == ","
                and anc.left_edge.tag_ in ("WDT", "WP") and anc.left_edge.lower_ != "that"
            ) and not _in_subject(relative_antecedent(anc))
            # a clause that is denied, hoped for or promised is not asserted: keep what governs it
            unasserted = (anc.dep_ == "ccomp" and head.pos_ in _CLAUSE_VERBS and head.lemma_.lower() not in reporting
                          and _has_subject(head) and not _hedge(head))
            condition = anc.dep_ == "advcl" and _conditional(anc)
            # "(flats earn lower rents) than they did ten years back": the comparison is the claim
            compared = any(c.dep_ == "mark" and c.lower_ == "than" for c in anc.children) and head.i != anc.i
            if not (relative or unasserted or condition or compared):
                return anc
        if (anc.pos_ == "VERB" and anc.dep_ in ("advcl", "xcomp", "acl") and anc.lemma_.lower() in reporting
                and not _has_subject(anc) and below is not None and below.dep_ == "ccomp"):
            return below
        if head.i == anc.i:
            return anc
        below = anc
    return tok


_TIME_WORDS = frozenset({"time", "moment"})


def _time_word(noun: Token) -> bool:
    """A noun of time that a clause can hang on without a relative pronoun ("the day the plant
    closed", "by the time the votes are counted")."""
    return noun.lower_ in _TIME_WORDS or noun.lower_ in TIME_UNITS


def _relative_clause_of(verb: Token) -> Optional[Token]:
    """The relative clause a verb with a relative pronoun as subject belongs to: the verb itself, or
    the relative clause whose reporting verb governs it ("which analysts say will ..."), else None."""
    for anc in (verb, *verb.ancestors):
        if anc.dep_ == "relcl":
            return anc
        if anc.dep_ not in ("ccomp", "xcomp", "conj"):
            return None
    return None


def _in_subject(noun: Token) -> bool:
    """True when `noun` is its clause's subject or sits in the subject's phrase ("minutes of the
    meeting")."""
    while noun.dep_ in ("pobj", "prep", "compound", "conj") and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ in _SUBJECTS and noun.tag_ not in ("WDT", "WP")


_HEDGES = frozenset({"think", "believe", "reckon", "guess", "suppose"})


def _hedge(verb: Token) -> bool:
    """"I think" / "we believe" / "it may be that" before a clause: the clause is what is claimed
    ("I think we missed two penalties" claims that they missed them)."""
    if verb.lemma_.lower() in _IT_SEEMS and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children):
        return not any(c.dep_ in ("attr", "acomp") for c in verb.children)
    return verb.lemma_.lower() in _HEDGES and any(
        c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)


_IT_SEEMS = frozenset({"be", "seem", "appear"})


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in verb.children)


def _infinitive(verb: Token) -> bool:
    """A clause of purpose or result without its own subject: "(rose 5%) to close at 112"."""
    return not _has_subject(verb) and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _finite(verb: Token) -> bool:
    """A verb with tense: a finite form, or an auxiliary or modal that carries it."""
    if verb.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    if verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in verb.children) and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return True  # a past tense the tagger took for a participle ("that the partners considered $9 ...")
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


_TIME_MARKS = frozenset({"when", "since", "after", "before", "until", "till", "once"})


def _when(verb: Token) -> bool:
    """A clause with its own subject that says when the figure holds ("... since they first played
    the festival", "... when she heard a shot")."""
    return _has_subject(verb) and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS and c.i < verb.i for c in verb.children)


def _conditional(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children)


def _without_dateline(tokens: List[Token], sentence: Span) -> List[Token]:
    """Drop a wire dateline that opens the sentence."""
    start = dateline_end(sentence)
    return [t for t in tokens if t.idx >= start]


def _without_dashed_asides(tokens: List[Token], path: Set[int]) -> List[Token]:
    """Drop an aside set off by dashes (or after a last dash) that does not hold the figure."""
    dashes = [k for k, t in enumerate(tokens) if t.text in _DASHES and t.whitespace_ and t.i > 0 and t.nbor(-1).whitespace_]
    drop: Set[int] = set()
    for a, b in zip(dashes, dashes[1:] + [len(tokens)]):
        inner = tokens[a:b + 1]
        if not any(t.i in path or t.dep_ == "appos" and t.head.i in path and t.head.tag_ == "NNS" for t in inner):
            drop.update(t.i for t in inner)
    return [t for t in tokens if t.i not in drop]


def _without_stray_punct(tokens: List[Token], sentence: Span) -> List[Token]:
    """Drop punctuation next to a gap left by a dropped phrase ("Jane Roe, [a chemist,] said")."""
    kept = {t.i for t in tokens}
    out = []
    for t in tokens:
        if t.text in _SEPARATORS and ((t.i - 1 not in kept and t.i > sentence.start) or (t.i + 1 not in kept and t.i + 1 < sentence.end)):
            continue
        out.append(t)
    return out


def _inherited_subject(root: Token) -> Optional[Token]:
    """The subject a coordinated verb shares with the verb it is coordinated with."""
    if root.dep_ == "conj":
        for child in root.head.children:
            if child.dep_ in _SUBJECTS:
                return child
    return None


def _collect(tok: Token, path: Set[int], reporting: frozenset, stance: frozenset, counted: Set[int],
             out: List[Token]) -> None:
    conjunct = _conjunct_on_path(tok, path)
    if conjunct is not None:
        # "X took the lead and held on to win 2-1": only the conjunct that holds the figure,
        # with the subject (and the auxiliaries, when the conjunct has none) it shares
        # ("has closed two depots and opened three": the regular past, tagged either way, takes
        # the shared "has")
        perfect = conjunct.tag_ == "VBD" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
        own_aux = any(c.dep_ in ("aux", "auxpass") for c in conjunct.children) or conjunct.head.i != tok.i or (
            conjunct.tag_ in ("VBD", "VBZ", "VBP") and not perfect)
        for child in tok.children:
            if child.dep_ in _SUBJECTS or (not own_aux and child.dep_ in ("aux", "auxpass", "neg") and child.i < tok.i
                                           and (child.tag_ != "TO" or conjunct.tag_ == "VB")):
                _collect(child, path, reporting, stance, counted, out)
        _collect(conjunct, path, reporting, stance, counted, out)
        return
    own_conjunct = _figure_conjunct(tok, path)
    if own_conjunct is not None:
        # "reported 4,000 cases and 100 deaths": the figure's own noun phrase, not its neighbour's
        _collect(own_conjunct, path, reporting, stance, counted, out)
        return
    out.append(tok)
    dropped_clause = False
    for child in tok.children:
        if child.i in path:
            _collect(child, path, reporting, stance, counted, out)
            continue
        if _drop(child, tok, reporting, stance, counted):
            if child.dep_ == "conj":
                dropped_clause = True
            continue
        _collect(child, path, reporting, stance, counted, out)
    if dropped_clause:
        # the "and"/"but" and the comma that joined a dropped clause go with it
        last = max((c.i for c in tok.children if c.dep_ == "conj" and c.i not in path), default=-1)
        out[:] = [t for t in out if not (t.head.i == tok.i and t.dep_ in ("cc", "punct") and tok.i < t.i < last)]


def _drop(child: Token, parent: Token, reporting: frozenset, stance: frozenset, counted: Set[int]) -> bool:
    dep = child.dep_
    if child.is_alpha and child.i == parent.i + 1 and not parent.whitespace_:
        return False  # part of the parent's written word ("75" + "m" of "£75m")
    if _conversion(child, parent):
        return False  # "£75m ($141m)": the same amount in another currency
    if child.pos_ in _CLAUSE_VERBS and _across_semicolon(child, parent):
        return True  # "Rain flooded the roads; the river rose 3 meters": two claims
    if dep == "dobj" and _set_off(child) and any(c.dep_ == "dobj" and c.i < child.i for c in parent.children):
        return True  # "raised rates 0.5%, its second increase this year": an aside on the claim
    if dep in ("prep", "advcl") and child.i < parent.i and _set_off_before(child) and any(
            t.pos_ == "VERB" for t in child.subtree) and not _conditional(child) and not _holds_number(child):
        return True  # "In a move welcomed by unions, ...", "Then, after adding a fee, ...": a lead-in
    if dep in ("prep", "advcl") and child.i < parent.i and _set_off_before(child) and not _holds_number(child) \
            and (child.lower_ == "with" or any(c.dep_ == "mark" and c.lower_ == "with" for c in child.children)):
        return True  # "With the roads still closed, ...": the setting, not the claim
    if dep in _OFF_PATH_CLAUSES:
        return True
    if dep == "advcl" and not _conditional(child) and not _infinitive(child) and not (
            _when(child) and _has_subject(parent)):
        return True
    if dep in ("ccomp", "csubj", "conj") and (child.pos_ in _CLAUSE_VERBS or dep == "conj") and _holds_number(child) \
            and not _alternative_number(child, parent) and not _one_amount(child, parent):
        return True
    if dep == "conj" and child.pos_ in _CLAUSE_VERBS:
        return True
    if dep == "det" and child.lower_ in ("a", "an") and child.i + 1 < len(child.doc) and child.nbor(1).lower_ in stance:
        return True
    if dep == "appos" and parent.i in counted and parent.tag_ == "NNS" and child.pos_ == "PROPN":
        return False  # "Three major economies — X, Y and Z — ...": the ones counted
    if dep == "appos" and not (child.pos_ == "PROPN" and parent.pos_ == "NOUN" and parent.dep_ not in _SUBJECTS
                               and child.left_edge.i == parent.i + 1):
        return True  # (kept: the name right after an object, "defeating incumbent Jane Roe")
    if dep in ("prep", "advmod", "relcl") and _set_off(child) and _set_off_before(child) and (
            dep == "relcl" or child.head.dep_ in _SUBJECTS
            or any(c.dep_ in _SUBJECTS and c.i < child.i < parent.i for c in parent.children)):
        return True  # an aside between commas: "Jane Roe, by contrast, needs 16"
    if dep == "acl" and child.tag_ in ("VBG", "VBN") and _set_off(child) and _set_off_before(child) \
            and parent.i < child.i and _in_subject(parent):
        return True  # "the economy, reeling from high prices, will grow 0.5%": an aside on the subject
    if dep == "prep" and child.i > parent.i and _motive(child):
        return True  # "... as part of its drive to cut costs", "... on fears that ..."
    if dep == "relcl" and any(c.tag_ in ("WDT", "WP", "WP$") for c in child.children) and (
            _set_off(child) or _holds_number(child) or not (
                any(c.tag_ == "WP" for c in child.children) or parent.i in counted)):
        # (a restrictive clause on who or what the figure counts says which are meant: it stays)
        return True
    if dep == "prep" and child.i > parent.i and (child.lower_ in _CONCESSIVE or (
            child.lower_ in ("with", "along") and _set_off(child) and _holds_number_or_clause(child))):
        return True  # "despite ...", "..., with 40 deaths so far"
    if dep == "conj" and parent.i in counted and not _one_amount(child, parent):
        return True
    if dep == "prep" and child.lower_ in _INCLUDING and child.i > parent.i and _holds_number(child):
        return True  # "nine singles, including four number ones": the four are another claim
    if dep == "prep" and child.lower_ == "according":
        return True
    if dep == "prep" and child.lower_ == "as" and child.i < parent.i and _set_off_before(child) and any(
            c.dep_ == "prep" and c.lower_ in ("for", "to") for c in child.children):
        return True  # "As for his own record, ...": the topic, not the claim
    if dep == "prep" and child.lower_ == "in" and child.i < parent.i and any(
            c.dep_ == "pobj" and c.lemma_.lower() in _OPINION_NOUNS for c in child.children):
        return True  # "In the fund's view, ...", "In its latest estimates, ...": the attribution
    if dep == "mark" and child.lower_ == "that" and parent.dep_ in ("ccomp", "xcomp") and parent.head.lemma_.lower() in reporting:
        return True
    if dep == "npadvmod" and child.pos_ in _CLAUSE_VERBS:
        return True
    if dep in ("amod", "advmod") and child.lower_ in stance:
        return True
    if dep in ("advmod", "quantmod") and child.lower_ in _NUMBER_STANCE and child.i + 1 < len(child.doc) and (
            child.nbor(1).like_num or child.nbor(1).pos_ == "NUM" or child.nbor(1).is_currency):
        return True  # "grew just 0.5%": how the writer sees the figure, not the claim
    if dep == "advmod" and child.lower_ in _ADDITIVE and parent.pos_ in _CLAUSE_VERBS:
        return True  # "The dollar also gained": a link to the sentence before
    if dep == "punct" and all(ch in _QUOTE_CHARS for ch in child.text):
        return True
    return False


def _conversion(child: Token, parent: Token) -> bool:
    """A sum in brackets right after a sum: the same amount in another currency."""
    doc = child.doc
    first = child.left_edge.i
    if child.dep_ != "appos" or first == 0 or doc[first - 1].text != "(":
        return False
    return any(_money(t) for t in child.subtree) and (_money(parent) or any(_money(t) for t in parent.lefts))


def _money(tok: Token) -> bool:
    return tok.ent_type_ == "MONEY" or tok.is_currency


def _conjunct_on_path(verb: Token, path: Set[int]) -> Optional[Token]:
    """The coordinated verb under `verb` that holds every figure on the path below `verb`, when
    `verb`'s own words hold none: a conjunct of `verb` itself that has words of its own ("cut fares
    and added 14 routes"), or a finite verb the parser hung on a non-finite one ("recovered to
    finish the race and won by a length")."""
    if verb.pos_ not in _CLAUSE_VERBS:
        return None
    below = {t.i for t in verb.subtree} & path
    for conj in verb.subtree:
        if conj.i == verb.i or conj.i not in path or conj.dep_ != "conj" or conj.pos_ not in _CLAUSE_VERBS \
                or _has_subject(conj):
            continue  # (the verb itself is in its subtree: never its own conjunct)
        if conj.head.i == verb.i:
            if not any(c.dep_ in _COMPLEMENTS for c in verb.children):
                continue
        elif not (_finite(conj) and not _finite(conj.head)):
            continue
        chain = []
        for anc in conj.ancestors:
            if anc.i == verb.i:
                break
            chain.append(anc)
        if any(_has_subject(a) for a in chain):
            continue
        inside = {t.i for t in conj.subtree} | {a.i for a in chain} | {verb.i}
        if below <= inside:
            return conj
    return None


def _other_figure_conjunct(conj: Token, noun: Token) -> bool:
    """A noun phrase coordinated with the figure's own that counts something else with a number
    of its own ("4,000 cases and 100 deaths"), when the two are what the clause itself claims;
    not the second part of one amount ("3 hours and 14 minutes"), the same amount said another way
    ("£5m, or 4%"), the ends of a range ("between 7 and 10"), nor a list inside a relative clause
    or a "with" phrase ("a chair that holds three fans and two heaters"), which describes one thing."""
    if conj.pos_ in _CLAUSE_VERBS or noun.pos_ in _CLAUSE_VERBS or not _holds_number(conj) \
            or _alternative_number(conj, noun) or _one_amount(conj, noun):
        return False
    if any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in noun.children) or noun.dep_ == "conj":
        return False
    for anc in noun.ancestors:
        if anc.pos_ in _CLAUSE_VERBS:
            return anc.dep_ not in ("relcl", "acl") or any(
                c.dep_ in _SUBJECTS and c.tag_ not in ("WDT", "WP") for c in anc.children)
        if anc.lower_ in ("between", "with", "along", "from"):
            return False
    return True


def _one_amount(conj: Token, noun: Token) -> bool:
    """"3 hours and 14 minutes": two units of one span of time (not "35 minutes ... and 12 minutes")."""
    return conj.lower_ in TIME_UNITS and noun.lower_ in TIME_UNITS and conj.lower_.rstrip("s") != noun.lower_.rstrip("s")


def _figure_conjunct(noun: Token, path: Set[int]) -> Optional[Token]:
    """The conjunct of `noun` that the figure counts when `noun`'s own phrase holds another number
    ("(reported) 4,000 cases and 100 deaths", for the 100), else None."""
    if noun.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    for conj in noun.children:
        if conj.i not in path:
            continue
        if conj.dep_ == "prep" and conj.lower_ in _INCLUDING:
            # "nine singles, including four number ones", for the four: "four number ones"
            conj = next((c for c in conj.children if c.dep_ == "pobj"), None)
            if conj is None:
                continue
        elif not (conj.dep_ == "conj" and _other_figure_conjunct(conj, noun)):
            continue
        if any(c.i in path and (c.like_num or c.dep_ in ("nummod", "quantmod")) for c in (conj, *conj.children)):
            inside = {t.i for t in conj.subtree}
            if any((t.like_num or t.pos_ == "NUM") and t.i not in inside and t.i not in path for t in noun.subtree):
                return conj
    return None


_INCLUDING = frozenset({"including", "includes", "incl"})


_COMPLEMENTS = frozenset({"dobj", "prep", "attr", "acomp", "xcomp", "ccomp", "prt", "dative", "oprd"})


_MOTIVES = ("as part of", "in line with", "in case", "on fears", "amid")


def _motive(prep: Token) -> bool:
    """A phrase giving the motive or setting of an act, not part of its claim."""
    words = " ".join(t.lower_ for t in prep.doc[prep.i:prep.i + 3])
    return any(words == m or words.startswith(m + " ") for m in _MOTIVES)


def _across_semicolon(child: Token, parent: Token) -> bool:
    lo, hi = (child.right_edge.i, parent.i) if child.i < parent.i else (parent.i, child.left_edge.i)
    return any(t.text == ";" for t in child.doc[lo:hi])


def _set_off_before(tok: Token) -> bool:
    """A phrase that opens its clause and ends with a comma ("After the vote, ...")."""
    right = tok.right_edge.i
    return right + 1 < len(tok.doc) and tok.doc[right + 1].text == ","


def _set_off(tok: Token) -> bool:
    """A phrase set off by a comma before it ("..., which ...", "..., with ...")."""
    left = tok.left_edge.i
    return left > 0 and tok.doc[left - 1].text == ","


def _alternative_number(child: Token, parent: Token) -> bool:
    """"four or five", "five or six years": one estimate given as two numbers."""
    return child.dep_ == "conj" and child.like_num and parent.like_num and any(
        c.dep_ == "cc" and c.lower_ == "or" for c in parent.children)


def _holds_number(tok: Token) -> bool:
    return any((t.like_num or t.pos_ == "NUM") and not _ordinal_adjective(t) for t in tok.subtree)


def _ordinal_adjective(tok: Token) -> bool:
    """"the fourth and fifth years": an ordinal that says which, not a figure."""
    return tok.tag_ == "JJ" and (tok.lower_ in ORDINALS or _ORDINAL_SUFFIX.fullmatch(tok.lower_) is not None)


_ORDINAL_SUFFIX = re.compile(r"\d+(?:st|nd|rd|th)")


_OPINION_NOUNS = frozenset({"view", "opinion", "estimate", "estimation", "forecast", "assessment", "judgment",
                            "judgement", "analysis", "calculation", "reckoning", "words", "projection"})
_NUMBER_STANCE = frozenset({"just", "merely"})
_ADDITIVE = frozenset({"also"})
_CONCESSIVE = frozenset({"despite", "notwithstanding"})


def _holds_number_or_clause(tok: Token) -> bool:
    return _holds_number(tok) or any(t.pos_ in _CLAUSE_VERBS for t in tok.subtree)

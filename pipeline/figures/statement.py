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

from typing import Callable, Iterable, List, Optional, Sequence, Set

from spacy.tokens import Span, Token

from .statement_phrases import CLAUSE_VERBS as _CLAUSE_VERBS
from .statement_phrases import SUBJECTS as _SUBJECTS
from .statement_phrases import noun_phrase_statement

NameFor = Callable[[Span], Optional[str]]
"""Maps a mention (a pronoun, a surname, "the company") to the entity's fullest name, or None."""

_OFF_PATH_CLAUSES = frozenset({"parataxis", "intj", "discourse", "dep"})
_LEADING_DISCOURSE = frozenset({"and", "but", "also", "so", "however", "yet", "still", "meanwhile", "plus",
                                "nevertheless", "nonetheless"})
_SEPARATORS = frozenset({",", ";", ":", "(", ")", "[", "]", "-", "--", "\u2013", "\u2014"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
_DASHES = frozenset({"-", "--", "\u2013", "\u2014", "\u2015"})
_PERSONAL = frozenset(
    "he she it they him her them his hers its their theirs".split()
)
_QUOTE_CHARS = frozenset("\"'\u2018\u2019\u201c\u201d\u00ab\u00bb`")


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
        return _tidy(doc[lo:hi].text)
    reporting = frozenset(attribution_lemmas)
    stance = frozenset(w.lower() for w in stance_words)
    anchors = [figure.root] + [p.root for p in partners]
    path: Set[int] = {t.i for span in (figure, *partners) for t in span}
    for tok in anchors:
        path.update(a.i for a in tok.ancestors)
    noun_phrase = noun_phrase_statement(figure.root)
    if noun_phrase is not None:
        return _render(noun_phrase, name_for)
    root = clause_root(anchors[0], reporting)
    keep: List[Token] = []
    counted = {t.head.i for t in anchors if t.dep_ == "nummod"}
    _collect(root, path, reporting, stance, counted, keep)
    keep.sort(key=lambda t: t.i)
    inherited = None
    own = [t for t in keep if t.dep_ in _SUBJECTS and t.head.i == root.i]
    if root.dep_ == "relcl" and own and own[0].tag_ in ("WP", "WDT"):
        keep = [t for t in keep if t.i != own[0].i]
        inherited = root.head
    elif not own:
        inherited = _inherited_subject(root)
    keep = _without_stray_punct(_without_dashed_asides(_without_dateline(keep, sentence), path), sentence)
    if keep and keep[0].dep_ == "mark" and keep[0].head.i == root.i and keep[0].lower_ not in _CONDITIONS:
        keep = keep[1:]
    return _render(keep, name_for, inherited)


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
        if anc.pos_ in _CLAUSE_VERBS and _has_subject(anc) and _finite(anc):
            # a restrictive relative clause about a common noun ("the man who spent ...") belongs
            # to the clause above; one set off by a comma ("the country, which has ...") asserts
            # something of its own about the noun
            relative = anc.dep_ == "relcl" and head.pos_ != "PROPN" and not (
                anc.left_edge.i > 0 and anc.doc[anc.left_edge.i - 1].text == ","
                and anc.left_edge.tag_ in ("WDT", "WP"))
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


_HEDGES = frozenset({"think", "believe", "reckon", "guess", "suppose"})


def _hedge(verb: Token) -> bool:
    """"I think" / "we believe" before a clause: the speaker asserts the clause ("I think we missed
    two penalties" claims that they missed them)."""
    return verb.lemma_.lower() in _HEDGES and any(
        c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in verb.children)


def _infinitive(verb: Token) -> bool:
    """A clause of purpose or result without its own subject: "(rose 5%) to close at 112"."""
    return not _has_subject(verb) and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _finite(verb: Token) -> bool:
    """A verb with tense: a finite form, or an auxiliary or modal that carries it."""
    if verb.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


def _conditional(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children)


def _without_dateline(tokens: List[Token], sentence: Span) -> List[Token]:
    """Drop a wire dateline ("CITY, Country (Agency) -") that opens the sentence."""
    for k, t in enumerate(tokens[:12]):
        if t.text in _DASHES:
            head = tokens[:k]
            if k and t.i == head[-1].i + 1 and any(h.is_upper and len(h) > 1 for h in head) and all(
                h.is_upper or h.is_punct or h.is_title for h in head
            ) and head[0].i == sentence.start:
                return tokens[k + 1 :]
            break
    return tokens


def _without_dashed_asides(tokens: List[Token], path: Set[int]) -> List[Token]:
    """Drop an aside set off by dashes (or after a last dash) that does not hold the figure."""
    dashes = [k for k, t in enumerate(tokens) if t.text in _DASHES and t.whitespace_ and t.i > 0 and t.nbor(-1).whitespace_]
    drop: Set[int] = set()
    for a, b in zip(dashes, dashes[1:] + [len(tokens)]):
        inner = tokens[a:b + 1]
        if not any(t.i in path for t in inner):
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
    if child.pos_ in _CLAUSE_VERBS and _across_semicolon(child, parent):
        return True  # "Rain flooded the roads; the river rose 3 meters": two claims
    if dep == "dobj" and _set_off(child) and any(c.dep_ == "dobj" and c.i < child.i for c in parent.children):
        return True  # "raised rates 0.5%, its second increase this year": an aside on the claim
    if dep in ("prep", "advcl") and child.i < parent.i and _set_off_before(child) and any(
            t.pos_ == "VERB" for t in child.subtree) and not _conditional(child) and not _holds_number(child):
        return True  # "In a move welcomed by unions, ...", "Then, after adding a fee, ...": a lead-in
    if dep in _OFF_PATH_CLAUSES:
        return True
    if dep == "advcl" and not _conditional(child) and not _infinitive(child):
        return True
    if dep in ("ccomp", "csubj", "conj") and (child.pos_ in _CLAUSE_VERBS or dep == "conj") and _holds_number(child) \
            and not _alternative_number(child, parent):
        return True
    if dep == "conj" and child.pos_ in _CLAUSE_VERBS:
        return True
    if dep == "det" and child.lower_ in ("a", "an") and child.i + 1 < len(child.doc) and child.nbor(1).lower_ in stance:
        return True
    if dep == "appos" and not (child.pos_ == "PROPN" and parent.pos_ == "NOUN" and parent.dep_ not in _SUBJECTS
                               and child.left_edge.i == parent.i + 1):
        return True  # (kept: the name right after an object, "defeating incumbent Jane Roe")
    if dep in ("prep", "advmod", "relcl") and _set_off(child) and _set_off_before(child) and (
            dep == "relcl" or child.head.dep_ in _SUBJECTS
            or any(c.dep_ in _SUBJECTS and c.i < child.i < parent.i for c in parent.children)):
        return True  # an aside between commas: "Jane Roe, by contrast, needs 16"
    if dep == "prep" and child.i > parent.i and _motive(child):
        return True  # "... as part of its drive to cut costs", "... on fears that ..."
    if dep == "relcl" and any(c.tag_ in ("WDT", "WP", "WP$") for c in child.children) and (
            _set_off(child) or not any(c.tag_ == "WP" for c in child.children) or _holds_number(child)):
        return True  # (a restrictive "who" clause says which people are counted: it stays)
    if dep == "prep" and child.i > parent.i and (child.lower_ in _CONCESSIVE or (
            child.lower_ in ("with", "along") and _set_off(child) and _holds_number_or_clause(child))):
        return True  # "despite ...", "..., with 40 deaths so far"
    if dep == "conj" and parent.i in counted:
        return True
    if dep == "prep" and child.lower_ == "according":
        return True
    if dep == "mark" and child.lower_ == "that" and parent.dep_ in ("ccomp", "xcomp") and parent.head.lemma_.lower() in reporting:
        return True
    if dep == "npadvmod" and child.pos_ in _CLAUSE_VERBS:
        return True
    if dep in ("amod", "advmod") and child.lower_ in stance:
        return True
    if dep == "punct" and all(ch in _QUOTE_CHARS for ch in child.text):
        return True
    return False


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
    return any(t.like_num or t.pos_ == "NUM" for t in tok.subtree)


_CONCESSIVE = frozenset({"despite", "notwithstanding"})


def _holds_number_or_clause(tok: Token) -> bool:
    return _holds_number(tok) or any(t.pos_ in _CLAUSE_VERBS for t in tok.subtree)


def _render(tokens: List[Optional[Token]], name_for: NameFor, inherited: Optional[Token] = None) -> str:
    real = [t for t in tokens if t is not None]
    if not real:
        return ""
    doc = real[0].doc
    kept = {t.i for t in real}
    replace: dict = {}
    named: Set[str] = set()
    agree: dict = {}  # token index -> the verb form a name as subject takes ("we have" -> "X has")
    # subjects (and possessors of subject phrases) by the entity's fullest name, unless the
    # statement already names it ("Jane Roe promised she would ...")
    for t in real:
        if t.dep_ in _SUBJECTS or (t.dep_ == "poss" and (t.head.dep_ in _SUBJECTS or t.i == real[0].i)):
            span = _mention(t)
            clitic = t.pos_ == "PRON" and span.end < len(doc) and not t.whitespace_ \
                and _clitic(doc[span.end]) in ("'ve", "'re", "'m", "'d", "'ll", "'s")
            # ... but "I've" and "we're" take a name's verb form ("X has"), and "he's" a name's "'s"
            if clitic and ((t.lower_ in _FIRST_PERSON_SUBJECTS and _clitic(doc[span.end]) in _THIRD_PERSON)
                           or (t.lower_ in ("he", "she") and _clitic(doc[span.end]) == "'s")):
                clitic = False
            if span.start in kept and (span.end - 1) in kept:
                name = name_for(span)
                # "I'd", "we'll": a name cannot take the pronoun's clitic, so the words stay as
                # written; nor does a name replace the end of a hyphenated word ("20-year-old")
                glued = span.start > 0 and not doc[span.start - 1].whitespace_ and doc[span.start - 1].text == "-"
                # "they"/"their" after a plural noun of its own sentence most likely stands for it
                # ("58 percent of women oppose their sons playing"): no name is put in its place
                plural_before = t.lower_ in ("they", "their", "them") and any(
                    x.tag_ == "NNS" for x in doc[t.sent.start:t.i])
                if name and name != span.text and name not in named and not clitic and not glued \
                        and not plural_before:
                    end = _through_name(span, name, kept)
                    replace[span.start] = (end, name + ("'s" if t.dep_ == "poss" and t.tag_ == "PRP$" else ""))
                    if t.lower_ in _FIRST_PERSON_SUBJECTS and t.dep_ in _SUBJECTS:
                        agree.update(_third_person_verb(t, real))
                if name:
                    named.add(name)
    parts: List[str] = []
    if inherited is not None:
        span = _mention(inherited)
        name = name_for(span) or (span.text if inherited.lower_ not in _PERSONAL else None)
        if name:
            parts.append(name + " ")
    skip_to = -1
    prev = None
    for t in tokens:
        if t is None:
            parts.append(", ")
            prev = None
            continue
        if t.i < skip_to:
            continue
        if prev is not None and t.i != prev + 1 and parts and not parts[-1].endswith(" "):
            parts.append(" ")
        if t.i in replace:
            end, name = replace[t.i]
            parts.append(name + doc[end - 1].whitespace_)
            skip_to = end
            prev = end - 1
            continue
        parts.append(agree[t.i] + t.whitespace_ if t.i in agree else t.text_with_ws)
        prev = t.i
    return _tidy("".join(parts))


_FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
_THIRD_PERSON = {"am": "is", "are": "is", "have": "has", "were": "was", "'ve": " has", "'re": " is", "'m": " is"}


def _clitic(tok: Token) -> str:
    return tok.lower_.replace("’", "'")


def _third_person_verb(subject: Token, tokens: List[Token]) -> dict:
    """The verb after a first-person subject, in the form a name takes ("we have" -> "has", "I am"
    -> "is", "we were" -> "was"): {token index: form}, or {} when nothing changes."""
    after = [t for t in tokens if t.i > subject.i]
    verb = after[0] if after else None
    if verb is None or verb.pos_ not in ("AUX", "VERB") or _clitic(verb) not in _THIRD_PERSON:
        return {}
    form = _THIRD_PERSON[_clitic(verb)]
    return {verb.i: form[0].upper() + form[1:] if verb.text[:1].isupper() else form}


def _through_name(span: Span, name: str, kept: Set[int]) -> int:
    """Where the replaced mention ends: past the words after it that the name already holds
    ("The Reserve Bank" + "of Ruritania" replaced by "Reserve Bank of Ruritania" once)."""
    doc = span.doc
    lowered = name.lower()
    end = span.end
    while end < len(doc) and end in kept:
        words = [t.lower_ for t in doc[span.start : end + 1]]
        if words and words[0] in ("the", "a", "an"):
            words = words[1:]
        if not lowered.startswith(" ".join(words)):
            break
        end += 1
    return end


def _mention(tok: Token) -> Span:
    """The name-like span a subject token heads: its compounds and flat parts, or the token."""
    doc = tok.doc
    if tok.pos_ == "PRON":
        return doc[tok.i : tok.i + 1]
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("compound", "flat", "det") and child.i == start - 1:
            start = child.i
    # leftward chain of compounds ending right before the head ("The Ashby City Council": "Ashby"
    # hangs on "City", inside the span)
    while start > 0 and start <= doc[start - 1].head.i <= tok.i and (
            doc[start - 1].dep_ in ("compound", "flat", "det") or _glued_hyphen(doc[start - 1])):
        start -= 1
    # "Her aide, a clerk named Jane Roe, ...": an owner goes with the noun the name replaces
    while start > 0 and doc[start - 1].dep_ in ("poss", "case") and start <= doc[start - 1].head.i <= tok.i:
        start = doc[start - 1].left_edge.i if doc[start - 1].dep_ == "poss" else start - 1
    return doc[start : tok.i + 1]


def _glued_hyphen(tok: Token) -> bool:
    """The hyphen inside a compound word of a name's run ("full-back"), which the tokenizer
    splits off (not one of "44-year-old")."""
    doc = tok.doc
    if tok.text != "-" or tok.whitespace_ or tok.i < 1 or doc[tok.i - 1].whitespace_:
        return False
    before = doc[tok.i - 1]
    glued_on = before.i > 0 and not doc[before.i - 1].whitespace_  # "44-year-": part of a longer run
    return before.dep_ in ("compound", "flat") and before.is_alpha and not glued_on


def _tidy(text: str) -> str:
    words = text.split()
    while words and words[0].lower().strip(",") in _LEADING_DISCOURSE:
        words = words[1:]
    text = " ".join(words)
    for bad, good in ((" ,", ","), (",,", ","), (" .", ".")):
        while bad in text:
            text = text.replace(bad, good)
    text = text.strip(" ,;:-\u2013\u2014")
    while text and (text[-1] in ".!?" or text[-1] in _QUOTE_CHARS):
        text = text[:-1].rstrip(" ,;:")
    while text and text[0] in _QUOTE_CHARS:
        text = text[1:].lstrip()
    return text

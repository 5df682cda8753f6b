"""Reported speech: `indirect` quote records for what a source is said to have said, unquoted.

Forms (read off the dependency parse):

- a reporting verb with a complement clause after it: "X said (that) CLAUSE", "X has long argued
  CLAUSE", "X told reporters CLAUSE", "X pointed out that CLAUSE", "in a statement, X said CLAUSE";
- the clause before it: "CLAUSE, X said" / "CLAUSE, said X, an analyst", and the clause around
  it: "At dawn, X claimed, CLAUSE";
- the passive with an agent: "it was announced by X that CLAUSE";
- reported questions: "X asked whether CLAUSE";
- "according to X, CLAUSE" and "CLAUSE, according to X";
- a reporting noun with its owner: "X's claim that CLAUSE", "X's contention CLAUSE", "X's view is
  that CLAUSE", "In X's view, CLAUSE"; without a possessive, its agent ("accusations by X that"), a
  group before it ("Labour claims ...") or the subject of a verb voicing it ("X issued a
  warning that ...");
- "to say" after a verb of getting in touch or going on: "X texted to say CLAUSE";
- "X made (it) clear that CLAUSE";
- a claim announced in one sentence and made in the next: "X made three points. First, CLAUSE";
- nested reports yield one record per reporting verb ("Y said X told him CLAUSE": Y's record is
  "X told him CLAUSE", X's is "CLAUSE"; so does "X told him CLAUSE, Y said");
- "As X reported, CLAUSE", "CLAUSE, as X said" and "as X put it";
- inside a quote, what the quoted speaker reports someone else (a name, he/she/they) said.

The content is the reported clause without the cue, the source, a leading "that" (or
"whether") and a trailing adjunct that frames the report ("..., following reports that ...");
the cue is the reporting verb as written with its auxiliaries ("has said") and, for verbs of
telling, the hearer ("told reporters"). A clause may hold quoted words ("X said the
plan was “a betrayal”"): it is one record, and the quoted words keep their own record. Nothing
comes from hypotheticals ("if X said ...", "X could argue ..."), negated or questioned reports,
"said" as an adjective, reporting verbs without a clause, or clauses that are themselves quoted.
The speaker comes from `speaker_from_token`, like quoted speech's.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc, Token

from .. import attrs
from ..entities.lexicon import DOCUMENT_NOUNS, UNASSERTED_REPORTING_VERBS
from .speakers import _FIRST_PERSON, _DocView, _subject_of, speaker_from_token
from .reported_clauses import (
    _as_report,
    _clause_of,
    _evidence_verb,
    _EVIDENCE_VERBS,
    _finite,
    _HEARER_VERBS,
    _hypothetical,
    _made_clear,
    _NOT_SOURCES,
    _ORDINALS,
    _parenthetical_clause,
    _trailing_clause,
    _put_it,
    _POINT_NOUNS,
    _RELATIVES,
    _SEEKING_VERBS,
    _speaker,
    _said_to,
    _speaker_token,
    _to_say,
    _VIEW_NOUNS,
    _VOICED_NOUNS,
    _VOICING_VERBS,
    REPORTED_NOUNS,
    REPORTED_VERBS,
    THOUGHT_VERBS,
)
from .reported_spans import (
    _closing_marks,
    _content_span,
    _continues_clause,
    _cue_span,
    _end,
    _inference,
    _quote_mix_ok,
    _record,
    _shares_modal,
    _trim_framing_adjunct,
    _trim_new_main_clause,
    _trim_sentential_relative,
    _trim_trailing_attribution,
)

def _verb_reports(doc: Doc, view: _DocView, verb: Token) -> Optional[dict]:
    if view.quote_of[verb.i] != -1 or verb.pos_ not in ("VERB", "AUX"):
        return None
    reporting = verb.lemma_.lower() in REPORTED_VERBS or _evidence_verb(verb) or _put_it(verb)
    if not (reporting or verb.lemma_.lower() == "make") or _hypothetical(verb) or _inference(verb):
        return None
    if verb.lemma_.lower() in THOUGHT_VERBS and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTED_VERBS:
        return None  # "X believed CLAUSE, Y said": a belief inside Y's report is Y's report
    # (set off by commas inside a clause, the attribution reports what follows it, also when the
    # parse took the words before it for its clause: "X had not, Y added, been told ...")
    found = (_parenthetical_clause(verb) or _clause_of(verb) or _as_report(verb) or _trailing_clause(verb)) \
        if reporting else _made_clear(verb)
    if found is None:
        return None
    clause, lo, hi = found
    if clause.i > verb.i:
        # "..., but that CLAUSE": a second clause of the same report; "X said it was not ..., but
        # would ...": a modal verb without a subject, hung on the past-tense reporting verb, goes on
        # with the reported clause's subject
        for c in verb.children:
            if c.dep_ == "conj" and c.i > hi and (any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                                                  or _continues_clause(verb, c) or _series_goes_on(clause, hi, c)):
                hi = c.right_edge.i + 1
        hi = _trim_new_main_clause(doc, clause, lo, hi)
    elif hi > verb.i:
        return None  # not a clause before the verb
    else:
        hi = _adjuncts_before_source(doc, verb, hi)
    for c in clause.children:
        if c.dep_ == "conj" and c.i > clause.i and c.lemma_.lower() in REPORTED_VERBS and not _shares_modal(clause, c) \
                and (any(g.dep_ == "ccomp" for g in c.children) or c.lemma_.lower() in UNASSERTED_REPORTING_VERBS
                     and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                     or c.lemma_.lower() in _HEARER_VERBS and any(g.dep_ in ("dobj", "dative") for g in c.children)):
            # "... and said CLAUSE", "... and asked for help", "... and reminded MPs ...": a report or a
            # request of its own
            hi = min(hi, c.left_edge.i)
            while hi > lo and doc[hi - 1].pos_ in ("CCONJ", "PUNCT"):
                hi -= 1
    hi = _trim_sentential_relative(doc, lo, _trim_framing_adjunct(doc, clause, lo, hi))
    hi = _trim_trailing_attribution(doc, lo, hi, before_verb=clause.i < verb.i)
    if not _quote_mix_ok(view, lo, hi):
        return None
    hi = _closing_marks(view, hi)
    if hi is None:
        return None
    if any(c.dep_ == "ccomp" and c.i != clause.i and view.quote_of[c.i] != -1 and not lo <= c.i < hi for c in verb.children):
        return None  # the verb reports a quote ("“...,” said a driver waiting [ccomp] ...")
    subj = _speaker_token(doc, verb, clause.i < verb.i)
    if subj is None or lo <= subj.i < hi:
        return None
    sp = _speaker(doc, view, subj)
    if sp is None or verb.lemma_.lower() in _EVIDENCE_VERBS and not any(c.dep_ == "nsubj" for c in verb.children):
        return None  # ("..., indicating the plan works": evidence, no one's report)
    span = _content_span(doc, lo, hi)
    if span is None or attrs.in_furniture(doc, span[0], span[1]):
        return None
    cue = _cue_span(doc, verb, lo if lo > verb.i else len(doc))
    if _put_it(verb):
        cue = (cue[0], max(_end(c) for c in verb.children if c.dep_ == "dobj"))  # "put it"
    if _to_say(verb) or verb.dep_ == "xcomp" and _said_to(verb):
        head = verb.head  # "went on to claim", "is reported to believe"
        cue = (min([head.idx] + [c.idx for c in head.children if c.dep_ in ("aux", "auxpass") and c.i < head.i]), cue[1])
    return _record(doc, span, cue, sp)


def _series_goes_on(clause: Token, hi: int, conj: Token) -> bool:
    """The last verb of a series the parse hung on the reporting verb ("X added that S ran, hid,
    and began to shout": ", and began" on "added"): without a subject of its own, after a clause
    that already lists a verb after a comma, it goes on with the reported series."""
    doc = clause.doc
    if any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in conj.children) or conj.i < 2 \
            or doc[conj.i - 1].lower_ != "and" or doc[conj.i - 2].text != ",":
        return False
    return any(doc[k].pos_ == "VERB" and doc[k - 1].text == "," and doc[k].head.i in (clause.i, clause.head.i)
               and not any(g.dep_ in ("nsubj", "nsubjpass") for g in doc[k].children) for k in range(clause.i + 2, hi))


def _adjuncts_before_source(doc: Doc, verb: Token, hi: int) -> int:
    """End of a clause before its reporting verb, taking in the adjuncts the parse hung on the
    verb between the clause and the source ("Sales are strong, despite the slump, the report
    says": the clause runs to the comma before "the report")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    source = subj.left_edge.i if subj is not None else verb.i
    if source <= hi:
        return hi
    adjuncts = [c for c in verb.children if c.dep_ in ("prep", "advcl", "advmod", "npadvmod", "punct") and c.i < source]
    if not all(doc[k].is_punct or any(c.left_edge.i <= k <= c.right_edge.i for c in adjuncts) for k in range(hi, source)):
        return hi
    return source


# --------------------------------------------------------------------------- X's claim that

def _noun_reports(doc: Doc, view: _DocView, noun: Token) -> Optional[dict]:
    """"X's claim that CLAUSE", "X's contention CLAUSE": the owner of a reporting noun; with no
    owner ("amid claims CLAUSE", "rumours that CLAUSE") the record has no speaker."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or view.quote_of[noun.i] != -1:
        return None
    owner = [c for c in noun.children if c.dep_ == "poss"]
    clause = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i and c.pos_ in ("VERB", "AUX")]
    head = noun.head
    if not clause and owner and noun.dep_ == "nsubj" and head.lemma_ == "be" and head.i > noun.i:
        # "X's view is that CLAUSE": the clause after the copula
        clause = [c for c in head.children if c.dep_ == "ccomp" and c.i > head.i and c.pos_ in ("VERB", "AUX")
                  and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
        if not (lemma in REPORTED_NOUNS or lemma in _VIEW_NOUNS):
            return None
    elif not clause and not owner and lemma in _VOICED_NOUNS and _voiced(noun):
        # "X voiced doubts over whether CLAUSE": the question after a preposition
        clause = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("about", "over", "on")
                  for g in c.children if g.dep_ == "pcomp" and g.pos_ in ("VERB", "AUX")
                  and any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in g.children)]
    elif not (lemma in REPORTED_NOUNS or lemma in DOCUMENT_NOUNS or lemma in _VOICED_NOUNS and _voiced(noun)):
        return None
    if not clause or not _finite(clause[0]) or not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ not in _RELATIVES for c in clause[0].children) \
            or any(c.lower_ in _RELATIVES for c in clause[0].children if c.dep_ in ("nsubj", "nsubjpass", "dobj")):
        return None  # not "the study that found ...", "the report which he wrote"
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return None  # "no claim that ..."
    if not owner and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _SEEKING_VERBS:
        return None  # "demanded assurances that ...": asked for, not given
    lo, hi = clause[0].left_edge.i, clause[0].right_edge.i + 1
    hi = _closing_marks(view, hi) if _quote_mix_ok(view, lo, hi) else None
    if hi is None:
        return None
    sp = _speaker(doc, view, owner[0]) if owner else None
    span = _content_span(doc, lo, hi)
    if owner and sp is None or span is None or attrs.in_furniture(doc, span[0], span[1]):
        return None
    cue = (noun.idx, _end(noun))
    if not owner:
        source, cue_start = _noun_source(noun)
        sp = _speaker(doc, view, source)
        if sp is not None:
            cue = (cue_start, cue[1])
    return _record(doc, span, cue, sp)


def _voiced(noun: Token) -> bool:
    """A noun that is the object of a verb voicing it: "raised concerns", "expressed fears"."""
    return noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in _VOICING_VERBS


def _noun_source(noun: Token) -> Tuple[Optional[Token], int]:
    """Who voices a reporting noun that has no possessive owner, with where its cue begins: the
    agent ("accusations by rivals that ..."), a name or group before it ("Labour claims ...",
    "Republican warnings ..."), the subject of a verb that voices it ("X issued a warning
    that ...", "X has repeated the claim that ...") or that speaks in it ("X said in a statement
    that ..."); else no one."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, noun.idx
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i \
                and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "ORG", "GPE", "PERSON")):
            return c, c.idx
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in _VOICING_VERBS and not _hypothetical(head):
        cue_start = head.i
        while cue_start > 0 and noun.doc[cue_start - 1].dep_ == "aux" and noun.doc[cue_start - 1].head.i == head.i:
            cue_start -= 1
        return _subject_of(head), noun.doc[cue_start].idx
    verb = head.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "in" and verb.pos_ == "VERB" \
            and verb.lemma_.lower() in REPORTED_VERBS and verb.i < noun.i and not _hypothetical(verb):
        # "X said in a statement that ...": the parse hung the clause on the statement
        cue_start = verb.i
        while cue_start > 0 and noun.doc[cue_start - 1].dep_ == "aux" and noun.doc[cue_start - 1].head.i == verb.i:
            cue_start -= 1
        return _subject_of(verb), noun.doc[cue_start].idx
    return None, noun.idx


# --------------------------------------------------------------------------- according to

def _source_phrase(doc: Doc, tok: Token) -> Optional[Tuple[Token, int, Tuple[int, int]]]:
    """The source, where the phrase ends, and the cue of a phrase that frames the sentence as a
    source's: "according to X" and "in X's view" ("opinion", "words", ...)."""
    if tok.lower_ == "according" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to":
        pobj = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
        if not pobj or pobj[0].lemma_.lower() in _NOT_SOURCES:
            return None
        return pobj[0], max(tok.right_edge.i, pobj[0].right_edge.i) + 1, (tok.idx, _end(doc[tok.i + 1]))
    if tok.lower_ == "in" and tok.dep_ == "prep":
        noun = next((c for c in tok.children if c.dep_ == "pobj" and c.lemma_.lower() in _VIEW_NOUNS), None)
        owner = next((c for c in noun.children if c.dep_ == "poss"), None) if noun is not None else None
        if owner is None or owner.lower_ in ("my", "our", "your") or any(c.dep_ == "prep" for c in noun.children):
            return None  # not "in my opinion" (the writer's), "in view of it"
        return owner, noun.right_edge.i + 1, (tok.idx, _end(noun))
    return None


def _according_to(doc: Doc, view: _DocView, tok: Token) -> Optional[dict]:
    """"According to X, CLAUSE" or "CLAUSE, according to X" (also "In X's view, CLAUSE"): the
    remainder of its sentence."""
    found = _source_phrase(doc, tok) if view.quote_of[tok.i] == -1 else None
    if found is None:
        return None
    source, phrase_end, cue = found
    sent = tok.sent
    end = sent.end  # the sentence without its closing marks and the paragraph break after it
    while end > tok.i and (doc[end - 1].is_space or doc[end - 1].is_punct and not doc[end - 1].is_quote):
        end -= 1
    if tok.i - sent.start <= 1:
        lo, hi = phrase_end, sent.end
    elif phrase_end >= end and doc[tok.i - 1].text == ",":
        lo, hi = sent.start, tok.i - 1
    else:
        return None
    if not any(view.quote_of[i] == -1 and (doc[i].pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in doc[i].children) or _past_read_as_participle(doc[i]))
            for i in range(lo, hi)):
        return None
    if any(view.quote_of[i] != -1 for i in (lo, hi - 1)):
        return None
    sp = speaker_from_token(doc, source)
    span = _content_span(doc, lo, hi)
    if sp is None or span is None or attrs.in_furniture(doc, span[0], span[1]):
        return None
    return _record(doc, span, cue, sp)


def _past_read_as_participle(verb: Token) -> bool:
    """A sentence whose verb the parse read as a participle on its subject, the noun then taken
    for the root ("More than 3,000 households [ROOT] left [acl] on Sunday"): still a clause."""
    return verb.pos_ == "VERB" and verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.dep_ == "ROOT" \
        and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i == verb.i - 1 \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


# --------------------------------------------------------------------------- announced points

def _announced_points(doc: Doc, view: _DocView, verb: Token) -> List[dict]:
    """"X made three points. First, CLAUSE. Second, CLAUSE.": each ordinal sentence after a
    sentence whose subject speaks of points, arguments or reasons."""
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or view.quote_of[verb.i] != -1:
        return []
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _POINT_NOUNS]
    if not objs or _hypothetical(verb):
        return []
    sp = _speaker(doc, view, _subject_of(verb))
    if sp is None:
        return []
    out = []
    si = view.sent_of[verb.i] + 1
    while si < len(view.sents):
        lo, hi = view.sents[si]
        if doc[lo].lower_ not in _ORDINALS or any(view.quote_of[i] != -1 for i in range(lo, hi)):
            break
        if any(doc[i].lemma_.lower() in REPORTED_VERBS and doc[i].pos_ == "VERB"
               and any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[i].children) for i in range(lo, hi)):
            break  # "First, she said, ...": the point is attributed where it is made
        lo += 1
        span = _content_span(doc, lo, hi)
        if span is None:
            break
        out.append(_record(doc, span, (verb.idx, _end(verb)), sp))
        si += 1
    return out


# --------------------------------------------------------------------------- all of it

def find_reported(doc: Doc, view: _DocView) -> List[dict]:
    """Indirect quote records of a parsed doc whose quoted spans are marked in `view.quote_of`,
    also of what a quoted speaker reports someone else said ("“He told me he had lost the keys,”
    the officer wrote")."""
    if not view.has_dep or not len(doc):
        return []
    out: List[dict] = []
    seen = set()
    for tok in doc:
        recs = [_verb_reports(doc, view, tok), _noun_reports(doc, view, tok), _according_to(doc, view, tok)]
        recs += _announced_points(doc, view, tok)
        for r in recs:
            if r is not None and (r["start"], r["end"]) not in seen:
                seen.add((r["start"], r["end"]))
                out.append(r)
    for r in _reports_in_quotes(doc, view):
        if (r["start"], r["end"]) not in seen:
            seen.add((r["start"], r["end"]))
            out.append(r)
    return out


def _reports_in_quotes(doc: Doc, view: _DocView) -> List[dict]:
    """Reported speech inside a quote: each quote read as if it were the reporter's own words,
    the records of reporting verbs inside it kept when they lie inside it and their source is
    someone else, named or "he"/"she"/"they"."""
    by_quote: Dict[int, List[int]] = {}
    for i, qi in enumerate(view.quote_of):
        if qi != -1:
            by_quote.setdefault(qi, []).append(i)
    out: List[dict] = []
    for qi, toks in by_quote.items():
        if len(toks) < 6:
            continue
        for i in toks:  # (unmarked while it is read, marked again after: linear in quoted tokens)
            view.quote_of[i] = -1
        a, b = doc[toks[0]].idx, _end(doc[toks[-1]])
        for i in toks:
            verb = doc[i]
            if verb.lemma_.lower() in THOUGHT_VERBS:
                continue  # a speaker's own beliefs ("I believe ...") are the quote itself
            r = _verb_reports(doc, view, verb)
            if r is not None and a <= r["start"] and r["end"] <= b and _third_party(r["speaker"]):
                out.append(r)
        for i in toks:
            view.quote_of[i] = qi
    return out


def _third_party(speaker: Optional[dict]) -> bool:
    """A source other than the quote's speaker and not a vague "people": a name or he/she/they."""
    mention = (speaker or {}).get("mention") or ""
    return mention.lower() in ("he", "she", "they") or bool(speaker and speaker.get("name")) and mention[:1].isupper() \
        and mention.lower() not in _FIRST_PERSON


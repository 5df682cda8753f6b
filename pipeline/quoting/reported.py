"""Reported speech: `indirect` quote records for what a source is said to have said, unquoted.

Forms (read off the dependency parse):

- a reporting verb with a complement clause after it: "X said (that) CLAUSE", "X has long argued
  CLAUSE", "X told reporters CLAUSE", "X pointed out that CLAUSE", "in a statement, X said CLAUSE";
- the clause before it: "CLAUSE, X said" / "CLAUSE, said X, an analyst", and the clause around
  it: "Once there, X said, CLAUSE";
- the passive with an agent: "it was announced by X that CLAUSE";
- reported questions: "X asked whether CLAUSE";
- "according to X, CLAUSE" and "CLAUSE, according to X";
- a reporting noun with its owner: "X's claim that CLAUSE", "X's contention CLAUSE";
- "X made (it) clear that CLAUSE";
- a claim announced in one sentence and made in the next: "X made three points. First, CLAUSE";
- nested reports yield one record per reporting verb ("Y said X told him CLAUSE": Y's record is
  "X told him CLAUSE", X's is "CLAUSE"; so does "X told him CLAUSE, Y said");
- "As X reported, CLAUSE" and "CLAUSE, as X said";
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

import re
from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc, Token

from .. import attrs, wordlists
from ..entities.lexicon import DOCUMENT_NOUNS, PRONOUNS, REPORTED_SPEECH_VERBS, UNASSERTED_REPORTING_VERBS, doc_text
from .speakers import _FIRST_PERSON, _DocView, _name_before, _np_after, _subject_of, speaker_from_token

REPORTED_VERBS = REPORTED_SPEECH_VERBS
REPORTED_NOUNS = wordlists.words("quotes_reported_nouns.txt")

# verbs of thinking: what they hold is a belief, not a report
THOUGHT_VERBS = frozenset({"believe", "think", "feel", "fear", "hope", "wonder", "expect", "know"})
# verbs that report a question: only with a "whether"/"if"/wh- clause
_QUESTION_VERBS = frozenset({"ask", "question", "wonder"})
# verbs of evidence, reported speech only with a document or findings as subject (`_evidence_verb`)
_EVIDENCE_VERBS = frozenset({"show", "indicate", "find", "reveal", "conclude", "confirm"})
_FINDINGS = frozenset({"research", "data", "figure", "evidence", "statistic", "file", "record", "finding",
                       "result", "number"})
# verbs of inference: ", suggesting that ..." after a clause says what the clause's facts imply, no
# report of its own ("Sales fell, suggesting that demand is weak, she said" is one report)
_INFERENCE_VERBS = frozenset({"suggest", "indicate", "signal", "imply", "mean", "show"})
# verbs whose subject voices the reporting noun they take as object: "X issued a statement that ..."
_VOICING_VERBS = frozenset({"make", "issue", "publish", "release", "repeat", "voice", "express", "reiterate",
                            "float", "spread", "post", "renew", "level", "air", "give", "offer"})
# verbs that ask for what the noun would say: "X demanded assurances that ..." reports no one's words
_SEEKING_VERBS = frozenset({"demand", "seek", "want", "request", "ask", "need", "require", "await", "expect"})
# verbs of getting in touch whose "to say" reports: "X texted to say ...", "X wrote to tell him ..."
_CONTACT_VERBS = frozenset({"write", "text", "texte", "call", "phone", "ring", "email", "e-mail", "tweet", "post", "message",
                            "telephone", "return", "continue"})
# nouns of a source's view: "In X's view, CLAUSE", "X's view is that CLAUSE"
_VIEW_NOUNS = frozenset({"view", "opinion", "words", "estimation", "assessment", "judgment", "judgement",
                         "reckoning", "position", "belief"})
# verbs whose cue includes the hearer: "told reporters", "assured investors"
_HEARER_VERBS = frozenset({"tell", "assure", "remind", "inform", "warn", "promise"})
# verbs that need a particle to report: "pointed out"
_PARTICLE_VERBS = {"point": "out"}
_MODALS = frozenset({"would", "could", "might", "may", "should", "can", "must", "'d", "will", "'ll", "wo"})
_HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "when", "once", "before", "until"})
_QUESTION_MARKS = frozenset({"whether", "if"})
_REPORT_PREPS = frozenset({"before", "after", "by", "while", "since", "upon", "on"})
_CLAUSE_MARKS = frozenset({"that", "whether", "if"})
_CONCESSIVE_MARKS = frozenset({"though", "although", "while", "whereas"})
_CLEAR_WORDS = frozenset({"clear", "plain"})
_RELATIVES = frozenset({"that", "which", "who", "whom"})
_NOT_SPEAKERS = frozenset({"you", "this", "that", "which", "what", "there", "these", "those"}) | _FIRST_PERSON
# "according to plan": no one said it
_NOT_SOURCES = frozenset({"plan", "schedule", "script", "tradition", "custom", "rule", "design", "type", "size"})
_ORDINALS = frozenset({"first", "firstly", "second", "secondly", "third", "thirdly", "fourth", "finally",
                       "lastly"})
_POINT_NOUNS = frozenset({"point", "argument", "claim", "case", "reason", "concern", "objection", "demand",
                          "prediction", "promise", "warning", "criticism", "complaint", "proposal", "pledge"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_STRIP_END = ".,;:!?—–-"
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]+(?:\([^)]{1,40}\))?(?:,[^-—–\n]{1,30})?\s*(?:-{1,2}|—|–)\s+")


# --------------------------------------------------------------------------- spans

def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _content_span(doc: Doc, lo: int, hi: int) -> Optional[Tuple[int, int]]:
    """Character span of tokens [lo, hi) without a leading mark ("that", "whether"), a leading
    discourse adverb with its comma ("Nevertheless, "), a dateline and trailing punctuation; quote
    marks stay when the content holds both ends of the quote."""
    text = doc_text(doc)
    while lo < hi and (doc[lo].is_punct and not doc[lo].is_quote or doc[lo].is_space):
        lo += 1
    if lo + 1 < hi and doc[lo].lower_ in _CLAUSE_MARKS and not (doc[lo + 1].tag_ in _FINITE_TAGS
                                                                   or doc[lo + 1].pos_ == "AUX"):
        lo += 1  # not the subject in "said that would never work"
    while lo < hi and (doc[lo].is_punct and not doc[lo].is_quote or doc[lo].is_space):
        lo += 1  # "found that, at night, ..."
    if lo + 1 < hi and doc[lo].pos_ in ("ADV", "CCONJ") and doc[lo + 1].text == ",":
        lo += 2
    elif lo < hi and doc[lo].pos_ == "CCONJ":
        lo += 1  # "But the plan failed, X said"
    while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].text in _STRIP_END or doc[hi - 1].pos_ == "CCONJ"
                       or doc[hi - 1].is_punct and doc[hi - 1].text not in ")]" and not doc[hi - 1].is_quote):
        hi -= 1
    if hi - lo < 3:
        return None
    a, b = doc[lo].idx, _end(doc[hi - 1])
    m = _DATELINE.match(text, a, b) if a == 0 or text[:a].rstrip(" \t")[-1:] == "\n" else None
    if m and m.end() < b:
        a = m.end()  # "CITY (Agency) - " opening the paragraph
    # a closing mark whose opening mark is not inside belongs to a quote that is not all inside
    if text[b - 1] == '"' and text.count('"', a, b) % 2 == 1 or text[b - 1] == "”" and "“" not in text[a:b]:
        b -= 1
    while b > a and text[b - 1] in " \t" + _STRIP_END:
        b -= 1
    return (a, b) if b - a >= 8 else None


def _cue_span(doc: Doc, verb: Token, clause_lo: int) -> Tuple[int, int]:
    """The reporting verb as written: with its auxiliaries and adverbs ("has long argued"), its
    particle ("pointed out") and, for verbs of telling, the hearer ("told reporters")."""
    a = verb.i
    while a > 0 and (doc[a - 1].dep_ in ("aux", "advmod") and doc[a - 1].head.i == verb.i
                     and doc[a - 1].dep_ != "neg"):
        a -= 1
    while a < verb.i and doc[a].dep_ == "advmod":
        a += 1
    b = verb.i
    clear = [c for c in verb.rights if c.lower_ in _CLEAR_WORDS and c.i < clause_lo]
    if verb.lemma_.lower() == "make" and clear:
        return doc[a].idx, _end(clear[0])  # "made it clear"
    for c in verb.rights:
        if c.i >= clause_lo:
            break
        if c.dep_ == "prt" or (verb.lemma_.lower() in _HEARER_VERBS and c.dep_ in ("dobj", "dative")):
            b = c.right_edge.i
        else:
            break
    return doc[a].idx, _end(doc[b])


def _quote_mix_ok(view: _DocView, lo: int, hi: int) -> bool:
    """A clause may hold quoted words, but must not be quoted itself: every quote it touches lies
    wholly inside it, and its first token lies outside quotes or opens quoted words after which a
    clause of the reporter's own goes on ('X has warned "there could be trouble" if Y refuses')."""
    doc = view.doc
    quotes = {view.quote_of[i] for i in range(lo, hi)} - {-1}
    if not quotes:
        return True
    first = lo
    while first < hi and doc[first].lower_ in _CLAUSE_MARKS:
        first += 1
    if first >= hi:
        return False
    opening = view.quote_of[first]
    if opening != -1:
        k = lo - 1
        while k >= 0 and view.quote_of[k] == opening:
            k -= 1
        before = lo - 1 - k  # tokens of that quote right before the clause: at most its opening mark
        if before > 1 or before == 1 and not doc[lo - 1].is_quote:
            return False  # the clause begins inside a quote that opened before it
        last = max(i for i in range(first, hi) if view.quote_of[i] == opening)
        if not any(view.quote_of[i] == -1 and doc[i].pos_ in ("VERB", "AUX") for i in range(last + 1, hi)):
            return False  # no clause of the reporter's own goes on after it: the quote's record has it
    for qi in quotes:
        if qi != opening and lo > 0 and view.quote_of[lo - 1] == qi \
                or hi < len(doc) and view.quote_of[hi] == qi and not doc[hi].is_punct:
            return False
    return True


# --------------------------------------------------------------------------- the reporting verb

def _hypothetical(verb: Token) -> bool:
    """A report that did not happen: modal ("could argue"), negated ("did not say"), in a
    conditional ("if X said"), or asked about ("Did X say ...?")."""
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return True
    if verb.tag_ == "VB" and not any(c.dep_ in ("nsubj", "aux") for c in verb.children):
        return True  # an imperative: "Tell me the plan works ..."
    if verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux", "auxpass") for c in verb.children):
        return True  # a participle: "Asked whether ..., X said" (X was asked)
    cur = verb
    for _ in range(4):
        if any(c.dep_ in ("mark", "advmod") and c.lower_ in _HYPOTHETICAL_MARKS for c in cur.children):
            return True
        if cur.dep_ == "pcomp" and cur.head.lower_ in _REPORT_PREPS:
            break  # "after warning that ...", "by claiming ..."
        if cur.dep_ == "relcl" and cur.i == verb.i and _named_relative(verb):
            break  # "X, who said ...": the named X reported it
        if cur.dep_ == "acl" and cur.i == verb.i and _document_saying(verb):
            break  # "a message saying ...": the document reports it
        if cur.dep_ in ("xcomp", "advcl") and cur.i == verb.i and _to_say(verb):
            cur = cur.head  # "X wrote to say ...", "X went on to say ...": X's report, if X's act is real
            continue
        if cur.dep_ in ("amod", "acl", "relcl", "csubj", "xcomp", "pcomp", "pobj", "dobj"):
            return True
        if cur.head.i == cur.i or cur.dep_ not in ("advcl", "conj", "ccomp"):
            break
        cur = cur.head
    sent = verb.sent
    return sent[-1].text == "?" or (sent[0].dep_ == "aux" and sent[0].head.i == verb.i)


def _to_say(verb: Token) -> bool:
    """"to say" after a verb of getting in touch or going on: "X texted to say ...", "X went on to
    say ...", "X rang to tell her ..." report what X said, where "X wants to say ..." does not."""
    head = verb.head
    lemma = head.lemma_.lower()
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and head.pos_ == "VERB" \
        and (lemma in _CONTACT_VERBS or lemma in ("go", "move") and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children))


def _named_relative(verb: Token) -> bool:
    """A relative clause that reports: its "who" stands for a name ("Jane Doe, who said ..."), its
    "that" for a document ("a ruling that said ..."), or its subject is a person of its own
    ("the home, where she said ...", "a plan which he said would ...")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.lower_ == "who":
        return verb.head.pos_ == "PROPN"
    if subj.lower_ in ("that", "which"):
        return verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in DOCUMENT_NOUNS
    return subj.lower_ in PRONOUNS or subj.pos_ == "PROPN"


def _document_saying(verb: Token) -> bool:
    """A document's participle of saying: "a letter saying CLAUSE", "a notice stating CLAUSE"."""
    return verb.tag_ == "VBG" and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in DOCUMENT_NOUNS


def _finite(verb: Token) -> bool:
    """A finite verb, or one with a finite auxiliary ("would rise", "has been", "is")."""
    return verb.tag_ in _FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS
                                             for c in verb.children)


def _clause_of(verb: Token) -> Optional[Tuple[Token, int, int]]:
    """The complement clause a reporting verb reports (before or after it), as (root, lo, hi)
    token bounds. Mends two common misparses: the clause's subject taken as the verb's object
    ("said the fund [dobj] ... was [ccomp] empty") and a report of two clauses ("said she is sure
    [ccomp] the deal is [ccomp] fair")."""
    lemma = verb.lemma_.lower()
    if lemma in _PARTICLE_VERBS and not any(c.dep_ == "prt" and c.lower_ == _PARTICLE_VERBS[lemma]
                                              for c in verb.children):
        return None
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if not comps:
        return _object_clause(verb)
    after = [c for c in comps if c.i > verb.i]
    clause = after[0] if after else comps[-1]
    subjects = _subjects(clause)
    if clause.pos_ not in ("VERB", "AUX") and not (subjects and clause.pos_ == "ADP"):
        return None  # (a verb the tagger took for a preposition after an opening mark: "did not “like ...”")
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    if lemma in _QUESTION_VERBS:
        first = clause.left_edge
        if not (any(m in _QUESTION_MARKS for m in marks) or first.tag_ in ("WDT", "WP", "WRB")):
            return None
    else:
        first = clause.left_edge
        subject_that = first.lower_ == "that" and any(c.i == first.i for c in subjects)  # "said that [subject] was"
        relative = first.i < verb.i  # "plans which X says would ...": the relative is the clause's subject
        # "that" tagged as a relative is still the clause's mark when the clause has a subject of
        # its own ("told the inspectors that [WDT, dobj] the shark swam ...")
        that_mark = first.lower_ == "that" and (first.dep_ == "mark" or any(c.i > first.i for c in subjects))
        wh = first.tag_ in ("WDT", "WP", "WRB") and not that_mark
        if any(m != "that" for m in marks) or wh and not (subject_that or relative):
            return None  # "said as if", "claim because", "explained how it works"
    # a past tense read as a participle or as a base form: a subject of its own and no auxiliary
    past = (clause.tag_ == "VBN" or clause.tag_ == "VB" and clause.text.islower()) \
        and any(c.dep_ == "nsubj" and c.i < clause.i for c in clause.children) \
        and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    if not (_finite(clause) or past):
        return None  # "claimed a first home win [VB]": not a clause
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    if lo < verb.i < clause.i and clause.left_edge.tag_ in ("WDT", "WP"):
        lo = verb.i + 1  # "plans which the party says would save ...": the clause after the verb
        while lo < clause.i and verb.doc[lo].dep_ == "mark":
            lo += 1
    if any(c.pos_ in ("ADJ", "ADV") and not c.text[:1].isupper() for c in subjects):
        return None  # "claimed their third [ADJ] ever win [VBP]": a misparsed noun phrase
    has_subj = bool(subjects)
    if not has_subj and clause.i > verb.i and lemma not in _HEARER_VERBS:
        objs = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i]
        doc = verb.doc
        stray = any(doc[k].dep_ in ("nsubj", "nsubjpass") for k in range(clause.left_edge.i, clause.i))
        if objs and not marks and not stray:
            lo, has_subj = objs[0].left_edge.i, True
    if not has_subj and not marks:
        return None
    for c in after[1:]:
        if c.left_edge.i <= hi + 1 and c.pos_ in ("VERB", "AUX"):
            hi = c.right_edge.i + 1
    return clause, lo, hi


def _object_clause(verb: Token) -> Optional[Tuple[Token, int, int]]:
    """"said a deal allowing X to do Y expired": a clause whose subject the parse took for the
    object of "say" and whose verb it hung inside that object. Only "say", which takes no noun
    object of this kind, and only a verb in the past or present tense that no relative pronoun
    introduces."""
    if verb.lemma_.lower() != "say":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None:
        return None
    for t in obj.subtree:
        if t.i > obj.i and t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP", "VBN") and t.dep_ in ("ccomp", "conj") \
                and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in t.children) \
                and not any(a.dep_ == "relcl" for a in t.ancestors if a.i > obj.i):
            return t, obj.left_edge.i, obj.right_edge.i + 1
    return None


def _subjects(clause: Token) -> List[Token]:
    """A clause's subjects, also where the parse hung the subject on its auxiliary ("she [nsubj of
    'was'] was “misleading ...”")."""
    own = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")]
    return own or [g for a in clause.children if a.dep_ in ("aux", "auxpass") and a.i < clause.i
                   for g in a.children if g.dep_ in ("nsubj", "nsubjpass", "expl")]


def _evidence_verb(verb: Token) -> bool:
    """A verb of evidence whose subject is a document or a body of findings: "a poll by X
    indicates CLAUSE", "the data show that CLAUSE", "research shows ..."."""
    if verb.lemma_.lower() not in _EVIDENCE_VERBS:
        return False
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and (c.lemma_.lower() in DOCUMENT_NOUNS or c.lemma_.lower() in _FINDINGS)
               for c in verb.children)


def _parenthetical_clause(verb: Token) -> Optional[Tuple[Token, int, int]]:
    """The clause a reporting verb set off by commas in the middle of it reports ("Once there,
    investigators said, the man fled", "The plan, she said, will cost more"): the parse hangs the
    verb on the clause's root; the content runs from after the attribution to the clause's end."""
    head = verb.head
    doc = verb.doc
    if verb.dep_ != "parataxis" or head.i <= verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    # "X had not, Y added, been told ...": the parse hung the subject and the auxiliary before the
    # attribution on the verb as a clause of their own; the clause's verb is after it
    stranded = any(c.dep_ == "ccomp" and c.i < verb.i and (c.lemma_ in ("have", "be", "do") or c.lower_ in _MODALS)
                   and not any(g.dep_ not in ("nsubj", "nsubjpass", "neg", "advmod", "punct") for g in c.children)
                   for c in verb.children)
    if not stranded and (not _finite(head) or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)):
        return None
    first, last = verb.left_edge.i, verb.right_edge.i
    if stranded:
        first = min([verb.i] + [c.left_edge.i for c in verb.children if c.dep_ not in ("ccomp", "punct") and c.i < verb.i])
    if doc[first].text != "," and (first == 0 or doc[first - 1].text != ","):
        return None  # no comma opens the attribution
    lo = last + 1
    while lo < head.i and doc[lo].is_punct:
        lo += 1
    if doc[last].text != "," and doc[last + 1].text != ",":
        return None  # no comma closes it
    return head, lo, head.right_edge.i + 1


def _as_report(verb: Token) -> Optional[Tuple[Token, int, int]]:
    """The clause an "as" report frames: "As X reported last week, CLAUSE", "CLAUSE, as X said":
    the reporting verb with "as" and nothing reported of its own, hung on the clause's root."""
    head = verb.head
    doc = verb.doc
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
            or any(c.dep_ in ("ccomp", "xcomp", "dobj", "nsubjpass", "auxpass") for c in verb.children) \
            or head.pos_ not in ("VERB", "AUX") or not _finite(head) or not _subjects(head):
        return None
    first, last = verb.left_edge.i, verb.right_edge.i
    if first < head.left_edge.i or first == head.left_edge.i:
        lo = last + 1
        while lo < head.i and doc[lo].is_punct:
            lo += 1
        return head, lo, head.right_edge.i + 1
    if first > head.i and last >= head.right_edge.i and doc[first - 1].text == ",":
        return head, head.left_edge.i, first - 1
    return None


def _speaker_token(doc: Doc, verb: Token, clause_before: bool) -> Optional[Token]:
    agent = [c for c in verb.children if c.dep_ == "agent"]
    if agent and any(c.dep_ == "auxpass" for c in verb.children):
        pobj = [c for c in agent[0].children if c.dep_ == "pobj"]
        return pobj[0] if pobj else None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None  # "it was said", "he was told"
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.lemma_.lower() not in REPORTED_VERBS \
            and not any(c.dep_ == "nsubj" for c in verb.children):
        # "X said the system is flawed and said [conj of 'is'] ...": X, not the clause's subject
        outer = verb.head.head
        return _subject_of(outer) if outer.lemma_.lower() in REPORTED_VERBS else None
    if verb.dep_ == "acl" and _document_saying(verb):
        return verb.head  # "a letter saying ..."
    subj = _subject_of(verb)
    if subj is not None and subj.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
        subj = verb.head  # "a ruling that said ...": the relative stands for its noun
    if subj is None and clause_before:
        subj = _np_after(doc, verb)  # "..., said a spokeswoman"
    if subj is None and not any(c.dep_ == "nsubj" for c in verb.children):
        subj = _name_before(doc, verb)  # "Jane Doe, then an aide, said": the name hung elsewhere
    if subj is None and verb.i > 0 and doc[verb.i - 1].head.i == verb.i \
            and doc[verb.i - 1].dep_ in ("npadvmod", "dep", "nmod") and doc[verb.i - 1].pos_ == "PROPN":
        subj = doc[verb.i - 1]  # a name the parser did not take for the subject ("X tweeted that")
    return subj


def _speaker(doc: Doc, view: _DocView, subj: Optional[Token]) -> Optional[dict]:
    if subj is None or view.quote_of[subj.i] != -1 or subj.lower_ in _NOT_SPEAKERS:
        return None
    sp = speaker_from_token(doc, subj)
    if sp is None:
        return None
    if sp.get("name") is None and subj.pos_ == "PRON" and subj.lower_ not in PRONOUNS and subj.lower_ != "it":
        return None  # "it" is a company, an agency or a report in "it said ..."
    return sp


def _record(doc: Doc, span: Tuple[int, int], cue: Tuple[int, int], sp: Optional[dict]) -> dict:
    text = doc_text(doc)
    conf = 0.6 if sp and sp.get("name") else 0.45 if sp else 0.35
    return {"start": span[0], "end": span[1], "kind": "indirect", "cue": text[cue[0]:cue[1]],
            "cue_span": [cue[0], cue[1]], "speaker": sp, "confidence": conf}


def _trim_trailing_attribution(doc: Doc, lo: int, hi: int) -> int:
    """End of a clause before a trailing attribution the parse left inside it ("X promised he
    would resign, a memoir claims": a comma and a reporting verb with a subject and no
    clause or object of its own, at the end), or before a report of its own (", adding ...")."""
    for i in range(lo + 3, hi):
        t = doc[i]
        if t.tag_ == "VBG" and t.lemma_.lower() in REPORTED_VERBS and doc[i - 1].text == "," \
                and t.dep_ in ("advcl", "conj", "xcomp") and not _inference(t):
            return i - 1  # "..., adding / noting ...": a report of its own
    for i in range(hi - 1, lo + 2, -1):
        t = doc[i]
        if t.lemma_.lower() in REPORTED_VERBS and t.pos_ == "VERB" \
                and any(c.dep_ == "nsubj" and c.i < t.i for c in t.children) \
                and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in t.children) \
                and all(doc[k].is_punct or doc[k].head.i == t.i or doc[k].head.head.i == t.i for k in range(t.i + 1, hi)):
            k = t.left_edge.i
            if k > lo and doc[k - 1].text == ",":
                return k - 1
    return hi


def _inference(verb: Token) -> bool:
    """", suggesting that ...": a participle of inference without a subject, hung on a clause
    that is no report ("Prices fell, suggesting that ..."): the facts imply it, no one says it."""
    return verb.tag_ == "VBG" and verb.lemma_.lower() in _INFERENCE_VERBS and verb.dep_ == "advcl" \
        and not any(c.dep_ == "nsubj" for c in verb.children) and verb.head.lemma_.lower() not in REPORTED_VERBS


def _trim_framing_adjunct(doc: Doc, clause: Token, lo: int, hi: int) -> int:
    """End of a clause before a trailing adjunct, set off by a comma, that frames the report
    instead of saying it: one that names another act of speech ("..., following reports that
    ...", "..., with a statement reading ...") or a concession that is a report of its own
    ("..., though she conceded that ...")."""
    for c in clause.children:
        k = c.left_edge.i
        if c.i < clause.i or not lo < k < hi or doc[k - 1].text != ",":
            continue
        if c.dep_ == "prep":
            names_speech = any(t.pos_ == "NOUN" and (t.lemma_.lower() in REPORTED_NOUNS or t.lemma_.lower() in DOCUMENT_NOUNS)
                               for t in c.subtree)
        elif c.dep_ == "advcl":
            names_speech = c.lemma_.lower() in REPORTED_VERBS and any(
                g.dep_ == "mark" and g.lower_ in _CONCESSIVE_MARKS for g in c.children)
        else:
            names_speech = False
        if names_speech:
            return k - 1
    return hi


def _trim_sentential_relative(doc: Doc, lo: int, hi: int) -> int:
    """End of a clause before ", which ..." said of the whole clause rather than of a noun ("they
    are too slow, which is no surprise"): the reporter's comment. The relative clause hangs on an
    adjective or a verb (as a relative or an adverbial clause), not on a noun."""
    for i in range(lo + 2, hi):
        t = doc[i]
        if t.lower_ == "which" and doc[i - 1].text == "," and t.head.dep_ in ("relcl", "advcl") \
                and t.head.head.pos_ in ("ADJ", "VERB", "AUX"):
            return i - 1
    return hi


def _continues_clause(verb: Token, conj: Token) -> bool:
    """A conjoined verb that continues the reported clause rather than the report: no subject
    of its own, a modal of its own ("would", "will"), where the reporting verb has none."""
    return not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in conj.children) \
        and any(g.dep_ == "aux" and g.lower_ in _MODALS for g in conj.children) \
        and not any(g.dep_ == "aux" and g.lower_ in _MODALS for g in verb.children)


def _shares_modal(clause: Token, conj: Token) -> bool:
    """A bare verb conjoined to a clause with a modal, without a subject of its own: the same
    reported clause goes on ("he would take the car and tell her ..."), it is no report of its own."""
    return conj.tag_ == "VB" and not any(g.dep_ in ("nsubj", "nsubjpass", "aux") for g in conj.children) \
        and any(g.dep_ == "aux" and g.lower_ in _MODALS for g in clause.children)


def _trim_new_main_clause(doc: Doc, clause: Token, lo: int, hi: int) -> int:
    """End of a reported clause before a clause of its own that the parse hung on it: after a
    comma, with its own subject and no "and"/"but" ("While X say [the risk is low], Y's decision
    raises doubts"), or after ", so"."""
    for c in clause.children:
        k = c.left_edge.i
        if k > 1 and doc[k - 1].lower_ == "so" and doc[k - 2].text == ",":
            k -= 1
        if c.dep_ != "conj" or c.i < clause.i or not lo < k < hi or doc[k - 1].text != ",":
            continue
        if any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children) \
                and not any(g.dep_ == "cc" and g.lower_ != "so" and clause.i < g.i < c.i for g in clause.children):
            return k - 1  # (", so ...": what the reporter concludes from it)
    return hi


def _made_clear(verb: Token) -> Optional[Tuple[Token, int, int]]:
    """"X made (it) clear that CLAUSE": the clause hangs on the adjective."""
    if verb.lemma_.lower() != "make":
        return None
    for adj in verb.children:
        if adj.dep_ in ("ccomp", "oprd", "xcomp", "acomp") and adj.lower_ in _CLEAR_WORDS:
            # the clause hangs on the adjective ("that" CLAUSE) or, without "that", on the verb
            for c in list(adj.children) + list(verb.children):
                if c.dep_ in ("advcl", "ccomp") and c.i > adj.i and _finite(c) and _subjects(c) \
                        and (c.head.i == verb.i or any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)):
                    return c, c.left_edge.i, c.right_edge.i + 1
    return None


def _verb_reports(doc: Doc, view: _DocView, verb: Token) -> Optional[dict]:
    if view.quote_of[verb.i] != -1 or verb.pos_ not in ("VERB", "AUX"):
        return None
    reporting = verb.lemma_.lower() in REPORTED_VERBS or _evidence_verb(verb)
    if not (reporting or verb.lemma_.lower() == "make") or _hypothetical(verb) or _inference(verb):
        return None
    # (set off by commas inside a clause, the attribution reports what follows it, also when the
    # parse took the words before it for its clause: "X had not, Y added, been told ...")
    found = (_parenthetical_clause(verb) or _clause_of(verb) or _as_report(verb)) if reporting else _made_clear(verb)
    if found is None:
        return None
    clause, lo, hi = found
    if clause.i > verb.i:
        # "..., but that CLAUSE": a second clause of the same report; "X said it was not ..., but
        # would ...": a modal verb without a subject, hung on the past-tense reporting verb, goes on
        # with the reported clause's subject
        for c in verb.children:
            if c.dep_ == "conj" and c.i > hi and (any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                                                  or _continues_clause(verb, c)):
                hi = c.right_edge.i + 1
        hi = _trim_new_main_clause(doc, clause, lo, hi)
    elif hi > verb.i:
        return None  # not a clause before the verb
    for c in clause.children:
        if c.dep_ == "conj" and c.i > clause.i and c.lemma_.lower() in REPORTED_VERBS and not _shares_modal(clause, c) \
                and (any(g.dep_ == "ccomp" for g in c.children) or c.lemma_.lower() in UNASSERTED_REPORTING_VERBS
                     and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)):
            # "... and said CLAUSE", "... and asked for help": a report or a request of its own
            hi = min(hi, c.left_edge.i)
            while hi > lo and doc[hi - 1].pos_ in ("CCONJ", "PUNCT"):
                hi -= 1
    hi = _trim_trailing_attribution(doc, lo, _trim_sentential_relative(doc, lo, _trim_framing_adjunct(doc, clause, lo, hi)))
    if not _quote_mix_ok(view, lo, hi):
        return None
    while hi < len(doc) and doc[hi].is_punct and view.quote_of[hi] != -1 and view.quote_of[hi] == view.quote_of[hi - 1]:
        hi += 1  # the parse left the end of a quoted fragment ('“a disgrace.”') to the verb
    if hi < len(doc) and view.quote_of[hi] != -1 and view.quote_of[hi] == view.quote_of[hi - 1]:
        return None  # a quote that goes on past the clause (a mark never closed)
    if any(c.dep_ == "ccomp" and c.i != clause.i and view.quote_of[c.i] != -1 for c in verb.children):
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
    if _to_say(verb):
        cue = (verb.head.idx, cue[1])  # "went on to say"
    return _record(doc, span, cue, sp)


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
    elif not (lemma in REPORTED_NOUNS or lemma in DOCUMENT_NOUNS):
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
    if not _quote_mix_ok(view, lo, hi) or hi < len(doc) and view.quote_of[hi] != -1 \
            and view.quote_of[hi] == view.quote_of[hi - 1]:
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


def _noun_source(noun: Token) -> Tuple[Optional[Token], int]:
    """Who voices a reporting noun that has no possessive owner, with where its cue begins: the
    agent ("charges by regulators that ..."), a name or group before it ("Labour claims ...",
    "Republican warnings ..."), or the subject of a verb that voices it ("X issued a statement
    that ...", "X has repeated the claim that ..."); else no one."""
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
    return None, noun.idx


# --------------------------------------------------------------------------- according to

def _source_phrase(doc: Doc, tok: Token) -> Optional[Tuple[Token, int, Tuple[int, int]]]:
    """The source, the end of the phrase and the cue of a phrase that frames the sentence as a
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
            return None  # not "in my view" (the writer's), "in view of the costs"
        return owner, noun.right_edge.i + 1, (tok.idx, _end(noun))
    return None


def _according_to(doc: Doc, view: _DocView, tok: Token) -> Optional[dict]:
    """"According to X, CLAUSE" or "CLAUSE, according to X" (also "In X's view, CLAUSE"): the
    rest of the sentence."""
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
    if not any(view.quote_of[i] == -1 and doc[i].pos_ in ("VERB", "AUX")
               and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in doc[i].children) for i in range(lo, hi)):
        return None
    if any(view.quote_of[i] != -1 for i in (lo, hi - 1)):
        return None
    sp = speaker_from_token(doc, source)
    span = _content_span(doc, lo, hi)
    if sp is None or span is None or attrs.in_furniture(doc, span[0], span[1]):
        return None
    return _record(doc, span, cue, sp)


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

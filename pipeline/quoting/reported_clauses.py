"""Reported speech, the reporting verb: whether it reports at all (not hypothetical, negated or
asked about), which clause it reports (after it, before it, around it, framed by "as"), and who
its source is. Used by `reported` (the records) and `reported_spans` (their bounds)."""

from __future__ import annotations

from typing import List, Optional, Tuple

from spacy.tokens import Doc, Token

from .. import wordlists
from ..entities.lexicon import DOCUMENT_NOUNS, PRONOUNS, REPORTED_SPEECH_VERBS
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
# verbs whose subject voices the reporting noun they take as object: "X issued a warning that ..."
_VOICING_VERBS = frozenset({"make", "issue", "publish", "release", "repeat", "voice", "express", "reiterate",
                            "float", "spread", "post", "renew", "level", "air", "give", "offer", "raise",
                            "highlight", "stress", "emphasise", "emphasize", "underline", "cite",
                            "find", "present", "produce"})
# nouns of a concern or a question, reports only when voiced: "X raised concerns that ...",
# "X expressed doubts about whether ..." (not "fears that ... grew")
_VOICED_NOUNS = frozenset({"concern", "fear", "doubt", "question", "worry", "hope", "objection", "fact",
                           "evidence", "sign", "proof", "indication"})
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
        if cur.dep_ == "acl" and cur.i == verb.i and _noun_saying(verb):
            break  # "a message saying ...", "with analysts saying ...": the noun reports it
        if cur.dep_ == "xcomp" and cur.i == verb.i and _said_to(verb) \
                or cur.dep_ == "pcomp" and cur.i == verb.i and _quoted_as(verb):
            cur = cur.head if cur.dep_ == "xcomp" else cur.head.head  # "X is reported to believe", "quoted X as claiming"
            continue
        if cur.dep_ in ("xcomp", "advcl") and cur.i == verb.i and _to_say(verb):
            cur = cur.head  # "X rang to say ...", "X went on to claim ...": X's report, if X's act is real
            continue
        if cur.dep_ in ("amod", "acl", "relcl", "csubj", "xcomp", "pcomp", "pobj", "dobj"):
            return True
        if cur.head.i == cur.i or cur.dep_ not in ("advcl", "conj", "ccomp"):
            break
        cur = cur.head
    sent = verb.sent
    return sent[-1].text == "?" or (sent[0].dep_ == "aux" and sent[0].head.i == verb.i)


def _said_to(verb: Token) -> bool:
    """"X is reported to believe CLAUSE", "X was understood to have argued CLAUSE": a report of X's
    words at second hand, X the passive's subject."""
    head = verb.head
    return head.lemma_.lower() in ("say", "report", "understand") and any(c.dep_ == "auxpass" for c in head.children) \
        and any(c.dep_ == "nsubjpass" for c in head.children)


def _quoted_as(verb: Token) -> bool:
    """"... quoted X as saying CLAUSE": the participle after "as" on a verb of quoting."""
    prep = verb.head
    return verb.tag_ == "VBG" and prep.lower_ == "as" and prep.head.lemma_.lower() == "quote"


def _to_say(verb: Token) -> bool:
    """"to say" after a verb of getting in touch or going on: "X texted to say ...", "X went on to
    claim ...", "X rang to tell her ..." report what X said, where "X wants to say ..." does not."""
    head = verb.head
    lemma = head.lemma_.lower()
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and head.pos_ == "VERB" \
        and (lemma in _CONTACT_VERBS or lemma in ("go", "move") and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children))


def _named_relative(verb: Token) -> bool:
    """A relative clause that reports: its "who" stands for a name ("Jane Doe, who said ..."), its
    "that" for a document ("a verdict that stated ..."), or its subject is a speaker of its own
    ("the shop, where he claimed ...", "a scheme which she argued would ...", "a shop that
    police say was selling ...")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.lower_ == "who":
        return verb.head.pos_ == "PROPN"
    if subj.lower_ in ("that", "which"):
        return verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in DOCUMENT_NOUNS
    # (a belief of a group is no report: "seats most experts thought would ...")
    return subj.lower_ in PRONOUNS or subj.pos_ == "PROPN" \
        or subj.pos_ == "NOUN" and verb.lemma_.lower() not in THOUGHT_VERBS


def _document_saying(verb: Token) -> bool:
    """A document's participle of saying: "a letter saying CLAUSE", "a notice stating CLAUSE"."""
    return verb.tag_ == "VBG" and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in DOCUMENT_NOUNS


def _noun_saying(verb: Token) -> bool:
    """A participle of saying on the noun that says it: a document ("a letter saying"), or any
    noun right before it ("with analysts saying", "a spokesman adding")."""
    return _document_saying(verb) or verb.tag_ == "VBG" and verb.i == verb.head.i + 1 \
        and verb.head.pos_ in ("NOUN", "PROPN")


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
        return _object_clause(verb) or _clause_on_the_medium(verb)
    # a clause across a semicolon is the writer's next claim ("CLAUSE, X said; CLAUSE")
    comps = [c for c in comps if not _across_semicolon(verb, c)]
    if not comps:
        return None
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
    # (after a verb of telling, the object is the hearer unless the clause has no subject of its
    # own and is finite: "warned the guests had better leave")
    if not has_subj and clause.i > verb.i and (lemma not in _HEARER_VERBS or _finite(clause)):
        objs = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i]
        doc = verb.doc
        stray = any(doc[k].dep_ in ("nsubj", "nsubjpass") for k in range(clause.left_edge.i, clause.i))
        if objs and not marks and not stray:
            lo, has_subj = objs[0].left_edge.i, True
    if not has_subj and verb.dep_ == "relcl" and clause.left_edge.i == verb.i + 1 and not marks:
        has_subj = True  # "the costs she says are rising": the noun the relative (left out) stands for
    if not has_subj and not marks:
        return None
    for c in after[1:]:
        if c.left_edge.i <= hi + 1 and c.pos_ in ("VERB", "AUX"):
            hi = c.right_edge.i + 1
    if not after:
        # "S1 but S2, he said", parsed as two clauses of the verb: the report holds both (words in
        # quotation marks are quoted speech, not reported)
        for c in reversed(comps[:-1]):
            if c.pos_ not in ("VERB", "AUX") or any(t.pos_ not in ("CCONJ", "PUNCT")
                                                    for t in verb.doc[c.right_edge.i + 1:lo]) \
                    or any(t.is_quote for t in verb.doc[c.left_edge.i:lo]):
                break
            lo = c.left_edge.i
    return clause, lo, hi


def _across_semicolon(verb: Token, clause: Token) -> bool:
    lo, hi = (verb.i, clause.i) if clause.i > verb.i else (clause.right_edge.i, verb.i)
    return any(t.text == ";" for t in verb.doc[lo:hi])


def _trailing_clause(verb: Token) -> Optional[Tuple[Token, int, int]]:
    """The clause a reporting verb after it reports when the parse hung the verb on the clause's
    root as a clause of its own ("CLAUSE, X said, which ..."): the verb has its subject before it,
    after a comma, and reports nothing else; the content runs from the clause's start to that
    comma."""
    head = verb.head
    doc = verb.doc
    if verb.dep_ != "parataxis" or head.i >= verb.i or head.pos_ not in ("VERB", "AUX") or not _finite(head) \
            or not _subjects(head) or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subj is None:
        return None
    first = subj.left_edge.i
    if first == 0 or doc[first - 1].text != "," or any(t.text == ";" for t in doc[head.i:first]):
        return None
    return head, head.left_edge.i, first - 1


_MEDIUM_PREPS = frozenset({"on", "in", "during", "at", "via", "through"})


def _clause_on_the_medium(verb: Token) -> Optional[Tuple[Token, int, int]]:
    """"said on a live stream that CLAUSE", "wrote on a forum that CLAUSE": the "that" clause
    the parse hung on the noun of the phrase after the verb, with a subject of its own, is the
    verb's report."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i or prep.lower_ not in _MEDIUM_PREPS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() in REPORTED_NOUNS or noun.lemma_.lower() in DOCUMENT_NOUNS:
                continue  # ("said in a note that ...": the note's own report)
            for clause in noun.children:
                that = clause.left_edge
                if clause.dep_ in ("acl", "relcl") and that.lower_ == "that" and that.dep_ == "mark" \
                        and that.i == noun.i + 1 and any(c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i for c in clause.children) \
                        and _finite(clause):
                    return clause, that.i + 1, clause.right_edge.i + 1
    return None


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
    own = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")]
    return own or [g for a in clause.children if a.dep_ in ("aux", "auxpass") and a.i < clause.i
                   for g in a.children if g.dep_ in ("nsubj", "nsubjpass", "expl")]


_EVIDENCE_SUBJECTS = DOCUMENT_NOUNS | _FINDINGS


def _evidence_verb(verb: Token) -> bool:
    """A verb of evidence whose subject is a document or a body of findings: "a poll by X
    indicates CLAUSE", "the data show that CLAUSE", "research shows ..."."""
    if verb.lemma_.lower() not in _EVIDENCE_VERBS:
        return False
    # (the plural as written too: "minutes" is a record, "minute" a unit of time)
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and ({c.lemma_.lower(), c.lower_} & _EVIDENCE_SUBJECTS)
               for c in verb.children)


def _parenthetical_clause(verb: Token) -> Optional[Tuple[Token, int, int]]:
    """The clause a reporting verb set off by commas in the middle of it reports ("At dawn,
    the guards claimed, the prisoner escaped", "The plan, she said, will cost more"): the parse hangs the
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


def _put_it(verb: Token) -> bool:
    """"as X put it": "put" with "it" and "as" reports the clause it frames."""
    return verb.lemma_.lower() == "put" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
        and [c.lower_ for c in verb.children if c.dep_ == "dobj"] == ["it"]


def _as_report(verb: Token) -> Optional[Tuple[Token, int, int]]:
    """The clause an "as" report frames: "As X reported last week, CLAUSE", "CLAUSE, as X said":
    the reporting verb with "as" and nothing reported of its own, hung on the clause's root."""
    head = verb.head
    doc = verb.doc
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
            or any(c.dep_ in ("ccomp", "xcomp", "dobj", "nsubjpass", "auxpass") and not (c.dep_ == "dobj" and _put_it(verb))
                   for c in verb.children) \
            or head.pos_ not in ("VERB", "AUX") or not _finite(head) or not _subjects(head):
        return None
    first, last = verb.left_edge.i, verb.right_edge.i
    if first < head.left_edge.i or first == head.left_edge.i:
        lo = last + 1
        while lo < head.i and doc[lo].is_punct:
            lo += 1
        return head, lo, head.right_edge.i + 1
    end = head.right_edge.i
    while end > last and doc[end].is_punct:
        end -= 1  # (the sentence's closing mark hangs on the clause's root)
    if first > head.i and last >= end and doc[first - 1].text == ",":
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
    if verb.dep_ == "acl" and _noun_saying(verb):
        return verb.head  # "a letter saying ...", "with analysts saying ..."
    subj = _subject_of(verb)
    if subj is not None and subj.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
        subj = verb.head  # "a verdict that stated ...": the relative stands for its noun
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


def _made_clear(verb: Token) -> Optional[Tuple[Token, int, int]]:
    """"X made (it) plain that CLAUSE": the clause hangs on the adjective."""
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



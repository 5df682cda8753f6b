"""Sentence structure for antecedents: sentences, quoted tokens, which subjects can bind a pronoun
(binding principle B), and the gender votes that pronouns give named people."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc, Token

from .. import attrs
from ..quoting.marks import paragraphs_of, scan_quotes
from .lexicon import _SUBJ_DEPS, FEMALE, MALE, doc_text


def _gender_votes(doc: Doc, ments_by_sent: List[List[Tuple[int, int, bool]]],
                  sents: List[Tuple[int, int]], quoted: List[bool]) -> Dict[int, Counter]:
    """Gender votes from he/she/his/her.

    Within a sentence, a pronoun bound by a named subject ("Doe said she ...", "Doe thanked
    her staff") votes for it (weight 2; an object of the subject's own verb never does).
    Across sentences, a pronoun subject votes for the topic: the last named, uncoordinated
    subject of the past three sentences when no other person was mentioned after it (in its
    own sentence, only mentions outside quotes and not subjects are allowed).
    """
    votes: Dict[int, Counter] = defaultdict(Counter)
    mention_toks: Dict[int, int] = {}
    for lst in ments_by_sent:
        for ti, c, _ in lst:
            mention_toks[ti] = c
    topic: Optional[int] = None
    topic_age = 99
    for si, (a, b) in enumerate(sents):
        named = ments_by_sent[si]
        # pronouns of this sentence, before the topic moves
        for i in range(a, b):
            tok = doc[i]
            if quoted[i]:
                continue
            low = tok.lower_
            g = "m" if low in MALE else "f" if low in FEMALE else None
            if g is None or tok.conjuncts:
                continue
            before = [(ti, c, subj) for (ti, c, subj) in named if ti < i]
            cand, weight = None, 0
            if before:
                verbs = _binding_verbs(tok)
                bound = [(ti, c) for (ti, c, subj) in before
                         if subj and not doc[ti].conjuncts and _subject_verb(doc[ti]).i in verbs]
                local = _local_subjects(tok)
                if local:
                    bound = [(ti, c) for ti, c in bound if ti not in local]  # "X approved her": her is not X
                if len({c for _, c in bound}) == 1:
                    ti0 = bound[0][0]
                    # (a name inside the subject's own relative clause or apposition does not come
                    # between: "Doe, who played Roe, said her ...")
                    own = {t.i for t in doc[ti0].subtree}
                    between = {c for (ti, c, _) in named if ti0 < ti < i and c != bound[0][1] and ti not in own}
                    if not between:
                        cand, weight = bound[0][1], 2
            elif tok.dep_ in _SUBJ_DEPS and topic is not None and topic_age <= 3:
                cand, weight = topic, 1
            if cand is not None:
                votes[cand][g] += weight
        # move the topic
        outside = [i for i in range(a, b) if not quoted[i]]
        if not outside:
            continue
        subj_named = [(ti, c) for (ti, c, subj) in named if subj and not doc[ti].conjuncts]
        coord_subj = any(subj and doc[ti].conjuncts for (ti, c, subj) in named)
        inquote_people = any(quoted[i] and doc[i].ent_type_ == "PERSON" for i in range(a, b))
        if subj_named and not coord_subj:
            ti0, c0 = subj_named[0]
            others_after = {c for (ti, c, subj) in named if c != c0 and (subj or ti < ti0)}
            if len({c for _, c in subj_named}) == 1 and not others_after and not inquote_people:
                topic, topic_age = c0, 0
                continue
            topic, topic_age = None, 99
            continue
        if coord_subj or named:
            topic, topic_age = None, 99
            continue
        topic_age += 1
    return votes


def _sentences(doc: Doc) -> List[Tuple[int, int]]:
    """Token ranges of the doc's sentences (one range when no sentence boundaries are set)."""
    if len(doc) == 0:
        return []
    if doc.has_annotation("SENT_START"):
        return [(s.start, s.end) for s in doc.sents]
    return [(0, len(doc))]


def _sent_index(doc: Doc, sents: List[Tuple[int, int]]) -> List[int]:
    out = [0] * len(doc)
    for k, (a, b) in enumerate(sents):
        for i in range(a, b):
            out[i] = k
    return out


def _binding_verbs(tok: Token) -> set:
    """Verbs whose subject can bind the pronoun `tok`: the verb of its own clause, then up
    through complement/adverbial clauses while those have no other subject."""
    out = set()
    cur = tok.head
    for _ in range(4):  # first verb above the pronoun
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
        cur = cur.head
    for _ in range(4):
        out.add(cur.i)
        # a clause with its own (other) subject: its subject is the binder; not one the pronoun
        # owns under a verb with no object to bind it ("Doe said her award was ...", but "Doe told
        # him his conduct was ...": his is him)
        owner = cur.head if cur.head.i != cur.i else None
        free = owner is not None and not any(c.dep_ in ("dobj", "dative") for c in owner.children)
        other = [c for c in cur.children if c.dep_ in _SUBJ_DEPS and c.i != tok.i
                 and not (free and c.left_edge.i <= tok.i <= c.right_edge.i)]
        if other:
            break
        if cur.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "pcomp") or cur.head.i == cur.i:
            break
        cur = cur.head
        for _ in range(3):
            if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
                break
            cur = cur.head
    return out


# prepositions whose object pronoun cannot be the clause's own subject ("X ruled against him");
# locative ones ("X took the kids with her") are left out
_LOCAL_PREPS = frozenset({"to", "for", "about", "against", "from", "at", "toward", "towards", "on", "of"})
_OBJECT_FORMS = frozenset({"him", "her", "them"})


def _local_subjects(tok: Token) -> set:
    """Token indices of the subjects an object pronoun cannot refer to (binding principle B):
    the subject of the clause whose object it is. "Judge Jane Doe ordered him to pay": not Doe.
    Empty for subject, possessive and reflexive pronouns ("Doe raised money for her campaign")."""
    if tok.lower_ not in _OBJECT_FORMS:
        return set()
    dep, head = tok.dep_, tok.head
    verb = None
    if dep in ("dobj", "iobj", "dative", "obj"):
        verb = head
    elif dep in _SUBJ_DEPS and head.dep_ in ("ccomp", "xcomp") and tok.lower_ != "her":
        verb = head.head  # "ordered him to pay": him is the object of "ordered"
    elif dep == "pobj" and head.lower_ in _LOCAL_PREPS and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return set()
    out = set()
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in _SUBJ_DEPS]
        if subj:
            for c in subj:
                out.add(c.i)
                out.update(a.i for a in c.children if a.dep_ == "appos")
            break
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            break
        verb = verb.head  # "X sentenced Y and ordered him": X is the subject of "ordered" too
    return out


def _subject_verb(tok: Token) -> Token:
    """The verb a subject mention belongs to (through compound/appos links)."""
    t = tok
    for _ in range(3):
        if t.dep_ in _SUBJ_DEPS:
            return t.head
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def _is_subject(tok: Token) -> bool:
    t = tok
    for _ in range(3):
        if t.dep_ in _SUBJ_DEPS:
            return True
        if t.dep_ in ("compound", "appos", "flat") and t.head.i != t.i:
            t = t.head
            continue
        return False
    return False



def _quoted_tokens(doc: Doc) -> List[bool]:
    """Per token: inside quotation marks (mentions there are poor antecedents for narration)."""
    flags = [False] * len(doc)
    paras = doc._.get(attrs.PARAGRAPHS) or paragraphs_of(doc_text(doc))
    spans = scan_quotes(doc_text(doc), paras)
    if not spans:
        return flags
    starts: Optional[List[int]] = None
    for q in spans:
        a = q["open"][0]
        b = q["close"][1] if q["close"] else q["end"]
        # tokens starting in [a, b): a char span (binary search) instead of a list of every token's offset
        sp = doc.char_span(a, b, alignment_mode="expand") if a < b else None
        if sp is not None:
            lo, hi = sp.start, sp.end
            if lo < hi and doc[lo].idx < a:
                lo += 1
        else:
            if starts is None:
                starts = [t.idx for t in doc]
            lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        for i in range(lo, hi):
            flags[i] = True
    return flags

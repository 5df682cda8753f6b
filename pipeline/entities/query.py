"""The entity query API: what later stages ask of the people clusters on a Doc (canonical names,
pronoun, role-noun and organization-noun antecedents). Reads only the Doc."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc, Token

from .. import attrs
from .binding import (
    _is_subject,
    _local_subjects,
    _quoted_tokens,
    _sent_index,
    _sentences,
)
from .lexicon import (
    FEMALE,
    MALE,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLURAL,
    PRONOUNS,
    ROLES,
    TITLE_ROLES,
    TITLES,
    _norm_word,
    clean_name_text,
    doc_text,
    split_title,
)

# --------------------------------------------------------------------------- index + helpers

class _Index:
    """Lookups over a doc's clusters, built once per people list."""

    def __init__(self, doc: Doc, people: List[dict]):
        self.people = people
        self.char_starts: List[Tuple[int, int, int]] = []
        self.by_word: Dict[str, List[int]] = defaultdict(list)
        self.tok_cluster: Dict[int, int] = {}
        for ci, c in enumerate(people):
            for a, b in c.get("mentions") or ():
                self.char_starts.append((a, b, ci))
                span = doc.char_span(a, b, alignment_mode="expand")
                if span is not None:
                    for t in span:
                        self.tok_cluster[t.i] = ci
            for w in (c.get("name") or "").split():
                self.by_word[w].append(ci)
        self.char_starts.sort()
        self.mention_starts = [a for a, _, _ in self.char_starts]
        self.max_len = max((b - a for a, b, _ in self.char_starts), default=0)
        self.sents = _sentences(doc)
        self.sent_of = _sent_index(doc, self.sents) if self.sents else []
        self.in_quote = _quoted_tokens(doc)



_CACHE: Dict[int, Tuple[object, object, _Index]] = {}


def _index(doc: Doc) -> Optional[_Index]:
    people = doc._.get(attrs.PEOPLE)
    if not people:
        return None
    key = id(doc)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is doc and hit[1] is people:
        return hit[2]
    idx = _Index(doc, people)
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[key] = (doc, people, idx)
    return idx


def cluster_for(doc: Doc, start: int, end: int) -> Optional[dict]:
    """The cluster for the mention at [start, end) of doc_text(doc), or None."""
    idx = _index(doc)
    if idx is None or start >= end:
        return None
    best = None
    best_ov = 0
    # mentions are short: only those starting shortly before `start` can overlap
    lo = bisect_left(idx.mention_starts, start - idx.max_len)
    hi = bisect_left(idx.mention_starts, end)
    for a, b, ci in idx.char_starts[lo:hi]:
        ov = min(b, end) - max(a, start)
        if ov > best_ov:
            best, best_ov = ci, ov
    if best is not None:
        return idx.people[best]
    # not a recorded mention: match the words (titles and possessives stripped)
    text = clean_name_text(doc_text(doc)[start:end])
    _, words = split_title(text.split())
    if not words:
        return None
    full = " ".join(words)
    for c in idx.people:
        if c["name"] == full:
            return c
    cands = [idx.people[ci] for ci in idx.by_word.get(words[-1], ())]
    persons = [c for c in cands if c["kind"] == "person" and c["name"].split()[-1] == words[-1]]
    if len(persons) == 1:
        return persons[0]
    if len(words) == 1:
        firsts = [c for c in cands if c["kind"] == "person" and c["name"].split()[0] == words[0]]
        if len(firsts) == 1:
            return firsts[0]
    return None


def canonical_name(doc: Doc, start: int, end: int) -> Optional[str]:
    """Canonical (fullest) cluster name for the mention at char offsets [start, end), else None."""
    c = cluster_for(doc, start, end)
    return c["name"] if c else None


def _pronoun_gender(tok: Token) -> Optional[str]:
    low = tok.lower_
    if low in MALE:
        return "m"
    if low in FEMALE:
        return "f"
    if low in PLURAL:
        return "p"
    return None


def _coordinated_names(doc: Doc, idx: _Index, head: Token) -> Optional[str]:
    """'X and Y' where both are clusters -> "X and Y" (canonical names, with a leading honorific)."""
    members = [head] + [t for t in head.conjuncts]
    names = []
    for t in sorted(members, key=lambda t: t.i):
        ci = idx.tok_cluster.get(t.i)
        if ci is None:
            return None
        names.append(_name_with_title(doc, idx, ci, t))
    if len(names) < 2:
        return None
    return ", ".join(names[:-1]) + " and " + names[-1]


def _name_with_title(doc: Doc, idx: _Index, ci: int, tok: Token) -> str:
    c = idx.people[ci]
    for t in c.get("titles") or ():
        words = t.split()
        if words and tuple(_norm_word(w) for w in words) in TITLES:
            return f"{t} {c['name']}"
    return c["name"]


def resolve_pronoun(doc: Doc, token: Token) -> Optional[str]:
    """Canonical name for a he/she/they-type pronoun by gender and recency, else None.

    None also when the pronoun refers back to an unnamed person ("a nurse ... she said");
    ``pronoun_antecedent`` gives that person's words.
    """
    name, _ = pronoun_antecedent(doc, token)
    return name


def pronoun_antecedent(doc: Doc, token: Token, _depth: int = 0) -> Tuple[Optional[str], Optional[Token]]:
    """(canonical name or None, antecedent token or None) for a personal pronoun.

    The token is the antecedent's head word: a name, or a person noun such as "a nurse"
    (then the name is None and the token's noun phrase describes the speaker).
    """
    idx = _index(doc)
    if idx is None or not idx.sents or token.i >= len(idx.sent_of):
        return None, None
    g = _pronoun_gender(token)
    if g is None:
        return None, None
    si = idx.sent_of[token.i]
    skip_quoted = not idx.in_quote[token.i]
    # binding principle B: an object pronoun is not its own clause's subject
    local = _local_subjects(token)
    local_clusters = {idx.tok_cluster[i] for i in local if i in idx.tok_cluster}
    best: Tuple[Optional[str], Optional[Token]] = (None, None)
    best_score = None
    back = -1
    k = si + 1
    while k > 0 and back < 4 and si - k < 12:
        k -= 1
        a, b = idx.sents[k]
        limit = token.i if k == si else b
        if skip_quoted and k != si and all(idx.in_quote[i] for i in range(a, b)):
            continue
        back += 1
        for i in range(a, limit):
            t = doc[i]
            if skip_quoted and idx.in_quote[i]:
                continue
            cand_name = None
            cand_tok = t
            cand_gender = None
            coord = False
            if i in local:
                continue
            ci = idx.tok_cluster.get(i)
            if ci is not None and ci in local_clusters:
                continue
            if ci is not None:
                # count each mention once, at its syntactic head
                h = t.head
                if h.i != i and i < h.i < limit and idx.tok_cluster.get(h.i) == ci:
                    continue
                c = idx.people[ci]
                kind = c["kind"]
                cand_gender = c.get("gender")
                coord = bool(t.conjuncts)
                if g == "p":
                    if coord and (_is_subject(t) or (t.dep_ == "conj" and _is_subject(t.head))):
                        head = t if t.dep_ != "conj" else t.head
                        cand_name = _coordinated_names(doc, idx, head)
                        cand_tok = head
                        coord = False
                    elif kind == "org":
                        cand_name = c["name"]
                    else:
                        continue
                else:
                    if kind != "person":
                        continue
                    cand_name = c["name"]
                if not cand_name:
                    continue
            elif k != si and _depth < 2 and t.lower_ in PRONOUNS and _is_subject(t) and _pronoun_gender(t) == g:
                cand_name, cand_tok = pronoun_antecedent(doc, t, _depth + 1)
                if cand_tok is None:
                    continue
                cand_gender = g if g != "p" else None
            elif g in ("m", "f") and t.pos_ == "NOUN" and t.tag_ == "NN" and _is_subject(t) \
                    and t.lemma_.lower() in PERSON_NOUNS:
                cand_gender = PERSON_NOUNS[t.lemma_.lower()]
                if any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) and t.lower_ in ROLES:
                    named = role_antecedent(doc, t)
                    if named:
                        cand_name = named
            else:
                continue
            if g in ("m", "f"):
                if cand_gender is not None and cand_gender != g:
                    continue
                gpen = 0 if cand_gender == g else 1
            else:
                gpen = 0
            score = 2 * back + (0 if _is_subject(t) else 1) + gpen + (2 if coord else 0)
            key = (score, -i)  # later mentions win ties
            if best_score is None or key < best_score:
                best, best_score = (cand_name, cand_tok), key
        if best_score is not None and best_score[0] <= 2 * back + 1:
            break
    return best


def _title_roles(title: str) -> frozenset:
    """Role nouns a title stands for ("Gov." -> governor), from its last one to three words."""
    words = tuple(_norm_word(w) for w in title.split())
    for n in (3, 2, 1):
        if len(words) >= n and words[-n:] in TITLE_ROLES:
            return TITLE_ROLES[words[-n:]]
    return frozenset()


def org_antecedent(doc: Doc, token: Token) -> Optional[str]:
    """The organization a definite org noun ("the agency", "the company") refers to, else None.

    The most recent organization before the noun whose name ends in that noun wins ("the
    agency" -> "... Protection Agency"), else the most recent organization.
    """
    idx = _index(doc)
    noun = token.lower_
    if idx is None or noun not in ORG_NOUNS:
        return None
    best = None
    for a, b, ci in idx.char_starts:
        if a >= token.idx:
            break
        c = idx.people[ci]
        if c["kind"] != "org":
            continue
        fits = c["name"].lower().split()[-1:] == [noun]
        if fits or best is None or not best[0]:
            best = (fits, c["name"])
    return best[1] if best else None


def cataphoric_antecedent(doc: Doc, token: Token) -> Optional[str]:
    """The person an indefinite role noun in an article's lede stands for, named later.

    Wire ledes hold back the name ("A senior doctor warned that ..." and, a paragraph later,
    "Dr Jane Doe, an emergency consultant, ..."): the first person introduced in the next two
    paragraphs, when one of that person's titles stands for the same role ("Dr" -> doctor).
    Only in the first two paragraphs of the article, only for "a"/"an" + a role or person noun.
    """
    idx = _index(doc)
    noun = token.lemma_.lower()
    if idx is None or noun not in PERSON_NOUNS or not any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
        return None
    paras = doc._.get(attrs.PARAGRAPHS) or []
    if not paras:
        return None
    starts = [int(a) for a, _ in paras]
    k = bisect_right(starts, token.idx) - 1
    if k < 0 or k > 1:
        return None
    limit = int(paras[min(len(paras) - 1, k + 2)][1])
    seen = set()
    for a, b, ci in idx.char_starts:
        if ci in seen:
            continue
        seen.add(ci)
        c = idx.people[ci]
        if a <= token.idx or c["kind"] != "person":
            continue  # someone named before the noun is not introduced later
        if a >= limit:
            break
        for t in c.get("titles") or ():
            if noun in t.lower().split() or noun in _title_roles(t):
                return c["name"]
        return None  # only the first person introduced after the noun
    return None


def role_antecedent(doc: Doc, token: Token) -> Optional[str]:
    """The person a definite role noun ("the congresswoman") refers to, else None."""
    idx = _index(doc)
    if idx is None:
        return None
    role = token.lower_
    if role not in ROLES:
        return None
    g = ROLES[role]
    best = None
    for a, b, ci in idx.char_starts:
        if a >= token.idx:
            break
        c = idx.people[ci]
        if c["kind"] != "person":
            continue
        has_role = any(role in t.lower().split() or role in _title_roles(t) for t in c.get("titles") or ())
        if has_role:
            best = (2, a, c["name"])
        elif g and c.get("gender") == g and (best is None or best[0] < 2):
            best = (1, a, c["name"])
    return best[2] if best else None

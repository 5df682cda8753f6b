"""The entity query API: what later stages ask of the people clusters on a Doc (canonical names,
pronoun, role-noun and organization-noun antecedents). Reads only the Doc."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import Dict, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Token

from .. import attrs
from .binding import (
    _SUBJ_DEPS,
    _is_subject,
    _local_subjects,
    _quoted_tokens,
    _sent_index,
    _sentences,
)
from .lexicon import (
    DOCUMENT_NOUNS,
    FEMALE,
    MALE,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLURAL,
    PRONOUNS,
    ROLES,
    TEAM_WORD,
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
        self.pronoun_memo: Dict[int, Tuple[Optional[str], Optional[Token]]] = {}
        self.memo_upto = 0  # the subject pronouns before this token are in pronoun_memo



_CACHE: Dict[int, Tuple[object, object, _Index]] = {}


# the entity kinds that speak, act and are referred back to (places are only looked up by name)
AGENT_KINDS = frozenset({"person", "org"})


def _index(doc: Doc) -> Optional[_Index]:
    entities = doc._.get(attrs.ENTITIES)
    if not entities:
        return None
    key = id(doc)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is doc and hit[1] is entities:
        return hit[2]
    people = [c for c in entities if c["kind"] in AGENT_KINDS]
    idx = _Index(doc, people) if people else None
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[key] = (doc, entities, idx)
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


def place_named(doc: Doc, name: str) -> Optional[dict]:
    """The place entity whose canonical name is `name`, else None."""
    for c in doc._.get(attrs.ENTITIES) or ():
        if c["kind"] == "place" and c["name"] == name:
            return c
    return None


def place_for(doc: Doc, start: int, end: int) -> Optional[dict]:
    """The place entity with a mention overlapping [start, end), else None."""
    for c in doc._.get(attrs.ENTITIES) or ():
        if c["kind"] == "place" and any(a < end and start < b for a, b in c["mentions"]):
            return c
    return None


FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})


def quote_speaker(doc: Doc, token: Token) -> Optional[str]:
    """Who "I"/"we" is: inside a quote, the name of its speaker (``doc._.claimsift_quotes``);
    elsewhere, or when the speaker is unnamed, None."""
    if token.lower_ not in FIRST_PERSON:
        return None
    for q in doc._.get(attrs.QUOTES) or ():
        if q["start"] <= token.idx < q["end"]:
            return (q["speaker"] or {}).get("name")
    return None


def most_mentioned_person(doc: Doc, outside: Sequence[Tuple[int, int]] = ()) -> Optional[str]:
    """The person the article names most often (the first named on a tie), else None; mentions
    inside the `outside` character spans (an interviewee's own answers) are not counted."""
    best, best_n = None, 0
    for c in doc._.get(attrs.ENTITIES) or ():
        if c["kind"] != "person":
            continue
        n = sum(1 for a, _ in c["mentions"] if not any(s <= a < e for s, e in outside))
        if n > best_n:
            best, best_n = c, n
    return best["name"] if best else None


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


def pronoun_antecedent(doc: Doc, token: Token) -> Tuple[Optional[str], Optional[Token]]:
    """(canonical name or None, antecedent token or None) for a personal pronoun.

    The token is the antecedent's head word: a name, or a person noun such as "a nurse"
    (then the name is None and the token's noun phrase describes the speaker). An earlier
    subject pronoun of the same gender is a candidate standing for its own antecedent: the
    subject pronouns before the token are resolved first, in order, once per doc, so a chain of
    "He said ..." sentences of any length keeps its first antecedent.
    """
    idx = _index(doc)
    if idx is None or not idx.sents or token.i >= len(idx.sent_of) or _pronoun_gender(token) is None:
        return None, None
    memo = idx.pronoun_memo
    if token.i in memo:
        return memo[token.i]
    first = idx.sents[max(0, idx.sent_of[token.i] - 12)][0]
    for i in range(max(first, idx.memo_upto), token.i):
        t = doc[i]
        if i not in memo and t.lower_ in PRONOUNS and _is_subject(t) and _pronoun_gender(t) is not None:
            memo[i] = _antecedent(doc, idx, t)
    idx.memo_upto = max(idx.memo_upto, token.i)
    memo[token.i] = _antecedent(doc, idx, token)
    return memo[token.i]


def _antecedent(doc: Doc, idx: "_Index", token: Token) -> Tuple[Optional[str], Optional[Token]]:
    g = _pronoun_gender(token)
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
            elif i in idx.pronoun_memo and t.lower_ in PRONOUNS and _is_subject(t) and _pronoun_gender(t) == g \
                    and (k != si or not idx.in_quote[i]):
                # a subject pronoun before it, also in its own sentence ("He told X he hoped ..."),
                # stands for its own antecedent
                cand_name, cand_tok = idx.pronoun_memo[i]
                if cand_tok is None:
                    continue
                cand_gender = g if g != "p" else None
            elif g in ("m", "f") and t.pos_ == "NOUN" and t.tag_ == "NN" and _is_subject(t) \
                    and t.lemma_.lower() in PERSON_NOUNS and not _describes_named(idx, t):
                cand_gender = PERSON_NOUNS[t.lemma_.lower()]
                if any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
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


def _describes_named(idx: _Index, noun: Token) -> bool:
    """A person noun in apposition to a name ("Jane Doe, chairman and founder of ..."): the name
    is the candidate, not the noun."""
    head = noun.head if noun.dep_ == "conj" else noun
    return head.dep_ == "appos" and head.head.i in idx.tok_cluster


def _title_roles(title: str) -> frozenset:
    """Role nouns a title stands for ("Gov." -> governor), from its last one to three words."""
    words = tuple(_norm_word(w) for w in title.split())
    for n in (3, 2, 1):
        if len(words) >= n and words[-n:] in TITLE_ROLES:
            return TITLE_ROLES[words[-n:]]
    return frozenset()


def org_antecedent(doc: Doc, token: Token) -> Optional[str]:
    """The organization a definite org noun ("the agency", "the company") refers to, else None
    (`salient_org` at the noun)."""
    if token.lower_ not in ORG_NOUNS:
        return None
    return described_org(token) or salient_org(doc, token.idx, token.lower_)


def described_org(token: Token) -> Optional[str]:
    """An organization noun whose proper modifiers name it ("the Ruritanian government", "the
    Freedonian trade ministry"): the words from the first proper modifier to the noun, else None."""
    mods = [c for c in token.lefts if c.dep_ in ("amod", "compound") and c.text[:1].isupper()
            and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))]
    if not mods:
        return None
    doc = token.doc
    return doc[mods[0].i:token.i + 1].text


def description_antecedent(doc: Doc, token: Token, window: int = 800) -> Optional[str]:
    """The person a definite description by age or nationality stands for ("the 31-year-old
    forward", "the 48-year-old said", "said the American"): the person named last in the
    preceding `window` characters, else None."""
    kids = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids):
        return None
    aged = token.lower_ == "old" or any(c.lower_ == "old" and c.dep_ == "amod" for c in kids)
    national = token.ent_type_ == "NORP" and token.tag_ in ("NNP", "NN") and token.dep_ != "compound"
    if not (aged or national):
        return None
    idx = _index(doc)
    if idx is None:
        return None
    best = None
    for a, b, ci in idx.char_starts[bisect_left(idx.mention_starts, token.idx - window):]:
        if b > token.idx:
            break
        if idx.people[ci]["kind"] == "person":
            best = idx.people[ci]["name"]
    return best


def it_antecedent(doc: Doc, token: Token) -> Optional[str]:
    """The organization "it"/"its" stands for, else None: the organization subject of a verb above
    the pronoun ("X said it would ..."), else the latest organization earlier in its sentence,
    else the salient organization at the sentence's start."""
    if token.dep_ == "expl" or token.lower_ not in ("it", "its", "itself"):
        return None
    cur = token
    for _ in range(6):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ not in ("VERB", "AUX"):
            continue
        for ch in cur.children:
            if ch.dep_ in _SUBJ_DEPS and ch.i < token.i and ch.pos_ in ("PROPN", "NOUN") \
                    and not ch.left_edge.i <= token.i <= ch.right_edge.i:
                name = _org_named_by(doc, ch)
                if name:
                    return name
    sent = token.sent
    # "The statement said ... It said ...": a document that was the last subject speaks again
    name = _document_subject_before(doc, token)
    if name:
        return name
    entities = doc._.get(attrs.ENTITIES) or ()
    same = sorted((a, c["name"]) for c in entities if c["kind"] == "org" for a, b in c["mentions"]
                  if sent.start_char <= a and b <= token.idx)
    if same:
        return fullest_org(doc, same[-1][1])
    return salient_org(doc, sent.start_char, window=1500)


def _document_subject_before(doc: Doc, token: Token) -> Optional[str]:
    """The author of the document noun that is the latest subject in the pronoun's sentence or
    the one before, when the latest subject there is a document noun, else None."""
    start = token.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for t in reversed(doc[start:token.i]):
        if t.dep_ in _SUBJ_DEPS and t.pos_ in ("NOUN", "PROPN", "PRON"):
            return document_source(doc, t) if t.pos_ == "NOUN" else None
    return None


def _org_named_by(doc: Doc, tok: Token) -> Optional[str]:
    """The organization a subject token names: an organization of the index ("Acme", "Acme
    Robotics") or a definite organization noun ("the company")."""
    if tok.pos_ == "PROPN":
        c = cluster_for(doc, tok.idx, tok.idx + len(tok.text))
        return fullest_org(doc, c["name"]) if c is not None and c["kind"] == "org" else None
    if any(ch.dep_ == "det" and ch.lower_ in ("the", "this", "that") for ch in tok.children):
        return org_antecedent(doc, tok)
    return None


def salient_org(doc: Doc, pos: int, noun: Optional[str] = None, window: int = 3000) -> Optional[str]:
    """The organization a definite noun ("the company", "the department") or "it" stands for at
    character `pos`, else None.

    A noun that is a word of a recent organization's or place's name picks the latest such one
    ("the department" -> "X Police Department"); other organization nouns ("the company") pick
    the organization mentioned most often in the preceding `window` characters (ties: the
    latest), leaving out organizations whose name holds another organization noun ("the
    company" is not "X Workers Union").
    """
    rows, starts = _org_place_rows(doc)
    mentions = [(a, name, kind) for a, b, name, kind, _ in rows[bisect_left(starts, pos - window):bisect_left(starts, pos)]
                if b <= pos]
    subject_at = {a for a, _, _, _, subj in rows if subj}
    if noun:
        named = [(a, name) for a, name, _ in mentions if noun in name.lower().split()]
        if named:
            return named[-1][1]
        if noun not in ORG_NOUNS:
            return None
    orgs = [(a, name) for a, name, kind in mentions if kind == "org"]
    if noun:
        orgs = [x for x in orgs if not any(w in ORG_NOUNS and w != noun
                                           for w in x[1].lower().split()[1:])] or orgs
    if not orgs:
        return None
    counts: Dict[str, int] = defaultdict(int)
    last: Dict[str, int] = {}
    for a, name in orgs:
        name = fullest_org(doc, name)
        counts[name] += 3 if a in subject_at else 1  # the one that acts and speaks counts more
        last[name] = a
    return max(counts, key=lambda n: (counts[n], last[n]))


_ROWS: Dict[int, Tuple[object, object, tuple]] = {}


def _org_place_rows(doc: Doc) -> Tuple[List[tuple], List[int]]:
    """(start, end, name, kind, is a subject) for every organization and place mention, sorted,
    with their starts; once per entity index."""
    entities = doc._.get(attrs.ENTITIES) or []
    hit = _ROWS.get(id(doc))
    if hit is not None and hit[0] is doc and hit[1] is entities:
        return hit[2]
    rows = []
    for c in entities:
        if c["kind"] not in ("org", "place"):
            continue
        for a, b in c["mentions"]:
            span = doc.char_span(a, a + 1, alignment_mode="expand")
            rows.append((a, b, c["name"], c["kind"], span is not None and len(span) > 0 and _is_subject(span[0])))
    rows.sort()
    got = (rows, [r[0] for r in rows])
    _ROWS.clear()  # one doc at a time
    _ROWS[id(doc)] = (doc, entities, got)
    return got


def fullest_org(doc: Doc, name: str) -> str:
    """The fullest organization name of the article that starts with `name` and has at most three
    more words ("Acme" -> "Acme Robotics"), else `name`. A place's name extends only to a team or
    company of one plural word ("Lakeport" -> "Lakeport Sharks", not "Lakeport Police Department")."""
    entities = doc._.get(attrs.ENTITIES) or []
    hit = _FULL.get(id(doc))
    if hit is None or hit[0] is not doc or hit[1] is not entities:
        _FULL.clear()  # one doc at a time: no doc outlives its memory zone here
        hit = _FULL[id(doc)] = (doc, entities, {})
    if name not in hit[2]:
        hit[2][name] = _fullest_org(entities, name)
    return hit[2][name]


_FULL: Dict[int, Tuple[object, object, Dict[str, str]]] = {}


def _fullest_org(entities: List[dict], name: str) -> str:
    words = name.split()
    if not words:
        return name
    places = {c["name"] for c in entities if c["kind"] == "place"}
    best, best_n = name, 0
    for c in entities:
        if c["kind"] != "org":
            continue
        full = c["name"].split()
        if not (len(words) < len(full) <= len(words) + 3 and full[:len(words)] == words):
            continue
        extra = full[len(words):]
        if name in places and not (len(extra) == 1 and TEAM_WORD.fullmatch(extra[0])):
            continue
        n = len(c["mentions"])
        if n > best_n or n == best_n and len(c["name"]) > len(best):
            best, best_n = c["name"], n
    return best


def cataphoric_antecedent(doc: Doc, token: Token) -> Optional[str]:
    """The person an indefinite role noun stands for, named right after it.

    Wire ledes hold back the name ("A senior doctor warned that ..." and, a paragraph later,
    "Dr Jane Doe, an emergency consultant, ..."), and so does a quote's attribution ("...,"
    a spokesperson said. Jane Doe, the spokesperson, added ...): the first person introduced
    after the noun, within two paragraphs in the lede and within the next paragraph elsewhere,
    when one of that person's titles stands for the same role ("Dr" -> doctor). Only for
    "a"/"an" + a role or person noun.
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
    if k < 0:
        return None
    # a lede holds the name back for up to two paragraphs; elsewhere the name follows at once,
    # in the same or the next paragraph ("..., a spokesperson said. Jane Doe, the spokesperson ...")
    limit = int(paras[min(len(paras) - 1, k + (2 if k <= 1 else 1))][1])
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
    """The person a definite role or person noun refers to, else None.

    "the congresswoman", "the governor" (for "Gov. X"): the latest person before it holding that
    role, else (role nouns only) the latest person of the role's gender. "the mother-of-two",
    "the spokesman": the latest person before it with that title ("His mother Jane Doe", "Jane
    Doe, a spokesman"). A noun no earlier person holds looks ahead for the first person given that
    title ("X's mother has said ..." and later "His mother Jane Doe").
    """
    idx = _index(doc)
    if idx is None:
        return None
    role = token.lower_ if token.lower_ in ROLES else token.lemma_.lower()
    if role not in ROLES and role not in PERSON_NOUNS or token.tag_ in ("NNS", "NNPS"):
        return None
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in token.children):
        return None  # "a spokesman said": someone new
    g = ROLES.get(role)
    best = None
    later = None
    for a, b, ci in idx.char_starts:
        c = idx.people[ci]
        if c["kind"] != "person":
            continue
        has_role = any(role in t.lower().replace("-", " ").split() or role in _title_roles(t)
                       for t in c.get("titles") or ())
        if a >= token.idx:
            if has_role and later is None:
                later = c["name"]
            continue
        if has_role:
            best = (2, a, c["name"])
        elif g and c.get("gender") == g and (best is None or best[0] < 2):
            best = (1, a, c["name"])
    if best:
        return best[2]
    return later or _member_of_owner(doc, idx, token)


def _member_of_owner(doc: Doc, idx: _Index, token: Token) -> Optional[str]:
    """For a role noun owned by an organization ("the charity's director", "Acme's spokesman"),
    the latest person written as that organization's ("Acme's Jane Doe") or titled with its name
    ("Jane Doe, head of Acme"), else None."""
    owner_tok = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner_tok is None:
        return None
    if owner_tok.pos_ == "PROPN":
        c = cluster_for(doc, owner_tok.idx, owner_tok.idx + len(owner_tok.text))
        owner = c["name"] if c is not None and c["kind"] == "org" else None
    else:
        owner = org_antecedent(doc, owner_tok)
    if not owner:
        return None
    text = doc_text(doc)
    short = {owner, owner.split()[0]}
    best = None
    for a, b, ci in idx.char_starts:
        if a >= token.idx:
            break
        c = idx.people[ci]
        if c["kind"] != "person":
            continue
        before = text[max(0, a - len(owner) - 3):a]
        owned = any(re.search(re.escape(o) + r"['’]s\s+$", before) for o in short)
        titled = any(o in t for t in c.get("titles") or () for o in short)
        if owned or titled:
            best = c["name"]
    return best


_AUTHOR_PREPS = frozenset({"by", "from", "of"})


def document_source(doc: Doc, token: Token, window: int = 3000) -> Optional[str]:
    """The author a document noun speaks for ("the report said", "a statement by X"), else None.

    The noun's own author: "by X"/"from X"/"of X", "X's report", "the X report". Else the author
    of the latest mention of the same noun in the preceding `window` characters that names one,
    by those same links or as the subject of the verb that holds it ("X said in a report",
    "X issued a statement").
    """
    noun = token.lemma_.lower()
    if noun not in DOCUMENT_NOUNS or token.pos_ != "NOUN":
        return None
    name = _own_author(doc, token)
    if name:
        return name
    for t in reversed(doc[:token.i]):
        if t.idx < token.idx - window:
            break
        if t.lemma_.lower() != noun or t.pos_ != "NOUN":
            continue
        name = _own_author(doc, t) or _holder_author(doc, t)
        if name:
            return name
    return None


def _own_author(doc: Doc, noun: Token) -> Optional[str]:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _AUTHOR_PREPS:
            for obj in c.children:
                if obj.dep_ == "pobj":
                    name = _agent_name(doc, obj)
                    if name:
                        return name
        elif c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN":
            name = _agent_name(doc, c)
            if name:
                return name
    return None


def _holder_author(doc: Doc, noun: Token) -> Optional[str]:
    """The subject of the verb a document noun is the object of, or is "in" ("X said in a report")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "agent"):
            subj = c if c.dep_ == "nsubj" else next((g for g in c.children if g.dep_ == "pobj"), None)
            if subj is not None:
                return _agent_name(doc, subj)
    return None


def _agent_name(doc: Doc, tok: Token) -> Optional[str]:
    """The person, organization or place a token names, by its canonical name, else None."""
    c = cluster_for(doc, tok.idx, tok.idx + len(tok.text)) if tok.pos_ in ("PROPN", "NOUN") else None
    if c is not None and tok.text[:1].isupper():
        return fullest_org(doc, c["name"]) if c["kind"] == "org" else c["name"]
    place = place_for(doc, tok.idx, tok.idx + len(tok.text))
    if place is not None:
        return place["name"]
    if any(ch.dep_ == "det" and ch.lower_ in ("the", "this", "that") for ch in tok.children):
        return org_antecedent(doc, tok)
    return None

"""Personal pronouns: the person or group a he/she/they stands for, by gender, recency and
syntax (`pronoun_antecedent`), and the relative a kin noun owned by someone stands for
(`kin_antecedent`: "her son"). Part of the entity query API (`pipeline/entities/query.py`)."""

from __future__ import annotations

from typing import Optional, Tuple

from spacy.tokens import Doc, Token

from .binding import (
    _is_subject,
    _local_subjects,
)
from .index import _Index, _index, cluster_for
from .lexicon import (
    _SUBJ_DEPS,
    ORG_NOUNS,
    FEMALE,
    KIN_NOUNS,
    MALE,
    PERSON_NOUNS,
    PLURAL,
    PRONOUNS,
    REPORTING_VERBS,
    TITLES,
    _norm_word,
)
from .roles import role_antecedent


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
    commanded = _commanded_before(token)
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
            src = False
            if i in local or i in commanded:
                continue
            ci = idx.tok_cluster.get(i)
            if ci is not None and ci in local_clusters:
                continue
            if ci is not None:
                # count each mention once, at its syntactic head
                h = t.head
                if h.i != i and i < h.i < limit and idx.tok_cluster.get(h.i) == ci:
                    continue
                if g != "p" and t.dep_ in ("compound", "amod") and t.head.pos_ == "NOUN" \
                        and idx.tok_cluster.get(t.head.i) != ci:
                    continue  # a name that only qualifies a thing ("the Doe plan") is not a he or she
                c = idx.people[ci]
                kind = c["kind"]
                cand_gender = c.get("gender")
                # coordinated with another name (not with a verb the parse hung on it)
                coord = any(x.pos_ in ("PROPN", "NOUN", "PRON") for x in t.conjuncts)
                if g == "p":
                    if coord and (_is_subject(t) or (t.dep_ == "conj" and _is_subject(t.head))):
                        head = t if t.dep_ != "conj" else t.head
                        cand_name = _coordinated_names(doc, idx, head)
                        cand_tok = head
                        coord = False
                    elif kind == "org":
                        cand_name = c["name"]
                        src = _statement_source(t)
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
            score = 2 * back + (0 if src or _is_subject(t) else 1) + gpen + (2 if coord else 0) \
                + (1 if _reported(t) or _adverbial_subject(t) else 0)
            key = (score, -i)  # later mentions win ties
            if best_score is None or key < best_score:
                best, best_score = (cand_name, cand_tok), key
        if best_score is not None and best_score[0] <= 2 * back + 1:
            break
    return best


def _adverbial_subject(tok: Token) -> bool:
    """`tok` is the subject of an adverbial or relative clause ("Doe was in school when her aunt
    moved in", "Doe, whom the mayor praised, ..."): the main clause's subject is the one a later
    pronoun goes on with."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ in ("advcl", "relcl")


def _reported(tok: Token) -> bool:
    """`tok` stands inside what a reporting verb reports ("Doe said Roe had lost"): a person spoken
    about, less salient for a later pronoun than the one who speaks."""
    t = tok
    for _ in range(8):
        if t.head.i == t.i:
            return False
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in REPORTING_VERBS:
            return True
        t = t.head
    return False


# a subject's verb's complements: what the subject says or does (not its adjuncts, where a name
# can come first: "When Doe arrived, he said ...")
_COMPLEMENT_DEPS = frozenset({"ccomp", "parataxis", "dobj", "xcomp"})


def _commanded_before(token: Token) -> frozenset:
    """Tokens before a subject pronoun inside its own verb's complements, which no name there can
    be the pronoun's antecedent (binding principle C): in "Doe's plan was a failure, he said",
    "he" is not Doe, who is spoken about."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.i == token.i:
        return frozenset()
    out = set()
    verb = token.head
    for child in verb.children:
        if child.i < token.i and (child.dep_ in _COMPLEMENT_DEPS or child.dep_ == "prep" and child.lower_ in (
                "of", "about") and verb.lemma_.lower() in REPORTING_VERBS):
            # ("Of Doe, she said: ...": Doe is spoken about)
            out.update(t.i for t in child.subtree if t.i < token.i)
    return frozenset(out)


_STATEMENT_PATH = frozenset({"appos", "compound", "flat", "pobj", "prep", "poss"})


def _statement_source(tok: Token) -> bool:
    """An organization named inside a reporting verb's subject ("A note from the singer's label
    Acme said ..."): the source of what was said, as good a "they" antecedent as a subject."""
    t = tok
    for _ in range(6):
        if t.dep_ in _SUBJ_DEPS:
            return t.i != tok.i and t.head.lemma_.lower() in REPORTING_VERBS
        if t.dep_ not in _STATEMENT_PATH or t.head.i == t.i:
            return False
        t = t.head
    return False


def _describes_named(idx: _Index, noun: Token) -> bool:
    """A person noun in apposition to a name ("Jane Doe, the firm's chair, ...") or right
    before one: the name is the candidate, not the noun."""
    head = noun.head if noun.dep_ == "conj" else noun
    if head.dep_ == "appos" and head.head.i in idx.tok_cluster:
        return True
    # "Cup winner Jane Doe said", the name parsed apart from the noun before it
    if noun.i + 1 >= len(noun.doc):
        return False
    after = idx.tok_cluster.get(noun.i + 1)
    if after is not None:
        return idx.people[after]["kind"] == "person"
    word = noun.doc[noun.i + 1].text
    return word[:1].isupper() and any(c["kind"] == "person" and c["name"].split()[-1] == word for c in idx.people)


def _owner_person(doc: Doc, token: Token) -> Optional[str]:
    """The canonical name of the person who owns `token` ("her", "Doe's"), else None."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.pos_ == "PRON":
        return resolve_pronoun(doc, owner)
    c = cluster_for(doc, owner.idx, owner.idx + len(owner.text))
    return c["name"] if c is not None and c["kind"] == "person" else None


def kin_antecedent(doc: Doc, token: Token) -> Optional[str]:
    """The named relative a kin noun owned by a named person stands for ("her son", "Doe's
    daughter"): the one other person of the owner's family name, of the noun's gender when it has
    one, else None."""
    noun = token.lemma_.lower()
    idx = _index(doc)
    if idx is None or noun not in KIN_NOUNS:
        return None
    name = _owner_person(doc, token)
    if not name:
        return None
    gender = PERSON_NOUNS.get(noun)
    family = name.split()[-1]
    kin = {c["name"] for c in idx.people if c["kind"] == "person" and c["name"] != name
           and c["name"].split()[-1] == family and (gender is None or c.get("gender") in (gender, None))}
    return kin.pop() if len(kin) == 1 else None


def owned_org(doc: Doc, token: Token) -> Optional[str]:
    """The organization an organization noun owned by a named person stands for: the one of the
    article named after that person ("her foundation" beside "Jane Doe Trust"), else None."""
    if token.lower_ not in ORG_NOUNS and token.lemma_.lower() not in ORG_NOUNS:
        return None
    idx = _index(doc)
    name = _owner_person(doc, token) if idx is not None else None
    if not name:
        return None
    family = name.split()[-1]
    named = {c["name"] for c in idx.people if c["kind"] == "org" and family in c["name"].split()}
    return named.pop() if len(named) == 1 else None

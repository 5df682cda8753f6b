"""Role and description nouns: the person "the governor", "the 48-year-old", "said the American",
"a spokesman" (named just after) or "the charity's director" stands for. Part of the entity query
API (`pipeline/entities/query.py`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Dict, List, Optional

from spacy.tokens import Doc, Token

from .. import attrs
from .binding import _is_subject
from .descriptions import described_person, person_noun
from .index import _Index, _index, cluster_for
from .lexicon import (
    PERSON_NOUNS,
    REPORTING_VERBS,
    ROLES,
    TITLE_ROLES,
    _norm_word,
    doc_text,
)
from .orgs import _prose_paragraphs, org_antecedent


def _title_roles(title: str) -> frozenset:
    """Role nouns a title stands for ("Gov." -> governor), from its last one to three words."""
    words = tuple(_norm_word(w) for w in title.split())
    for n in (3, 2, 1):
        if len(words) >= n and words[-n:] in TITLE_ROLES:
            return TITLE_ROLES[words[-n:]]
    return frozenset()


def description_antecedent(doc: Doc, token: Token, window: int = 800) -> Optional[str]:
    """The person a definite description by age or nationality stands for ("the 31-year-old
    forward", "the 48-year-old said", "said the American"): for a nationality, the last person
    introduced with it ("American Jane Doe"), else the person named last in the preceding
    `window` characters, else None."""
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
    if national:  # a person introduced with that nationality ("the Ruritanian X") anywhere before
        text = doc_text(doc)
        for a, b, ci in idx.char_starts:
            if b > token.idx:
                break
            if idx.people[ci]["kind"] == "person" and re.search(
                    re.escape(token.text) + r"[\s,]+(?:\w+\s+){0,2}$", text[max(0, a - 40):a]):
                best = idx.people[ci]["name"]
        if best:
            return best
    for a, b, ci in idx.char_starts[bisect_left(idx.mention_starts, token.idx - window):]:
        if b > token.idx:
            break
        if idx.people[ci]["kind"] == "person":
            best = idx.people[ci]["name"]
    return best


def cataphoric_antecedent(doc: Doc, token: Token) -> Optional[str]:
    """The person an indefinite role noun stands for, named right after it.

    Wire ledes hold back the name ("A senior doctor warned that ..." and, a paragraph later,
    "Dr Jane Doe, an emergency consultant, ..."), and so does a quote's attribution ("...,"
    a spokesperson said. Jane Doe, the spokesperson, added ...): the first person introduced
    after the noun, within two paragraphs in the lede and within the next paragraph elsewhere,
    when one of that person's titles stands for the same role ("Dr" -> doctor), or when that person
    has no title and speaks in the very next sentence while the noun itself did not ("a talk-show host's
    suggestion"). Only for "a"/"an" + a role or person noun.
    """
    idx = _index(doc)
    noun = token.lemma_.lower()
    if idx is None or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
        return None
    lede = _lede_subject(token)
    if noun not in PERSON_NOUNS and not (lede and person_noun(token)[0]):
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
            if noun in _title_words(t) or noun in _title_roles(t):
                return c["name"]
        if not c.get("titles") and not _is_reporting_subject_noun(token) and _speaks_in_next_sentence(doc, idx, token, a, b):
            return c["name"]  # "a talk-show host's remark ... ¶ Jane Doe said ...": untitled, speaking next
        if lede and not c.get("titles") and _opens_next_paragraph(doc, paras, k, a, b) \
                and _same_age(doc, token, b):
            return c["name"]  # "A 41-year-old baker who ... was charged ... ¶ Jane Doe faces ..."
        return None  # only the first person introduced after the noun
    return None


def _lede_subject(token: Token) -> bool:
    """The token is the subject of the article's first sentence (a wire lede that holds the name
    back): the first sentence of the text, or the first of the first paragraph that ends a
    sentence, after a headline, a byline and a dateline."""
    head = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or not (head.dep_ == "ROOT" or head.dep_ == "ccomp" and (
            head.head.dep_ == "ROOT" and head.head.lemma_.lower() in REPORTING_VERBS)):  # (", officials said")
        return False
    if token.sent.start == 0:
        return True
    doc = token.doc
    paras = doc._.get(attrs.PARAGRAPHS) or []
    k = bisect_right([int(a) for a, _ in paras], token.idx) - 1
    if k < 0 or _prose_paragraphs(doc, paras[:k]) > 0:
        return False
    opening = doc.char_span(int(paras[k][0]), token.sent.start_char, alignment_mode="expand")
    return opening is None or not any(t.pos_ in ("VERB", "AUX") for t in opening)  # (a dateline before it)


_AGE_AFTER = re.compile(r",\s*(\d{1,3})\b")


def _same_age(doc: Doc, token: Token, end: int) -> bool:
    """No age conflict between "a 41-year-old baker" and a name given with another age ("Jane
    Doe, 29,") right after the mention ending at `end`."""
    ages = [n.text for old in token.children if old.lower_ == "old"
            for unit in old.children if unit.lemma_.lower() == "year" for n in unit.children if n.like_num]
    given = _AGE_AFTER.match(doc_text(doc), end)
    return not (ages and given and given.group(1) not in ages)


def _opens_next_paragraph(doc: Doc, paras, k: int, a: int, b: int) -> bool:
    """The mention at [a, b) is the subject of the first sentence of the paragraph after paragraph k."""
    if k + 1 >= len(paras):
        return False
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or not len(span):
        return False
    start = int(paras[k + 1][0])
    return span.root.dep_ in ("nsubj", "nsubjpass") and span.root.sent.start_char <= start + 1 \
        and span.root.sent.end_char > start


def _is_reporting_subject_noun(token: Token) -> bool:
    """A noun that speaks in its own sentence ("a witness said ..."), whom the next speaker need not be."""
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in REPORTING_VERBS


def _speaks_in_next_sentence(doc: Doc, idx: _Index, token: Token, a: int, b: int) -> bool:
    """The mention at [a, b) lies in the sentence right after the token's and is the subject of
    a reporting verb there."""
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or not len(span) or idx.sent_of[span.root.i] != idx.sent_of[token.i] + 1:
        return False
    head = span.root
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in REPORTING_VERBS


def role_antecedent(doc: Doc, token: Token) -> Optional[str]:
    """The person a definite role or person noun refers to, else None.

    "the congresswoman", "the governor" (for "Gov. X"): the latest person before it holding that
    role, else (role nouns only) the latest person of the role's gender. "the mother-of-two",
    "the spokesman": the latest person before it with that title ("His mother Jane Doe", "Jane
    Doe, a spokesman"). A noun no earlier person holds looks ahead for the first person given that
    title ("X's mother has said ..." and later "His mother Jane Doe"). A noun the lists do not
    hold, or an object no one holds the role of ("a picture of the actor"), is a description
    (`descriptions.py`: the most salient fitting person).
    """
    idx = _index(doc)
    if idx is None:
        return None
    role = _hyphenated_role(token) or (token.lower_ if token.lower_ in ROLES else token.lemma_.lower())
    if token.tag_ in ("NNS", "NNPS"):
        return None
    if role not in ROLES and role not in PERSON_NOUNS and not _article_role(idx, role):
        # "the 27-year-old forward" as before; "the reigning titleholder", "the crooner, 41,"
        return description_antecedent(doc, token) or described_person(doc, token)
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in token.children):
        return None  # "a spokesman said": someone new
    g = ROLES.get(role)
    best = None
    later = None
    gendered: Dict[str, int] = {}
    for a, b, ci in idx.char_starts:
        c = idx.people[ci]
        if c["kind"] != "person":
            continue
        has_role = any((role in _title_words(t.replace("-", " ")) or role in _title_words(t)
                        or role in _title_roles(t)) and not _lower_rank(t, token) for t in c.get("titles") or ())
        if a >= token.idx:
            if has_role and later is None:
                later = c["name"]
            continue
        if has_role:
            best = (2, a, c["name"])
        elif g and c.get("gender") == g and (best is None or best[0] < 2):
            best = (1, a, c["name"])
            gendered[c["name"]] = len(c["mentions"])
    if best and best[0] == 1 and _epithet(token):
        # "the award-winning actress": an epithet for the person of that gender the article is
        # about (the one it names most often), not merely the last one named before it
        return max(gendered, key=lambda n: (gendered[n], n == best[2]))
    if best:
        return best[2]
    owned = any(c.dep_ == "poss" for c in token.children)
    if owned:
        return later or _member_of_owner(doc, idx, token)
    if _is_subject(token):
        return later or _recent_actor(doc, idx, token, g, role)
    # an object: "a picture of the actor", the most salient other person
    return later or description_antecedent(doc, token) or described_person(doc, token)


_RANKS = frozenset({"assistant", "deputy", "vice", "associate", "acting", "interim", "under", "former", "ex"})


def _lower_rank(title: str, token: Token) -> bool:
    """A title that ranks its holder apart from the role the noun names: "assistant county
    attorney" is not "the county attorney", "deputy mayor" not "the mayor"."""
    own = {c.lower_ for c in token.children if c.i < token.i}
    return any(w in _RANKS and w not in own for w in re.split(r"[\s-]+", title.lower()))


def _epithet(token: Token) -> bool:
    """A role noun with a describing modifier of its own ("the Oscar-winning actress", "the
    Westside Story singer"), as writers use to name again the person an article is about."""
    return any(c.dep_ in ("amod", "compound", "nmod") and c.i < token.i and c.lower_ not in ("former", "then")
               for c in token.children)


def _hyphenated_role(token: Token) -> Optional[str]:
    """A role written with a hyphen that the tokenizer split ("president-elect", "co-founder"),
    read from the head word back, else None."""
    doc = token.doc
    i = token.i
    while i >= 2 and doc[i - 1].text in ("-", "‐") and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha:
        i -= 2
    return doc[i:token.i + 1].text.lower() if i < token.i else None


def is_person_noun(token: Token) -> bool:
    """A common noun for a person ("spokesman", "actress", "economist", a hyphenated "full-back")."""
    if token.pos_ != "NOUN":
        return False
    word = _hyphenated_role(token)
    return token.lower_ in PERSON_NOUNS or token.lemma_.lower() in PERSON_NOUNS \
        or (word is not None and word in PERSON_NOUNS)


def _article_role(idx: _Index, role: str) -> bool:
    """The article itself gives someone this role as the head of a title ("Jane Doe, the family's
    solicitor", "Councillor-elect Jane Doe"; not "auction" in "Auction spokesman Jane Doe"): the
    noun then stands for a person even if no list has it."""
    return any(_title_words(t)[-1:] == [role] for c in idx.people if c["kind"] == "person" for t in c.get("titles") or ())


_TITLE_PREPS = frozenset({"of", "to", "for", "at", "with", "in", "on", "from", "by"})


def _title_words(title: str) -> List[str]:
    """The lower-cased words of a title that say what its holder is: all of them up to a
    preposition with an article after it ("consultant" of "consultant for the board", "head" of
    "head of the museum"; the board and the museum are not the person)."""
    words = title.lower().split()
    for i, w in enumerate(words[:-1]):
        if w in _TITLE_PREPS and words[i + 1] in ("the", "a", "an"):
            return words[:i]
    return words


def _recent_actor(doc: Doc, idx: _Index, token: Token, gender: Optional[str], role: str = "",
                  window: int = 600) -> Optional[str]:
    """The person a definite role noun that no one is titled with stands for when it is a subject
    ("Jane Doe has said ... ¶ "...", the party leader said"): within `window` characters before
    it, outside quotes and outside what someone is reported to have said, the last person who is
    the subject of a reporting verb, else the last person who is a clause's subject, else None."""
    best = None
    for a, b, ci in idx.char_starts[bisect_left(idx.mention_starts, token.idx - window):]:
        if b > token.idx:
            break
        c = idx.people[ci]
        if c["kind"] != "person" or gender and c.get("gender") and c["gender"] != gender:
            continue
        if any(_lower_rank(t, token) and (role in _title_words(t) or role in _title_roles(t)) for t in c.get("titles") or ()):
            continue  # the deputy is not "the mayor"
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = span.root
        if idx.in_quote[head.i] or not _is_subject(head) or _in_reported_clause(head):
            continue
        verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else head.head.head
        tier = 2 if verb.lemma_.lower() in REPORTING_VERBS and head.dep_ != "nsubjpass" else 1
        if best is None or tier >= best[0]:
            best = (tier, c["name"])
    return best[1] if best else None


def _in_reported_clause(tok: Token) -> bool:
    """The token lies in a clause a reporting verb reports ("Doe said [Roe had failed]")."""
    cur = tok
    for _ in range(12):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_.lower() in REPORTING_VERBS:
            return True
        cur = cur.head
    return False


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

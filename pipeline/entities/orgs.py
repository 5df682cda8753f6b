"""Organizations and documents: what "the agency", "it" or "the company" stands for, an
organization's fullest name, and the author a document speaks for ("the report said"). Part of the
entity query API (`pipeline/entities/query.py`)."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc, Token

from .. import attrs
from .binding import (
    _SUBJ_DEPS,
    _is_subject,
)
from .index import cluster_for, doc_memo, place_for
from .lexicon import (
    DOCUMENT_NOUNS,
    ORG_NOUNS,
    PLACE_WORDS,
    TEAM_WORD,
    common_nouns,
    doc_text,
    name_words,
    names_a_product,
)


def org_antecedent(doc: Doc, token: Token) -> Optional[str]:
    """The organization a definite org noun ("the agency", "the company") refers to, else None
    (`salient_org` at the noun)."""
    if token.lower_ not in ORG_NOUNS:
        return None
    if token.lower_ in _BODY_NOUNS:
        return _body_of(doc, token)
    if token.lower_ in _AUTHORITY_NOUNS:
        return described_org(token) or salient_org(doc, token.idx, token.lower_, named_only=True) or token.lower_
    return described_org(token) or salient_org(doc, token.idx, token.lower_)


# nouns for a public authority: with no organization of that name before it, the noun itself names
# it ("the government said": "government"), never the company the story mentions most
_AUTHORITY_NOUNS = frozenset({"government"})


# organization nouns that name a body of an organization, not the organization itself: "the board"
# of a club speaks as "<club> board"
_BODY_NOUNS = frozenset({"board"})


def _body_of(doc: Doc, token: Token) -> Optional[str]:
    """The body a definite body noun stands for, by its organization's canonical name ("the Acme
    board" -> "Acme Holdings board"): an organization whose own name holds the noun ("the Water
    Board") as it is, else the organization its proper modifiers name, else the salient one."""
    own = salient_org(doc, token.idx, token.lower_)
    if own and token.lower_ in name_words(own):
        return own
    mods = [c for c in token.lefts if c.dep_ in ("amod", "compound") and c.text[:1].isupper() and c.pos_ == "PROPN"]
    owner = None
    if mods:
        c = cluster_for(doc, mods[0].idx, mods[-1].idx + len(mods[-1].text))
        if c is None:  # a short name the model left untagged here: the one organization it names
            words = doc[mods[0].i:token.i].text
            named = [x for x in doc._.get(attrs.ENTITIES) or () if x["kind"] == "org"
                     and (x["name"] == words or words in x["aliases"])]
            c = named[0] if len(named) == 1 else None
        owner = fullest_org(doc, c["name"]) if c is not None and c["kind"] == "org" else doc[mods[0].i:token.i].text
    owner = owner or own
    return f"{owner} {token.lower_}" if owner else None


# nouns for a force that speaks as a body, with or without "the" ("police said"): the body named
# with that word earlier in the article ("the Marlow County Police Department"), else no one
_FORCE_NOUNS = frozenset({"police"})
_FORCE_WINDOW = 3000  # characters looked back for that body


def named_force(doc: Doc, token: Token) -> Optional[str]:
    """The organization "police" (alone or with "the") stands for: the latest organization named in
    the preceding `_FORCE_WINDOW` characters whose name holds the word, else None ("police in
    Eastfield" and "Ruritanian police" say which police they are)."""
    if token.lower_ not in _FORCE_NOUNS or any(c.dep_ != "det" or c.lower_ != "the" for c in token.children):
        return None
    rows, starts = _org_place_rows(doc)
    named = [name for a, b, name, kind, _ in rows[bisect_left(starts, token.idx - _FORCE_WINDOW):bisect_left(starts, token.idx)]
             if b <= token.idx and kind == "org" and token.lower_ in name_words(name)]
    return fullest_org(doc, named[-1]) if named else None


def bare_org_noun(token: Token) -> bool:
    """An organization by its role noun alone, "the company", "the firm" (not "the Tarsa-based
    retailer", whose modifiers may say which): the determiner is its only modifier."""
    return token.pos_ == "NOUN" and token.lower_ in ORG_NOUNS \
        and [c.lower_ for c in token.children if c.i < token.i] in (["the"], ["this"])


def described_org(token: Token) -> Optional[str]:
    """An organization noun whose proper modifiers name it ("the Ruritanian government", "the
    Freedonian trade ministry"): the words from the first proper modifier to the noun, else None."""
    mods = [c for c in token.lefts if c.dep_ in ("amod", "compound") and c.text[:1].isupper()
            and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))]
    if not mods:
        return None
    doc = token.doc
    return doc[mods[0].i:token.i + 1].text


def it_antecedent(doc: Doc, token: Token) -> Optional[str]:
    """The organization "it"/"its" stands for, else None: the organization subject of a verb above
    the pronoun ("X said it would ..."), else the latest organization (or definite organization
    noun) earlier in its sentence, else the salient organization at the sentence's start."""
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
    same = sorted((a, fullest_org(doc, c["name"])) for c in entities if c["kind"] == "org" for a, b in c["mentions"]
                  if sent.start_char <= a and b <= token.idx)
    # a definite organization noun counts as its organization ("wrote to the Acme board, it said")
    same += [(t.idx, name) for t in doc[sent.start:token.i] if t.lower_ in ORG_NOUNS and t.dep_ != "compound"
             and any(ch.dep_ == "det" and ch.lower_ == "the" for ch in t.children) and (name := org_antecedent(doc, t))]
    if same:
        return max(same)[1]
    return salient_org(doc, sent.start_char, window=1500)


def cataphoric_org(doc: Doc, token: Token) -> Optional[str]:
    """The organization an indefinite organization noun in the lede stands for, named right
    after it ("... bonds are safe again, a big ratings firm says. ¶ Acme Ratings upgraded
    ..."): the first organization mentioned after the noun, within the noun's
    paragraph and the next, when it is not mentioned before the noun and is its sentence's subject.
    Only in the first three paragraphs (a headline and the lede), and only for "a"/"an" + the noun
    or "one of the" + nouns."""
    noun = token.lemma_.lower()
    if noun not in ORG_NOUNS:
        return None
    one_of = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "one"
    if not one_of and not _indefinite(token):
        return None
    return _org_named_next(doc, token)


def _indefinite(token: Token) -> bool:
    """The noun has "a" or "an" before it."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)


def _unnamed_document(token: Token) -> bool:
    """A document noun that names no author of its own: with "a"/"an", or a bare plural or mass
    noun with no determiner, owner, name or phrase of its own ("figures show", "research
    suggests")."""
    kids = list(token.children)
    if _indefinite(token):
        return True
    if any(c.dep_ in ("det", "poss") or c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
           or c.dep_ == "prep" and c.i > token.i for c in kids):
        return False
    return token.tag_ == "NNS" or token.tag_ == "NN" and token.lemma_.lower() in _MASS_DOCUMENTS


# document nouns written without an article when no one is named ("research suggests")
_MASS_DOCUMENTS = frozenset({"research", "data", "datum", "evidence", "analysis"})


def _org_named_next(doc: Doc, token: Token) -> Optional[str]:
    """The organization first mentioned after `token` within its paragraph and the next, when it
    is not mentioned before and is its sentence's subject, and `token` is in the first three
    paragraphs (a headline and the lede), else None."""
    paras = doc._.get(attrs.PARAGRAPHS) or []
    k = next((i for i, (a, b) in enumerate(paras) if a <= token.idx < b), None)
    if k is None or k > 2 and _prose_paragraphs(doc, paras[:k]) > 1:
        return None
    limit = int(paras[min(len(paras) - 1, k + 1)][1])
    first = None
    for c in doc._.get(attrs.ENTITIES) or ():
        if c["kind"] in ("org", "person"):
            a = c["mentions"][0][0]
            if token.idx < a < limit and (first is None or a < first[0]):
                first = (a, c)
    if first is None or first[1]["kind"] != "org":
        return None
    span = doc.char_span(first[1]["mentions"][0][0], first[1]["mentions"][0][1], alignment_mode="expand")
    if span is None or not _is_subject(span.root):
        return None
    return fullest_org(doc, first[1]["name"])


def _prose_paragraphs(doc: Doc, paras) -> int:
    """How many of `paras` end a sentence: a date line, a headline or a byline before the lede
    does not."""
    text = doc_text(doc)
    return sum(1 for a, b in paras if text[int(a):int(b)].rstrip()[-1:] in (".", "!", "?", "”", '"', "’", "'"))


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


# the nouns that name a place's kind ("the county" -> "X County")
_PLACE_NOUNS = frozenset(w.lower() for w in PLACE_WORDS)


def salient_org(doc: Doc, pos: int, noun: Optional[str] = None, window: int = 3000,
                named_only: bool = False) -> Optional[str]:
    """The organization a definite noun ("the company", "the department") or "it" stands for at
    character `pos`, else None.

    An organization or place noun that is a word of a recent organization's or place's name
    picks the latest such one ("the department" -> "X Police Department"; not "the world" ->
    "World Bank"); other organization nouns ("the company") pick
    the organization mentioned most often in the preceding `window` characters (ties: the
    latest), leaving out organizations whose name holds another organization noun ("the
    company" is not "X Workers Union"). With `named_only`, only the first kind.
    """
    rows, starts = _org_place_rows(doc)
    mentions = [(a, name, kind) for a, b, name, kind, _ in rows[bisect_left(starts, pos - window):bisect_left(starts, pos)]
                if b <= pos]
    subject_at = {a for a, _, _, _, subj in rows if subj}
    if noun and (noun in ORG_NOUNS or noun in _PLACE_NOUNS):
        named = [(a, name) for a, name, _ in mentions if noun in name_words(name)]
        if named:
            return named[-1][1]
    if noun and noun in ORG_NOUNS:
        # what the article called that ("X, a small separatist group", "X is a small firm")
        described = [(a, name) for a, name in _described_as(doc).get(noun, ()) if pos - window <= a < pos]
        if described:
            return fullest_org(doc, described[-1][1])
    if noun and (noun not in ORG_NOUNS or named_only):
        return None
    orgs = [(a, name) for a, name, kind in mentions if kind == "org"]
    if noun:
        orgs = [x for x in orgs if not any(w in ORG_NOUNS and w != noun
                                           for w in name_words(x[1])[1:])] or orgs
    if not orgs:
        return None
    counts: Dict[str, int] = defaultdict(int)
    last: Dict[str, int] = {}
    for a, name in orgs:
        name = fullest_org(doc, name)
        counts[name] += 3 if a in subject_at else 1  # the one that acts and speaks counts more
        last[name] = a
    return max(counts, key=lambda n: (counts[n], last[n]))


def _acts(tok: Token) -> bool:
    """The mention is the subject of an active verb ("X said", "X cut jobs"), not of a passive one
    ("X is expected to ship"), which things undergo as much as organizations."""
    t = tok
    for _ in range(3):
        if t.dep_ == "nsubj":
            return not any(c.dep_ == "auxpass" for c in t.head.children)
        if t.dep_ in ("appos", "flat") or t.dep_ == "compound" and t.head.pos_ == "PROPN":
            t = t.head  # (not a name qualifying a thing: "its new X technology will ...")
            continue
        return False
    return False


def _described_as(doc: Doc) -> Dict[str, List[Tuple[int, str]]]:
    """Organization nouns the article calls its organizations, each with where and whom, in text
    order: an apposition ("X, a small separatist group,") or a copula ("X is a small firm");
    once per entity index."""
    memo = doc_memo(doc, "described_as")
    if "nouns" in memo:
        return memo["nouns"]
    nouns: Dict[str, List[Tuple[int, str]]] = defaultdict(list)
    rows, _ = _org_place_rows(doc)
    for a, b, name, kind, _ in rows:
        span = doc.char_span(a, b, alignment_mode="expand") if kind == "org" else None
        if span is None or len(span) == 0:
            continue
        root = span.root
        described = [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            described += [c for c in root.head.children if c.dep_ == "attr" and c.i > root.i]
        for noun in described:
            if noun.pos_ == "NOUN" and noun.lower_ in ORG_NOUNS \
                    and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
                nouns[noun.lower_].append((noun.idx, name))
    memo["nouns"] = dict(nouns)
    return memo["nouns"]


def _org_place_rows(doc: Doc) -> Tuple[List[tuple], List[int]]:
    """(start, end, name, kind, acts) for every organization and place mention, sorted,
    with their starts; once per entity index."""
    memo = doc_memo(doc, "org_place_rows")
    if "rows" in memo:
        return memo["rows"]
    rows = []
    for c in doc._.get(attrs.ENTITIES) or []:
        if c["kind"] not in ("org", "place"):
            continue
        for a, b in c["mentions"]:
            span = doc.char_span(a, a + 1, alignment_mode="expand")
            rows.append((a, b, c["name"], c["kind"], span is not None and len(span) > 0 and _acts(span[0])))
    rows.sort()
    memo["rows"] = (rows, [r[0] for r in rows])
    return memo["rows"]


def fullest_org(doc: Doc, name: str) -> str:
    """The fullest organization name of the article that starts with `name` and has at most three
    more words ("Acme" -> "Acme Robotics"), else `name`: not a fuller name the article names
    apart, a product bearing its maker's name ("Acme" beside "Acme Radio"). A place's name extends only to a team or
    company of one plural word ("Lakeport" -> "Lakeport Sharks", not "Lakeport Police Department")."""
    memo = doc_memo(doc, "fullest_org")
    if name not in memo:
        memo[name] = _fullest_org(doc._.get(attrs.ENTITIES) or [], name, common_nouns(doc))
    return memo[name]


def _fullest_org(entities: List[dict], name: str, common: frozenset) -> str:
    words = name.split()
    if not words:
        return name
    if any(c["kind"] == "person" and c["name"] == name for c in entities):
        return name  # a person, not the start of an organization named after them ("X Foundation")
    places = {c["name"] for c in entities if c["kind"] == "place"}
    best, best_n = name, 0
    maker = any(c["kind"] == "org" and c["name"] == name and c["mentions"] for c in entities)
    for c in entities:
        if c["kind"] != "org":
            continue
        full = c["name"].split()
        if not (len(words) < len(full) <= len(words) + 3 and full[:len(words)] == words):
            continue
        extra = full[len(words):]
        if maker and names_a_product(full, common):
            continue  # "Acme" named alone beside "Acme Radio": the maker, not its product
        if name in places and not (len(extra) == 1 and TEAM_WORD.fullmatch(extra[0])):
            continue
        n = len(c["mentions"])
        if n > best_n or n == best_n and len(c["name"]) > len(best):
            best, best_n = c["name"], n
    return best


_AUTHOR_PREPS = frozenset({"by", "from", "of"})


def document_source(doc: Doc, token: Token, window: int = 3000) -> Optional[str]:
    """The author a document noun speaks for ("the report said", "a statement by X"), else None.

    The noun's own author: "by X"/"from X"/"of X", "X's report", "the X report", "a study
    released by X". Else the author
    of the latest mention of the same noun in the preceding `window` characters that names one,
    by those same links or as the subject of the verb that holds it ("X said in a report",
    "X issued a statement"). An indefinite noun ("A letter sent to X said") whose author the lede
    holds back: the author of the next definite mention ("The letter, from Y, says"), or the
    organization the lede names right after it as a subject ("..., a study warns. ¶ The X
    Committee calls for ...").
    """
    noun = token.lemma_.lower()
    if noun not in DOCUMENT_NOUNS or token.pos_ != "NOUN":
        return None
    name = _own_author(doc, token) or (_org_named_next(doc, token) if _unnamed_document(token) else None)
    if name:
        return name
    for t in reversed(doc[:token.i]):
        if t.idx < token.idx - window:
            break
        if t.lemma_.lower() != noun or t.pos_ != "NOUN":
            continue
        name = _own_author(doc, t) or _holder_author(doc, t) or (_org_named_next(doc, t) if _unnamed_document(t) else None)
        if name:
            return name
    if _indefinite(token):
        # "A letter sent to X said ..." and later "The letter, from Y, says": a lede holds the
        # author back; the next mention of the same noun with the definite article names it
        for t in doc[token.i + 1:]:
            if t.idx > token.idx + window:
                break
            if t.lemma_.lower() == noun and t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                name = _own_author(doc, t)
                if name:
                    return name
    return None


# verbs whose "by" agent made the document it modifies
_AUTHORING_VERBS = frozenset({"release", "publish", "issue", "commission", "conduct", "write", "produce",
                              "prepare", "compile", "author", "sign", "send", "file", "submit", "draft"})


def _own_author(doc: Doc, noun: Token) -> Optional[str]:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _AUTHOR_PREPS:
            for obj in c.children:
                if obj.dep_ == "pobj":
                    name = _agent_name(doc, obj)
                    if name:
                        return name
        elif c.dep_ == "prep" and c.lower_ == "in":  # "a report in the Gazette (newspaper)": a publication
            for obj in c.children:
                if obj.dep_ == "pobj":
                    name = _publication(doc, obj)
                    if name:
                        return name
        elif c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN":
            name = _agent_name(doc, c)
            if name:
                return name
        elif c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _AUTHORING_VERBS:
            # "a study released last week by X" (not "a letter obtained by X", "quoted by X")
            for agent in c.children:
                obj = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent.dep_ == "agent" else None
                name = _agent_name(doc, obj) if obj is not None else None
                if name:
                    return name
    return None


def _publication(doc: Doc, tok: Token) -> Optional[str]:
    """The organization a token names, itself or as the proper name before its noun ("the Gazette
    newspaper"), else None (a place or a person is no publication)."""
    names = [tok] + [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    for t in names:
        c = cluster_for(doc, t.idx, t.idx + len(t.text)) if t.pos_ == "PROPN" else None
        if c is not None and c["kind"] == "org":
            return fullest_org(doc, c["name"])
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
    """The person, organization or place a token names, by its canonical name, else None. An
    organization noun named by its apposition or the name it modifies ("the band's label
    Polestar") names that."""
    c = cluster_for(doc, tok.idx, tok.idx + len(tok.text)) if tok.pos_ in ("PROPN", "NOUN") else None
    if c is not None and tok.text[:1].isupper():
        return fullest_org(doc, c["name"]) if c["kind"] == "org" else c["name"]
    if tok.lower_ in ORG_NOUNS:
        for ch in tok.children:
            if ch.dep_ in ("appos", "flat", "npadvmod") and ch.i > tok.i and ch.pos_ == "PROPN":
                c = cluster_for(doc, ch.idx, ch.idx + len(ch.text))
                if c is not None and c["kind"] in ("org", "person"):
                    return fullest_org(doc, c["name"]) if c["kind"] == "org" else c["name"]
    place = place_for(doc, tok.idx, tok.idx + len(tok.text))
    if place is not None:
        return place["name"]
    if any(ch.dep_ == "det" and ch.lower_ in ("the", "this", "that") for ch in tok.children):
        return org_antecedent(doc, tok)
    return None

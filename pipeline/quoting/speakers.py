"""Speaker mapping: from a reporting verb's subject (or any token) to a speaker record with the
canonical name from the entity layer, the mention as written and a title."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Token

from ..entities.lexicon import (
    PRONOUNS,
    REPORTING_VERBS,
    TITLES,
    _norm_word,
    doc_text,
)
from ..entities.query import (
    description_antecedent,
    is_person_noun,
    cataphoric_antecedent,
    cataphoric_org,
    cluster_for,
    document_source,
    it_antecedent,
    kin_antecedent,
    mention_title,
    named_force,
    org_antecedent,
    owned_org,
    place_for,
    place_named,
    resolve_pronoun,
    role_antecedent,
)

# --------------------------------------------------------------------------- doc helpers

class _DocView:
    """Token / sentence / paragraph lookups for one doc, built once (linear)."""

    def __init__(self, doc: Doc, paragraphs: Sequence[Sequence[int]]):
        self.doc = doc
        self.tok_starts = [t.idx for t in doc]
        self.sents: List[Tuple[int, int]] = []
        if len(doc) and doc.has_annotation("SENT_START"):
            self.sents = [(s.start, s.end) for s in doc.sents]
        elif len(doc):
            self.sents = [(0, len(doc))]
        self.sent_of = [0] * len(doc)
        for k, (a, b) in enumerate(self.sents):
            for i in range(a, b):
                self.sent_of[i] = k
        self.paragraphs = [(int(a), int(b)) for a, b in paragraphs]
        self.para_starts = [a for a, _ in self.paragraphs]
        self.has_dep = doc.has_annotation("DEP")
        self.quote_of = [-1] * len(doc)  # token -> quote index (marks included)

    def tok_at(self, char: int) -> int:
        """Index of the token containing or starting after char."""
        i = bisect_right(self.tok_starts, char) - 1
        return max(0, i)

    def toks_in(self, a: int, b: int) -> range:
        """Tokens that start within [a, b)."""
        return range(bisect_left(self.tok_starts, a), bisect_left(self.tok_starts, b))

    def para_of(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)


def _is_cue(tok: Token) -> bool:
    if not (tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ in ("VERB", "AUX") or (
            tok.lower_ in ("says", "said", "told", "tells", "added", "asked", "wrote", "tweeted") and tok.pos_ != "NOUN")):
        return False
    # a passive reporting verb ("I am told", "a deal could be announced") is not said by its subject,
    # a negated or refused one ("X did not reply to messages", "X declined to comment") says
    # nothing
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("decline", "refuse"):
        return False
    return not any(c.dep_ in ("auxpass", "nsubjpass", "neg") for c in tok.children)


# verbs that put a quoted fragment in their subject's mouth: X called the plan "a betrayal",
# X described it as "...", X labeled it "..."
NAMING_CUES = frozenset({"call", "describe", "label", "brand", "characterize", "characterise", "term", "deem",
                         "dub", "hail", "class", "classify"})


# verbs that show or catch someone doing something ("the video shows X saying ...")
SHOWING_VERBS = frozenset({"show", "catch", "hear", "see", "film", "record", "capture", "depict", "overhear",
                           "watch", "picture", "portray", "tape", "photograph"})


def _is_naming_cue(tok: Token) -> bool:
    """A naming verb whose namer is known: active, or passive with its "by" agent ("the plan was
    labelled "a betrayal" by the union")."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in NAMING_CUES \
        and (not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or _passive_agent(tok) is not None)


def _passive_agent(verb: Token) -> Optional[Token]:
    """The "by" agent of a passive verb, also where the parse hangs "by X" on the verb's object or
    complement ("was labelled a "misjudgement" by X"), else None."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    for t in verb.subtree:
        if t.i > verb.i and t.lower_ == "by" and t.dep_ in ("agent", "prep") and getattr(_clause_verb(t), "i", None) == verb.i:
            return next((c for c in t.children if c.dep_ == "pobj"), None)
    return None


def _clause_verb(tok: Token) -> Optional[Token]:
    """The nearest verb above a token."""
    cur = tok.head
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _subject_of(tok: Token, depth: int = 0) -> Optional[Token]:
    """Subject of a cue verb; climbs through "saying"/"quoted as saying"/conjoined verbs. Who
    "X quoted Y as saying" puts the words in the mouth of is Y, the object of "quoted"."""
    if tok.lemma_.lower() == "quote" and (depth or any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)):
        for child in tok.children:
            if child.dep_ == "dobj":
                return child
    agent = _passive_agent(tok) if tok.lemma_.lower() in NAMING_CUES else None
    if agent is not None:
        return agent
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        # a misparse may give a verb several subjects ("CITY, Feb 26 - X announced"): the one
        # nearest before the verb is the subject
        before = [c for c in subjects if c.i < tok.i]
        if len(before) > 1:
            # "Jane Doe of the Acme Institute writes", its employer misread as a second subject:
            # the person named first is who writes
            people = [c for c in before if c.ent_type_ == "PERSON"]
            if people and all(c.ent_type_ in ("ORG", "GPE", "FAC") for c in before if c not in people):
                return people[-1]
        if before:
            return before[-1]
        # after the verb ("said study co-author Jane Doe"): the one that is a name
        named = [c for c in subjects if c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG")]
        return (named or subjects)[0]
    if depth < 3 and tok.head.i != tok.i and (tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "prep", "acl", "ccomp", "pobj")
                                              or tok.dep_ == "advmod" and tok.pos_ == "ADV"):
        # (an adverb on the way up: "even going as far as to call it ...")
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() not in REPORTING_VERBS:
            return None
        if tok.dep_ == "advcl" and tok.tag_ in ("VBZ", "VBD", "VBP") and not depth:
            return None  # a tensed verb has a subject of its own: without one it is a misread noun
        if tok.tag_ == "VBG" and tok.head.lemma_.lower() in SHOWING_VERBS:
            # "The film showed X telling the crowd: ...", "Cameras caught X saying ...": X speaks
            shown = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if shown is not None:
                return shown
        return _subject_of(tok.head, depth + 1)
    return None


_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})


def _np_after(doc: Doc, cue: Token) -> Optional[Token]:
    """The head of a noun phrase right after a cue ("said a truck driver waiting ...",
    "said Jane Doe"), for inversions the parser did not attach as the subject."""
    head = None
    i = cue.i + 1
    while i < len(doc) and i <= cue.i + 8:
        t = doc[i]
        if t.lower_ in PRONOUNS and t.pos_ == "PRON" and head is None:
            return t
        if t.pos_ in _NP_POS or (t.text in ("-", ".") and head is not None and t.whitespace_ == ""):
            if t.pos_ in ("NOUN", "PROPN"):
                head = t
            i += 1
            continue
        break
    if head is not None and head.dep_ in ("nsubj", "nsubjpass") and head.head.i > head.i \
            and (head.head.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in head.head.children)):
        return None  # "said the minister believed ...": the subject of what is reported
    return head


def _name_before(doc: Doc, cue: Token) -> Optional[Token]:
    """A name set off before a cue that lost its subject in the parse: "Jane Doe, then the
    minister's aide, said ..." (the name hung on something else): the last token of a person or
    organization right before the comma that opens an apposition closed by a comma right before
    the cue, the apposition holding no verb."""
    i = cue.i - 1
    if i < 2 or doc[i].text != ",":
        return None
    i -= 1
    while i > 0 and doc[i].text != "," and doc[i].pos_ not in ("VERB", "AUX") and cue.i - i < 16:
        i -= 1
    if i < 1 or doc[i].text != "," or i == cue.i - 2:
        return None
    name = doc[i - 1]
    return name if name.ent_type_ in ("PERSON", "ORG") and name.pos_ == "PROPN" else None


def _person_in_np(doc: Doc, head: Token) -> Optional[Tuple[dict, Token]]:
    """A cluster named by the head of a noun phrase, its compounds or its appositions (or a
    capitalized word right after the noun that the parser hung on it another way)."""
    cands = [head]
    cands += [c for c in head.children if c.dep_ in ("compound", "appos", "flat")
              or c.i == head.i + 1 and c.text[:1].isupper()]  # "the trio Ardent", the name misparsed
    for c in list(cands[1:]):
        cands += [g for g in c.children if g.dep_ in ("compound", "appos", "flat")]
    hits = [(cl, t) for t in cands
            for cl in [cluster_for(doc, t.idx, t.idx + len(t.text)) if _maybe_name(t) else None] if cl is not None]
    if not hits or hits[0][1].i == head.i:
        return hits[0] if hits else None
    # "Acme chief economist Jane Doe": the person, not her employer; "the owner, Acme Oil": what the
    # apposition names; "the Acme spokesman", "the Westside Story actress": a person the name only
    # qualifies, found from the role noun itself
    same = next((h for h in hits if h[0]["kind"] == "person" or h[1].dep_ == "appos"), None)
    if same is not None or is_person_noun(head):
        return same
    return hits[0]


def _maybe_name(t: Token) -> bool:
    return t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "X", "ADJ", "VERB") or t.ent_type_ in ("PERSON", "ORG")


def _mention_span(doc: Doc, cluster: dict, tok: Token) -> Tuple[int, int]:
    for a, b in cluster.get("mentions") or ():
        if a <= tok.idx < b:
            return a, b
    return tok.idx, tok.idx + len(tok.text)


_FIRST_PERSON = frozenset({"i", "we", "me", "us"})


def speaker_from_token(doc: Doc, tok: Token) -> Optional[dict]:
    """Speaker dict for a subject token (a name, pronoun, role noun or description)."""
    low = tok.lower_
    if low in PRONOUNS:
        name = resolve_pronoun(doc, tok)
        return {"name": name, "mention": tok.text, "mention_span": [tok.idx, tok.idx + len(tok.text)], "title": None}
    if low == "it":
        return {"name": it_antecedent(doc, tok), "mention": tok.text, "mention_span": [tok.idx, tok.idx + len(tok.text)],
                "title": None}
    if low in _FIRST_PERSON or tok.pos_ == "PRON" and low not in ("who", "that"):
        if low in ("who", "that", "which"):
            return None
        return {"name": None, "mention": tok.text, "mention_span": [tok.idx, tok.idx + len(tok.text)], "title": None}
    if tok.lower_ in ("who", "that") and tok.head is not None and tok.head.dep_ == "relcl":
        tok = tok.head.head
    conj = [c for c in tok.conjuncts]
    if conj:
        names = []
        mems = sorted([tok] + conj, key=lambda t: t.i)
        for m in mems:
            hit = _person_in_np(doc, m)
            place = place_for(doc, m.idx, m.idx + len(m.text)) if hit is None and m.pos_ == "PROPN" else None
            if hit is None and place is None:
                names = []
                break
            names.append(_name_with_title(hit[0]) if hit is not None else place["name"])  # "X and Ruritania said"
        names = list(dict.fromkeys(names))  # "X & Y said": one organization, not "X and X"
        if len(names) >= 2:
            a = mems[0].left_edge.idx
            last = mems[-1]
            b = last.idx + len(last.text)
            return {"name": ", ".join(names[:-1]) + " and " + names[-1], "mention": doc_text(doc)[a:b],
                    "mention_span": [a, b], "title": None}
    hit = _person_in_np(doc, tok)
    if hit is not None:
        cl, t = hit
        a, b = _mention_span(doc, cl, t)
        title = mention_title(doc, t, a)
        return {"name": cl["name"], "mention": doc_text(doc)[a:b], "mention_span": [a, b], "title": title}
    if tok.pos_ == "PROPN" and tok.tag_ == "NNPS" and tok.ent_type_ == "NORP":
        # a group named by a plural proper noun ("the Federalists said"): named by its name
        a, b = tok.left_edge.idx, tok.idx + len(tok.text)
        return {"name": doc_text(doc)[_name_start(tok):b], "mention": doc_text(doc)[a:b], "mention_span": [a, b],
                "title": None}
    place = place_for(doc, tok.idx, tok.idx + len(tok.text)) if tok.pos_ == "PROPN" else None
    if place is None and tok.pos_ == "PROPN":
        place = place_named(doc, doc[_name_start_i(tok):tok.i + 1].text)  # a mention NER missed
    if place is not None:  # a country or a city speaking for its government ("Rivermouth insisted")
        a, b = _name_start(tok), tok.idx + len(tok.text)
        return {"name": place["name"], "mention": doc_text(doc)[a:b], "mention_span": [a, b], "title": None}
    if tok.pos_ == "NOUN":
        name = document_source(doc, tok)  # "the report said": its author
        if name:
            a, b = tok.left_edge.idx, tok.idx + len(tok.text)
            return {"name": name, "mention": doc_text(doc)[a:b], "mention_span": [a, b], "title": None}
    if tok.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        of = next(c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of")
        a, b = tok.left_edge.idx, of.right_edge.idx + len(of.right_edge.text)
        if b - a <= 80:  # "one of the leading rating agencies says": named right after, or no one
            obj = next((c for c in of.children if c.dep_ == "pobj"), None)
            name = cataphoric_org(doc, obj) if obj is not None else None
            return {"name": name, "mention": doc_text(doc)[a:b], "mention_span": [a, b], "title": None}
    name = named_force(doc, tok)  # "police said": the police force the article names
    if name:
        a, b = tok.left_edge.idx, tok.idx + len(tok.text)  # ("the police")
        return {"name": name, "mention": doc_text(doc)[a:b], "mention_span": [a, b], "title": None}
    if tok.pos_ in ("NOUN", "PROPN") or tok.pos_ == "ADJ" and tok.dep_ == "nsubj" \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        # (an adjective with "the" as a subject heads a description: "said the 20-year-old")
        if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in tok.children):
            name = role_antecedent(doc, tok) or description_antecedent(doc, tok) or owned_org(doc, tok) \
                or org_antecedent(doc, tok) \
                or kin_antecedent(doc, tok) or _owned_group(doc, tok)
            if name:
                a, b = tok.left_edge.idx, tok.idx + len(tok.text)
                return {"name": name, "mention": doc_text(doc)[a:b], "mention_span": [a, b], "title": tok.text}
        a = tok.left_edge.idx
        if tok.pos_ == "NOUN":
            name = cataphoric_antecedent(doc, tok) or cataphoric_org(doc, tok)
            if name:
                b = tok.idx + len(tok.text)
                return {"name": name, "mention": doc_text(doc)[a:b], "mention_span": [a, b], "title": tok.text}
        end_tok = tok
        for child in tok.rights:
            if child.dep_ == "prep" and child.right_edge.i - tok.i <= 8:
                end_tok = child.right_edge
            else:
                break
        b = end_tok.idx + len(end_tok.text)
        mention = doc_text(doc)[a:b]
        if len(mention) > 80:
            a, b = tok.idx, tok.idx + len(tok.text)
            mention = doc_text(doc)[a:b]
        return {"name": None, "mention": mention, "mention_span": [a, b], "title": None}
    return None


def _owned_group(doc: Doc, tok: Token) -> Optional[str]:
    """A body named by its named owner ("Jane Doe's campaign team", "Acme's lawyers"): the owner's
    canonical name with the noun as written. Not a single person ("Doe's lawyer"), who may be
    named elsewhere."""
    owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is None or is_person_noun(tok) and tok.tag_ == "NN":
        return None
    cl = cluster_for(doc, owner.idx, owner.idx + len(owner.text))
    if cl is None or cl["kind"] not in ("person", "org"):
        return None
    start = owner.right_edge.i + 1
    while start < tok.i and doc[start].tag_ == "POS":
        start += 1
    return f"{cl['name']}'s {doc[start:tok.i + 1].text}"


def _name_start_i(tok: Token) -> int:
    """First token of a proper noun's own name: its compound and flat words right before it."""
    i = tok.i
    while i > 0 and tok.doc[i - 1].dep_ in ("compound", "flat") and tok.doc[i - 1].head.i in range(i, tok.i + 1) \
            and tok.doc[i - 1].pos_ == "PROPN":
        i -= 1
    return i


def _name_start(tok: Token) -> int:
    return tok.doc[_name_start_i(tok)].idx


def _name_with_title(cl: dict) -> str:
    for t in cl.get("titles") or ():
        words = t.split()
        if words and tuple(_norm_word(w) for w in words) in TITLES:
            return f"{t} {cl['name']}"
    return cl["name"]

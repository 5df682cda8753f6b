"""The entity index of a Doc and its direct lookups: the cluster or place a mention belongs to,
canonical names, the person an article names most, who "I"/"we" is inside a quote. Reads only the
Doc; `pipeline/entities/query.py` is the API later stages import."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from typing import Dict, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Token

from .. import attrs
from .binding import (
    _quoted_tokens,
    _sent_index,
    _sentences,
)
from .lexicon import (
    clean_name_text,
    doc_text,
    split_title,
)


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


_MEMOS: Dict[str, tuple] = {}


def doc_memo(doc: Doc, name: str) -> dict:
    """The lookups called `name` made on `doc`, kept while the same doc and entity index come in
    (one doc at a time: no doc outlives its memory zone here)."""
    entities = doc._.get(attrs.ENTITIES)
    hit = _MEMOS.get(name)
    if hit is None or hit[0] is not doc or hit[1] is not entities:
        hit = _MEMOS[name] = (doc, entities, {})
    return hit[2]


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

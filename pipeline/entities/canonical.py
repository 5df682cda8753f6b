"""Each cluster's entity record: its final kind (a one-word "person" the article only uses as a
place, or shows employing people, is a place or an organization), its canonical name, gender,
titles and aliases (`build_clusters` calls `_entity_records` last)."""

from __future__ import annotations

from collections import Counter
from typing import List

from spacy.tokens import Doc

from .lexicon import FIRST_NAME_GENDER, PERSON_NOUNS


def _entity_records(doc: Doc, clusters: List[dict]) -> List[dict]:
    """The records of the clusters that kept mentions, ordered by first mention."""
    out = []
    for c in clusters:
        if not c["mentions"]:
            continue
        if c["kind"] == "person" and _only_placed(doc, c):
            c["kind"] = "place"
        elif c["kind"] == "person" and sum(c["gvotes"].values()) <= 1 and _employs(doc, c):
            c["kind"] = "org"
        name = _canonical_form(c["forms"]) if c["kind"] == "person" else _fullest_form(c["forms"])
        gv = c["gvotes"]
        gender = None
        if gv:
            (g1, n1), *rest = gv.most_common()
            n2 = rest[0][1] if rest else 0
            if n1 > n2:
                gender = g1
        elif c["kind"] == "person" and " " in name:
            # weak evidence only when no title or pronoun tells: a first name of one sex
            gender = FIRST_NAME_GENDER.get(name.split()[0])
        titles = []
        for t in c["titles"]:
            if t and t not in titles:
                titles.append(t)
        spans = sorted({(m.start, m.end) for m in c["mentions"]})
        aliases = [f for f, _ in sorted(c["forms"].items(), key=lambda kv: (-kv[1], kv[0])) if f != name]
        out.append({"name": name, "kind": c["kind"], "gender": gender if c["kind"] == "person" else None,
                    "titles": titles, "aliases": aliases, "mentions": [[a, b] for a, b in spans]})
    out.sort(key=lambda c: c["mentions"][0][0])
    return out


_PLACE_PREPS = frozenset({"in", "at", "from", "near", "outside", "inside", "across", "around", "throughout"})


def _only_placed(doc: Doc, c: dict) -> bool:
    """A one-word "person" without a title that the article only ever uses as a place: after "in",
    "at", "from" ... ("in Valdora", "from Valdora") or naming a noun ("the Valdora riots")."""
    if c["titles"] or any(len(m.words) > 1 or m.title for m in c["mentions"]):
        return False
    for m in c["mentions"]:
        tok = doc[m.tok_end - 1]
        if not (tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS
                or tok.dep_ == "compound" and tok.head.pos_ == "NOUN"):
            return False
    return True


_MEMBER_PREPS = frozenset({"of", "at", "for"})


def _employs(doc: Doc, c: dict) -> bool:
    """A one-word "person" without a title that the article shows employing people: naming a
    person noun ("the Zentrix spokesman", "Zentrix engineer Jane Doe") or holding one ("chief
    executive at Zentrix"). An organization the tagger took for a person (the caller lets at most
    one pronoun have been read as its own)."""
    if c["titles"] or any(len(m.words) > 1 or m.title for m in c["mentions"]):
        return False
    for m in c["mentions"]:
        tok = doc[m.tok_end - 1]
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in PERSON_NOUNS:
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ in _MEMBER_PREPS and tok.head.head.pos_ == "NOUN" \
                and tok.head.head.lemma_.lower() in PERSON_NOUNS:
            return True
    return False


def _fullest_form(forms: Counter) -> str:
    """An organization's fullest form: most words, then longest, then most frequent."""
    return max(forms.items(), key=lambda item: (len(item[0].split()), len(item[0]), item[1]))[0]


def _canonical_form(forms: Counter) -> str:
    """The fullest form: most words first among forms seen more than once or the longest 2-3 word form."""
    def key(item):
        form, n = item
        k = len(form.split())
        plausible = 2 <= k <= 3
        return (plausible, min(k, 3), n, len(form))
    return max(forms.items(), key=key)[0]

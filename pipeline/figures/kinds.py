"""The kind of a figure's subject: person, organization or place when it names an entity of the
article, else thing."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from .. import attrs
from ..entities.lexicon import ORG_WORDS_LOWER, _norm_word
from .common import _cached, _ents
from .names import _clean_org


_ENTITY_KINDS = {"person": "person", "org": "organization", "place": "place"}
_LABEL_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
_PLACE_LABELS = frozenset({"GPE", "LOC"})


_LIST_RE = re.compile(r",\s+|\s+and\s+")


def subject_kind(doc: Doc, subject: Optional[str]) -> Optional[str]:
    """person, organization or place when the subject names an entity of the article, else thing.

    A name the entity layer holds as both a place and an organization is the place (a country that
    acts: "Ruritania reported most of the new infections"); a "person" most of whose mentions the
    recognizer calls a place is a place; a name the entity layer does not hold takes the
    recognizer's label for the same words, or is an organization when it ends in a company word
    ("Acme Corp.").
    """
    if not subject:
        return None
    memo = _cached(doc).setdefault("subject_kind", {})
    if subject not in memo:
        kind = _subject_kind(doc, subject)
        parts = _LIST_RE.split(subject)
        if kind == "thing" and len(parts) > 1:  # "Jane Roe and John Doe": both people
            kinds = {_subject_kind(doc, part) for part in parts}
            if len(kinds) == 1:
                kind = kinds.pop()
        memo[subject] = kind
    return memo[subject]


def _subject_kind(doc: Doc, subject: str) -> str:
    memo = _cached(doc)
    if "entities_by_name" not in memo:  # once per doc: the lookups stay linear in the figures
        by_name: dict = {}
        for entity in doc._.get(attrs.ENTITIES) or ():
            by_name.setdefault(entity.get("name"), []).append(entity)
        labels_of: dict = {}
        for ent in _ents(doc):
            labels_of.setdefault(_clean_org(ent.text), set()).add(ent.label_)
        memo["entities_by_name"], memo["labels_by_text"] = by_name, labels_of
    kinds = []
    for entity in memo["entities_by_name"].get(subject, ()):
        kind = _ENTITY_KINDS.get(entity.get("kind"), "thing")
        if kind == "person" and _mostly_labelled(doc, entity, _PLACE_LABELS):
            kind = "place"
        kinds.append(kind)
    if kinds:
        return "place" if "place" in kinds else kinds[0]
    labels = memo["labels_by_text"].get(subject, set())
    for label, kind in _LABEL_KINDS.items():
        if label in labels:
            return kind
    words = subject.split()
    if len(words) > 1 and words[0][:1].isupper() and _norm_word(words[-1]) in ORG_WORDS_LOWER:
        return "organization"  # "Qorvane Labs Inc."
    return "thing"


def _mostly_labelled(doc: Doc, entity: dict, labels: frozenset) -> bool:
    """True when most of the entity's mentions carry one of the recognizer's `labels`."""
    mentions = entity.get("mentions") or ()
    hits = 0
    for a, b in mentions:
        span = doc.char_span(a, b, alignment_mode="expand")
        words = [t for t in span or () if t.text[:1].isalpha()]
        hits += bool(words) and all(t.ent_type_ in labels for t in words)
    return 2 * hits > len(mentions)

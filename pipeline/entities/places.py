"""Places: the GPE and LOC entities of a doc that no person or organization cluster covers, one
entity per name ("the Netherlands" and "Netherlands" are one place)."""

from __future__ import annotations

from bisect import bisect_left
from typing import Dict, List, Sequence, Tuple

from spacy.tokens import Doc

from .lexicon import clean_name_text

PLACE_LABELS = frozenset({"GPE", "LOC"})


def find_places(doc: Doc, taken: Sequence[Tuple[int, int]]) -> List[dict]:
    """Place entities ``{name, kind: "place", gender: None, titles: [], aliases, mentions}``."""
    taken_sorted = sorted(taken)
    text_of = doc.text
    by_key: Dict[str, dict] = {}
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS or "\n" in ent.text:
            continue
        a, b = ent.start_char, ent.end_char
        if ent[0].lower_ == "the" and len(ent) > 1:
            a = ent[1].idx
        text = clean_name_text(text_of[a:b])
        if not text or _overlaps(taken_sorted, a, b):
            continue
        if text_of[a:a + len(text)] == text:  # a possessive or punctuation trimmed off the end
            b = a + len(text)
        place = by_key.setdefault(text.lower(), {"name": text, "kind": "place", "gender": None, "titles": [],
                                                 "aliases": [], "mentions": []})
        place["mentions"].append([a, b])
    return list(by_key.values())


def _overlaps(spans: Sequence[Tuple[int, int]], a: int, b: int) -> bool:
    """[a, b) overlaps one of the sorted spans (mentions are short: look a little way back)."""
    k = bisect_left(spans, (b,))
    for s, e in spans[max(0, k - 8):k]:
        if s < b and a < e:
            return True
    return False

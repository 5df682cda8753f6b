"""A quote's kind: direct (a quoted sentence or clause) or fragment (a few words inside the
reporter's sentence), from what stands before its opening mark and whether it holds a clause
with its own subject."""

from __future__ import annotations

from spacy.tokens import Doc

from ..entities.lexicon import doc_text
from .speakers import _DocView


def _kind(doc: Doc, view: _DocView, q: dict) -> str:
    """direct (a quoted sentence or clause) or fragment (a few words inside the reporter's sentence)."""
    text = doc_text(doc)
    if q["lead"]:
        return "direct"
    j = q["open"][0] - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0 or text[j] in ":,\n.!?…" or text[j] in "”\"'’»":
        return "direct"
    toks = view.toks_in(q["start"], q["end"])
    if not len(toks):
        return "fragment"
    first = doc[toks.start]
    if view.sent_of[toks.start] != view.sent_of[max(0, toks.start - 1)] and first.text[:1].isupper():
        return "direct"
    if view.has_dep:
        for i in toks:
            t = doc[i]
            if view.quote_of[t.head.i] != view.quote_of[i] or t.head.i == t.i:
                if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and q["start"] <= c.idx < q["end"]
                                                     for c in t.children):
                    return "direct"
    return "fragment"

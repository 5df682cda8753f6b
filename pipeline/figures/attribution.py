"""The source of a figure: the speaker of the quote it sits in, or "according to X"."""

from __future__ import annotations

import bisect
from typing import List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Span

from ..components.quantities import Quantity
from .common import _cached, _ents_from_char, _kids, _words_in
from .names import _canonical, entity_name


def _quote_index(doc: Doc, quotes: Sequence[dict]) -> Tuple[list, List[int], List[int]]:
    """Quotes sorted by start with the running maximum of their ends, once per doc."""
    memo = _cached(doc)
    got = memo.get("quote_index")
    if got is None or got[0] is not quotes:
        rows = [(qu["start"], qu["end"], n) for n, qu in enumerate(quotes)]
        rows.sort()
        run, top = [], None
        for _, e, _ in rows:
            top = e if top is None else max(top, e)
            run.append(top)
        got = memo["quote_index"] = (quotes, rows, [r[0] for r in rows], run)
    return got[1], got[2], got[3]


def _attribution(doc: Doc, q: Quantity, sent: Span, quotes: Sequence[dict]) -> Optional[str]:
    rows, starts, run = _quote_index(doc, quotes)
    # the first quote (in the stage's order) that holds the figure: walk back from the last quote
    # starting at or before it while some earlier quote still reaches past its end
    first = None
    j = bisect.bisect_right(starts, q.start) - 1
    while j >= 0 and run[j] >= q.end:
        a, e, n = rows[j]
        if q.end <= e and (first is None or n < first):
            first = n
        j -= 1
    if first is not None:
        sp = quotes[first]["speaker"] or {}
        return sp.get("name") or sp.get("mention") or None
    memo = _cached(doc).setdefault("according", {})
    if sent.start not in memo:
        memo[sent.start] = _according_to(doc, sent)
    return memo[sent.start]


def _according_to(doc: Doc, sent: Span) -> Optional[str]:
    """The source named by "according to X" in a sentence (once per sentence)."""
    for i in _words_in(sent, "according"):
        t = doc[i]
        if t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            to = doc[t.i + 1]
            pobj = next((c for c in _kids(to) if c.dep_ == "pobj"), None)
            if pobj is None and t.i + 2 < len(doc):
                pobj = doc[t.i + 2]
            if pobj is None:
                return None
            n = entity_name(pobj)
            if n:
                return n
            for ent in _ents_from_char(doc, pobj.left_edge.idx):
                if ent.start > pobj.right_edge.i:
                    break
                if ent.label_ in ("ORG", "PERSON", "GPE") and pobj.left_edge.i <= ent.start \
                        and ent.end <= pobj.right_edge.i + 1:
                    return _canonical(doc, ent.start_char, ent.end_char) or ent.text
            words = [w for w in doc[pobj.left_edge.i:min(pobj.right_edge.i + 1, pobj.left_edge.i + 8)]
                     if not w.is_punct]
            return " ".join(w.text for w in words) or None
    return None

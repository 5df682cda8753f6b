"""Word lists, entity labels and the per-doc memo shared by the figure modules."""

from __future__ import annotations

import bisect
from typing import List, Optional, Tuple

from spacy.tokens import Doc, Span, Token

from .. import attrs, wordlists
from ..datelines import story_start
from ..entities.lexicon import REPORTING_VERBS, UNASSERTED_REPORTING_VERBS, is_instrument_code

# Verbs after which the subject holds the smaller share of a pair ("X was losing 44%-56%").
LOSE_VERBS = wordlists.words("claims_lose_verbs.txt")
# "Net income", "the stock": an organization's own numbers, owned by the article's organization.
METRIC_NOUNS = wordlists.words("claims_metric_nouns.txt")
GIVE_VERBS = wordlists.words("claims_give_verbs.txt")
ATTRIBUTION_VERBS = REPORTING_VERBS - UNASSERTED_REPORTING_VERBS
"""Verbs that only attribute the clause they govern: the statement drops them with their source,
and their subject is the source of a figure in that clause, not what it is about."""
# The clause a reporting verb attributes hangs below it by one of these.
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})
IT_PRONOUNS = {"it", "its", "itself"}
NOT_NAME_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "CARDINAL", "QUANTITY", "ORDINAL", "NORP",
                   "LANGUAGE"}
OWNER_PREPS = {"of", "in", "at", "from"}
NAME_LABELS = {"PERSON", "ORG", "GPE"}
ID_LABELS = {"PERSON", "ORG", "PRODUCT", "FAC", "LAW", "WORK_OF_ART", "EVENT", "GPE", "LOC",
             "NORP", "LANGUAGE"}
REL_PRONOUNS = {"who", "that", "which", "whom", "whose"}
PERS_PRONOUNS = {"he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs",
                 "it", "its", "we", "our", "i", "my", "you", "your"}
STOP_AT_THING = True
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
CLIMB_DEPS = {"advcl", "xcomp", "ccomp", "conj", "relcl", "acl", "pcomp", "prep", "pobj",
              "dobj", "attr", "appos", "npadvmod", "advmod", "oprd", "dative", "nmod",
              "compound", "nummod", "quantmod", "amod", "acomp", "agent", "cc", "parataxis",
              "prt", "poss", "case", "dep", "meta", "intj", "punct"}




_CACHE: dict = {"doc": None}


def _cached(doc: Doc) -> dict:
    """Per-doc memo (reset when another doc comes in)."""
    if _CACHE.get("doc") is not doc:
        _CACHE.clear()
        _CACHE["doc"] = doc
    return _CACHE


def _text(doc: Doc) -> str:
    """``doc.text`` once per doc (spaCy joins the tokens again on every access)."""
    memo = _cached(doc)
    if "text" not in memo:
        memo["text"] = doc.text
    return memo["text"]


def _ents(doc: Doc) -> List[Span]:
    """``doc.ents`` once per doc (spaCy rebuilds every Span on each access)."""
    memo = _cached(doc)
    if "ents" not in memo:
        memo["ents"] = list(doc.ents)
    return memo["ents"]


def _ent_index(doc: Doc) -> Tuple[List[int], List[int]]:
    """Token starts and char starts of ``doc.ents`` (sorted, non-overlapping), for bisect."""
    memo = _cached(doc)
    if "ent_starts" not in memo:
        ents = _ents(doc)
        memo["ent_starts"] = [e.start for e in ents]
        memo["ent_cstarts"] = [e.start_char for e in ents]
    return memo["ent_starts"], memo["ent_cstarts"]


def _ent_at(doc: Doc, i: int) -> Optional[Span]:
    """The entity that covers token ``i``, or None (bisect, not a scan of every entity)."""
    starts, _ = _ent_index(doc)
    k = bisect.bisect_right(starts, i) - 1
    if k >= 0:
        ent = _ents(doc)[k]
        if ent.start <= i < ent.end:
            return ent
    return None


def _ents_from_char(doc: Doc, start: int) -> List[Span]:
    """Entities whose start_char >= start, in order (a slice view of the cached list)."""
    _, cstarts = _ent_index(doc)
    return _ents(doc)[bisect.bisect_left(cstarts, start):]


def _kids(tok: Token) -> List[Token]:
    """``tok.children`` once per token (spaCy walks the whole left/right extent on every access,
    which is the sentence for a root)."""
    memo = _cached(tok.doc).setdefault("kids", {})
    got = memo.get(tok.i)
    if got is None:
        got = memo[tok.i] = list(tok.children)
    return got


def _kids_with(tok: Token, deps: frozenset) -> List[Token]:
    """The children of `tok` with one of the dependency labels `deps`, in order, once per token:
    the per-figure walks stay linear when one head has a thousand children."""
    memo = _cached(tok.doc).setdefault("kids_with", {})
    key = (tok.i, deps)
    got = memo.get(key)
    if got is None:
        got = memo[key] = [c for c in _kids(tok) if c.dep_ in deps]
    return got


def _sent_of(tok: Token) -> Span:
    """``tok.sent`` by bisect over the cached sentences (spaCy walks back to the sentence start)."""
    doc = tok.doc
    memo = _cached(doc)
    if "sents" not in memo:
        try:
            memo["sents"] = list(doc.sents)
        except ValueError:
            memo["sents"] = [doc[:]]
        memo["sent_starts"] = [s.start for s in memo["sents"]]
    k = bisect.bisect_right(memo["sent_starts"], tok.i) - 1
    sents = memo["sents"]
    if 0 <= k < len(sents) and sents[k].start <= tok.i < sents[k].end:
        return sents[k]
    return tok.sent


def _in_subtree(tok: Token, root: Token) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i


def _words_in(sent: Span, word: str) -> List[int]:
    """Token indices of a (lowercase) word in a sentence, once per sentence."""
    memo = _cached(sent.doc).setdefault("words_in", {})
    key = (sent.start, word)
    got = memo.get(key)
    if got is None:
        got = memo[key] = [t.i for t in sent if t.lower_ == word]
    return got


def dateline_end(sentence: Span) -> int:
    """Where the text of a sentence begins after the wire dateline that opens it ("CITY, Country
    (Agency) -", in a lede also "CITY The ..."): its start when none does."""
    doc = sentence.doc
    return story_start(doc.text, sentence.start_char, doc._.get(attrs.PARAGRAPHS))


def is_code_token(tok: Token) -> bool:
    """A token of a market data code, written as one word with no space inside (".N225", "AUD=D4",
    which the tokenizer cuts into "AUD", "=", "D4")."""
    doc = tok.doc
    lo = hi = tok.i
    while lo > 0 and not doc[lo - 1].whitespace_ and not doc[lo - 1].is_space:
        lo -= 1
    while hi + 1 < len(doc) and not doc[hi].whitespace_ and not doc[hi + 1].is_space:
        hi += 1
    word = doc[lo:hi + 1].text.rstrip(".,;:")
    return is_instrument_code(word)

"""Titles and gender of the clusters: a mention's title, a role appositive ("Jane Doe, a
councilwoman"), a person noun the name stands beside ("the spokesman, Jane Doe") and the pronouns
bound to its mentions (`build_clusters` calls `_titles_and_gender` once its clusters are made)."""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc, Token

from .binding import _gender_votes, _is_subject, _quoted_tokens, _sent_index, _sentences
from .lexicon import _DIGIT, ORG_NOUNS, PERSON_NOUNS, ROLES, title_gender
from .mentions import _Mention, _pre_title


def _titles_and_gender(doc: Doc, clusters: List[dict]) -> None:
    """Add each cluster's titles and gender votes (in place)."""
    # 5. gender: titles, role appositives, pronouns
    tok_cluster: Dict[int, int] = {}
    for ci, c in enumerate(clusters):
        for m in c["mentions"]:
            for ti in range(m.tok_start, m.tok_end):
                tok_cluster[ti] = ci
            if m.title:
                g = title_gender(m.title.split()[-1:]) or title_gender(m.title.split())
                if g:
                    c["gvotes"][g] += 3
                c["titles"].append(m.title)
            head = _mention_head(doc, m)
            for child in head.children if head is not None else ():
                if child.dep_ == "appos" and child.pos_ == "NOUN" \
                        and not any(_DIGIT.search(t.text) or t.text == "%" for t in child.subtree if t.i <= child.i):
                    g = ROLES.get(child.lower_)
                    if g:
                        c["gvotes"][g] += 1
                    role = _appos_text(doc, child)
                    if role:
                        c["titles"].append(role)
            # the name as the apposition of a person noun: "His mother Jane Doe", "the spokesman, Jane Doe"
            noun = head.head if head is not None and head.dep_ == "appos" else None
            if c["kind"] == "person" and noun is not None and noun.i < head.i and noun.pos_ == "NOUN" \
                    and (noun.lemma_.lower() in PERSON_NOUNS or _introduces(noun)) and noun.lemma_.lower() not in ORG_NOUNS:
                g = PERSON_NOUNS.get(noun.lemma_.lower())
                if g:
                    c["gvotes"][g] += 2
                c["titles"].append(noun.text)
    sents = _sentences(doc)
    ments_by_sent: List[List[Tuple[int, int, bool]]] = [[] for _ in sents]
    if sents:
        quoted = _quoted_tokens(doc)
        sent_of = _sent_index(doc, sents)
        for ci, c in enumerate(clusters):
            if c["kind"] != "person":
                continue
            for m in c["mentions"]:
                head = _mention_head(doc, m)
                if head is not None and not quoted[head.i]:
                    ments_by_sent[sent_of[head.i]].append((head.i, ci, _is_subject(head)))
        for lst in ments_by_sent:
            lst.sort()
        for ci, cnt in _gender_votes(doc, ments_by_sent, sents, quoted).items():
            clusters[ci]["gvotes"].update(cnt)


def _introduces(noun: Token) -> bool:
    """A definite or owned singular noun set before a name by a comma: a role the article gives
    that person ("The family's solicitor, Jane Doe, said"), whether or not a list knows the noun."""
    return noun.tag_ == "NN" and any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
        and noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].text == ","


def _mention_head(doc: Doc, m) -> Optional[Token]:
    if isinstance(m, _Mention):
        a, b = m.tok_start, m.tok_end
    else:
        a, b = m
    if a >= b or b > len(doc):
        return None
    return doc[a:b].root


def _appos_text(doc: Doc, tok: Token) -> str:
    """Role text of an appositive ("a three-term councilwoman from X" -> "three-term councilwoman from X")."""
    left = tok.left_edge.i
    right = tok.right_edge.i + 1
    while left < right and doc[left].pos_ in ("DET", "PUNCT"):
        left += 1
    while right > left and doc[right - 1].is_punct:
        right -= 1
    if right - left > 12 or right <= left:
        right = min(right, tok.i + 1)
    return doc[left:right].text.strip()


def mention_title(doc: Doc, tok: Token, mention_start: int) -> Optional[str]:
    """The title or role written with one mention of a name (`tok` a token of it, the mention
    starting at character `mention_start`): role words right before it ("longtime strategist Dana
    Whitmore"), else an apposition ("Dana Whitmore, a three-term councilwoman"), else None."""
    i = tok.i
    while i > 0 and doc[i - 1].idx >= mention_start:
        i -= 1
    pre = _pre_title(doc, i, tok)
    if pre:
        return pre
    head = tok
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            return _appos_text(doc, child) or None
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        return _appos_text(doc, head.head) or None
    return None

"""Speakers shared between quotes: the paragraphs of one multi-paragraph quote, the quotes of one
paragraph, quoted words another quote repeats, and quoted words inside a reported clause. Used by `attribution.find_quotes`."""

from __future__ import annotations

import re
from typing import Dict, List, Sequence

from spacy.tokens import Doc

from ..entities.lexicon import doc_text


def share_run_speakers(runs: Dict[int, List[int]], attributed: Dict[int, dict], conf: Dict[int, float]) -> None:
    """Multi-paragraph quotes share one speaker."""
    for members in runs.values():
        if len(members) < 2:
            continue
        src = [m for m in members if m in attributed]
        if not src:
            continue
        best = max(src, key=lambda m: conf[m])
        for m in members:
            if m not in attributed:
                attributed[m] = attributed[best]
                conf[m] = min(conf[best], 0.8)


def share_paragraph_speakers(doc: Doc, raw: List[dict], by_para: Dict[int, List[int]],
                             attributed: Dict[int, dict], conf: Dict[int, float], forward: bool = True) -> None:
    """Unattributed quotes take the speaker of the other quotes of their paragraph: of the quote
    before, else of the quote right after (across an empty gap). Without `forward`, a quote that
    opens its paragraph does not take the speaker of a later quote the reporter's words part it
    from ("...." ¶ Y said the peer would be "missed"): the paragraph before may name its speaker."""
    for members in by_para.values():
        for m in members:
            if m in attributed:
                continue
            prev = [x for x in members if x < m and x in attributed]
            nxt = [x for x in members if x > m and x in attributed]
            src = None
            if nxt and gap_is_empty(doc, raw[m], raw[nxt[0]]):
                src = nxt[0]
            elif prev:
                src = prev[-1]
            elif nxt and (forward or not raw[m]["lead"] and not _after_open_lead(raw, members, m, attributed)):
                src = nxt[0]
            if src is not None:
                attributed[m] = attributed[src]
                conf[m] = min(conf[src], 0.75)


def _after_open_lead(raw: List[dict], members: List[int], m: int, attributed: Dict[int, dict]) -> bool:
    """Quote `m` follows its paragraph's opening quote, which has no speaker yet: it goes on with
    that quote, whose speaker the paragraph before may name, not with a later one."""
    first = members[0]
    return first != m and raw[first]["lead"] and first not in attributed


def share_repeated_words(text: str, raw: List[dict], kept: Sequence[int], attributed: Dict[int, dict],
                          conf: Dict[int, float]) -> None:
    """Quoted words with no speaker that another quote repeats word for word (a headline's quote
    the story attributes): the speaker of that quote, when all its attributed repeats agree; and
    a fragment naming no one whose words an earlier direct quote said: that quote's speaker."""
    def words(qi: int) -> str:
        return " ".join(text[raw[qi]["start"]:raw[qi]["end"]].lower().split()).strip(" ,.!?")
    said: Dict[str, List[int]] = {}
    for qi in kept:
        if qi in attributed:
            said.setdefault(words(qi), []).append(qi)
    for qi in kept:
        src = said.get(words(qi)) if qi not in attributed else None
        if src and len({(attributed[m].get("name"), attributed[m].get("mention")) for m in src}) == 1:
            attributed[qi] = attributed[src[0]]
            conf[qi] = min(conf[src[0]], 0.6)
    # a fragment naming no one that echoes words of an earlier quote with a named speaker
    # ("Patience pays," Doe wrote. ... The nod to "patience" ...): that speaker's words
    for qi in kept:
        if raw[qi].get("kind") != "fragment" or (attributed.get(qi) or {}).get("name"):
            continue
        w = words(qi)
        if not w:
            continue
        echo = re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)")
        src = [m for m in kept if m < qi and (attributed.get(m) or {}).get("name") and raw[m].get("kind") == "direct"
               and echo.search(words(m))]
        if src and len({attributed[m]["name"] for m in src}) == 1:
            attributed[qi] = attributed[src[-1]]
            conf[qi] = min(conf[src[-1]], 0.5)


def gap_is_empty(doc: Doc, a: dict, b: dict) -> bool:
    end = a["close"][1] if a["close"] else a["end"]
    return not doc_text(doc)[end:b["open"][0]].strip()


def share_report_speakers(raw: List[dict], kept: List[int], reported: List[dict], attributed: Dict[int, dict],
                          conf: Dict[int, float]) -> None:
    """Quoted words inside a reported clause with no speaker or one from a fallback only (the
    sentence's subject, a noun's owner): the source of the report said them ("The mayor spoke
    amid union claims the plan was “a sham”": the union's words, not the mayor's)."""
    for qi in kept:
        q = raw[qi]
        if q["kind"] != "fragment" or conf.get(qi, 0.0) > 0.5:
            continue
        around = [r for r in reported if r["start"] <= q["start"] and q["end"] <= r["end"] and r["speaker"]]
        if around:
            inner = min(around, key=lambda r: r["end"] - r["start"])  # the innermost report
            attributed[qi], conf[qi] = inner["speaker"], inner["confidence"]

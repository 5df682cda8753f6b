"""Attribution: every quote record of a parsed doc (`find_quotes`): each quoted span's kind and
cue, the titles and scare quotes dropped, then the speakers a quote without a cue takes from runs,
paragraphs, labels and sentences in turn, the confidence of each, the answers of a Q&A layout and
indirect speech. The rules live in `quote_kinds.py` (direct or fragment), `cues.py` (the cue and speaker
around one quote), `context_speakers.py` (a speaker from the quote's context) and `sharing.py`."""

from __future__ import annotations

import re
from typing import Dict, List, Sequence

from spacy.tokens import Doc

from .. import attrs
from ..entities.lexicon import doc_text
from ..entities.query import cluster_for, most_mentioned_person
from .context_speakers import (
    _label_speaker,
    _owner_speaker,
    _prev_paragraph_speaker,
    _prev_sentence_speaker,
    _sentence_subject_speaker,
)
from .cues import _attribute, _cue_in_sentence, _sentence_bounds
from .filters import is_title_or_scare, leads_as_a_title, modifies_a_noun
from .interview import scan_answers
from .quote_kinds import _kind
from .marks import paragraphs_of, scan_quotes
from .reported import find_reported
from .sharing import (
    share_paragraph_speakers,
    share_repeated_words,
    share_report_speakers,
    share_run_speakers,
)
from .speakers import _DocView, _is_cue, _is_naming_cue


def _identified(speaker: dict) -> float:
    """How surely a speaker is identified, as a factor on the attribution's strength: a name in
    the text, a pronoun or a role noun resolved to a name ("she", "the agency", "the singer":
    resolution errs on unseen articles), or a mention that names no one ("the director")."""
    if speaker.get("name") is None:
        return 0.6
    return 1.0 if _names(speaker.get("mention") or "", speaker["name"]) else 0.8


_WORD = re.compile(r"[\w’'-]+")


def _names(mention: str, name: str) -> bool:
    """The mention writes the name or part of it ("Mr Doe" for "Jane Doe"), or an acronym."""
    words = {w.lower() for w in _WORD.findall(mention)}
    return bool(words & {w.lower() for w in _WORD.findall(name)}) or any(w.isupper() and len(w) > 1 for w in _WORD.findall(mention))


def find_quotes(doc: Doc, emit_indirect: bool = True) -> List[dict]:
    """All quote records of a parsed doc (pure apart from reading the people clusters)."""
    text = doc_text(doc)
    if not text or not len(doc):
        return []
    paragraphs = doc._.get(attrs.PARAGRAPHS) or paragraphs_of(text)
    raw = [q for q in scan_quotes(text, paragraphs) if not attrs.in_furniture(doc, q["start"], q["end"])]
    view = _DocView(doc, paragraphs)
    for qi, q in enumerate(raw):
        b = q["close"][1] if q["close"] else q["end"]
        for i in view.toks_in(q["open"][0], b):
            view.quote_of[i] = qi

    found: List[dict] = []
    for qi, q in enumerate(raw):
        q["kind"] = _kind(doc, view, q)
        speaker, cue, strength = _attribute(doc, view, qi, q, raw)
        q["speaker"], q["cue_tok"], q["strength"] = speaker, cue, strength
    # filter titles and scare quotes (needs cue info)
    kept: List[int] = []
    for qi, q in enumerate(raw):
        cue_tok = q["cue_tok"]
        has_cue = cue_tok is not None and q["strength"] >= 0.85 \
            and not (not _is_cue(cue_tok) and _is_naming_cue(cue_tok) and len(text[q["start"]:q["end"]].split()) < 2) \
            or _cue_in_sentence(doc, view, q)
        title = leads_as_a_title if q["lead"] else is_title_or_scare  # a lead quote is a title only as a subject
        if not (title(doc, view, q, has_cue) or modifies_a_noun(doc, view, q)):
            kept.append(qi)
    attributed: Dict[int, dict] = {qi: raw[qi]["speaker"] for qi in kept if raw[qi]["speaker"]}
    conf: Dict[int, float] = {qi: raw[qi]["strength"] for qi in kept if raw[qi]["speaker"]}
    runs: Dict[int, List[int]] = {}
    for qi in kept:
        runs.setdefault(raw[qi]["run"], []).append(qi)
    by_para: Dict[int, List[int]] = {}
    for qi in kept:
        by_para.setdefault(raw[qi]["para"], []).append(qi)
    for _ in range(2):  # a run can take its speaker from a quote of its first paragraph, and back
        share_run_speakers(runs, attributed, conf)
        share_paragraph_speakers(doc, raw, by_para, attributed, conf, forward=False)
    # a paragraph labelled with its speaker, as interviews are laid out ("Jane Doe: ...", "A: ...")
    for qi in kept:
        if qi not in attributed:
            sp = _label_speaker(doc, view, raw[qi]["para"], raw[qi]["open"][0])
            if sp is not None:
                attributed[qi], conf[qi] = sp, 0.7
    # quote-led paragraphs with no cue: the previous paragraph's speaker (then the run again)
    for qi in kept:
        q = raw[qi]
        if qi in attributed:
            continue
        first_in_para = by_para[q["para"]][0]
        if first_in_para != qi and first_in_para not in attributed:
            continue
        if not raw[first_in_para]["lead"]:
            continue
        run_first = runs[q["run"]][0]
        para_idx = raw[run_first]["para"]
        sp, c = _prev_paragraph_speaker(doc, view, para_idx, attributed, by_para, raw)
        if sp is not None:
            for m in set(runs[q["run"]]) | set(by_para[q["para"]]):
                if m not in attributed:
                    attributed[m] = sp
                    conf[m] = c
    # then a paragraph-leading quote may take the speaker of a later quote of its paragraph
    share_paragraph_speakers(doc, raw, by_para, attributed, conf)
    share_run_speakers(runs, attributed, conf)
    # a quote opening a sentence inside a paragraph: the reporting verb of the sentence before
    for qi in kept:
        if qi in attributed or raw[qi]["lead"] or raw[qi]["kind"] != "direct":
            continue
        sp = _prev_sentence_speaker(doc, view, raw[qi])
        if sp is not None:
            for m in [qi] + [x for x in by_para[raw[qi]["para"]] if x > qi]:
                if m not in attributed:
                    attributed[m] = sp
                    conf[m] = 0.6
    # fragments and other embedded quotes: the owner of the noun the words spell out ("X's first
    # plan, “a directory for campuses”", "X's offer of “free repairs”"), else the sentence's subject
    for qi in kept:
        if qi in attributed:
            continue
        sp = _owner_speaker(doc, view, qi, raw[qi])
        if sp is not None:
            attributed[qi] = sp
            conf[qi] = 0.5
    for qi in kept:
        if qi in attributed:
            continue
        q = raw[qi]
        para = view.paragraphs[q["para"]] if q["para"] < len(view.paragraphs) else (q["start"], q["end"])
        lo, hi = _sentence_bounds(view, q["open"][0], q["end"], para)
        sp = _sentence_subject_speaker(doc, view, lo, hi)
        if sp is not None:
            attributed[qi] = sp
            conf[qi] = 0.5

    share_repeated_words(text, raw, kept, attributed, conf)
    reported = find_reported(doc, view) if emit_indirect else []
    share_report_speakers(raw, kept, reported, attributed, conf)

    for qi in kept:
        q = raw[qi]
        sp = attributed.get(qi)
        c = conf.get(qi, 0.35) * _identified(sp) if sp else 0.35
        if not q["closed"]:
            c -= 0.1
        cue = q["cue_tok"]
        found.append({
            "start": q["start"], "end": q["end"], "kind": q["kind"],
            "cue": cue.text if cue is not None else None,
            "cue_span": [cue.idx, cue.idx + len(cue.text)] if cue is not None else None,
            "speaker": sp,
            "confidence": round(max(0.05, min(1.0, c)), 3),
        })
    found.extend(_interview_answers(doc, paragraphs, raw))
    found.extend(reported)
    found.sort(key=lambda r: r["start"])
    return found


def _interview_answers(doc: Doc, paragraphs: Sequence[Sequence[int]], raw: List[dict]) -> List[dict]:
    """The answers of a Q&A article as direct quotes of the interviewee: the person the label
    names ("Doe: ..."), else the person the article names most outside the answers."""
    answers = scan_answers(doc_text(doc), paragraphs)
    if not answers:
        return []
    interviewee = most_mentioned_person(doc, outside=[(a["start"], a["end"]) for a in answers])
    out = []
    for ans in answers:
        if any(q["open"][0] <= ans["start"] and ans["end"] <= q["end"] + 1 for q in raw):
            continue  # a quoted answer: the mark scanner has it
        speaker = None
        label, span = ans["label"], ans["label_span"]
        if label is not None and label.lower() not in ("a", "answer") and span is not None:
            cl = cluster_for(doc, span[0], span[1])
            speaker = {"name": cl["name"] if cl else label, "mention": label, "mention_span": list(span),
                       "title": None}
        elif interviewee is not None:
            speaker = {"name": interviewee, "mention": label, "mention_span": list(span) if span else None,
                       "title": None}
        out.append({"start": ans["start"], "end": ans["end"], "kind": "direct", "cue": None, "cue_span": None,
                    "speaker": speaker, "confidence": 0.7 if speaker else 0.35})
    return out

"""Where an organization's name starts when the entity model cut it short on the left: the first
part of a hyphenated name, a capitalized word compounded into the name, and words joined by "and"
that the acronym in brackets after the name spells."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .lexicon import TITLES, _norm_word, acronym_key, doc_text

_ACRONYM_AFTER = re.compile(r"[ \t]*\([ \t]*(?P<a>[A-Z][A-Za-z&]{1,7})[ \t]*\)")
_DASHES = ("-", "\u2010", "\u2011")


def org_start(doc: Doc, ts: int, te: int) -> int:
    """The first token of the organization named by tokens [ts, te): ts, or earlier where the
    entity model left out

    - the first part of a hyphenated name ("Harbor-" of "Harbor-Vale Police");
    - one untagged capitalized proper noun compounded into the name ("AB" of "AB Pro Weekly");
    - capitalized words and an "and" before it that the acronym in brackets right after the name
      spells with it, and not without them ("Inland Water and Canal Board (IWCB)").
    """
    while ts >= 2 and doc[ts - 1].text in _DASHES and not doc[ts - 1].whitespace_ \
            and not doc[ts - 2].whitespace_ and doc[ts - 2].is_alpha and doc[ts - 2].text[:1].isupper():
        ts -= 2
    if ts > 0:
        p = doc[ts - 1]
        if p.pos_ == "PROPN" and p.text[:1].isupper() and not p.ent_type_ and p.dep_ == "compound" \
                and ts <= p.head.i < te and not p.is_sent_start and (_norm_word(p.text),) not in TITLES:
            ts -= 1
    m = _ACRONYM_AFTER.match(doc_text(doc), doc[te - 1].idx + len(doc[te - 1].text))
    if m:
        spelled = m.group("a").lower().replace("&", "")
        name = doc[ts:te].text.lower()
        if acronym_key(name) != spelled:
            k = ts
            while k > 0 and ts - k < 6 and (doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha
                                            or doc[k - 1].lower_ in ("and", "&")) \
                    and doc[k - 1].ent_type_ in ("", "ORG"):
                k -= 1
                if doc[k].text[:1].isupper() and acronym_key(doc[k:te].text.lower()) == spelled:
                    return k
    return ts

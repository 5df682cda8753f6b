"""An organization's other names joined to its cluster: a shortened name, a first word cut short,
the head word before "of", an acronym, a full form written without an entity over it, and its
first word used alone (`build_clusters` calls these on its organization clusters)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Dict, Iterable, List

from spacy.tokens import Doc

from .canonical import _fullest_form
from .lexicon import (
    CORPORATE_ENDINGS,
    ORG_NOUNS,
    ORG_WORDS_LOWER,
    PLACE_WORDS,
    TEAM_WORD,
    _norm_word,
    acronym_key,
    common_nouns,
    doc_text,
    names_a_product,
)
from .mentions import _Mention


def _merge_acronyms(org_clusters: Dict[str, dict]) -> None:
    """An acronym joins the organization it abbreviates ("EPA" and "Environmental Protection
    Agency"; keys are lower-cased names)."""
    initials: Dict[str, dict] = {}
    for key, c in org_clusters.items():
        if (spelled := acronym_key(key)):
            initials.setdefault(spelled, c)
    for key, c in list(org_clusters.items()):
        if " " in key or not (2 <= len(key) <= 6):
            continue
        target = initials.get(key.replace("&", "").replace(".", ""))  # "S&P", "U.N." too
        if target is None or target is c or not all(m.words[0].isupper() for m in c["mentions"]):
            continue
        target["forms"].update(c["forms"])
        target["mentions"].extend(c["mentions"])
        c["mentions"] = []


def _add_untagged_acronyms(doc: Doc, clusters: List[dict], covered: set) -> None:
    """A word in capitals the entity model tagged as nothing ("FLM said") that spells the initials
    of exactly one organization of the article ("Friends of the Lowland Marshes") is a mention of
    it."""
    by_initials: Dict[str, List[dict]] = defaultdict(list)
    for c in clusters:
        if c["kind"] == "org" and c["mentions"]:
            initials = acronym_key(_fullest_form(c["forms"]).lower())
            if initials:
                by_initials[initials].append(c)
    if not by_initials:
        return
    for tok in doc:
        if tok.i in covered or tok.ent_type_ or not (2 <= len(tok.text) <= 6) or not tok.is_upper \
                or not tok.is_alpha:
            continue
        cands = by_initials.get(tok.lower_)
        if cands is None or len(cands) != 1:
            continue
        target = cands[0]
        target["forms"][tok.text] += 1
        target["mentions"].append(_Mention(tok.idx, tok.idx + len(tok.text), [tok.text], "", "ORG", tok.i, tok.i + 1))
        covered.add(tok.i)


_OPENING_MARKS = "“\"‘'"
_CLOSING_MARKS = "”\"’'"


def _named_things(doc: Doc, org_clusters: Dict[str, dict]) -> set:
    """Keys of the longer "organization" names the article treats as things: set in quotation
    marks as a label ("a box called “Acme Play”"), counted with "a"/"an" ("an Acme Play in every
    home"), or ending in a word the article uses as a common noun when its first word is named alone
    too ("Acme Radio" beside "radio ads" and "Acme"). A product or a page bears its maker's name;
    the maker's short name does not join it."""
    text = doc_text(doc)
    out = set()
    common = common_nouns(doc)
    for key, c in org_clusters.items():
        if " " not in key:
            continue
        if names_a_product(key.split(), common) and key.split()[0] in org_clusters:
            out.add(key)  # "Acme Radio" beside "the radio market" and "Acme" alone: a product
            continue
        for m in c["mentions"]:
            quoted = m.start > 0 and text[m.start - 1] in _OPENING_MARKS and text[m.end:m.end + 1] in _CLOSING_MARKS \
                and text[m.end:m.end + 1] != ""
            counted = m.tok_start > 0 and doc[m.tok_start - 1].lower_ in ("a", "an")
            if quoted or counted:
                out.add(key)
                break
    return out


def _merge_short_orgs(org_clusters: Dict[str, dict], places: frozenset = frozenset(),
                      things: frozenset = frozenset()) -> None:
    """Merge an organization cluster named by a prefix, a last word or its first word cut short
    (three letters or more, three fewer than the word at least: "the Fed") of exactly one other
    organization's name into it, or by the head word before "of" of one or more (then each
    mention joins the one named last before it) (keys are lower-cased names). A name that ends
    in a place the article names (`places`, lower-cased) is a unit of the organization there
    ("Acme Research Ruritania"), which its prefix does not join, nor does it join a name the
    article treats as a thing (`things`: a product such as "Acme Play")."""
    by_prefix: Dict[str, set] = defaultdict(set)
    by_last: Dict[str, set] = defaultdict(set)
    by_head: Dict[str, set] = defaultdict(set)
    by_clip: Dict[str, set] = defaultdict(set)
    for key, c in org_clusters.items():
        words = key.split()
        site = _SITE.fullmatch(key)
        if site:  # "GreatPlains.org": its name without the web domain ending is a short form
            by_prefix[site.group(1)].add(key)
        if len(words) < 2:
            continue
        for n in range(_MIN_CLIP, len(words[0]) - 2):  # "the Fed" for "Federal Reserve"
            by_clip[words[0][:n]].add(key)
        if _norm_word(words[1]) not in PLACE_WORDS and (words[-1] not in places or words[-2] == "of"):
            for n in range(1, len(words)):
                by_prefix[" ".join(words[:n])].add(key)
        forms = list(c["forms"])
        if all(w[:1].isupper() for w in forms[0].split()) and words[-1] not in ORG_NOUNS:
            by_last[words[-1]].add(key)
        if "of" in words[1:]:  # "the Bank" for "Reserve Bank of Ruritania": the head before "of"
            by_head[words[words.index("of") - 1]].add(key)
    for key, c in list(org_clusters.items()):
        if not c["mentions"]:
            continue
        full = by_prefix.get(key) or (by_last.get(key) or by_clip.get(key) if " " not in key else None)
        if not full and " " not in key and by_head.get(key):
            heads = [org_clusters[k] for k in sorted(by_head[key])]
            if len(heads) > 1:
                _split_short_mentions(c, heads)
                continue
            full = by_head[key]
        if not full or len(full) != 1 or next(iter(full)) in things:
            continue  # (a product bearing the name: "Acme" is not "Acme Play")
        target = org_clusters[next(iter(full))]
        if target is c or not target["mentions"]:
            continue
        target["forms"].update(c["forms"])
        target["mentions"].extend(c["mentions"])
        c["mentions"] = []


_MIN_CLIP = 3  # letters of a first word cut short that still name its organization ("Fed")
_SITE = re.compile(r"([a-z][\w-]*)\.(?:org|com|net|info|co\.uk|org\.uk|io)")


def _split_short_mentions(short: dict, fulls: List[dict]) -> None:
    """A short name that fits several organizations ("the Bank" beside two "X Bank of Y"): each
    of its mentions joins the organization named last before it, if any."""
    kept = []
    for m in short["mentions"]:
        before = [(max(x.start for x in f["mentions"] if x.start < m.start), i)
                  for i, f in enumerate(fulls) if any(x.start < m.start for x in f["mentions"])]
        if not before:
            kept.append(m)
            continue
        target = fulls[max(before)[1]]
        target["mentions"].append(m)
        target["mentions"].sort(key=lambda x: x.start)
        target["forms"][" ".join(m.words)] += 0  # a form, not a vote for the canonical name
    short["mentions"] = kept


def _word_hits(text: str, word: str) -> Iterable[int]:
    """Start offsets of `word` in `text` as a whole word (str.find: no regex compiled per word)."""
    n = len(word)
    at = text.find(word)
    while at >= 0:
        before = text[at - 1:at] if at else ""
        after = text[at + n:at + n + 1]
        if not (before.isalnum() or before in ("-", "_")) and not (after.isalnum() or after in ("-", "_")):
            yield at
        at = text.find(word, at + n)


def _add_untagged_full_forms(doc: Doc, org_clusters: Dict[str, dict]) -> None:
    """A one-word organization the article also writes in full without an entity over it
    ("Quillon ... SAN MATEO, Calif. - Quillon Technologies on Tuesday unveiled"): the full form
    ("Quillon Technologies", capitalized words ending in an organization word) joins the cluster."""
    text = doc_text(doc)
    n = len(doc)
    for key, c in org_clusters.items():
        if not c["mentions"] or " " in key or any(" " in f for f in c["forms"]):
            continue
        word = next(iter(c["forms"]))
        # only where the word is followed by a space and a capital (a text search, not a token scan)
        for at in _word_hits(text, word):
            if not text[at + len(word):at + len(word) + 2].startswith(" ") or not text[at + len(word) + 1:at + len(word) + 2].isupper():
                continue
            span = doc.char_span(at, at + len(word))
            if span is None or len(span) != 1:
                continue
            i = span.start
            if doc[i].ent_type_ not in ("", "ORG") or (doc[i].ent_type_ == "ORG" and doc[i].ent_iob_ != "B"):
                continue
            best = 0
            j = i + 1
            while j < n and j <= i + 3 and doc[j - 1].whitespace_ == " ":
                t = doc[j]
                if t.ent_type_ not in ("", "ORG") or not (
                        t.is_alpha and t.text[:1].isupper() and not t.is_upper or t.text in CORPORATE_ENDINGS):
                    break
                if _norm_word(t.text) in ORG_WORDS_LOWER:
                    best = j + 1
                j += 1
            if not best:
                continue
            a, b = doc[i].idx, doc[best - 1].idx + len(doc[best - 1].text)
            form = doc_text(doc)[a:b]
            c["forms"][form] += 1
            c["mentions"] = [m for m in c["mentions"] if not (m.start == a)]
            c["mentions"].append(_Mention(a, b, form.split(), "", "ORG", i, best))


def _add_bare_org_heads(doc: Doc, clusters: List[dict], covered: set) -> None:
    """An organization's first word used alone and tagged as nothing ("Acme sold ..." in an article
    about "Acme Robotics") is a mention of that organization, when exactly one organization's name
    starts with it and it is no word of a person's full name."""
    heads: Dict[str, List[dict]] = defaultdict(list)
    places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}
    person_words = set()
    for c in clusters:
        if not c["mentions"]:
            continue
        if c["kind"] == "person":
            for form in c["forms"]:
                if " " in form:
                    person_words.update(form.split())
            continue
        words = _fullest_form(c["forms"]).split()
        if len(words) < 2 or not words[0][:1].isupper() or len(words[0]) <= 2:
            continue
        # a place's name stands for an organization only as a team or company of one plural
        # word ("Lakeport Sharks", "Harbor City Rovers"), not for its agencies ("X Police Department")
        team = len(words) == 2 and TEAM_WORD.fullmatch(words[1]) is not None
        if words[0] not in places or team:
            heads[words[0]].append((c, team))
    for tok in doc:
        cands = heads.get(tok.text)
        if not cands or len(cands) != 1 or tok.i in covered or tok.pos_ != "PROPN" or tok.text in person_words:
            continue
        if tok.ent_type_ and not (cands[0][1] and tok.ent_type_ in ("GPE", "LOC")):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].text[:1].isupper() \
                or tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i - 1].text[:1].isupper():
            continue  # part of a longer name ("Jane Acme")
        target = cands[0][0]
        target["forms"][tok.text] += 1
        target["mentions"].append(_Mention(tok.idx, tok.idx + len(tok.text), [tok.text], "", "ORG", tok.i, tok.i + 1))
        covered.add(tok.i)

"""Clustering: mentions grouped into people and organizations (`build_clusters`), then the
places no cluster covers (`build_entities`). Which cluster a mention joins lives here; an
organization's other names are joined in `org_names.py`, titles and gender votes are read in
`titles.py`, and each cluster's record (kind, canonical name, aliases) is made in `canonical.py`."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from typing import Dict, List, Optional, Sequence

from spacy.tokens import Doc

from .canonical import _entity_records
from .lexicon import (
    _POSSESSIVE,
    FIRST_NAME_GENDER,
    GIVEN_NAMES,
    PLACE_WORDS,
    _norm_word,
    common_nouns,
    doc_text,
    last_name,
    looks_like_name,
    surname_key,
    title_gender,
)
from .mentions import _cluster, _collect_mentions, _Mention, _name_piece_end
from .missed import _add_untagged_speakers, _complete_lone_names, _people_tagged_as_orgs, family_name_first
from .org_names import (
    _add_bare_org_heads,
    _add_untagged_acronyms,
    _add_untagged_full_forms,
    _merge_acronyms,
    _merge_short_orgs,
    _named_things,
)
from .places import find_places
from .tickers import merge_tickers
from .titles import _titles_and_gender


def build_clusters(doc: Doc) -> List[dict]:
    """Cluster the PERSON and ORG mentions of `doc` (pure: reads only the doc's entities and parse)."""
    mentions = _collect_mentions(doc)
    persons = [m for m in mentions if m.label == "PERSON"]
    orgs = [m for m in mentions if m.label == "ORG"]

    clusters: List[dict] = []   # internal: `_cluster` records

    def new_cluster(kind: str) -> dict:
        c = _cluster(kind)
        clusters.append(c)
        return c

    # 1. multiword person names make clusters keyed by (first, last)
    by_last: Dict[str, List[dict]] = defaultdict(list)
    by_first: Dict[str, List[dict]] = defaultdict(list)
    by_middle: Dict[str, List[dict]] = defaultdict(list)
    for m in persons:
        if len(m.words) < 2:
            continue
        first, last = m.words[0], last_name(m.words)
        found = None
        for c in by_last.get(surname_key(last), ()):
            f0 = c["first"]
            if f0 == first or (len(first) <= 2 and first[0] == f0[0]) or (len(f0) <= 2 and first[0] == f0[0]) \
                    or any(_tail_of(m.words, f.split()) or _tail_of(f.split(), m.words) for f in c["forms"]):
                found = c
                break
        if found is None:
            found = new_cluster("person")
            found["first"], found["last"] = first, last
            by_last[surname_key(last)].append(found)
            by_first[first].append(found)
            if len(m.words) == 3 and m.words[1][:1].isupper():
                by_middle[m.words[1]].append(found)  # a first surname: "Salas" of "Ana Salas Ortega"
        found["forms"][" ".join(m.words)] += 1
        found["mentions"].append(m)

    # 1b. a first name given as a family member of a named person is that family's ("Tom Doe"),
    #     a cluster of its own that later surnames do not join
    for m in persons:
        if m.family and len(m.words) == 1:
            c = next((x for x in by_last.get(surname_key(m.family), ()) if x["first"] == m.words[0]), None)
            if c is None:  # not written in full anywhere: the full name is composed
                c = new_cluster("person")
                c["first"], c["last"] = m.words[0], m.family
                c["forms"][f"{m.words[0]} {m.family}"] += 1
            c["forms"][m.words[0]] += 0
            c["mentions"].append(m)
    persons = [m for m in persons if not m.family]

    # 2. single-word person mentions attach to a surname, then a first name, then the organization
    #    whose name they start ("Harlow" beside "Harlow Dynamics"), else their own cluster
    org_first: Dict[str, set] = defaultdict(set)
    for m in orgs:
        if len(m.words) >= 2 and m.words[0][:1].isupper() and _norm_word(m.words[1]) not in PLACE_WORDS:
            org_first[m.words[0]].add(" ".join(m.words).lower())
    single_clusters: Dict[str, dict] = {}
    lower_words: Optional[set] = None
    for m in persons:
        if len(m.words) >= 2:
            continue
        w = m.words[0]
        cands = _gender_fits(by_last.get(surname_key(w)) or by_first.get(w) or by_middle.get(w) or _misspelt(w, by_last),
                             _mention_gender(m))
        target = _nearest_cluster(cands, m.start) if cands else None
        if target is None and not m.title:
            if len(org_first.get(w, ())) == 1:
                m.label = "ORG"
                orgs.append(m)
                continue
            if _at_sentence_start(doc, m.tok_start):
                # "Ferry strike strands ...", "Turnout reached ...": a common noun capitalized by its
                # place, when the article also writes it in lower case
                if lower_words is None:  # once per doc, one C-speed pass
                    lower_words = set(_LOWER_WORD.findall(doc_text(doc)))
                if w.lower() != w and w.lower() in lower_words:
                    continue
        if target is None:
            target = single_clusters.get(w)
            if target is None:
                target = new_cluster("person")
                target["first"], target["last"] = w, w
                single_clusters[w] = target
        target["forms"][w] += 1
        target["mentions"].append(m)

    # 3. organizations: identical names cluster; an ORG that is really a known person's name joins it
    org_clusters: Dict[str, dict] = {}
    common = common_nouns(doc)
    for m in orgs:
        key = " ".join(m.words)
        if len(m.words) == 1 and (surname_key(key) in by_last or key in single_clusters):
            target = _nearest_cluster(by_last.get(surname_key(key)) or [single_clusters[key]], m.start)
            target["forms"][key] += 1
            target["mentions"].append(m)
            continue
        family_first = family_name_first(key, m.start, by_first, orgs, common) if len(m.words) == 1 else None
        if family_first is not None:
            family_first["forms"][key] += 1
            family_first["mentions"].append(m)
            continue
        last = surname_key(m.words[-1])
        if len(m.words) >= 2 and last in by_last and looks_like_name(m.words) and len(m.words) <= 3 \
                and any(c["first"] == m.words[0] for c in by_last[last]):
            target = next(c for c in by_last[last] if c["first"] == m.words[0])
            target["forms"][key] += 1
            target["mentions"].append(m)
            continue
        owners = [c for c in by_last.get(last, ()) if any(_tail_of(m.words, f.split()) for f in c["forms"])]
        if owners and looks_like_name(m.words):  # a surname of several words ("Dal Pozzo") tagged ORG
            target = _nearest_cluster(owners, m.start)
            target["forms"][key] += 1
            target["mentions"].append(m)
            continue
        target = org_clusters.get(key.lower())
        if target is None:
            target = new_cluster("org")
            org_clusters[key.lower()] = target
        target["forms"][key] += 1
        target["mentions"].append(m)
    # a shortened name joins the one organization whose name it starts ("Quillon" and "Quillon
    # Technologies", "Acme Bank" and "Acme Bank Holdings") or whose capitalized name it ends ("the
    # Gulls" and "the Harbor City Gulls"), unless the full name is a place's body ("X County Board")
    _merge_short_orgs(org_clusters, {e.text.lower() for e in doc.ents if e.label_ in ("GPE", "LOC")},
                      _named_things(doc, org_clusters))
    _add_untagged_full_forms(doc, org_clusters)
    _merge_acronyms(org_clusters)

    # 4. capitalized tokens outside entities that repeat a known surname ("Okonkwo" tagged as nothing)
    covered = set()
    for c in clusters:
        for m in c["mentions"]:
            covered.update(range(m.tok_start, m.tok_end))
    surnames = {}
    for c in clusters:
        if c["kind"] == "person":
            surnames.setdefault(surname_key(c["last"]), []).append(c)
    if surnames:
        for tok in doc:
            if tok.i in covered or not tok.text[:1].isupper():
                continue
            te = _name_piece_end(doc, tok.i)  # hyphenated surnames are several tokens
            if te - tok.i > 1 and any(i in covered for i in range(tok.i, te)):
                te = tok.i + 1
            last = doc[te - 1]
            base = _POSSESSIVE.sub("", doc_text(doc)[tok.idx:last.idx + len(last.text)])
            if surname_key(base) in surnames and tok.pos_ in ("PROPN", "NOUN", "X", "ADJ"):
                end = tok.idx + len(base)
                m = _Mention(tok.idx, end, [base], "", "PERSON", tok.i, te)
                target = _nearest_cluster(surnames[surname_key(base)], tok.idx)
                target["forms"][base] += 1
                target["mentions"].append(m)
                covered.update(range(tok.i, te))
    _add_bare_org_heads(doc, clusters, covered)
    _add_untagged_acronyms(doc, clusters, covered)
    _add_untagged_speakers(doc, clusters, covered)

    _titles_and_gender(doc, clusters)

    _complete_lone_names(doc, clusters)
    _people_tagged_as_orgs(clusters)
    _orgs_by_their_mentions(doc, clusters)
    return _entity_records(doc, clusters)



def _orgs_by_their_mentions(doc: Doc, clusters: List[dict]) -> None:
    """A "person" of no given name or title that is an organization: one that the article writes
    with "the" ("the Kestrel Foundry"), one whose first word is an organization of the article
    ("Kestrel" and "Kestrel Foundry": joined to it, its fuller name), or one of no gendered pronoun
    either whose organization mentions outnumber its person ones ("the Kestrel Reds" tagged ORG
    twice, once PERSON)."""
    orgs = {f: c for c in clusters if c["kind"] == "org" and c["mentions"] for f in c["forms"] if " " not in f}
    for c in clusters:
        if c["kind"] != "person" or not c["mentions"] or c.get("first") in GIVEN_NAMES or c["titles"]:
            continue
        owner = orgs.get(c.get("first")) if c.get("first") != c.get("last") else None
        if owner is not None:
            owner["forms"].update(c["forms"])
            owner["mentions"].extend(c["mentions"])
            owner["mentions"].sort(key=lambda m: m.start)
            c["mentions"] = []
            continue
        labels = [m.label for m in c["mentions"]]
        the = any(m.tok_start > 0 and doc[m.tok_start - 1].lower_ == "the" and doc[m.tok_start - 1].dep_ == "det"
                  for m in c["mentions"])
        if the or not c["gvotes"] and labels.count("ORG") > labels.count("PERSON"):
            c["kind"] = "org"


def _misspelt(word: str, by_last: Dict[str, List[dict]]) -> List[dict]:
    """The clusters of the one surname of six letters or more that `word` misspells by two
    neighbouring letters swapped or one letter left out, added or changed ("Okonkow" for
    "Okonkwo"), else none."""
    if len(word) < 6:
        return []
    hits = [last for last in by_last if len(last) >= 6 and last[0] == word[0] and last != word
            and _one_edit(word, last)]
    return by_last[hits[0]] if len(hits) == 1 else []


def _one_edit(a: str, b: str) -> bool:
    """`a` and `b` differ by one swap of neighbouring letters, or one letter added, left out or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or len(diff) == 2 and diff[1] == diff[0] + 1 \
            and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1:]


def _tail_of(short: Sequence[str], full: Sequence[str]) -> bool:
    """`short`, two words or more, ends `full`: a surname of several words without the given name
    ("Dal Pozzo" of "Ana Dal Pozzo")."""
    return 2 <= len(short) < len(full) and list(full[-len(short):]) == list(short)


def build_entities(doc: Doc) -> List[dict]:
    """The article's entity index: the people and organization clusters, then the places that no
    cluster covers, ordered by first mention (pure: reads only the doc's entities and parse)."""
    clusters = merge_tickers(doc_text(doc), build_clusters(doc))
    taken = [tuple(m) for c in clusters for m in c["mentions"]]
    out = clusters + find_places(doc, taken)
    out.sort(key=lambda c: c["mentions"][0][0])
    return out


def _mention_gender(m: _Mention) -> Optional[str]:
    """The gender a mention's title tells ("Mr", "Ms.", "congresswoman"), else None."""
    if not m.title:
        return None
    words = m.title.split()
    return title_gender(words[-1:]) or title_gender(words)


def _gender_fits(cands: List[dict], gender: Optional[str]) -> List[dict]:
    """The candidate clusters whose titles and first name do not contradict `gender` ("Mr Doe"
    joins "John Doe", not "Jane Doe"); all of them when none fits."""
    if not gender or len(cands) < 2:
        return cands
    def told(c: dict) -> set:
        out = {_mention_gender(m) for m in c["mentions"]}
        out.add(FIRST_NAME_GENDER.get(c.get("first", "")))
        return out - {None}
    fit = [c for c in cands if told(c) <= {gender}]
    return fit or cands


def _at_sentence_start(doc: Doc, i: int) -> bool:
    """Token i opens a sentence, a headline or a paragraph (after opening quotes/brackets)."""
    while i > 0 and doc[i - 1].is_punct and doc[i - 1].text in ("“", '"', "‘", "'", "(", "[", "``", "`", "—", "-"):
        i -= 1
    if i == 0 or doc[i].is_sent_start or doc[i - 1].is_space or "\n" in doc[i - 1].whitespace_:
        return True
    return doc[i - 1].text in (".", "!", "?", ":", "…")


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


def _nearest_cluster(cands: List[dict], pos: int) -> dict:
    """Among clusters, the one with the closest mention before `pos` (else the first)."""
    if len(cands) == 1:
        return cands[0]
    best, best_d = cands[0], None
    for c in cands:
        starts = c.setdefault("_starts", sorted(m.start for m in c["mentions"]))
        if len(starts) != len(c["mentions"]):
            starts = c["_starts"] = sorted(m.start for m in c["mentions"])
        k = bisect_right(starts, pos) - 1
        if k >= 0:
            d = pos - starts[k]
        elif starts:
            d = 10 ** 9 + (starts[0] - pos)
        else:
            continue
        if best_d is None or d < best_d:
            best, best_d = c, d
    return best

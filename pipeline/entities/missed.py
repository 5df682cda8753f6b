"""Names the entity model missed or mistyped, repaired after clustering: a one-word person's full
name written where no entity covers it, a person's full name tagged as an organization, and a
one-word name that speaks but was tagged as nothing."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Dict, List, Optional, Sequence

from spacy.tokens import Doc, Token

from .lexicon import (
    FIRST_NAMES,
    ORG_NOUNS,
    ORG_WORDS_LOWER,
    PERSON_NOUNS,
    PLACE_WORDS,
    REPORTING_VERBS,
    TITLES,
    _norm_word,
    common_nouns,
    looks_like_name,
    names_a_product,
)
from .evidence import _has_org_word
from .mentions import _cluster, _Mention


def _complete_lone_names(doc: Doc, clusters: List[dict]) -> None:
    """A person known only by one word ("Salas") whose full name the entity model missed where it
    was written ("had met Maria Salas Ortega on ..."): the one run of two to four capitalized proper
    nouns around that word, outside every mention, becomes a mention and the cluster's full form."""
    lone = []
    for c in clusters:
        forms = [f for f in c["forms"] if c["forms"][f] > 0] or list(c["forms"])
        if c["kind"] == "person" and c["mentions"] and not any(" " in f for f in forms):
            lone.append((c, forms[0]))
    if not lone:
        return
    covered = set()
    for c in clusters:
        for m in c["mentions"]:
            covered.update(range(m.tok_start, m.tok_end))
    at: Dict[str, List[int]] = defaultdict(list)  # one pass over the doc for all lone names
    lone_words = {w for _, w in lone}
    for t in doc:
        if t.text in lone_words:
            at[t.text].append(t.i)
    for c, word in lone:
        own = {m.tok_start: m for m in c["mentions"]}
        runs = set()
        for i in at[word]:
            t = doc[i]
            if t.i in covered and t.i not in own:
                continue
            lo = hi = t.i
            while lo > 0 and _name_word(doc[lo - 1]) and lo - 1 not in covered and doc[lo - 1].sent.start == t.sent.start:
                lo -= 1
            while hi + 1 < len(doc) and _name_word(doc[hi + 1]) and hi + 1 not in covered:
                hi += 1
            words = [x.text for x in doc[lo:hi + 1]]
            if 2 <= len(words) <= 4 and lo != t.sent.start and looks_like_name(words) \
                    and not any(_norm_word(w) in PLACE_WORDS or _norm_word(w) in ORG_WORDS_LOWER for w in words):
                runs.add((lo, hi + 1))
        if len({doc[a:b].text for a, b in runs}) != 1:
            continue
        for a, b in sorted(runs):
            c["mentions"] = [m for m in c["mentions"] if not a <= m.tok_start < b]
            m = _Mention(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), [x.text for x in doc[a:b]], "", "PERSON", a, b)
            c["mentions"].append(m)
            c["forms"][" ".join(m.words)] += 1
            covered.update(range(a, b))
        c["mentions"].sort(key=lambda x: x.start)


def _name_word(tok: Token) -> bool:
    """A capitalized proper noun that can be a word of a personal name (no title: "Lord", "Dr")."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or (_norm_word(tok.text),) in TITLES:
        return False
    return tok.is_alpha and not tok.is_upper and not tok.ent_type_ or tok.ent_type_ == "PERSON"


def _people_tagged_as_orgs(clusters: List[dict]) -> None:
    """A person known by one word that pronouns show is a person ("Marek ... his first final")
    and an "organization" that is that word after a first name ("Ivo Marek", tagged ORG where it
    was written): one person, named in full. Only when exactly one such organization exists and
    no word of it belongs to an organization's name ("Marek Holdings")."""
    orgs_by_last: Dict[str, List[dict]] = defaultdict(list)
    for c in clusters:
        if c["kind"] != "org" or not c["mentions"]:
            continue
        for form in c["forms"]:
            words = form.split()
            if 2 <= len(words) <= 3 and looks_like_name(words) and not _has_org_word(words) \
                    and not any(_norm_word(w) in PLACE_WORDS for w in words) and (_norm_word(words[0]),) not in TITLES:
                orgs_by_last[words[-1]].append(c)
    for c in clusters:
        if c["kind"] != "person" or not c["mentions"] or not c["gvotes"]:
            continue
        words = {f for f in c["forms"] if c["forms"][f] > 0}
        if len(words) != 1 or " " in next(iter(words)):
            continue
        owners = {id(o): o for o in orgs_by_last.get(next(iter(words)), ())}
        if len(owners) != 1:
            continue
        org = next(iter(owners.values()))
        c["forms"].update(org["forms"])
        c["mentions"].extend(org["mentions"])
        c["mentions"].sort(key=lambda x: x.start)
        org["mentions"] = []


def family_name_first(word: str, at: int, by_first: Dict[str, List[dict]], orgs: Sequence,
                      common: frozenset) -> Optional[dict]:
    """The one person of two words named before character `at` whose name starts with `word` (the
    people by first word: `by_first`), when no organization's name of several words does (`orgs`,
    mentions): a family name written first ("Kang" after "Kang Wei") that the model tagged as an
    organization or as nothing; else None (a "person" named after the word is rather an
    organization the model mistyped: "Kestrel" before "Kestrel Foundry", and so is one whose last
    word the article uses as a common noun, `common`: "Acme Ads" beside "ads"). The person is
    written with a title or role at least once ("spokesman Kang Wei"), as a person is."""
    people = [c for c in by_first.get(word, ()) if c.get("last") != word
              and all(len(f.split()) == 2 and not names_a_product(f.split(), common) or f == word for f in c["forms"])
              and min(m.start for m in c["mentions"]) < at and any(m.title for m in c["mentions"])]
    if len(people) != 1 or any(len(o.words) > 1 and o.words[0] == word for o in orgs):
        return None
    return people[0]


def _add_untagged_speakers(doc: Doc, clusters: List[dict], covered: set) -> None:
    """A capitalized word the entity model tagged as nothing that is the subject of a reporting
    verb ("Acme says its new ...") and is written, always capitalized, at least twice: a name. It
    becomes an organization with every untagged place it is written (a person's surname alone
    joins the person's cluster before this runs). Not a given name, a title, a place word, or a
    noun for a person or an organization."""
    counts: Counter = Counter()
    lower = set()
    for t in doc:
        if t.is_alpha:
            if t.is_lower:
                lower.add(t.text)
            else:
                counts[t.text] += 1
    names = set()
    by_first: Dict[str, List[dict]] = defaultdict(list)
    for x in clusters:
        if x["kind"] == "person" and x["mentions"] and x.get("first"):
            by_first[x["first"]].append(x)
    for t in doc:
        w = t.text
        if t.i in covered or t.ent_type_ or t.pos_ != "PROPN" or not t.is_alpha or not w[:1].isupper() \
                or t.dep_ not in ("nsubj", "nsubjpass") or t.head.lemma_.lower() not in REPORTING_VERBS \
                or counts[w] < 2 or w.lower() in lower or w in FIRST_NAMES or (_norm_word(w),) in TITLES \
                or _norm_word(w) in PLACE_WORDS or _norm_word(w) in ORG_WORDS_LOWER \
                or w.lower() in ORG_NOUNS or w.lower() in PERSON_NOUNS \
                or any(c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" for c in t.children):
            continue
        names.add(w)
    common = common_nouns(doc) if names else frozenset()
    for w in sorted(names):
        first_alone = next(t.idx for t in doc if t.text == w and t.i not in covered and not t.ent_type_)
        person = family_name_first(w, first_alone, by_first, (), common)
        c = person or _cluster("org")
        for t in doc:
            if t.text == w and t.i not in covered and not t.ent_type_:
                c["forms"][w] += 1
                c["mentions"].append(_Mention(t.idx, t.idx + len(w), [w], "", "ORG", t.i, t.i + 1))
                covered.add(t.i)
        if c["mentions"] and person is None:
            clusters.append(c)

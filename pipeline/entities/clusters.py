"""Clustering: mentions grouped into people and organizations with a canonical fullest name,
titles and gender (`build_clusters`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from typing import Dict, Iterable, List, Optional, Tuple

from spacy.tokens import Doc, Token

from .binding import _gender_votes, _is_subject, _quoted_tokens, _sent_index, _sentences
from .lexicon import (
    _DIGIT,
    _POSSESSIVE,
    FIRST_NAME_GENDER,
    ORG_NOUNS,
    ORG_WORDS_LOWER,
    PERSON_NOUNS,
    PLACE_WORDS,
    ROLES,
    TEAM_WORD,
    _norm_word,
    common_nouns,
    doc_text,
    looks_like_name,
    names_a_product,
    title_gender,
)
from .mentions import _ORG_JOINERS, _collect_mentions, _Mention, _name_piece_end
from .missed import _complete_lone_names, _people_tagged_as_orgs
from .places import find_places
from .tickers import merge_tickers


def build_clusters(doc: Doc) -> List[dict]:
    """Cluster the PERSON and ORG mentions of `doc` (pure: reads only the doc's entities and parse)."""
    mentions = _collect_mentions(doc)
    persons = [m for m in mentions if m.label == "PERSON"]
    orgs = [m for m in mentions if m.label == "ORG"]

    clusters: List[dict] = []   # internal: {"forms": Counter, "kind", "mentions": [...], "titles": [...]}

    def new_cluster(kind: str) -> dict:
        c = {"forms": Counter(), "kind": kind, "mentions": [], "titles": [], "gvotes": Counter()}
        clusters.append(c)
        return c

    # 1. multiword person names make clusters keyed by (first, last)
    by_last: Dict[str, List[dict]] = defaultdict(list)
    by_first: Dict[str, List[dict]] = defaultdict(list)
    by_middle: Dict[str, List[dict]] = defaultdict(list)
    for m in persons:
        if len(m.words) < 2:
            continue
        first, last = m.words[0], m.words[-1]
        found = None
        for c in by_last.get(last, ()):
            f0 = c["first"]
            if f0 == first or (len(first) <= 2 and first[0] == f0[0]) or (len(f0) <= 2 and first[0] == f0[0]):
                found = c
                break
        if found is None:
            found = new_cluster("person")
            found["first"], found["last"] = first, last
            by_last[last].append(found)
            by_first[first].append(found)
            if len(m.words) == 3 and m.words[1][:1].isupper():
                by_middle[m.words[1]].append(found)  # a first surname: "Salas" of "Ana Salas Ortega"
        found["forms"][" ".join(m.words)] += 1
        found["mentions"].append(m)

    # 1b. a first name given as a family member of a named person is that family's ("Tom Doe"),
    #     a cluster of its own that later surnames do not join
    for m in persons:
        if m.family and len(m.words) == 1:
            c = next((x for x in by_last.get(m.family, ()) if x["first"] == m.words[0]), None)
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
        cands = _gender_fits(by_last.get(w) or by_first.get(w) or by_middle.get(w) or [], _mention_gender(m))
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
    for m in orgs:
        key = " ".join(m.words)
        if len(m.words) == 1 and (key in by_last or key in single_clusters):
            target = _nearest_cluster(by_last.get(key) or [single_clusters[key]], m.start)
            target["forms"][key] += 1
            target["mentions"].append(m)
            continue
        if len(m.words) >= 2 and m.words[-1] in by_last and looks_like_name(m.words) and len(m.words) <= 3 \
                and any(c["first"] == m.words[0] for c in by_last[m.words[-1]]):
            target = next(c for c in by_last[m.words[-1]] if c["first"] == m.words[0])
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
    # an acronym joins the organization it abbreviates ("EPA" and "Environmental Protection Agency")
    initials: Dict[str, dict] = {}
    for key, c in org_clusters.items():
        caps = [w for w in key.split() if w not in _ORG_JOINERS]
        if len(caps) >= 2:
            initials.setdefault("".join(w[0] for w in caps), c)
    for key, c in list(org_clusters.items()):
        if " " in key or not (2 <= len(key) <= 6):
            continue
        target = initials.get(key.replace("&", "").replace(".", ""))  # "S&P", "U.N." too
        if target is None or target is c or not all(m.words[0].isupper() for m in c["mentions"]):
            continue
        target["forms"].update(c["forms"])
        target["mentions"].extend(c["mentions"])
        c["mentions"] = []

    # 4. capitalized tokens outside entities that repeat a known surname ("Okonkwo" tagged as nothing)
    covered = set()
    for c in clusters:
        for m in c["mentions"]:
            covered.update(range(m.tok_start, m.tok_end))
    surnames = {}
    for c in clusters:
        if c["kind"] == "person":
            surnames.setdefault(c["last"], []).append(c)
    if surnames:
        for tok in doc:
            if tok.i in covered or not tok.text[:1].isupper():
                continue
            te = _name_piece_end(doc, tok.i)  # hyphenated surnames are several tokens
            if te - tok.i > 1 and any(i in covered for i in range(tok.i, te)):
                te = tok.i + 1
            last = doc[te - 1]
            base = _POSSESSIVE.sub("", doc_text(doc)[tok.idx:last.idx + len(last.text)])
            if base in surnames and tok.pos_ in ("PROPN", "NOUN", "X", "ADJ"):
                end = tok.idx + len(base)
                m = _Mention(tok.idx, end, [base], "", "PERSON", tok.i, te)
                target = _nearest_cluster(surnames[base], tok.idx)
                target["forms"][base] += 1
                target["mentions"].append(m)
                covered.update(range(tok.i, te))
    _add_bare_org_heads(doc, clusters, covered)

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

    _complete_lone_names(doc, clusters)
    _people_tagged_as_orgs(clusters)
    out = []
    for c in clusters:
        if not c["mentions"]:
            continue
        if c["kind"] == "person" and _only_placed(doc, c):
            c["kind"] = "place"
        elif c["kind"] == "person" and sum(c["gvotes"].values()) <= 1 and _employs(doc, c):
            c["kind"] = "org"
        name = _canonical_form(c["forms"]) if c["kind"] == "person" else _fullest_form(c["forms"])
        gv = c["gvotes"]
        gender = None
        if gv:
            (g1, n1), *rest = gv.most_common()
            n2 = rest[0][1] if rest else 0
            if n1 > n2:
                gender = g1
        elif c["kind"] == "person" and " " in name:
            # weak evidence only when no title or pronoun tells: a first name of one sex
            gender = FIRST_NAME_GENDER.get(name.split()[0])
        titles = []
        for t in c["titles"]:
            if t and t not in titles:
                titles.append(t)
        spans = sorted({(m.start, m.end) for m in c["mentions"]})
        aliases = [f for f, _ in sorted(c["forms"].items(), key=lambda kv: (-kv[1], kv[0])) if f != name]
        out.append({"name": name, "kind": c["kind"], "gender": gender if c["kind"] == "person" else None,
                    "titles": titles, "aliases": aliases, "mentions": [[a, b] for a, b in spans]})
    out.sort(key=lambda c: c["mentions"][0][0])
    return out


_PLACE_PREPS = frozenset({"in", "at", "from", "near", "outside", "inside", "across", "around", "throughout"})


def _only_placed(doc: Doc, c: dict) -> bool:
    """A one-word "person" without a title that the article only ever uses as a place: after "in",
    "at", "from" ... ("in Valdora", "from Valdora") or naming a noun ("the Valdora riots")."""
    if c["titles"] or any(len(m.words) > 1 or m.title for m in c["mentions"]):
        return False
    for m in c["mentions"]:
        tok = doc[m.tok_end - 1]
        if not (tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS
                or tok.dep_ == "compound" and tok.head.pos_ == "NOUN"):
            return False
    return True


def _introduces(noun: Token) -> bool:
    """A definite or owned singular noun set before a name by a comma: a role the article gives
    that person ("The family's solicitor, Jane Doe, said"), whether or not a list knows the noun."""
    return noun.tag_ == "NN" and any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
        and noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].text == ","


_MEMBER_PREPS = frozenset({"of", "at", "for"})


def _employs(doc: Doc, c: dict) -> bool:
    """A one-word "person" without a title that the article shows employing people: naming a
    person noun ("the Zentrix spokesman", "Zentrix engineer Jane Doe") or holding one ("chief
    executive at Zentrix"). An organization the tagger took for a person (the caller lets at most
    one pronoun have been read as its own)."""
    if c["titles"] or any(len(m.words) > 1 or m.title for m in c["mentions"]):
        return False
    for m in c["mentions"]:
        tok = doc[m.tok_end - 1]
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in PERSON_NOUNS:
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ in _MEMBER_PREPS and tok.head.head.pos_ == "NOUN" \
                and tok.head.head.lemma_.lower() in PERSON_NOUNS:
            return True
    return False


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


def _at_sentence_start(doc: Doc, i: int) -> bool:
    """Token i opens a sentence, a headline or a paragraph (after opening quotes/brackets)."""
    while i > 0 and doc[i - 1].is_punct and doc[i - 1].text in ("“", '"', "‘", "'", "(", "[", "``", "`", "—", "-"):
        i -= 1
    if i == 0 or doc[i].is_sent_start or doc[i - 1].is_space or "\n" in doc[i - 1].whitespace_:
        return True
    return doc[i - 1].text in (".", "!", "?", ":", "…")


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


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


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


_ABBR_ENDINGS = frozenset({"Inc.", "Corp.", "Co.", "Ltd.", "Inc", "Corp", "Ltd", "LLC", "PLC", "plc", "AG", "SA"})


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
                        t.is_alpha and t.text[:1].isupper() and not t.is_upper or t.text in _ABBR_ENDINGS):
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


def _fullest_form(forms: Counter) -> str:
    """An organization's fullest form: most words, then longest, then most frequent."""
    return max(forms.items(), key=lambda item: (len(item[0].split()), len(item[0]), item[1]))[0]


def _canonical_form(forms: Counter) -> str:
    """The fullest form: most words first among forms seen more than once or the longest 2-3 word form."""
    def key(item):
        form, n = item
        k = len(form.split())
        plausible = 2 <= k <= 3
        return (plausible, min(k, 3), n, len(form))
    return max(forms.items(), key=key)[0]


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
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl") or t.i == tok.i]
    left = tok.left_edge.i
    right = tok.right_edge.i + 1
    while left < right and doc[left].pos_ in ("DET", "PUNCT"):
        left += 1
    while right > left and doc[right - 1].is_punct:
        right -= 1
    if right - left > 12 or right <= left:
        right = min(right, tok.i + 1)
    del toks
    return doc[left:right].text.strip()

"""Mention collection: the PERSON and ORG mentions of a doc, from the entity model corrected with
titles, roles, ages, reporting verbs and datelines."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Span, Token

from .. import attrs
from ..datelines import lede_datelines
from .bounds import org_start
from .evidence import (
    _THING_LABELS,
    _a_post,
    _active_speaker,
    _always_org,
    _always_place,
    _first_word_alone,
    _given_name_before,
    _has_org_word,
    _is_reporting_subject,
    _label_votes,
    _named_as_company,
    _person_evidence,
    _qualifies_a_person_noun,
)
from .lexicon import (
    _POSSESSIVE,
    CORPORATE_ENDINGS,
    _TITLE_FIRST,
    _TITLE_MAXLEN,
    FIRST_NAMES,
    GIVEN_NAMES,
    KIN_NOUNS,
    ORG_NOUNS,
    ORG_WORDS_LOWER,
    PERSON_NOUNS,
    ROLES,
    TITLES,
    _norm_word,
    clean_name_text,
    doc_text,
    looks_like_name,
    split_affiliation,
    split_title,
)

# --------------------------------------------------------------------------- clustering

class _Mention:
    __slots__ = ("start", "end", "words", "title", "label", "tok_start", "tok_end", "family")

    def __init__(self, start, end, words, title, label, tok_start, tok_end, family=None):
        self.start, self.end, self.words, self.title = start, end, words, title
        self.label, self.tok_start, self.tok_end = label, tok_start, tok_end
        self.family = family  # the family name a lone first name shares ("Mr Doe's father, Tom,")


def _cluster(kind: str) -> dict:
    """An empty cluster of mentions: its written forms, kind, mentions, titles and gender votes."""
    return {"forms": Counter(), "kind": kind, "mentions": [], "titles": [], "gvotes": Counter()}


def _name_offsets(doc: Doc, ent_start: int, ent_end: int, n_title_words: int) -> Optional[Tuple[int, int, int, int]]:
    """Char and token offsets of an entity without its leading title words and possessive."""
    toks = [t for t in doc[ent_start:ent_end] if not t.is_space]
    # drop title words (they are whole tokens, or a token plus ".")
    skip = 0
    consumed = 0
    while consumed < n_title_words and skip < len(toks):
        if toks[skip].text != ".":
            consumed += 1
        skip += 1
        while skip < len(toks) and toks[skip].text == ".":
            skip += 1
    toks = toks[skip:]
    while toks and (toks[-1].text in ("'s", "’s", "'", "’", "‘s", "‘") or toks[-1].is_punct and toks[-1].text != "."):
        toks = toks[:-1]
    if not toks:
        return None
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1].text)
    text = doc_text(doc)[start:end]
    m = _POSSESSIVE.search(text)
    if m and len(text) > 2:
        end -= len(m.group(0))
    text = doc_text(doc)[start:end]
    while text and text[-1] in " ,;:":
        end -= 1
        text = text[:-1]
    if not text:
        return None
    return start, end, toks[0].i, toks[-1].i + 1


def _pre_title(doc: Doc, tok_start: int, root: Token) -> str:
    """Role words right before a name ("longtime strategist" in "longtime strategist Dana Whitmore")."""
    i = tok_start - 1
    first = tok_start
    while i >= 0:
        t = doc[i]
        if t.text in ("-", "‐") and i > 0 and not t.whitespace_ and not doc[i - 1].whitespace_ and doc[i - 1].is_alpha \
                and first == i + 1:
            first = i - 1  # a hyphenated title the tokenizer split ("President-elect", "Co-founder")
            i -= 2
            continue
        if i > 1 and first == i + 1 and t.text[:1].isupper() and t.is_alpha and doc[i - 1].lower_ == "of" \
                and doc[i - 2].text[:1].isupper() and (_norm_word(doc[i - 2].text),) in TITLES:
            first = i - 2  # a title with "of" in it ("Chief of Staff", "Secretary of State")
            i -= 3
            continue
        if t.is_punct or t.is_space or t.pos_ in ("DET", "ADP", "PRON", "CCONJ", "VERB", "AUX", "NUM", "PART"):
            break
        if t.dep_ in ("compound", "amod", "nmod", "poss") and t.head.i >= i:
            if t.dep_ == "poss" or t.tag_ == "POS":
                break
            first = i
            i -= 1
            continue
        if (_norm_word(t.text),) in TITLES:
            first = i
            i -= 1
            continue
        break
    if first == tok_start:
        return ""
    return doc[first:tok_start].text.strip()


def _name_piece_end(doc: Doc, i: int) -> int:
    """End token of a name word starting at token i: hyphen-joined parts stay one word ("Delgado-Pryor")."""
    j = i + 1
    while j + 1 < len(doc) and doc[j].text in ("-", "‐") and not doc[j - 1].whitespace_ \
            and not doc[j].whitespace_ and doc[j + 1].text[:1].isupper():
        j += 2
    return j


def _name_tokens_after(doc: Doc, i: int, limit: int = 3) -> int:
    """End token of up to `limit` capitalized name words starting at token i (i itself when none)."""
    j = i
    n = 0
    while j < len(doc) and n < limit:
        t = doc[j]
        if not (t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ", "X") and re.match(r"^[A-Z][\w'’.\-]*$", t.text)):
            break
        if _norm_word(t.text) in ORG_WORDS_LOWER or (_norm_word(t.text),) in TITLES:
            break
        e = _name_piece_end(doc, j)
        n += 1
        j = e
        if not doc[j - 1].whitespace_ and j < len(doc) and doc[j].is_alpha:
            break
    return j


def _person_mention(doc: Doc, ts: int, te: int, title_words: Sequence[str], title_start: int) -> Optional[_Mention]:
    """A PERSON mention over tokens [ts, te) (the name), with the title words before it."""
    if te <= ts:
        return None
    start, end = doc[ts].idx, doc[te - 1].idx + len(doc[te - 1].text)
    m = _POSSESSIVE.search(doc_text(doc)[start:end])
    if m and end - start > 2:
        end -= len(m.group(0))
    name_words = doc_text(doc)[start:end].split()
    if not looks_like_name(name_words):
        return None
    pre = _pre_title(doc, title_start, doc[ts])
    full_title = " ".join(x for x in (pre, " ".join(title_words)) if x)
    return _Mention(start, end, name_words, full_title, "PERSON", ts, te)


# lowercase words that never sit inside a name: an entity crossing one is two names run
# together ("Gulls as Mercer" in "Ridgebacks rally past Gulls as Mercer runs wild")
_SPLIT_WORDS = frozenset({"as", "at", "vs", "vs.", "v.", "versus", "over", "after", "beat", "beats", "past",
                          "against", "with"})


def _datelines(doc: Doc) -> List[Tuple[int, int]]:
    """Char ranges of the dateline places of a doc's paragraphs (places, never people)."""
    return [d.place for d in lede_datelines(doc_text(doc), doc._.get(attrs.PARAGRAPHS))]


def _entity_pieces(doc: Doc) -> Iterable[Span]:
    """The doc's PERSON/ORG/GPE entities, split at lowercase words no name holds."""
    for ent in doc.ents:
        if ent.label_ in _THING_LABELS and _active_speaker(ent):
            # a work, product or building that says something is an organization the entity
            # model misread ("Acme Learning Labs said in a statement", tagged as a work of art)
            ent = Span(doc, ent.start, ent.end, label="ORG")
        if ent.label_ not in ("PERSON", "ORG", "GPE"):
            continue
        if len(ent) > 1 and ent[0].pos_ == "VERB" and ent[0].tag_ in ("VBG", "VBN", "VBD"):
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label)  # "Praising Mr X" at a sentence start
        if ent.label_ == "PERSON" and len(ent) >= 3 and ent.start > 0 and doc[ent.start - 1].pos_ == "ADP" \
                and ent[0].whitespace_ and ent[0].text not in FIRST_NAMES \
                and (_norm_word(ent[0].text),) not in TITLES:
            # the object of the preposition before it run into the name: "envoy to Brazil Jane Doe"
            # (a whole word: never half of "Ben-Ami")
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label)
        person = _person_tail(ent)
        if person is not None:
            # "the Ministry of Works Jane Doe": an organization run into the name of its official
            yield Span(doc, ent.start, person, label="ORG")
            yield Span(doc, person, ent.end, label="PERSON")
            continue
        cuts = [t.i for t in ent[1:-1] if t.lower_ in _SPLIT_WORDS and t.is_lower] if len(ent) > 2 else []
        if not cuts:
            yield ent
            continue
        a = ent.start
        for c in cuts + [ent.end]:
            if c > a and not (c - a == 1 and doc[a].lower_ == "the"):
                yield Span(doc, a, c, label=ent.label)
            a = c + 1


def _person_tail(ent: Span) -> Optional[int]:
    """Where the name of a person starts inside an ORG/GPE entity that holds an organization's
    name first: a known given name and one or two capitalized words after it, and an organization
    word before it; else None."""
    if ent.label_ not in ("ORG", "GPE") or len(ent) < 3:
        return None
    for k in range(1, len(ent) - 1):
        rest = ent[k + 1:]
        if ent[k].text in FIRST_NAMES and len(rest) <= 2 \
                and all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in rest) \
                and any(_norm_word(t.text) in ORG_WORDS_LOWER for t in ent[:k]) \
                and not any(_norm_word(t.text) in ORG_WORDS_LOWER for t in ent[k:]):
            return ent.start + k
    return None


def _collect_mentions(doc: Doc) -> List[_Mention]:
    mentions: List[_Mention] = []
    person_toks: set = set()
    org_at: Dict[Tuple[int, int], int] = {}
    datelines = _datelines(doc)
    votes = _label_votes(doc)
    dl_starts = [a for a, _ in datelines]
    companies = {" ".join(e.text.split()[:-1]) for e in doc.ents
                 if len(e) > 1 and e[-1].text in CORPORATE_ENDINGS}  # (whatever the model tagged it)
    dl_places = {" ".join(w.capitalize() for w in doc_text(doc)[a:b].split()) for a, b in datelines}
    for ent in _entity_pieces(doc):
        if "\n" in ent.text:
            continue
        if datelines:
            k = bisect_right(dl_starts, ent.start_char) - 1
            if k >= 0 and ent.start_char < datelines[k][1]:
                continue  # "KESSELPORT, Norway (Reuters) -": a place
            if ent.text in dl_places:
                continue  # the dateline's place written in title case elsewhere
        text = clean_name_text(ent.text)
        words = text.split()
        if not words:
            continue
        label = ent.label_
        if label in ("ORG", "PERSON") and [w for w in words if w.lower() != "the"] == [words[-1]] \
                and (_norm_word(words[-1]),) in TITLES \
                and (words[0].lower() == "the" or ent.start > 0 and doc[ent.start - 1].lower_ == "the"):
            continue  # "the Cardinal said": a title standing for its holder, no name (a role noun)
        if label in ("ORG", "GPE") and len(ent) == 1 and _given_name_before(doc, ent.start):
            label = "PERSON"  # "Jane" left untagged before "Doe" tagged ORG: the given name comes back below
        elif label in ("ORG", "GPE"):
            bare = words[1:] if words[0].lower() == "the" else words
            if 1 <= len(bare) <= 4 and looks_like_name(split_affiliation(*split_title(bare))[1]) and not _has_org_word(bare) \
                    and not _always_org(votes, ent.text, bare) and not (label == "GPE" and _always_place(votes, ent.text)) \
                    and _person_evidence(doc, ent.start, ent.end, bare):
                # "resident Jane Doe", "Councilmember Jane Doe", "Jane Doe, 54," tagged ORG/GPE
                label = "PERSON"
            elif label == "GPE":
                if text not in companies:
                    continue
                label = "ORG"  # "Acme" read as a place beside "Acme Inc": the company's short name
        elif label == "PERSON":
            org, place = votes[(ent.text, "ORG")], votes[(ent.text, "GPE")] + votes[(ent.text, "LOC")]
            if len(words) == 1 and ent.text == words[0] and org + place > votes[(ent.text, "PERSON")]:
                # a single word the model tags as an organization or a place more often than as a
                # person in the same article ("Valmont" once PERSON, five times ORG): not a person;
                # kept as an organization (a side, a government), which a figure can be about
                label = "ORG"
            elif _norm_word(words[-1]) in ORG_WORDS_LOWER and not split_title(words)[0]:
                label = "ORG"  # "Acme Renewables", "the Gazette" tagged PERSON
            elif (words[0].lower() == "the" or ent.start > 0 and doc[ent.start - 1].lower_ == "the") \
                    and not split_title([w for w in words if w.lower() != "the"])[0]:
                label = "ORG"  # a person's name takes no article: "the Harbour Kings", "the Vance Cup"
            elif ent.start > 0 and doc[ent.start - 1].lower_ in ORG_NOUNS \
                    and doc[ent.start - 1].lower_ not in ROLES and doc[ent.start - 1].lower_ not in PERSON_NOUNS:
                label = "ORG"  # "industrial group Acme Werke", but not "producer Jane Doe"
        if label == "PERSON":
            title, name = split_affiliation(*split_title(words))
            if not looks_like_name(name):
                # lower-cased or odd strings: keep as a possible reference only when capitalized
                continue
            offs = _name_offsets(doc, ent.start, ent.end, len(title))
            if offs is None:
                continue
            start, end, ts, te = offs
            # a first name the model left out: "Jane" in "Jane Doe" when only "Doe" was tagged;
            # not a word before a name that starts with a given name, unless it is one too
            # ("Mary" of "Mary Ann Doe", not an occupation in "Geologist Ann Doe")
            if not title and ts > 0 and te - ts <= 2:
                p = doc[ts - 1]
                if (doc[ts].text not in GIVEN_NAMES or p.text in GIVEN_NAMES) \
                        and p.pos_ == "PROPN" and p.is_alpha and p.text[:1].isupper() and not p.is_upper \
                        and not p.ent_type_ and p.whitespace_ and (_norm_word(p.text),) not in TITLES \
                        and p.lower_ not in ROLES and p.lower_ not in PERSON_NOUNS \
                        and _norm_word(p.text) not in ORG_WORDS_LOWER and p.dep_ in ("compound", "nmod", "nsubj", "appos", "flat") \
                        and (p.i == 0 or not doc[p.i - 1].text[:1].isupper() or doc[p.i - 1].is_sent_start or doc[p.i - 1].is_punct):
                    ts -= 1
                    start = p.idx
            name_words = doc_text(doc)[start:end].split()
            pre = _pre_title(doc, ts if not title else ent.start, doc[ts])
            full_title = " ".join(x for x in (pre, " ".join(title)) if x)
            if full_title and _a_post(doc[te - 1], te - ts):
                continue
            if te - ts == 1 and _qualifies_a_person_noun(doc[ts]):
                continue
            mentions.append(_Mention(start, end, name_words, full_title, "PERSON", ts, te))
            person_toks.update(range(ts, te))
        elif label == "ORG":
            if ent.start > 0 and doc[ent.start - 1].like_num and doc[ent.start - 1].ent_type_ in ("DATE", "TIME"):
                continue  # a time zone after a clock time ("0900 UTC"), not an organization
            if ent.end + 1 < len(doc) and (_norm_word(doc[ent.end].text),) in TITLES \
                    and doc[ent.end + 1].ent_type_ == "PERSON":
                continue  # the department of a title ("Transportation Secretary Jane Doe")
            offs = _name_offsets(doc, ent.start, ent.end, 0)
            if offs is None:
                continue
            start, end, ts, te = offs
            ts0, ts = ts, org_start(doc, ts, te)  # the part of the name the entity model cut off
            if ts != ts0:
                start = doc[ts].idx
            last = doc[ent.end - 1]
            after = _past_brackets(doc, ent.end)  # "X's (XB) shares": the noun after the aside
            if last.text in ("'s", "’s") and te == ent.end - 1 and (
                    after == len(doc) or doc[after].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")):
                # "X & Y's said": no noun follows, so the "'s" is the name's own, not a possessive
                end, te = last.idx + len(last.text), ent.end
            # "the Harbour Council" + "of Ruritania": an organization word's "of" + a proper name
            # the model cut off is part of the name
            if te + 1 < len(doc) and doc[te].lower_ == "of" and _norm_word(doc[te - 1].text) in ORG_WORDS_LOWER:
                k = te + 1
                while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
                    k += 1
                if k > te + 1:
                    te, end = k, doc[k - 1].idx + len(doc[k - 1].text)
            # "Acme Relief" + "UK": a one-word country right after the name, written as part of
            # it, names the organization's national branch
            elif te == ent.end and te < len(doc) and doc[te].ent_type_ == "GPE" and doc[te].ent_iob_ == "B" \
                    and (te + 1 == len(doc) or doc[te + 1].ent_iob_ != "I") and doc[te - 1].whitespace_ == " " \
                    and doc[te].text[:1].isupper() and doc[te - 1].text[:1].isupper():
                te, end = te + 1, doc[te].idx + len(doc[te].text)
            # "the Democratic Party" -> keep the determiner out of the name, but not a capital
            # "The" inside a sentence, part of the name ("..., The Daily Courier reported")
            if ts > 0 and doc[ts - 1].text == "The" and _the_in_name(doc, ts - 1):
                ts -= 1
                start = doc[ts].idx
            if doc[ts].lower_ == "the" and te - ts > 1 and not _the_in_name(doc, ts):
                ts += 1
                start = doc[ts].idx
            # "the Acme union": a trailing common noun is not part of the name
            while te - ts > 1 and doc[te - 1].is_alpha and doc[te - 1].is_lower:
                te -= 1
                end = doc[te - 1].idx + len(doc[te - 1].text)
            org_at[(ts, te)] = len(mentions)
            mentions.append(_Mention(start, end, doc_text(doc)[start:end].split(), "", "ORG", ts, te))
    mentions = _with_office_names(doc, mentions)
    person_toks = {i for m in mentions if m.label == "PERSON" for i in range(m.tok_start, m.tok_end)}
    mentions.extend(_untagged_people(doc, person_toks, votes))
    mentions.extend(_kin_first_names(doc, person_toks, mentions))
    return mentions


# the nouns after an office-holder's possessive that name the office as an organization
_OFFICE_NOUNS = frozenset({"Office", "Department", "Bureau", "Division"})


def _with_office_names(doc: Doc, mentions: List[_Mention]) -> List[_Mention]:
    """`mentions` with each office named after its holder's title ("the County Sheriff's Office",
    "the District Attorneys' Office") as one organization mention, in place of the pieces the entity
    model tagged inside it ("State" alone as an organization)."""
    found = []
    for t in doc:
        if t.text not in _OFFICE_NOUNS or t.i < 2:
            continue
        mark, holder = doc[t.i - 1], doc[t.i - 2]
        if not (mark.text in ("'s", "’s", "'", "’") and holder.is_alpha and holder.text[:1].isupper()
                and holder.ent_type_ != "PERSON"):
            continue
        ts = t.i - 2
        while ts > 0 and t.i - ts < 7 and not doc[ts].is_sent_start and doc[ts - 1].text[:1].isupper() \
                and (doc[ts - 1].is_alpha or doc[ts - 1].text.endswith(".")) and doc[ts - 1].ent_type_ != "PERSON" \
                and doc[ts - 1].lower_ != "the":
            ts -= 1
        found.append((ts, t.i + 1))
    if not found:
        return mentions
    out = [m for m in mentions if not any(a <= m.tok_start and m.tok_end <= b for a, b in found)]
    text = doc_text(doc)
    for ts, te in found:
        start, end = doc[ts].idx, doc[te - 1].idx + len(doc[te - 1].text)
        out.append(_Mention(start, end, text[start:end].split(), "", "ORG", ts, te))
    out.sort(key=lambda m: m.start)
    return out


def _past_brackets(doc: Doc, i: int, limit: int = 8) -> int:
    """Token i, or the token after the bracketed aside that opens at i ("(XB)")."""
    if i < len(doc) and doc[i].text == "(":
        for k in range(i + 1, min(len(doc), i + limit)):
            if doc[k].text == ")":
                return k + 1
    return i


def _kin_first_names(doc: Doc, person_toks: set, found: Sequence[_Mention] = ()) -> List[_Mention]:
    """A lone first name in apposition to a family noun of a named person ("Mr Doe's father, Tom,
    said"): a person mention whose family name is the possessor's (even when the entity model
    took the unfamiliar first name for a place). A one-word person mention already `found` there
    gets the family name instead of a new mention."""
    out: List[_Mention] = []
    lone = {m.tok_start: m for m in found if m.label == "PERSON" and m.tok_end == m.tok_start + 1}
    for t in doc:
        if t.dep_ != "appos" or t.pos_ != "PROPN" or not t.text[:1].isupper() \
                or t.i in person_toks and t.i not in lone \
                or t.ent_type_ == "ORG" or any(c.dep_ in ("compound", "flat") for c in t.children):
            continue
        kin = t.head
        if kin.pos_ != "NOUN" or kin.lemma_.lower() not in KIN_NOUNS:
            continue
        owner = next((c for c in kin.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is None or not looks_like_name([t.text]):
            continue
        family = clean_name_text(owner.text)
        if family and looks_like_name([family]) and family != t.text:
            if t.i in lone:
                lone[t.i].family = family
                continue
            out.append(_Mention(t.idx, t.idx + len(t.text), [t.text], kin.text, "PERSON", t.i, t.i + 1, family))
            person_toks.add(t.i)
    return out


def _the_in_name(doc: Doc, i: int) -> bool:
    """A capital "The" inside a sentence, after a lower-case word or a comma: part of the name
    that follows ("..., The Daily Courier reported", "according to The Courier")."""
    t = doc[i]
    if t.text != "The" or i == 0 or t.is_sent_start or doc[i - 1].whitespace_ != " ":
        return False
    p = doc[i - 1]
    return p.is_alpha and p.is_lower or p.text in (",", ";")


def _untagged_people(doc: Doc, person_toks: set, votes: Counter) -> List[_Mention]:
    """Names the entity model missed: a title followed by capitalized words ("said Mayor Jane
    Doe"), and a capitalized two-or-three-word subject of a reporting verb."""
    out: List[_Mention] = []
    n = len(doc)
    i = 0
    while i < n:
        t = doc[i]
        if not t.text[:1].isupper() or i in person_toks:
            i += 1
            continue
        # longest title starting here
        best = 0
        for k in range(min(_TITLE_MAXLEN, n - i), 0, -1) if _norm_word(t.text) in _TITLE_FIRST else ():
            key = tuple(_norm_word(doc[i + x].text) for x in range(k) if doc[i + x].text != ".")
            if key in TITLES and all(doc[i + x].text[:1].isupper() or doc[i + x].text == "." for x in range(k)):
                best = k
                break
        if best:
            ts = i + best
            te = _name_tokens_after(doc, ts)
            if te > ts and not any(x in person_toks for x in range(ts, te)) and not _a_post(doc[te - 1], te - ts) \
                    and doc[te - 1].ent_type_ not in ("ORG",) and not any(doc[x].ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY") for x in range(ts, te)):
                m = _person_mention(doc, ts, te, [doc[x].text for x in range(i, ts) if doc[x].text != "."], i)
                if m is not None:
                    out.append(m)
                    person_toks.update(range(ts, te))
                    i = te
                    continue
            i += max(1, best)
            continue
        i += 1
    # capitalized "Firstname Lastname" subjects of reporting verbs that no entity covers
    for t in doc:
        if t.i in person_toks or t.pos_ != "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE") \
                or not t.text[:1].isupper():
            continue
        if t.dep_ not in ("nsubj", "nsubjpass") and not _is_reporting_subject(t):
            continue
        if not _is_reporting_subject(t):
            continue
        ts = t.i
        while ts > 0 and doc[ts - 1].dep_ in ("compound", "flat") and doc[ts - 1].head.i in range(ts, t.i + 1) \
                and doc[ts - 1].pos_ == "PROPN" and doc[ts - 1].text[:1].isupper() and ts > t.i - 3:
            ts -= 1
        te = t.i + 1
        words = [doc[x].text for x in range(ts, te)]
        if not (2 <= len(words) <= 3) or any(x in person_toks for x in range(ts, te)):
            continue
        if _has_org_word(words):
            if _norm_word(words[-1]) in ORG_WORDS_LOWER and looks_like_name(words) and not t.ent_type_:
                ts = org_start(doc, ts, te)
                a, b = doc[ts].idx, doc[te - 1].idx + len(doc[te - 1].text)
                words = doc_text(doc)[a:b].split()
                out.append(_Mention(a, b, words, "", "ORG", ts, te))  # "Acme Renewables said"
                person_toks.update(range(ts, te))
            continue
        if (_norm_word(words[0]),) in TITLES or _first_word_alone(doc, words, (ts, te)) \
                or _always_place(votes, " ".join(words)):
            continue  # (not a place the model tags elsewhere: "Port Vale police said")
        if _named_as_company(doc, words):
            a, b = doc[ts].idx, doc[te - 1].idx + len(doc[te - 1].text)
            out.append(_Mention(a, b, words, "", "ORG", ts, te))  # "Acme Widgets, known as AW, said"
            person_toks.update(range(ts, te))
            continue
        m = _person_mention(doc, ts, te, [], ts)
        if m is not None:
            out.append(m)
            person_toks.update(range(ts, te))
    return out

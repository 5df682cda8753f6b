"""Coarse POS tags and lemmas at a fraction of the cost of attribute_ruler + lemmatizer.

The English pipelines derive `token.pos_` from the tagger's fine tags with an attribute ruler
(a Matcher over some 180 patterns) and lemmas with a rule lemmatizer; together about 10% of the
pipeline's time. claimsift needs only `pos_` and the lemmas of verbs, nouns and adjectives, so
this stage replaces both: the ruler's POS rules (over fine tag, lower-case form, dependency label)
and its MORPH and LEMMA rules are applied in the ruler's order with their result cached per feature
tuple, and lemmas come from the same lemmatizer tables and rules, cached per (word, POS, MORPH),
so that each distinct word form is lemmatized once rather than once per occurrence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, Iterable, Optional, Tuple

import numpy
import srsly
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.util import ensure_path

_KEYS = {"TAG", "LOWER", "DEP", "IS_SPACE"}
CACHE_LIMIT = 5_000  # entries; the caches only save time, and they must not grow a long run


def _condition(spec):
    """A test for one pattern key: a literal, {"IN": [...]} or {"NOT_IN": [...]}; None if unsupported."""
    if isinstance(spec, (str, bool)):
        return lambda value: value == spec
    if isinstance(spec, dict) and len(spec) == 1:
        (op, values), = spec.items()
        values = frozenset(values)
        if op == "IN":
            return lambda value: value in values
        if op == "NOT_IN":
            return lambda value: value not in values
    return None


def _required_tags(pattern_token: dict) -> Optional[frozenset]:
    """The fine tags a pattern token can match, or None when it does not test the tag by value."""
    spec = pattern_token.get("TAG")
    if isinstance(spec, str):
        return frozenset([spec])
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return frozenset(spec["IN"])
    return None


def _token_test(pattern_token: dict):
    tests = []
    for key, spec in pattern_token.items():
        test = _condition(spec) if key in _KEYS else None
        if test is None:
            return None
        tests.append((key, test))
    return lambda feats: all(test(feats[key]) for key, test in tests)


_ATTRS = ("POS", "MORPH", "LEMMA")


def ruler_rules(patterns: Iterable[dict]) -> Tuple[list, list]:
    """The attribute ruler's POS, MORPH and LEMMA rules, in its order (later rules win).

    Returns (single-token rules, multi-token rules): each rule is (tests, index, attrs, tags)
    where tests holds one test per pattern token over the features TAG, LOWER, DEP and IS_SPACE,
    and tags the fine tags a single-token rule needs (None: any).
    Rules with other keys (REGEX, ...) are left out.
    """
    single, multi = [], []
    for entry in patterns:
        attrs = {k: v for k, v in entry.get("attrs", {}).items() if k in _ATTRS}
        if not attrs:
            continue
        for pattern in entry["patterns"]:
            tests = [_token_test(t) for t in pattern]
            if any(t is None for t in tests):
                continue
            tags = _required_tags(pattern[0]) if len(pattern) == 1 else None
            (single if len(tests) == 1 else multi).append((tests, entry.get("index", 0), attrs, tags))
    return single, multi


def _memo(add):
    """A per-doc memo of vocab.strings.add / morphology.add: each distinct value added once."""
    seen: Dict[str, int] = {}

    def get(value: str) -> int:
        key = seen.get(value)
        if key is None:
            key = seen[value] = add(value)
        return key

    return get


def _with_set_index(lookups: Lookups) -> Lookups:
    """The same tables, each part of speech's lemma index a set: spaCy keeps it as a list and
    tests every candidate form against it, a linear scan through up to 57,000 words."""
    fast = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        fast.add_table(name, {key: frozenset(v) for key, v in table.items()} if name == "lemma_index" else dict(table.items()))
    return fast


class FastMorph:
    """Pipeline component: `token.pos_` from the fine tag, lemmas of content words."""

    def __init__(self, nlp: Language, name: str = "claimsift_morph"):
        self.name = name
        self.vocab = nlp.vocab
        self.patterns: list = []
        self._single: list = []
        self._multi: list = []
        self._attr_cache: Dict[tuple, tuple] = {}
        self.lookups = Lookups()
        self._lemmatizer: Optional[EnglishLemmatizer] = None
        self._cache: Dict[Tuple[int, int, Optional[str]], str] = {}

    def initialize_from(self, attribute_ruler, lemmatizer) -> None:
        """Take the patterns and lemma tables of a loaded pipeline's own components."""
        self._set_patterns(attribute_ruler.patterns)
        self.lookups = lemmatizer.lookups
        self._lemmatizer = None
        self._cache.clear()

    def _set_patterns(self, patterns: list) -> None:
        self.patterns = [p for p in patterns if any(k in _ATTRS for k in p.get("attrs", {}))]
        self._single, self._multi = ruler_rules(self.patterns)
        self._attr_cache = {}
        # Single-token rules by the fine tag they need (rules that need none go to every tag),
        # in the ruler's order, so a look-up tries a handful of rules rather than all of them.
        self._any_tag = [(i, r) for i, r in enumerate(self._single) if r[3] is None]
        self._by_tag: Dict[str, list] = {}
        for i, rule in enumerate(self._single):
            for tag in rule[3] or ():
                self._by_tag.setdefault(tag, []).append((i, rule))

    def _rules_for(self, tag: str) -> tuple:
        rules = self._by_tag.get(tag)
        if not isinstance(rules, tuple):
            rules = tuple(r for _, r in sorted((rules or []) + self._any_tag, key=lambda x: x[0]))
            self._by_tag[tag] = rules
        return rules

    def _resolve(self, key: Tuple[int, int, int, int]) -> tuple:
        """(POS id, MORPH string, LEMMA string, multi-token rules whose first token fits, features).

        Strings, not hashes, are cached: inside `nlp.memory_zone()` the strings added to the
        vocab are dropped when the zone closes, so a cached hash could point at nothing.
        """
        strings = self.vocab.strings
        feats = {"TAG": strings[key[0]], "LOWER": strings[key[1]], "DEP": strings[key[2]], "IS_SPACE": bool(key[3])}
        found: dict = {}
        for tests, _, attrs, _ in self._rules_for(feats["TAG"]):
            if tests[0](feats):
                found.update(attrs)
        multi = tuple(n for n, rule in enumerate(self._multi) if rule[0][0](feats))
        result = (POS_IDS.get(found.get("POS", ""), 0), found.get("MORPH"), found.get("LEMMA"), multi, feats)
        self._attr_cache[key] = result
        return result

    def _rule_lemmatizer(self) -> EnglishLemmatizer:
        if self._lemmatizer is None:
            lem = EnglishLemmatizer(self.vocab, None, name="claimsift_rules", mode="rule")
            lem.lookups = _with_set_index(self.lookups)
            self._lemmatizer = lem
        return self._lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        if len(self._cache) > CACHE_LIMIT or len(self._attr_cache) > CACHE_LIMIT:
            self._trim()
        keys = [tuple(row) for row in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        cache = self._attr_cache
        resolved = [cache.get(k) or self._resolve(k) for k in keys]
        values = [list(r[:3]) for r in resolved]
        for i, r in enumerate(resolved):  # rare rules over several tokens ("there is")
            for rule_no in r[3]:
                tests, index, attrs, _ = self._multi[rule_no]
                if i + len(tests) <= n and all(
                    test(resolved[i + k][4]) for k, test in enumerate(tests[1:], 1)
                ):
                    target = values[i + index]
                    if "POS" in attrs:
                        target[0] = POS_IDS.get(attrs["POS"], 0)
                    if "MORPH" in attrs:
                        target[1] = attrs["MORPH"]
                    if "LEMMA" in attrs:
                        target[2] = attrs["LEMMA"]
        add_morph = _memo(self.vocab.morphology.add)
        doc.from_array(
            [POS, MORPH],
            numpy.array([(pos, add_morph(m) if m else 0) for pos, m, _ in values], dtype="uint64"),
        )
        lemmas = self._cache
        lemmatizer = None
        add_string = _memo(self.vocab.strings.add)
        column = []
        for token, (pos, morph, lemma) in zip(doc, values):
            if lemma is None:
                key = (token.orth, pos, morph)
                lemma = lemmas.get(key)
                if lemma is None:
                    lemmatizer = lemmatizer or self._rule_lemmatizer()
                    lemma = lemmatizer.rule_lemmatize(token)[0]
                    lemmas[key] = lemma
            column.append(add_string(lemma))
        doc.from_array([LEMMA], numpy.array(column, dtype="uint64").reshape(n, 1))
        return doc

    def _trim(self) -> None:
        """Bound memory on long runs: the caches only save time, so start them afresh."""
        self._cache.clear()
        self._attr_cache.clear()
        if self._lemmatizer is not None:
            self._lemmatizer.cache.clear()

    # serialization: the maps and tables travel with a saved pipeline

    def _data(self) -> dict:
        return {"patterns": self.patterns}

    def _set_data(self, data: dict) -> None:
        self._set_patterns(data["patterns"])
        self._lemmatizer = None
        self._cache.clear()

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.msgpack_dumps({"maps": self._data(), "lookups": self.lookups.to_bytes()})

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "FastMorph":
        msg = srsly.msgpack_loads(data)
        self._set_data(msg["maps"])
        self.lookups = Lookups().from_bytes(msg["lookups"])
        return self

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "maps.json", self._data())
        self.lookups.to_disk(path)

    def from_disk(self, path, *, exclude=tuple()) -> "FastMorph":
        path = ensure_path(path)
        self._set_data(srsly.read_json(Path(path) / "maps.json"))
        self.lookups = Lookups().from_disk(path)
        return self


@Language.factory(
    "claimsift_morph",
    requires=["token.tag", "token.dep"],
    assigns=["token.pos", "token.morph", "token.lemma"],
    default_config={},
)
def make_morph(nlp: Language, name: str) -> FastMorph:
    return FastMorph(nlp, name)

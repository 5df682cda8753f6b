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

import srsly
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc
from spacy.util import ensure_path


_KEYS = {"TAG", "LOWER", "DEP", "IS_SPACE"}
CACHE_LIMIT = 200_000


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

    Returns (single-token rules, multi-token rules): each rule is (tests, index, attrs) where
    tests holds one test per pattern token over the features TAG, LOWER, DEP and IS_SPACE.
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
            (single if len(tests) == 1 else multi).append((tests, entry.get("index", 0), attrs))
    return single, multi


class FastMorph:
    """Pipeline component: `token.pos_` from the fine tag, lemmas of content words."""

    def __init__(self, nlp: Language, name: str = "claimsift_morph"):
        self.name = name
        self.vocab = nlp.vocab
        self.patterns: list = []
        self._single: list = []
        self._multi: list = []
        self._attr_cache: Dict[tuple, dict] = {}
        self.lookups = Lookups()
        self._lemmatizer: Optional[EnglishLemmatizer] = None
        self._cache: Dict[Tuple[int, str], str] = {}

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

    def _attrs(self, feats: dict) -> dict:
        key = (feats["TAG"], feats["LOWER"], feats["DEP"], feats["IS_SPACE"])
        found = self._attr_cache.get(key)
        if found is None:
            found = {}
            for tests, _, attrs in self._single:
                if tests[0](feats):
                    found.update(attrs)
            self._attr_cache[key] = found
        return found

    def _rule_lemmatizer(self) -> EnglishLemmatizer:
        if self._lemmatizer is None:
            lem = EnglishLemmatizer(self.vocab, None, name="claimsift_rules", mode="rule")
            lem.lookups = self.lookups
            self._lemmatizer = lem
        return self._lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        cache = self._cache
        lemmatizer = None
        feats = [
            {"TAG": t.tag_, "LOWER": t.lower_, "DEP": t.dep_, "IS_SPACE": t.is_space} for t in doc
        ]
        attrs_of = [self._attrs(f) for f in feats]
        for tests, index, attrs in self._multi:  # rare rules over several tokens ("there is")
            width = len(tests)
            for i in range(len(feats) - width + 1):
                if all(test(feats[i + k]) for k, test in enumerate(tests)):
                    attrs_of[i + index] = {**attrs_of[i + index], **attrs}
        if len(cache) > CACHE_LIMIT or len(self._attr_cache) > CACHE_LIMIT:
            self._trim()
        for token, attrs in zip(doc, attrs_of):
            pos = attrs.get("POS")
            if pos:
                token.pos_ = pos
            if "MORPH" in attrs:
                token.set_morph(attrs["MORPH"])
            if "LEMMA" in attrs:
                token.lemma_ = attrs["LEMMA"]
            else:
                key = (token.orth, pos, attrs.get("MORPH"))
                lemma = cache.get(key)
                if lemma is None:
                    lemmatizer = lemmatizer or self._rule_lemmatizer()
                    lemma = lemmatizer.rule_lemmatize(token)[0]
                    cache[key] = lemma
                token.lemma_ = lemma
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

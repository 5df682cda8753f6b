"""Sentence-selective parsing: tok2vec, tagger and parser only where a stage needs a parse.

The quote, figure and people stages read tags and dependencies in sentences that hold quotation
marks, numbers (digits or number words), reporting verbs or candidate names (capitalized words
inside a sentence). This stage takes the base model's tok2vec, tagger and parser out of the
pipeline and runs them only on such sentences, plus `neighbours` sentences on each side (context
for speakers and pronouns), each contiguous run of selected sentences as a Doc of its own; their
tags, heads and labels are copied back at their offsets.

The other sentences are left unparsed in a way later stages tolerate: tag `XX` (unknown; `_SP`
for white space), so POS `X` and a lower-case lemma; no head and no label (each token is its own
head, `dep_ == ""`, which spaCy reads as "missing"); and sentence starts from a rule splitter
(spaCy's Sentencizer, within the news boundaries set before), so `doc.sents` still covers the
whole text. The entity recognizer has its own tok2vec and still sees every token.

Off by default (`load_pipeline(selective=True)` or `PipelineSpec(selective=True)`): on news
nearly every sentence holds a capitalized name or sits next to one that does, so the default
selection skips little; see the README's measured figures.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, List, Sequence, Tuple

import numpy
from spacy.attrs import DEP, HEAD, SENT_START, TAG
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from spacy.util import minibatch

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
PARSING = ("tok2vec", "tagger", "parser")
_QUOTE_TOKENS = {'"', "“", "”", "«", "»", "‘", "``", "''", "`", "'", "„", "‹", "›"}


def _word_list(name: str) -> frozenset:
    lines = (RESOURCES / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def number_words() -> frozenset:
    return _word_list("selective_number_words.txt")


def reporting_forms(exceptions: dict) -> frozenset:
    """Every written form of the reporting verbs: regular inflections, and the irregular forms of
    the lemmatizer's exception table (`exceptions`: form -> [lemmas])."""
    lemmas = _word_list("quotes_reporting_verbs.txt")
    forms = set(lemmas)
    for lemma in lemmas:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms.update({lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + lemma[-1] + "ed",
                      lemma + lemma[-1] + "ing"})
        if lemma.endswith("y"):
            forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    forms.update(form for form, found in exceptions.items() if lemmas.intersection(found))
    return frozenset(forms)


def _opens(doc: Doc, i: int) -> bool:
    """An opening mark: written against the next word, apart from the previous one."""
    token = doc[i]
    return (token.is_left_punct or token.text in _QUOTE_TOKENS) and not token.whitespace_ and (
        i == 0 or bool(doc[i - 1].whitespace_)
    )


def sentence_units(doc: Doc, guesses: Sequence[bool]) -> List[Tuple[int, int]]:
    """Token ranges of the sentences a rule splitter finds, within the boundaries already set
    (a token marked as no start stays inside its sentence)."""
    starts = [0]
    for i in range(1, len(doc)):
        preset = doc[i].is_sent_start
        if preset:
            starts.append(i)
        elif guesses[i] and preset is None:
            # the splitter leaves an opening quotation mark with the sentence before it
            while i - 1 > starts[-1] and _opens(doc, i - 1):
                i -= 1
            starts.append(i)
    return list(zip(starts, starts[1:] + [len(doc)]))


class SelectiveParser:
    """Pipeline component: the base model's tok2vec, tagger and parser on the sentences that need them."""

    def __init__(self, nlp: Language, name: str, names: bool, neighbours: int):
        self.name = name
        self.vocab = nlp.vocab
        self.names = names
        self.neighbours = neighbours
        self.parts: List[Tuple[str, object]] = []
        self.splitter = Sentencizer()
        self.verbs: frozenset = frozenset()
        self.unknown_tag = nlp.vocab.strings.add("XX")
        self.space_tag = nlp.vocab.strings.add("_SP")

    def take_over(self, nlp: Language) -> None:
        """Remove tok2vec, tagger and parser from `nlp`'s pipeline and run them from here."""
        self.parts = [(name, nlp.remove_pipe(name)[1]) for name in PARSING if name in nlp.pipe_names]
        # irregular forms ("said", "told") from the lemma exceptions of whichever stage holds them
        owner = next((nlp.get_pipe(n) for n in ("claimsift_morph", "lemmatizer") if n in nlp.pipe_names), None)
        lookups = getattr(owner, "lookups", None)
        table = lookups.get_table("lemma_exc", {}) if lookups is not None else {}
        self.verbs = reporting_forms(dict(table.get("verb", {})))

    def _needs_parse(self, doc: Doc, start: int, end: int) -> bool:
        numbers = number_words()
        for token in doc[start:end]:
            text = token.text
            lower = token.lower_
            if text in _QUOTE_TOKENS or lower in self.verbs or lower in numbers:
                return True
            if any(c.isdigit() for c in text):
                return True
            if self.names and token.i > start and text[:1].isupper() and token.is_alpha and text != "I":
                return True
        return False

    def selection(self, doc: Doc, guesses: Sequence[bool]) -> Tuple[List[Tuple[int, int]], List[Tuple[int, int]]]:
        """(sentence units, merged token ranges to parse)."""
        units = sentence_units(doc, guesses)
        needed = [self._needs_parse(doc, s, e) for s, e in units]
        k = self.neighbours
        keep = [any(needed[max(0, i - k): i + k + 1]) for i in range(len(units))]
        ranges: List[Tuple[int, int]] = []
        for (s, e), kept in zip(units, keep):
            if not kept:
                continue
            if ranges and ranges[-1][1] == s:
                ranges[-1] = (ranges[-1][0], e)
            else:
                ranges.append((s, e))
        return units, ranges

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            yield from self._parse_batch(list(batch))

    def _parse_batch(self, docs: List[Doc]) -> List[Doc]:
        work = [d for d in docs if len(d)]
        guesses = self.splitter.predict(work) if work else []
        plans = [self.selection(doc, g) for doc, g in zip(work, guesses)]
        subs = [doc[s:e].as_doc() for doc, (_, ranges) in zip(work, plans) for s, e in ranges]
        for _, part in self.parts:
            subs = list(part.pipe(subs)) if hasattr(part, "pipe") else [part(d) for d in subs]
        at = 0
        for doc, (units, ranges) in zip(work, plans):
            self._copy_back(doc, units, ranges, subs[at: at + len(ranges)])
            at += len(ranges)
        return docs

    def _copy_back(self, doc: Doc, units, ranges, subs: List[Doc]) -> None:
        n = len(doc)
        spaces = doc.to_array("IS_SPACE").astype(bool)
        values = numpy.zeros((n, 3), dtype="uint64")
        values[:, 0] = numpy.where(spaces, self.space_tag, self.unknown_tag)
        parsed = numpy.zeros(n, dtype=bool)
        for (s, e), sub in zip(ranges, subs):
            values[s:e] = sub.to_array([TAG, HEAD, DEP])
            parsed[s:e] = True
        doc.from_array([TAG, HEAD, DEP], values)
        # Sentence starts: the parser's in the parsed ranges, the rule splitter's elsewhere.
        starts = doc.to_array([SENT_START]).astype("int64").reshape(-1)
        for s, e in units:
            if not parsed[s]:
                starts[s] = 1
                starts[s + 1: e] = -1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))


@Language.factory(
    "claimsift_selective",
    assigns=["token.tag", "token.dep", "token.head", "token.is_sent_start"],
    default_config={"names": True, "neighbours": 1},
)
def make_selective(nlp: Language, name: str, names: bool, neighbours: int) -> SelectiveParser:
    return SelectiveParser(nlp, name, names, neighbours)


def use_selective(nlp: Language, **config) -> None:
    """Put `claimsift_selective` in place of the base model's tok2vec, tagger and parser."""
    if "parser" not in nlp.pipe_names or "claimsift_sentences" not in nlp.pipe_names:
        return
    selective = nlp.add_pipe("claimsift_selective", after="claimsift_sentences", config=config)
    selective.take_over(nlp)

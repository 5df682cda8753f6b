"""The whole pipeline on the corpus with the real English model."""

from __future__ import annotations

import spacy

from models import NumericRecord, QuoteRecord, parse_record
from pipeline import load_pipeline
from pipeline.assemble import DEFAULT_MODELS, ModelNotFound, load_base
from pipeline.attrs import ARTICLE
from pipeline.export import doc_to_records, records_to_jsonl
from tests.conftest import CORPUS, assert_offsets

import pytest

STAGES = ["claimsift_article", "claimsift_sentences", "claimsift_people", "claimsift_quotes", "claimsift_figures"]


def test_stage_order(nlp):
    names = nlp.pipe_names
    positions = [names.index(s) for s in STAGES]
    assert positions == sorted(positions)
    assert names.index("claimsift_sentences") < names.index("parser")
    assert names.index("ner") < names.index("claimsift_people")


def test_analyze_pipes_reports_no_problems(nlp):
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}


def test_unknown_model_gives_one_line_error():
    with pytest.raises(ModelNotFound) as err:
        load_base("no_such_pipeline_xyz")
    message = str(err.value)
    assert "\n" not in message and "pip install" in message


def test_default_model_is_an_installed_english_pipeline(nlp):
    assert nlp.meta["lang"] == "en"
    assert any(spacy.util.is_package(name) for name in DEFAULT_MODELS)


def _corpus_docs(nlp):
    paths = sorted(CORPUS.glob("*.txt"))
    docs = []
    for path in paths:
        doc = nlp.make_doc(open(path, encoding="utf-8").read())
        doc._.set(ARTICLE, {"id": path.stem, "published": None, "title": None, "url": None})
        docs.append(doc)
    return list(nlp.pipe(docs))


def test_corpus_records_validate_and_point_at_their_text(nlp):
    quotes = figures = 0
    for doc in _corpus_docs(nlp):
        records = doc_to_records(doc)
        assert_offsets(doc.text, records)
        for line in records_to_jsonl(records).splitlines():
            record = parse_record(line)
            quotes += isinstance(record, QuoteRecord)
            figures += isinstance(record, NumericRecord)
        ids = [r.id for r in records]
        assert len(ids) == len(set(ids))
    assert quotes >= 30 and figures >= 30


def test_same_input_same_bytes(nlp):
    first = [records_to_jsonl(doc_to_records(d)) for d in _corpus_docs(nlp)]
    second = [records_to_jsonl(doc_to_records(d)) for d in _corpus_docs(nlp)]
    assert first == second


def test_pipeline_round_trips_through_disk(nlp, tmp_path):
    nlp.to_disk(tmp_path / "model")
    reloaded = spacy.load(tmp_path / "model")
    assert reloaded.pipe_names == nlp.pipe_names
    text = "“Prices will keep rising,” said Maria Lopez, the bank’s chief economist. Inflation hit 4.2% in May."
    a = doc_to_records(nlp(text))
    b = doc_to_records(reloaded(text))
    assert [r.model_dump() for r in a] == [r.model_dump() for r in b]
    assert {r.type for r in a} == {"quote", "numeric"}


def test_repeated_claims_share_a_cluster(nlp):
    first = "“Rents are out of control,” said Mayor Ana Ruiz. The city spent $4 million on shelters."
    second = "The city spent $4 million on shelters last year.\n\n“Rents are out of control!” said Ruiz."
    a = {r.type: r.cluster for r in doc_to_records(nlp(first))}
    b = {r.type: r.cluster for r in doc_to_records(nlp(second))}
    assert a["quote"] == b["quote"]
    assert a["numeric"] == b["numeric"]
    assert a["quote"] != a["numeric"]

"""The whole pipeline on the corpus with the real English model."""

from __future__ import annotations

import importlib
import json

import spacy

from models import NumericRecord, QuoteRecord, parse_record
from pipeline.assemble import DEFAULT_MODELS, SCALE_LETTERS, ModelNotFound, load_base
from pipeline.attrs import ARTICLE
from pipeline.export import doc_to_records, records_to_jsonl
from tests.conftest import CORPUS, assert_offsets

import pytest

STAGES = ["claimsift_article", "claimsift_sentences", "claimsift_entities", "claimsift_quotes", "claimsift_figures"]


def test_stage_order(nlp):
    names = nlp.pipe_names
    positions = [names.index(s) for s in STAGES]
    assert positions == sorted(positions)
    assert names.index("claimsift_sentences") < names.index("parser")
    assert names.index("ner") < names.index("claimsift_entities")


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


def test_the_tokenizer_is_the_base_models_without_the_scale_letter_exceptions_with_the_titles(nlp):
    """claimsift reads the model's tokenizer itself (its special cases built once): the same
    tokenizer as the model's with the exceptions of SCALE_LETTERS taken out, an exception for each
    abbreviated title the entity stage knows, and market data codes kept whole."""
    from spacy.attrs import ORTH

    from pipeline.entities.lexicon import ABBREVIATED_TITLES, INSTRUMENT_CODE

    base = load_base()
    rules = {key: value for key, value in base.tokenizer.rules.items() if key not in SCALE_LETTERS}
    base.tokenizer.rules = {**{title: [{ORTH: title}] for title in ABBREVIATED_TITLES}, **rules}
    base.tokenizer.token_match = INSTRUMENT_CODE.match
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == base.tokenizer.to_bytes(exclude=["vocab"])
    assert [t.text for t in nlp.make_doc("The bill came to £40m. Then it rose.")][6:8] == ["m", "."]  # base: "m."
    assert [t.text for t in nlp.make_doc("said Det. Jane Doe.")] == ["said", "Det.", "Jane", "Doe", "."]  # base: "Det", "."


def _corpus_docs(nlp):
    paths = sorted(CORPUS.glob("*.txt"))
    docs = []
    for path in paths:
        doc = nlp.make_doc(open(path, encoding="utf-8").read())
        doc._.set(ARTICLE, {"id": path.stem, "published": None, "title": None, "url": None})
        docs.append(doc)
    return list(nlp.pipe(docs))


@pytest.mark.slow
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


@pytest.mark.slow
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


MARKER = "FAIL-HERE-MARKER-9K"
OUR_STAGES = STAGES + ["claimsift_morph"]
INNER = {  # the function each stage's component calls to do its work
    "claimsift_sentences": ("pipeline.components.sentences", "set_news_boundaries"),
    "claimsift_entities": ("pipeline.entities.clusters", "build_entities"),
    "claimsift_quotes": ("pipeline.quoting.attribution", "find_quotes"),
    "claimsift_figures": ("pipeline.figures.assembly", "extract_figures"),
}


@pytest.mark.parametrize("stage", OUR_STAGES)
def test_a_failure_inside_each_stage_is_an_error_line_naming_it(nlp, stage, tmp_path, monkeypatch):
    """The stages do not swallow their failures: spaCy's error handler raises them, and the runner
    writes an error line naming the stage, keeps the other articles and exits 1."""
    from pipeline import runner

    inner = INNER.get(stage)
    if inner:  # the failure comes from inside the stage's own work, under its component
        module_name, attr = inner
        module = importlib.import_module(module_name)
        original_fn = getattr(module, attr)

        def failing_fn(doc, *args, **kwargs):
            if MARKER in doc.text:
                raise RuntimeError("injected failure")
            return original_fn(doc, *args, **kwargs)

        monkeypatch.setattr(module, attr, failing_fn)
    else:
        cls = type(nlp.get_pipe(stage))
        original = cls.__call__

        def failing(self, doc):
            if MARKER in doc.text:
                raise RuntimeError("injected failure")
            return original(self, doc)

        monkeypatch.setattr(cls, "__call__", failing)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(
            f"Sales rose {i + 3}% last year.\n\n\u201cWe did well,\u201d said Nora Lind.\n" + (MARKER if i == 1 else ""),
            encoding="utf-8",
        )
    out = tmp_path / "o.jsonl"
    summary = runner.run([folder], out, nlp=nlp, workers=1)
    assert summary.exit_code == 1 and summary.failed == 1 and summary.articles == 3
    (problem,) = [json.loads(line) for line in runner.errors_path(out).read_text().splitlines()]
    assert problem["level"] == "error" and problem["id"] == "a1"
    assert f"stage {stage} failed: RuntimeError: injected failure" in problem["reason"]
    ids = {json.loads(line)["article"]["id"] for line in out.read_text().splitlines()}
    assert ids == {"a0", "a2"}

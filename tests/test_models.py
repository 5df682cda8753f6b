"""The record contract: committed schema, strict validation."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from models import SCHEMA_VERSION, NumericRecord, QuoteRecord, parse_record, record_json_schema
from tests.conftest import ROOT

SCHEMA_FILE = ROOT / "models" / "schema" / "record.schema.json"

ARTICLE = {"id": "a", "published": None, "title": None, "url": None, "author": None, "site": None}
SENTENCE = {"start": 0, "end": 27, "text": "Rates rose 4.5% last month."}


def quote(**over):
    data = {
        "id": "x", "type": "quote", "article": ARTICLE, "span": {"start": 0, "end": 5},
        "text": "Rates", "sentence": SENTENCE, "confidence": 0.9, "cluster": "q1", "kind": "direct",
        "speaker": {"name": "Jane Doe", "mention": "Doe", "mention_span": None, "title": None},
        "cue": "said",
    }
    data.update(over)
    return data


def numeric(**over):
    data = {
        "id": "y", "type": "numeric", "article": ARTICLE, "span": {"start": 11, "end": 15},
        "text": "4.5%", "sentence": SENTENCE, "confidence": 0.8, "cluster": "n1",
        "quantity": {"value": 4.5, "unit": "percent", "kind": "percent", "approx": None},
        "subject": {"name": "Rates", "kind": "thing"}, "predicate": "rise", "statement": "Rates rose 4.5%",
        "time": {"text": "last month", "date": None}, "attributed_to": None,
    }
    data.update(over)
    return data


def test_committed_schema_matches_models():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(record_json_schema())), (
        "models changed: regenerate models/schema/record.schema.json with `claimsift schema` "
        "and bump SCHEMA_VERSION if the format changed"
    )


def test_schema_documents_every_field():
    schema = record_json_schema()
    for name, definition in schema["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description"


@pytest.mark.parametrize("data,cls", [(quote(), QuoteRecord), (numeric(), NumericRecord)])
def test_records_round_trip_through_json(data, cls):
    record = parse_record(json.dumps(data))
    assert isinstance(record, cls)
    assert json.loads(record.model_dump_json()) == {"schema_version": SCHEMA_VERSION, **data}


@pytest.mark.parametrize(
    "data",
    [
        quote(extra_field=1),                                   # extra="forbid"
        quote(kind="paraphrase"),                               # unknown kind
        quote(span={"start": 5, "end": 0}),                     # reversed span
        quote(span={"start": 0, "end": 4}),                     # span length differs from text
        quote(confidence=1.5),
        numeric(quantity={"value": 1, "unit": None, "kind": "weight", "approx": None}),
        numeric(type="figure"),
        {k: v for k, v in numeric().items() if k != "statement"},
    ],
)
def test_invalid_records_are_refused(data):
    with pytest.raises(ValidationError):
        parse_record(json.dumps(data))

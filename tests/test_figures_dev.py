"""Held-out figures dev set (tests/data/figures_dev.jsonl): 14 hand-annotated articles in the gold
format (markets, earnings, British economy, health rates, sports, elections, budgets, crime
statistics full of dates, tech with model numbers and addresses, wire copy, surveys, courts, a
central bank, NHS statistics). Runs the real pipeline once and scores it with the gold rules.

The thresholds sit a little below what the stage reached when they were set (figure F1 98.1%,
value 100%, subject 95.0%). The set was written before the fixes but then used to find failure
classes, so treat it as a regression guard, not as an unseen-article estimate.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate import load_gold, predict_gold, score

pytestmark = pytest.mark.slow  # runs the pipeline over whole annotated sets

DEV = Path(__file__).resolve().parent / "data" / "figures_dev.jsonl"

MIN_F1 = 0.96
MIN_VALUE = 0.98
MIN_SUBJECT = 0.90


@pytest.fixture(scope="module")
def run(nlp):
    gold = load_gold(DEV)
    preds = predict_gold(gold, nlp)
    return gold, preds, score(gold, preds)


def test_gold_offsets_are_exact():
    for line in DEV.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        assert art["quotes"] == []
        for f in art["figures"]:
            assert art["text"][f["start"]:f["end"]] == f["text"], (art["id"], f)


def test_predicted_offsets_are_exact(run):
    gold, preds, _ = run
    texts = {a["id"]: a["text"] for a in gold}
    figures = [p for p in preds if p.get("type") == "numeric"]
    assert figures
    for p in figures:
        text = texts[p["article"]["id"]]
        assert text[p["span"]["start"]:p["span"]["end"]] == p["text"], p


def test_figure_f1(run):
    f = run[2]["figures"]
    assert f["f1"] >= MIN_F1, {k: v for k, v in f.items() if k in ("tp", "fp", "fn", "f1")}


def test_value_accuracy(run):
    f = run[2]["figures"]
    assert f["value"]["accuracy"] >= MIN_VALUE, f["value"]


def test_subject_accuracy(run):
    f = run[2]["figures"]
    assert f["subject"]["accuracy"] >= MIN_SUBJECT, f["subject"]

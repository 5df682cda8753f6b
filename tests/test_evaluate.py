"""Unit tests of the gold scoring rules (pipeline/evaluate.py). Pure: no spaCy pipeline."""

from __future__ import annotations

import json

import pytest

from pipeline.evaluate import (
    canonical_name,
    format_scores,
    last_name,
    load_gold,
    load_predictions,
    main,
    names_someone,
    predict_gold,
    score,
    statement_f1,
)
from tests.conftest import SHARED, assert_offsets

TEXT = (
    "The county reported 1,204 new cases on Monday, a rise of 12.5% from last week. "
    "\u201cWe are watching the numbers closely,\u201d said Dr. Amara Okafor, the health director. "
    "Officials said hospital beds stood at nearly 40 percent of capacity."
)


def span(needle: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def gquote(needle, speaker="Amara Okafor", named=True, kind="direct", text=TEXT):
    start, end = span(needle, text)
    return {"start": start, "end": end, "text": needle, "kind": kind, "speaker": speaker, "named": named,
            "speaker_mention": speaker}


def gfigure(needle, value, subject=None, kind="count", text=TEXT):
    start, end = span(needle, text)
    return {"start": start, "end": end, "text": needle, "value": value, "kind": kind, "unit": None,
            "approx": None, "subject": subject}


def article(aid="a1", quotes=(), figures=(), text=TEXT):
    return {"id": aid, "published": None, "text": text, "quotes": list(quotes), "figures": list(figures)}


def pquote(start, end, speaker="Amara Okafor", aid="a1", kind="direct", text=TEXT):
    return {"type": "quote", "article": {"id": aid}, "span": {"start": start, "end": end},
            "text": text[start:end], "kind": kind,
            "speaker": None if speaker is None else {"name": speaker, "mention": speaker}}


def pfigure(start, end, value, subject=None, aid="a1", kind="count", text=TEXT):
    return {"type": "numeric", "article": {"id": aid}, "span": {"start": start, "end": end},
            "text": text[start:end], "quantity": {"value": value, "kind": kind, "unit": None},
            "subject": None if subject is None else {"name": subject}}


QUOTE = "We are watching the numbers closely,"


# --------------------------------------------------------------------------- quote matching


@pytest.mark.parametrize(
    "gold_len, pred_offset, pred_len, matches",
    [
        (20, 0, 20, True),     # identical
        (20, 10, 20, True),    # overlap 10 = exactly half of each
        (20, 11, 20, False),   # overlap 9 < half
        (20, 0, 40, True),     # pred twice as long: overlap 20 = exactly half of pred
        (20, 0, 41, False),    # pred more than twice as long
        (20, 5, 10, True),     # pred inside gold, covering exactly half of gold
        (20, 5, 9, False),     # pred inside gold, covering less than half of gold
        (21, 0, 10, False),    # 10/21 < half (odd length, integer arithmetic)
        (21, 0, 11, True),
    ],
)
def test_quote_match_needs_half_of_each_span(gold_len, pred_offset, pred_len, matches):
    text = "x" * 100
    gold = [article(text=text, quotes=[{"start": 30, "end": 30 + gold_len, "kind": "direct",
                                        "speaker": "Amara Okafor", "named": True}])]
    start = 30 + pred_offset
    preds = [pquote(start, start + pred_len, text=text)]
    result = score(gold, preds)["quotes"]
    assert (result["tp"], result["fp"], result["fn"]) == ((1, 0, 0) if matches else (0, 1, 1))


def test_quote_matching_is_one_to_one_best_overlap_first():
    text = "y" * 200
    gold = [article(text=text, quotes=[
        {"start": 0, "end": 20, "speaker": "A B", "named": True},
        {"start": 20, "end": 40, "speaker": "C D", "named": True},
    ])]
    # pred 0 covers 10..30: overlaps each gold by 10 (ok for gold, exactly half of pred).
    # pred 1 covers 18..40: best partner of gold 1 (overlap 20).
    preds = [pquote(10, 30, speaker="A B", text=text), pquote(18, 40, speaker="C D", text=text)]
    result = score(gold, preds)
    assert result["quotes"]["tp"] == 2
    assert result["quotes"]["speaker_strict"] == {"correct": 2, "n": 2, "accuracy": 1.0}
    # two predictions for one gold quote: one match, one false positive
    gold = [article(text=text, quotes=[{"start": 0, "end": 20, "speaker": "A B", "named": True}])]
    preds = [pquote(0, 18, text=text), pquote(0, 20, text=text)]
    result = score(gold, preds)
    assert (result["quotes"]["tp"], result["quotes"]["fp"], result["quotes"]["fn"]) == (1, 1, 0)
    assert result["errors"]["false_quotes"][0]["end"] == 18  # the better overlap won


def test_quote_prf_and_errors():
    gold = [article(quotes=[gquote(QUOTE)], figures=[])]
    start, end = span(QUOTE)
    stray = span("hospital beds")
    result = score(gold, [pquote(start, end), pquote(*stray, speaker=None)])
    q = result["quotes"]
    assert (q["tp"], q["fp"], q["fn"]) == (1, 1, 0)
    assert q["precision"] == 0.5 and q["recall"] == 1.0 and q["f1"] == pytest.approx(2 / 3)
    assert result["errors"]["false_quotes"][0]["text"] == "hospital beds"
    assert result["errors"]["offset_mismatches"] == []


# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    "gold_name, predicted, strict, lenient",
    [
        ("Amara Okafor", "Amara Okafor", True, True),
        ("Amara Okafor", "amara okafor", True, True),
        ("Amara Okafor", "Dr. Amara Okafor", True, True),
        ("Amara Okafor", "Rep. Amara Okafor", True, True),
        ("Amara Okafor", "Sen. Amara Okafor", True, True),
        ("Amara Okafor", "Mayor Amara Okafor", True, True),
        ("Amara Okafor", "President Amara Okafor", True, True),
        ("Amara Okafor", "Vice President Amara Okafor", True, True),
        ("Sen. Amara Okafor", "Amara Okafor", True, True),
        ("Amara O'Kafor", "Amara OKafor", True, True),          # punctuation ignored
        ("Amara Okafor", "Okafor", False, True),                 # lenient: last names agree
        ("Amara Okafor", "Dr. Okafor", False, True),
        ("Amara Okafor", "Amara Mensah", False, False),
        ("Amara Okafor", None, False, False),                    # a null speaker is wrong
        ("Amara Okafor", "", False, False),
        ("Lewis Hale Jr.", "Lewis Hale", False, True),           # suffix: strict differs, lenient agrees
    ],
)
def test_speaker_strict_and_lenient(gold_name, predicted, strict, lenient):
    gold = [article(quotes=[gquote(QUOTE, speaker=gold_name)])]
    start, end = span(QUOTE)
    result = score(gold, [pquote(start, end, speaker=predicted)])["quotes"]
    assert result["speaker_strict"] == {"correct": int(strict), "n": 1, "accuracy": float(strict)}
    assert result["speaker_lenient"] == {"correct": int(lenient), "n": 1, "accuracy": float(lenient)}


def test_speaker_accuracy_only_over_named_gold_speakers():
    gold = [article(quotes=[gquote(QUOTE, speaker="a county spokesperson", named=False)])]
    start, end = span(QUOTE)
    result = score(gold, [pquote(start, end, speaker=None)])["quotes"]
    assert result["tp"] == 1
    assert result["speaker_strict"] == {"correct": 0, "n": 0, "accuracy": None}


def test_speaker_without_dict_name_is_wrong():
    gold = [article(quotes=[gquote(QUOTE)])]
    start, end = span(QUOTE)
    pred = pquote(start, end)
    pred["speaker"] = {"name": None, "mention": "officials"}
    result = score(gold, [pred])
    assert result["quotes"]["speaker_lenient"]["correct"] == 0
    assert result["errors"]["wrong_speakers"][0]["predicted"] is None


@pytest.mark.parametrize(
    "name, canonical, last",
    [
        ("Rep. Jane  Doe", "jane doe", "doe"),
        ("U.S. Sen. Maria Lopez", "maria lopez", "lopez"),
        ("Lt. Gov. Dan Reyes", "dan reyes", "reyes"),
        ("former President Ann Lee", "ann lee", "lee"),
        ("Jean-Luc Martin", "jean luc martin", "martin"),
        ("Martin Hale III", "martin hale iii", "hale"),
        ("Mayor", "mayor", "mayor"),  # a lone title is kept
        ("", "", ""),
    ],
)
def test_name_normalization(name, canonical, last):
    assert canonical_name(name) == canonical
    assert last_name(name) == last


# --------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    "gold_len, pred_start, pred_len, matches",
    [
        (10, 0, 10, True),
        (10, 5, 10, True),      # overlap 5 = exactly half of the gold span
        (10, 6, 10, False),     # overlap 4
        (10, 0, 35, True),      # exactly 25 characters longer
        (10, 0, 36, False),     # 26 characters longer
        (10, -25, 35, True),    # 25 longer, gold at its end
        (10, 2, 5, True),       # short prediction covering half the gold
        (10, 2, 4, False),
        (9, 0, 5, True),        # 5/9 >= half
        (9, 0, 4, False),       # 4/9 < half
    ],
)
def test_figure_match_boundaries(gold_len, pred_start, pred_len, matches):
    text = "z" * 200
    gold = [article(text=text, figures=[{"start": 50, "end": 50 + gold_len, "value": 1.0, "kind": "count",
                                         "subject": None}])]
    start = 50 + pred_start
    result = score(gold, [pfigure(start, start + pred_len, 1.0, text=text)])["figures"]
    assert (result["tp"], result["fp"], result["fn"]) == ((1, 0, 0) if matches else (0, 1, 1))


def test_figure_matching_is_one_to_one():
    needle = "1,204 new cases"
    gold = [article(figures=[gfigure("1,204", 1204.0)])]
    s, e = span(needle)
    preds = [pfigure(s, e, 1204.0), pfigure(s, s + 5, 1204.0)]  # the exact one wins
    result = score(gold, preds)
    assert (result["figures"]["tp"], result["figures"]["fp"]) == (1, 1)
    assert result["errors"]["false_figures"][0]["text"] == needle


def test_figures_by_kind_recall_over_gold_and_precision_over_predictions():
    gold = [article(figures=[gfigure("1,204", 1204.0), gfigure("12.5%", 12.5, kind="percent"),
                             gfigure("40 percent", 40.0, kind="percent")])]
    preds = [pfigure(*span("1,204"), 1204.0), pfigure(*span("12.5%"), 12.5, kind="percent"),
             pfigure(*span("Monday"), 1.0, kind="duration")]  # one percent missed, a duration that is none
    by_kind = score(gold, preds)["figures"]["by_kind"]
    assert by_kind["count"] == {"gold": 1, "recall": 1.0, "predicted": 1, "precision": 1.0}
    assert by_kind["percent"] == {"gold": 2, "recall": 0.5, "predicted": 1, "precision": 1.0}
    assert by_kind["duration"] == {"gold": 0, "recall": None, "predicted": 1, "precision": 0.0}
    assert "figures by kind" in format_scores(score(gold, preds))


@pytest.mark.parametrize(
    "gold_value, predicted, ok",
    [
        (1204.0, 1204.0, True),
        (1_000_000.0, 1_000_001.0, True),     # exactly 1e-6 of the gold
        (1_000_000.0, 1_000_001.5, False),
        (12.5, 12.5 + 1.2e-5, True),
        (12.5, 12.5 + 1.3e-5, False),
        (-3.0, -3.0, True),
        (0.0, 0.0, True),                     # gold 0 needs an exact 0
        (0.0, 1e-12, False),
        (5.0, None, False),
        (5.0, float("nan"), False),
    ],
)
def test_value_tolerance(gold_value, predicted, ok):
    gold = [article(figures=[gfigure("12.5%", gold_value, kind="percent")])]
    s, e = span("12.5%")
    result = score(gold, [pfigure(s, e, predicted)])
    assert result["figures"]["value"] == {"correct": int(ok), "n": 1, "accuracy": float(ok)}
    assert len(result["errors"]["wrong_values"]) == int(not ok)


@pytest.mark.parametrize(
    "subject, named",
    [
        ("Amara Okafor", True),
        ("Bureau of Labor Statistics", True),
        ("the Federal Reserve", True),
        ("U.S. Department of Labor", True),
        ("homeless families in Riverton", False),
        ("columnist's hypothetical bet", False),
        ("county hospital beds", False),
        ("factors in the race (per Amara Okafor)", False),
        (None, False),
        ("", False),
    ],
)
def test_names_someone(subject, named):
    assert names_someone(subject) is named


@pytest.mark.parametrize(
    "gold_subject, predicted, counted, ok",
    [
        ("Amara Okafor", "Amara Okafor", True, True),
        ("Amara Okafor", "Okafor", True, True),                  # last word agrees
        ("Amara Okafor", "okafor.", True, True),                 # case and punctuation ignored
        ("Amara Okafor", "Amara", True, False),
        ("Amara Okafor", None, True, False),                     # missing subject is wrong
        ("Bureau of Labor Statistics", "Labor Statistics", True, True),
        ("county hospital beds", "beds", False, None),           # not a name: not counted
    ],
)
def test_subject_accuracy(gold_subject, predicted, counted, ok):
    gold = [article(figures=[gfigure("nearly 40 percent", 40.0, subject=gold_subject, kind="percent")])]
    s, e = span("40 percent")
    result = score(gold, [pfigure(s, e, 40.0, subject=predicted)])
    assert result["figures"]["tp"] == 1
    subject = result["figures"]["subject"]
    if counted:
        assert subject == {"correct": int(ok), "n": 1, "accuracy": float(ok)}
    else:
        assert subject == {"correct": 0, "n": 0, "accuracy": None}


# --------------------------------------------------------------------------- corner cases


def test_records_at_confidence_0_8_or_more_are_counted_right_or_wrong():
    """A confident quote is right with the right named speaker, a confident figure with the right
    value; a confident record that matches nothing is wrong; records below 0.8 are not counted."""
    gold = [article(quotes=[gquote(QUOTE)], figures=[gfigure("1,204", 1204.0), gfigure("40 percent", 40.0)])]
    q = pquote(*span(QUOTE), speaker="Tom Hale")
    q["confidence"] = 0.9
    stray = pquote(*span("Officials said"), speaker="Officials")
    stray["confidence"] = 0.85
    right, wrong, unsure = (pfigure(*span("1,204"), 1204.0), pfigure(*span("40 percent"), 4.0),
                            pfigure(*span("12.5%"), 12.5))
    right["confidence"], wrong["confidence"], unsure["confidence"] = 0.95, 0.8, 0.5
    result = score(gold, [q, stray, right, wrong, unsure])
    assert result["quotes"]["confident"] == {"correct": 0, "n": 2, "accuracy": 0.0}
    assert result["figures"]["confident"] == {"correct": 1, "n": 2, "accuracy": 0.5}


def test_empty_predictions():
    gold = [article(quotes=[gquote(QUOTE)], figures=[gfigure("1,204", 1204.0)])]
    result = score(gold, [])
    for key in ("quotes", "figures"):
        assert (result[key]["tp"], result[key]["fp"], result[key]["fn"]) == (0, 0, 1)
        assert result[key]["precision"] is None
        assert result[key]["recall"] == 0.0 and result[key]["f1"] == 0.0
    assert len(result["errors"]["missed_quotes"]) == 1 and len(result["errors"]["missed_figures"]) == 1
    assert "quotes" in format_scores(result, errors=True)


def test_empty_gold_and_predictions():
    result = score([], [])
    assert result["quotes"]["f1"] is None and result["articles"] == {}
    format_scores(result, errors=True)


def test_unknown_article_ids_are_ignored():
    gold = [article(quotes=[gquote(QUOTE)])]
    s, e = span(QUOTE)
    result = score(gold, [pquote(s, e), pquote(s, e, aid="not-in-gold"), pfigure(0, 3, 1.0, aid="other")])
    assert (result["quotes"]["tp"], result["quotes"]["fp"]) == (1, 0)
    assert result["figures"]["fp"] == 0
    assert result["ignored_predictions"] == 2


def test_quote_kinds_filter():
    gold = [article(quotes=[gquote(QUOTE)])]
    s, e = span(QUOTE)
    stray = span("Officials said hospital beds")
    preds = [pquote(s, e), pquote(*stray, kind="indirect")]
    # the gold annotates no reported speech, so predicted indirect quotes are left out by default
    assert score(gold, preds)["quotes"]["fp"] == 0
    assert score(gold, preds, quote_kinds={"direct", "indirect"})["quotes"]["fp"] == 1


def test_indirect_quotes_count_when_the_gold_annotates_reported_speech():
    reported = "hospital beds stood at nearly 40 percent of capacity"
    gold = [article(quotes=[gquote(QUOTE), gquote(reported, speaker="officials", named=False, kind="indirect")])]
    s, e = span(QUOTE)
    r = span(reported)
    stray = span("The county reported 1,204 new cases")
    result = score(gold, [pquote(s, e), pquote(*r, kind="indirect"), pquote(*stray, kind="indirect")])
    q = result["quotes"]
    assert (q["tp"], q["fp"], q["fn"]) == (2, 1, 0)
    assert (q["quoted"]["tp"], q["quoted"]["fp"], q["quoted"]["fn"]) == (1, 0, 0)
    assert (q["indirect"]["tp"], q["indirect"]["fp"], q["indirect"]["fn"]) == (1, 1, 0)
    assert q["indirect"]["precision"] == 0.5
    # a quoted span predicted as reported speech is a quoted-speech miss and an indirect false one
    q = score(gold, [pquote(s, e, kind="indirect"), pquote(*r, kind="indirect")])["quotes"]
    assert q["quoted"]["fn"] == 1 and q["indirect"]["fp"] == 1 and q["tp"] == 2


def test_statements_scored_by_word_f1_worst_first():
    figs = [
        dict(gfigure("1,204", 1204.0, subject="the county"), statement="The county reported 1,204 new cases on Monday"),
        dict(gfigure("12.5%", 12.5, kind="percent"), statement="a rise of 12.5% from last week"),
    ]
    gold = [article(figures=figs)]
    preds = []
    for needle, value, statement, subject in (
        ("1,204", 1204.0, "The county reported 1,204 new cases on Monday.", "county"),
        ("12.5%", 12.5, "county 12.5%", "new cases"),
    ):
        record = pfigure(*span(needle), value, subject=subject)
        record["statement"] = statement
        record["sentence"] = {"text": TEXT.split(". ")[0]}
        preds.append(record)
    f = score(gold, preds)["figures"]
    assert f["statement"]["n"] == 2 and f["statement"]["good"] == 0.5
    assert f["statement"]["f1"] == pytest.approx((1.0 + 2 * 1 / (2 + 7)) / 2)
    assert f["sentence_baseline"]["n"] == 2
    assert f["about"] == {"correct": 1, "n": 1, "accuracy": 1.0}
    worst = score(gold, preds)["errors"]["statements"]
    assert [e["text"] for e in worst] == ["12.5%", "1,204"]
    text = format_scores(score(gold, preds), errors=True)
    assert "statements, worst first (2)" in text and "at F1 >= 0.8" in text


@pytest.mark.parametrize(
    "predicted, gold, f1",
    [
        ("Rick Roe spent $100 million", "Rick Roe spent $100 million", 1.0),
        ("Roe's budget rose 3%", "Roe budget rose 3%.", 1.0),  # possessive and punctuation ignored
        ("", "anything", 0.0),
        ("a a b", "a b b", 2 * 2 / 6),  # words counted as a multiset
    ],
)
def test_statement_f1(predicted, gold, f1):
    assert statement_f1(predicted, gold) == pytest.approx(f1)


def test_per_article_breakdown_and_offset_mismatch():
    other = "Shares fell 3% on Tuesday."
    gold = [
        article("a1", quotes=[gquote(QUOTE)]),
        article("a2", text=other, figures=[gfigure("3%", 3.0, kind="percent", text=other)]),
    ]
    s, e = span(QUOTE)
    bad = pfigure(12, 14, 3.0, aid="a2", text=other)
    bad["text"] = "3 %"  # does not match text[12:14]
    result = score(gold, [pquote(s, e), bad])
    assert result["articles"]["a1"]["quotes"]["tp"] == 1
    assert result["articles"]["a2"]["figures"]["tp"] == 1
    assert result["articles"]["a2"]["quotes"]["fn"] == 0
    assert len(result["errors"]["offset_mismatches"]) == 1
    table = format_scores(result)
    assert "a1" in table and "a2" in table and "OFFSET MISMATCHES" in table


def test_prediction_without_span_is_an_error():
    with pytest.raises(ValueError, match="prediction #0"):
        score([article()], [{"type": "quote", "article": {"id": "a1"}}])


def test_scores_are_json_serializable():
    gold = [article(quotes=[gquote(QUOTE)], figures=[gfigure("1,204", 1204.0, subject="Amara Okafor")])]
    s, e = span("1,204")
    json.dumps(score(gold, [pfigure(s, e, 1204.0, subject="Okafor")]))


# --------------------------------------------------------------------------- files


def test_load_gold_reads_and_validates(tmp_path):
    path = tmp_path / "gold.jsonl"
    good = article(quotes=[gquote(QUOTE)], figures=[gfigure("1,204", 1204.0)])
    path.write_text(json.dumps(good) + "\n\n" + json.dumps(dict(good, id="a2")) + "\n", encoding="utf-8")
    assert [a["id"] for a in load_gold(path)] == ["a1", "a2"]


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps({"id": "x", "text": "abc", "quotes": []}), "'figures'"),
        (json.dumps({"id": "x", "text": "abc", "quotes": [{"start": 1, "end": 9}], "figures": []}), "bad offsets"),
        (json.dumps({"id": "x", "text": "abc", "quotes": [{"start": 0, "end": 2, "text": "bc"}], "figures": []}),
         "not 'bc'"),
    ],
)
def test_load_gold_names_file_and_line(tmp_path, line, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(article()) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_gold(path)
    assert f"{path}:2" in str(info.value)


def test_main_scores_a_predictions_file(tmp_path, capsys):
    gold_path = tmp_path / "gold.jsonl"
    pred_path = tmp_path / "out.jsonl"
    gold_path.write_text(json.dumps(article(quotes=[gquote(QUOTE)])) + "\n", encoding="utf-8")
    s, e = span(QUOTE)
    pred_path.write_text(json.dumps(pquote(s, e)) + "\n", encoding="utf-8")
    assert load_predictions(pred_path)[0]["type"] == "quote"
    assert main([str(gold_path), "--predictions", str(pred_path), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["quotes"]["f1"] == 1.0 and "errors" not in scores
    assert main([str(gold_path), "--predictions", str(pred_path), "--errors"]) == 0
    assert "== missed quotes (0)" in capsys.readouterr().out
    assert main([str(tmp_path / "missing.jsonl"), "--predictions", str(pred_path)]) == 2


# --------------------------------------------------------------------------- the real pipeline


@pytest.fixture(scope="module")
def pipeline_nlp(request):
    """The session's real English pipeline; skipped only while its stages are still being written."""
    try:
        return request.getfixturevalue("nlp")
    except ImportError as err:
        pytest.skip(f"pipeline stages not all present yet: {err}")


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "gold" / "seeds_gold.jsonl").exists(), reason="shared gold not present")
def test_predict_gold_runs_the_pipeline_on_gold_texts(pipeline_nlp):
    gold = load_gold(SHARED / "gold" / "seeds_gold.jsonl")
    records = predict_gold(gold, pipeline_nlp)
    texts = {a["id"]: a["text"] for a in gold}
    assert records and {r["article"]["id"] for r in records} <= set(texts)
    for aid, text in texts.items():
        assert_offsets(text, [r for r in records if r["article"]["id"] == aid])
    result = score(gold, records)
    # the seed gold annotates no reported speech: predicted indirect quotes are left out, nothing else
    indirect = sum(r["type"] == "quote" and r["kind"] == "indirect" for r in records)
    assert result["ignored_predictions"] == indirect and not result["errors"]["offset_mismatches"]
    assert result["quotes"]["tp"] + result["figures"]["tp"] > 0


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "gold" / "seeds_gold.jsonl").exists(), reason="shared gold not present")
def test_seed_gold_scores_stay_where_the_readme_says(pipeline_nlp):
    """The seed scores the README reports: a change that costs any of them fails here."""
    gold = load_gold(SHARED / "gold" / "seeds_gold.jsonl")
    result = score(gold, predict_gold(gold, pipeline_nlp))
    assert result["quotes"]["f1"] == 1.0 and result["figures"]["f1"] == 1.0
    assert result["quotes"]["speaker_strict"]["accuracy"] == 1.0
    assert result["figures"]["value"]["accuracy"] == 1.0
    assert result["figures"]["subject"]["accuracy"] >= 0.9
    assert result["figures"]["statement"]["f1"] >= 0.9

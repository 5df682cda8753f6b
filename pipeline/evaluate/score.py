"""Matching predicted records to gold annotations and scoring them (rules: ``shared/gold/README.md``).

- quotes: a predicted quote matches a gold quote when their character overlap covers at least half
  of each span; one-to-one, best overlap first. Scored over all kinds together, and separately for
  quoted speech (``direct`` and ``fragment``) and reported speech (``indirect``). A gold set that
  annotates no reported speech (the seed gold) leaves predicted ``indirect`` quotes out;
- speaker accuracy, over matched quotes whose gold speaker is named: *strict* when the canonical
  names are equal (:func:`~pipeline.evaluate.names.canonical_name`), *lenient* when the last names
  agree. A prediction without a speaker name is wrong;
- figures: the overlap covers at least half of the gold span and the prediction is at most 25
  characters longer than the gold; one-to-one, best overlap first;
- value accuracy, over matched figures: ``|pred - gold| <= 1e-6 * |gold|``;
- subject accuracy, over matched figures whose gold subject names someone: the predicted subject's
  last word agrees. *About* accuracy, over matched figures with any gold subject: the predicted
  subject shares a content word with it;
- statements, over matched figures with a gold statement: word-level F1
  (:func:`~pipeline.evaluate.statements.statement_f1`), averaged, and the share at F1 >= 0.8;
  the same for the record's sentence, as the baseline a statement must beat;
- figures by kind: recall over the gold figures of each kind, precision over the predicted
  figures of each kind (a kind is the gold's for recall, the prediction's for precision);
- confidence: of the records at confidence 0.8 or more (what ``inspect --min-confidence 0.8``
  keeps), the share that is right: a quote matched with the right named speaker (or a gold
  speaker that names no one), a figure matched with the right value.

Predictions for articles that are not in the gold are ignored (and counted).
"""

from __future__ import annotations

import math
from typing import Any, Iterable, Optional, Sequence

from .names import canonical_name, content_words, last_name, last_word, names_someone
from .statements import GOOD_STATEMENT_F1, statement_f1

QUOTE_MIN_SHARE = 0.5
"""A quote match needs an overlap of at least this share of each span."""
FIGURE_MIN_SHARE = 0.5
"""A figure match needs an overlap of at least this share of the gold span."""
FIGURE_MAX_EXTRA = 25
"""A matched predicted figure may be at most this many characters longer than the gold one."""
VALUE_REL_TOL = 1e-6
# the confidence from which a record should be right at least 80% of the time
CONFIDENT = 0.8
"""A value is right when |pred - gold| <= VALUE_REL_TOL * |gold|."""

QUOTED_KINDS = frozenset({"direct", "fragment"})
"""Quote kinds that are quoted speech; the other kind, ``indirect``, is reported speech."""


# --------------------------------------------------------------------------- matching


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _quote_pair_ok(overlap: int, gold_len: int, pred_len: int) -> bool:
    # "at least half of each span", in integers: 2 * overlap >= length
    return overlap > 0 and 2 * overlap >= gold_len and 2 * overlap >= pred_len


def _figure_pair_ok(overlap: int, gold_len: int, pred_len: int) -> bool:
    return overlap > 0 and 2 * overlap >= gold_len and pred_len - gold_len <= FIGURE_MAX_EXTRA


def _match(gold: list[dict], preds: list[dict], pair_ok) -> list[tuple[int, int]]:
    """One-to-one matching, best overlap first (ties: closer length, then text order)."""
    candidates = []
    for gi, g in enumerate(gold):
        g_len = g["end"] - g["start"]
        for pi, p in enumerate(preds):
            if p["end"] <= g["start"] or p["start"] >= g["end"]:
                continue
            ov = _overlap(g["start"], g["end"], p["start"], p["end"])
            p_len = p["end"] - p["start"]
            if pair_ok(ov, g_len, p_len):
                candidates.append((-ov, abs(p_len - g_len), gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return pairs


def _ratio(num: int, den: int) -> Optional[float]:
    return num / den if den else None


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = _ratio(2 * tp, 2 * tp + fp + fn)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def _acc(correct: int, n: int) -> dict:
    return {"correct": correct, "n": n, "accuracy": _ratio(correct, n)}


def _pred_view(record: dict, index: int) -> dict:
    """The fields scoring needs from one record dict; ValueError when the record is unusable."""
    try:
        span = record["span"]
        start, end = int(span["start"]), int(span["end"])
        article_id = str(record["article"]["id"])
    except (KeyError, TypeError, ValueError):
        raise ValueError(f"prediction #{index} has no usable article.id / span.start / span.end: {str(record)[:200]}") from None
    speaker = record.get("speaker")
    subject = record.get("subject")
    quantity = record.get("quantity") or {}
    return {
        "index": index,
        "article": article_id,
        "type": record.get("type"),
        "start": start,
        "end": end,
        "text": record.get("text"),
        "kind": record.get("kind") if record.get("type") == "quote" else quantity.get("kind"),
        "speaker": speaker.get("name") if isinstance(speaker, dict) else speaker,
        "value": quantity.get("value"),
        "subject": subject.get("name") if isinstance(subject, dict) else subject,
        "subject_kind": subject.get("kind") if isinstance(subject, dict) else None,
        "statement": record.get("statement"),
        "sentence": (record.get("sentence") or {}).get("text"),
        "confidence": record.get("confidence"),
    }


def _value_ok(pred: Any, gold: float) -> bool:
    if isinstance(pred, bool) or not isinstance(pred, (int, float)) or not math.isfinite(pred):
        return False
    return abs(pred - gold) <= VALUE_REL_TOL * abs(gold)


def _where(aid: str, item: dict, text: Optional[str], **details: Any) -> dict:
    """An error entry: the article, the span and its text (from the gold text when given), details."""
    found = item.get("text") if text is None else item.get("text", text[item["start"] : item["end"]])
    return {"article": aid, "start": item["start"], "end": item["end"], "text": found, **details}


def _unmatched(errors: dict, group: str, aid: str, text: str, gold: list, preds: list,
               pairs: list, detail: str) -> None:
    """Error entries for the gold items no prediction matched and the predictions no gold matched."""
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    errors[f"missed_{group}"].extend(
        _where(aid, g, text, kind=g.get("kind"), **{detail: g.get(detail)}) for gi, g in enumerate(gold) if gi not in matched_g
    )
    errors[f"false_{group}"].extend(
        _where(aid, p, None, kind=p["kind"], **{detail: p[detail]}) for pi, p in enumerate(preds) if pi not in matched_p
    )


def _gold_annotates_indirect(gold: Sequence[dict]) -> bool:
    return any(q.get("kind") == "indirect" for article in gold for q in article.get("quotes", ()))


def _group_counts(g_quotes: list, p_quotes: list, kinds: Optional[frozenset], negate: bool = False) -> tuple:
    """(tp, fp, fn) of the quotes whose kind is in `kinds` (or not, with `negate`), matched apart."""
    def keep(item: dict) -> bool:
        return (item.get("kind") in kinds) != negate

    gold = [q for q in g_quotes if keep(q)]
    preds = [p for p in p_quotes if keep(p)]
    tp = len(_match(gold, preds, _quote_pair_ok))
    return tp, len(preds) - tp, len(gold) - tp


def score(
    gold: Sequence[dict],
    predictions: Iterable[dict],
    *,
    quote_kinds: Optional[Iterable[str]] = None,
) -> dict:
    """Match `predictions` (record dicts) to `gold` (as from :func:`load_gold`) and score them.

    `quote_kinds`, when given, keeps only predicted quotes of those kinds. By default every
    predicted quote counts, except ``indirect`` ones when the gold annotates no reported speech.

    Returns a dict (JSON-serializable)::

        {"quotes":  {tp, fp, fn, precision, recall, f1, speaker_strict, speaker_lenient, kind,
                     quoted: {tp, fp, fn, precision, recall, f1}, indirect: {...}, confident},
         "figures": {tp, fp, fn, precision, recall, f1, value, subject, about, subject_kind, kind, by_kind,
                     statement: {n, f1, good}, sentence_baseline: {n, f1, good}, confident},
         "articles": {id: {"quotes", "figures", "speaker_strict", "speaker_lenient", "value",
                           "subject", "statement_f1"}},
         "ignored_predictions": int,   # records of articles not in the gold, or of another type
         "errors": {"missed_quotes", "false_quotes", "wrong_speakers", "missed_figures",
                    "false_figures", "wrong_values", "wrong_subjects", "wrong_about",
                    "statements", "offset_mismatches"}}

    Accuracy entries are ``{"correct", "n", "accuracy"}``; a ratio with a zero denominator is
    None. ``errors["statements"]`` lists every scored statement, worst first.
    """
    if quote_kinds is not None:
        kinds: Optional[frozenset] = frozenset(quote_kinds)
    elif _gold_annotates_indirect(gold):
        kinds = None
    else:
        kinds = QUOTED_KINDS
    by_article: dict[str, dict] = {}
    order: list[str] = []
    for article in gold:
        aid = str(article["id"])
        if aid not in by_article:
            order.append(aid)
        by_article[aid] = {"gold": article, "quote": [], "numeric": []}

    ignored = 0
    for index, record in enumerate(predictions):
        view = _pred_view(record, index)
        slot = by_article.get(view["article"])
        if slot is None or view["type"] not in ("quote", "numeric"):
            ignored += 1
            continue
        if view["type"] == "quote" and kinds is not None and view["kind"] not in kinds:
            ignored += 1
            continue
        slot[view["type"]].append(view)

    errors: dict[str, list] = {
        key: []
        for key in (
            "missed_quotes",
            "false_quotes",
            "wrong_speakers",
            "missed_figures",
            "false_figures",
            "wrong_values",
            "wrong_subjects",
            "wrong_about",
            "statements",
            "offset_mismatches",
        )
    }
    counts = {key: [0, 0, 0] for key in ("q", "f", "quoted", "indirect")}
    accs = {
        key: [0, 0]
        for key in ("strict", "lenient", "qkind", "value", "subject", "about", "subject_kind", "fkind",
                    "qconf", "fconf")
    }
    statement_scores: list[float] = []
    sentence_scores: list[float] = []
    articles_out: dict[str, dict] = {}
    by_kind: dict[str, list[int]] = {}  # kind -> [gold, gold matched, predicted, predicted matched]

    for aid in order:
        slot = by_article[aid]
        art = slot["gold"]
        text = art["text"]
        local = {key: [0, 0] for key in ("strict", "lenient", "value", "subject")}
        local_statements: list[float] = []

        def tally(key: str, ok: bool) -> None:
            accs[key][1] += 1
            accs[key][0] += ok
            if key in local:
                local[key][1] += 1
                local[key][0] += ok

        for view in slot["quote"] + slot["numeric"]:
            if text[view["start"] : view["end"]] != view["text"]:
                errors["offset_mismatches"].append(
                    {
                        "article": aid,
                        "type": view["type"],
                        "start": view["start"],
                        "end": view["end"],
                        "text": view["text"],
                        "text_at_span": text[view["start"] : view["end"]],
                    }
                )

        # quotes
        g_quotes = art["quotes"]
        p_quotes = slot["quote"]
        pairs = _match(g_quotes, p_quotes, _quote_pair_ok)
        right = set()  # matched quotes with the right named speaker (or a gold speaker not named)
        for gi, pi in pairs:
            g, p = g_quotes[gi], p_quotes[pi]
            if g.get("kind") is not None:
                tally("qkind", p["kind"] == g.get("kind"))
            if not g.get("named") or not g.get("speaker"):
                right.add(pi)
                continue
            strict = bool(p["speaker"]) and canonical_name(p["speaker"]) == canonical_name(g["speaker"])
            if strict:
                right.add(pi)
            lenient = bool(p["speaker"]) and last_name(p["speaker"]) == last_name(g["speaker"]) != ""
            tally("strict", strict)
            tally("lenient", lenient)
            if not strict:
                errors["wrong_speakers"].append(
                    _where(aid, g, text, gold=g["speaker"], predicted=p["speaker"], lenient_ok=lenient)
                )
        _unmatched(errors, "quotes", aid, text, g_quotes, p_quotes, pairs, "speaker")
        _tally_confident(accs["qconf"], p_quotes, right)
        q_counts = (len(pairs), len(p_quotes) - len(pairs), len(g_quotes) - len(pairs))
        for key, group in (("quoted", _group_counts(g_quotes, p_quotes, QUOTED_KINDS)),
                           ("indirect", _group_counts(g_quotes, p_quotes, QUOTED_KINDS, negate=True))):
            for i in range(3):
                counts[key][i] += group[i]

        # figures
        g_figs = art["figures"]
        p_figs = slot["numeric"]
        pairs = _match(g_figs, p_figs, _figure_pair_ok)
        right = set()  # matched figures with the right value
        for gi, pi in pairs:
            g, p = g_figs[gi], p_figs[pi]
            value_ok = _value_ok(p["value"], float(g["value"]))
            tally("value", value_ok)
            if value_ok:
                right.add(pi)
            if g.get("kind") is not None:
                tally("fkind", p["kind"] == g.get("kind"))
            if not value_ok:
                errors["wrong_values"].append(
                    _where(aid, g, text, predicted_text=p["text"], gold=g["value"], predicted=p["value"])
                )
            if names_someone(g.get("subject")):
                subject_ok = bool(p["subject"]) and last_word(p["subject"]) == last_word(g["subject"])
                tally("subject", subject_ok)
                if not subject_ok:
                    errors["wrong_subjects"].append(
                        _where(aid, g, text, gold=g["subject"], predicted=p["subject"])
                    )
            if g.get("subject"):
                about_ok = bool(content_words(p["subject"]) & content_words(g["subject"]))
                tally("about", about_ok)
                if not about_ok:
                    errors["wrong_about"].append(
                        _where(aid, g, text, gold=g["subject"], predicted=p["subject"])
                    )
                if g.get("subject_kind"):
                    tally("subject_kind", p["subject_kind"] == g["subject_kind"])
            if g.get("statement"):
                f1 = statement_f1(p["statement"], g["statement"])
                statement_scores.append(f1)
                local_statements.append(f1)
                sentence_scores.append(statement_f1(p["sentence"], g["statement"]))
                errors["statements"].append(
                    _where(aid, g, text, f1=round(f1, 3), gold=g["statement"], predicted=p["statement"])
                )
        _tally_kinds(by_kind, g_figs, p_figs, pairs)
        _unmatched(errors, "figures", aid, text, g_figs, p_figs, pairs, "value")
        _tally_confident(accs["fconf"], p_figs, right)
        f_counts = (len(pairs), len(p_figs) - len(pairs), len(g_figs) - len(pairs))

        for i in range(3):
            counts["q"][i] += q_counts[i]
            counts["f"][i] += f_counts[i]
        articles_out[aid] = {
            "quotes": _prf(*q_counts),
            "figures": _prf(*f_counts),
            "speaker_strict": _acc(*local["strict"]),
            "speaker_lenient": _acc(*local["lenient"]),
            "value": _acc(*local["value"]),
            "subject": _acc(*local["subject"]),
            "statement_f1": _mean(local_statements),
        }

    errors["statements"].sort(key=lambda e: (e["f1"], e["article"], e["start"]))
    quotes = _prf(*counts["q"])
    quotes.update(
        speaker_strict=_acc(*accs["strict"]),
        speaker_lenient=_acc(*accs["lenient"]),
        kind=_acc(*accs["qkind"]),
        quoted=_prf(*counts["quoted"]),
        indirect=_prf(*counts["indirect"]),
        confident=_acc(*accs["qconf"]),
    )
    figures = _prf(*counts["f"])
    figures.update(
        value=_acc(*accs["value"]),
        subject=_acc(*accs["subject"]),
        about=_acc(*accs["about"]),
        subject_kind=_acc(*accs["subject_kind"]),
        kind=_acc(*accs["fkind"]),
        statement=_statement_summary(statement_scores),
        sentence_baseline=_statement_summary(sentence_scores),
        confident=_acc(*accs["fconf"]),
        by_kind={k: {"gold": g, "recall": _ratio(gm, g), "predicted": n, "precision": _ratio(pm, n)}
                 for k, (g, gm, n, pm) in sorted(by_kind.items())},
    )
    return {
        "quotes": quotes,
        "figures": figures,
        "articles": articles_out,
        "ignored_predictions": ignored,
        "errors": errors,
    }


def _tally_kinds(by_kind: dict, gold: Sequence[dict], preds: Sequence[dict], pairs: Sequence[tuple]) -> None:
    """Count the gold and predicted figures of each kind, and how many of each were matched."""
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        row = by_kind.setdefault(g.get("kind") or "other", [0, 0, 0, 0])
        row[0] += 1
        row[1] += gi in matched_g
    for pi, p in enumerate(preds):
        row = by_kind.setdefault(p["kind"] or "other", [0, 0, 0, 0])
        row[2] += 1
        row[3] += pi in matched_p


def _tally_confident(acc: list, preds: Sequence[dict], right: set) -> None:
    """Count the records at confidence CONFIDENT or more, and those of them that are right."""
    for pi, p in enumerate(preds):
        if (p["confidence"] or 0) >= CONFIDENT:
            acc[1] += 1
            acc[0] += pi in right


def _mean(values: Sequence[float]) -> Optional[float]:
    return sum(values) / len(values) if values else None


def _statement_summary(scores: Sequence[float]) -> dict:
    """``{n, f1, good}``: how many statements, their mean word F1, the share at F1 >= 0.8."""
    good = sum(f1 >= GOOD_STATEMENT_F1 for f1 in scores)
    return {"n": len(scores), "f1": _mean(scores), "good": _ratio(good, len(scores))}

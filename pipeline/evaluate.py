"""Score claimsift records against hand gold (the rules of ``../shared/gold/README.md``).

Pure functions, no spaCy at import time:

- :func:`load_gold` reads the gold JSONL (one article a line);
- :func:`score` matches predicted records (dicts shaped like ``models/records.py``) to the gold
  and returns counts, precision/recall/F1, speaker, value and subject accuracies, a per-article
  breakdown and lists of errors for debugging;
- :func:`format_scores` renders those scores as a plain-text table;
- :func:`predict_gold` runs the pipeline over the gold texts (imports spaCy lazily).

Matching rules, exactly as the gold README states them:

- quotes: a predicted quote matches a gold quote when their character overlap covers at least half
  of each span; one-to-one, best overlap first;
- speaker accuracy, over matched quotes whose gold speaker is named: *strict* when the canonical
  names are equal ignoring case, punctuation and leading titles ("Rep.", "Sen.", "President",
  "Mayor", ...); *lenient* when the last names agree. A prediction without a speaker name is wrong;
- figures: the overlap covers at least half of the gold span and the prediction is at most 25
  characters longer than the gold; one-to-one, best overlap first;
- value accuracy, over matched figures: ``|pred - gold| <= 1e-6 * |gold|`` (so a gold 0 needs an
  exact 0);
- subject accuracy, over matched figures whose gold subject names someone (every word capitalized,
  short joining words such as "of" and "the" allowed): correct when the predicted subject's last
  word agrees (case-insensitive, punctuation ignored). A missing predicted subject is wrong.

Predictions for articles that are not in the gold are ignored (and counted).

Run ``python -m pipeline.evaluate GOLD [--predictions OUT.jsonl] [--json] [--errors]``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import unicodedata
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

__all__ = [
    "load_gold",
    "load_predictions",
    "score",
    "format_scores",
    "predict_gold",
    "canonical_name",
    "last_name",
    "names_someone",
    "main",
]

QUOTE_MIN_SHARE = 0.5
"""A quote match needs an overlap of at least this share of each span."""
FIGURE_MIN_SHARE = 0.5
"""A figure match needs an overlap of at least this share of the gold span."""
FIGURE_MAX_EXTRA = 25
"""A matched predicted figure may be at most this many characters longer than the gold one."""
VALUE_REL_TOL = 1e-6
"""A value is right when |pred - gold| <= VALUE_REL_TOL * |gold|."""

# Leading titles stripped before names are compared (after case folding and punctuation removal).
# This is part of the scoring rule, not an extraction word list.
_TITLES_1 = frozenset(
    """
    rep reps representative congressman congresswoman congressmember sen senator
    president mayor gov governor lt ltgov dr doctor mr mrs ms miss mx prof professor
    judge justice sheriff councilmember councilman councilwoman councillor councilor
    supervisor secretary gen general col colonel maj major capt captain sgt sergeant
    adm admiral cmdr commander chief rev reverend pastor rabbi father sir dame lord lady
    speaker chairman chairwoman chair chairperson commissioner minister premier chancellor
    ambassador attorney assemblymember assemblyman assemblywoman del delegate alderman
    alderwoman treasurer controller comptroller auditor superintendent officer detective
    coach pope king queen prince princess
    former then acting interim outgoing incoming
    """.split()
)
_TITLES_2 = frozenset(
    {
        "vice president",
        "attorney general",
        "state senator",
        "state sen",
        "state rep",
        "state representative",
        "us rep",
        "us sen",
        "us senator",
        "us representative",
        "prime minister",
        "district attorney",
        "city attorney",
        "council member",
        "assembly member",
        "lt gov",
        "lieutenant governor",
        "house speaker",
        "supreme leader",
        "first lady",
    }
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq"})
# Joining words allowed in lower case inside a name ("Bureau of Labor Statistics").
_JOINERS = frozenset(
    "of the and for in on at to a an de del della der di da du des la le van von y &".split()
)
_SPACE_LIKE = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015/")


# --------------------------------------------------------------------------- names


def _words(name: str) -> list[str]:
    """Case-folded words of `name` with punctuation removed (hyphens and slashes split words)."""
    name = unicodedata.normalize("NFKC", name)
    chars = []
    for ch in name:
        if ch in _SPACE_LIKE or ch.isspace():
            chars.append(" ")
        elif unicodedata.category(ch).startswith(("P", "S")):
            continue
        else:
            chars.append(ch)
    return "".join(chars).casefold().split()


def _strip_titles(words: list[str]) -> list[str]:
    while len(words) > 1:
        if len(words) > 2 and " ".join(words[:2]) in _TITLES_2:
            words = words[2:]
        elif words[0] in _TITLES_1:
            words = words[1:]
        else:
            break
    return words


def canonical_name(name: Optional[str]) -> str:
    """`name` for strict comparison: case-folded, no punctuation, leading titles removed.

    >>> canonical_name("Rep. Jane  Doe")
    'jane doe'
    """
    if not name:
        return ""
    return " ".join(_strip_titles(_words(name)))


def last_name(name: Optional[str]) -> str:
    """The last word of the canonical name, generational suffixes ("Jr.", "III") dropped."""
    words = _strip_titles(_words(name or ""))
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words = words[:-1]
    return words[-1] if words else ""


def _last_word(text: Optional[str]) -> str:
    words = _words(text or "")
    return words[-1] if words else ""


def names_someone(subject: Optional[str]) -> bool:
    """True when `subject` names someone: every word capitalized (joining words like "of" allowed).

    >>> names_someone("Bureau of Labor Statistics"), names_someone("unhoused people in Los Angeles")
    (True, False)
    """
    if not subject or not subject.strip():
        return False
    capitalized = 0
    for raw in subject.split():
        word = raw.strip("\"'()[]{},.;:!?\u2018\u2019\u201c\u201d")
        if not word:
            continue
        if word.casefold() in _JOINERS:
            continue
        letters = [ch for ch in word if ch.isalpha()]
        if not letters:  # "3M"-like tokens or numbers: neither for nor against
            continue
        if not letters[0].isupper():
            return False
        capitalized += 1
    return capitalized > 0


# --------------------------------------------------------------------------- loading


def load_gold(path: str | Path) -> list[dict]:
    """Read the gold JSONL: one article a line (see ``../shared/gold/README.md``).

    Blank lines are skipped. Raises ``ValueError`` naming the file and line for a malformed line:
    bad JSON, missing fields, offsets outside the text or not matching the annotated text.
    """
    path = Path(path)
    articles: list[dict] = []
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                article = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{where}: not valid JSON ({err.msg} at column {err.colno})") from None
            _check_gold_article(article, where)
            if article["id"] in seen:
                raise ValueError(f"{where}: duplicate article id {article['id']!r} (first at line {seen[article['id']]})")
            seen[article["id"]] = lineno
            articles.append(article)
    return articles


def _check_gold_article(article: Any, where: str) -> None:
    if not isinstance(article, dict):
        raise ValueError(f"{where}: expected a JSON object, got {type(article).__name__}")
    for key, kind in (("id", str), ("text", str), ("quotes", list), ("figures", list)):
        if not isinstance(article.get(key), kind):
            raise ValueError(f"{where}: field {key!r} missing or not a {kind.__name__}")
    text = article["text"]
    for group in ("quotes", "figures"):
        for index, item in enumerate(article[group]):
            label = f"{where}: {group}[{index}]"
            if not isinstance(item, dict):
                raise ValueError(f"{label} is not an object")
            start, end = item.get("start"), item.get("end")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
                raise ValueError(f"{label}: bad offsets start={start!r} end={end!r} (text has {len(text)} chars)")
            if "text" in item and text[start:end] != item["text"]:
                raise ValueError(f"{label}: text[{start}:{end}] is {text[start:end]!r}, not {item['text']!r}")
            if group == "figures" and not isinstance(item.get("value"), (int, float)):
                raise ValueError(f"{label}: 'value' missing or not a number")


def load_predictions(path: str | Path) -> list[dict]:
    """Read records (one JSON object a line). Raises ``ValueError`` naming file and line on bad JSON."""
    path = Path(path)
    records = []
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{lineno}: not valid JSON ({err.msg} at column {err.colno})") from None
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{lineno}: expected a JSON object")
            records.append(record)
    return records


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
    }


def _value_ok(pred: Any, gold: float) -> bool:
    if isinstance(pred, bool) or not isinstance(pred, (int, float)) or not math.isfinite(pred):
        return False
    return abs(pred - gold) <= VALUE_REL_TOL * abs(gold)


def _where(aid: str, item: dict, text: Optional[str], **details: Any) -> dict:
    """An error entry: the article, the span and its text (from the gold text when given), details."""
    found = item.get("text") if text is None else item.get("text", text[item["start"] : item["end"]])
    return {"article": aid, "start": item["start"], "end": item["end"], "text": found, **details}


def score(
    gold: Sequence[dict],
    predictions: Iterable[dict],
    *,
    quote_kinds: Optional[Iterable[str]] = None,
) -> dict:
    """Match `predictions` (record dicts) to `gold` (as from :func:`load_gold`) and score them.

    `quote_kinds`, when given, keeps only predicted quotes of those kinds (e.g. ``{"direct",
    "fragment"}`` to leave indirect speech, which the gold does not annotate, out of precision).
    By default every predicted quote counts.

    Returns a dict (JSON-serializable)::

        {"quotes":  {tp, fp, fn, precision, recall, f1, speaker_strict, speaker_lenient, kind},
         "figures": {tp, fp, fn, precision, recall, f1, value, subject, kind},
         "articles": {id: {"quotes": {tp, fp, fn, precision, recall, f1},
                           "figures": {...}, "speaker_strict", "speaker_lenient", "value", "subject"}},
         "ignored_predictions": int,   # records of articles not in the gold, or of another type
         "errors": {"missed_quotes", "false_quotes", "wrong_speakers", "missed_figures",
                    "false_figures", "wrong_values", "wrong_subjects", "offset_mismatches"}}

    Accuracy entries are ``{"correct", "n", "accuracy"}``; a ratio with a zero denominator is None.
    """
    kinds = frozenset(quote_kinds) if quote_kinds is not None else None
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
            "offset_mismatches",
        )
    }
    totals = {
        "q": [0, 0, 0],
        "f": [0, 0, 0],
        "strict": [0, 0],
        "lenient": [0, 0],
        "qkind": [0, 0],
        "value": [0, 0],
        "subject": [0, 0],
        "fkind": [0, 0],
    }
    articles_out: dict[str, dict] = {}

    for aid in order:
        slot = by_article[aid]
        art = slot["gold"]
        text = art["text"]
        local = {key: [0, 0] for key in ("strict", "lenient", "value", "subject")}

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
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, pi in pairs:
            g, p = g_quotes[gi], p_quotes[pi]
            if g.get("kind") is not None:
                totals["qkind"][1] += 1
                totals["qkind"][0] += p["kind"] == g.get("kind")
            if not g.get("named") or not g.get("speaker"):
                continue
            strict = bool(p["speaker"]) and canonical_name(p["speaker"]) == canonical_name(g["speaker"])
            lenient = bool(p["speaker"]) and last_name(p["speaker"]) == last_name(g["speaker"]) != ""
            for key, ok in (("strict", strict), ("lenient", lenient)):
                local[key][1] += 1
                local[key][0] += ok
            if not strict:
                errors["wrong_speakers"].append(
                    _where(aid, g, text, gold=g["speaker"], predicted=p["speaker"], lenient_ok=lenient)
                )
        for gi, g in enumerate(g_quotes):
            if gi not in matched_g:
                errors["missed_quotes"].append(
                    _where(aid, g, text, kind=g.get("kind"), speaker=g.get("speaker"))
                )
        for pi, p in enumerate(p_quotes):
            if pi not in matched_p:
                errors["false_quotes"].append(
                    _where(aid, p, None, kind=p["kind"], speaker=p["speaker"])
                )
        q_counts = (len(pairs), len(p_quotes) - len(pairs), len(g_quotes) - len(pairs))

        # figures
        g_figs = art["figures"]
        p_figs = slot["numeric"]
        pairs = _match(g_figs, p_figs, _figure_pair_ok)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, pi in pairs:
            g, p = g_figs[gi], p_figs[pi]
            value_ok = _value_ok(p["value"], float(g["value"]))
            local["value"][1] += 1
            local["value"][0] += value_ok
            if g.get("kind") is not None:
                totals["fkind"][1] += 1
                totals["fkind"][0] += p["kind"] == g.get("kind")
            if not value_ok:
                errors["wrong_values"].append(
                    _where(aid, g, text, predicted_text=p["text"], gold=g["value"], predicted=p["value"])
                )
            if names_someone(g.get("subject")):
                subject_ok = bool(p["subject"]) and _last_word(p["subject"]) == _last_word(g["subject"])
                local["subject"][1] += 1
                local["subject"][0] += subject_ok
                if not subject_ok:
                    errors["wrong_subjects"].append(
                        _where(aid, g, text, gold=g["subject"], predicted=p["subject"])
                    )
        for gi, g in enumerate(g_figs):
            if gi not in matched_g:
                errors["missed_figures"].append(
                    _where(aid, g, text, kind=g.get("kind"), value=g.get("value"))
                )
        for pi, p in enumerate(p_figs):
            if pi not in matched_p:
                errors["false_figures"].append(
                    _where(aid, p, None, kind=p["kind"], value=p["value"])
                )
        f_counts = (len(pairs), len(p_figs) - len(pairs), len(g_figs) - len(pairs))

        for i in range(3):
            totals["q"][i] += q_counts[i]
            totals["f"][i] += f_counts[i]
        for key in local:
            totals[key][0] += local[key][0]
            totals[key][1] += local[key][1]
        articles_out[aid] = {
            "quotes": _prf(*q_counts),
            "figures": _prf(*f_counts),
            "speaker_strict": _acc(*local["strict"]),
            "speaker_lenient": _acc(*local["lenient"]),
            "value": _acc(*local["value"]),
            "subject": _acc(*local["subject"]),
        }

    quotes = _prf(*totals["q"])
    quotes.update(
        speaker_strict=_acc(*totals["strict"]),
        speaker_lenient=_acc(*totals["lenient"]),
        kind=_acc(*totals["qkind"]),
    )
    figures = _prf(*totals["f"])
    figures.update(value=_acc(*totals["value"]), subject=_acc(*totals["subject"]), kind=_acc(*totals["fkind"]))
    return {
        "quotes": quotes,
        "figures": figures,
        "articles": articles_out,
        "ignored_predictions": ignored,
        "errors": errors,
    }


# --------------------------------------------------------------------------- formatting


def _pct(value: Optional[float]) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def _acc_cell(acc: dict) -> str:
    return f"{_pct(acc['accuracy'])} ({acc['correct']}/{acc['n']})"


def _clip(text: Any, width: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def format_scores(scores: dict, *, errors: bool = False) -> str:
    """A plain-text table of `scores` (from :func:`score`); with `errors`, the error lists too."""
    q, f = scores["quotes"], scores["figures"]
    lines = [
        f"{'':10} {'tp':>5} {'fp':>5} {'fn':>5}  {'prec':>6}  {'recall':>6}  {'f1':>6}",
    ]
    for label, row in (("quotes", q), ("figures", f)):
        lines.append(
            f"{label:10} {row['tp']:5d} {row['fp']:5d} {row['fn']:5d}  {_pct(row['precision'])}  "
            f"{_pct(row['recall'])}  {_pct(row['f1'])}"
        )
    lines.append("")
    lines.append(f"speaker strict   {_acc_cell(q['speaker_strict'])}")
    lines.append(f"speaker lenient  {_acc_cell(q['speaker_lenient'])}")
    lines.append(f"quote kind       {_acc_cell(q['kind'])}")
    lines.append(f"figure value     {_acc_cell(f['value'])}")
    lines.append(f"figure subject   {_acc_cell(f['subject'])}")
    lines.append(f"figure kind      {_acc_cell(f['kind'])}")
    if scores.get("ignored_predictions"):
        lines.append(f"ignored predictions (article not in gold): {scores['ignored_predictions']}")
    mismatches = scores["errors"].get("offset_mismatches") or []
    if mismatches:
        lines.append(f"OFFSET MISMATCHES (record text differs from text[start:end]): {len(mismatches)}")

    if scores["articles"]:
        width = max(10, max(len(a) for a in scores["articles"]))
        lines.append("")
        lines.append(
            f"{'article':{width}}  {'quotes tp/fp/fn':>15}  {'q f1':>6}  {'spk strict':>10}  "
            f"{'figures tp/fp/fn':>16}  {'f f1':>6}  {'value':>6}  {'subject':>7}"
        )
        for aid, row in scores["articles"].items():
            qa, fa = row["quotes"], row["figures"]
            lines.append(
                f"{aid:{width}}  {qa['tp']:>7}/{qa['fp']:>3}/{qa['fn']:>3}  {_pct(qa['f1'])}  "
                f"{_pct(row['speaker_strict']['accuracy']):>10}  "
                f"{fa['tp']:>8}/{fa['fp']:>3}/{fa['fn']:>3}  {_pct(fa['f1'])}  "
                f"{_pct(row['value']['accuracy'])}  {_pct(row['subject']['accuracy']):>7}"
            )

    if errors:
        err = scores["errors"]
        sections = (
            ("missed quotes", "missed_quotes", lambda e: f"{_clip(e['text'])!r}  [{e.get('speaker')}]"),
            ("false quotes", "false_quotes", lambda e: f"{_clip(e['text'])!r}  [{e.get('speaker')}]"),
            (
                "wrong speakers",
                "wrong_speakers",
                lambda e: f"{_clip(e['text'], 50)!r}  gold={e['gold']!r} pred={e['predicted']!r}"
                + ("  (lenient ok)" if e["lenient_ok"] else ""),
            ),
            ("missed figures", "missed_figures", lambda e: f"{e['text']!r} = {e['value']}  ({e['kind']})"),
            ("false figures", "false_figures", lambda e: f"{_clip(e['text'])!r} = {e['value']}  ({e['kind']})"),
            (
                "wrong values",
                "wrong_values",
                lambda e: f"{e['text']!r} gold={e['gold']} pred={e['predicted']} (pred text {e['predicted_text']!r})",
            ),
            ("wrong subjects", "wrong_subjects", lambda e: f"{e['text']!r} gold={e['gold']!r} pred={e['predicted']!r}"),
            (
                "offset mismatches",
                "offset_mismatches",
                lambda e: f"{e['type']} {e['start']}:{e['end']} record={_clip(e['text'], 40)!r} "
                f"text={_clip(e['text_at_span'], 40)!r}",
            ),
        )
        for title, key, render in sections:
            items = err.get(key) or []
            lines.append("")
            lines.append(f"== {title} ({len(items)})")
            for item in items:
                lines.append(f"  {item['article']} {item['start']}:{item['end']}  {render(item)}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- running the pipeline


def predict_gold(gold: Sequence[dict], nlp: Any = None, *, batch_size: int = 8) -> list[dict]:
    """Run the claimsift pipeline over the gold texts and return the record dicts.

    `nlp` defaults to ``pipeline.load_pipeline()``. spaCy and the pipeline are imported here,
    not at module import, so the scoring functions stay usable without them.
    """
    from pipeline.export import doc_to_records  # noqa: PLC0415  (lazy: spaCy-heavy)

    if nlp is None:
        from pipeline import load_pipeline  # noqa: PLC0415

        nlp = load_pipeline()
    docs = []
    for article in gold:
        doc = nlp.make_doc(article["text"])
        doc._.claimsift_article = {
            "id": str(article["id"]),
            "published": article.get("published"),
            "title": None,
            "url": None,
        }
        docs.append(doc)
    records: list[dict] = []
    for doc in nlp.pipe(docs, batch_size=batch_size):
        records.extend(record.model_dump(mode="json") for record in doc_to_records(doc))
    return records


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``python -m pipeline.evaluate GOLD [--predictions OUT.jsonl] [--json] [--errors]``."""
    parser = argparse.ArgumentParser(
        prog="python -m pipeline.evaluate",
        description="Score claimsift records against a gold JSONL (rules: shared/gold/README.md). "
        "Without --predictions, runs the pipeline on the gold texts.",
    )
    parser.add_argument("gold", help="gold JSONL, one annotated article a line")
    parser.add_argument("--predictions", "-p", help="records JSONL to score instead of running the pipeline")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--errors", action="store_true", help="list missed, false and wrong findings")
    parser.add_argument("--model", help="base spaCy model (default: the installed English pipeline)")
    parser.add_argument(
        "--quote-kinds",
        help="comma-separated predicted quote kinds to score (e.g. direct,fragment); default: all",
    )
    args = parser.parse_args(argv)
    try:
        gold = load_gold(args.gold)
        if args.predictions:
            predictions = load_predictions(args.predictions)
        else:
            from pipeline import ModelNotFound, load_pipeline  # noqa: PLC0415  (spaCy only here)

            try:
                predictions = predict_gold(gold, load_pipeline(args.model))
            except ModelNotFound as err:
                print(f"error: {err}", file=sys.stderr)
                return 2
        kinds = [k.strip() for k in args.quote_kinds.split(",") if k.strip()] if args.quote_kinds else None
        scores = score(gold, predictions, quote_kinds=kinds)
    except (OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.json:
        if not args.errors:
            scores = {key: value for key, value in scores.items() if key != "errors"}
        print(json.dumps(scores, indent=2, ensure_ascii=False))
    else:
        print(format_scores(scores, errors=args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())

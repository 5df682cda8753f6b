"""The plain-text table of a scoring result."""

from __future__ import annotations

from typing import Any, Optional


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
    for label, row in (("quotes", q), ("  quoted", q["quoted"]), ("  indirect", q["indirect"]), ("figures", f)):
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
    lines.append(f"figure about     {_acc_cell(f['about'])}")
    lines.append(f"subject kind     {_acc_cell(f['subject_kind'])}")
    lines.append(f"figure kind      {_acc_cell(f['kind'])}")
    lines.append(f"quotes >= 0.8    {_acc_cell(q['confident'])} right")
    lines.append(f"figures >= 0.8   {_acc_cell(f['confident'])} right")
    if f.get("by_kind"):
        lines.append("figures by kind     recall (gold)      precision (predicted)")
        for kind, row in f["by_kind"].items():
            lines.append(f"  {kind:17} {_pct(row['recall'])} ({row['gold']:4d})    {_pct(row['precision'])} "
                         f"({row['predicted']:4d})")
    for label, row in (("statement", f["statement"]), ("(sentence)", f["sentence_baseline"])):
        lines.append(f"{label:16} word F1 {_pct(row['f1'])}, {_pct(row['good'])} at F1 >= 0.8 (n={row['n']})")
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
            ("wrong about", "wrong_about", lambda e: f"{e['text']!r} gold={e['gold']!r} pred={e['predicted']!r}"),
            (
                "statements, worst first",
                "statements",
                lambda e: f"{e['text']!r} F1 {e['f1']:.2f}\n      gold: {e['gold']}\n      pred: {e['predicted']}",
            ),
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



"""``python -m pipeline.evaluate GOLD [--predictions OUT.jsonl] [--json] [--errors]``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Optional, Sequence

from .gold import load_gold, load_predictions, predict_gold
from .score import score
from .table import format_scores


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
        help="comma-separated predicted quote kinds to score (e.g. direct,fragment); default: all, but indirect only when the gold annotates reported speech",
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

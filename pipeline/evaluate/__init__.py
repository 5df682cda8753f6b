"""Score claimsift records against hand gold (the rules of ``shared/gold/README.md``).

Pure functions, no spaCy at import time:

- :func:`load_gold` reads the gold JSONL (one article a line), :func:`load_predictions` records;
- :func:`score` matches predicted records to the gold and returns counts, precision/recall/F1
  (all quotes, quoted speech, reported speech, figures), speaker, value, subject and statement
  scores, a per-article breakdown and lists of errors;
- :func:`format_scores` renders those scores as a plain-text table;
- :func:`predict_gold` runs the pipeline over the gold texts (imports spaCy lazily).

``claimsift evaluate`` is the command; ``python -m pipeline.evaluate`` does the same without typer.
"""

from .gold import load_gold, load_predictions, predict_gold
from .names import canonical_name, content_words, last_name, names_someone
from .score import score
from .statements import statement_f1, statement_words
from .table import format_scores

__all__ = [
    "load_gold",
    "load_predictions",
    "score",
    "format_scores",
    "predict_gold",
    "canonical_name",
    "content_words",
    "last_name",
    "names_someone",
    "statement_f1",
    "statement_words",
    "main",
]


def main(argv=None) -> int:
    """``python -m pipeline.evaluate GOLD [--predictions OUT.jsonl] [--json] [--errors]``."""
    from .__main__ import main as run  # noqa: PLC0415

    return run(argv)

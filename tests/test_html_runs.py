"""Runs over web pages and mixed folders: extract, run, report and dates (invented articles)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.reader import Article, iter_inputs
from pipeline.runner import run

from tests.conftest import assert_offsets

cli = CliRunner()
PAGE = Path(__file__).parent / "data" / "page.html"

DATED = (
    "Ferry operator shares slide\n"
    "Published: Tuesday, March 5, 2024 9:15 a.m.\n\n"
    "Shares of the ferry operator fell 6% on Tuesday after the harbor council delayed its vote.\n\n"
    "\u201cWe expected a decision this week,\u201d said Priya Okonkwo-Lind, the operator's finance chief.\n"
)
UNDATED = "Shares of the bus company rose 4% on Tuesday, the exchange said.\n"
BOILERPLATE = ("Subscribe", "cookies", "25% off", "Related", "12%", "5 new bus routes", "90 minutes", "30% more")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """A folder of .txt, .html, .html.gz and .jsonl (with a text and an html line)."""
    folder = tmp_path_factory.mktemp("mixed") / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "dated.txt").write_text(DATED, encoding="utf-8")
    (folder / "page.html").write_bytes(PAGE.read_bytes())
    (folder / "sub" / "again.html.gz").write_bytes(gzip.compress(PAGE.read_bytes()))
    lines = [
        {"id": "undated", "text": UNDATED},
        {"id": "scraped", "html": PAGE.read_text(encoding="utf-8"), "url": "https://example.com/saved"},
    ]
    (folder / "batch.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ran(mixed):
    out = mixed.parent / "records.jsonl"
    result = cli.invoke(app, ["run", str(mixed), "-o", str(out), "-w", "1", "-q"])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return result, out, records


def by_article(records, article_id):
    return [r for r in records if r["article"]["id"] == article_id]


def test_a_mixed_folder_runs_in_one_command(mixed, ran):
    result, out, records = ran
    assert result.exit_code == 0, result.output
    assert {r["article"]["id"] for r in records} == {"dated", "page", "sub/again", "undated", "scraped"}
    texts = {a.id: a.text for a in iter_inputs([mixed]) if isinstance(a, Article)}
    for article_id, text in texts.items():
        assert_offsets(text, by_article(records, article_id))


def test_records_of_a_page_come_from_its_article_body(ran):
    _, _, records = ran
    page = by_article(ran[2], "page")
    assert {r["type"] for r in page} == {"quote", "numeric"}
    assert any(r["type"] == "quote" and (r["speaker"] or {}).get("name", "").endswith("Brandvold") for r in page)
    for record in page:
        for words in BOILERPLATE:
            assert words not in record["sentence"]["text"], record
    assert page[0]["article"] == {
        "id": "page", "published": "2023-06-14", "title": "Harbor town doubles ferry budget",
        "url": "https://ledger.example.org/2023/06/14/ferry-budget", "author": "Mara Quillfeather",
        "site": "The Coastal Ledger",
    }
    scraped = by_article(records, "scraped")
    assert scraped[0]["article"]["url"] == "https://example.com/saved"  # the line's own field wins
    assert [r["text"] for r in scraped] == [r["text"] for r in page]


def test_a_weekday_naming_the_publication_day_is_that_day(ran):
    _, _, records = ran
    (fell,) = [r for r in by_article(records, "dated") if r["type"] == "numeric"]
    assert fell["article"]["published"] == "2024-03-05"
    assert fell["article"]["title"] == "Ferry operator shares slide"
    assert fell["time"] == {"text": "Tuesday", "date": "2024-03-05"}


def test_time_stays_null_without_a_publication_date(ran):
    _, _, records = ran
    (rose,) = [r for r in by_article(records, "undated") if r["type"] == "numeric"]
    assert rose["article"]["published"] is None
    assert rose["time"] == {"text": "Tuesday", "date": None}


def test_extract_writes_articles_that_run_reads_back_to_the_same_records(mixed, ran, nlp, tmp_path):
    articles = tmp_path / "articles.jsonl"
    result = cli.invoke(app, ["extract", str(mixed), "-o", str(articles), "-q"])
    assert result.exit_code == 0, result.output
    assert "5 articles, 0 failed" in result.output
    lines = [json.loads(line) for line in articles.read_text(encoding="utf-8").splitlines()]
    assert [list(line) for line in lines] == [["id", "text", "title", "published", "url", "author", "site"]] * 5
    page = next(line for line in lines if line["id"] == "page")
    assert "<" not in page["text"] and page["site"] == "The Coastal Ledger"
    again = tmp_path / "again.jsonl"
    run([articles], again, nlp=nlp)
    assert again.read_text(encoding="utf-8") == ran[1].read_text(encoding="utf-8")


def test_extract_refuses_to_overwrite_and_lists_problems(mixed, tmp_path):
    out = tmp_path / "a.jsonl"
    out.write_text("keep", encoding="utf-8")
    result = cli.invoke(app, ["extract", str(mixed), "-o", str(out), "-q"])
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "keep"
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (bad / "fine.txt").write_text(UNDATED, encoding="utf-8")
    result = cli.invoke(app, ["extract", str(bad), "-o", str(out), "--force", "-q"])
    assert result.exit_code == 1
    assert "broken.html.gz: not a readable gzip file" in result.output
    (problem,) = [json.loads(line) for line in (tmp_path / "a.jsonl.errors.jsonl").read_text().splitlines()]
    assert problem["level"] == "error" and problem["source"].endswith("broken.html.gz")
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["fine"]


def test_report_highlights_web_page_articles(mixed, ran, tmp_path):
    page = tmp_path / "report.html"
    result = cli.invoke(app, ["report", str(ran[1]), "--articles", str(mixed), "-o", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "ending a year of argument over the crossing" in html  # the page's text, highlighted
    assert "no article id of RECORDS" not in result.output

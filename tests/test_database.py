"""export --format sqlite and csv: every record in the database, searchable, served by Datasette."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import sqlite_utils
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.database import datasette_metadata, metadata_path, write_database
from pipeline.report import csv_text, load_records
from pipeline.runner import run

cli = CliRunner()
PAGE = Path(__file__).parent / "data" / "page.html"
STORY = (
    "Councillors argue over ferry grant\n\n"
    "The regional board approved a grant of $2.5 million for the harbor on Monday.\n\n"
    "\u201cThis grant keeps the boats running,\u201d said Deputy Mayor Ilse Brandvold.\n\n"
    "Passenger numbers fell 7% in the winter, the board said.\n"
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory, nlp):
    base = tmp_path_factory.mktemp("db")
    folder = base / "in"
    folder.mkdir()
    (folder / "page.html").write_bytes(PAGE.read_bytes())
    (folder / "grant.txt").write_text(STORY, encoding="utf-8")
    records_path = base / "records.jsonl"
    run([folder], records_path, nlp=nlp)
    db_path = base / "claims.db"
    result = cli.invoke(app, ["export", str(records_path), "--format", "sqlite", "-o", str(db_path)])
    assert result.exit_code == 0, result.output
    records, problems = load_records(records_path)
    assert not problems
    return records_path, db_path, records


def test_every_record_is_in_the_database(exported):
    _, db_path, records = exported
    db = sqlite_utils.Database(db_path)
    quotes = [r for r in records if r["type"] == "quote"]
    figures = [r for r in records if r["type"] == "numeric"]
    assert quotes and figures
    assert {row["id"] for row in db["quotes"].rows} == {r["id"] for r in quotes}
    assert {row["id"] for row in db["figures"].rows} == {r["id"] for r in figures}
    for record in figures:
        row = db["figures"].get(record["id"])
        assert (row["value"], row["unit"], row["kind"], row["statement"]) == (
            record["quantity"]["value"], record["quantity"]["unit"], record["quantity"]["kind"], record["statement"])
        assert (row["start"], row["end"], row["text"]) == (record["span"]["start"], record["span"]["end"], record["text"])
    articles = {row["id"]: row for row in db["articles"].rows}
    assert set(articles) == {"page", "grant"}
    assert articles["page"]["site"] == "The Coastal Ledger" and articles["page"]["author"] == "Mara Quillfeather"
    assert articles["page"]["quotes"] + articles["page"]["figures"] == sum(r["article"]["id"] == "page" for r in records)


def test_tables_keys_indexes_and_full_text(exported):
    db = sqlite_utils.Database(exported[1])
    assert {"articles", "quotes", "figures", "entities"} <= set(db.table_names())
    for table, entity in (("quotes", "speaker_id"), ("figures", "subject_id")):
        keys = {(fk.column, fk.other_table) for fk in db[table].foreign_keys}
        assert keys == {("article_id", "articles"), (entity, "entities")}
        indexed = {tuple(index.columns) for index in db[table].indexes}
        assert {("kind",), ("published",), ("article_id",)} <= indexed
    assert ("speaker",) in {tuple(i.columns) for i in db["quotes"].indexes}
    assert ("subject",) in {tuple(i.columns) for i in db["figures"].indexes}
    assert db["quotes"].detect_fts() == "quotes_fts" and db["figures"].detect_fts() == "figures_fts"
    hits = list(db["quotes"].search("boats"))
    assert [h["speaker"] for h in hits if h["kind"] == "direct"] == ["Ilse Brandvold", "Ilse Brandvold"]  # page and story
    assert [h["kind"] for h in hits if h["kind"] != "direct"] == ["indirect"]  # "according to the harbor authority"
    assert sorted(h["text"] for h in db["figures"].search("passenger")) == ["300", "7%"]  # stems, sentences
    speaker = db.execute("select records, articles from entities where role = 'speaker' and name = 'Ilse Brandvold'").fetchone()
    assert speaker == (2, 2)
    db.execute("PRAGMA foreign_keys = ON")
    assert not list(db.execute("PRAGMA foreign_key_check"))


def test_datasette_metadata_is_written_beside_the_database(exported):
    db_path = exported[1]
    meta = json.loads(metadata_path(db_path).read_text(encoding="utf-8"))
    assert meta == datasette_metadata(db_path)
    tables = meta["databases"]["claims"]["tables"]
    assert tables["quotes"]["facets"] == ["speaker", "kind", "article_id"]
    assert {"kind", "unit", "article_id"} <= set(tables["figures"]["facets"])
    assert all(t["title"] and t["description"] for t in tables.values())


def test_export_replaces_a_database_and_keeps_the_records_file(exported, tmp_path):
    records_path, _, records = exported
    db_path = tmp_path / "x.db"
    db_path.write_bytes(b"old")
    counts = write_database(records, db_path)
    assert counts["quotes"] + counts["figures"] == len(records)
    result = cli.invoke(app, ["export", str(records_path), "-f", "sqlite", "-o", str(records_path)])
    assert result.exit_code == 2 and "refusing" in result.output
    result = cli.invoke(app, ["export", str(records_path), "-f", "sqlite"])
    assert result.exit_code == 2 and "needs --output" in result.output


def test_export_csv_is_inspect_csv(exported, tmp_path):
    records_path, _, records = exported
    inspected, exported_csv = tmp_path / "i.csv", tmp_path / "e.csv"
    assert cli.invoke(app, ["inspect", str(records_path), "-f", "csv", "-o", str(inspected)]).exit_code == 0
    assert cli.invoke(app, ["export", str(records_path), "-f", "csv", "-o", str(exported_csv)]).exit_code == 0
    assert exported_csv.read_bytes() == inspected.read_bytes()
    assert exported_csv.read_bytes().decode("utf-8") == csv_text(records)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


def test_datasette_serves_the_database_and_its_search(exported):
    _, db_path, records = exported
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db_path), "--metadata", str(metadata_path(db_path)),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}/claims"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(f"http://127.0.0.1:{port}/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stdout.read().decode("utf-8", "replace")[-2000:])
                time.sleep(0.3)
        rows = _get(f"{base}/figures.json?_shape=array&_size=max")
        assert {row["id"] for row in rows} == {r["id"] for r in records if r["type"] == "numeric"}
        query = urllib.parse.urlencode({"_search": "boats", "_shape": "array"})
        hits = _get(f"{base}/quotes.json?{query}")
        assert [hit["speaker"] for hit in hits if hit["kind"] == "direct"] == ["Ilse Brandvold", "Ilse Brandvold"]
        faceted = _get(f"{base}/quotes.json?_facet=speaker")
        assert faceted["facet_results"]["speaker"]["results"]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()

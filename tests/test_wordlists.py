"""Word lists travel with the pipeline: each stage saves its lists with ``to_disk``, reads them back
with ``from_disk``, and its ``lists`` setting replaces one (pipeline/wordlists.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pipeline import wordlists
from pipeline.wordlists import OWNERS, ResourceError, StageLists
from tests.conftest import ROOT


@pytest.fixture
def fresh(monkeypatch):
    """A process state in which no list has been read or set yet (restored after the test)."""
    monkeypatch.setattr(wordlists, "_IN_FORCE", {})


def test_every_list_belongs_to_exactly_one_stage():
    names = sorted(p.name for p in wordlists.RESOURCES.glob("*.txt"))
    owned = [name for stage in OWNERS for name in wordlists.owned(stage)]
    assert sorted(owned) == names


def test_a_list_is_fixed_once_read_or_set(fresh, tmp_path):
    default = wordlists.text("quotes_title_nouns.txt")
    wordlists.use("quotes_title_nouns.txt", default, "same text")  # the same entries: nothing to do
    with pytest.raises(ResourceError, match=r"^elsewhere: the word list quotes_title_nouns.txt differs"):
        wordlists.use("quotes_title_nouns.txt", "album\n", "elsewhere")
    wordlists.use("quotes_elisions.txt", "gainst\n", "mine")
    assert wordlists.words("quotes_elisions.txt") == {"gainst"}
    with pytest.raises(ResourceError, match="load this pipeline in a new process"):
        wordlists.use("quotes_elisions.txt", "tis\n", "theirs")


def test_a_malformed_override_names_where_it_came_from(fresh):
    with pytest.raises(ResourceError, match=r"^claimsift_quotes config, lists\['quotes_elisions.txt'\]:2: empty column"):
        StageLists("claimsift_quotes", {"quotes_elisions.txt": ["tis", "gainst\t\tm"]})
    with pytest.raises(ResourceError, match=r"people_titles.txt is not a word list of claimsift_quotes"):
        StageLists("claimsift_quotes", {"people_titles.txt": ["Dame"]})
    with pytest.raises(ResourceError, match="word list not found"):
        StageLists("claimsift_quotes", {"quotes_elisions.txt": "/nonexistent/elisions.txt"})


def test_saved_lists_come_back_and_the_config_wins(fresh, tmp_path):
    saved = tmp_path / "claimsift_quotes"
    StageLists("claimsift_quotes").to_disk(saved)
    assert sorted(p.name for p in saved.iterdir()) == list(wordlists.owned("claimsift_quotes"))
    assert (saved / "quotes_reporting_verbs.txt").read_text(encoding="utf-8") == wordlists.text("quotes_reporting_verbs.txt")

    wordlists._IN_FORCE.clear()  # a new process
    (saved / "quotes_elisions.txt").write_text("gainst\n", encoding="utf-8")
    (saved / "quotes_title_nouns.txt").write_text("album\n", encoding="utf-8")
    mine = tmp_path / "titles.txt"
    mine.write_text("# my titles\nsymphony\n", encoding="utf-8")
    StageLists("claimsift_quotes", {"quotes_title_nouns": str(mine)}).from_disk(saved)
    assert wordlists.words("quotes_elisions.txt") == {"gainst"}  # saved
    assert wordlists.words("quotes_title_nouns.txt") == {"symphony"}  # the config's

    (saved / "people_titles.txt").write_text("Dame\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="is not a word list of claimsift_quotes"):
        StageLists("claimsift_quotes").from_disk(saved)


# --------------------------------------------------------------------------- real pipeline

TEXT = (
    "The mayor said the new bridge would open in June. "
    "“We are ready,” said Ana Ruiz, the city's engineer. Traffic fell 12% last year."
)

# Run in a new process: the rule modules read their lists once per process.
SCRIPT = """
import json, sys
import spacy
from pipeline.export import doc_to_records
path, text, override = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
config = {"components": {"claimsift_quotes": {"lists": override}}} if override else {}
nlp = spacy.load(path, config=config)
print(json.dumps([r.model_dump(mode="json") for r in doc_to_records(nlp(text))]))
if override:
    from pipeline.wordlists import ResourceError
    try:
        spacy.load(path)  # the saved lists differ from those this process runs with
    except ResourceError as err:
        print(json.dumps(str(err)))
"""


def _records_in_new_process(path, override=None):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path), TEXT, json.dumps(override or {})],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.mark.slow
def test_a_saved_pipeline_carries_its_lists_and_the_config_replaces_one(nlp, tmp_path):
    from pipeline.export import doc_to_records

    nlp.to_disk(tmp_path / "model")
    for stage in OWNERS:
        saved = sorted(p.name for p in (tmp_path / "model" / stage).glob("*.txt"))
        assert saved == list(wordlists.owned(stage)), stage
    here = [r.model_dump(mode="json") for r in doc_to_records(nlp(TEXT))]
    assert {r["kind"] for r in here if r["type"] == "quote"} == {"direct", "indirect"}

    (reloaded,) = _records_in_new_process(tmp_path / "model")
    assert reloaded == here

    # without "say" among the reporting verbs, "The mayor said ..." is no reported speech
    verbs = [line for line in wordlists.text("quotes_reporting_verbs.txt").splitlines()
             if not line.startswith("say\t")]
    changed, conflict = _records_in_new_process(tmp_path / "model", {"quotes_reporting_verbs": verbs})
    assert [r for r in changed if r["type"] == "numeric"] == [r for r in here if r["type"] == "numeric"]
    assert "indirect" not in {r["kind"] for r in changed if r["type"] == "quote"}
    assert "quotes_reporting_verbs.txt differs from the one this process already runs with" in conflict

"""The command line, through typer's CliRunner and as a real process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from models import parse_record
from pipeline.cli import app
from tests.conftest import CORPUS, SHARED, assert_offsets

runner = CliRunner()


def _texts(tmp_path, n=2):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(
        "Shares of the company fell 12% on Monday.\n\n“We are disappointed,” said chief executive Ana Ruiz.\n",
        encoding="utf-8",
    )
    (folder / "sub" / "b.txt").write_text(
        "The city spent $4.5 million on repairs last year, according to the auditor.\n", encoding="utf-8"
    )
    (folder / ".hidden.txt").write_text("Ignored 55% of the time.", encoding="utf-8")
    return folder


def test_run_writes_records_in_input_order(tmp_path):
    folder = _texts(tmp_path)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", str(folder), "-o", str(out), "--workers", "1", "-q"])
    assert result.exit_code == 0, result.output
    records = [parse_record(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r.article.id for r in records] == sorted((r.article.id for r in records), key=["a", "sub/b"].index)
    assert {r.article.id for r in records} == {"a", "sub/b"}
    for r in records:
        assert_offsets((folder / f"{r.article.id}.txt").read_text(encoding="utf-8"), [r])
    assert "2 articles" in result.output


def test_run_refuses_to_overwrite_without_force(tmp_path):
    folder = _texts(tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n")
    result = runner.invoke(app, ["run", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 2
    assert "--force" in result.output
    assert out.read_text() == "keep me\n"


def test_missing_input_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "-o", str(tmp_path / "o.jsonl"), "-q"])
    assert result.exit_code == 2
    assert "input not found" in result.output


def test_unknown_model_is_a_one_line_error(tmp_path):
    folder = _texts(tmp_path)
    result = runner.invoke(app, ["run", str(folder), "-o", str(tmp_path / "o.jsonl"), "-q", "-w", "1",
                                 "--model", "no_such_pipeline_xyz"])
    assert result.exit_code == 2
    assert "pip install" in result.output


def test_schema_command_prints_the_committed_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    from tests.conftest import ROOT

    committed = json.loads((ROOT / "models" / "schema" / "record.schema.json").read_text())
    assert json.loads(result.output) == committed


@pytest.mark.skipif(not (SHARED / "gold" / "seeds_gold.jsonl").exists(), reason="shared gold not present")
def test_evaluate_scores_a_real_run(tmp_path):
    out = tmp_path / "seeds.jsonl"
    result = runner.invoke(app, ["run", str(CORPUS), "-o", str(out), "-q", "-w", "1"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["evaluate", str(SHARED / "gold" / "seeds_gold.jsonl"), "--predictions", str(out), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["quotes"]["f1"] >= 0.80
    assert scores["figures"]["f1"] >= 0.85


def test_console_script_runs_as_a_process(tmp_path):
    exe = shutil.which("claimsift")
    cmd = [exe] if exe else [sys.executable, "-m", "pipeline.cli"]
    folder = _texts(tmp_path)
    out = tmp_path / "o.jsonl"
    proc = subprocess.run(cmd + ["run", str(folder), "-o", str(out), "-w", "1"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "articles" in proc.stderr.splitlines()[-1]
    assert out.read_text(encoding="utf-8").count("\n") >= 3


def test_indirect_speech_by_default_and_off_on_request(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = ("The central bank's governor, Maria Lopez, said interest rates would stay high for the rest "
            "of the year.\n\n“We are not done,” Lopez added.\n")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    kinds = {}
    for flag in (["--no-indirect"], []):
        out = tmp_path / f"out{len(flag)}.jsonl"
        result = runner.invoke(app, ["run", str(folder), "-o", str(out), "-q", "-w", "1", *flag])
        assert result.exit_code == 0, result.output
        records = [parse_record(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert_offsets(text, records)
        kinds[not flag] = [(r.kind, r.text, r.speaker.name if r.speaker else None)
                             for r in records if r.type == "quote"]
    assert kinds[False] == [("direct", "We are not done,", "Maria Lopez")]
    assert ("indirect", "interest rates would stay high for the rest of the year", "Maria Lopez") in kinds[True]
    assert set(kinds[False]) < set(kinds[True])


LIGHT_COMMANDS = ["--help", "run --help", "inspect --help", "report --help", "export --help", "extract --help",
                  "evaluate --help", "schema"]


def test_commands_that_run_no_pipeline_import_no_spacy_and_no_model():
    """Lazy imports: only running the pipeline loads spaCy, dateparser and the model."""
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from pipeline.cli import app\n"
        f"for args in {LIGHT_COMMANDS!r}:\n"
        "    result = CliRunner().invoke(app, args.split())\n"
        "    assert result.exit_code == 0, (args, result.output)\n"
        "print(sorted(m for m in ('spacy', 'thinc', 'dateparser', 'pipeline.assemble') if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"

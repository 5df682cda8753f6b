"""The README documents every command, record field, stage and Doc attribute."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from models import NumericRecord, QuoteRecord
from pipeline.attrs import ALL as DOC_ATTRS
from pipeline.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_quickstart_is_two_commands_and_ci_runs_the_second():
    quickstart = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)\n```", quickstart, re.S)
    assert len(commands) == 2 and all("\n" not in c for c in commands)
    assert "claimsift run corpus -o outputs/claims.jsonl" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_and_has_help(command):
    assert f"`claimsift {command}" in README
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0 and len(result.output) > 100


@pytest.mark.parametrize(
    "field", sorted(set(QuoteRecord.model_fields) | set(NumericRecord.model_fields))
)
def test_every_record_field_is_in_the_readme(field):
    assert f"`{field}`" in README


def test_every_stage_and_doc_attribute_is_in_the_readme():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for factory in project["project"]["entry-points"]["spacy_factories"]:
        assert f"`{factory}`" in README, factory
    for attr in DOC_ATTRS:
        assert f"`doc._.{attr}`" in README, attr

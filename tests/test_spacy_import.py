"""claimsift imports spaCy without spaCy's command line (`pipeline/spacy_import.py`), and leaves
that command line whole for anyone who imports it after."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHECK = """
import sys
import pipeline.assemble
assert "spacy" in sys.modules
assert not any(m == "spacy.cli" or m.startswith("spacy.cli.") for m in sys.modules), "spaCy's CLI was imported"
assert not any(m in sys.modules for m in ("weasel", "httpx")), "spaCy's CLI dependencies were imported"
import spacy
import spacy.cli
real = sys.modules["spacy.cli.info"]
assert real.__file__.endswith("info.py") and real.info is spacy.cli.info
assert callable(spacy.info)
print("ok")
"""


def test_the_pipeline_imports_spacy_without_its_command_line_and_leaves_it_whole():
    done = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_spacy_already_imported_is_used_as_it_is():
    code = "import spacy, sys\nfrom pipeline.spacy_import import import_spacy\n" \
           "assert import_spacy() is spacy and 'spacy.cli.info' in sys.modules\nprint('ok')"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr

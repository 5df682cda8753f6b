"""The table of unit symbols written from pint: what pint says, and what a run uses instead of pint."""

from __future__ import annotations

import subprocess
import sys

from pipeline.numbers import units
from pipeline.numbers.unit_symbols import SYMBOLS


def test_the_table_is_what_pint_says_for_every_expression_the_rules_use():
    """Stale after a change to quantities_units.txt: run `python -m pipeline.numbers.units`."""
    assert SYMBOLS == units.symbol_table()


def test_an_expression_outside_the_table_is_asked_of_pint():
    assert "hectopascal" not in SYMBOLS
    assert units.unit_symbol("hectopascal") == "hPa"


def test_the_table_file_is_rewritten_byte_for_byte(tmp_path):
    written = units.write_symbol_table(tmp_path / "unit_symbols.py")
    assert written.read_text(encoding="utf-8") == (
        units.Path(units.__file__).with_name("unit_symbols.py").read_text(encoding="utf-8"))


def test_finding_measures_imports_no_pint():
    """In a fresh process: the units found, their symbols from the table, pint never imported."""
    found = subprocess.check_output([sys.executable, "-c", "import sys; from pipeline.numbers.units import "
                                     "measure_after as m, temperature_letter as t; print(m('a 12 kilometre road', 4), "
                                     "t('temperatures of 70 F', 18), 'pint' in sys.modules)"], text=True, timeout=120)
    assert found.strip() == "('km', 14) ('°F', 20) False"

"""Physical and technical units (kind "measure"): the unit written after a number ("6.2 kW",
"850 sq m", "a 3-inch pipe"), read from ``resources/quantities_units.txt``, with its canonical
symbol from pint's unit registry ("sq m" and "square metres" are both "m²").

pint's registry takes about 0.4 s of CPU to import and build, a fifth of a run's start-up, for a
few dozen symbols that never change: they are read from ``unit_symbols.py``, a table written
from pint by ``python -m pipeline.numbers.units`` (a test checks that it is what pint says). The
registry itself is built only for an expression the table lacks (a unit list replaced in a
stage's config) and for conversions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional, Tuple

from .. import wordlists


def _unit_forms() -> Dict[str, str]:
    return {form: expr for _, (form, expr) in wordlists.entries("quantities_units.txt", (2, 2))}


UNIT_FORMS = _unit_forms()  # form as written -> pint expression
_FOLDED = {f.lower(): e for f, e in UNIT_FORMS.items() if f.islower() and len(f) > 2}


def unit_expression(form: str) -> Optional[str]:
    """The pint expression of a unit as written ("km", "Kilometres"), or None when it names none."""
    return UNIT_FORMS.get(form) or _FOLDED.get(form.lower())


def _form_alt(form: str) -> str:
    body = r"[ \t]+".join(re.escape(part) for part in form.split(" "))
    return f"(?i:{body})" if form.lower() in _FOLDED else body


_ALTS = "|".join(_form_alt(f) for f in sorted(UNIT_FORMS, key=len, reverse=True))
# a unit right after the number: glued ("512GB"), spaced ("6.2 kW") or hyphenated ("3-inch")
MEASURE_AFTER_RE = re.compile(
    rf"^(?:[ \t\u00a0]?-[ \t]?|[ \t\u00a0]?)(?P<u>{_ALTS})(?![A-Za-z0-9\u00b2\u00b3])")


@lru_cache(maxsize=1)
def registry():
    """pint's unit registry (built on first use)."""
    import pint

    return pint.UnitRegistry(cache_folder=None)


def pint_symbol(expr: str) -> str:
    """The canonical short symbol of a pint unit expression, from pint ("meter**2" -> "m²")."""
    return format(registry().Unit(expr), "~P")


@lru_cache(maxsize=None)
def unit_symbol(expr: str) -> str:
    """The canonical short symbol of a pint unit expression ("meter**2" -> "m²"): from the table
    written from pint, else from pint."""
    from .unit_symbols import SYMBOLS

    symbol = SYMBOLS.get(expr)
    return symbol if symbol is not None else pint_symbol(expr)


def convert(value: float, expr: str, to: str) -> float:
    """``value`` in unit ``expr`` expressed in unit ``to`` ("mile", "kilometer")."""
    return float(registry().Quantity(value, expr).to(to).magnitude)


CODE_EXPRESSIONS = ("meter", "yard", "degree_Fahrenheit", "degree_Celsius")
"""The expressions the rules name in code (the others come from ``quantities_units.txt``)."""


def symbol_table() -> Dict[str, str]:
    """Every expression the rules use (the unit list's and CODE_EXPRESSIONS) -> its pint symbol."""
    return {expr: pint_symbol(expr) for expr in sorted(set(UNIT_FORMS.values()) | set(CODE_EXPRESSIONS))}


def write_symbol_table(path: Optional[Path] = None) -> Path:
    """Write ``unit_symbols.py`` from pint (run after changing ``quantities_units.txt``)."""
    path = path or Path(__file__).with_name("unit_symbols.py")
    lines = [f"    {expr!r}: {symbol!r},\n" for expr, symbol in symbol_table().items()]
    path.write_text(
        '"""pint\'s canonical symbol of every unit expression the rules use. Written by\n'
        "``python -m pipeline.numbers.units`` from pint and ``resources/quantities_units.txt``: do not edit.\"\"\"\n\n"
        "SYMBOLS = {\n" + "".join(lines) + "}\n",
        encoding="utf-8",
    )
    return path


# yards are gained or run in a game (counted like points) but measure a distance before "from",
# "away", "behind" ("standing three feet from the door")
_YARDS_AWAY_RE = re.compile(
    r"^[ \t]?-?[ \t]?(?P<u>yards?)(?=[ \t]+(?:from|away|behind|off|short|wide|long|deep|high|tall|"
    r"in[ \t]+front)(?![A-Za-z]))", re.I)


def measure_after(text: str, pos: int) -> Optional[Tuple[str, int]]:
    """(canonical symbol, end) of a physical unit written right after ``pos``, or None."""
    m = MEASURE_AFTER_RE.match(text[pos:pos + 40])
    if not m:
        y = _YARDS_AWAY_RE.match(text[pos:pos + 40])
        return (unit_symbol("yard"), pos + y.end()) if y else None
    expr = unit_expression(re.sub(r"[ \t]+", " ", m.group("u")))
    if expr is None:
        return None
    return unit_symbol(expr), pos + m.end()


# "70 F (20 C)" where temperatures are spoken of
TEMPERATURE_LETTER_RE = re.compile(r"[ \t]?(?P<u>[FC])(?![\w.'\u2019-]|\.\w)")
TEMPERATURE_WORDS_RE = re.compile(r"(?<![A-Za-z])(?:degrees?|celsius|fahrenheit|centigrade|temperatures?)"
                                  r"(?![A-Za-z])", re.I)


def temperature_letter(text: str, pos: int) -> Optional[Tuple[str, int]]:
    """"70 F (20 C)": a bare F or C is a temperature scale where the text speaks of temperatures
    ("degrees", "Celsius", "Fahrenheit", "temperature" near before)."""
    m = TEMPERATURE_LETTER_RE.match(text, pos, pos + 4)
    if not m or not TEMPERATURE_WORDS_RE.search(text, max(0, pos - 300), pos):
        return None
    return unit_symbol("degree_Fahrenheit" if m.group("u") == "F" else "degree_Celsius"), m.end()


if __name__ == "__main__":
    print(write_symbol_table())

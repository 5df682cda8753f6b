"""spaCy imported without its command line.

`spacy/__init__.py` imports `spacy.cli.info` for the `spacy.info()` helper, and with it the whole
of spaCy's command line: typer, weasel, httpx, requests, the download and project commands
(about 0.15 s of CPU, a tenth of claimsift's start-up, paid again by every worker that starts
fresh). claimsift never uses it. `import_spacy` imports spaCy with a light stand-in for that one
module; `spacy.info` still works (it imports the real command on its first call), and the
stand-in is gone from `sys.modules` once spaCy is imported, so a later `import spacy.cli` loads
the real command line whole. When spaCy is already imported, or stops importing its command line
at start-up, this is a plain `import spacy`.
"""

from __future__ import annotations

import sys
import types

_INFO = "spacy.cli.info"


def _info(*args, **kwargs):
    """`spacy.info`: the real command, imported on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    if "spacy" not in sys.modules and _INFO not in sys.modules:
        stand_in = types.ModuleType(_INFO, "stands in for spaCy's `info` command while spaCy imports")
        stand_in.info = _info  # type: ignore[attr-defined]
        sys.modules[_INFO] = stand_in
        try:
            import spacy  # noqa: F401
        finally:
            if sys.modules.get(_INFO) is stand_in:
                del sys.modules[_INFO]
    import spacy

    return spacy

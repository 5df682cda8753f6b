"""claimsift: quotes with their speakers and numeric claims with their subjects, from news text.

Importing this package loads nothing heavy: spaCy, the claimsift stages (their factories and Doc
extensions) and the model come with `pipeline.assemble`, imported on first use of one of the
names below (`load_pipeline`, ...), so that commands which do not run the pipeline start fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "load_pipeline", "ModelNotFound", "PipelineSpec", "DEFAULT_MODELS"]
_FROM_ASSEMBLE = frozenset(__all__[1:])


def __getattr__(name: str):
    if name in _FROM_ASSEMBLE:
        from . import assemble

        value = getattr(assemble, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

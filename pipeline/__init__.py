"""claimsift: quotes with their speakers and numeric claims with their subjects, from news text.

Importing this package registers the claimsift spaCy factories and Doc extensions.
"""

from __future__ import annotations

__version__ = "0.1.0"

from . import attrs  # noqa: F401  (declares the Doc extensions)
from .assemble import DEFAULT_MODELS, ModelNotFound, PipelineSpec, load_pipeline

__all__ = ["__version__", "load_pipeline", "ModelNotFound", "PipelineSpec", "DEFAULT_MODELS"]

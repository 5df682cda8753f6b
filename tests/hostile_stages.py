"""Test stages for the hostile-run tests (tests/test_hostile_runs.py, tests/test_dask_engine.py):
one module, imported under one name, so that each stage is registered once and worker processes
(Dask's) can import the pipeline factories."""

from __future__ import annotations

from spacy.language import Language

STORY = (
    "Ticket sales rose 12% to $4.5 million in the season, the club said on Monday.\n\n"
    "\u201cWe did not expect a year like this,\u201d said Ines Varga, the club's director.\n"
)


SWALLOW = "SWALLOW-MARKER-5K"


@Language.component("test_hostile_swallow")
def _swallowing_stage(doc):
    """A stage that catches everything (the alarm too) and returns a partial result."""
    if SWALLOW in doc.text:
        try:
            while True:
                pass
        except Exception:  # noqa: BLE001 - the point of the test
            return doc
    return doc


STUCK = "STUCK-MARKER-8W"


@Language.component("test_hostile_stuck")
def _stuck_stage(doc):
    """A stage stuck in compiled code that holds the GIL: no signal handler gets to run."""
    if STUCK in doc.text:
        sum(range(1 << 60))  # one C call: hours, and signals wait for it to return
    return doc


def stuck_pipeline():
    """The full pipeline plus the stuck stage (a picklable pipeline factory for worker processes)."""
    from pipeline import load_pipeline

    nlp = load_pipeline()
    nlp.add_pipe("test_hostile_stuck", after="claimsift_entities")
    return nlp


def swallowing_pipeline():
    """The full pipeline plus the stage that swallows the time limit."""
    from pipeline import load_pipeline

    nlp = load_pipeline()
    nlp.add_pipe("test_hostile_swallow", after="claimsift_entities")
    return nlp

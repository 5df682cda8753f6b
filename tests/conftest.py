"""Shared fixtures: the real English pipeline, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from pipeline import load_pipeline

    return load_pipeline()


def assert_offsets(text: str, records) -> None:
    """Every record (pydantic or dict) must point at its own text."""
    for r in records:
        r = r if isinstance(r, dict) else r.model_dump()
        assert text[r["span"]["start"] : r["span"]["end"]] == r["text"], r
        s = r["sentence"]
        assert text[s["start"] : s["end"]] == s["text"], r
        assert s["start"] <= r["span"]["start"] and r["span"]["end"] <= s["end"], r
        speaker = r.get("speaker") or {}
        if speaker.get("mention_span"):
            m = speaker["mention_span"]
            assert text[m["start"] : m["end"]] == speaker["mention"], r

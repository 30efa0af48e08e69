"""Quality floors on the gold sets: a rule change that loses ground fails here.

The floors sit a little under the figures measured when they were set (see
README "Quality"), so noise in a rule does not trip them but a real loss does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimx.evaluate import evaluate
from claimx.pipeline import extract_articles

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"
GOLDSET_2 = ROOT / "benchmarks" / "goldset-2"
GOLDSET_3 = ROOT / "benchmarks" / "goldset-3"

#: gold set -> (claims F1, status accuracy, claim+status F1, attribution F1, date accuracy)
FLOORS = {
    "devset": (DEVSET, (0.93, 0.96, 0.90, 0.85, 0.97)),
    "goldset-2": (GOLDSET_2, (0.94, 0.97, 0.92, 0.86, 0.96)),
    "goldset-3": (GOLDSET_3, (0.91, 0.96, 0.89, 0.81, 0.96)),
}


def _extract(articles):
    return extract_articles(articles, progress=False)


@pytest.mark.parametrize("name", list(FLOORS))
def test_quality_floor(name, nlp):
    folder, floors = FLOORS[name]
    if not folder.is_dir():
        pytest.skip(f"gold set not found at {folder}")
    result = evaluate(folder, _extract)
    figures = (
        result.claims.f1,
        result.status_accuracy,
        result.claim_status.f1,
        result.attribution.f1,
        result.dates.accuracy,
    )
    labels = ("claims F1", "status accuracy", "claim+status F1", "attribution F1", "date accuracy")
    below = [f"{label} {value:.3f} < {floor}" for label, value, floor in zip(labels, figures, floors) if value < floor]
    assert not below, f"{name}: " + "; ".join(below)

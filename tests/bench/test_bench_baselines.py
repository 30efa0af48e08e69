"""claimx.bench.baselines: the ConText-style window baseline."""

from __future__ import annotations

import pytest

from claimx.bench.baselines import context_status
from claimx.claims.target import status_of

TEXT = "The company may sell the plant and it opened a store in Ohio."


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


@pytest.mark.parametrize(
    "word,context,claimx",
    [
        ("company", "confirmed", None),  # before the cue: out of a forward window
        ("sell", "rumored", "rumored"),
        ("opened", "rumored", "confirmed"),  # the window runs on past the clause; claimx's scope does not
    ],
)
def test_baselines_context_window_vs_scope(doc, word, context, claimx):
    start = TEXT.index(word)
    assert context_status(doc, start, start + len(word)) == context
    if claimx is not None:
        assert status_of(doc, start, start + len(word)).status == claimx

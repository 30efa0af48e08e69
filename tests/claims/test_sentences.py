"""Sentence starts set before the parser: paragraph breaks and figure-final full stops."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, sentences",
    [
        # the tokenizer makes "140" and "m." of "£140m."
        (
            "The grocer forecasts earnings of about £140m. Its owners have not ruled out a sale.",
            ["The grocer forecasts earnings of about £140m.", "Its owners have not ruled out a sale."],
        ),
        ("The fee could reach $5bn. Talks resume on Monday.", ["The fee could reach $5bn.", "Talks resume on Monday."]),
        # "p.m." is an abbreviation, not a sentence end
        ("The meeting starts at 5 p.m. Tuesday in Leeds.", ["The meeting starts at 5 p.m. Tuesday in Leeds."]),
    ],
)
def test_sentences_figure_final_full_stop(nlp, text, sentences):
    assert [s.text for s in nlp(text).sents] == sentences

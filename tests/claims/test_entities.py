"""Entity patterns where the small model fails on news."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, entity, label",
    [
        ("The sequel to Alita: Battle Angel 2 is in development.", "Alita: Battle Angel 2", "WORK_OF_ART"),
        ("Dune: Part Three starts filming in July.", "Dune: Part Three", "WORK_OF_ART"),
        ("Fans expect Spider-Man 4 to open in 2026.", "Spider-Man 4", "WORK_OF_ART"),
        ("Cameron reaffirmed in mid-2023 that more films are planned.", "mid-2023", "DATE"),
    ],
)
def test_entities_patterns(nlp, text, entity, label):
    doc = nlp(text)
    assert (entity, label) in [(e.text, e.label_) for e in doc.ents]

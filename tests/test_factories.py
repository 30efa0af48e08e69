"""claimx's factories are registered, discoverable and in order."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest

from claimx.nlp import COMPONENTS

NAMES = [name for name, _ in COMPONENTS]


def test_factories_declared_as_entry_points():
    declared = {ep.name for ep in entry_points(group="spacy_factories")}
    assert set(NAMES) <= declared


@pytest.mark.parametrize("name", NAMES)
def test_factories_addable_to_a_plain_pipeline(name):
    import spacy

    nlp = spacy.blank("en")
    assert nlp.add_pipe(name) is not None
    assert name in nlp.pipe_names


def test_factories_pipe_analysis_has_no_problems(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    assert not any(analysis["problems"][name] for name in NAMES)

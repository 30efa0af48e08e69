"""Tests for :mod:`claimx.claims.tense`: the ``decision`` rules of ``temporal.jsonl`` read by a generic engine."""

from __future__ import annotations

import json
import shutil

import pytest

from claimx import timex
from claimx.claims.dates import direction_of
from claimx.claims.tense import decisions_of
from claimx.errors import RulePackError
from claimx.rules import default_rules_dir


def _pack_without(tmp_path, dropped: set[str], extra: list[dict] | None = None):
    """A copy of the default pack whose ``temporal.jsonl`` lacks the rules ``dropped`` (and has ``extra``)."""
    pack = tmp_path / "pack"
    shutil.copytree(default_rules_dir(), pack)
    path = pack / timex.TEMPORAL_FILE
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"] not in dropped]
    lines += [json.dumps(rule) for rule in extra or []]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return pack


def _span(nlp_base, text, words):
    doc = nlp_base(text)
    start = text.index(words)
    return doc.char_span(start, start + len(words))


@pytest.mark.parametrize(
    "text, words, dropped, before, after",
    [
        # without the auxiliary rule, "will" says nothing and the bare verb is read as it stands
        ("The ferry will sail again in April.", "April", {"verb-future-auxiliary"}, "future", None),
        # without the moved-to rule, the perfect of the verb decides: a past
        ("The council has pushed the vote to October.", "October", {"governor-moved-to"}, "future", "past"),
    ],
)
def test_tense_direction_comes_from_the_rules(nlp_base, tmp_path, text, words, dropped, before, after):
    span = _span(nlp_base, text, words)
    assert direction_of(span) == before
    grammar = timex.load_grammar(_pack_without(tmp_path, dropped))
    assert direction_of(span, grammar) == after


def test_tense_trail_names_the_rules_that_decided(nlp_base):
    trail: list = []
    direction_of(_span(nlp_base, "The ferry will sail again in April.", "April"), None, trail)
    assert [rule.id for rule, _ in trail] == ["clause-head-verb", "verb-future-auxiliary"]
    assert [token.text for _, token in trail] == ["sail", "sail"]


def test_tense_bad_pattern_names_file_line_and_rule(tmp_path):
    bad = {"id": "verb-odd", "type": "decision", "role": "tense", "pattern": {"COLOUR": "red"}, "direction": "past",
           "examples": ["The ferry sailed in April."]}
    pack = _pack_without(tmp_path, set(), [bad])
    grammar = timex.load_grammar(pack)
    lines = (pack / timex.TEMPORAL_FILE).read_text(encoding="utf-8").splitlines()
    with pytest.raises(RulePackError, match=rf"temporal.jsonl:{len(lines)}: rule 'verb-odd'.*COLOUR"):
        decisions_of(grammar)


@pytest.mark.parametrize(
    "fields, problem",
    [
        ({"role": "tense", "walk": "up"}, "walk"),
        ({"role": "ahead"}, "walk"),
        ({"role": "governor", "read": "self"}, "read"),
        ({"role": "name", "kinds": ["year"]}, "kinds"),
    ],
)
def test_tense_rule_fields_fit_the_role(tmp_path, fields, problem):
    from claimx.rules import TemporalRule, load_jsonl

    path = tmp_path / "temporal.jsonl"
    rule = {"id": "x-rule", "type": "decision", "pattern": {"POS": "VERB"}, **fields}
    path.write_text(json.dumps(rule) + "\n", encoding="utf-8")
    with pytest.raises(RulePackError, match=rf"temporal.jsonl:1: rule 'x-rule'.*{problem}"):
        load_jsonl(path, TemporalRule)

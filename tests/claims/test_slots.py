"""The slot pack (``models/en/slots.jsonl``): every rule's examples give a
claim the rule's topic and key, so the roll-up groups it with its fact."""

from __future__ import annotations

import pytest

from claimx.slots import load_slots

SLOTS = load_slots()
EXAMPLES = [(rule.id, rule.topic, rule.key, text) for rule in SLOTS for text in rule.examples]


def test_slots_every_rule_has_examples():
    assert SLOTS and all(rule.examples for rule in SLOTS)


@pytest.mark.parametrize("rule_id, topic, key, text", EXAMPLES, ids=[f"{e[0]}:{n}" for n, e in enumerate(EXAMPLES)])
def test_slots_example_gets_its_slot(analyse, rule_id, topic, key, text):
    records = analyse(text)
    assert any((r.topic, r.key) == (topic, key) for r in records), (rule_id, [(r.text, r.topic, r.key) for r in records])

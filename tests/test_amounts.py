"""The amount pack (``models/en/amounts.jsonl``): every rule's examples read
as the rule says, its counter-examples hold no number word, and the roll-up
reads the figure written after an amount the tagger cut short."""

from __future__ import annotations

import json
import re

import pytest

from claimx.amounts import amount_number, figure_at, load_amounts, number_word, range_end
from claimx.errors import RulePackError
from claimx.rules import AmountRule, default_rules_dir, load_jsonl
from claimx.status import _entities, _written_amount

RULES = load_amounts()


def test_every_kind_has_a_rule():
    assert {rule.kind for rule in RULES} == {"number", "scale", "currency", "vague", "range"}


@pytest.mark.parametrize(
    "rule_id,text,amount",
    [(rule.id, ex.text, ex.amount) for rule in RULES for ex in rule.examples],
)
def test_example_reads_its_amount(rule_id, text, amount):
    rule = next(r for r in RULES if r.id == rule_id)
    if rule.kind == "number":
        assert number_word(text) == amount
    elif rule.kind == "range":
        at = text.index(amount)
        first = figure_at(text, at)
        assert first is not None
        end = range_end(text, at, at + len(first.rstrip()))
        assert end is not None and text[at:end] == amount
    else:
        assert figure_at(text, text.index(amount)) == amount


@pytest.mark.parametrize(
    "rule_id,text", [(rule.id, text) for rule in RULES for text in rule.counter_examples]
)
def test_counter_example_holds_no_number_word(rule_id, text):
    rule = next(r for r in RULES if r.id == rule_id)
    if rule.kind == "range":
        # no figure of the text opens a range
        for found in re.finditer(r"\S*\d\S*", text):
            written = found.group(0).rstrip(".,")
            assert range_end(text, found.start(), found.start() + len(written)) is None, written
    else:
        assert number_word(text) is None


def test_a_word_inside_a_longer_word_is_no_number():
    assert number_word("a tenant of the building") is None
    assert number_word("Ten tenants moved out") == "Ten"


def test_a_vague_word_counts_only_before_a_scale_word():
    text = "The club has several players on loan."
    assert figure_at(text, text.index("several")) is None


def test_no_figure_where_none_is_written():
    text = "The council will decide next week."
    assert figure_at(text, text.index("decide")) is None


def test_the_roll_up_reads_the_figure_after_an_amount_cut_short():
    text = "The insurer will pay as much as $3.5 billion to settle."
    start = text.index("as much as")
    claim = {
        "text": text,
        "span": {"start": 100},
        "entities": [{"label": "MONEY", "text": "as much as", "start": 100 + start, "end": 100 + start + 10}],
    }
    (ent,) = _entities(claim)
    assert ent["text"] == "$3.5 billion"
    assert text[ent["start"] - 100 : ent["end"] - 100] == "$3.5 billion"


def test_the_roll_up_reads_a_whole_range_the_tagger_cut_after_its_first_figure():
    text = "The mill will shed 1,200 to 1,500 jobs by spring."
    start = text.index("1,200")
    claim = {"text": text, "span": {"start": 0}, "entities": [
        {"label": "CARDINAL", "text": "1,200", "start": start, "end": start + 5},
        {"label": "CARDINAL", "text": "1,500", "start": start + 9, "end": start + 14},
    ]}
    assert _written_amount(claim, claim["entities"][0]) == "1,200 to 1,500"
    change = "Its headcount went from 1,200 to 1,500 in a year."
    start = change.index("1,200")
    claim = {"text": change, "span": {"start": 0}, "entities": [{"label": "CARDINAL", "text": "1,200", "start": start, "end": start + 5}]}
    assert _written_amount(claim, claim["entities"][0]) == "1,200"


def test_an_amount_in_words_is_kept_as_the_tagger_found_it():
    claim = {
        "text": "The carrier will cut a dozen routes.",
        "span": {"start": 0},
        "entities": [{"label": "CARDINAL", "text": "a dozen", "start": 21, "end": 28}],
    }
    assert _entities(claim) == claim["entities"]


def test_a_bad_rule_names_its_file_line_and_id(tmp_path):
    good = (default_rules_dir() / "amounts.jsonl").read_text(encoding="utf-8")
    bad = {"id": "amount-broken", "kind": "vague", "words": ["some"], "examples": [{"text": "some 40", "amount": "40"}]}
    path = tmp_path / "amounts.jsonl"
    path.write_text(good.rstrip("\n") + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(RulePackError, match=r"amounts\.jsonl:\d+: rule 'amount-broken'.*before"):
        load_jsonl(path, AmountRule)


def test_an_example_must_write_its_amount(tmp_path):
    bad = {"id": "amount-odd", "kind": "scale", "words": ["million"], "examples": [{"text": "It cost 4 million.", "amount": "5 million"}]}
    path = tmp_path / "amounts.jsonl"
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(RulePackError, match="not written in the example"):
        load_jsonl(path, AmountRule)


@pytest.mark.parametrize(
    "value, number",
    [("4,300", 4300.0), ("$2.5bn", 2.5e9), ("€50m", 5e7), ("US$ 1.2 billion", 1.2e9), ("nine hundred", None), ("3 ferries", 3.0)],
)
def test_the_number_an_amount_writes(value, number):
    assert amount_number(value) == number


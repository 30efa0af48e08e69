"""Tests for the chain part of :mod:`claimx.evaluate`: tracked facts across a
chain of articles, scored group by group (found, final status, whole history,
value), and ``claimx eval`` on a chain folder with and without claim gold."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.evaluate import GoldFact, amount_numbers, key_fits, score_chain, subject_fits, value_fits
from claimx.status import StatusRecord, StatusStep

runner = CliRunner()


@pytest.mark.parametrize(
    "pred,gold,expected",
    [
        ("Orbit Pad 3", "Orbit Pad 3", True),
        ("orbit pad 3", "The Orbit Pad 3", True),
        ("Pad 3", "Orbit Pad 3", True),  # a shorter form keeping the last word
        ("Orbit Pad", "Orbit Pad 3", False),  # the last word is gone
        ("Orbit", "Orbit Pad 3", False),
        ("3", "Orbit Pad 3", False),  # a number alone names nothing
        ("Z90", "Korvo Z90", True),  # a model code names the thing: it has letters
        ("Z-90", "Korvo Z-90", True),
        ("Orbit Pad 3 Max", "Orbit Pad 3", False),  # longer is another thing
        ("Motors", "Greyfield Motors", True),
        ("Orbit Labs", "Orbit Pad 3", False),
    ],
)
def test_evaluate_chain_subject_fits(pred, gold, expected):
    assert subject_fits(pred, gold) is expected


@pytest.mark.parametrize(
    "pred,gold,expected",
    [
        ("funding", "additional funding", True),
        ("release_date", "release date", True),
        ("release_date", "announcement", False),
        ("development", "filming", False),
        ("of the", "of the", False),  # function words are no key
        ("2031 sales", "2031 output", False),  # nor is a year
        ("2031 sales", "sales", True),
    ],
)
def test_evaluate_chain_key_fits(pred, gold, expected):
    assert key_fits(pred, gold) is expected


@pytest.mark.parametrize(
    "pred,gold,expected",
    [
        ("2026-05", "2026-05", True),
        ("2026", "2026-05", False),  # dates compare exactly
        ("$15bn", "US$ 15 billion", True),  # amounts by their numbers
        ("£360 million", "£360m", True),
        ("12,000", "12000", True),
        ("9.4%", "9.4 percent", True),
        ("$699", "$799", False),
        (None, None, True),
        ("2026", None, False),
        (None, "$699", False),
    ],
)
def test_evaluate_chain_value_fits(pred, gold, expected):
    assert value_fits(pred, gold) is expected


def test_evaluate_chain_amount_numbers():
    assert amount_numbers("US$ 1.5 billion and 300 jobs") == [1.5e9, 300.0]


def _record(subject, topic, key, steps, value=None):
    history = [
        StatusStep(doc_id=doc, published=dt.date(2026, 1, n + 1), status=status, claim_id=f"c{n}", text="t")
        for n, (doc, status) in enumerate(steps)
    ]
    last = history[-1]
    return StatusRecord(
        group_id=f"g-{subject}-{topic}-{key}", subject=subject, topic=topic, key=key, status=last.status, value=value,
        doc_id=last.doc_id, published=last.published, claim_id=last.claim_id, text="t", names=[subject], history=history,
    )


def _fact(subject, topic, key, steps, value=None):
    return GoldFact(
        subject=subject, topic=topic, key=key, status=steps[-1][1], value=value,
        history=[{"doc": d, "status": s} for d, s in steps],
    )


def test_evaluate_chain_score_by_hand():
    facts = [
        _fact("Orbit Pad 3", "business", "price", [("a", "rumored"), ("b", "confirmed")], "$499"),
        _fact("Orbit Pad 3", "other", "display", [("a", "rumored"), ("b", "confirmed")]),
        _fact("Orbit Pad 3", "release", "release_date", [("b", "expected")], "2026-09"),
        _fact("Orbit Pad 3", "production", "manufacturing", [("a", "denied")]),
    ]
    records = [
        # found, status right, history right, value by its number
        _record("Pad 3", "business", "price", [("a", "rumored"), ("b", "confirmed")], "US$499"),
        # found, status right, history wrong (misses a), no value on both sides
        _record("Orbit Pad 3", "other", "display", [("b", "confirmed")]),
        # found, status wrong, value wrong
        _record("Orbit Pad 3", "release", "release_date", [("b", "rumored")], "2026"),
        # wrong topic: not found
        _record("Orbit Pad 3", "other", "manufacturing", [("a", "denied")]),
    ]
    result = score_chain(facts, {r.group_id: r for r in records})
    assert (result.n_facts, result.found, result.status, result.history, result.value) == (4, 3, 2, 1, 2)
    assert [f.found for f in result.facts] == [True, True, True, False]
    assert result.facts[2].pred_status == "rumored" and result.facts[2].gold_status == "expected"


def test_evaluate_chain_groups_are_taken_one_to_one_closest_first():
    facts = [
        _fact("Greyfield Motors", "business", "additional funding", [("a", "rumored")]),
        _fact("Greyfield Motors", "business", "funding", [("a", "confirmed")]),
    ]
    records = [_record("Greyfield Motors", "business", "funding", [("a", "confirmed")])]
    result = score_chain(facts, {r.group_id: r for r in records})
    # the exact key takes the group; the other fact is not found
    assert [f.found for f in result.facts] == [False, True]


FIRST = """---
title: Orbit Pad 3 said to cost $499
published: 2026-02-03
---
The Orbit Pad 3 will reportedly cost $499, according to a supplier who asked not to be named.
"""
SECOND = """---
title: Orbit Labs confirms Orbit Pad 3 price
published: 2026-03-10
---
Orbit Labs confirmed on Tuesday that the Orbit Pad 3 costs $549.
"""


def _chain(tmp_path, with_claim_gold):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "b-confirm.md").write_text(SECOND, encoding="utf-8")
    (tmp_path / "articles" / "a-leak.md").write_text(FIRST, encoding="utf-8")
    fact = {
        "subject": "Orbit Pad 3", "topic": "business", "key": "price", "status": "confirmed", "value": "$549",
        "history": [{"doc": "a-leak", "status": "rumored"}, {"doc": "b-confirm", "status": "confirmed"}],
    }
    (tmp_path / "status_gold.jsonl").write_text(json.dumps(fact) + "\n", encoding="utf-8")
    if with_claim_gold:
        (tmp_path / "gold").mkdir()
        line = {"doc": "a-leak", "evidence": "will reportedly cost $499", "status": "rumored", "subject": "Orbit Pad 3",
                "topic": "business", "attribution": None, "cues": ["reportedly"], "dates": []}
        (tmp_path / "gold" / "a-leak.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
        (tmp_path / "gold" / "b-confirm.jsonl").write_text("", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("with_claim_gold", [False, True])
def test_evaluate_chain_cli_json(tmp_path, nlp, with_claim_gold):
    gold_dir = _chain(tmp_path, with_claim_gold)
    result = runner.invoke(app, ["eval", str(gold_dir), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    chain = figures["chain"]
    assert chain["n_docs"] == 2 and chain["n_facts"] == 1
    assert ("claims" in figures) is with_claim_gold
    (fact,) = chain["facts"]
    # the articles were added in published order, not file order
    if fact["found"]:
        assert [s.split(":")[0] for s in fact["pred_history"]] == sorted(s.split(":")[0] for s in fact["pred_history"])


def test_evaluate_chain_cli_errors_lists_facts(tmp_path, nlp):
    gold_dir = _chain(tmp_path, False)
    result = runner.invoke(app, ["eval", str(gold_dir), "--errors"])
    assert result.exit_code == 0, result.output
    assert "Tracked facts" in result.output and "group found" in result.output


@pytest.mark.parametrize("pred,gold", [("four", "4"), ("three thousand", "3,000"), ("ten", "10 a month")])
def test_evaluate_chain_spelt_numbers_are_amounts(pred, gold):
    assert value_fits(pred, gold)


@pytest.mark.parametrize(
    "pred,gold,expected",
    [("12", "12GB", True), ("50", "€50m", True), ("16GB", "12GB", False), ("5 months", "5", True), ("$1.5 million", "US$ 15 billion", False)],
)
def test_evaluate_chain_amounts_as_written(pred, gold, expected):
    assert value_fits(pred, gold) is expected

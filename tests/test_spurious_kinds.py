"""benchmarks/spurious_kinds.py: the kinds of a claim, and the table that counts them both ways."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from spurious_kinds import kinds, table  # noqa: E402


def test_kinds_of_a_short_quoted_clause(nlp):
    doc = nlp("Would you ever come back?")
    found = kinds(doc[:-1], doc.text, in_quote=True, nested=False)
    assert {"question", "modal", "second-person", "no name or figure", "Q:question"} <= set(found)
    assert "N:question" not in found


def test_kinds_of_a_subordinate_clause_with_a_name(nlp):
    doc = nlp("The plant closed in May because Acme said so.")
    clause = doc[6:9]  # "Acme said so"
    found = kinds(clause, doc.text, in_quote=False, nested=True)
    assert "top:advcl" in found and "short" in found and "nested" in found
    assert "no name or figure" not in found


def test_table_counts_claimx_and_gold_apart():
    rows = [
        {"side": "pred", "outcome": "no gold", "kinds": ["short", "N:short"]},
        {"side": "pred", "outcome": "matched", "kinds": ["short", "N:short"]},
        {"side": "gold", "outcome": "matched", "kinds": ["short", "N:short"]},
    ]
    lines = table(rows, min_claims=1)
    short = next(line for line in lines if line.startswith("| short |"))
    assert short == "| short | 2 | 1 | 1 | 0 | 0.50 | 1 | 1 |"

"""People in the roll-up: a person named by surname alone, after their full
name, is the same member of the subject's cast or crew."""

from __future__ import annotations

from roll_records import claim_record, doc_infos

from claimx.status import rollup


def _crew(doc_id, text, status, key):
    return claim_record(doc_id, 1, text, status, subject="Corvel Bank", topic="crew", key=key)


def test_a_surname_joins_the_full_name():
    claims = [
        _crew("a", "Corvel Bank intends to name Irena Dahl as its chief executive", "expected", "Irena Dahl"),
        _crew("b", "Dahl took over as Corvel Bank's chief executive on Monday", "confirmed", "Dahl"),
    ]
    records = rollup(claims, doc_infos(2026, 5, "a", "b"))
    (record,) = [r for r in records.values() if r.topic == "crew"]
    assert record.key == "Irena Dahl"
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "expected"), ("b", "confirmed")]


def test_a_surname_two_people_share_stays_apart():
    claims = [
        _crew("a", "Irena Dahl and Piet Dahl join the board of Corvel Bank", "confirmed", "Irena Dahl"),
        _crew("a", "Piet Dahl joins the board of Corvel Bank", "confirmed", "Piet Dahl"),
        _crew("b", "Dahl will chair the board of Corvel Bank", "expected", "Dahl"),
    ]
    records = rollup(claims, doc_infos(2026, 5, "a", "b"))
    assert {r.key for r in records.values()} == {"Irena Dahl", "Piet Dahl", "Dahl"}


def test_both_speaks_of_the_two_names_before_it():
    # "Orvik Air's finance chief Lars Odell had hired the regulator Maren Holt. Both were later fined."
    first = "Orvik Air's finance chief Lars Odell had hired the regulator Maren Holt"
    hired = claim_record("a", 1, first, "confirmed", subject="Orvik Air", topic="crew", key="Maren Holt")
    hired["entities"] = [
        {"text": name, "start": first.index(name), "end": first.index(name) + len(name), "label": label}
        for name, label in (("Orvik Air", "ORG"), ("Lars Odell", "PERSON"), ("Maren Holt", "PERSON"))
    ]
    both = claim_record("a", 2, "Both were later fined", "confirmed", subject="Lars Odell", topic="other", key="charges")
    offset = len(first) + 2
    both["span"] = both["sentence"] = {"start": offset, "end": offset + len(both["text"])}
    both["subject"] = {"name": "Lars Odell", "text": "Both", "start": offset, "end": offset + 4}
    records = rollup([hired, both], doc_infos(2026, 5, "a"))
    fined = {r.subject for r in records.values() if r.key == "charges"}
    assert fined == {"Lars Odell", "Maren Holt"}

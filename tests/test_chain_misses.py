"""chain_steps.py --misses tells why a tracked fact no roll-up group stands for is missed."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("chain_steps", ROOT / "benchmarks" / "chain_steps.py")
chain_steps = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(chain_steps)


def _fact(subject: str, topic: str, key: str) -> SimpleNamespace:
    return SimpleNamespace(subject=subject, topic=topic, key=key)


GROUPS = [
    _fact("Norvale Tablet 2", "release", "release_date"),
    _fact("Norvale", "business", "job cuts"),
    _fact("Harwick Rovers", "business", "price"),
]


@pytest.mark.parametrize(
    "fact, kind",
    [
        (_fact("Norvale Tablet 2", "release", "US release"), "taken"),  # "release" fits: another fact holds the group
        (_fact("Norvale Tablet 2", "release", "announcement"), "key"),
        (_fact("Norvale", "other", "job cuts"), "topic"),
        (_fact("Castellane", "business", "price"), "subject"),
        (_fact("Norvale", "other", "display"), "topic+key"),
        (_fact("Orvik Ferries", "business", "deal"), "subject: claim only"),
        (_fact("Selby plant", "business", "closure"), "subject: absent"),
    ],
)
def test_a_missed_fact_is_told_by_what_the_groups_near_it_lack(fact, kind):
    assert chain_steps.miss_kind(fact, GROUPS, ["Norvale", "the Orvik Ferries fleet"]) == kind


def test_the_wrong_steps_of_a_found_fact_are_counted_by_cause(tmp_path):
    # chain_steps.py --causes: a wrong status where the group holds a claim
    # with gold's status is the roll-up's choice of voice; a missing step whose
    # quoted claim sits under another key of the subject is lost to the slot
    import datetime as dt

    from claimx.evaluate import load_status_gold
    from claimx.status import DocInfo, rollup

    gold = (
        '{"subject": "Norvale Tablet 2", "topic": "release", "key": "release_date", "status": "confirmed",'
        ' "value": null, "history": [{"doc": "a", "status": "rumored"}, {"doc": "b", "status": "confirmed"}]}\n'
    )
    (tmp_path / "status_gold.jsonl").write_text(gold, encoding="utf-8")
    (tmp_path / "NOTES.md").write_text(
        '1. Norvale Tablet 2 / release / release_date = confirmed\n'
        '   a rumored: "the tablet might ship in the spring"\n'
        '   b confirmed: "the maker said the tablet goes on sale this week"\n',
        encoding="utf-8",
    )

    def claim(cid, doc, status, key, text, start=0):
        return {
            "claim_id": cid, "doc_id": doc, "status": status, "text": text, "cues": [],
            "span": {"start": start, "end": start + len(text)},
            "subject": {"name": "Norvale Tablet 2", "text": "Norvale Tablet 2"},
            "topic": "release", "key": key, "dates": [],
        }

    claims = [
        claim("a1", "a", "confirmed", "release_date", "Norvale Tablet 2 will reach shops next month"),
        claim("a2", "a", "rumored", "release_date", "the tablet might ship in the spring, one fan says", 60),
        claim("b1", "b", "confirmed", "announcement", "the maker said the tablet goes on sale this week"),
    ]
    docs = {d: DocInfo(dt.date(2026, 3, n), dt.date(2026, 3, n), n) for n, d in enumerate("ab", 1)}
    members: dict = {}
    records = rollup(claims, docs, members=members)
    predictions = {
        doc: [SimpleNamespace(claim_id=c["claim_id"], status=c["status"], text=c["text"]) for c in claims if c["doc_id"] == doc]
        for doc in "ab"
    }
    counts = chain_steps.causes(tmp_path, load_status_gold(tmp_path / "status_gold.jsonl"), records, members, predictions)
    assert counts == {
        "status: another claim of the group spoke": 1,
        "missing: under another key of the subject": 1,
    }, counts

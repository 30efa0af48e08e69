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

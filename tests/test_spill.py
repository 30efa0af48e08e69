"""A list of records that keeps its head in memory and the rest on disk (a run's status changes)."""

from __future__ import annotations

from claimx.spill import SpilledList
from claimx.status import StatusChange


def _change(n: int) -> StatusChange:
    return StatusChange(
        group_id=f"g_{n:04d}", subject=f"Subject {n}", topic="release", key="release_date", kind="new", after="rumored"
    )


def test_spilled_list_is_the_list_it_was_given():
    changes = [_change(n) for n in range(25)]
    spilled = SpilledList(StatusChange, changes, head=10)
    assert len(spilled) == 25 and len(spilled.head) == 10
    assert spilled == changes and list(spilled) == changes
    assert spilled[:12] == changes[:12] and spilled[3:7] == changes[3:7] and spilled[-1] == changes[-1] and spilled[17] == changes[17]
    assert list(spilled.json_lines()) == [c.model_dump_json() for c in changes]
    spilled.append(_change(99))
    assert spilled[-1] == _change(99) and spilled != changes
    assert SpilledList(StatusChange) == [] and not SpilledList(StatusChange)

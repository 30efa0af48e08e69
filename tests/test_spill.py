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


def test_corpus_files_past_their_head_come_back_as_they_went(monkeypatch, tmp_path):
    """The corpus walk's rows past FILES_HELD wait on disk; every kind of row comes back the same, every time."""
    from claimx import run
    from claimx.store import Store

    monkeypatch.setattr(run, "FILES_HELD", 3)
    rows = [
        (f"a/{n}\nline\t\udcff.md", f"/c/a/{n}.md", None if n % 3 == 0 else f"1:2:3:{n}", None if n % 4 else "a link out")
        for n in range(5000)
    ]
    files = run.CorpusFiles(rows)
    assert len(files) == 5000 and files.head == rows[:3]
    assert list(files) == rows and list(files) == rows
    files.close()
    # the doc_ids met: past the head in a temporary table, a duplicate found wherever the first one is
    with Store.open(tmp_path / "out") as store:
        taken = run._Taken(store)
        assert [taken.add(f"d{n}", f"f{n}.md") for n in range(10)] == [False] * 10
        assert taken.add("d1", "g.md") and taken.add("d8", "g.md") and taken["d8"] == "f8.md" and taken["d0"] == "f0.md"
        assert "d9" in taken and "d10" not in taken
        taken["d8~2"] = "g.md"
        assert taken["d8~2"] == "g.md"
        taken.close()


def test_full_roll_up_slices_come_from_the_store_in_python_order(monkeypatch, tmp_path):
    """A full recompute takes its slices of subjects from SQLite, sorted there: the slices _slices cuts."""
    from claimx import increment
    from claimx.store import Store

    monkeypatch.setattr(increment, "SUBJECTS_PER_CALL", 3)
    subjects = ["Zeta", "zeta", "ZETA", "Ärger", "apple", "Apple", "éclair", "Eclair", "ﬁsh", "Fish", "b", "B", "ǅ", "Ǆ", "c"]
    with Store.open(tmp_path / "out") as store, store.transaction():
        store.conn.executemany("INSERT INTO rollup_subjects (subject, doc_id) VALUES (?, 'd')", [(s,) for s in subjects[:9]])
        store.conn.executemany(
            "INSERT INTO rollup (group_id, record, subject, sort_key) VALUES (?, '{}', ?, '')", [(f"g{n}", s) for n, s in enumerate(subjects[6:])]
        )
        assert list(increment._all_slices(store)) == list(increment._slices(set(subjects)))

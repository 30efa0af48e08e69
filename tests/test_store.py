"""The store of record: schema versions, migrations, locking, documents and claims."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from claimx.store import SCHEMA_VERSION, STORE_FILE, DamagedStoreError, Store, StoreError, describe_failure


def test_store_created_in_wal_mode_at_current_schema(tmp_path):
    with Store.open(tmp_path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"meta", "documents", "claims", "runs", "decisions", "rollup", "changes"} <= tables


def test_store_refuses_newer_schema_and_leaves_it_alone(tmp_path):
    with Store.open(tmp_path) as store, store.transaction():
        store.set_meta("schema_version", str(SCHEMA_VERSION + 1))
    before = (tmp_path / STORE_FILE).read_bytes()
    with pytest.raises(StoreError, match="newer claimx"), Store.open(tmp_path):
        pass
    assert (tmp_path / STORE_FILE).read_bytes() == before


def _filled_store(path: Path) -> int:
    """A store with a few hundred documents, checkpointed; RETURNS its size in bytes."""
    with Store.open(path) as store, store.transaction():
        for n in range(300):
            store.put_document(f"d{n}", f"d{n}.md", "{}" + " " * 500, state="active", claims=[(f"c{n}", "{}")])
    return (path / STORE_FILE).stat().st_size


def _garbage(path: Path) -> None:
    (path / STORE_FILE).write_bytes(b"this is not a database at all" * 100)


def _truncated(path: Path) -> None:
    size = _filled_store(path)
    with (path / STORE_FILE).open("r+b") as handle:
        handle.truncate(size // 2)


def _overwritten(path: Path) -> None:
    size = _filled_store(path)
    with (path / STORE_FILE).open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xff" * (size - 8192))


@pytest.mark.parametrize("damage", [_garbage, _truncated, _overwritten], ids=["garbage", "truncated", "overwritten"])
def test_store_damaged_is_refused_with_rebuild_remedy(tmp_path, damage):
    damage(tmp_path)
    with pytest.raises((DamagedStoreError, sqlite3.DatabaseError)) as caught:
        with Store.open(tmp_path) as store:
            store.counts()
            store.documents()
            store.claims()
    message = str(caught.value) if isinstance(caught.value, StoreError) else describe_failure(caught.value, tmp_path)
    assert "is damaged" in message and "--rebuild" in message and "decisions" in message


def test_store_rebuild_moves_aside_and_keeps_decisions(tmp_path):
    _filled_store(tmp_path)
    with Store.open(tmp_path) as store:
        store.add_decision("c1", lambda n: json.dumps({"decision_id": n, "claim_id": "c1"}))
    export = {"decision": {"decision_id": 7, "claim_id": "c9", "action": "accept"}, "current_claim_id": None, "orphaned": True}
    (tmp_path / "decisions.jsonl").write_text(json.dumps(export) + "\n{broken\n")
    with Store.open(tmp_path, rebuild=True) as store:
        rebuilt = store.rebuilt
        kept = [json.loads(record) for record in store.decisions()]
        assert store.counts() == {"claims": 0}
    assert rebuilt is not None and rebuilt.moved_to is not None and rebuilt.moved_to.exists()
    assert sorted(d["decision_id"] for d in kept) == [1, 7]  # one from the old store, one from the export
    assert (rebuilt.from_store, rebuilt.from_export) == (1, 1)


def test_store_reader_needs_existing_store(tmp_path):
    with pytest.raises(StoreError, match="claimx run"):
        with Store.open(tmp_path, write=False, create=False):
            pass


def test_store_second_writer_waits_then_fails(tmp_path):
    with Store.open(tmp_path):
        with pytest.raises(StoreError, match="Another claimx run"):
            with Store.open(tmp_path, lock_timeout=0.3):
                pass
    with Store.open(tmp_path, lock_timeout=0.3):  # free again
        pass


def test_store_documents_claims_and_removal(tmp_path):
    with Store.open(tmp_path) as store:
        with store.transaction():
            store.put_document("a", "a.md", '{"doc_id":"a"}', state="active", content_hash="h1", fingerprint="f", run_id=1, claims=[("c1", "{}"), ("c2", "{}")])
            store.put_document("b", "b.md", '{"doc_id":"b"}', state="active", content_hash="h2", fingerprint="f", run_id=1, claims=[("c3", "{}")])
        assert [cid for _, cid, _ in store.claims()] == ["c1", "c2", "c3"]
        with store.transaction():
            store.put_document("a", "a.md", '{"doc_id":"a"}', state="active", content_hash="h3", fingerprint="f", run_id=2, claims=[("c4", "{}")])
            store.mark_removed(["b"], 2)
        states = store.doc_states()
        assert states["a"].content_hash == "h3" and states["a"].added_seq == 1
        assert states["b"].state == "removed" and states["b"].added_seq == 2
        assert [cid for _, cid, _ in store.claims()] == ["c4"]
        assert store.claim("c3") is not None  # history stays
        assert store.counts() == {"active": 1, "removed": 1, "claims": 1}


def test_store_transaction_rolls_back(tmp_path):
    with Store.open(tmp_path) as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.put_document("a", "a.md", "{}", state="active", claims=[])
            raise RuntimeError("boom")
        assert store.doc_states() == {}


def test_store_migrates_an_empty_v0_database(tmp_path):
    sqlite3.connect(tmp_path / STORE_FILE).close()
    with Store.open(tmp_path) as store:
        assert store.schema_version() == SCHEMA_VERSION


def test_store_new_store_sets_an_orphaned_wal_aside(tmp_path):
    """A -wal left without its database (a rebuild killed between two renames) is not replayed into a new store."""
    (tmp_path / (STORE_FILE + "-wal")).write_bytes(b"left over")
    with Store.open(tmp_path) as store:
        assert store.counts() == {"claims": 0}
    assert [p.name.split(".orphaned-")[0] for p in tmp_path.glob("*.orphaned-*")] == [STORE_FILE + "-wal"]

"""The store of record: schema versions, migrations, locking, documents and claims."""

from __future__ import annotations

import sqlite3

import pytest

from claimx.store import SCHEMA_VERSION, STORE_FILE, Store, StoreError


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


def test_store_refuses_garbage_file(tmp_path):
    (tmp_path / STORE_FILE).write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="not a readable claimx store"):
        with Store.open(tmp_path):
            pass


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

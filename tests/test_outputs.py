"""Views are written atomically: a failure mid-write leaves the old file whole."""

from __future__ import annotations

import pytest

from claimx.outputs import write_jsonl_atomic


def test_outputs_write_jsonl_atomic_replaces_whole(tmp_path):
    path = tmp_path / "claims.jsonl"
    assert write_jsonl_atomic(path, [{"a": 1}, {"a": "caf\u00e9"}]) == 2
    assert path.read_text(encoding="utf-8") == '{"a":1}\n{"a":"caf\u00e9"}\n'


def test_outputs_failure_mid_write_keeps_old_file(tmp_path):
    path = tmp_path / "claims.jsonl"
    write_jsonl_atomic(path, [{"old": True}])

    def lines():
        yield {"new": 1}
        raise RuntimeError("crash while writing")

    with pytest.raises(RuntimeError):
        write_jsonl_atomic(path, lines())
    assert path.read_text() == '{"old":true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]  # no temporary file left


def test_outputs_stale_temporaries_of_a_killed_rewrite_removed_by_the_next_writer(tmp_path):
    from claimx.store import Store

    stale = tmp_path / ".claims.jsonl.abc123.tmp"
    stale.write_text('{"half": ')
    (tmp_path / ".other.tmp").write_text("not ours")
    with Store.open(tmp_path):
        pass
    assert not stale.exists() and (tmp_path / ".other.tmp").exists()

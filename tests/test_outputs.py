"""Views are written atomically: a failure mid-write leaves the old file whole."""

from __future__ import annotations

import pytest

from claimx.outputs import write_lines_atomic


def test_outputs_write_lines_atomic_replaces_whole(tmp_path):
    path = tmp_path / "claims.jsonl"
    assert write_lines_atomic(path, ['{"a": 1}', '{"a": 2}']) == 2
    assert path.read_text() == '{"a": 1}\n{"a": 2}\n'


def test_outputs_failure_mid_write_keeps_old_file(tmp_path):
    path = tmp_path / "claims.jsonl"
    write_lines_atomic(path, ['{"old": true}'])

    def lines():
        yield '{"new": 1}'
        raise RuntimeError("crash while writing")

    with pytest.raises(RuntimeError):
        write_lines_atomic(path, lines())
    assert path.read_text() == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]  # no temporary file left

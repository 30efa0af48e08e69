"""End-to-end: ``claimx status`` and ``claimx mark`` on a small corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, nlp):
    base = tmp_path_factory.mktemp("status")
    corpus = base / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "alita-2-sequel.md", corpus)
    out = base / "out"
    result = runner.invoke(app, ["run", str(corpus), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "1 new, 0 changed, 0 unchanged, 0 removed, 0 failed" in result.output
    return out


def test_cli_status_table_and_json(outputs):
    table = runner.invoke(app, ["status", str(outputs)])
    assert table.exit_code == 0 and "tracked" in table.output
    records = json.loads(runner.invoke(app, ["status", str(outputs), "--json"]).output)
    lines = (outputs / "status.jsonl").read_text().splitlines()
    assert records and len(records) == len(lines)
    topic = records[0]["topic"]
    only = json.loads(runner.invoke(app, ["status", str(outputs), "--json", "--topic", topic]).output)
    assert only and {r["topic"] for r in only} == {topic}
    subject = records[0]["subject"]
    only = json.loads(runner.invoke(app, ["status", str(outputs), "--json", "--subject", subject.upper()]).output)
    assert only and all(r["subject"] == subject for r in only)


def test_cli_status_changed_lists_transitions(outputs):
    result = runner.invoke(app, ["status", str(outputs), "--changed", "--json"])
    changes = json.loads(result.output)
    assert changes and all(c["kind"] == "new" and c["before"] is None for c in changes)
    assert runner.invoke(app, ["status", str(outputs), "--changed"]).exit_code == 0


def test_cli_status_without_store_exits_2(tmp_path):
    result = runner.invoke(app, ["status", str(tmp_path)])
    assert result.exit_code == 2 and "claimx run" in result.output


def test_cli_mark_changes_views_and_rejects_bad_input(outputs):
    claims = [json.loads(l) for l in (outputs / "claims.jsonl").read_text().splitlines()]
    target = claims[0]
    new = "denied" if target["status"] != "denied" else "rumored"
    result = runner.invoke(app, ["mark", target["claim_id"], "--status", new, "--note", "checked", "-o", str(outputs)])
    assert result.exit_code == 0, result.output
    after = {c["claim_id"]: c for c in map(json.loads, (outputs / "claims.jsonl").read_text().splitlines())}
    assert after[target["claim_id"]]["status"] == new
    decisions = [json.loads(l) for l in (outputs / "decisions.jsonl").read_text().splitlines()]
    assert decisions[-1]["decision"]["note"] == "checked" and not decisions[-1]["orphaned"]
    assert runner.invoke(app, ["mark", "c_nope", "--accept", "-o", str(outputs)]).exit_code == 2
    assert runner.invoke(app, ["mark", target["claim_id"], "--accept", "--reject", "-o", str(outputs)]).exit_code == 2
    assert runner.invoke(app, ["mark", target["claim_id"], "--status", "maybe", "-o", str(outputs)]).exit_code == 2

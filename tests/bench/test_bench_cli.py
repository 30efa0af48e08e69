"""``claimx bench`` end to end on fixtures, and bad inputs."""

from __future__ import annotations

import json

from test_bench_factuality import write_fixture as write_factuality
from test_bench_tempeval import write_fixture as write_tempeval
from typer.testing import CliRunner

from claimx.cli import app

runner = CliRunner()


def test_cli_bench_json_factuality(tmp_path):
    write_factuality(tmp_path)
    result = runner.invoke(app, ["bench", "factuality-uw", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["name"] == "factuality-uw" and data["split"] == "test"
    assert data["figures"]["n_targets"] == 4 and data["figures"]["mae"] == 0.0
    assert data["seconds"] >= 0


def test_cli_bench_text_tempeval_headline_last(tmp_path):
    write_tempeval(tmp_path)
    result = runner.invoke(app, ["bench", "tempeval3-platinum", str(tmp_path), "--limit", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("== claimx bench tempeval3-platinum (test): 1 docs")
    assert "value F1 1.000" in lines[-1]


def test_cli_bench_unknown_name_and_split(tmp_path):
    result = runner.invoke(app, ["bench", "nosuch", str(tmp_path)])
    assert result.exit_code == 2 and "Unknown benchmark" in result.output
    write_factuality(tmp_path)
    result = runner.invoke(app, ["bench", "factuality-uw", str(tmp_path), "--split", "dev"])
    assert result.exit_code == 2 and "no split" in result.output


def test_cli_bench_errors_lists_wrong_factuality_targets(tmp_path):
    folder = tmp_path / "uw"
    folder.mkdir()
    # "approved" is certain (3.0) in this made-up gold, but the sentence hedges it
    line = {"text": "The board may have approved the merger .", "targets": [{"span1": [4, 5], "label": 3.0}]}
    (folder / "test.jsonl").write_text(json.dumps(line) + "\n", encoding="utf8")
    result = runner.invoke(app, ["bench", "factuality-uw", str(folder), "--errors"])
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert "target='approved'" in first and "gold=3.0" in first and "pred='rumored'" in first
    assert "sentence='The board may have approved the merger.'" in first

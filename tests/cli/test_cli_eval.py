"""``claimx eval`` end to end on a one-article gold set, and bad inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture
def gold_dir(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    shutil.copy(ROOT / "corpus" / "alita-2-sequel.md", tmp_path / "articles" / "alita.md")
    lines = [
        {"doc": "alita", "evidence": "is officially in development", "status": "confirmed", "subject": "Alita: Battle Angel 2",
         "topic": "production", "attribution": None, "cues": ["officially"], "dates": []},
        {"doc": "alita", "evidence": "production has not yet begun", "status": "denied", "subject": "Alita: Battle Angel 2",
         "topic": "production", "attribution": None, "cues": ["not yet"], "dates": []},
    ]
    (tmp_path / "gold" / "alita.jsonl").write_text("".join(json.dumps(l) + "\n" for l in lines))
    return tmp_path


def test_cli_eval_json(gold_dir, nlp):
    result = runner.invoke(app, ["eval", str(gold_dir), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["claims"]["recall"] == 1.0
    assert figures["status_accuracy"] == 1.0


def test_cli_eval_errors_grouped_by_category(gold_dir, nlp):
    result = runner.invoke(app, ["eval", str(gold_dir), "--errors"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Errors by category:" in out
    # every category named in the summary heads a group of its own below it
    summary = out.split("Errors by category:", 1)[1]
    names = [line.split(None, 1)[1] for line in summary.splitlines()[1:] if line[:6].strip().isdigit()]
    assert names, out
    for name in names:
        assert f"\n{name} (" in out, name


def test_cli_eval_missing_gold_dir_exits_2(tmp_path):
    result = runner.invoke(app, ["eval", str(tmp_path / "nope")])
    assert result.exit_code == 2


def test_cli_run_unknown_model_is_a_clear_error(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text("The film opens in May.\n")
    result = runner.invoke(app, ["run", str(corpus), "-o", str(tmp_path / "o"), "--model", "xx_no_such_model"])
    assert result.exit_code == 2
    assert "xx_no_such_model" in " ".join(result.output.split())

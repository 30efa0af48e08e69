"""The agreement script scores one annotation against another with claimx's own scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AGREEMENT = ROOT / "benchmarks" / "realnews" / "agreement.py"
GOLDSET = ROOT / "benchmarks" / "goldset-2"


def _agreement_module():
    spec = importlib.util.spec_from_file_location("realnews_agreement", AGREEMENT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_annotation_agrees_with_itself_on_every_field(capsys):
    """Every field the scorer compares (topic too) is carried over, so a set against itself scores 1.0."""
    assert _agreement_module().main([str(GOLDSET), str(GOLDSET), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["claims"]["f1"] == 1.0
    assert result["claim_status"]["f1"] == 1.0
    assert result["attribution"]["f1"] == 1.0
    assert result["topic_accuracy"] == 1.0


def test_a_changed_topic_lowers_topic_agreement_only(tmp_path, capsys):
    other = tmp_path / "other"
    (other / "gold").mkdir(parents=True)
    (other / "articles").mkdir()
    first = sorted((GOLDSET / "gold").glob("*.jsonl"))[0]
    article = GOLDSET / "articles" / f"{first.stem}.md"
    (other / "articles" / article.name).write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    lines = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines[0]["topic"] = "plot" if lines[0]["topic"] != "plot" else "cast"
    (other / "gold" / first.name).write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    assert _agreement_module().main([str(GOLDSET), str(other), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["claims"]["f1"] == 1.0
    assert result["topic_accuracy"] < 1.0

"""Reviewer decisions show in the terminal view and in the HTML report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from claimx.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_cli_decisions_shown_in_review_and_report(tmp_path, nlp):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "alita-2-sequel.md", corpus / "alita-2-sequel.md")
    assert runner.invoke(app, ["run", str(corpus), "-o", str(out), "-q"]).exit_code == 0
    claim = json.loads((out / "claims.jsonl").read_text().splitlines()[0])
    marked = runner.invoke(
        app, ["mark", claim["claim_id"], "--status", "rumored", "--note", "only a report", "-o", str(out)]
    )
    assert marked.exit_code == 0, marked.output

    shown = runner.invoke(app, ["review", str(out), "--doc", "alita-2-sequel", "--limit", "0"], terminal_width=200)
    assert shown.exit_code == 0, shown.output
    flat = " ".join(shown.output.split())
    assert f"review: corrected {claim['status']} → rumored" in flat and "only a report" in flat

    report = tmp_path / "report.html"
    made = runner.invoke(app, ["report", str(out), "-o", str(report), "--corpus", str(corpus)])
    assert made.exit_code == 0, made.output
    html = report.read_text(encoding="utf-8")
    assert f"corrected {claim['status']} \\u2192 rumored" in html or f"corrected {claim['status']} → rumored" in html

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
    records = json.loads(runner.invoke(app, ["status", str(outputs), "--json"]).output)
    lines = (outputs / "status.jsonl").read_text().splitlines()
    assert records and len(records) == len(lines)
    # piped, the table is a header and one tab-separated line per fact, however long its cells
    rows = [line.split("\t") for line in table.output.splitlines()]
    assert table.exit_code == 0 and rows[0] == ["subject", "topic", "key", "status", "value", "article", "history"]
    assert [row[:4] for row in rows[1:]] == [[r["subject"], r["topic"], r["key"], r["status"]] for r in records]
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


FACTS = ROOT / "tests" / "data" / "facts"
#: the articles of the first run; ``corvid-launch`` arrives in the second
FIRST_RUN = ("corvid-leak.md", "corvid-denial.md", "corvid-watch.md")


@pytest.fixture(scope="module")
def facts_outputs(tmp_path_factory, nlp):
    """Outputs of two runs over ``tests/data/facts``: three articles, then a fourth."""
    base = tmp_path_factory.mktemp("facts")
    corpus = base / "corpus"
    corpus.mkdir()
    for name in FIRST_RUN:
        shutil.copy(FACTS / name, corpus)
    out = base / "out"
    assert runner.invoke(app, ["run", str(corpus), "-o", str(out), "--quiet"]).exit_code == 0
    shutil.copy(FACTS / "corvid-launch.md", corpus)
    result = runner.invoke(app, ["run", str(corpus), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("query", ["Corvid Tab 2", "CORVID TAB 2", "corvid t", "  corvid   tab 2 "])
def test_cli_status_explain_matches_subject(facts_outputs, query):
    result = runner.invoke(app, ["status", str(facts_outputs), "--explain", query])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Corvid Tab 2")
    assert "\x1b[" not in result.output  # not a terminal: plain markers, no colours
    assert "«" in result.output and "»" in result.output and "*" in result.output
    for doc in ("corvid-leak", "corvid-launch"):
        assert doc in result.output
    changes = json.loads(runner.invoke(app, ["status", str(facts_outputs), "--changed", "--json"]).output)
    kinds = {c["kind"] for c in changes if c["subject"] == "Corvid Tab 2"}
    assert kinds == {"new", "changed"}  # the fourth article turned a rumour into a confirmation
    assert "new in the last run" in result.output
    for c in changes:
        if c["kind"] == "changed":
            assert f"changed in the last run: {c['before']} → {c['after']}" in result.output
    assert "source: " in result.output


def test_cli_status_explain_json_locates_claims_and_cues(facts_outputs):
    result = runner.invoke(app, ["status", str(facts_outputs), "--explain", "corvid tab", "--json"])
    assert result.exit_code == 0, result.output
    explained = json.loads(result.output)
    assert explained["subject"] == "Corvid Tab 2" and explained["facts"]
    records = {r["group_id"]: r for r in json.loads(runner.invoke(app, ["status", str(facts_outputs), "--json"]).output)}
    claims = {c["claim_id"]: c for c in map(json.loads, (facts_outputs / "claims.jsonl").read_text().splitlines())}
    steps = [step for fact in explained["facts"] for step in fact["history"]]
    for fact in explained["facts"]:
        record = records[fact["group_id"]]
        assert (fact["status"], fact["value"]) == (record["status"], record["value"])
        assert [s["claim_id"] for s in fact["history"]] == [s["claim_id"] for s in record["history"]]
        dates = [s["published"] for s in fact["history"]]
        assert dates == sorted(dates)
    assert any(len(fact["history"]) > 1 for fact in explained["facts"])
    assert any(fact["changed"] for fact in explained["facts"])
    for step in steps:
        assert step["sentence_shown"] and step["note"] is None
        claim = claims[step["claim_id"]]
        for mark in step["marks"]:
            assert step["sentence"][mark["start"] : mark["end"]] == mark["text"]
        assert [m["text"] for m in step["marks"] if m["kind"] == "claim"] == [claim["text"]]
        assert step["sentence"].strip() and claim["text"] in step["sentence"]
    assert any(m["kind"] == "cue" for step in steps for m in step["marks"])
    assert any(step["source"] for step in steps)


def test_cli_status_explain_without_corpus_shows_claims(facts_outputs, tmp_path):
    result = runner.invoke(app, ["status", str(facts_outputs), "--explain", "corvid tab", "--json", "--corpus", str(tmp_path)])
    assert result.exit_code == 0, result.output
    steps = [step for fact in json.loads(result.output)["facts"] for step in fact["history"]]
    assert steps and all(not s["sentence_shown"] and s["sentence"] == s["claim"] and "not found" in s["note"] for s in steps)


@pytest.mark.parametrize(
    "query,expected",
    [
        ("corvid", "matches 2 subjects: Corvid Tab 2; Corvid Watch 3"),
        ("Corvid Tub 2", "No tracked subject matches 'Corvid Tub 2'. Near: Corvid Tab 2"),
        ("zzyzx", "No tracked subject matches 'zzyzx'"),
    ],
)
def test_cli_status_explain_no_or_several_matches(facts_outputs, query, expected):
    for extra in ([], ["--json"]):
        result = runner.invoke(app, ["status", str(facts_outputs), "--explain", query, *extra])
        assert result.exit_code == 1
        assert expected in result.output and len(result.output.strip().splitlines()) == 1


def test_cli_status_explain_terminal_styles(facts_outputs):
    from rich.console import Console

    from claimx.cli.status import explain_lines
    from claimx.explain import explain_outputs

    explanation = explain_outputs(facts_outputs, "corvid tab")
    console = Console(force_terminal=True, color_system="standard", width=400)
    with console.capture() as captured:
        for line in explain_lines(explanation, styled=True):
            console.print(line)
    text = captured.get()
    assert "\x1b[" in text and "«" not in text  # styles, not markers


def test_cli_report_opens_on_tracked_facts(facts_outputs, tmp_path):
    import html.parser

    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(facts_outputs), "-o", str(out), "--corpus", str(facts_outputs.parent / "corpus")])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")

    class Tags(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags = []

        def handle_starttag(self, tag, attrs):
            self.tags.append((tag, dict(attrs)))

    parsed = Tags()
    parsed.feed(page)
    tags = parsed.tags
    assert [a.get("id") for t, a in tags if t == "section"][0] == "facts"
    ids = {a["id"] for _, a in tags if a.get("id")}
    records = [json.loads(line) for line in (facts_outputs / "status.jsonl").read_text().splitlines()]
    assert all(f"fact-{r['group_id']}" in ids for r in records)
    steps = [a for t, a in tags if t == "a" and a.get("class") == "step"]
    assert len(steps) == sum(len(r["history"]) for r in records)
    assert all(a["href"] == f"#claim-{a['data-claim']}" and f"claim-{a['data-claim']}" in ids for a in steps)
    # the last run's changes are listed, each linking to its fact, and marked on it
    changes = json.loads(runner.invoke(app, ["status", str(facts_outputs), "--changed", "--json"]).output)
    assert changes and f"Changed in the last run ({len(changes)})" in page
    linked = [a["href"] for t, a in tags if t == "a" and a.get("href", "").startswith("#fact-")]
    assert sorted(linked) == sorted(f"#fact-{c['group_id']}" for c in changes)
    assert page.count('class="newmark" title="changed in the last run"') == len(changes)
    # the subject the last run changed comes first
    first = page.split('<details class="fsubj"', 1)[1].split("<summary>", 1)[1]
    assert first.startswith(changes[0]["subject"] + "<")

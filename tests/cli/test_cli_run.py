"""End-to-end: ``claimx run`` on the sample corpus, ``claimx schema``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.schemas import ClaimRecord, DocumentRecord

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory, nlp):  # nlp: load the model once for the suite
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["run", str(ROOT / "corpus"), "-o", str(out), "--quiet"])
    return result, out


def _bodies(corpus: Path) -> dict[str, str]:
    from claimx.read import read_corpus

    return {a.doc_id: a.body for a in read_corpus(corpus) if hasattr(a, "body")}


def test_cli_run_writes_claims_and_documents(sample_run):
    result, out = sample_run
    assert result.exit_code == 0, result.output
    claims = [ClaimRecord.model_validate_json(l) for l in (out / "claims.jsonl").read_text().splitlines()]
    docs = [DocumentRecord.model_validate_json(l) for l in (out / "documents.jsonl").read_text().splitlines()]
    assert len(docs) == len(_bodies(ROOT / "corpus"))
    assert all(d.error is None for d in docs)
    assert {c.doc_id for c in claims} == {d.doc_id for d in docs}
    assert sum(d.claim_count for d in docs) == len(claims)
    assert {c.status for c in claims} >= {"confirmed", "expected", "rumored", "denied", "unconfirmed"}


def test_cli_run_every_span_maps_back(sample_run):
    _, out = sample_run
    bodies = _bodies(ROOT / "corpus")
    for line in (out / "claims.jsonl").read_text().splitlines():
        claim = ClaimRecord.model_validate_json(line)
        body = bodies[claim.doc_id]
        assert body[claim.span.start : claim.span.end] == claim.text
        for part in [*claim.cues, *claim.entities, *claim.dates]:
            assert body[part.start : part.end] == part.text
        if claim.attribution:
            assert body[claim.attribution.start : claim.attribution.end] == claim.attribution.text
        if claim.subject.start is not None:
            assert body[claim.subject.start : claim.subject.end] == claim.subject.text


def test_cli_run_bad_file_reported_and_exit_1(tmp_path, nlp):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "alita-2-sequel.md", corpus / "good.md")
    (corpus / "bad.md").write_bytes(b"---\ntitle: [unclosed\n---\nBody text here.\n")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\xff")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "-o", str(out), "--quiet"])
    assert result.exit_code == 1, result.output
    assert "bad.md" in result.output and "binary.txt" in result.output
    docs = {d["doc_id"]: d for d in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}
    assert docs["good"]["error"] is None and docs["good"]["claim_count"] > 0
    assert docs["bad"]["error"] and docs["binary"]["error"]


def test_cli_run_missing_corpus_exits_2(tmp_path):
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "does not exist" in " ".join(result.output.split())


def test_cli_schema_prints_json_schema():
    result = runner.invoke(app, ["schema", "claim"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert set(schema["required"]) >= {"claim_id", "doc_id", "text", "span", "status", "extractor"}


@pytest.mark.parametrize("record", ["status", "status_change", "decision", "document"])
def test_cli_schema_lists_every_record_type(record):
    result = runner.invoke(app, ["schema", record])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["type"] == "object"


_ENDED = """
import atexit, sys
from pathlib import Path

from claimx.cli import main

marks = Path(sys.argv[1])


class TornDown:
    def __del__(self):
        (marks / "torn-down").write_text("freed at the interpreter's teardown")


kept = TornDown()
atexit.register(lambda: (marks / "exit-handler").write_text("ran"))
sys.argv = ["claimx", *sys.argv[2:]]
main()
"""


@pytest.mark.parametrize(("args", "status"), [(["schema"], 0), (["run", "no-such-folder", "-o", "out"], 2)])
def test_cli_main_ends_without_the_teardown(tmp_path, args, status):
    """``claimx`` ends its process once its exit handlers ran and its output is flushed, with the
    command's status, without freeing every object (after a run, the model's) one by one."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _ENDED, str(tmp_path), *args], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert done.returncode == status, done.stdout + done.stderr
    assert (tmp_path / "exit-handler").read_text() == "ran"
    assert not (tmp_path / "torn-down").exists()
    if status == 0:
        assert "claim_id" in done.stdout  # the output, flushed
    else:
        assert "no-such-folder" in done.stdout + done.stderr


_IMPORTED = """
import atexit, sys

from claimx.cli import main


def imported():
    print(" ".join(sorted(m for m in sys.modules if m.startswith(("claimx.cli.", "claimx.review", "rich")))))


atexit.register(imported)
sys.argv = ["claimx", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize(
    ("args", "modules"),
    [
        (["run", "no-such-folder", "-o", "out"], {"claimx.cli._app", "claimx.cli.run"}),
        (["schema"], {"claimx.cli._app", "claimx.cli.schema"}),
    ],
)
def test_cli_command_imports_its_own_module_alone(tmp_path, args, modules):
    """``claimx COMMAND`` imports that command's module and none of the others' (``claimx run``
    neither the review's nor rich), and is still called by its name."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _IMPORTED, *args], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == (2 if args[0] == "run" else 0), done.stdout + done.stderr  # (no such corpus)
    assert set(done.stdout.strip().splitlines()[-1].split()) == modules


def test_cli_app_holds_every_command():
    """``app`` as this package gives it has every command registered (help lists them all)."""
    from claimx.cli import COMMANDS

    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output

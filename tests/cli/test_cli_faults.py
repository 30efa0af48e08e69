"""Faults seen from the command line: one line per problem, tracebacks in outputs/claimx.log,
a damaged store rebuilt from the corpus with the reviewer decisions kept, outputs that cannot be written."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.runlog import LOG_FILE
from claimx.store import STORE_FILE

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()
VIEWS = ("claims.jsonl", "documents.jsonl", "status.jsonl", "decisions.jsonl")


def _corpus(tmp_path: Path, *names: str) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in names or ("alita-2-sequel.md", "glass-orchard-sequel.txt"):
        shutil.copy(ROOT / "corpus" / name, corpus / Path(name).name)
    return corpus


def _claimx(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimx", *args], capture_output=True, text=True, timeout=timeout)


def test_cli_faults_long_article_is_extracted_without_a_traceback(tmp_path):
    """An article over the model's max_length goes through in pieces (it used to stop with E088)."""
    corpus = _corpus(tmp_path, "alita-2-sequel.md")
    (corpus / "long.txt").write_text("The studio is reportedly in talks for a sequel.\n\n" * 22_000)  # > nlp.max_length
    out = tmp_path / "out"
    # a million characters through the whole pipeline: the margin is for a loaded machine
    done = _claimx("run", str(corpus), "-o", str(out), "-q", timeout=1200)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    docs = {d["doc_id"]: d for d in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}
    assert docs["long"]["error"] is None and docs["long"]["claim_count"] > 0


def test_extraction_error_is_one_line_and_its_traceback_travels_with_it():
    """A failure inside extraction becomes one line for the terminal; the traceback
    comes back with it (from a worker process too) for the run's log file."""
    from spacy.language import Language

    from claimx.pipeline import Extraction, extract_shard
    from claimx.schemas import Article

    @Language.component("claimx_test_fails_on_marker")
    def _fails(doc):  # a real component that breaks on one article
        if "ZZMARKER" in doc.text:
            raise ValueError("this article breaks the pipeline. It says more after the first sentence.")
        return doc

    extraction = Extraction()
    extraction.nlp.add_pipe("claimx_test_fails_on_marker", last=True)
    good = Article(doc_id="good", path="good.md", body="The ferry runs daily from May.", content_hash="1")
    bad = Article(doc_id="bad", path="bad.md", body="ZZMARKER The pier closes in June.", content_hash="2")
    results = extract_shard(extraction, [good, bad])
    assert [r.doc_id for r in results] == ["good", "bad"]
    assert results[0].error is None and results[0].document is not None
    assert results[1].document is None
    assert results[1].error.startswith("extraction failed: ValueError: this article breaks the pipeline.")
    assert "\n" not in results[1].error
    assert "Traceback (most recent call last)" in results[1].trace


def test_cli_faults_damaged_store_rebuilt_keeping_decisions(tmp_path, nlp):
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    assert runner.invoke(app, ["run", str(corpus), "-o", str(out), "-q"]).exit_code == 0
    claims = [json.loads(l) for l in (out / "claims.jsonl").read_text().splitlines()]
    for claim, action in zip(claims[:3], (["--reject"], ["--accept"], ["--status", "denied"])):
        assert runner.invoke(app, ["mark", claim["claim_id"], *action, "-o", str(out)]).exit_code == 0
    views = {name: (out / name).read_text() for name in VIEWS}
    size = (out / STORE_FILE).stat().st_size
    with (out / STORE_FILE).open("r+b") as handle:  # every page after the first overwritten
        handle.seek(4096)
        handle.write(os.urandom(size - 4096))
    for path in out.glob(STORE_FILE + "-*"):
        path.unlink()

    broken = runner.invoke(app, ["run", str(corpus), "-o", str(out), "-q"])
    assert broken.exit_code == 2
    told = " ".join(broken.output.split())
    assert "is damaged" in told and "--rebuild" in told and "Traceback" not in broken.output
    assert {name: (out / name).read_text() for name in VIEWS} == views  # the views are untouched

    rebuilt = runner.invoke(app, ["run", str(corpus), "-o", str(out), "-q", "--rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "3 reviewer decision(s) carried over" in " ".join(rebuilt.output.split())
    assert list(out.glob(STORE_FILE + ".damaged-*"))
    assert {name: (out / name).read_text() for name in VIEWS} == views

    for path in out.glob(STORE_FILE + "*"):  # the store deleted by hand: decisions.jsonl still has them
        path.unlink()
    fresh = runner.invoke(app, ["run", str(corpus), "-o", str(out), "-q"])
    assert fresh.exit_code == 0 and "3 reviewer decision(s) taken over" in " ".join(fresh.output.split())
    assert {name: (out / name).read_text() for name in VIEWS} == views


@contextmanager
def read_only(folder: Path) -> Iterator[str]:
    """Make ``folder`` read-only: a read-only bind mount as root (permissions do not stop root), else chmod."""
    if os.geteuid() == 0:
        bind = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
        if bind.returncode != 0:
            pytest.skip("root, and no bind mount here to make a folder read-only")
        try:
            subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True, capture_output=True)
            yield "read-only bind mount"
        finally:
            subprocess.run(["umount", str(folder)], check=False, capture_output=True)
        return
    paths = [folder, *folder.iterdir()]
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield "permissions"
    finally:
        for path in paths:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_cli_faults_read_only_outputs_one_line(tmp_path, nlp):
    corpus, out = _corpus(tmp_path, "alita-2-sequel.md"), tmp_path / "out"
    assert runner.invoke(app, ["run", str(corpus), "-o", str(out), "-q"]).exit_code == 0
    views = {name: (out / name).read_text() for name in VIEWS}
    (corpus / "new.md").write_text("The film is reportedly delayed to 2027.\n")
    claim = json.loads((out / "claims.jsonl").read_text().splitlines()[0])["claim_id"]
    with read_only(out):
        result = runner.invoke(app, ["run", str(corpus), "-o", str(out), "-q"])
        marked = runner.invoke(app, ["mark", claim, "--accept", "-o", str(out)])
    for done in (result, marked):
        assert done.exit_code == 2
        told = " ".join(done.output.split())
        assert "cannot be written" in told and "Traceback" not in done.output
    assert {name: (out / name).read_text() for name in VIEWS} == views

"""Incremental runs: what is re-extracted, views restored, decisions kept, kills and concurrent runs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from claimx.views import mark
from claimx.run import pipeline_extractor, run
from claimx.store import STORE_FILE

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
VIEWS = ("claims.jsonl", "documents.jsonl", "status.jsonl", "decisions.jsonl")


def _corpus(tmp_path: Path, names=("alita-2-sequel.md", "glass-orchard-sequel.txt", "tech/quillon-aerofold-2.md")) -> Path:
    corpus = tmp_path / "corpus"
    for name in names:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / name, corpus / name)
    return corpus


def _views(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text(encoding="utf-8") for name in VIEWS}


def _claims(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]


def test_run_fingerprint_without_model_matches_loaded_pipeline(nlp):
    from claimx.fingerprint import extractor_info
    from claimx.nlp import model_info

    assert pipeline_extractor() == extractor_info(*model_info(nlp), settings={})


def test_run_incremental_new_unchanged_changed_removed(tmp_path, nlp):
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    first = run(corpus, out, progress=False)
    assert (first.new, first.changed, first.unchanged, first.removed, first.extracted) == (3, 0, 0, 0, 3)
    assert first.model_loaded and first.changes and all(c.kind == "new" for c in first.changes)
    views = _views(out)

    again = run(corpus, out, progress=False)
    assert (again.new, again.changed, again.unchanged, again.extracted) == (0, 0, 3, 0)
    assert not again.model_loaded and again.changes == [] and again.claims == first.claims
    assert _views(out) == views

    for name in VIEWS:  # views are restored from the store without extracting
        (out / name).unlink()
    restored = run(corpus, out, progress=False)
    assert not restored.model_loaded and _views(out) == views

    text = corpus / "alita-2-sequel.md"
    text.write_text(text.read_text() + "\nThe studio is expected to announce a director next year.\n")
    (corpus / "glass-orchard-sequel.txt").unlink()
    third = run(corpus, out, progress=False)
    assert (third.new, third.changed, third.unchanged, third.removed, third.extracted) == (0, 1, 1, 1, 1)
    docs = [json.loads(line)["doc_id"] for line in (out / "documents.jsonl").read_text().splitlines()]
    assert docs == ["alita-2-sequel", "tech/quillon-aerofold-2"]
    assert {c["doc_id"] for c in _claims(out)} == set(docs)
    with sqlite3.connect(out / STORE_FILE) as conn:
        assert conn.execute("SELECT state FROM documents WHERE doc_id = 'glass-orchard-sequel'").fetchone()[0] == "removed"

    shutil.copy(CORPUS / "glass-orchard-sequel.txt", corpus / "glass-orchard-sequel.txt")
    back = run(corpus, out, progress=False)
    assert (back.new, back.extracted) == (1, 0)  # same text and rules: its claims come back from the store


def test_run_fingerprint_change_and_force_reextract(tmp_path, nlp, monkeypatch):
    corpus, out = _corpus(tmp_path, ("alita-2-sequel.md",)), tmp_path / "out"
    run(corpus, out, progress=False)
    assert run(corpus, out, progress=False, force=True).extracted == 1
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "models" / "en", rules)
    (rules / "zz-extra.txt").write_text("a change to the rule pack\n")
    monkeypatch.setenv("CLAIMX_RULES", str(rules))
    changed = run(corpus, out, progress=False)
    assert changed.extracted == 1 and changed.unchanged == 1
    assert {c["extractor"]["fingerprint"] for c in _claims(out)} == {pipeline_extractor().fingerprint}


def test_run_code_change_reextracts_with_the_same_version(tmp_path, nlp, monkeypatch):
    """Issue 10, item 6: new code under an unchanged version string (a git pull) re-extracts."""
    from claimx import fingerprint

    corpus, out = _corpus(tmp_path, ("alita-2-sequel.md",)), tmp_path / "out"
    package = tmp_path / "claimx"
    shutil.copytree(fingerprint.CODE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "CODE_DIR", package)
    assert run(corpus, out, progress=False).extracted == 1
    assert run(corpus, out, progress=False).extracted == 0  # nothing to do
    before = _claims(out)[0]["extractor"]
    source = package / "claims" / "segment.py"
    source.write_bytes(source.read_bytes() + b"\n# changed\n")
    changed = run(corpus, out, progress=False)
    assert changed.extracted == 1 and changed.model_loaded
    after = _claims(out)[0]["extractor"]
    assert after["version"] == before["version"] and after["rules_hash"] == before["rules_hash"]
    assert after["fingerprint"] != before["fingerprint"]
    assert after["fingerprint"] == pipeline_extractor().fingerprint


def test_run_decisions_applied_survive_reextraction_and_orphaned(tmp_path, nlp, monkeypatch):
    corpus, out = _corpus(tmp_path, ("alita-2-sequel.md", "glass-orchard-sequel.txt")), tmp_path / "out"
    run(corpus, out, progress=False)
    claims = _claims(out)
    alita = [c for c in claims if c["doc_id"] == "alita-2-sequel"]
    glass = [c for c in claims if c["doc_id"] == "glass-orchard-sequel"]
    rejected, corrected, doomed = alita[0], alita[1], glass[0]
    new_status = "denied" if corrected["status"] != "denied" else "rumored"
    mark(out, rejected["claim_id"], action="reject", note="not a claim")
    mark(out, corrected["claim_id"], action="status", status=new_status)
    mark(out, doomed["claim_id"], action="accept")
    view = {c["claim_id"]: c for c in _claims(out)}
    assert rejected["claim_id"] not in view and view[corrected["claim_id"]]["status"] == new_status

    # a rules change gives every claim a new id: decisions follow their claim
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "models" / "en", rules)
    (rules / "zz-extra.txt").write_text("changed\n")
    monkeypatch.setenv("CLAIMX_RULES", str(rules))
    summary = run(corpus, out, progress=False)
    assert summary.extracted == 2 and not summary.orphaned
    view = {(c["span"]["start"], c["text"]): c for c in _claims(out) if c["doc_id"] == "alita-2-sequel"}
    assert (rejected["span"]["start"], rejected["text"]) not in view
    moved = view[(corrected["span"]["start"], corrected["text"])]
    assert moved["claim_id"] != corrected["claim_id"] and moved["status"] == new_status

    # the article of an accepted claim leaves: the decision is kept and reported
    (corpus / "glass-orchard-sequel.txt").unlink()
    summary = run(corpus, out, progress=False)
    assert [d.claim_id for d in summary.orphaned] == [doomed["claim_id"]]
    lines = [json.loads(line) for line in (out / "decisions.jsonl").read_text().splitlines()]
    assert len(lines) == 3 and [l["orphaned"] for l in lines] == [False, False, True]


def test_run_unreadable_file_fails_and_is_retried(tmp_path, nlp):
    corpus, out = _corpus(tmp_path, ("alita-2-sequel.md",)), tmp_path / "out"
    (corpus / "bad.md").write_bytes(b"---\ntitle: [unclosed\n---\nBody.\n")
    first = run(corpus, out, progress=False)
    assert [f.doc_id for f in first.failures] == ["bad"]
    assert [f.doc_id for f in run(corpus, out, progress=False).failures] == ["bad"]  # still reported
    (corpus / "bad.md").write_text("---\ntitle: fixed\n---\nThe film is expected to open in May.\n")
    fixed = run(corpus, out, progress=False)
    assert fixed.failures == [] and fixed.changed == 1 and fixed.extracted == 1


# -- real processes: kill -9 at several points, and a concurrent second run --------


def _big_corpus(tmp_path: Path, copies: int = 6) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = ["alita-2-sequel.md", "glass-orchard-sequel.txt", "tech/quillon-aerofold-2.md"]
    for n in range(copies):
        for name in sources:
            src = (CORPUS / name).read_text()
            target = corpus / f"{n:02d}-{Path(name).stem}{Path(name).suffix}"
            if src.startswith("---\n"):
                head, rest = src[4:].split("\n---\n", 1)
                target.write_text(f"---\n{head}\n---\nCopy {n}: a variant first line.\n{rest}")
            else:
                target.write_text(f"Copy {n}: a variant first line.\n{src}")
    return corpus


def _claimx(*args: str) -> subprocess.Popen:
    env = {**os.environ, "CLAIMX_LOCK_TIMEOUT": "0.5"}
    return subprocess.Popen(
        [sys.executable, "-m", "claimx", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _committed(out: Path) -> int:
    try:
        with sqlite3.connect(f"file:{out / STORE_FILE}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return -1


def _kill_when(proc: subprocess.Popen, ready, limit: float = 40.0) -> int:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None and not ready():
        time.sleep(0.02)
    if proc.poll() is None:
        proc.kill()
    return proc.wait()


def test_run_killed_at_several_points_then_clean_run_gives_identical_outputs(tmp_path, nlp):
    corpus = _big_corpus(tmp_path)
    reference = tmp_path / "reference"
    assert run(corpus, reference, progress=False, batch_size=2).failures == []
    expected = _views(reference)
    out = tmp_path / "out"
    points = [
        lambda: (out / STORE_FILE).exists(),  # store just created, nothing committed
        lambda: _committed(out) >= 2,  # after the first batch
        lambda: _committed(out) >= 10,  # half way
    ]
    for ready in points:
        proc = _claimx("run", str(corpus), "-o", str(out), "-q", "--batch-size", "2")
        assert _kill_when(proc, ready) == -signal.SIGKILL  # killed mid-run, not finished
    done = subprocess.run(
        [sys.executable, "-m", "claimx", "run", str(corpus), "-o", str(out), "-q"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert _views(out) == expected
    assert "18 new" in done.stdout  # the finished run reports what the interrupted ones began


def test_run_second_concurrent_run_stops_with_message(tmp_path):
    corpus = _big_corpus(tmp_path, copies=2)
    out = tmp_path / "out"
    first = _claimx("run", str(corpus), "-o", str(out), "-q", "--batch-size", "1")
    try:
        deadline = time.monotonic() + 30
        while not (out / STORE_FILE).exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        second = _claimx("run", str(corpus), "-o", str(out), "-q")
        second_out, second_err = second.communicate(timeout=30)
        _, first_err = first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0, first_err
    assert second.returncode == 2
    assert "Another claimx run" in " ".join((second_out + second_err).split())


def test_run_retries_an_article_whose_extraction_crashed(tmp_path, nlp):
    from claimx.store import Store

    corpus, out = _corpus(tmp_path, names=("alita-2-sequel.md",)), tmp_path / "out"
    run(corpus, out, progress=False)
    # as a run leaves an article whose extraction raised
    with Store.open(out) as store, store.transaction():
        row = store.conn.execute("SELECT path, content_hash FROM documents WHERE doc_id = 'alita-2-sequel'").fetchone()
        store.put_document(
            "alita-2-sequel", row[0], '{"doc_id": "alita-2-sequel", "path": "alita-2-sequel.md", "error": "extraction failed"}',
            state="failed", content_hash=row[1], fingerprint="",
        )
    summary = run(corpus, out, progress=False)
    assert summary.extracted == 1
    docs = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    assert docs[0]["error"] is None and docs[0]["claim_count"] > 0


def test_run_keeps_learned_subject_links(tmp_path, nlp):
    """A link the roll-up made between two names is kept by the store for later runs."""
    import json as _json

    from claimx.run import run as _run
    from claimx.views import LEARNED_ALIASES
    from claimx.store import Store

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        "---\ntitle: Orbit Pad 3 leaks\npublished: 2026-01-05\n---\nThe Orbit Pad 3 will reportedly cost $499. "
        "The Pad 3 may ship in May.\n",
        encoding="utf-8",
    )
    _run(corpus, out, progress=False)
    with Store.open(out, write=False, create=False) as store:
        learned = _json.loads(store.get_meta(LEARNED_ALIASES) or "{}")
    assert isinstance(learned, dict)


def test_run_views_catch_up_with_a_decision_a_killed_mark_left(tmp_path, nlp):
    """``claimx mark`` killed after its commit, before its view rewrite: the next run rewrites the views."""
    from claimx.decisions import make_decision
    from claimx.store import Store

    corpus, out = _corpus(tmp_path, names=("alita-2-sequel.md",)), tmp_path / "out"
    run(corpus, out, progress=False)
    claim = _claims(out)[0]
    with Store.open(out) as store:  # what mark commits, without the views it writes next
        store.add_decision(
            claim["claim_id"],
            lambda n: make_decision(n, claim["claim_id"], claim, action="reject").model_dump_json(),
        )
    assert (out / "decisions.jsonl").read_text() == ""
    summary = run(corpus, out, progress=False)
    assert summary.extracted == 0 and not summary.model_loaded
    [line] = (out / "decisions.jsonl").read_text().splitlines()
    assert json.loads(line)["decision"]["action"] == "reject"
    assert claim["claim_id"] not in {c["claim_id"] for c in _claims(out)}

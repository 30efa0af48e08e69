"""The roll-up's records do not depend on how many subjects it rolls up at a time (issue 11)."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import claimx.run as run_module
from claimx import increment
from claimx.run import run
from claimx.store import Store
from claimx.views import rebuild_views

# article b's claim is filed under the jet, and names the airline's chief executive with her
# post: it speaks to her crew fact at the airline (:func:`claimx.status._post_mentions`)
ARTICLES = {
    "a.md": ("Skylark Air names a new chief", "2025-05-05", "Skylark Air named Rosa Lind its chief executive on Monday."),
    "b.md": (
        "Kestrel K9 to be rebadged",
        "2025-05-09",
        "Skylark Air CEO Rosa Lind said on Friday that the Kestrel K9 will be rebadged as the K10 next spring.",
    ),
}


def _write(corpus: Path, name: str) -> None:
    title, published, body = ARTICLES[name]
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / name).write_text(f"---\ntitle: {title}\npublished: {published}\n---\n{body}\n", encoding="utf-8")


def _run(corpus: Path, out: Path) -> bytes:
    time.sleep(0.01)
    run(corpus, out, progress=False, workers=1)
    return (out / "status.jsonl").read_bytes()


def _crew(status: bytes) -> list[str]:
    records = [json.loads(line) for line in status.decode().splitlines()]
    (crew,) = [r for r in records if r["topic"] == "crew" and r["key"] == "Rosa Lind"]
    return [step["doc_id"] for step in crew["history"]]


def test_a_claim_naming_another_subjects_person_with_a_post_reaches_it_across_slices(tmp_path, monkeypatch):
    monkeypatch.setattr(run_module, "RACY_NS", 0)
    corpus = tmp_path / "corpus"
    for name in ARTICLES:
        _write(corpus, name)
    whole = _run(corpus, tmp_path / "whole")
    assert _crew(whole) == ["a", "b"]
    # one subject a slice: the jet's claim is rolled up with the airline's slice too
    monkeypatch.setattr(increment, "SUBJECTS_PER_CALL", 1)
    assert _run(corpus, tmp_path / "sliced") == whole


def test_an_article_that_names_a_person_with_a_post_touches_that_persons_subject(tmp_path, monkeypatch):
    monkeypatch.setattr(run_module, "RACY_NS", 0)
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    _write(corpus, "a.md")
    _run(corpus, out)
    # the second article's claims go to the jet alone; the airline's crew fact is rolled up again
    _write(corpus, "b.md")
    added = _run(corpus, out)
    assert _crew(added) == ["a", "b"]
    copy = tmp_path / "full"
    shutil.copytree(out, copy)
    with Store.open(copy) as store:
        rebuild_views(store, corpus)
    assert (copy / "status.jsonl").read_bytes() == added
    # and gone again: it leaves the fact
    (corpus / "b.md").unlink()
    assert _crew(_run(corpus, out)) == ["a"]

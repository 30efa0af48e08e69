"""The roll-up's records do not depend on how many subjects it rolls up at a time (issue 11)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

import claimx.run as run_module
from claimx import increment, scale
from claimx.run import pipeline_extractor, run
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


# article d's claim is filed under the mayor's meeting, and names the senator with her title: it
# speaks to her nomination (:func:`claimx.status._post_mentions`, a ``post`` rule with ``holds``)
TITLED = {
    "c.md": ("Lind wins the nod", "2025-06-02", "Rosa Lind won the Green Party nomination for governor on Monday."),
    "d.md": ("Brandt to meet Lind", "2025-06-05", "Mayor Ivo Brandt will meet presumptive nominee Rosa Lind in Harlow on Friday."),
}


def _nomination(status: bytes) -> list[tuple[str, str]]:
    records = [json.loads(line) for line in status.decode().splitlines()]
    (fact,) = [r for r in records if r["subject"] == "Rosa Lind" and r["key"].endswith("nomination")]
    return [(step["doc_id"], step["status"]) for step in fact["history"]]


def test_a_claim_naming_a_person_with_a_title_reaches_the_fact_it_states_across_slices(tmp_path, monkeypatch):
    monkeypatch.setattr(run_module, "RACY_NS", 0)
    monkeypatch.setattr(sys.modules[__name__], "ARTICLES", TITLED)
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    _write(corpus, "c.md")
    _run(corpus, out)
    # the second article's claims go to the mayor alone; the senator's nomination is rolled up again
    _write(corpus, "d.md")
    added = _run(corpus, out)
    assert _nomination(added) == [("c", "confirmed"), ("d", "expected")]
    whole = _run(corpus, tmp_path / "whole")
    assert whole == added
    # one subject a slice: the mayor's claim is rolled up with the senator's slice too
    monkeypatch.setattr(increment, "SUBJECTS_PER_CALL", 1)
    assert _run(corpus, tmp_path / "sliced") == whole


def _rollup_rows(out: Path) -> list[tuple[str, str, str, str]]:
    with Store.open(out) as store:
        return store.conn.execute("SELECT group_id, record, subject, sort_key FROM rollup ORDER BY group_id").fetchall()


def _rolled_again(corpus: Path, out: Path, workers: int) -> int:
    """A full roll-up of ``out``'s store with ``workers``: RETURNS (int) how many status changes it found."""
    with Store.open(out) as store, store.transaction():
        refreshed = increment.refresh_rollup(store, corpus, pipeline_extractor(None).fingerprint, full=True, workers=workers)
        return len(refreshed.changes)


def _may_fork(monkeypatch) -> None:
    """Forks allowed on Linux, even where another test module left a thread running (a Dask cluster's)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the roll-up forks on Linux only")
    monkeypatch.setattr(increment, "can_fork", lambda: True)


def _forks(monkeypatch) -> list[int]:
    made: list[int] = []

    def counted(work):
        made.append(1)
        return scale.Forked(work)

    monkeypatch.setattr(increment, "Forked", counted)
    return made


def _sliced_store(tmp_path: Path, monkeypatch, out: Path) -> tuple[Path, bytes, list[tuple[str, str, str, str]]]:
    """Both articles run in one process into ``out``, and every roll-up after cut one subject a slice.
    RETURNS (tuple): the corpus, the status view and the roll-up's rows."""
    _may_fork(monkeypatch)
    monkeypatch.setattr(run_module, "RACY_NS", 0)
    corpus = tmp_path / "corpus"
    for name in ARTICLES:
        _write(corpus, name)
    status = _run(corpus, out)
    monkeypatch.setattr(increment, "SUBJECTS_PER_CALL", 1)
    return corpus, status, _rollup_rows(out)


def test_issue11_slices_rolled_up_in_forked_processes_write_the_same_records(tmp_path, monkeypatch):
    corpus, whole, rows = _sliced_store(tmp_path, monkeypatch, tmp_path / "whole")
    made = _forks(monkeypatch)
    assert _rolled_again(corpus, tmp_path / "whole", workers=2) == 0
    assert len(made) == 1  # (of two slices: the last one is rolled up here)
    assert _rollup_rows(tmp_path / "whole") == rows
    # a whole run with two workers: the same views
    assert run(corpus, tmp_path / "two", progress=False, workers=2).ok
    assert (tmp_path / "two" / "status.jsonl").read_bytes() == whole


def test_issue11_a_forked_roll_up_that_dies_or_needs_the_store_costs_its_slice_a_rerun(tmp_path, monkeypatch):
    corpus, _, rows = _sliced_store(tmp_path, monkeypatch, tmp_path / "out")
    real = increment._rolled_apart

    def killed(store, rolled, piece):
        os.kill(os.getpid(), signal.SIGKILL)

    def reads(store, rolled, piece):
        real(store, rolled, piece)
        return store.conn.execute("SELECT 1")  # cut off in the child: it ends, and its parent does the work

    for child in (killed, reads):
        monkeypatch.setattr(increment, "_rolled_apart", child)
        made = _forks(monkeypatch)
        assert _rolled_again(corpus, tmp_path / "out", workers=2) == 0
        assert len(made) == 1
        assert _rollup_rows(tmp_path / "out") == rows


def test_issue11_the_only_slice_is_cut_in_two_with_two_workers_its_claims_read_once(tmp_path, monkeypatch):
    _may_fork(monkeypatch)
    monkeypatch.setattr(run_module, "RACY_NS", 0)
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    for name in ARTICLES:
        _write(corpus, name)
    whole = _run(corpus, out)
    rows = _rollup_rows(out)
    read: list[str] = []
    real = increment._claims_of

    def counted(store, doc_ids):
        doc_ids = set(doc_ids)
        read.extend(doc_ids)
        return real(store, doc_ids)

    monkeypatch.setattr(increment, "_claims_of", counted)
    made = _forks(monkeypatch)
    monkeypatch.setattr(increment, "HALVES_MIN_ARTICLES", 1)  # (two articles: too few to cut for otherwise)
    # one slice of every subject: its first half rolled up in a child, the second here, the same records
    assert _rolled_again(corpus, out, workers=2) == 0
    assert len(made) == 1
    assert _rollup_rows(out) == rows
    assert sorted(read) == ["a", "b"]  # (each article's claims read once for both halves)
    # and a whole run with two workers: the same views
    assert run(corpus, tmp_path / "two", progress=False, workers=2).ok
    assert (tmp_path / "two" / "status.jsonl").read_bytes() == whole


def test_issue11_a_slice_is_halved_where_the_work_is_about_even_names_folding_alike_kept_together(tmp_path, monkeypatch):
    monkeypatch.setattr(increment, "HALVES_MIN_ARTICLES", 7)
    with Store.open(tmp_path / "out") as store, store.transaction():
        rows = [("Apex", "a1"), ("Apex", "a2"), ("Apex", "a3"), ("apex", "a4"), ("Birch", "b1"), ("Cobalt", "c1"), ("Cobalt", "c2")]
        store.put_rollup_docs((), rows, ())
        # Apex and apex fold alike: 4 articles (+2) against 3 (+2): cut before Birch
        assert increment._halves(store, {"Apex", "apex", "Birch", "Cobalt"}) == ({"Apex", "apex"}, {"Birch", "Cobalt"})
        assert increment._halves(store, {"Apex", "apex"}) is None
        assert increment._halves(store, {"Birch", "Cobalt"}) is None  # (3 articles: too few)
        monkeypatch.setattr(increment, "HALVES_MIN_ARTICLES", 3)
        assert increment._halves(store, {"Birch", "Cobalt"}) == ({"Birch"}, {"Cobalt"})

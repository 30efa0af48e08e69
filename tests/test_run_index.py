"""The file index: a re-run reads only files whose stat changed, with the same outputs as reading everything."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import claimx.read
import claimx.run
from claimx.run import run

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
VIEWS = ("claims.jsonl", "documents.jsonl", "status.jsonl", "decisions.jsonl")


def _views(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in VIEWS}


@pytest.fixture
def trusted(monkeypatch):
    """Trust a file's stat at once (the index ignores files changed in the last 2 s)."""
    monkeypatch.setattr(claimx.run, "RACY_NS", 0)


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The corpus files read, in order."""
    seen: list[str] = []
    real = claimx.read.read_located

    def spy(path, root, **kwargs):
        seen.append(Path(path).relative_to(root).as_posix())
        return real(path, root, **kwargs)

    monkeypatch.setattr(claimx.read, "read_located", spy)
    return seen


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    return corpus


@pytest.mark.issue(11)
def test_issue11_rerun_reads_only_new_and_changed_files(tmp_path, trusted, reads):
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    run(corpus, out, progress=False)
    assert len(reads) == 6  # every file, once
    reads.clear()

    (corpus / "added.md").write_text("---\ntitle: Added\n---\nThe sequel is reportedly in development.\n")
    body = (corpus / "alita-2-sequel.md").read_text()
    (corpus / "alita-2-sequel.md").write_text(body.replace("sequel", "Sequel", 1))
    summary = run(corpus, out, progress=False)
    assert sorted(reads) == ["added.md", "alita-2-sequel.md"]
    assert (summary.new, summary.changed, summary.extracted) == (1, 1, 2)

    # the same corpus read from scratch gives the same views
    fresh = tmp_path / "fresh"
    run(corpus, fresh, progress=False)
    assert _views(fresh) == _views(out)


def test_run_index_sees_a_change_that_keeps_size_and_mtime(tmp_path, trusted, reads):
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    run(corpus, out, progress=False)
    reads.clear()
    path = corpus / "glass-orchard-sequel.txt"
    before = path.stat()
    text = path.read_text()
    changed = text.replace("a", "e", 1)
    assert len(changed) == len(text) and changed != text
    path.write_text(changed)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # mtime put back; ctime cannot be
    summary = run(corpus, out, progress=False)
    assert reads == ["glass-orchard-sequel.txt"]
    assert summary.changed == 1 and summary.extracted == 1


def test_run_index_force_and_removed_files(tmp_path, trusted, reads):
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    first = run(corpus, out, progress=False)
    views = _views(out)
    reads.clear()
    forced = run(corpus, out, progress=False, force=True)
    assert forced.extracted == first.extracted and len(reads) == 6
    assert _views(out) == views
    reads.clear()
    (corpus / "ravell-transfer.json").unlink()
    summary = run(corpus, out, progress=False)
    assert reads == [] and summary.removed == 1 and summary.extracted == 0


def test_run_index_duplicate_doc_id_reads_everything(tmp_path, trusted):
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    run(corpus, out, progress=False)
    shutil.copy(corpus / "alita-2-sequel.md", corpus / "alita-2-sequel.txt")
    summary = run(corpus, out, progress=False)
    assert [f.path for f in summary.failures] == ["alita-2-sequel.txt"]
    assert "duplicate doc_id" in summary.failures[0].error


def test_run_index_new_file_takes_the_doc_id_of_an_unchanged_one(tmp_path, trusted, reads):
    """A new file sorted first takes the doc_id of a file the index knows (not read again): the
    known one becomes the duplicate, as reading everything from scratch makes it."""
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    run(corpus, out, progress=False)
    reads.clear()
    (corpus / "alita-2-sequel.html").write_text("<html><body><p>The studio is reportedly casting the sequel.</p></body></html>")
    summary = run(corpus, out, progress=False)
    assert reads == ["alita-2-sequel.html"]
    assert [f.path for f in summary.failures] == ["alita-2-sequel.md"]
    assert "alita-2-sequel.html already has it" in summary.failures[0].error
    fresh = tmp_path / "fresh"
    again = run(corpus, fresh, progress=False)
    assert [f.model_dump() for f in again.failures] == [f.model_dump() for f in summary.failures]
    assert _views(fresh) == _views(out)


def test_run_reads_the_corpus_while_it_extracts(tmp_path, trusted, monkeypatch):
    """The articles are not all read before extraction starts: a shard is extracted once its
    articles (and the look-ahead the shard cuts need) are read, so memory holds a few shards' texts."""
    import claimx.pipeline

    corpus, out = _corpus(tmp_path), tmp_path / "out"
    events: list[str] = []
    real_read, real_extract = claimx.read.read_located, claimx.pipeline.extract_shard

    def read(path, root, **kwargs):
        events.append("read")
        return real_read(path, root, **kwargs)

    def extract(extraction, articles):
        events.append("extract")
        return real_extract(extraction, articles)

    monkeypatch.setattr(claimx.read, "read_located", read)
    monkeypatch.setattr(claimx.pipeline, "extract_shard", extract)
    summary = run(corpus, out, progress=False, batch_size=1, workers=1)
    assert summary.extracted == 7 and events.count("read") == 6
    assert events.index("extract") < len(events) - 1 - events[::-1].index("read")  # a shard before the last read


@pytest.mark.issue(11)
def test_run_index_settled_articles_and_taken_table_give_a_full_runs_outputs(tmp_path, trusted, reads, monkeypatch):
    """A re-run holds the articles the last run settled as their content hash alone (not a state
    each), and the doc_ids past the first FILES_HELD in a table behind a Bloom filter: adding,
    changing, touching, deleting and bringing back articles, and a new file taking a settled
    article's doc_id, give the failures and views of a run from scratch, reading only what changed."""
    from claimx.store import Store

    monkeypatch.setattr(claimx.run, "FILES_HELD", 1)
    monkeypatch.setattr(claimx.run, "TAKEN_BITS", 8)  # every doc_id "may" be in the table: all looked up
    monkeypatch.setattr(claimx.run, "TAKEN_ROWS", 2)
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    first = run(corpus, out, progress=False)
    with Store.open(out) as store:
        fingerprint = store.get_meta("fingerprint") or ""
        assert len(store.settled_hashes(fingerprint, 0)) == first.articles
        assert store.doc_states(unsettled=(fingerprint, 0)) == {}
        assert len(store.doc_states()) == first.articles

    def same_as_fresh(summary, name):
        fresh = run(corpus, tmp_path / name, progress=False)
        assert [f.model_dump() for f in summary.failures] == [f.model_dump() for f in fresh.failures]
        assert _views(out) == _views(tmp_path / name)
        assert summary.articles == fresh.articles and summary.claims == fresh.claims

    saved = (corpus / "ravell-transfer.json").read_bytes()
    (corpus / "added.md").write_text("---\ntitle: Added\n---\nThe sequel is reportedly in development.\n")
    body = (corpus / "alita-2-sequel.md").read_text()
    (corpus / "alita-2-sequel.md").write_text(body.replace("sequel", "Sequel", 1))
    os.utime(corpus / "glass-orchard-sequel.txt")  # touched: read again, nothing extracted
    (corpus / "ravell-transfer.json").unlink()
    reads.clear()
    summary = run(corpus, out, progress=False)
    assert sorted(reads) == ["added.md", "alita-2-sequel.md", "glass-orchard-sequel.txt"]
    assert (summary.new, summary.changed, summary.removed, summary.extracted) == (1, 1, 1, 2)
    assert summary.unchanged == first.articles - 2
    same_as_fresh(summary, "fresh1")

    (corpus / "ravell-transfer.json").write_bytes(saved)  # back, as it was: not extracted again
    (corpus / "a-first.html").write_text("<html><body><p>The studio is reportedly casting the sequel.</p></body></html>")
    os.rename(corpus / "a-first.html", corpus / "alita-2-sequel.html")  # takes a settled article's doc_id
    reads.clear()
    summary = run(corpus, out, progress=False)
    assert sorted(reads) == ["alita-2-sequel.html", "ravell-transfer.json"]
    assert [f.path for f in summary.failures] == ["alita-2-sequel.md"]
    same_as_fresh(summary, "fresh2")

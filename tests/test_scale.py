"""Scale: long articles in pieces, --workers N processes, a Dask cluster; outputs the same as one process."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.errors import ClaimxError
from claimx.pipeline import Extraction, extract_shard, long_pieces
from claimx.run import run
from claimx.schemas import Article

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
VIEWS = ("claims.jsonl", "documents.jsonl", "status.jsonl", "decisions.jsonl")


def _views(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in VIEWS}


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory) -> dict[str, bytes]:
    """The sample corpus's views from a run in this one process."""
    out = tmp_path_factory.mktemp("one") / "out"
    summary = run(CORPUS, out, progress=False, workers=1)
    assert summary.extracted == 7
    return _views(out)


# -- long articles -----------------------------------------------------------


@pytest.mark.parametrize(
    "text,limit",
    [
        ("one paragraph.\n\nanother paragraph here.\n\na third one, longer than the others.", 30),
        ("line one\nline two\nline three\nline four", 12),
        ("A sentence. Another sentence. And one more sentence.", 20),
        ("wordswithoutanyspaceatallforawhile", 10),
        ("short", 100),
        ("", 5),
    ],
)
def test_long_pieces_cover_the_text_within_the_limit(text, limit):
    pieces = long_pieces(text, limit)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(e - s <= limit for s, e in pieces)
    assert [s for s, _ in pieces[1:]] == [e for _, e in pieces[:-1]]


def test_long_pieces_cut_at_paragraph_breaks():
    paragraphs = [f"Paragraph {n} says something about the sequel." for n in range(40)]
    text = "\n\n".join(paragraphs)
    pieces = long_pieces(text, 300)
    assert len(pieces) > 1
    for start, end in pieces[:-1]:
        assert text[start:end].endswith("\n\n")


@pytest.mark.issue(11)
def test_issue11_article_longer_than_max_length_is_extracted_in_pieces():
    """An article over the model's max_length: no E088, offsets exact in the whole body, same claims as its parts."""
    bodies = [a.body for a in _sample_articles() if len(a.body) < 3000][:3]
    body = "\n\n".join(bodies)
    article = Article(doc_id="live", path="live.txt", body=body, content_hash="0")
    extraction = Extraction()
    extraction.nlp.max_length = max(len(b) for b in bodies) + 10  # type: ignore[attr-defined]
    assert len(body) > extraction.nlp.max_length  # type: ignore[attr-defined]
    [(_, records)] = list(extraction.extract([article]))
    assert records
    for record in records:
        assert body[record.span.start : record.span.end] == record.text
        for part in [*record.cues, *record.entities, *record.dates, *([record.attribution] if record.attribution else [])]:
            assert body[part.start : part.end] == part.text
        assert record.sentence.start <= record.span.start <= record.span.end <= record.sentence.end
    # each piece is one of the articles here (paragraph-aligned), so its claims are those of that article alone
    assert {r.span.end > len(bodies[0]) + len(bodies[1]) for r in records} == {True, False}
    [(_, alone)] = list(extraction.extract([Article(doc_id="live", path="live.txt", body=bodies[0], content_hash="0")]))
    first = [r for r in records if r.span.end <= len(bodies[0])]
    assert [(r.claim_id, r.status, r.text) for r in first] == [(r.claim_id, r.status, r.text) for r in alone]


def test_extract_shard_gives_json_records_in_order():
    articles = _sample_articles()[:3]
    results = extract_shard(Extraction(), articles)
    assert [r.doc_id for r in results] == [a.doc_id for a in articles]
    assert all(r.error is None and r.document and json.loads(r.document)["claim_count"] == len(r.claims) for r in results)


def _sample_articles() -> list[Article]:
    from claimx.read import read_corpus

    return [a for a in read_corpus(CORPUS) if isinstance(a, Article)]


# -- local workers -------------------------------------------------------------


@pytest.mark.issue(11)
def test_issue11_two_workers_write_the_same_outputs(tmp_path, one_worker):
    out = tmp_path / "out"
    summary = run(CORPUS, out, progress=False, workers=2, batch_size=2)  # 4 shards over 2 processes
    assert summary.extracted == 7 and summary.model_loaded
    assert _views(out) == one_worker


def test_cli_run_workers_option(tmp_path, one_worker):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(CORPUS), "-o", str(out), "-q", "--workers", "2", "--batch-size", "3"])
    assert result.exit_code == 0, result.output
    assert _views(out) == one_worker


def test_default_workers_is_at_least_one():
    from claimx.scale import default_workers

    assert 1 <= default_workers() <= (os.cpu_count() or 1)


# -- Dask ---------------------------------------------------------------------


def test_scheduler_without_dask_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(ClaimxError, match=r'pip install "claimx\[dask\]"'):
        run(CORPUS, tmp_path / "out", progress=False, scheduler="tcp://127.0.0.1:8786")


def test_cli_unreachable_scheduler_is_one_line(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    import socket

    import claimx.scale

    monkeypatch.setattr(claimx.scale, "SCHEDULER_TIMEOUT", 1.0)
    with socket.socket() as sock:  # a free loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = CliRunner().invoke(app, ["run", str(CORPUS), "-o", str(tmp_path / "out"), "-q", "--scheduler", f"tcp://127.0.0.1:{port}"])
    assert result.exit_code == 2
    assert "Cannot reach the Dask scheduler at tcp://127.0.0.1:" in result.output
    assert "Traceback" not in result.output


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of 2 worker processes on loopback TCP, one thread each."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as local:
        yield local


@pytest.mark.issue(11)
def test_issue11_dask_cluster_writes_the_same_outputs(tmp_path, cluster, one_worker):
    out = tmp_path / "out"
    summary = run(CORPUS, out, progress=False, batch_size=1, scheduler=cluster.scheduler_address)
    assert summary.extracted == 7
    assert _views(out) == one_worker
    again = run(CORPUS, out, progress=False, scheduler=cluster.scheduler_address)
    assert again.extracted == 0 and not again.model_loaded


@pytest.mark.issue(11)
def test_issue11_dask_worker_killed_mid_shard_costs_only_a_rerun(tmp_path, cluster, one_worker):
    """One worker is killed while it extracts a shard: the scheduler runs that shard again, outputs unchanged."""
    from distributed import Client

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        client.restart()  # fresh workers: the first shard on each also loads the model, a wide window to kill in
        killed: list[int] = []

        def kill_a_busy_worker() -> None:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                # read the workers' addresses afresh: after the restart a nanny's
                # new worker may register under a new address at any moment
                pids = {n.worker_address: n.process.pid for n in cluster.workers.values() if n.process is not None}
                busy = [addr for addr, keys in client.processing().items() if keys]
                if busy and busy[0] in pids:
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    killed.append(pids[busy[0]])
                    return
                time.sleep(0.05)

        killer = threading.Thread(target=kill_a_busy_worker)
        killer.start()
        out = tmp_path / "out"
        summary = run(corpus, out, progress=False, batch_size=1, scheduler=cluster.scheduler_address)
        killer.join()
    assert killed, "no worker was seen extracting"
    assert summary.extracted == 7 and not summary.failures
    assert _views(out) == one_worker


def _cuts_of_the_whole_list(n: int, size: int, workers: int) -> list[int]:
    """The shard sizes when the whole list is known: full shards, and with several workers smaller
    last ones (a quarter of ``size`` at least) once ``2 * size * workers`` articles are left."""
    cuts, left = [], n
    while left:
        step = size if workers <= 1 or left > 2 * size * workers else min(size, max(-(-size // 4), -(-left // (2 * workers))))
        cuts.append(min(step, left))
        left -= cuts[-1]
    return cuts


def test_shards_of_a_stream_are_cut_as_the_whole_list_would_be():
    from claimx.run import _shards

    for n in (0, 1, 5, 16, 33, 64, 65, 100, 257):
        for size in (1, 4, 16):
            for workers in (1, 2, 3):
                items = list(range(n))
                shards = list(_shards(iter(items), size, workers))
                assert [x for shard in shards for x in shard] == items
                assert [len(shard) for shard in shards] == _cuts_of_the_whole_list(n, size, workers), (n, size, workers)


def test_forked_work_hands_its_result_back():
    from claimx.scale import Forked

    if not sys.platform.startswith("linux"):
        pytest.skip("forked work on Linux only")
    table = {"k": [1, 2, 3]}  # the child holds this process's memory: nothing is sent to it
    assert Forked(lambda: {**table, "pid": os.getpid()}).result()["k"] == [1, 2, 3]
    assert Forked(lambda: os.getpid()).result() not in (None, os.getpid())


def test_forked_work_that_fails_or_is_killed_gives_none():
    from claimx.scale import Forked

    if not sys.platform.startswith("linux"):
        pytest.skip("forked work on Linux only")

    def fails() -> None:
        raise KeyboardInterrupt  # not even a BaseException gets past the child

    assert Forked(fails).result() is None
    assert Forked(lambda: os.kill(os.getpid(), signal.SIGKILL)).result() is None


def test_model_loads_without_collections_and_frozen_until_closed():
    """The load runs with no automatic collection, though srsly switches the collector back on
    after each msgpack read; what it built is frozen until the executor closes, and the
    collector's thresholds are as they were."""
    import gc

    from claimx.scale import InProcess, frozen_load

    thresholds = gc.get_threshold()
    collected: list[int] = []
    watch = lambda phase, info: collected.append(info["generation"]) if phase == "start" else None  # noqa: E731
    gc.callbacks.append(watch)
    try:
        with frozen_load():
            gc.enable()  # as srsly.msgpack_loads does
            kept = [[i] for i in range(50_000)]  # enough allocations for many a young collection
            assert collected == []
        assert gc.get_freeze_count() >= len(kept) and gc.get_threshold() == thresholds
        gc.unfreeze()
        pool = InProcess(None)
        try:
            assert gc.get_freeze_count() > 100_000 and gc.get_threshold() == thresholds
        finally:
            pool.close()
        assert gc.get_freeze_count() == 0
    finally:
        gc.callbacks.remove(watch)
        gc.unfreeze()


def test_run_leaves_nothing_frozen(tmp_path, one_worker):
    """A run freezes the heap while it rolls up (its collections walk only what the roll-up makes)
    and lets go of it after: the outputs as before, nothing left frozen."""
    import gc

    out = tmp_path / "out"
    run(CORPUS, out, progress=False, workers=1)
    assert gc.get_freeze_count() == 0
    assert _views(out) == one_worker

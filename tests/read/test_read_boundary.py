"""The corpus folder is a boundary: links out of it are not read, special files never opened."""

from __future__ import annotations

import os
import socket
import tempfile
import threading
from pathlib import Path

import pytest

from claimx.read import corpus_entries, iter_corpus_files, read_corpus, read_file
from claimx.schemas import Article, ReadFailure

TEXT = "The studio is reportedly in talks for a sequel.\n"
SECRET = "root:x:0:0:SECRET-LINE:/root:/bin/bash\n"


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (corpus / "good.md").write_text(TEXT)
    (outside / "passwd.txt").write_text(SECRET)
    (outside / "more.md").write_text(SECRET)
    return corpus, outside


def _results(corpus: Path, **options) -> dict[str, Article | ReadFailure]:
    return {result.path: result for result in read_corpus(corpus, **options)}


def test_read_boundary_link_out_is_one_line_failure(layout):
    corpus, outside = layout
    (corpus / "link.txt").symlink_to(outside / "passwd.txt")
    (corpus / "rel.md").symlink_to(Path("..") / "outside" / "more.md")
    results = _results(corpus)
    assert isinstance(results["good.md"], Article)
    for name in ("link.txt", "rel.md"):
        failure = results[name]
        assert isinstance(failure, ReadFailure)
        assert "outside the corpus folder" in failure.error and "--follow-symlinks" in failure.error
        assert "\n" not in failure.error and "SECRET" not in failure.error
    assert all("SECRET" not in getattr(r, "body", "") for r in results.values())
    assert iter_corpus_files(corpus) == [corpus / "good.md"]


def test_read_boundary_linked_folder_out_not_walked(layout):
    corpus, outside = layout
    (corpus / "elsewhere").symlink_to(outside, target_is_directory=True)
    results = _results(corpus)
    assert "elsewhere/passwd.txt" not in results
    assert "outside the corpus folder" in results["elsewhere"].error
    followed = _results(corpus, follow_symlinks=True)
    assert followed["elsewhere/passwd.txt"].body == SECRET


def test_read_boundary_follow_symlinks_reads_link(layout):
    corpus, outside = layout
    (corpus / "link.txt").symlink_to(outside / "passwd.txt")
    results = _results(corpus, follow_symlinks=True)
    assert results["link.txt"].body == SECRET
    [article] = read_file(corpus / "link.txt", corpus, follow_symlinks=True)
    assert article.body == SECRET


def test_read_boundary_link_inside_corpus_is_read(layout):
    corpus, _ = layout
    (corpus / "sub").mkdir()
    (corpus / "sub" / "alias.md").symlink_to(corpus / "good.md")
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    results = _results(corpus, follow_symlinks=True)
    assert results["sub/alias.md"].body == TEXT
    assert sorted(results) == ["good.md", "sub/alias.md"]  # the loop is not walked
    assert sorted(_results(corpus)) == ["good.md", "sub/alias.md"]


def test_read_boundary_read_file_refuses_link_out(layout):
    corpus, outside = layout
    (corpus / "link.txt").symlink_to(outside / "passwd.txt")
    [failure] = read_file(corpus / "link.txt", corpus)
    assert isinstance(failure, ReadFailure) and "outside the corpus folder" in failure.error


def test_read_boundary_dangling_link(layout):
    corpus, _ = layout
    (corpus / "gone.md").symlink_to(corpus / "missing.md")
    assert "leads nowhere" in _results(corpus)["gone.md"].error


def _fifo_with_watchdog(path: Path) -> threading.Timer:
    """A FIFO; a watchdog opens its write end after 5 s so a test that blocks on it fails instead of hanging."""
    os.mkfifo(path)

    def unblock() -> None:
        os.close(os.open(path, os.O_RDWR))

    timer = threading.Timer(5.0, unblock)
    timer.start()
    return timer


def test_read_boundary_fifo_skipped_without_opening(layout):
    corpus, _ = layout
    timer = _fifo_with_watchdog(corpus / "pipe.md")
    try:
        results = _results(corpus)
        [failure] = read_file(corpus / "pipe.md", corpus)
    finally:
        alive = timer.is_alive()
        timer.cancel()
    assert alive, "reading the corpus blocked on the FIFO"
    assert "FIFO" in results["pipe.md"].error and "skipped" in results["pipe.md"].error
    assert isinstance(failure, ReadFailure) and "FIFO" in failure.error
    assert isinstance(results["good.md"], Article)


def test_read_boundary_socket_and_device_skipped(layout):
    corpus, _ = layout
    short = Path(tempfile.mkdtemp(prefix="cx"))  # AF_UNIX paths are short
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(short / "s.md"))
        (corpus / "sock.md").symlink_to(short / "s.md")
        entries = {e.rel: e.refused for e in corpus_entries(corpus, follow_symlinks=True)}
        assert "socket" in entries["sock.md"]
        (corpus / "null.txt").symlink_to("/dev/null")
        refused = {e.rel: e.refused for e in corpus_entries(corpus)}
        assert "outside the corpus folder" in refused["null.txt"]
        followed = {e.rel: e.refused for e in corpus_entries(corpus, follow_symlinks=True)}
        assert "character device" in followed["null.txt"]
    finally:
        server.close()
        (short / "s.md").unlink(missing_ok=True)
        short.rmdir()


def test_read_boundary_alias_file_link_out_refused(layout):
    from claimx.subjects import AliasError, alias_file, load_aliases

    corpus, outside = layout
    (outside / "aliases.yml").write_text("Secret Project: [SECRET-ALIAS]\n")
    (corpus / "claimx-aliases.yml").symlink_to(outside / "aliases.yml")
    assert alias_file(corpus) is None
    with pytest.raises(AliasError, match="outside the corpus folder"):
        load_aliases(corpus)

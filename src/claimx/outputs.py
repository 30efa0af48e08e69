""":mod:`claimx.outputs`: write the JSONL views atomically.

The views (``claims.jsonl``, ``documents.jsonl``, ``status.jsonl``,
``decisions.jsonl``) are cut from the store (:mod:`claimx.store`) at the end of
a run. Each file is written through ``jsonlines`` to a temporary file in the
same directory, flushed and fsynced, then moved over the old one with
``os.replace``: a crash leaves either the old file or the new one, never half
of one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

import jsonlines
from pydantic import BaseModel

CLAIMS_FILE = "claims.jsonl"
DOCUMENTS_FILE = "documents.jsonl"
STATUS_FILE = "status.jsonl"
DECISIONS_FILE = "decisions.jsonl"
#: Every view a run writes, in the order they are written.
VIEW_FILES: tuple[str, ...] = (CLAIMS_FILE, DOCUMENTS_FILE, STATUS_FILE, DECISIONS_FILE)


def stat_key(st: os.stat_result) -> str:
    """RETURNS (str): a file's size, mtime, ctime and inode: what changes when the
    file is written, replaced or touched (the corpus files a run checks, the views
    it may splice)."""
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"


@contextlib.contextmanager
def _atomic_file(path: Path, *, binary: bool = False) -> Iterator[Any]:
    """Open a temporary file beside ``path`` for writing (UTF-8 text, or bytes with
    ``binary``); on success flush, fsync and move it over ``path``, on any error
    remove it (the old file stays)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        opened = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        with opened as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _atomic_text(path: Path) -> contextlib.AbstractContextManager[TextIO]:
    """:func:`_atomic_file` in UTF-8 text with ``\\n`` line ends."""
    return _atomic_file(path)


def write_jsonl_atomic(path: Path, records: Iterable[Any]) -> int:
    """Write records, one JSON object a line, to ``path`` atomically.

    path (Path): the view to (re)write.
    records (Iterable): JSON-serialisable objects, or pydantic models (dumped in JSON mode).
    RETURNS (int): the number of lines written.
    """
    count = 0
    with _atomic_text(path) as handle, jsonlines.Writer(handle, compact=True) as writer:
        for record in records:
            writer.write(record.model_dump(mode="json") if isinstance(record, BaseModel) else record)
            count += 1
    return count


def write_lines_atomic(path: Path, lines: Iterable[str]) -> int:
    """Write JSON lines (each one object's compact JSON, without its newline) to ``path`` atomically.

    path (Path): the view to (re)write.
    lines (Iterable[str]): the lines, streamed.
    RETURNS (int): the number of lines written.
    """
    count = 0
    with _atomic_text(path) as handle:
        for line in lines:
            handle.write(line)
            handle.write("\n")
            count += 1
    return count


#: a piece of a spliced view: a byte range ``(start, end)`` of the old file, or a line (without its newline)
Piece = tuple[int, int] | str


def splice_lines_atomic(path: Path, pieces: Iterable[Piece]) -> int:
    """Write ``path`` anew, atomically, from byte ranges of its current file and new lines.

    The ranges are copied by the kernel (``os.copy_file_range``) where it can; the
    new file is fsynced and moved over the old one as :func:`write_lines_atomic` does.

    path (Path): the view to rewrite; it must exist.
    pieces (Iterable[Piece]): in order, ``(start, end)`` byte ranges of the old file
        (whole lines) and new lines (without their newline).
    RETURNS (int): the new lines written.
    """
    count = 0
    with open(path, "rb") as old, _atomic_file(path, binary=True) as handle:
        buffered: list[bytes] = []
        for piece in pieces:
            if isinstance(piece, str):
                buffered.append(piece.encode("utf-8") + b"\n")
                count += 1
                continue
            if buffered:
                handle.write(b"".join(buffered))
                buffered = []
            start, end = piece
            handle.flush()
            _copy_range(old, handle, start, end)
        if buffered:
            handle.write(b"".join(buffered))
    return count


def _copy_range(old: Any, new: Any, start: int, end: int) -> None:
    """Append bytes ``start:end`` of ``old`` to ``new`` (both open in binary, ``new`` flushed)."""
    left = end - start
    offset = start
    copy = getattr(os, "copy_file_range", None)
    while left > 0 and copy is not None:
        try:
            done = copy(old.fileno(), new.fileno(), left, offset)
        except OSError:
            break  # a file system that cannot: copied through Python below
        if done <= 0:
            break
        offset += done
        left -= done
    if left > 0:
        new.seek(0, os.SEEK_END)
        old.seek(offset)
        while left > 0:
            chunk = old.read(min(left, 1 << 20))
            if not chunk:
                raise OSError(f"{old.name} is shorter than the view it was written as")
            new.write(chunk)
            left -= len(chunk)
        new.flush()
    else:
        new.seek(0, os.SEEK_END)


def remove_stale_temporaries(outputs: Path) -> int:
    """Delete the temporary files of view rewrites that were killed (call holding the run lock).

    RETURNS (int): how many were removed.
    """
    removed = 0
    for name in VIEW_FILES:
        for stale in Path(outputs).glob(f".{name}.*.tmp"):
            stale.unlink(missing_ok=True)
            removed += 1
    return removed

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


@contextlib.contextmanager
def _atomic_text(path: Path) -> Iterator[TextIO]:
    """Open a temporary file beside ``path`` for writing; on success flush, fsync
    and move it over ``path``, on any error remove it (the old file stays)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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

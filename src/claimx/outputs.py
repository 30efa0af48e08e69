""":mod:`claimx.outputs`: write the JSONL views atomically.

Each file is written to a temporary file in the same directory, flushed and
fsynced, then moved over the old one with ``os.replace``: a crash leaves
either the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

CLAIMS_FILE = "claims.jsonl"
DOCUMENTS_FILE = "documents.jsonl"


def write_jsonl_atomic(path: Path, records: Iterable[BaseModel]) -> int:
    """Write records as JSON lines to ``path`` atomically.

    RETURNS (int): the number of lines written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for record in records:
                handle.write(record.model_dump_json())
                handle.write("\n")
                count += 1
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count

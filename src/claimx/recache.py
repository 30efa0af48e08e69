""":mod:`claimx.recache`: large regular expressions compiled once, kept on disk across runs.

The time-expression grammar (:mod:`claimx.timex`) is a few hundred large
alternations; Python's :mod:`re` parses and compiles them anew in every
process (about a second of every run that loads the model). :class:`RegexCache`
keeps what :mod:`re`'s compiler produces for each pattern (its code, groups
and flags) in a file under the user's cache folder
(``$CLAIMX_CACHE``, else ``$XDG_CACHE_HOME/claimx``, else ``~/.cache/claimx``),
keyed by the pattern and the Python version, with a checksum; the next process
builds the same compiled pattern from it directly. The file is in :mod:`marshal`'s
format (lists of integers, read four times as fast as the same JSON: 12 ms
against 46 ms for the time grammar's 3 MB, in every process that loads the model). A file that is missing,
damaged, or written by another Python is ignored and rewritten; a cache folder
that cannot be written only costs the time. The compiled patterns are the ones
``re.compile`` returns (same pattern, flags, groups and code).
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

#: Environment variable naming the cache folder.
CACHE_ENV = "CLAIMX_CACHE"

try:  # the compiler's parts re.compile is made of (CPython 3.11+)
    import _sre
    from re import _compiler, _parser

    _TAG = f"{sys.implementation.cache_tag}-{sys.version_info[0]}.{sys.version_info[1]}.{sys.version_info[2]}-{_sre.MAGIC}"
except ImportError:  # pragma: no cover - another Python: compile as usual
    _sre = None  # type: ignore[assignment]
    _TAG = ""


def cache_dir() -> Path:
    """RETURNS (Path): the folder claimx keeps its caches in."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "claimx"


def _build(pattern: str, flags: int, entry: list[Any]) -> re.Pattern[str]:
    state_flags, code, groups, groupdict = entry
    indexgroup: list[str | None] = [None] * groups
    for name, number in groupdict.items():
        indexgroup[number] = name
    return _sre.compile(pattern, flags | state_flags, code, groups - 1, groupdict, tuple(indexgroup))


class RegexCache:
    """Compiled patterns of one kind (``name``), read from and written to one cache file.

    name (str): the file's name in the cache folder.
    """

    def __init__(self, name: str) -> None:
        self.path = cache_dir() / f"{name}-{_TAG}.marshal" if _sre is not None else None
        self._stored: dict[str, list[Any]] = {}
        self._used: dict[str, list[Any]] = {}
        self._missed = 0
        if self.path is not None:
            self._stored = self._read(self.path)

    @staticmethod
    def _read(path: Path) -> dict[str, list[Any]]:
        try:
            raw = path.read_bytes()
            digest, _, body = raw.partition(b"\n")
            if hashlib.sha256(body).hexdigest().encode("ascii") != digest:
                return {}
            data = marshal.loads(body)  # its checksum checked: what this class wrote
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError, EOFError, TypeError):
            return {}

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """RETURNS (re.Pattern): ``re.compile(pattern, flags)``, from the cache when it holds it."""
        if _sre is None:
            return re.compile(pattern, flags)
        flags = int(flags)
        key = f"{flags}:{pattern}"
        entry = self._stored.get(key)
        if entry is not None:
            try:
                compiled = _build(pattern, flags, entry)
                self._used[key] = entry
                return compiled
            except Exception:  # noqa: BLE001 - a bad entry is compiled again
                logger.debug("regex cache entry refused; compiling again")
        parsed = _parser.parse(pattern, flags)
        entry = [
            int(parsed.state.flags),
            [int(op) for op in _compiler._code(parsed, flags)],  # plain ints (opcodes are an int subclass)
            parsed.state.groups,
            dict(parsed.state.groupdict),
        ]
        self._used[key] = entry
        self._missed += 1
        return _build(pattern, flags, entry)

    def save(self) -> None:
        """Write the patterns compiled since this cache was read, if any were new (atomically)."""
        if self.path is None or (not self._missed and len(self._used) == len(self._stored)):
            return
        body = marshal.dumps(self._used)
        data = hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            logger.debug("regex cache not written to %s: %s", self.path, exc)

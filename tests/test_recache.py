"""Compiled regular expressions kept across runs are the ones re.compile makes."""

from __future__ import annotations

import re

from claimx.recache import CACHE_ENV, RegexCache

PATTERNS = [
    (r"(?P<month>jan(?:uary)?|feb(?:ruary)?)\s+(?P<day>\d{1,2})(?!\d)", re.IGNORECASE),
    (r"(?-i:[A-Z]{2,})|(?:early|late)\s+(?P<year>20\d\d)", re.IGNORECASE),
    (r"^(?:the|a)\s+", 0),
]


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> bool:
    return a == b and a.groups == b.groups and dict(a.groupindex) == dict(b.groupindex) and a.flags == b.flags


def test_cached_patterns_equal_re_compile(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    first = RegexCache("test")
    compiled = [first.compile(p, f) for p, f in PATTERNS]
    assert all(_same(c, re.compile(p, f)) for c, (p, f) in zip(compiled, PATTERNS))
    first.save()
    assert first.path is not None and first.path.is_file()

    again = RegexCache("test")
    assert len(again._stored) == len(PATTERNS)  # read back, not compiled again
    reread = [again.compile(p, f) for p, f in PATTERNS]
    assert all(_same(c, re.compile(p, f)) for c, (p, f) in zip(reread, PATTERNS))
    assert again._missed == 0
    assert reread[0].search("due Feb 14").group("day") == "14"


def test_damaged_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    cache = RegexCache("test")
    cache.compile(*PATTERNS[0])
    cache.save()
    data = cache.path.read_bytes()
    assert b"month" in data
    cache.path.write_bytes(data.replace(b"month", b"mouth"))  # checksum no longer fits
    damaged = RegexCache("test")
    assert damaged._stored == {}
    assert _same(damaged.compile(*PATTERNS[0]), re.compile(*PATTERNS[0]))
    cache.path.write_bytes(b"")  # an empty (truncated) file too
    assert RegexCache("test")._stored == {}


def test_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    cache = RegexCache("test")
    assert _same(cache.compile(*PATTERNS[1]), re.compile(*PATTERNS[1]))
    cache.save()  # no error

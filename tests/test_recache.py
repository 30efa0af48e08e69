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


def test_time_word_patterns_kept_with_the_grammar(tmp_path, monkeypatch):
    """The time grammar's word patterns (one per rule that names words) are compiled through the
    grammar's cache: read back by the next process, equal to what re.compile makes."""
    from claimx.rules import TemporalRule, default_rules_dir, load_jsonl
    from claimx.timex import TEMPORAL_FILE, load_grammar, word_patterns

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    load_grammar.cache_clear()
    try:
        grammar = load_grammar()
        plain = word_patterns(load_jsonl(default_rules_dir() / TEMPORAL_FILE, TemporalRule))
        assert len(grammar.words) == len(plain) > 100
        assert all(a[:2] == b[:2] and _same(a[2], b[2]) for a, b in zip(grammar.words, plain))
        again = RegexCache("timex")
        kept = [again.compile(p.pattern, p.flags & ~re.UNICODE) for _, _, p in plain]
        assert again._missed == 0  # every word pattern read back, none compiled again
        assert all(_same(k, p) for k, (_, _, p) in zip(kept, plain))
    finally:
        load_grammar.cache_clear()

"""Normalisation maps typography one code point for one: offsets survive it."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from claimx.errors import RulePackError
from claimx.read import NormalizeRule, load_normalize_rules, normalize_text, translation_table
from claimx.read.normalize import RULE_FILE

TABLE = translation_table()
MAPPED = sorted(chr(code) for code in TABLE)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("mid\u2011June", "mid-June"),
        ("well\u2010known", "well-known"),
        ("555\u20121234", "555-1234"),
        ("\u22125 degrees", "-5 degrees"),
        ("\u201cWe are close,\u201d she said.", '"We are close," she said.'),
        ("\u201eQuoted\u201f", '"Quoted"'),
        ("don\u2019t", "don't"),
        ("\u2018single\u2019 \u201asingle\u201b", "'single' 'single'"),
        ("don\u02bct", "don't"),
        ("5\u2032 10\u2033", "5' 10\""),
        ("10\u00a0000", "10 000"),
        ("a\u2009b\u202fc\u205fd\u3000e\u2002f", "a b c d e f"),
        ("deal\u200bwas", "deal was"),
        ("one\u2028two\u2029three", "one\ntwo\nthree"),
        # kept: meaning or length would change, or a word would be split
        ("2023\u20132024", "2023\u20132024"),
        ("wait\u2014what", "wait\u2014what"),
        ("soon\u2026", "soon\u2026"),
        ("inter\u00adnational", "inter\u00adnational"),
        ("plain ASCII text", "plain ASCII text"),
    ],
)
def test_normalize_table(text, expected):
    assert normalize_text(text) == expected


ALPHABET = st.one_of(st.characters(), st.sampled_from(MAPPED))


@settings(max_examples=300, deadline=None)
@given(text=st.text(ALPHABET))
def test_normalize_is_length_preserving(text):
    normalized = normalize_text(text)
    assert len(normalized) == len(text)
    for before, after in zip(text, normalized):
        assert after == TABLE.get(ord(before), before)
    assert not set(normalized) & set(MAPPED)
    assert normalize_text(normalized) == normalized


def test_normalize_rules_are_one_code_point_each():
    rules = load_normalize_rules()
    assert len(rules) == len(TABLE) >= 30
    for rule in rules:
        assert len(rule.char) == len(rule.replacement) == 1
        assert rule.replacement.isascii()


@pytest.mark.parametrize(
    "fields,message",
    [
        ({"char": "\u2026", "replacement": "..."}, "exactly one code point"),
        ({"char": "", "replacement": "-"}, "exactly one code point"),
        ({"char": "ab", "replacement": "-"}, "exactly one code point"),
        ({"char": "\u2011", "replacement": "-", "extra": 1}, "Extra inputs"),
    ],
)
def test_normalize_rule_model_refuses(fields, message):
    with pytest.raises(ValidationError, match=message):
        NormalizeRule.model_validate({"id": "x", "name": "X", **fields})


@pytest.mark.parametrize(
    "rows,message",
    [
        ([{"id": "a", "char": "\u2026", "replacement": "...", "name": "ELLIPSIS"}], "exactly one code point"),
        (
            [
                {"id": "a", "char": "\u2011", "replacement": "-", "name": "NB HYPHEN"},
                {"id": "b", "char": "\u2011", "replacement": " ", "name": "NB HYPHEN"},
            ],
            "both map U\\+2011",
        ),
        (
            [
                {"id": "a", "char": "\u2011", "replacement": "-", "name": "NB HYPHEN"},
                {"id": "a", "char": "\u2010", "replacement": "-", "name": "HYPHEN"},
            ],
            "used twice",
        ),
        ([{"id": "a", "char": "-", "replacement": "-", "name": "HYPHEN-MINUS"}], "to itself"),
    ],
)
def test_normalize_bad_rule_file_is_a_rule_pack_error(tmp_path, rows, message):
    (tmp_path / RULE_FILE).write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    with pytest.raises(RulePackError, match=message):
        load_normalize_rules(tmp_path)


def test_normalize_uses_the_given_rule_pack(tmp_path):
    row = {"id": "ellipsis-dot", "char": "\u2026", "replacement": ".", "name": "HORIZONTAL ELLIPSIS"}
    (tmp_path / RULE_FILE).write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert normalize_text("soon\u2026 \u201cx\u201d", rules_dir=tmp_path) == "soon. \u201cx\u201d"


def test_normalize_is_fast():
    text = ("The studio\u2019s \u201cnext\u201d film is well\u2011known\u00a0and expected. " * 20_000)
    start = time.perf_counter()
    normalized = normalize_text(text)
    elapsed = time.perf_counter() - start
    assert len(normalized) == len(text) > 1_000_000
    assert elapsed < 1.0

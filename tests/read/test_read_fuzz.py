"""Property tests over every reader: arbitrary bytes, JSON and YAML structures give an article
or a one-line error, never an exception; a YAML alias bomb is refused quickly."""

from __future__ import annotations

import json
import logging
import time

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimx.read import parse_bytes
from claimx.schemas import Article, ReadFailure

SUFFIXES = [".md", ".txt", ".json", ".jsonl", ".html"]
# caplog is cleared at the start of every example
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=25,
)
article_objects = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(st.text(max_size=200), json_values),
        "id": json_values,
        "title": json_values,
        "published": st.one_of(st.dates().map(str), st.text(max_size=20), json_values),
        "url": json_values,
        "extra": json_values,
    },
)


def _check(results: list, caplog) -> None:
    assert results, "a reader returned nothing"
    for where, result in results:
        assert isinstance(result, (Article, ReadFailure))
        if isinstance(result, ReadFailure):
            assert result.error and "\n" not in result.error
            assert not result.error.startswith("unexpected error"), result.error
        else:
            assert result.body.strip()
            json.dumps(result.model_dump(mode="json"))  # records are plain data
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR and r.name.startswith("claimx")]
    assert not errors, "a reader logged an unexpected error"


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(data=st.binary(max_size=400))
def test_read_fuzz_arbitrary_bytes(suffix, data, caplog):
    caplog.clear()
    _check(parse_bytes(data, f"f{suffix}"), caplog)
    if suffix == ".html":  # trafilatura's own complaints stay off the terminal
        assert not [r for r in caplog.records if r.name.startswith(("trafilatura", "htmldate"))]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
@FUZZ
@given(front=st.dictionaries(st.text(max_size=12), json_values, max_size=6), body=st.text(max_size=200))
def test_read_fuzz_front_matter_structures(suffix, front, body, caplog):
    caplog.clear()
    source = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    _check(parse_bytes(source.encode("utf-8"), f"f{suffix}"), caplog)


@FUZZ
@given(front=st.text(max_size=200), body=st.text(max_size=100))
def test_read_fuzz_front_matter_text(front, body, caplog):
    caplog.clear()
    _check(parse_bytes(f"---\n{front}\n---\n{body}".encode("utf-8"), "f.md"), caplog)


@FUZZ
@given(obj=st.one_of(article_objects, json_values, st.lists(article_objects, max_size=4)))
def test_read_fuzz_json_structures(obj, caplog):
    caplog.clear()
    _check(parse_bytes(json.dumps(obj).encode("utf-8"), "f.json"), caplog)


@FUZZ
@given(objs=st.lists(st.one_of(article_objects, json_values), min_size=1, max_size=6))
def test_read_fuzz_jsonl_structures(objs, caplog):
    caplog.clear()
    data = "\n".join(json.dumps(obj) for obj in objs).encode("utf-8")
    _check(parse_bytes(data, "f.jsonl"), caplog)


@settings(FUZZ, max_examples=25)
@given(title=st.text(max_size=60), paragraphs=st.lists(st.text(max_size=120), min_size=1, max_size=4), meta=st.text(max_size=40))
def test_read_fuzz_html_structures(title, paragraphs, meta, caplog):
    caplog.clear()
    from html import escape

    page = (
        f"<html><head><title>{escape(title)}</title><meta name='author' content='{escape(meta)}'>"
        f"<meta charset='{escape(meta[:10])}'></head><body><article>"
        + "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    _check(parse_bytes(page.encode("utf-8"), "f.html"), caplog)


@pytest.mark.parametrize("levels", [9, 30])
def test_read_fuzz_yaml_alias_bomb_refused_quickly(levels):
    lines = ["---", "l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    data = ("\n".join(lines) + "\n---\nThe sequel is reportedly in talks.\n").encode()
    start = time.perf_counter()
    [(_, failure)] = parse_bytes(data, "bomb.md")
    assert time.perf_counter() - start < 1.0
    assert isinstance(failure, ReadFailure) and "anchors and aliases" in failure.error


def test_read_fuzz_deep_nesting_is_one_line():
    deep = "[" * 20_000 + "]" * 20_000
    for name, data in (("deep.json", deep), ("deep.jsonl", deep), ("deep.md", f"---\na: {deep}\n---\nBody.\n")):
        [(_, failure)] = parse_bytes(data.encode(), name)
        assert isinstance(failure, ReadFailure) and "\n" not in failure.error
        assert not failure.error.startswith("unexpected error"), failure.error

"""Every kind of bad file becomes a one-line ReadFailure; nothing raises."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from claimx.read import read_corpus, read_file
from claimx.schemas import Article, ReadFailure

TEXT = "The deal is reportedly close."
GOOD_JSON = json.dumps({"text": TEXT})

# file name, bytes, words the one error message must contain
BAD_FILES = [
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["binary file", "NUL"]),
    ("random.txt", bytes(range(1, 9)) * 40 + bytes(range(0x80, 0x100)), ["not valid UTF-8", "no other text encoding fits"]),
    ("bad-utf16.txt", codecs.BOM_UTF16_LE + b"a\x00\x00\xdc", ["not valid UTF-16-LE", "byte-order mark"]),
    ("nul-utf16.txt", "a\x00b".encode("utf-16"), ["binary file", "NUL"]),
    ("empty.md", b"", ["empty file"]),
    ("blank.txt", b"  \n\t\n", ["empty file"]),
    ("bad-yaml.md", b"---\ntitle: x\nsummary: a: b\n---\nBody.\n", ["malformed YAML front matter at line 3", "mapping values are not allowed here", "fix the front matter or remove it"]),
    ("bad-yaml-quote.md", b'---\ntitle: "unclosed\n---\nBody.\n', ["malformed YAML front matter"]),
    ("bad-yaml-date.md", b"---\npublished: 2023-13-45\n---\nBody.\n", ["malformed YAML front matter", "month must be in 1..12"]),
    ("unclosed.md", b"---\ntitle: x\nBody without a closing fence.\n", ["never closed", "closing '---'"]),
    ("list-front.md", b"---\n- a\n- b\n---\nBody.\n", ["front matter is a list", "not a mapping"]),
    ("scalar-front.md", b"---\njust words\n---\nBody.\n", ["front matter is a str", "not a mapping"]),
    ("only-front.md", b"---\ntitle: x\n---\n\n   \n", ["body is empty"]),
    ("bad-date.md", b"---\npublished: next week\n---\nBody.\n", ["unreadable published date 'next week'", "expected a date such as 2023-08-02"]),
    ("int-date.txt", b"---\npublished: 2023\n---\nBody.\n", ["unreadable published date 2023"]),
    ("list-title.md", b"---\ntitle: [a, b]\n---\nBody.\n", ["title must be a single value"]),
    ("bad.json", b'{"text": "x",\n "title": }', ["malformed JSON at line 2, column", "fix the JSON"]),
    ("no-text.json", b'{"title": "x"}', ["no 'text' field"]),
    ("empty-text.json", b'{"text": "  \\n "}', ["'text' is empty"]),
    ("number-text.json", b'{"text": 5}', ["'text' must be a string"]),
    ("scalar.json", b"42", ["expected a JSON object or a list of objects"]),
    ("empty-list.json", b"[]", ["holds no articles"]),
    ("bad-id.json", b'{"id": [], "text": "x"}', ["id must be a non-empty string"]),
    ("bad-date.json", b'{"text": "x", "published": "02/08/2023"}', ["unreadable published date '02/08/2023'"]),
    ("empty.json", b"", ["empty file"]),
    ("empty.jsonl", b"\n\n", ["empty file"]),
    ("binary.jsonl", GOOD_JSON.encode() + b"\n\x00\x00\n", ["binary file"]),
    ("empty.html", b"", ["empty file"]),
    ("binary.html", b"<html>\x00\x00</html>", ["binary file"]),
    ("nav-only.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", ["no article text found in HTML"]),
]


@pytest.mark.parametrize("name,data,words", BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_read_file_bad_file_is_one_line_failure(tmp_path, name, data, words):
    (tmp_path / name).write_bytes(data)
    [failure] = read_file(tmp_path / name, tmp_path)
    assert isinstance(failure, ReadFailure), failure
    assert failure.path == name
    assert failure.doc_id == Path(name).stem
    assert "\n" not in failure.error
    for word in words:
        assert word in failure.error


def test_read_file_bad_jsonl_line_fails_alone(tmp_path):
    lines = [
        json.dumps({"id": "one", "text": TEXT}),
        '{"text": "broken',
        json.dumps({"text": TEXT, "published": "someday"}),
        "",
        json.dumps([1, 2]),
        json.dumps({"title": "no text"}),
        json.dumps({"id": "six", "text": TEXT}),
    ]
    data = "\n".join(lines).encode("utf-8") + b"\n" + b'{"text": "The caf\xe9 is reportedly closing."}\n'
    (tmp_path / "feed.jsonl").write_bytes(data)
    results = read_file(tmp_path / "feed.jsonl", tmp_path)
    assert [type(result).__name__ for result in results] == [
        "Article", "ReadFailure", "ReadFailure", "ReadFailure", "ReadFailure", "Article", "Article"
    ]
    assert [result.doc_id for result in results] == [
        "one", "feed.jsonl#2", "feed.jsonl#3", "feed.jsonl#5", "feed.jsonl#6", "six", "feed.jsonl#8"
    ]
    errors = [result.error for result in results if isinstance(result, ReadFailure)]
    assert errors[0].startswith("malformed JSON at line 2, column 10 (Unterminated string")
    assert "unreadable published date 'someday'" in errors[1]
    assert "expected a JSON object" in errors[2]
    assert "no 'text' field" in errors[3]
    assert all("\n" not in error for error in errors)
    # a stray Latin-1 line in a UTF-8 feed is read in its own encoding
    assert results[-1].body == "The caf\u00e9 is reportedly closing." and results[-1].encoding == "cp1252"
    assert results[0].encoding == "utf-8"


def test_read_file_bad_json_list_item_fails_alone(tmp_path):
    items = [{"text": TEXT}, {"id": "x", "title": "no text"}, "just a string", {"text": TEXT}]
    (tmp_path / "list.json").write_text(json.dumps(items), encoding="utf-8")
    results = read_file(tmp_path / "list.json", tmp_path)
    assert [isinstance(result, Article) for result in results] == [True, False, False, True]
    assert [result.doc_id for result in results] == ["list.json#1", "x", "list.json#3", "list.json#4"]


def test_read_file_unsupported_suffix(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7")
    [failure] = read_file(tmp_path / "notes.pdf", tmp_path)
    assert isinstance(failure, ReadFailure)
    assert "unsupported file type '.pdf'" in failure.error


def test_read_corpus_never_raises_on_bad_files(tmp_path):
    for name, data, _ in BAD_FILES:
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.md").write_text(TEXT, encoding="utf-8")
    results = list(read_corpus(tmp_path))
    articles = [result for result in results if isinstance(result, Article)]
    assert [article.doc_id for article in articles] == ["good"]
    assert len(results) == len(BAD_FILES) + 1


def test_read_corpus_duplicate_ids_fail_with_first_holder(tmp_path):
    (tmp_path / "a.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        "\n".join(json.dumps({"id": doc_id, "text": TEXT}) for doc_id in ("x", "x", "a")) + "\n",
        encoding="utf-8",
    )
    results = list(read_corpus(tmp_path))
    assert [(type(r).__name__, r.doc_id, r.path) for r in results] == [
        ("Article", "a", "a.md"),
        ("ReadFailure", "a.txt", "a.txt"),
        ("Article", "x", "feed.jsonl"),
        ("ReadFailure", "feed.jsonl#2", "feed.jsonl"),
        ("ReadFailure", "feed.jsonl#3", "feed.jsonl"),
    ]
    assert "duplicate doc_id 'a': a.md already has it" in results[1].error
    assert "duplicate doc_id 'x': feed.jsonl#1 already has it" in results[3].error
    assert "duplicate doc_id 'a': a.md already has it" in results[4].error
    assert len({result.doc_id for result in results}) == len(results)


def test_read_corpus_duplicate_of_a_failure_keeps_both_reasons(tmp_path):
    (tmp_path / "a.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(b"")
    [_, failure] = read_corpus(tmp_path)
    assert "duplicate doc_id 'a'" in failure.error
    assert "empty file" in failure.error

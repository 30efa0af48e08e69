"""Text that is not UTF-8 is decoded (byte-order marks, a charset detector); binary is still refused."""

from __future__ import annotations

import codecs
import json

import pytest

from claimx.read import read_file
from claimx.schemas import Article, ReadFailure

BODY = "The studio\u2019s \u201cKestrel\u201d sequel is reportedly in talks \u2013 a caf\u00e9 scene, na\u00efve fans.\n"
PLAIN = "The caf\u00e9 sequel is reportedly in talks, fans in Z\u00fcrich say.\n"


def _md(body: str) -> str:
    return "---\ntitle: Caf\u00e9 \u201cnews\u201d\n---\n" + body


# file name, bytes, expected body, expected title, expected encoding
GOOD = [
    ("utf8.md", _md(BODY).encode("utf-8"), BODY, "Caf\u00e9 \u201cnews\u201d", "utf-8"),
    ("utf8-bom.md", codecs.BOM_UTF8 + _md(BODY).encode("utf-8"), BODY, "Caf\u00e9 \u201cnews\u201d", "utf-8"),
    ("cp1252.md", _md(BODY).encode("cp1252"), BODY, "Caf\u00e9 \u201cnews\u201d", "cp1252"),
    ("latin1.txt", PLAIN.encode("latin-1"), PLAIN, None, "cp1252"),
    ("utf16.txt", BODY.encode("utf-16"), BODY, None, "utf-16-le"),
    ("utf16be.md", codecs.BOM_UTF16_BE + _md(BODY).encode("utf-16-be"), BODY, "Caf\u00e9 \u201cnews\u201d", "utf-16-be"),
    ("utf32.txt", BODY.encode("utf-32"), BODY, None, "utf-32-le"),
    ("cp1252.json", json.dumps({"text": BODY}, ensure_ascii=False).encode("cp1252"), BODY, None, "cp1252"),
    ("utf16.json", json.dumps({"text": BODY}, ensure_ascii=False).encode("utf-16"), BODY, None, "utf-16-le"),
    ("utf16.jsonl", (json.dumps({"text": BODY}, ensure_ascii=False) + "\n").encode("utf-16"), BODY, None, "utf-16-le"),
    (
        "cp1252.html",
        ("<html><head><title>Caf\u00e9 news</title></head><body><article><p>" + BODY.strip()
         + "</p><p>The director declined to comment on the reports.</p></article></body></html>").encode("cp1252"),
        None, "Caf\u00e9 news", "cp1252",
    ),
    (
        "declared.html",
        ('<html><head><meta charset="iso-8859-1"><title>Z\u00fcrich</title></head><body><article><p>'
         + PLAIN.strip() + "</p><p>The studio did not reply.</p></article></body></html>").encode("latin-1"),
        None, "Z\u00fcrich", "cp1252",
    ),
]


@pytest.mark.parametrize("name,data,body,title,encoding", GOOD, ids=[case[0] for case in GOOD])
def test_read_encodings_decoded_and_recorded(tmp_path, name, data, body, title, encoding):
    (tmp_path / name).write_bytes(data)
    [article] = read_file(tmp_path / name, tmp_path)
    assert isinstance(article, Article), article
    assert article.encoding == encoding
    if body is not None:
        assert article.body == body
    else:
        assert "reportedly in talks" in article.body and "\ufffd" not in article.body
    assert article.title == title


BINARY = [
    ("png.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"),
    ("gzip.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(256))),
    ("elf.json", b"\x7fELF\x02\x01\x01\x00" + bytes(200)),
    ("controls.txt", bytes(range(1, 9)) * 50 + b"\xe9\xe8"),
]


@pytest.mark.parametrize("name,data", BINARY, ids=[case[0] for case in BINARY])
def test_read_encodings_binary_still_refused(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    [failure] = read_file(tmp_path / name, tmp_path)
    assert isinstance(failure, ReadFailure)
    assert "\n" not in failure.error
    assert "binary file" in failure.error or "no other text encoding fits" in failure.error


def test_read_encodings_utf8_hash_unchanged(tmp_path):
    """A UTF-8 article's content hash is still the sha256 of its bytes (stores stay valid)."""
    import hashlib

    data = _md(BODY).encode("utf-8")
    (tmp_path / "a.md").write_bytes(data)
    line = json.dumps({"id": "x", "text": BODY}, ensure_ascii=False).encode("utf-8")
    (tmp_path / "feed.jsonl").write_bytes(line + b"\r\n")
    [article] = read_file(tmp_path / "a.md", tmp_path)
    [item] = read_file(tmp_path / "feed.jsonl", tmp_path)
    assert article.content_hash == hashlib.sha256(data).hexdigest()
    assert item.content_hash == hashlib.sha256(line).hexdigest()

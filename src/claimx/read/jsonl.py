""":mod:`claimx.read.jsonl`: read ``.json`` and ``.jsonl`` articles.

Each article is a JSON object with ``text`` (a non-empty string: the body,
taken exactly as it is) and optional ``id``, ``title``, ``published`` and
``url``; every other key is kept in ``meta``.

- ``.jsonl``: one object a line (blank lines skipped). doc_id: the object's
  ``id``, else ``<path>#<line>`` (1-based). A bad line fails alone, and its
  content hash is the sha256 of that line's bytes.
- ``.json`` holding one object: doc_id as for any file (the path without its
  extension) unless the object has an ``id``; content hash of the file.
- ``.json`` holding a list of objects: like ``.jsonl`` lines, with
  ``<path>#<N>`` the 1-based position in the list; the content hash is that of
  the item's canonical JSON (sorted keys), so it changes when the item does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import ReadError
from ..schemas import Article, ReadFailure
from .fields import (
    Located,
    Result,
    check_not_binary,
    content_hash,
    decode_utf8,
    make_article,
    path_doc_id,
)


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(
            f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}; fix the JSON"
        ) from None


def _record_id(obj: dict[str, Any]) -> str | None:
    if "id" not in obj or obj["id"] is None:
        return None
    value = obj["id"]
    if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
        raise ReadError(f"id must be a non-empty string, got {value!r}; fix the id or remove it")
    return str(value)


def _article(obj: Any, doc_id: str, rel: str, digest: str) -> Article:
    if not isinstance(obj, dict):
        raise ReadError(
            f"expected a JSON object with a 'text' field, got a {type(obj).__name__}; "
            "write each article as {\"text\": ...}"
        )
    text = obj.get("text")
    if text is None:
        raise ReadError("the record has no 'text' field; add the article text as \"text\"")
    if not isinstance(text, str):
        raise ReadError(f"'text' must be a string, got a {type(obj['text']).__name__}")
    if not text.strip():
        raise ReadError("'text' is empty; add the article text")
    fields = {key: value for key, value in obj.items() if key not in ("text", "id")}
    return make_article(doc_id=doc_id, rel=rel, body=text, fields=fields, digest=digest)


def _item(obj: Any, fallback_id: str, rel: str, digest: str) -> Result:
    """One record of a list or a line: an article, or a failure under its best id."""
    doc_id = fallback_id
    try:
        if isinstance(obj, dict):
            doc_id = _record_id(obj) or fallback_id
        return _article(obj, doc_id, rel, digest)
    except ReadError as exc:
        return ReadFailure(doc_id=doc_id, path=rel, error=str(exc))


def read_json(data: bytes, rel: str) -> list[Located]:
    """Read a ``.json`` file: one article object, or a list of them.

    data (bytes): the file's bytes.
    rel (str): its path relative to the corpus root, posix separators.
    RETURNS (list[tuple[str, Article | ReadFailure]]): articles and per-item
        failures, in file order, each under its location.
    """
    if not data.strip():
        raise ReadError("empty file; add a JSON object with a 'text' field or remove the file")
    obj = _loads(decode_utf8(data))
    if isinstance(obj, dict):
        doc_id = _record_id(obj) or path_doc_id(rel)
        return [(rel, _article(obj, doc_id, rel, content_hash(data)))]
    if isinstance(obj, list):
        if not obj:
            raise ReadError("the JSON list holds no articles; add objects with a 'text' field")
        located = ((f"{rel}#{number}", item) for number, item in enumerate(obj, start=1))
        return [(where, _item(item, where, rel, content_hash(_canonical(item)))) for where, item in located]
    raise ReadError(
        f"expected a JSON object or a list of objects, got a {type(obj).__name__}; "
        "write the article as {\"text\": ...}"
    )


def _canonical(item: Any) -> bytes:
    return json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """Yield ``(line number, line bytes without its line ending)`` for non-blank lines."""
    for number, raw in enumerate(data.split(b"\n"), start=1):
        line = raw[:-1] if raw.endswith(b"\r") else raw
        if line.strip():
            yield number, line


def read_jsonl(data: bytes, rel: str) -> list[Located]:
    """Read a ``.jsonl`` file: one article object a line.

    data (bytes): the file's bytes.
    rel (str): its path relative to the corpus root, posix separators.
    RETURNS (list[tuple[str, Article | ReadFailure]]): articles and per-line
        failures, in file order, each under its location ``<path>#<line>``.
    """
    if not data.strip():
        raise ReadError("empty file; add one JSON object with a 'text' field a line, or remove the file")
    check_not_binary(data)
    results: list[Located] = []
    for number, line in _lines(data):
        where = f"{rel}#{number}"
        try:
            obj = _loads(decode_utf8(line))
        except ReadError as exc:
            message = str(exc).replace(" at line 1, column", " at column", 1)
            results.append((where, ReadFailure(doc_id=where, path=rel, error=message)))
            continue
        results.append((where, _item(obj, where, rel, content_hash(line))))
    return results

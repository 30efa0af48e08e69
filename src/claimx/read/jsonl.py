""":mod:`claimx.read.jsonl`: read ``.json`` and ``.jsonl`` articles.

Each article is a JSON object with ``text`` (a non-empty string: the body,
taken exactly as it is) and optional ``id``, ``title``, ``published`` and
``url``; every other key is kept in ``meta``.

- ``.jsonl``: one object a line (blank lines skipped). doc_id: the object's
  ``id``, else ``<path>#<line>`` (1-based). Lines are parsed with
  ``jsonlines``; a bad line fails alone with its line number, and its content
  hash is the sha256 of the line's text in UTF-8 (its bytes, in a UTF-8 file).
- Encodings: as for text articles (:func:`~claimx.read.fields.decode_text`);
  a ``.jsonl`` is decoded line by line (see :func:`_decoded_lines`).
- ``.json`` holding one object: doc_id as for any file (the path without its
  extension) unless the object has an ``id``; content hash of the file.
- ``.json`` holding a list of objects: like ``.jsonl`` lines, with
  ``<path>#<N>`` the 1-based position in the list; the content hash is that of
  the item's canonical JSON (sorted keys), so it changes when the item does.
"""

from __future__ import annotations

import codecs
import json
from typing import Any

import jsonlines

from ..errors import ReadError
from ..schemas import Article, ReadFailure
from .fields import (
    Located,
    Result,
    check_not_binary,
    content_hash,
    decode_text,
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
    except RecursionError:
        raise ReadError("JSON nested too deeply; flatten the record") from None


def _record_id(obj: dict[str, Any]) -> str | None:
    if "id" not in obj or obj["id"] is None:
        return None
    value = obj["id"]
    if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
        raise ReadError(f"id must be a non-empty string, got {value!r}; fix the id or remove it")
    return str(value)


def _article(obj: Any, doc_id: str, rel: str, digest: str, encoding: str | None) -> Article:
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
    return make_article(doc_id=doc_id, rel=rel, body=text, fields=fields, digest=digest, encoding=encoding)


def _item(obj: Any, fallback_id: str, rel: str, digest: str, encoding: str | None) -> Result:
    """One record of a list or a line: an article, or a failure under its best id."""
    doc_id = fallback_id
    try:
        if isinstance(obj, dict):
            doc_id = _record_id(obj) or fallback_id
        return _article(obj, doc_id, rel, digest, encoding)
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
    text, encoding = decode_text(data)
    obj = _loads(text)
    if isinstance(obj, dict):
        doc_id = _record_id(obj) or path_doc_id(rel)
        return [(rel, _article(obj, doc_id, rel, content_hash(data), encoding))]
    if isinstance(obj, list):
        if not obj:
            raise ReadError("the JSON list holds no articles; add objects with a 'text' field")
        located = ((f"{rel}#{number}", item) for number, item in enumerate(obj, start=1))
        return [
            (where, _item(item, where, rel, content_hash(_canonical(item)), encoding)) for where, item in located
        ]
    raise ReadError(
        f"expected a JSON object or a list of objects, got a {type(obj).__name__}; "
        "write the article as {\"text\": ...}"
    )


def _canonical(item: Any) -> bytes:
    return json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _decoded_lines(data: bytes) -> list[tuple[str, str | None, str | None]]:
    """Every line of a ``.jsonl`` file as ``(text, encoding, error)``, line endings removed.

    A file with a UTF-16/32 byte-order mark is decoded whole. Otherwise each
    line is UTF-8 when it is valid UTF-8, and the lines that are not are
    decoded with the one encoding detected from all of them together (a
    Windows-1252 file, or a UTF-8 feed with a stray Latin-1 line); a line that
    still cannot be decoded fails alone.
    """
    check_not_binary(data)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text, encoding = decode_text(data)
        return [(line.removesuffix("\r"), encoding, None) for line in text.split("\n")]
    raw = data.removeprefix(codecs.BOM_UTF8).split(b"\n")
    raw = [line.removesuffix(b"\r") for line in raw]
    lines: list[tuple[str, str | None, str | None]] = []
    legacy: list[int] = []
    for number, line in enumerate(raw):
        try:
            lines.append((line.decode("utf-8"), "utf-8", None))
        except UnicodeDecodeError:
            lines.append(("", None, None))
            legacy.append(number)
    if legacy:
        try:
            _, encoding = decode_text(b"\n".join(raw[n] for n in legacy))
        except ReadError as exc:
            for number in legacy:
                lines[number] = ("", None, str(exc))
        else:
            for number in legacy:
                lines[number] = (raw[number].decode(encoding), encoding, None)
    return lines


def read_jsonl(data: bytes, rel: str) -> list[Located]:
    """Read a ``.jsonl`` file: one article object a line, parsed by ``jsonlines``.

    data (bytes): the file's bytes.
    rel (str): its path relative to the corpus root, posix separators.
    RETURNS (list[tuple[str, Article | ReadFailure]]): articles and per-line
        failures, in file order, each under its location ``<path>#<line>``.
    """
    if not data.strip():
        raise ReadError("empty file; add one JSON object with a 'text' field a line, or remove the file")
    decoded = _decoded_lines(data)
    if not any(text.strip() or error for text, _, error in decoded):
        raise ReadError("empty file; add one JSON object with a 'text' field a line, or remove the file")
    reader = jsonlines.Reader((text for text, _, _ in decoded), loads=json.loads)
    results: list[Located] = []
    for number, (text, encoding, error) in enumerate(decoded, start=1):
        where = f"{rel}#{number}"
        try:
            obj = reader.read(allow_none=True)
        except jsonlines.InvalidLineError as exc:
            if error is None and not exc.line.strip():
                continue  # a blank line
            message = error or _line_error(exc)
            results.append((where, ReadFailure(doc_id=where, path=rel, error=message)))
            continue
        except RecursionError:
            message = "JSON nested too deeply; flatten the record"
            results.append((where, ReadFailure(doc_id=where, path=rel, error=message)))
            continue
        results.append((where, _item(obj, where, rel, content_hash(text.encode("utf-8")), encoding)))
    return results


def _line_error(exc: jsonlines.InvalidLineError) -> str:
    """RETURNS (str): the one-line message of a line ``jsonlines`` could not parse, with its line number."""
    cause = exc.__cause__
    if isinstance(cause, json.JSONDecodeError):
        return f"malformed JSON at line {exc.lineno}, column {cause.colno} ({cause.msg}); fix the line"
    return f"line {exc.lineno}: {exc}; fix the line"

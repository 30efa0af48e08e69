""":mod:`claimx.read.fields`: what every reader shares: decoding, ids, metadata.

A reader turns one file's bytes into :class:`~claimx.schemas.Article` records.
The helpers here raise :class:`~claimx.errors.ReadError` with a one-line
message; :mod:`claimx.read.corpus` turns that into a
:class:`~claimx.schemas.ReadFailure`, so a bad file never stops a run.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import hashlib
import math
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

from ..errors import ReadError
from ..schemas import Article, ReadFailure

#: What a reader gives for one record.
Result = Article | ReadFailure
#: A record and where it sits: ``<path>`` for a whole file, ``<path>#<N>`` for a
#: line or list item. Locations are unique within a corpus, doc_ids need not be.
Located = tuple[str, Result]

#: Record keys that become :class:`Article` fields rather than ``meta``.
FIELD_KEYS: tuple[str, ...] = ("title", "published", "url")

#: ``strptime`` forms tried for a ``published`` string that is not ISO 8601.
DATE_FORMATS: tuple[str, ...] = (
    "%B %d, %Y",  # August 2, 2023
    "%b %d, %Y",  # Aug 2, 2023
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",  # 2 August 2023
    "%d %b %Y",
    "%d %B, %Y",
    "%A, %B %d, %Y",  # Wednesday, August 2, 2023
    "%a, %b %d, %Y",
    "%A %d %B %Y",
    "%Y/%m/%d",
)

#: How a ``published`` value should look, for error messages.
DATE_HINT = "expected a date such as 2023-08-02, 2023-08-02T10:00:00Z or August 2, 2023"


def content_hash(data: bytes) -> str:
    """RETURNS (str): the sha256 hex digest of ``data``."""
    return hashlib.sha256(data).hexdigest()


def one_line(message: str) -> str:
    """RETURNS (str): ``message`` on one line, runs of whitespace made one space."""
    return " ".join(message.split())


def path_doc_id(rel: str) -> str:
    """The doc_id of a whole file: its corpus-relative path without the extension.

    rel (str): the path relative to the corpus root, posix separators.
    RETURNS (str): e.g. ``news/a`` for ``news/a.md``.
    """
    path = PurePosixPath(rel)
    return path.with_suffix("").as_posix() if path.suffix else rel


def check_not_binary(data: bytes) -> None:
    """Raise :class:`ReadError` if ``data`` is not text (NUL bytes, UTF-16/32)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise ReadError("file is UTF-32 encoded; save it as UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ReadError("file is UTF-16 encoded; save it as UTF-8")
    if b"\x00" in data:
        raise ReadError("binary file (contains NUL bytes); claimx reads UTF-8 text, HTML and JSON")


def decode_utf8(data: bytes) -> str:
    """Decode UTF-8 bytes, dropping a leading byte-order mark.

    data (bytes): a file's (or a line's) bytes.
    RETURNS (str): the text, exactly as encoded (line endings untouched).
    """
    check_not_binary(data)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ReadError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line}, byte offset {exc.start}); "
            "save the file as UTF-8"
        ) from None


def universal_newlines(text: str) -> str:
    """RETURNS (str): ``text`` with ``\\r\\n`` and lone ``\\r`` read as ``\\n``, as Python's text mode does."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_published(value: Any) -> dt.date | None:
    """Read a ``published`` value as a calendar date.

    value (Any): a date, a datetime, a string (ISO 8601, RFC 2822 or a written
        date such as "August 2, 2023"), or ``None``/empty.
    RETURNS (date | None): the date, or ``None`` when no value was given.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ReadError(f"unreadable published date {value!r}: {DATE_HINT}")
    text = value.strip()
    if not text:
        return None
    for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
        try:
            parsed = parse(text)
        except ValueError:
            continue
        return parsed.date() if isinstance(parsed, dt.datetime) else parsed
    cleaned = " ".join(text.replace(".", " ").replace(" ,", ",").split())
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, form).date()
        except ValueError:
            continue
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    raise ReadError(f"unreadable published date {value!r}: {DATE_HINT}")


def json_safe(value: Any) -> Any:
    """RETURNS (Any): ``value`` made JSON-serialisable (dates as ISO strings, keys as strings)."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return [json_safe(item) for item in items]
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def _text_field(key: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (Mapping, list, tuple, set)):
        raise ReadError(f"{key} must be a single value, not a {type(value).__name__}; fix the {key} field")
    text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
    return text.strip() or None


def make_article(
    *,
    doc_id: str,
    rel: str,
    body: str,
    fields: Mapping[str, Any],
    digest: str,
) -> Article:
    """Build an :class:`Article`, checking the body and the metadata.

    doc_id (str): the article's id.
    rel (str): its file, relative to the corpus root.
    body (str): the text every offset counts in; must not be blank.
    fields (Mapping): metadata: ``title``, ``published``, ``url``; every other
        key goes to ``meta``.
    digest (str): the content hash.
    RETURNS (Article): the article.
    """
    if not body.strip():
        raise ReadError("the article body is empty; add the article text")
    meta = {str(key): json_safe(value) for key, value in fields.items() if key not in FIELD_KEYS}
    return Article(
        doc_id=doc_id,
        path=rel,
        body=body,
        title=_text_field("title", fields.get("title")),
        published=parse_published(fields.get("published")),
        url=_text_field("url", fields.get("url")),
        meta=meta,
        content_hash=digest,
    )

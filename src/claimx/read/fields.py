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
import re
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


#: Byte-order marks and the codec each selects, longest first (a UTF-32-LE
#: mark begins with the UTF-16-LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: The legacy encoding preferred when the detector finds it as plausible as
#: its first guess: most non-UTF-8 English news text is Windows-1252, which
#: the detector often reports as a look-alike (cp1250) that maps curly quotes
#: and dashes to other letters.
PREFERRED_LEGACY = "cp1252"

#: Control characters that never occur in text (C0 except tab, newline, form
#: feed and carriage return; DEL): a decoded file holding more than
#: :data:`MAX_CONTROL_SHARE` of them is binary.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01

BINARY_MESSAGE = "binary file (contains NUL bytes); claimx reads text, HTML and JSON"


def codec_name(encoding: str) -> str:
    """RETURNS (str): Python's canonical name of a codec (``cp1252``, ``utf-16-le``, ``utf-8``)."""
    return codecs.lookup(encoding).name


def _bom(data: bytes) -> tuple[str | None, int]:
    for mark, encoding in BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None, 0


def check_not_binary(data: bytes) -> None:
    """Raise :class:`ReadError` if ``data`` holds NUL bytes and no UTF-16/32 byte-order mark."""
    if _bom(data)[0] in (None, "utf-8") and b"\x00" in data:
        raise ReadError(BINARY_MESSAGE)


def _check_text(text: str, *, guessed: bool = False) -> None:
    """Raise :class:`ReadError` for decoded text that is binary: NUL characters,
    or (for a ``guessed`` encoding) more control characters than text has."""
    if "\x00" in text:
        raise ReadError("binary file (contains NUL characters); claimx reads text, HTML and JSON")
    if not guessed:
        return
    controls = len(_CONTROL.findall(text))
    if controls and controls > MAX_CONTROL_SHARE * len(text):
        raise ReadError(
            f"binary file ({controls} control characters in {len(text)}); claimx reads text, HTML and JSON"
        )


def _detect(data: bytes) -> str | None:
    """The legacy encoding of ``data`` (not UTF-8), by charset-normalizer; None when nothing fits.

    UTF-16/32 guesses are not taken without a byte-order mark: bytes that only
    decode as those are binary far more often than text.
    """
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data) if not codec_name(m.encoding).startswith(("utf-16", "utf-32"))]
    if not matches:
        return None
    best = matches[0]
    plausible = {codec_name(m.encoding) for m in matches} | {codec_name(e) for e in best.could_be_from_charset}
    if PREFERRED_LEGACY in plausible:
        try:
            data.decode(PREFERRED_LEGACY)
            return PREFERRED_LEGACY
        except UnicodeDecodeError:
            pass
    return codec_name(best.encoding)


def decode_text(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode a file's (or a line's) bytes, whatever their encoding.

    A byte-order mark (UTF-8, UTF-16, UTF-32) decides and is dropped; else
    UTF-8 when the bytes are valid UTF-8; else ``declared`` (an HTML page's
    charset) when it decodes them; else the encoding charset-normalizer
    detects. Bytes that are binary (NUL bytes without a UTF-16/32 mark,
    control characters) or fit no encoding raise :class:`ReadError`.

    data (bytes): the bytes.
    declared (str | None): an encoding the file declares for itself.
    RETURNS (tuple[str, str]): the text, exactly as encoded (line endings
        untouched), and the codec used (``utf-8``, ``cp1252``, ``utf-16-le`` …).
    """
    encoding, skip = _bom(data)
    if encoding is not None:
        try:
            text = data[skip:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise ReadError(
                f"not valid {encoding.upper()} although the file starts with its byte-order mark "
                f"(byte offset {exc.start + skip}); save the file as UTF-8"
            ) from None
        _check_text(text)
        return text, codec_name(encoding)
    check_not_binary(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        _check_text(text)
        return text, "utf-8"
    candidates = [declared] if declared else []
    for candidate in candidates:
        try:
            text = data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
        _check_text(text, guessed=True)
        return text, codec_name(candidate)
    detected = _detect(data)
    if detected is None:
        line = data.count(b"\n", 0, first_bad) + 1
        raise ReadError(
            f"not valid UTF-8 (byte 0x{data[first_bad]:02x} at line {line}, byte offset {first_bad}) "
            "and no other text encoding fits; save the file as UTF-8"
        )
    try:
        text = data.decode(detected)
    except UnicodeDecodeError:
        raise ReadError(f"not valid UTF-8 nor {detected}; save the file as UTF-8") from None
    _check_text(text, guessed=True)
    return text, detected


def decode_utf8(data: bytes) -> str:
    """RETURNS (str): ``data`` decoded as :func:`decode_text` does (kept for callers that need no encoding name)."""
    return decode_text(data)[0]


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
    encoding: str | None = None,
) -> Article:
    """Build an :class:`Article`, checking the body and the metadata.

    doc_id (str): the article's id.
    rel (str): its file, relative to the corpus root.
    body (str): the text every offset counts in; must not be blank.
    fields (Mapping): metadata: ``title``, ``published``, ``url``; every other
        key goes to ``meta``.
    digest (str): the content hash.
    encoding (str | None): the codec the text was decoded with.
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
        encoding=encoding,
    )

""":mod:`claimx.read.html`: read ``.html`` / ``.htm`` news pages.

The main text and the metadata (title, publication date, canonical URL,
author, site name…) are extracted with trafilatura, a library made for news
pages: navigation, footers, asides, comments and other page furniture are
left out. The body is the extracted main text, paragraphs separated by
``\\n``; a first line that only repeats the title (the page's headline) is
dropped, so that, as for a text article, the title is metadata and not body.
Nothing here touches the network and dates come from the markup only. The
page is decoded before trafilatura sees it: a byte-order mark, else UTF-8,
else the charset the page declares in its first 1024 bytes, else the
encoding charset-normalizer detects (:func:`~claimx.read.fields.decode_text`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import ReadError
from .fields import Located, content_hash, decode_text, make_article, path_doc_id

logger = logging.getLogger(__name__)

#: Document attributes of trafilatura kept in ``meta`` when not empty.
META_KEYS: tuple[str, ...] = (
    "author",
    "sitename",
    "hostname",
    "description",
    "categories",
    "tags",
    "language",
    "pagetype",
)

#: Page furniture removed before extraction, so that a page without an article
#: yields no text rather than its menu (trafilatura's fallbacks would keep it).
PRUNE_XPATH: list[str] = ["//nav", "//footer", "//aside"]

#: htmldate settings: markup only (no guessing from the text), any date up to 2099.
DATE_PARAMS: dict[str, Any] = {
    "original_date": True,
    "extensive_search": False,
    "max_date": "2099-12-31",
}


#: ``<meta charset=…>`` or ``<meta http-equiv=… content="…; charset=…">``.
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """RETURNS (str | None): the charset a page declares in its first 1024 bytes (HTML's prescan), if any."""
    found = _CHARSET.search(data[:1024])
    if not found:
        return None
    name = found.group(1).decode("ascii", errors="replace").lower()
    # as browsers do (WHATWG Encoding): a page labelled Latin-1 or ASCII is Windows-1252
    return "cp1252" if name in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii") else name


#: Loggers of the HTML libraries, silenced while they work: what they complain
#: about becomes claimx's one-line read error instead of lines on the terminal.
QUIET_LOGGERS: tuple[str, ...] = ("trafilatura", "htmldate", "courlan", "justext", "readability")


@contextmanager
def _quiet() -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def _extract(data: str) -> Any:
    try:
        import trafilatura
    except ImportError as exc:  # a broken install (e.g. lxml without lxml_html_clean)
        raise ReadError(
            f"cannot read HTML: trafilatura does not import ({exc}); "
            "reinstall claimx's dependencies (pip install trafilatura lxml_html_clean)"
        ) from None
    try:
        with _quiet():
            return trafilatura.bare_extraction(
                data,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                include_formatting=False,
                deduplicate=False,
                date_extraction_params=DATE_PARAMS,
                prune_xpath=PRUNE_XPATH,
            )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        logger.debug("trafilatura failed", exc_info=True)
        raise ReadError(f"HTML could not be parsed ({type(exc).__name__}: {exc}); fix the page") from None


def _drop_headline(text: str, title: str | None) -> str:
    if not title:
        return text
    first, sep, rest = text.partition("\n")
    if sep and first.strip() == title.strip():
        return rest
    return text


def read_html(data: bytes, rel: str) -> list[Located]:
    """Read one HTML news page.

    data (bytes): the file's bytes.
    rel (str): its path relative to the corpus root, posix separators.
    RETURNS (list[tuple[str, Article | ReadFailure]]): ``(rel, article)``: the
        page's one article, under its location.
    """
    if not data.strip():
        raise ReadError("empty file; add the page or remove the file")
    page, encoding = decode_text(data, declared=declared_charset(data))
    document = _extract(page)
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise ReadError("no article text found in HTML; check that the page holds the article itself")
    title = getattr(document, "title", None)
    fields: dict[str, Any] = {
        "title": title,
        "published": getattr(document, "date", None),
        "url": getattr(document, "url", None),
    }
    for key in META_KEYS:
        value = getattr(document, key, None)
        if value:
            fields[key] = value
    body = _drop_headline(text, title)
    article = make_article(
        doc_id=path_doc_id(rel), rel=rel, body=body, fields=fields, digest=content_hash(data), encoding=encoding
    )
    return [(rel, article)]

""":mod:`claimx.read.corpus`: walk a corpus folder and read every article in it.

Files are visited in sorted order of their path below the root (subfolders
walked, dot-files and dot-folders skipped, ``claimx-aliases.*`` left to the
alias loader) and handed to the reader of their suffix. Whatever goes wrong
with one file becomes a :class:`~claimx.schemas.ReadFailure` with a one-line
reason: :func:`read_corpus` never raises for a file. A doc_id met a second time
(``a.md`` and ``a.txt``) is a failure naming where it was first seen, filed
under its own location so that the doc_ids yielded stay unique.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import ReadError
from ..schemas import ReadFailure
from .fields import Located, Result, one_line, path_doc_id
from .html import read_html
from .jsonl import read_json, read_jsonl
from .text import read_text

logger = logging.getLogger(__name__)

Reader = Callable[[bytes, str], list[Located]]

#: The reader of each suffix (lower case).
READERS: dict[str, Reader] = {
    ".md": read_text,
    ".markdown": read_text,
    ".txt": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
}

#: Files with this stem are claimx's own (the alias file), not articles.
RESERVED_STEM = "claimx-aliases"


def is_article_file(path: Path) -> bool:
    """RETURNS (bool): whether ``path``'s name makes it a corpus article file."""
    name = path.name
    return (
        not name.startswith(".")
        and path.suffix.lower() in READERS
        and not name.lower().startswith(RESERVED_STEM + ".")
    )


def iter_corpus_files(root: Path) -> list[Path]:
    """List the article files below ``root``, in sorted order.

    root (Path): the corpus folder.
    RETURNS (list[Path]): the files (``root / relative path``), sorted by their
        relative path's parts.
    """
    root = Path(root)
    if not root.is_dir():
        raise ReadError(f"corpus folder {root} does not exist or is not a folder; pass a folder of articles")
    found: list[tuple[tuple[str, ...], Path]] = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        for name in filenames:
            path = Path(folder) / name
            if is_article_file(path) and path.is_file():
                found.append((path.relative_to(root).parts, path))
    return [path for _, path in sorted(found)]


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            raise ReadError(f"{path} is not inside the corpus folder {root}") from None


def _failure(rel: str, error: str) -> list[Located]:
    return [(rel, ReadFailure(doc_id=path_doc_id(rel), path=rel, error=one_line(error)))]


def _one_line_errors(results: list[Located]) -> list[Located]:
    return [
        (where, result.model_copy(update={"error": one_line(result.error)}))
        if isinstance(result, ReadFailure) and "\n" in result.error
        else (where, result)
        for where, result in results
    ]


def read_located(path: Path, root: Path) -> list[Located]:
    """Read one corpus file, keeping where each record sits.

    path (Path): the file (absolute, or relative to ``root``).
    root (Path): the corpus folder: doc_ids and paths are relative to it.
    RETURNS (list[tuple[str, Article | ReadFailure]]): each record under its
        location (``<path>``, or ``<path>#<N>`` for a line or list item).
    """
    path, root = Path(path), Path(root)
    if not path.is_absolute() and not path.is_relative_to(root):
        path = root / path
    rel = _relative(path, root)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(sorted(READERS))
        return _failure(rel, f"unsupported file type {path.suffix or '(none)'!r}; claimx reads {supported}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _failure(rel, f"cannot open the file: {exc.strerror or exc}")
    try:
        return _one_line_errors(reader(data, rel))
    except ReadError as exc:
        return _failure(rel, str(exc))
    except Exception as exc:  # a reader bug must not stop the run either
        logger.exception("unexpected error reading %s", rel)
        return _failure(rel, f"unexpected error: {type(exc).__name__}: {exc}")


def read_file(path: Path, root: Path) -> list[Result]:
    """Read one corpus file.

    path (Path): the file (absolute, or relative to ``root``).
    root (Path): the corpus folder: doc_ids and paths are relative to it.
    RETURNS (list[Article | ReadFailure]): the file's articles (several for
        ``.jsonl`` and JSON lists) and failures; a file that cannot be read
        gives one failure.
    """
    return [result for _, result in read_located(path, root)]


def _duplicate(where: str, result: Result, first: str, taken: dict[str, str]) -> ReadFailure:
    """The failure for a record whose doc_id is taken; its own doc_id is its location."""
    message = (
        f"duplicate doc_id {result.doc_id!r}: {first} already has it; "
        "rename one of the files or give the record another id"
    )
    if isinstance(result, ReadFailure):
        message += f" (this record could not be read either: {result.error})"
    doc_id, number = where, 1
    while doc_id in taken:
        number += 1
        doc_id = f"{where}~{number}"
    return ReadFailure(doc_id=doc_id, path=result.path, error=message)


def read_corpus(root: Path) -> Iterator[Result]:
    """Read every article of a corpus folder.

    root (Path): the corpus folder.
    YIELDS (Article | ReadFailure): each article, or why a file (or a line)
        could not be read, in file order. Every doc_id yielded is unique: a
        record whose doc_id was seen before becomes a failure, filed under its
        location (``b.txt``, ``feed.jsonl#3``) and naming the first holder.
    """
    root = Path(root)
    taken: dict[str, str] = {}
    for path in iter_corpus_files(root):
        for where, result in read_located(path, root):
            if result.doc_id in taken:
                first = taken[result.doc_id]
                result = _duplicate(where, result, first, taken)
                logger.debug("%s: %s", result.path, result.error)
            taken[result.doc_id] = where
            yield result

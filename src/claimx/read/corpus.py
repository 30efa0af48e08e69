""":mod:`claimx.read.corpus`: walk a corpus folder and read every article in it.

Files are visited in sorted order of their path below the root (subfolders
walked, dot-files and dot-folders skipped, ``claimx-aliases.*`` left to the
alias loader) and handed to the reader of their suffix. Whatever goes wrong
with one file becomes a :class:`~claimx.schemas.ReadFailure` with a one-line
reason: :func:`read_corpus` never raises for a file. A doc_id met a second time
(``a.md`` and ``a.txt``) is a failure naming where it was first seen, filed
under its own location so that the doc_ids yielded stay unique.

The corpus folder is a boundary. A symbolic link whose target resolves
outside it (``link.txt -> /etc/passwd``) is not read, and a linked folder is
not walked, unless ``follow_symlinks`` is set; either way a one-line failure
says so. FIFOs, devices and sockets are never opened for reading. Files are
opened with ``O_NOFOLLOW`` and ``O_NONBLOCK`` and checked on the open
descriptor, so a file swapped for a link or a FIFO after the walk is refused
too.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
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
    return is_article_name(path.name)


def is_article_name(name: str) -> bool:
    """RETURNS (bool): whether a file so named is a corpus article file (its suffix read as ``PurePath.suffix`` does)."""
    dot = name.rfind(".")
    suffix = name[dot:] if 0 < dot < len(name) - 1 else ""
    return not name.startswith(".") and suffix.lower() in READERS and not name.lower().startswith(RESERVED_STEM + ".")


@dataclass(frozen=True)
class CorpusEntry:
    """One article file of a corpus walk.

    path (Path): ``root / rel``.
    rel (str): the path relative to the corpus root, posix separators.
    refused (str | None): why it is not read (a link out of the corpus, a
        FIFO …), or None for a file to read.
    """

    path: Path
    rel: str
    refused: str | None = None
    #: the walk's ``lstat`` of a regular file (not a link), which a caller may use instead of stating it again
    lstat: os.stat_result | None = field(default=None, compare=False, repr=False)


#: What ``stat`` says a non-regular file is, for messages.
SPECIAL_KINDS: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def _special_kind(mode: int) -> str | None:
    for test, kind in SPECIAL_KINDS:
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


def _inside(target: Path, real_root: Path) -> bool:
    return target == real_root or target.is_relative_to(real_root)


def _link_problem(path: Path, real_root: Path, follow_symlinks: bool, *, folder: bool = False) -> str | None:
    """Why the symbolic link ``path`` is not followed, or None when it may be."""
    target = Path(os.path.realpath(path))
    what = "folder" if folder else "file"
    if not _inside(target, real_root):
        if follow_symlinks:
            return None
        return (
            f"symbolic link to a {what} outside the corpus folder ({target}); not read. "
            "Copy the file into the corpus, or pass --follow-symlinks to read linked files"
        )
    return None


#: one article-named entry of a walk: ``(parts below the root, path text, why refused or None, lstat of a regular file)``
WalkRow = tuple[tuple[str, ...], str, "str | None", "os.stat_result | None"]


def iter_walk_corpus(root: Path, *, follow_symlinks: bool = False) -> Iterator[WalkRow]:
    """The article files below ``root`` as plain rows, in sorted order: what
    :func:`corpus_entries` lists, without a ``Path`` or an object per file
    (a run's no-change check walks 100,000 files with it).

    Each folder is listed once (``os.scandir``, whose entries carry their path and
    ``lstat``), its subfolders are vetted in name order as a whole (a linked folder
    already walked, or inside one kept before it, is not walked twice), and then its
    files and kept subfolders are visited in name order: depth first, that is the
    order of the relative paths' parts.

    root (Path): the corpus folder.
    follow_symlinks (bool): as for :func:`corpus_entries`.
    YIELDS (WalkRow): ``(parts, path text, refused, lstat)`` sorted by parts, as each folder is
        listed (only one folder's rows are held at a time).
    """
    root = Path(root)
    if not root.is_dir():
        raise ReadError(f"corpus folder {root} does not exist or is not a folder; pass a folder of articles")
    real_root = Path(os.path.realpath(root))
    seen_folders = {real_root}
    is_regular = stat.S_ISREG

    def visit(folder: str, base: tuple[str, ...]) -> Iterator[WalkRow]:
        # what os.walk does: a folder that cannot be listed is skipped whole; an entry whose
        # kind cannot be told is a file
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=_entry_name)
        except OSError:
            return
        folders = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                folders.append(entry)
        walk: set[str] = set()  # the subfolders to walk into, vetted before any is walked
        refused: dict[str, str] = {}
        for entry in folders:
            name = entry.name
            if name.startswith("."):
                continue
            if entry.is_symlink():
                sub = Path(entry.path)
                problem = _link_problem(sub, real_root, follow_symlinks, folder=True)
                if problem is not None:
                    refused[name] = problem
                    continue
                real = Path(os.path.realpath(sub))
                if not follow_symlinks or any(_inside(real, walked) for walked in seen_folders):
                    continue  # a folder of the corpus (walked as itself), or a loop
                seen_folders.add(real)
            walk.add(name)
        folder_names = {entry.name for entry in folders}
        for entry in entries:
            name = entry.name
            if name in folder_names:
                if name in walk:
                    yield from visit(entry.path, (*base, name))
                elif name in refused:
                    yield ((*base, name), entry.path, refused[name], None)
                continue
            if not is_article_name(name):
                continue
            parts = (*base, name)
            text = entry.path
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError as exc:
                yield (parts, text, f"cannot read the file: {exc.strerror or exc}", None)
                continue
            mode = st.st_mode
            if is_regular(mode):
                yield (parts, text, None, st)
                continue
            lstat: os.stat_result | None = st
            if stat.S_ISLNK(mode):
                path = Path(text)
                problem = _link_problem(path, real_root, follow_symlinks)
                if problem is not None:
                    yield (parts, text, problem, None)
                    continue
                try:
                    mode = os.stat(path).st_mode
                except OSError as exc:
                    yield (parts, text, f"symbolic link that leads nowhere ({exc.strerror or exc}); fix or remove it", None)
                    continue
                lstat = None
            kind = _special_kind(mode)
            yield (parts, text, None if kind is None else f"{kind}, not a regular file; skipped without opening it", lstat)

    yield from visit(os.fspath(root), ())


def walk_corpus(root: Path, *, follow_symlinks: bool = False) -> list[WalkRow]:
    """The article files below ``root`` as plain rows, in sorted order (:func:`iter_walk_corpus` as a list).

    RETURNS (list[WalkRow]): ``(parts, path text, refused, lstat)`` sorted by parts.
    """
    return list(iter_walk_corpus(root, follow_symlinks=follow_symlinks))


def _entry_name(entry: os.DirEntry[str]) -> str:
    return entry.name


def corpus_entries(root: Path, *, follow_symlinks: bool = False) -> list[CorpusEntry]:
    """List the article files below ``root``, in sorted order, with those that are refused.

    root (Path): the corpus folder.
    follow_symlinks (bool): read linked files and walk linked folders even
        when they resolve outside ``root``.
    RETURNS (list[CorpusEntry]): every article-named entry, sorted by its
        relative path's parts; ``refused`` says why one is not read.
    """
    return [
        CorpusEntry(Path(text), "/".join(parts), refused, lstat)
        for parts, text, refused, lstat in walk_corpus(root, follow_symlinks=follow_symlinks)
    ]


def iter_corpus_files(root: Path, *, follow_symlinks: bool = False) -> list[Path]:
    """List the article files below ``root`` that claimx reads, in sorted order.

    root (Path): the corpus folder.
    follow_symlinks (bool): as for :func:`corpus_entries`.
    RETURNS (list[Path]): the files (``root / relative path``), sorted by their
        relative path's parts; refused entries (see :func:`corpus_entries`) left out.
    """
    return [entry.path for entry in corpus_entries(root, follow_symlinks=follow_symlinks) if entry.refused is None]


def read_bytes_safely(path: Path, *, follow_symlinks: bool = False) -> bytes:
    """Read a regular file, never a FIFO, device or socket, nor (unless allowed) through a link.

    path (Path): the file.
    follow_symlinks (bool): whether the last component may be a symbolic link.
    RETURNS (bytes): its contents.
    RAISES (ReadError): one line saying why it was not read.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP or (not follow_symlinks and os.path.islink(path)):
            raise ReadError("symbolic link; not read (pass --follow-symlinks to read linked files)") from None
        raise ReadError(f"cannot open the file: {exc.strerror or exc}") from None
    try:
        kind = _special_kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise ReadError(f"{kind}, not a regular file; skipped")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as exc:
        raise ReadError(f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            raise ReadError(f"{path} is not inside the corpus folder {root}") from None


def refusal(rel: str, error: str) -> list[Located]:
    """RETURNS (list[Located]): the one-line failure of a corpus entry that is not read
    (``CorpusEntry.refused``: a link out of the corpus, a FIFO), filed under its path."""
    return [(rel, ReadFailure(doc_id=path_doc_id(rel), path=rel, error=one_line(error)))]



def _one_line_errors(results: list[Located]) -> list[Located]:
    return [
        (where, result.model_copy(update={"error": one_line(result.error)}))
        if isinstance(result, ReadFailure) and "\n" in result.error
        else (where, result)
        for where, result in results
    ]


def _boundary_problem(path: Path, root: Path, follow_symlinks: bool) -> str | None:
    """Why ``path`` may not be read as part of the corpus ``root``, or None."""
    real_root = Path(os.path.realpath(root))
    if not follow_symlinks and not _inside(Path(os.path.realpath(path)), real_root):
        return (
            f"resolves outside the corpus folder ({os.path.realpath(path)}); not read. "
            "Copy the file into the corpus, or pass --follow-symlinks to read linked files"
        )
    return None


def parse_bytes(data: bytes, rel: str) -> list[Located]:
    """Read one file's bytes with the reader of its suffix; never raises.

    data (bytes): the file's contents.
    rel (str): its path relative to the corpus root (the suffix picks the reader).
    RETURNS (list[tuple[str, Article | ReadFailure]]): as :func:`read_located`.
    """
    suffix = Path(rel).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        supported = ", ".join(sorted(READERS))
        return refusal(rel, f"unsupported file type {suffix or '(none)'!r}; claimx reads {supported}")
    try:
        return _one_line_errors(reader(data, rel))
    except ReadError as exc:
        return refusal(rel, str(exc))
    except Exception as exc:  # a reader bug must not stop the run either
        logger.error("unexpected error reading %s", rel, exc_info=True)
        return refusal(rel, f"unexpected error: {type(exc).__name__}: {exc}")


def read_located(path: Path, root: Path, *, follow_symlinks: bool = False) -> list[Located]:
    """Read one corpus file, keeping where each record sits.

    path (Path): the file (absolute, or relative to ``root``).
    root (Path): the corpus folder: doc_ids and paths are relative to it.
    follow_symlinks (bool): read the file even when it is a link resolving
        outside ``root``.
    RETURNS (list[tuple[str, Article | ReadFailure]]): each record under its
        location (``<path>``, or ``<path>#<N>`` for a line or list item).
    """
    path, root = Path(path), Path(root)
    if not path.is_absolute() and not path.is_relative_to(root):
        path = root / path
    rel = _relative(path, root)
    if Path(rel).suffix.lower() not in READERS:
        return parse_bytes(b"", rel)
    problem = _boundary_problem(path, root, follow_symlinks)
    if problem is not None:
        return refusal(rel, problem)
    try:
        data = read_bytes_safely(path, follow_symlinks=follow_symlinks or os.path.islink(path))
    except ReadError as exc:
        return refusal(rel, str(exc))
    return parse_bytes(data, rel)


def read_file(path: Path, root: Path, *, follow_symlinks: bool = False) -> list[Result]:
    """Read one corpus file.

    path (Path): the file (absolute, or relative to ``root``).
    root (Path): the corpus folder: doc_ids and paths are relative to it.
    follow_symlinks (bool): read it even when it is a link out of ``root``.
    RETURNS (list[Article | ReadFailure]): the file's articles (several for
        ``.jsonl`` and JSON lists) and failures; a file that cannot be read
        gives one failure.
    """
    return [result for _, result in read_located(path, root, follow_symlinks=follow_symlinks)]


def duplicate_failure(where: str, result: Result, first: str, taken: dict[str, str]) -> ReadFailure:
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


def read_corpus(root: Path, *, follow_symlinks: bool = False) -> Iterator[Result]:
    """Read every article of a corpus folder.

    root (Path): the corpus folder.
    follow_symlinks (bool): read linked files and walk linked folders that
        resolve outside ``root`` (else each is a one-line failure).
    YIELDS (Article | ReadFailure): each article, or why a file (or a line)
        could not be read, in file order. Every doc_id yielded is unique: a
        record whose doc_id was seen before becomes a failure, filed under its
        location (``b.txt``, ``feed.jsonl#3``) and naming the first holder.
    """
    root = Path(root)
    taken: dict[str, str] = {}
    for entry in corpus_entries(root, follow_symlinks=follow_symlinks):
        if entry.refused is not None:
            located = refusal(entry.rel, entry.refused)
        else:
            located = read_located(entry.path, root, follow_symlinks=follow_symlinks)
        for where, result in located:
            if result.doc_id in taken:
                first = taken[result.doc_id]
                result = duplicate_failure(where, result, first, taken)
                logger.debug("%s: %s", result.path, result.error)
            taken[result.doc_id] = where
            yield result

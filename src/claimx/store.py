""":mod:`claimx.store`: the store of record in ``outputs/`` (SQLite, WAL mode).

The store holds every document claimx has read, the claims extracted from it,
each run, the status roll-up as of the last finished run with the changes that
run made, and reviewers' decisions. Records are kept as their JSON text, so
the JSONL views are cut from the store without re-extracting anything.

The schema is versioned (``meta.schema_version``) and brought up to date by
:data:`MIGRATIONS` when a store is opened; a store written by a newer claimx
is refused rather than touched. A run holds an exclusive lock on
``outputs/.claimx.lock`` (an OS file lock, released even when the process is
killed); a second run waits a little for it and then gives up with a message.

A damaged store (truncated, overwritten, not a database) is refused with a
message naming the remedy: ``claimx run CORPUS -o OUTPUTS --rebuild`` moves
it aside and builds a new one from the corpus, keeping the reviewer decisions
(read from the damaged store where it still can be, and from
``decisions.jsonl``, the export of them beside it).
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ClaimxError

logger = logging.getLogger(__name__)

#: The store's file name inside ``outputs/``.
STORE_FILE = "claimx.db"
#: The lock file a run holds.
LOCK_FILE = ".claimx.lock"
#: Seconds a run waits for another run's lock by default.
DEFAULT_LOCK_TIMEOUT = 5.0
#: Environment variable overriding :data:`DEFAULT_LOCK_TIMEOUT`.
LOCK_TIMEOUT_ENV = "CLAIMX_LOCK_TIMEOUT"


class StoreError(ClaimxError):
    """The store cannot be used: locked by another run, newer schema, or damaged."""


class DamagedStoreError(StoreError):
    """The store's file is not a readable SQLite database, or not all of it."""


#: SQLite's result codes for a damaged database file.
DAMAGED_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
#: The first bytes of every SQLite database file.
SQLITE_MAGIC = b"SQLite format 3\x00"


def damaged_message(outputs: Path, problem: str) -> str:
    """RETURNS (str): what to tell a user whose store is damaged, and how to rebuild it."""
    return (
        f"The claimx store {outputs / STORE_FILE} is damaged ({problem}). Rebuild it from the corpus with "
        f"'claimx run CORPUS -o {outputs} --rebuild': the damaged file is kept beside it and the reviewer "
        f"decisions are carried over (from the store where it can still be read, and from {outputs}/decisions.jsonl)."
    )


def describe_failure(exc: BaseException, outputs: Path) -> str:
    """One line telling a user what went wrong with an outputs folder, and what to do.

    exc (BaseException): what a command raised (an OSError, a sqlite3 error …).
    outputs (Path): the outputs folder the command worked on.
    RETURNS (str): the message.
    """
    name = getattr(exc, "sqlite_errorname", "") or ""
    number = getattr(exc, "errno", None)
    kept = "The store and the views are as the last finished command left them."
    if name == "SQLITE_FULL" or number in (errno.ENOSPC, errno.EDQUOT):
        return f"The disk holding {outputs} is full ({exc}). Free some space and run again. {kept}"
    if name in ("SQLITE_READONLY", "SQLITE_CANTOPEN") or number in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (
            f"{outputs} cannot be written ({exc}): it is read-only or not yours. "
            f"Make it writable, or write elsewhere with -o. {kept}"
        )
    if name in DAMAGED_CODES:
        return damaged_message(outputs, str(exc))
    if isinstance(exc, (OSError, sqlite3.Error)):
        return f"Cannot use {outputs}: {exc}. {kept}"
    return f"claimx failed: {type(exc).__name__}: {' '.join(str(exc).split())}"


def check_store_file(path: Path) -> str | None:
    """Cheap checks of a store file before SQLite reads it.

    path (Path): ``outputs/claimx.db``.
    RETURNS (str | None): what is wrong (not a database, shorter than its
        header says), or None.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return None  # SQLite will say
    if size == 0:
        return None  # a new store
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        return "not an SQLite database"
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None  # the header may lag behind the write-ahead log
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = pages > 0 and header[24:28] == header[92:96]
    if valid and size < page_size * pages:
        return f"the file is {size:,} bytes, its header says {page_size * pages:,}: it was truncated"
    return None


_V1 = """
CREATE TABLE documents (
    doc_id        TEXT PRIMARY KEY,
    path          TEXT NOT NULL,
    content_hash  TEXT,
    fingerprint   TEXT,
    state         TEXT NOT NULL CHECK (state IN ('active', 'failed', 'removed')),
    record        TEXT NOT NULL,
    added_seq     INTEGER NOT NULL,
    added_on      TEXT NOT NULL,
    extracted_run INTEGER,
    removed_run   INTEGER,
    done_hash     TEXT,
    done_state    TEXT
);
CREATE TABLE claims (
    doc_id   TEXT NOT NULL,
    seq      INTEGER NOT NULL,
    claim_id TEXT NOT NULL,
    record   TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX claims_claim_id ON claims (claim_id);
CREATE TABLE runs (
    run_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    corpus      TEXT,
    fingerprint TEXT,
    state       TEXT NOT NULL CHECK (state IN ('running', 'done')),
    summary     TEXT
);
CREATE TABLE decisions (
    decision_id INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id    TEXT NOT NULL,
    record      TEXT NOT NULL
);
CREATE INDEX decisions_claim_id ON decisions (claim_id);
CREATE TABLE rollup (
    group_id TEXT PRIMARY KEY,
    record   TEXT NOT NULL
);
CREATE TABLE changes (
    run_id INTEGER NOT NULL,
    seq    INTEGER NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);
"""


def _execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (``executescript`` would commit the open transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


#: What each corpus file held when it was last read, under its stat (size,
#: mtime, ctime, inode), like git's index: a file whose stat is unchanged is
#: not read again. ``results`` is a JSON list of ``[where, doc_id, path,
#: content_hash, error]``, one per record of the file, before duplicate checks.
_V2 = """
CREATE TABLE files (
    path     TEXT PRIMARY KEY,
    stat     TEXT NOT NULL,
    results  TEXT NOT NULL
);
"""


#: The roll-up kept for updating in place: each group's subject and its place
#: in ``status.jsonl`` (:func:`rollup_sort_key`), and, per article, the
#: subjects its claims went to at the last roll-up with what the article was
#: then (``stamp``), so that a run recomputes only the subjects its articles
#: touch (:mod:`claimx.increment`).
_V3 = """
ALTER TABLE rollup ADD COLUMN subject TEXT;
ALTER TABLE rollup ADD COLUMN sort_key TEXT;
CREATE INDEX rollup_subject ON rollup (subject);
CREATE INDEX rollup_sort_key ON rollup (sort_key);
CREATE TABLE rollup_docs (
    doc_id   TEXT PRIMARY KEY,
    stamp    TEXT NOT NULL
);
CREATE TABLE rollup_subjects (
    subject  TEXT NOT NULL,
    doc_id   TEXT NOT NULL,
    PRIMARY KEY (subject, doc_id)
);
CREATE INDEX rollup_subjects_doc ON rollup_subjects (doc_id);
"""


#: Per article, the subject names of its claims at the last roll-up (how many claims, the first
#: one's place and whether it names the subject in its text, how many do not and the first of
#: those), its claims' statuses, the entities' names an abbreviation may stand for and its
#: title's words; per name, its features (:func:`claimx.subjects.name_features`), canonical name
#: and the longest word of each way a title names it (:func:`claimx.status.name_ways`); per article,
#: the subjects of its acts done together and the parties they name (:func:`claimx.status.mutual_parties`);
#: per article, the words of its claims that name a post (:func:`claimx.status.post_words`) and the
#: surnames of the people its claims file a cast or crew fact of under a subject (:func:`claimx.status.people_words`).
_ROLLUP_NAMES = """
CREATE TABLE IF NOT EXISTS rollup_names (
    doc_id     TEXT NOT NULL,
    name       TEXT NOT NULL,
    claims     INTEGER NOT NULL,
    first_seq  INTEGER NOT NULL,
    texted     INTEGER NOT NULL,
    bare       INTEGER NOT NULL,
    bare_seq   INTEGER,
    PRIMARY KEY (doc_id, name)
);
CREATE INDEX IF NOT EXISTS rollup_names_name ON rollup_names (name);
CREATE TABLE IF NOT EXISTS rollup_statuses (
    doc_id     TEXT NOT NULL,
    status     TEXT NOT NULL,
    claims     INTEGER NOT NULL,
    first_seq  INTEGER NOT NULL,
    PRIMARY KEY (doc_id, status)
);
CREATE TABLE IF NOT EXISTS rollup_known (
    doc_id     TEXT NOT NULL,
    spelt      TEXT NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (doc_id, text)
);
CREATE INDEX IF NOT EXISTS rollup_known_spelt ON rollup_known (spelt);
CREATE TABLE IF NOT EXISTS name_features (
    name       TEXT NOT NULL,
    role       TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (name, role, value)
);
CREATE INDEX IF NOT EXISTS name_features_value ON name_features (value, role);
CREATE TABLE IF NOT EXISTS rollup_canon (
    name       TEXT PRIMARY KEY,
    canonical  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS rollup_canon_canonical ON rollup_canon (canonical);
CREATE TABLE IF NOT EXISTS rollup_titles (
    doc_id     TEXT PRIMARY KEY,
    words      TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS title_words (
    word       TEXT NOT NULL,
    doc_id     TEXT NOT NULL,
    PRIMARY KEY (word, doc_id)
);
CREATE TABLE IF NOT EXISTS name_ways (
    anchor     TEXT NOT NULL,
    name       TEXT NOT NULL,
    PRIMARY KEY (anchor, name)
);
CREATE TABLE IF NOT EXISTS rollup_acts (
    doc_id     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    party      TEXT NOT NULL,
    PRIMARY KEY (doc_id, subject, party)
);
CREATE TABLE IF NOT EXISTS rollup_posts (
    word       TEXT NOT NULL,
    doc_id     TEXT NOT NULL,
    PRIMARY KEY (word, doc_id)
);
CREATE INDEX IF NOT EXISTS rollup_posts_doc ON rollup_posts (doc_id);
CREATE TABLE IF NOT EXISTS rollup_people (
    word       TEXT NOT NULL,
    subject    TEXT NOT NULL,
    doc_id     TEXT NOT NULL,
    PRIMARY KEY (word, subject, doc_id)
);
CREATE INDEX IF NOT EXISTS rollup_people_doc ON rollup_people (doc_id)
"""


#: a document's stamp (:meth:`Store.doc_stamps`), of the documents table as ``d``
_STAMP = (
    "d.state || '|' || COALESCE(d.extracted_run, '') || '|' || COALESCE(d.content_hash, '') || '|' || COALESCE(d.fingerprint, '')"
)


#: Meta key: what the stored roll-up was computed with (see :mod:`claimx.increment`).
ROLLUP_CONTEXT = "rollup_context"
#: Meta key: the stored roll-up's generation, counted up by every change to it (the views
#: record the generation they show, :mod:`claimx.views`).
ROLLUP_GEN = "rollup_gen"


def rollup_sort_key(subject: str, topic: str, key: str) -> str:
    """RETURNS (str): a text whose order (SQLite's, by code point) is the roll-up's order:
    subject case-folded, topic, key case-folded."""
    return f"{subject.casefold()}\0{topic}\0{key.casefold()}"


def _migrate_1(conn: sqlite3.Connection) -> None:
    _execute_script(conn, _V1)


def _migrate_2(conn: sqlite3.Connection) -> None:
    _execute_script(conn, _V2)


def _migrate_3(conn: sqlite3.Connection) -> None:
    _execute_script(conn, _V3)
    rows = conn.execute("SELECT group_id, record FROM rollup").fetchall()
    for gid, record in rows:
        data = json.loads(record)
        conn.execute(
            "UPDATE rollup SET subject = ?, sort_key = ? WHERE group_id = ?",
            (data["subject"], rollup_sort_key(data["subject"], data["topic"], data["key"]), gid),
        )


#: ``MIGRATIONS[n]`` brings a store from schema version ``n`` to ``n + 1``.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_1, _migrate_2, _migrate_3)
#: The schema version this claimx writes.
SCHEMA_VERSION = len(MIGRATIONS)


#: Beside the store: the store file's stat (size, mtime, inode) when claimx last closed it whole,
#: after checking it or writing it; a file still so is not checked page by page again.
CHECKED_FILE = ".claimx.checked"


def _store_stamp(outputs: Path) -> str | None:
    path = outputs / STORE_FILE
    wal = outputs / (STORE_FILE + "-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return None  # not checkpointed: SQLite will replay it
        st = path.stat()
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def _unchanged_since_checked(outputs: Path) -> bool:
    stamp = _store_stamp(outputs)
    try:
        return stamp is not None and (outputs / CHECKED_FILE).read_text(encoding="ascii") == stamp
    except (OSError, ValueError):
        return False


def _write_checked(outputs: Path) -> None:
    stamp = _store_stamp(outputs)
    try:
        if stamp is None:
            (outputs / CHECKED_FILE).unlink(missing_ok=True)
        else:
            (outputs / CHECKED_FILE).write_text(stamp, encoding="ascii")
    except OSError:
        pass  # the next run checks the store page by page


#: the documents :meth:`Store.settled_hashes` gives (parameters: the fingerprint, the first forced run);
#: never NULL (``state`` is not), so that ``NOT`` of it gives the others
_SETTLED = (
    "state = 'active' AND done_state IS 'active' AND content_hash IS NOT NULL AND done_hash IS content_hash "
    "AND fingerprint IS ? AND extracted_run IS NOT NULL AND extracted_run >= ?"
)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class DocState:
    """What the store knows of one document."""

    doc_id: str
    content_hash: str | None
    fingerprint: str | None
    state: str
    extracted_run: int | None
    done_hash: str | None
    done_state: str | None
    added_seq: int
    added_on: str


class FileLock:
    """An exclusive OS lock on a file, waited for up to ``timeout`` seconds.

    path (Path): the lock file (created if missing).
    timeout (float): seconds to wait for another holder to let go.
    """

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    os.close(fd)
                    raise
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreError(
                        f"Another claimx run is using {self.path.parent} (waited {self.timeout:g} s). "
                        "Wait for it to finish and run again, or write to another outputs folder with -o."
                    ) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def default_lock_timeout() -> float:
    """RETURNS (float): seconds to wait for another run: ``$CLAIMX_LOCK_TIMEOUT`` or the default."""
    value = os.environ.get(LOCK_TIMEOUT_ENV)
    try:
        return float(value) if value else DEFAULT_LOCK_TIMEOUT
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


class Store:
    """The store of one outputs folder. Open it with :meth:`open`.

    outputs (Path): the outputs folder.
    conn (sqlite3.Connection): the open database.
    """

    def __init__(self, outputs: Path, conn: sqlite3.Connection, lock: FileLock | None) -> None:
        self.outputs = outputs
        self.conn = conn
        self._lock = lock
        #: what a ``rebuild`` moved aside and carried over, else None
        self.rebuilt: Rebuilt | None = None

    # -- opening -----------------------------------------------------------

    @classmethod
    @contextmanager
    def open(
        cls,
        outputs: Path,
        *,
        write: bool = True,
        lock_timeout: float | None = None,
        create: bool = True,
        rebuild: bool = False,
    ) -> Iterator[Store]:
        """Open (and if needed create or migrate) the store of ``outputs``.

        outputs (Path): the outputs folder.
        write (bool): take the run lock (for runs and decisions); readers do not.
        lock_timeout (float | None): seconds to wait for the lock; None for the default.
        create (bool): create a store when there is none (else raise StoreError).
        rebuild (bool): move the store aside (to ``claimx.db.damaged-<time>``)
            and start a new one holding the old one's reviewer decisions
            (see :func:`salvage_decisions`); ``store.rebuilt`` says what was kept.
            A store created where ``decisions.jsonl`` already lies (the old
            store was deleted by hand) takes the decisions it lists too.
        YIELDS (Store): the open store; closed (and the lock released) on exit.
        """
        outputs = Path(outputs)
        path = outputs / STORE_FILE
        if not path.exists() and not create:
            raise StoreError(
                f"No claimx store in {outputs} ({STORE_FILE} is missing): run 'claimx run CORPUS -o {outputs}' first."
            )
        lock = None
        if write:
            outputs.mkdir(parents=True, exist_ok=True)
            wait = lock_timeout if lock_timeout is not None else default_lock_timeout()
            lock = FileLock(outputs / LOCK_FILE, wait)
            lock.acquire()
        try:
            rebuilt = _move_aside(outputs) if rebuild and write else None
            if rebuilt is None and write and create and not path.exists():
                rebuilt = _adopt_export(outputs)  # a store deleted by hand: its decisions are in the export
            if write and not path.exists():
                _set_aside_orphans(outputs)
            if write:
                from .outputs import remove_stale_temporaries

                remove_stale_temporaries(outputs)  # left by a command killed while it rewrote a view
            problem = check_store_file(path)
            if problem is not None:
                raise DamagedStoreError(damaged_message(outputs, problem))
            try:
                conn = sqlite3.connect(path, timeout=30, isolation_level=None)
            except sqlite3.Error as exc:
                raise StoreError(f"Cannot open the claimx store {path}: {exc}.") from exc
            whole = False
            try:
                store = cls(outputs, conn, lock)
                store._prepare(write)
                if rebuilt is not None and (rebuilt.moved_to is not None or rebuilt.decisions):
                    store.rebuilt = rebuilt
                    store.import_decisions(rebuilt.decisions)
                yield store
                whole = True
            finally:
                conn.close()
                if whole and write:
                    _write_checked(outputs)
        finally:
            if lock is not None:
                lock.release()

    def _prepare(self, write: bool) -> None:
        conn = self.conn
        try:
            version = self.schema_version()
        except sqlite3.DatabaseError as exc:
            raise DamagedStoreError(damaged_message(self.outputs, str(exc))) from exc
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.outputs / STORE_FILE} was written by a newer claimx (store schema {version}; this "
                f"claimx reads up to {SCHEMA_VERSION}). Upgrade claimx, or use another outputs folder with -o. "
                "The store was not changed."
            )
        if write and version > 0 and not _unchanged_since_checked(self.outputs):
            # every page read once (a few ms per MB): damage anywhere is found now, with its remedy,
            # not half-way through a run or never (a run with nothing to do reads little of the file);
            # a file whose stat is what claimx left when it last closed it whole is not read again
            try:
                verdict = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                if getattr(exc, "sqlite_errorname", "") not in DAMAGED_CODES:
                    raise
                verdict = str(exc)
            if verdict != "ok":
                raise DamagedStoreError(damaged_message(self.outputs, f"quick_check: {verdict}"))
        if write:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        if version < SCHEMA_VERSION:
            if not write:
                raise StoreError(
                    f"{self.outputs / STORE_FILE} uses an older store schema ({version}); run 'claimx run' to upgrade it."
                )
            with self.transaction():
                for number in range(version, SCHEMA_VERSION):
                    logger.info("migrating the store from schema %d to %d", number, number + 1)
                    MIGRATIONS[number](conn)
                self.set_meta("schema_version", str(SCHEMA_VERSION))
        if write:
            # the next document's number is MAX(added_seq): through this index a look-up, not a scan of
            # every document per new one (quadratic on a full run); an index changes no result, and a
            # store that has it is still read by a claimx that does not know it (no new schema version)
            conn.execute("CREATE INDEX IF NOT EXISTS documents_added_seq ON documents (added_seq)")
            # the documents written since the views were (their lines are spliced into the views, not
            # every line rewritten); like the index, a table a claimx that does not know it leaves alone
            conn.execute("CREATE TABLE IF NOT EXISTS view_dirty (doc_id TEXT PRIMARY KEY)")
            # what the incremental roll-up keeps of each article's claims, and each subject name's
            # features and canonical name (:mod:`claimx.increment`); tables, like view_dirty, that a
            # claimx which does not know them leaves alone (a roll-up it writes is redone whole once)
            _execute_script(conn, _ROLLUP_NAMES)

    def schema_version(self) -> int:
        """RETURNS (int): the store's schema version (0 for an empty store)."""
        row = self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='meta'"
        ).fetchone()
        if row is None:
            return 0
        value = self.get_meta("schema_version")
        return int(value) if value else 0

    # -- transactions and meta --------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed on exit, rolled back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- runs ----------------------------------------------------------------

    def start_run(self, corpus: str, fingerprint: str) -> int:
        """RETURNS (int): the id of a new run, recorded as running."""
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO runs (started_at, corpus, fingerprint, state) VALUES (?, ?, ?, 'running')",
                (_now(), corpus, fingerprint),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        """Mark a run done with its summary (call inside the final transaction)."""
        self.conn.execute(
            "UPDATE runs SET state = 'done', finished_at = ?, summary = ? WHERE run_id = ?",
            (_now(), json.dumps(summary, sort_keys=True), run_id),
        )

    def last_done_run(self) -> tuple[int, dict[str, Any]] | None:
        """RETURNS (tuple | None): the last finished run's id and summary."""
        row = self.conn.execute(
            "SELECT run_id, summary FROM runs WHERE state = 'done' ORDER BY run_id DESC LIMIT 1"
        ).fetchone()
        return (int(row[0]), json.loads(row[1] or "{}")) if row else None

    # -- documents and claims ----------------------------------------------

    def doc_states(self, unsettled: tuple[str, int] | None = None) -> dict[str, DocState]:
        """RETURNS (dict[str, DocState]): every document the store knows, by doc_id.

        unsettled (tuple[str, int] | None): ``(fingerprint, force_from)``: only the documents
            :meth:`settled_hashes` does not give.
        """
        where, params = (f" WHERE NOT ({_SETTLED})", unsettled) if unsettled is not None else ("", ())
        rows = self.conn.execute(
            "SELECT doc_id, content_hash, fingerprint, state, extracted_run, done_hash, done_state, "
            f"added_seq, added_on FROM documents{where}",
            params,
        )
        return {row[0]: DocState(*row) for row in rows}

    def settled_hashes(self, fingerprint: str, force_from: int) -> dict[str, str]:
        """RETURNS (dict[str, str]): doc_id -> content hash of the documents a run need not look at
        again when their content is unchanged: active at the last finished run as now, with the
        same content, extracted by the pipeline ``fingerprint`` (at or after run ``force_from``)."""
        return dict(self.conn.execute(f"SELECT doc_id, content_hash FROM documents WHERE {_SETTLED}", (fingerprint, force_from)))

    def _next_seq(self) -> int:
        row = self.conn.execute("SELECT COALESCE(MAX(added_seq), 0) FROM documents").fetchone()
        return int(row[0]) + 1

    def put_document(
        self,
        doc_id: str,
        path: str,
        record_json: str,
        *,
        state: str,
        content_hash: str | None = None,
        fingerprint: str | None = None,
        run_id: int | None = None,
        claims: Iterable[tuple[str, str]] | None = None,
    ) -> None:
        """Insert or update a document; with ``claims``, replace its claims.

        claims (Iterable[tuple[str, str]] | None): ``(claim_id, record JSON)`` in
            text order; None keeps the stored claims (for a failure or a document
            that came back unchanged).
        """
        conn = self.conn
        exists = conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if exists:
            conn.execute(
                "UPDATE documents SET path = ?, record = ?, state = ?, content_hash = COALESCE(?, content_hash), "
                "fingerprint = COALESCE(?, fingerprint), removed_run = NULL, "
                "extracted_run = CASE WHEN ? THEN ? ELSE extracted_run END WHERE doc_id = ?",
                (path, record_json, state, content_hash, fingerprint, claims is not None, run_id, doc_id),
            )
        else:
            conn.execute(
                "INSERT INTO documents (doc_id, path, content_hash, fingerprint, state, record, added_seq, "
                "added_on, extracted_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc_id,
                    path,
                    content_hash,
                    fingerprint,
                    state,
                    record_json,
                    self._next_seq(),
                    dt.date.today().isoformat(),
                    run_id if claims is not None else None,
                ),
            )
        conn.execute("INSERT OR IGNORE INTO view_dirty (doc_id) VALUES (?)", (doc_id,))
        if claims is not None:
            conn.execute("DELETE FROM claims WHERE doc_id = ?", (doc_id,))
            conn.executemany(
                "INSERT INTO claims (doc_id, seq, claim_id, record) VALUES (?, ?, ?, ?)",
                ((doc_id, seq, cid, rec) for seq, (cid, rec) in enumerate(claims)),
            )

    def mark_removed(self, doc_ids: Iterable[str], run_id: int) -> None:
        """Mark documents as having left the corpus; their rows and claims stay."""
        doc_ids = list(doc_ids)
        self.conn.executemany(
            "UPDATE documents SET state = 'removed', removed_run = ? WHERE doc_id = ?",
            ((run_id, doc_id) for doc_id in doc_ids),
        )
        self.conn.executemany("INSERT OR IGNORE INTO view_dirty (doc_id) VALUES (?)", ((doc_id,) for doc_id in doc_ids))

    def dirty_docs(self, limit: int) -> set[str]:
        """RETURNS (set[str]): up to ``limit`` documents written since the views were last written."""
        return {row[0] for row in self.conn.execute("SELECT doc_id FROM view_dirty LIMIT ?", (limit,))}

    def clear_dirty_docs(self) -> None:
        """Forget which documents were written: the views show them all (call inside a transaction)."""
        self.conn.execute("DELETE FROM view_dirty")

    def settle_documents(self) -> None:
        """Remember every document's hash and state as of a finished run."""
        # only the rows that differ: SQLite writes every row an UPDATE matches, same values or not
        # (100,000 unchanged documents rewritten on every run that adds ten)
        self.conn.execute(
            "UPDATE documents SET done_hash = content_hash, done_state = state "
            "WHERE done_hash IS NOT content_hash OR done_state IS NOT state"
        )

    def documents(self, states: tuple[str, ...] = ("active", "failed")) -> list[tuple[str, str, int, str]]:
        """RETURNS (list): ``(doc_id, record JSON, added_seq, added_on)`` of documents in ``states``, by doc_id."""
        marks = ",".join("?" * len(states))
        return [
            (row[0], row[1], int(row[2]), row[3])
            for row in self.conn.execute(
                f"SELECT doc_id, record, added_seq, added_on FROM documents WHERE state IN ({marks}) ORDER BY doc_id",
                states,
            )
        ]

    def claims(self, states: tuple[str, ...] = ("active",)) -> list[tuple[str, str, str]]:
        """RETURNS (list): ``(doc_id, claim_id, record JSON)`` of the claims of documents in ``states``, in order."""
        marks = ",".join("?" * len(states))
        return [
            (row[0], row[1], row[2])
            for row in self.conn.execute(
                "SELECT c.doc_id, c.claim_id, c.record FROM claims c JOIN documents d ON d.doc_id = c.doc_id "
                f"WHERE d.state IN ({marks}) ORDER BY c.doc_id, c.seq",
                states,
            )
        ]

    def claim(self, claim_id: str) -> tuple[str, str, str] | None:
        """RETURNS (tuple | None): ``(doc_id, record JSON, document state)`` of a claim id."""
        row = self.conn.execute(
            "SELECT c.doc_id, c.record, d.state FROM claims c JOIN documents d ON d.doc_id = c.doc_id "
            "WHERE c.claim_id = ? ORDER BY (d.state = 'active') DESC LIMIT 1",
            (claim_id,),
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def counts(self) -> dict[str, int]:
        """RETURNS (dict[str, int]): documents by state and the active claim count."""
        result = {
            state: int(n)
            for state, n in self.conn.execute("SELECT state, COUNT(*) FROM documents GROUP BY state")
        }
        row = self.conn.execute(
            "SELECT COUNT(*) FROM claims c JOIN documents d ON d.doc_id = c.doc_id WHERE d.state = 'active'"
        ).fetchone()
        result["claims"] = int(row[0])
        return result

    # -- the file index ----------------------------------------------------

    def files(self) -> dict[str, tuple[str, str]]:
        """RETURNS (dict[str, tuple[str, str]]): corpus path -> ``(stat, results JSON)`` as last read."""
        return {row[0]: (row[1], row[2]) for row in self.conn.execute("SELECT path, stat, results FROM files")}

    def replace_files(self, put: Iterable[tuple[str, str, str]], drop: Iterable[str]) -> None:
        """Record files as read (``(path, stat, results JSON)``) and forget others (call inside a transaction)."""
        self.conn.executemany("INSERT OR REPLACE INTO files (path, stat, results) VALUES (?, ?, ?)", put)
        self.conn.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in drop))

    def clear_files(self) -> None:
        """Forget every file's stat: the next run reads every file (call inside a transaction)."""
        self.conn.execute("DELETE FROM files")

    # -- decisions ---------------------------------------------------------

    def add_decision(self, claim_id: str, record_json_for: Callable[[int], str]) -> int:
        """Record a reviewer decision; ``record_json_for(decision_id)`` gives its JSON.

        RETURNS (int): the decision's id.
        """
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO decisions (claim_id, record) VALUES (?, '{}')", (claim_id,)
            )
            decision_id = int(cur.lastrowid or 0)
            self.conn.execute(
                "UPDATE decisions SET record = ? WHERE decision_id = ?", (record_json_for(decision_id), decision_id)
            )
        return decision_id

    def decisions(self) -> list[str]:
        """RETURNS (list[str]): every decision's JSON, oldest first."""
        return [row[0] for row in self.conn.execute("SELECT record FROM decisions ORDER BY decision_id")]

    def import_decisions(self, decisions: dict[int, tuple[str, str]]) -> int:
        """Put decisions back under their own ids (a rebuild); ids already taken are left alone.

        decisions (dict[int, tuple[str, str]]): decision id -> (claim id, record JSON).
        RETURNS (int): how many were added.
        """
        with self.transaction():
            before = self.conn.total_changes
            self.conn.executemany(
                "INSERT OR IGNORE INTO decisions (decision_id, claim_id, record) VALUES (?, ?, ?)",
                ((number, claim_id, record) for number, (claim_id, record) in sorted(decisions.items())),
            )
            return self.conn.total_changes - before

    # -- roll-up and changes -----------------------------------------------

    def rollup(self) -> dict[str, str]:
        """RETURNS (dict[str, str]): the roll-up of the last finished run: group id -> record JSON, in roll-up order."""
        return dict(self.conn.execute("SELECT group_id, record FROM rollup ORDER BY sort_key, rowid"))

    def rollup_lines(self) -> Iterator[str]:
        """YIELDS (str): every roll-up record's JSON, in roll-up order, without holding them all."""
        for (record,) in self.conn.execute("SELECT record FROM rollup ORDER BY sort_key, rowid"):
            yield record

    def rollup_subject_names(self) -> set[str]:
        """RETURNS (set[str]): the subjects of the stored roll-up."""
        return {row[0] for row in self.conn.execute("SELECT DISTINCT subject FROM rollup") if row[0] is not None}

    def rollup_rows(self) -> Iterator[tuple[str, str | None, str]]:
        """YIELDS (tuple): ``(group_id, subject, record JSON)`` of the stored roll-up, in its order."""
        yield from self.conn.execute("SELECT group_id, subject, record FROM rollup ORDER BY sort_key, rowid")

    def rollup_of(self, subjects: Iterable[str]) -> dict[str, str]:
        """RETURNS (dict[str, str]): the stored records of groups of these subjects, in roll-up order."""
        found: list[tuple[str, str, str]] = []
        for chunk in _chunks(list(subjects)):
            marks = ",".join("?" * len(chunk))
            found.extend(
                self.conn.execute(
                    f"SELECT sort_key, group_id, record FROM rollup WHERE subject IN ({marks})", chunk
                )
            )
        found.sort(key=lambda row: row[0])
        return {gid: record for _, gid, record in found}

    def replace_rollup(self, records: dict[str, str]) -> None:
        """Replace the stored roll-up (call inside a transaction); the next run recomputes all of it."""
        self.conn.execute("DELETE FROM rollup")
        self.set_meta(ROLLUP_CONTEXT, None)
        self.set_meta(ROLLUP_GEN, str(int(self.get_meta(ROLLUP_GEN) or 0) + 1))
        self.update_rollup((), _keyed(records))

    def update_rollup(self, drop: Iterable[str], put: Iterable[tuple[str, str, str, str]]) -> None:
        """Drop groups and put others: ``(group id, record JSON, subject, sort key)`` (call inside a transaction)."""
        self.conn.executemany("DELETE FROM rollup WHERE group_id = ?", ((gid,) for gid in drop))
        self.conn.executemany(
            "INSERT OR REPLACE INTO rollup (group_id, record, subject, sort_key) VALUES (?, ?, ?, ?)", put
        )

    def rollup_stamps(self) -> dict[str, str]:
        """RETURNS (dict[str, str]): doc id -> what the article was (:meth:`doc_stamps`) at the last roll-up."""
        return dict(self.conn.execute("SELECT doc_id, stamp FROM rollup_docs"))

    def doc_stamps(self) -> Iterator[tuple[str, str]]:
        """YIELDS (tuple[str, str]): each active or failed document's id and stamp (state, extraction run,
        content hash, fingerprint): a document whose stamp is unchanged holds the same record and claims."""
        yield from self.conn.execute(f"SELECT d.doc_id, {_STAMP} FROM documents d WHERE d.state IN ('active', 'failed')")

    def readable_stamps(self) -> Iterator[tuple[str, str]]:
        """YIELDS (tuple[str, str]): :meth:`doc_stamps` of the documents whose record holds no error, by doc_id."""
        yield from self.conn.execute(
            f"SELECT d.doc_id, {_STAMP} FROM documents d WHERE d.state IN ('active', 'failed') "
            "AND COALESCE(json_type(d.record, '$.error'), 'null') = 'null' ORDER BY d.doc_id"
        )

    def rollup_subject_count(self) -> int:
        """RETURNS (int): how many subjects the claims went to at the last roll-up."""
        return int(self.conn.execute("SELECT COUNT(DISTINCT subject) FROM rollup_subjects").fetchone()[0])

    def restamped(self) -> list[str]:
        """RETURNS (list[str]): the active or failed documents whose stamp (:meth:`doc_stamps`) differs
        from the one recorded at the last roll-up, or that were not rolled up."""
        return [
            row[0]
            for row in self.conn.execute(
                f"SELECT d.doc_id FROM documents d LEFT JOIN rollup_docs r ON r.doc_id = d.doc_id "
                f"WHERE d.state IN ('active', 'failed') AND (r.stamp IS NULL OR r.stamp != {_STAMP})"
            )
        ]

    def rollup_doc_ids(self) -> list[str]:
        """RETURNS (list[str]): the documents recorded at the last roll-up."""
        return [row[0] for row in self.conn.execute("SELECT doc_id FROM rollup_docs")]

    def stamps_of(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """RETURNS (dict[str, str]): these documents' stamps (:meth:`doc_stamps`)."""
        found: dict[str, str] = {}
        for chunk in _chunks(sorted(doc_ids)):
            marks = ",".join("?" * len(chunk))
            found.update(self.conn.execute(f"SELECT d.doc_id, {_STAMP} FROM documents d WHERE d.doc_id IN ({marks})", chunk))
        return found

    def subjects_of(self, doc_ids: Iterable[str]) -> set[str]:
        """RETURNS (set[str]): the subjects the claims of these articles went to at the last roll-up."""
        return self._rollup_subjects("subject", "doc_id", doc_ids)

    def docs_of(self, subjects: Iterable[str]) -> set[str]:
        """RETURNS (set[str]): the articles with claims that went to these subjects at the last roll-up."""
        return self._rollup_subjects("doc_id", "subject", subjects)

    def _rollup_subjects(self, column: str, by: str, values: Iterable[str]) -> set[str]:
        """RETURNS (set[str]): ``column`` of the ``rollup_subjects`` rows whose ``by`` is one of ``values``."""
        return self._lookup(f"SELECT {column} FROM rollup_subjects WHERE {by} IN ({{marks}})", values)

    def put_rollup_docs(
        self, stamps: Iterable[tuple[str, str]], subjects: Iterable[tuple[str, str]], drop: Iterable[str], *, clear: bool = False
    ) -> None:
        """Record articles as rolled up: ``(doc id, stamp)`` and ``(subject, doc id)``; ``drop`` (or, with
        ``clear``, every article) forgotten first (call inside a transaction)."""
        if clear:
            self.conn.execute("DELETE FROM rollup_docs")
            self.conn.execute("DELETE FROM rollup_subjects")
            self.conn.execute("DELETE FROM rollup_acts")
            self.conn.execute("DELETE FROM rollup_posts")
            self.conn.execute("DELETE FROM rollup_people")
        for chunk in _chunks(list(drop)):
            marks = ",".join("?" * len(chunk))
            self.conn.execute(f"DELETE FROM rollup_docs WHERE doc_id IN ({marks})", chunk)
            self.conn.execute(f"DELETE FROM rollup_subjects WHERE doc_id IN ({marks})", chunk)
            self.conn.execute(f"DELETE FROM rollup_acts WHERE doc_id IN ({marks})", chunk)
            self.conn.execute(f"DELETE FROM rollup_posts WHERE doc_id IN ({marks})", chunk)
            self.conn.execute(f"DELETE FROM rollup_people WHERE doc_id IN ({marks})", chunk)
        self.conn.executemany("INSERT OR REPLACE INTO rollup_docs (doc_id, stamp) VALUES (?, ?)", stamps)
        self.conn.executemany("INSERT OR IGNORE INTO rollup_subjects (subject, doc_id) VALUES (?, ?)", subjects)

    def put_rollup_acts(self, acts: Iterable[tuple[str, str, str]]) -> None:
        """Record ``(doc id, subject, party)`` of the articles' acts done together (after
        :meth:`put_rollup_docs`, which forgets those of the articles it drops)."""
        self.conn.executemany("INSERT OR IGNORE INTO rollup_acts (doc_id, subject, party) VALUES (?, ?, ?)", acts)

    def put_rollup_posts(self, posts: Iterable[tuple[str, str]], people: Iterable[tuple[str, str, str]]) -> None:
        """Record ``(word, doc id)`` of the articles' claims that name a post and ``(surname, subject,
        doc id)`` of the people they file cast or crew facts of (after :meth:`put_rollup_docs`)."""
        self.conn.executemany("INSERT OR IGNORE INTO rollup_posts (word, doc_id) VALUES (?, ?)", posts)
        self.conn.executemany("INSERT OR IGNORE INTO rollup_people (word, subject, doc_id) VALUES (?, ?, ?)", people)

    def post_docs(self, words: Iterable[str]) -> set[str]:
        """RETURNS (set[str]): the articles with a claim that names a post and writes one of these words."""
        return self._lookup("SELECT doc_id FROM rollup_posts WHERE word IN ({marks})", words)

    def post_words_of(self, doc_ids: Iterable[str]) -> set[str]:
        """RETURNS (set[str]): the words of these articles' claims that name a post."""
        return self._lookup("SELECT word FROM rollup_posts WHERE doc_id IN ({marks})", doc_ids)

    def people_subjects(self, words: Iterable[str]) -> set[str]:
        """RETURNS (set[str]): the subjects with a cast or crew fact of a person of one of these surnames."""
        return self._lookup("SELECT subject FROM rollup_people WHERE word IN ({marks})", words)

    def _lookup(self, query: str, values: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(sorted(set(values))):
            found.update(row[0] for row in self.conn.execute(query.format(marks=",".join("?" * len(chunk))), chunk))
        return found

    def rollup_acts(self) -> list[tuple[str, str]]:
        """RETURNS (list[tuple[str, str]]): every ``(subject, party)`` of the recorded acts done together."""
        return self.conn.execute("SELECT DISTINCT subject, party FROM rollup_acts").fetchall()

    def put_changes(self, run_id: int, records: Iterable[str]) -> None:
        """Store a run's status changes (call inside a transaction)."""
        self.conn.execute("DELETE FROM changes WHERE run_id = ?", (run_id,))
        self.conn.executemany(
            "INSERT INTO changes (run_id, seq, record) VALUES (?, ?, ?)",
            ((run_id, seq, rec) for seq, rec in enumerate(records)),
        )

    def changes(self, run_id: int | None = None) -> list[str]:
        """RETURNS (list[str]): the status changes of a run (default: the last finished run)."""
        if run_id is None:
            last = self.last_done_run()
            if last is None:
                return []
            run_id = last[0]
        return [
            row[0]
            for row in self.conn.execute("SELECT record FROM changes WHERE run_id = ? ORDER BY seq", (run_id,))
        ]


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _keyed(records: dict[str, str]) -> Iterator[tuple[str, str, str, str]]:
    for gid, record in records.items():
        data = json.loads(record)
        yield gid, record, data["subject"], rollup_sort_key(data["subject"], data["topic"], data["key"])


# -- rebuilding a damaged store ------------------------------------------------


@dataclass
class Rebuilt:
    """What ``--rebuild`` did: where the old store went and the decisions it carried over."""

    moved_to: Path | None
    decisions: dict[int, tuple[str, str]]
    from_store: int
    from_export: int


def salvage_decisions(db: Path | None, export: Path) -> tuple[dict[int, tuple[str, str]], int, int]:
    """Collect reviewer decisions from a (maybe damaged) store and from ``decisions.jsonl``.

    db (Path | None): the old store file, read as far as it can be.
    export (Path): ``decisions.jsonl`` beside it.
    RETURNS (tuple): decision id -> (claim id, record JSON), and how many came
        from the store and how many only from the export.
    """
    import jsonlines

    found: dict[int, tuple[str, str]] = {}
    if db is not None and db.exists():
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
            try:
                for number, claim_id, record in conn.execute("SELECT decision_id, claim_id, record FROM decisions"):
                    json.loads(record)
                    found[int(number)] = (claim_id, record)
            finally:
                conn.close()
        except (sqlite3.Error, ValueError) as exc:
            logger.info("decisions could not all be read from %s: %s", db, exc)
    from_store = len(found)
    if export.is_file():
        try:
            with jsonlines.open(export) as reader:
                for view in reader.iter(type=dict, skip_invalid=True):
                    decision = view.get("decision") if isinstance(view, dict) else None
                    if isinstance(decision, dict) and isinstance(decision.get("decision_id"), int):
                        record = json.dumps(decision, ensure_ascii=False, separators=(",", ":"))
                        found.setdefault(decision["decision_id"], (str(decision.get("claim_id")), record))
        except (OSError, ValueError) as exc:
            logger.info("decisions could not all be read from %s: %s", export, exc)
    return found, from_store, len(found) - from_store


def _set_aside_orphans(outputs: Path) -> None:
    """Move a ``-wal``/``-shm`` left without its database (deleted, or a rebuild killed half-way) out of
    the way: SQLite would replay that log into the new store."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    for suffix in ("-wal", "-shm"):
        orphan = outputs / (STORE_FILE + suffix)
        if orphan.exists():
            os.replace(orphan, outputs / f"{STORE_FILE}{suffix}.orphaned-{stamp}")
            logger.info("moved %s aside: its database is gone", orphan)


def _adopt_export(outputs: Path) -> Rebuilt:
    """The decisions of ``decisions.jsonl`` for a new store in a folder that had one (deleted by hand)."""
    from .outputs import DECISIONS_FILE

    decisions, _, from_export = salvage_decisions(None, outputs / DECISIONS_FILE)
    return Rebuilt(None, decisions, 0, from_export)


def _move_aside(outputs: Path) -> Rebuilt:
    """Move ``claimx.db`` (and its WAL files) aside and collect its decisions (call holding the lock)."""
    from .outputs import DECISIONS_FILE

    path = outputs / STORE_FILE
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    target = outputs / f"{STORE_FILE}.damaged-{stamp}"
    moved: Path | None = None
    if path.exists():
        for suffix in ("", "-wal", "-shm"):
            source = outputs / (STORE_FILE + suffix)
            if source.exists():
                os.replace(source, outputs / (target.name + suffix))
        moved = target
    decisions, from_store, from_export = salvage_decisions(moved, outputs / DECISIONS_FILE)
    logger.info("store moved to %s; %d decision(s) carried over", moved, len(decisions))
    return Rebuilt(moved, decisions, from_store, from_export)

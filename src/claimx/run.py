""":mod:`claimx.run`: ``claimx run`` as a function: an incremental run over a corpus.

A run reads the corpus, extracts only the articles whose content hash (or the
pipeline fingerprint) is new or changed, commits them to the store
(:mod:`claimx.store`) a batch at a time, marks articles that left the corpus
as removed, rolls statuses up (:mod:`claimx.status`) with reviewers'
decisions applied (:mod:`claimx.decisions`), and finally rewrites the views
``claims.jsonl``, ``documents.jsonl``, ``status.jsonl`` and ``decisions.jsonl``
atomically. Killed at any point, the previous views stay whole and the next
run finishes the work.

When neither the corpus files, the alias file nor the pipeline fingerprint
changed since the last finished run, the run does nothing more: the spaCy
model is not even imported (the fingerprint is computed from the installed
model's ``meta.json``).
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
import logging
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .basemodel import base_model_info
from .decisions import ReviewDecision
from .errors import ClaimxError
from .fingerprint import extractor_info, saved_pipeline_packs
from .increment import refresh_rollup
from .outputs import (
    VIEW_FILES,
    stat_key,
)
from .runlog import RunLog
from .schemas import Article, DocumentRecord, Extractor, ReadFailure
from .status import StatusChange
from .store import DocState, Rebuilt, Store
from .subjects import alias_file
from .views import (
    VIEWS_DECISIONS,
    decisions_mark,
    rebuild_views,
    write_views,
)

logger = logging.getLogger(__name__)

#: Articles extracted and committed together.
DEFAULT_BATCH_SIZE = 16
#: A shard sent to a Dask worker holds this many batches.
DASK_SHARD_BATCHES = 4


@dataclass
class RunSummary:
    """What a run did."""

    articles: int = 0
    claims: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    status_counts: dict[str, int] = field(default_factory=dict)
    outputs: Path | None = None
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    extracted: int = 0
    #: a :class:`~claimx.spill.SpilledList` after a run that rolled up (its tail on disk)
    changes: Sequence[StatusChange] = field(default_factory=list)
    orphaned: list[ReviewDecision] = field(default_factory=list)
    model_loaded: bool = False
    run_id: int | None = None
    #: ``outputs/claimx.log`` when this run wrote tracebacks to it
    log: Path | None = None
    #: what ``rebuild=True`` moved aside and carried over
    rebuilt: Rebuilt | None = None
    #: seconds of wall-clock time and of this process's CPU per phase of a run that extracted
    #: ("load": the model, in this process or the workers' pool; "extraction": the shards,
    #: committed as they come back; "roll-up"; "views": the run's last commit and its views), in order
    #: (``benchmarks/phases.py``)
    phases: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures

    def counts(self) -> dict[str, Any]:
        """RETURNS (dict): the summary's numbers, as stored with the run."""
        return {
            "articles": self.articles,
            "claims": self.claims,
            "new": self.new,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "failed": len(self.failures),
            "extracted": self.extracted,
            "status_counts": self.status_counts,
            "failures": [f.model_dump() for f in self.failures],
        }


# -- the pipeline fingerprint, without spaCy ------------------------------------


def pipeline_extractor(model: str | None = None) -> Extractor:
    """RETURNS (Extractor): the fingerprint a run with ``model`` would stamp, without loading spaCy."""
    return extractor_info(*base_model_info(model), rules_dir=saved_pipeline_packs(model), settings={})


#: A file modified less than this long (ns) before it is looked at may still
#: change within the same timestamp tick: it is read rather than trusted (git's
#: "racy" files).
RACY_NS = 2_000_000_000


#: a corpus file as :func:`corpus_files` lists it: ``(relative path, path text, stat key, refused)``
FileRow = tuple[str, str, str | None, str | None]
#: corpus files whose rows a run holds in memory; the rows of the others wait in a temporary file
FILES_HELD = 20000


class CorpusFiles:
    """The rows of :func:`corpus_files`, in order, iterable again and again: the first
    :data:`FILES_HELD` held, the others written to an unnamed temporary file (their fields
    NUL-separated, which no path holds, each key and reason marked present or None), so that
    a run's memory does not grow with the corpus."""

    def __init__(self, rows: Iterable[FileRow] = ()) -> None:
        self.head: list[FileRow] = []
        self._file: Any = None
        self._len = 0
        for row in rows:
            self.append(row)

    def append(self, row: FileRow) -> None:
        self._len += 1
        if len(self.head) < FILES_HELD:
            self.head.append(row)
            return
        if self._file is None:
            import tempfile

            # paths that are not UTF-8 come from the OS as surrogates: written and read back as such
            self._file = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass", newline="")  # noqa: SIM115
        rel, text, key, refused = row
        self._file.write(f"{rel}\0{text}\0{'' if key is None else '+' + key}\0{'' if refused is None else '+' + refused}\0")

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[FileRow]:
        yield from self.head
        if self._file is None:
            return
        self._file.flush()
        self._file.seek(0)
        rest = ""
        while True:
            block = self._file.read(1 << 20)
            if not block:
                return
            fields = (rest + block).split("\0")
            rest = fields.pop()
            whole = len(fields) - len(fields) % 4
            rest = "\0".join(fields[whole:] + [rest])
            for at in range(0, whole, 4):
                key, refused = fields[at + 2], fields[at + 3]
                yield fields[at], fields[at + 1], key[1:] if key else None, refused[1:] if refused else None

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def corpus_files(corpus: Path, *, follow_symlinks: bool = False) -> CorpusFiles:
    """RETURNS (CorpusFiles): each article file as ``(relative path, path text, stat key, refused)``, in
    corpus order. The key is None for a file changed in the last :data:`RACY_NS`
    (or that cannot be stat'ed) and for one the corpus boundary refuses;
    ``refused`` says why (a link out of the corpus, a FIFO), and such a file
    is never opened."""
    import gc
    import time

    from .read.corpus import iter_walk_corpus

    now = time.time_ns()
    found = CorpusFiles()
    # a few objects a file and no cycles: the collector's passes over a growing heap are a quarter
    # of the walk's time at 100,000 files (2.0 -> 1.5 s of CPU with it paused)
    collecting = gc.isenabled()
    gc.disable()
    try:
        for parts, text, refused, st in iter_walk_corpus(corpus, follow_symlinks=follow_symlinks):
            key = None
            if refused is None:
                try:
                    if st is None:
                        st = os.stat(text)
                    if now - max(st.st_mtime_ns, st.st_ctime_ns) >= RACY_NS:
                        key = stat_key(st)
                except OSError:
                    key = None
            found.append(("/".join(parts), text, key, refused))
    finally:
        if collecting:
            gc.enable()
    return found


def corpus_manifest(corpus: Path, files: Iterable[FileRow] | None = None, *, follow_symlinks: bool = False) -> str:
    """RETURNS (str): a hash of every article file's path and stat (size, mtime, ctime, inode),
    of why a file is refused, and of the alias file.

    No file is read: a re-run with nothing changed costs one ``stat`` per
    file. A file changed in the last :data:`RACY_NS` makes the manifest
    unique, so that the run looks at it properly.

    files (list | None): :func:`corpus_files` of ``corpus``, when the caller has it.
    follow_symlinks (bool): as the run reads the corpus (links out of it followed or not).
    """
    import time

    digest = hashlib.sha256(b"follow-symlinks\0" if follow_symlinks else b"")
    # the same bytes as one update per field, fed as one text (a call per file is most of the hash's time)
    pieces: list[str] = []
    for rel, _, key, refused in corpus_files(corpus, follow_symlinks=follow_symlinks) if files is None else files:
        if refused is not None:
            pieces.append(f"{rel}\0refused\0{refused}\0")
        else:
            pieces.append(f"{rel}\0{key if key is not None else f'racy {time.time_ns()}'}\0")
    digest.update("".join(pieces).encode("utf-8"))
    aliases = alias_file(corpus)
    if aliases is not None:
        digest.update(b"aliases\0" + aliases.read_bytes())
    return digest.hexdigest()


class _Known(NamedTuple):
    """An article of a file whose stat has not changed since it was read: not read again."""

    doc_id: str
    path: str
    content_hash: str


class _Scan:
    """The corpus as this run sees it, read a file at a time as it is iterated, in file order.

    A file is read again when its stat changed, when it is new, when the
    pipeline fingerprint (claimx version included) changed, or when one of
    its articles must be extracted (force, a failed extraction); the others'
    articles come from the store's file index (:class:`_Known`). A record
    whose doc_id an earlier one holds becomes a failure, as
    :func:`claimx.read.read_corpus` makes it. Nothing is held but what the
    caller keeps: the index rows of files read are written to the store every
    :data:`FILE_ROWS` files (safe before the run ends: a row only spares a
    later run reading a file whose articles the store holds as extracted);
    :attr:`drop` lists, once iterated, the indexed files no longer in the corpus.
    """

    def __init__(
        self,
        store: Store,
        corpus: Path,
        fingerprint: str,
        force_from: int,
        states: dict[str, Any],
        files: Iterable[FileRow],
        follow_symlinks: bool = False,
        settled: dict[str, str] | None = None,
    ) -> None:
        self.store, self.corpus, self.fingerprint, self.force_from = store, corpus, fingerprint, force_from
        self.states, self.files, self.follow_symlinks = states, files, follow_symlinks
        #: doc_id -> content hash of the settled documents (:meth:`Store.settled_hashes`), not in ``states``
        self.settled = settled or {}
        # a new claimx version, rule pack or model may read files differently: read them all again
        self.index = store.files() if store.get_meta("fingerprint") == fingerprint else {}
        self.put: list[tuple[str, str, str]] = []
        self.drop: list[str] = []

    def to_read(self) -> int:
        """RETURNS (int): how many files the scan will read at least (for a progress bar's total)."""
        index = self.index
        return sum(1 for rel, _, key, refused in self.files if refused is None and (key is None or index.get(rel, ("",))[0] != key))

    def flush(self) -> None:
        """Write the index rows of the files read so far (outside a transaction)."""
        if self.put:
            with self.store.transaction():
                self.store.replace_files(self.put, ())
            self.put = []

    def __iter__(self) -> Iterator[Article | ReadFailure | _Known]:
        from .read import duplicate_failure, read_located, refusal

        index, states, fingerprint, force_from = self.index, self.states, self.fingerprint, self.force_from
        settled = self.settled
        taken = _Taken(self.store)  # doc_id -> where its record is (as read_corpus keeps it)
        for rel, path, key, refused in self.files:
            cached = index.pop(rel, None)  # what is left once the files are all seen has left the corpus
            if refused is not None:
                # a link out of the corpus, a FIFO: reported, never opened
                located: list[tuple[str, Article | ReadFailure | _Known]] | None = list(refusal(rel, refused))
            else:
                located = None
                if key is not None and cached is not None and cached[0] == key:
                    located = []
                    for where, doc_id, doc_path, content_hash, error in json.loads(cached[1]):
                        if error is not None:
                            located.append((where, ReadFailure(doc_id=doc_id, path=doc_path, error=error)))
                            continue
                        # a settled document with the same content needs nothing (read no more of it)
                        if settled.get(doc_id, False) != content_hash and _needs_extraction(
                            states.get(doc_id), content_hash, fingerprint, force_from
                        ):
                            located = None  # read it: its text is needed
                            break
                        located.append((where, _Known(doc_id, doc_path, content_hash)))
                if located is None:
                    read = read_located(path, self.corpus, follow_symlinks=self.follow_symlinks)
                    located = list(read)
                    if key is not None:
                        results = [
                            [where, r.doc_id, r.path, getattr(r, "content_hash", None), getattr(r, "error", None)]
                            for where, r in read
                        ]
                        self.put.append((rel, key, json.dumps(results, ensure_ascii=False)))
                        if len(self.put) >= FILE_ROWS:
                            self.flush()
            for where, result in located:
                if taken.add(result.doc_id, where):
                    result = duplicate_failure(where, result, taken[result.doc_id], taken)  # type: ignore[arg-type]
                    logger.debug("%s: %s", result.path, result.error)
                    taken[result.doc_id] = where
                yield result
        self.drop = list(index)
        index.clear()
        taken.close()


#: file index rows written together while the corpus is read
FILE_ROWS = 1000


class _Taken:
    """The doc_ids a scan has met, each with where its record is (what :func:`claimx.read.read_corpus`
    keeps in a dict): the first :data:`FILES_HELD` in a dict, the others in a temporary table of the
    store's connection, so that memory does not grow with the corpus. The table is written
    :data:`TAKEN_ROWS` rows at a time and asked only about a doc_id a Bloom filter of fixed size says
    may be in it (a doc_id met twice is rare: most are never looked up)."""

    def __init__(self, store: Store) -> None:
        self.conn = store.conn
        self.head: dict[str, str] = {}
        self._pending: dict[str, str] = {}
        self._bits = bytearray(TAKEN_BITS // 8)
        self._table = False

    def _slots(self, doc_id: str) -> tuple[int, int]:
        code = hash(doc_id) & 0xFFFFFFFFFFFFFFFF
        return code % TAKEN_BITS, (code >> 32) % TAKEN_BITS

    def _maybe(self, doc_id: str) -> bool:
        bits = self._bits
        one, two = self._slots(doc_id)
        return bool(bits[one >> 3] & (1 << (one & 7)) and bits[two >> 3] & (1 << (two & 7)))

    def _stored(self, doc_id: str) -> str | None:
        """RETURNS (str | None): where a doc_id past the head is, if met."""
        if doc_id in self._pending:
            return self._pending[doc_id]
        if not self._table or not self._maybe(doc_id):
            return None
        row = self.conn.execute("SELECT place FROM temp.scan_taken WHERE doc_id = ?", (doc_id,)).fetchone()
        return None if row is None else str(row[0])

    def _keep(self, doc_id: str, where: str) -> None:
        """Record a doc_id past the head (its place replaced if it is there)."""
        if not self._table:
            self.conn.execute("DROP TABLE IF EXISTS temp.scan_taken")
            self.conn.execute("CREATE TEMP TABLE scan_taken (doc_id TEXT PRIMARY KEY, place TEXT NOT NULL)")
            self._table = True
        bits = self._bits
        for slot in self._slots(doc_id):
            bits[slot >> 3] |= 1 << (slot & 7)
        self._pending[doc_id] = where
        if len(self._pending) >= TAKEN_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self.conn.executemany("INSERT OR REPLACE INTO temp.scan_taken (doc_id, place) VALUES (?, ?)", self._pending.items())
            self._pending.clear()

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.head or (isinstance(doc_id, str) and self._stored(doc_id) is not None)

    def __getitem__(self, doc_id: str) -> str:
        if doc_id in self.head:
            return self.head[doc_id]
        where = self._stored(doc_id)
        if where is None:
            raise KeyError(doc_id)
        return where

    def add(self, doc_id: str, where: str) -> bool:
        """Record a doc_id met. RETURNS (bool): whether it was met before (nothing recorded then)."""
        if doc_id in self.head:
            return True
        if len(self.head) < FILES_HELD:
            self.head[doc_id] = where
            return False
        if self._stored(doc_id) is not None:
            return True
        self._keep(doc_id, where)
        return False

    def __setitem__(self, doc_id: str, where: str) -> None:
        if doc_id in self.head or not self._table or len(self.head) < FILES_HELD:
            self.head[doc_id] = where
            return
        self._keep(doc_id, where)

    def close(self) -> None:
        self._pending.clear()
        if self._table:
            self.conn.execute("DROP TABLE IF EXISTS temp.scan_taken")
            self._table = False
        self.head.clear()


#: the bits of :class:`_Taken`'s Bloom filter (1 MB; two bits a doc_id: about 1 in 2,000 doc_ids
#: past the head is looked up in vain at 100,000, 1 in 20 at a million)
TAKEN_BITS = 1 << 23
#: doc_ids :class:`_Taken` writes to its table at once
TAKEN_ROWS = 1000


def _doc_state(
    states: dict[str, DocState], settled: dict[str, str], doc_id: str, fingerprint: str, force_from: int
) -> DocState | None:
    """RETURNS (DocState | None): what the store knows of ``doc_id``: its state, or, for a document
    the last run settled (held as its content hash alone, :meth:`Store.settled_hashes`), the state
    such a document has: active, with that content, extracted by ``fingerprint`` at or after
    ``force_from``."""
    st = states.get(doc_id)
    if st is None and (held := settled.get(doc_id)) is not None:
        st = DocState(doc_id, held, fingerprint, "active", force_from, held, "active", 0, "")
    return st


def _needs_extraction(st: Any, content_hash: str | None, fingerprint: str, force_from: int) -> bool:
    return bool(
        st is None
        or st.state == "failed"
        or st.content_hash != content_hash
        or st.fingerprint != fingerprint
        or st.extracted_run is None
        or (force_from and st.extracted_run < force_from)
    )


# -- the run ---------------------------------------------------------------------


def _shards(todo: Iterable[Article], size: int, workers: int = 1) -> Iterator[list[Article]]:
    """Cut ``todo`` into shards of ``size`` articles, in order, reading it no further ahead than
    the next shard needs; with several workers the last shards are smaller, so that the workers
    finish about together rather than one working through a whole shard while the others wait
    (a quarter of ``size`` at least: the model is quicker on batches). The cuts are those of
    the whole list: whether ``2 * size * workers`` articles are left is all they ask."""
    size = max(1, size)
    source = iter(todo)
    ahead: deque[Article] = deque()
    ended = False
    while True:
        while not ended and len(ahead) <= 2 * size * workers:
            try:
                ahead.append(next(source))
            except StopIteration:
                ended = True
        left = len(ahead)
        if not left:
            return
        step = size if workers <= 1 or left > 2 * size * workers else min(size, max(-(-size // 4), -(-left // (2 * workers))))
        yield [ahead.popleft() for _ in range(min(step, left))]


def _rollup_workers(workers: int | None, scheduler: str | None) -> int:
    """RETURNS (int): the processes the roll-up's slices may use: this machine's workers (none of a Dask cluster's)."""
    from .scale import default_workers

    if scheduler:
        return 1
    return default_workers() if workers is None else max(1, workers)


def _extract_todo(
    store: Store,
    todo: Iterable[Article],
    model: str | None,
    progress: bool,
    batch_size: int,
    fingerprint: str,
    run_id: int,
    summary: RunSummary,
    workers: int | None,
    scheduler: str | None,
    expected: int = 0,
) -> list[ReadFailure]:
    """Extract ``todo`` (here, in worker processes or on a Dask cluster) and commit each shard in order.

    ``todo`` is read as the shards need it (the corpus is read while the articles before are
    extracted); the model is loaded only when a first article needs it.

    expected (int): about how many articles ``todo`` holds (a progress bar's total).
    RETURNS (list[ReadFailure]): the articles whose extraction failed.
    """
    from .scale import default_workers, executor

    # a Dask task should be worth its round trip: larger shards there
    size = max(1, batch_size) * (DASK_SHARD_BATCHES if scheduler else 1)
    # the articles of the first shards, enough to know whether there are more shards than workers
    source = iter(todo)
    wanted = 1 if scheduler else default_workers() if workers is None else max(1, workers)
    first: list[Article] = []
    for article in source:
        first.append(article)
        if len(first) > 2 * size * wanted:
            break
    if not first:
        return []
    phase = _Phase(summary)
    pool = executor(model, workers=workers, scheduler=scheduler, shards=-(-len(first) // size))
    summary.model_loaded = True
    phase.end("load")
    failures: list[ReadFailure] = []
    bar = None
    if progress and max(expected, len(first)) > 3:
        from tqdm import tqdm

        bar = tqdm(total=max(expected, len(first)), unit="article", desc="claimx", leave=False, disable=None)
    try:
        for shard, results in pool.map(_shards(itertools.chain(first, source), size, pool.workers)):
            with store.transaction():
                for article, result in zip(shard, results, strict=True):
                    if result.document is None:
                        if result.trace:
                            logger.error("extraction failed for %s\n%s", article.path, result.trace)
                        failure = ReadFailure(doc_id=article.doc_id, path=article.path, error=result.error or "extraction failed")
                        failures.append(failure)
                        store.put_document(
                            article.doc_id,
                            article.path,
                            DocumentRecord(doc_id=article.doc_id, path=article.path, error=failure.error).model_dump_json(),
                            state="failed",
                            content_hash=article.content_hash,
                            fingerprint="",
                        )
                        continue
                    if summary.extracted == 0 and fingerprint not in result.document:
                        logger.warning(
                            "the loaded pipeline's fingerprint differs from the one computed without loading it; "
                            "records carry the loaded one"
                        )
                    store.put_document(
                        article.doc_id,
                        article.path,
                        result.document,
                        state="active",
                        content_hash=article.content_hash,
                        fingerprint=fingerprint,
                        run_id=run_id,
                        claims=result.claims,
                    )
                    summary.extracted += 1
            if bar is not None:
                bar.total = max(bar.total, bar.n + len(shard))  # a file may hold several articles
                bar.update(len(shard))
    finally:
        if bar is not None:
            bar.close()
        pool.close()
    phase.end("extraction")
    return failures


class _Phase:
    """Times the phases of a run into ``summary.phases``: each :meth:`end` closes the phase
    begun at the last one (or at creation)."""

    def __init__(self, summary: RunSummary) -> None:
        self.summary = summary
        self.clock = time.perf_counter
        self.cpu = time.process_time
        self.wall, self.used = self.clock(), self.cpu()

    def end(self, name: str) -> None:
        wall, used = self.clock(), self.cpu()
        self.summary.phases[name] = (wall - self.wall, used - self.used)
        self.wall, self.used = wall, used


def run(
    corpus: Path,
    outputs: Path,
    *,
    model: str | None = None,
    force: bool = False,
    progress: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
    lock_timeout: float | None = None,
    follow_symlinks: bool = False,
    rebuild: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
) -> RunSummary:
    """Bring ``outputs`` up to date with ``corpus``.

    corpus (Path): the corpus folder (walked recursively).
    outputs (Path): the outputs folder: the store and its views.
    model (str | None): the base spaCy pipeline; None for the default.
    force (bool): re-extract every article.
    progress (bool): show a progress bar for more than a few articles.
    batch_size (int): articles extracted and committed together.
    lock_timeout (float | None): seconds to wait for another run on ``outputs``.
    follow_symlinks (bool): read linked files and folders that resolve outside
        ``corpus`` (by default each is a one-line failure and nothing of it is read).
    rebuild (bool): move the store aside (a damaged one, say) and build a new
        one from the corpus, keeping the reviewer decisions (``summary.rebuilt``).
    workers (int | None): extraction processes on this machine, each loading
        the model once; None for the machine's cores, capped by memory. The
        outputs are the same whatever the number.
    scheduler (str | None): a Dask scheduler's address (``tcp://HOST:PORT``):
        shards of articles are extracted on its workers instead.
    RETURNS (RunSummary): counts, failures and status changes; ``log`` names
        ``outputs/claimx.log`` when tracebacks were written to it.
    """
    corpus, outputs = Path(corpus), Path(outputs)
    if not corpus.is_dir():
        raise ClaimxError(f"Corpus folder {corpus} does not exist or is not a folder: give the folder that holds your articles.")
    extractor = pipeline_extractor(model)
    fingerprint = extractor.fingerprint
    with Store.open(outputs, lock_timeout=lock_timeout, rebuild=rebuild) as store, RunLog(outputs) as log:
        files = corpus_files(corpus, follow_symlinks=follow_symlinks)
        try:
            manifest = corpus_manifest(corpus, files, follow_symlinks=follow_symlinks)
            quick = None if force or rebuild else _nothing_to_do(store, corpus, fingerprint, manifest)
            if quick is not None:
                quick.outputs = outputs
                return quick
            summary = _full_run(
                store, corpus, outputs, model, force, progress, batch_size, fingerprint, manifest, files,
                workers, scheduler, follow_symlinks,
            )
        finally:
            files.close()
        summary.log = log.logged
        summary.rebuilt = store.rebuilt
        return summary


def _summary_from(counts: dict[str, Any], outputs: Path) -> RunSummary:
    return RunSummary(
        articles=counts.get("articles", 0),
        claims=counts.get("claims", 0),
        failures=[ReadFailure.model_validate(f) for f in counts.get("failures", [])],
        status_counts=counts.get("status_counts", {}),
        outputs=outputs,
        new=counts.get("new", 0),
        changed=counts.get("changed", 0),
        unchanged=counts.get("unchanged", 0),
        removed=counts.get("removed", 0),
        extracted=counts.get("extracted", 0),
    )


def _nothing_to_do(store: Store, corpus: Path, fingerprint: str, manifest: str) -> RunSummary | None:
    """The summary of a run with nothing to extract, or None when there is work."""
    last = store.last_done_run()
    if last is None or store.get_meta("force_from"):
        return None
    if store.get_meta("fingerprint") != fingerprint or store.get_meta("manifest") != manifest:
        return None
    if store.get_meta("corpus") != str(corpus.resolve()):
        return None
    interrupted = store.conn.execute(
        "SELECT 1 FROM runs WHERE state = 'running' AND run_id > ?", (last[0],)
    ).fetchone()
    if interrupted:
        return None
    # an article whose extraction crashed (not one that could not be read:
    # that needs the file fixed) is tried again on every run
    crashed = store.conn.execute(
        "SELECT 1 FROM documents WHERE state = 'failed' AND fingerprint = ''"
    ).fetchone()
    if crashed:
        return None
    last_id, counts = last
    views_run = store.get_meta("views_run")
    if views_run != str(last_id):
        # the last run stopped after its final commit: finish it, report its changes
        state = rebuild_views(store, corpus)
        with store.transaction():
            store.set_meta("views_run", str(last_id))
        summary = _summary_from(counts, store.outputs)
        summary.changes = [StatusChange.model_validate_json(c) for c in store.changes(last_id)]
        summary.orphaned = state.resolution.orphaned
        summary.run_id = last_id
        return summary
    unchanged = counts.get("articles", 0)
    counts = {**counts, "new": 0, "changed": 0, "unchanged": unchanged, "removed": 0, "extracted": 0}
    # views lost, or written before a decision was recorded (``claimx mark`` killed in between)
    missing = any(not (store.outputs / name).is_file() for name in VIEW_FILES)
    missing = missing or store.get_meta(VIEWS_DECISIONS) != decisions_mark(store)
    run_id = store.start_run(str(corpus.resolve()), fingerprint)
    orphaned: list[ReviewDecision] = []
    if missing:
        state = rebuild_views(store, corpus)
        orphaned = state.resolution.orphaned
    elif store.get_meta("orphaned"):
        orphaned = [ReviewDecision.model_validate(d) for d in json.loads(store.get_meta("orphaned") or "[]")]
    with store.transaction():
        store.put_changes(run_id, [])
        store.finish_run(run_id, counts)
        store.set_meta("views_run", str(run_id))
    summary = _summary_from(counts, store.outputs)
    summary.orphaned = orphaned
    summary.run_id = run_id
    return summary


def _full_run(
    store: Store,
    corpus: Path,
    outputs: Path,
    model: str | None,
    force: bool,
    progress: bool,
    batch_size: int,
    fingerprint: str,
    manifest: str,
    files: Iterable[FileRow],
    workers: int | None = None,
    scheduler: str | None = None,
    follow_symlinks: bool = False,
) -> RunSummary:
    run_id = store.start_run(str(corpus.resolve()), fingerprint)
    if force and not store.get_meta("force_from"):
        with store.transaction():
            store.set_meta("force_from", str(run_id))
    force_from = int(store.get_meta("force_from") or 0)
    # the documents settled by the last run, held as their content hash alone (most of a large
    # corpus on a run that changes little), and the others' states
    settled = store.settled_hashes(fingerprint, force_from)
    states = store.doc_states(unsettled=(fingerprint, force_from))
    scan = _Scan(store, corpus, fingerprint, force_from, states, files, follow_symlinks, settled)
    summary = RunSummary(outputs=outputs, run_id=run_id)
    failures: list[ReadFailure] = []
    revived: list[tuple[str, str]] = []  # (doc_id, path) of articles back in the corpus, not extracted again
    present: set[str] = set()  # the stored articles still in the corpus

    def todo() -> Iterator[Article]:
        """The articles to extract, as the corpus is read (each one's text held until its shard is extracted)."""
        for item in scan:
            st = _doc_state(states, settled, item.doc_id, fingerprint, force_from)
            if st is not None:
                present.add(item.doc_id)
            if isinstance(item, ReadFailure):
                failures.append(item)
                continue
            if st is None or st.done_state in (None, "removed"):
                summary.new += 1
            elif st.done_hash != item.content_hash or st.done_state == "failed":
                summary.changed += 1
            else:
                summary.unchanged += 1
            if _needs_extraction(st, item.content_hash, fingerprint, force_from):
                assert isinstance(item, Article), "a file whose article needs extraction is read"
                yield item
            elif st is not None and st.state != "active":
                revived.append((item.doc_id, item.path))

    articles = todo()
    extraction_failures = _extract_todo(
        store, articles, model, progress, batch_size, fingerprint, run_id, summary, workers, scheduler,
        expected=scan.to_read() if progress else 0,
    )
    for _ in articles:  # the corpus read to its end when nothing (more) needed extracting
        raise AssertionError("an article to extract was left")
    scan.flush()
    gone = [d for d in settled if d not in present]
    summary.removed = len(gone)
    gone += [d for d, st in states.items() if d not in present and st.state != "removed"]
    summary.removed += sum(
        1 for d, st in states.items() if d not in present and st.done_state in ("active", "failed")
    )
    summary.failures = failures + extraction_failures
    with store.transaction():
        for doc_id, path in revived:
            row = store.conn.execute("SELECT record FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            store.put_document(doc_id, path, row[0], state="active")
        for failure in failures:
            store.put_document(
                failure.doc_id,
                failure.path,
                DocumentRecord(doc_id=failure.doc_id, path=failure.path, error=failure.error).model_dump_json(),
                state="failed",
            )
        store.mark_removed(gone, run_id)
        store.settle_documents()
        # the roll-up of the subjects this run's articles touch, as a full recompute would give it;
        # what the process held before it frozen meanwhile (the model among it, with one worker):
        # the collector's passes walk only what the roll-up makes
        phase = _Phase(summary)
        gc.freeze()
        try:
            refreshed = refresh_rollup(store, corpus, fingerprint, workers=_rollup_workers(workers, scheduler))
        finally:
            gc.unfreeze()
        phase.end("roll-up")
        summary.changes = refreshed.changes
        summary.orphaned = refreshed.resolution.orphaned
        summary.articles = refreshed.articles
        summary.claims = refreshed.claims
        summary.status_counts = refreshed.status_counts
        store.put_changes(run_id, refreshed.changes.json_lines())
        store.set_meta("fingerprint", fingerprint)
        store.set_meta("manifest", manifest)
        store.replace_files((), scan.drop)
        store.set_meta("corpus", str(corpus.resolve()))
        store.set_meta("force_from", None)
        store.set_meta("orphaned", json.dumps([d.model_dump(mode="json") for d in summary.orphaned]))
        store.finish_run(run_id, summary.counts())
    write_views(store, refreshed.resolution, refreshed.rejected_per_doc, refreshed.view_changes)
    with store.transaction():
        store.set_meta("views_run", str(run_id))
        store.set_meta(VIEWS_DECISIONS, decisions_mark(store))
    phase.end("views")
    return summary


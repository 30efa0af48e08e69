""":mod:`claimx.scale`: extraction on every core, or on a Dask cluster.

A run cuts the articles it must extract into shards and hands them to an
executor; the executor gives each shard's results back in the order the
shards went in, so the parent writes the store exactly as a one-process run
would and the outputs are byte for byte the same. Three executors:

- :class:`InProcess`: the model loaded in this process (one worker).
- :class:`LocalPool`: ``N`` worker processes on this machine, each loading the
  model once (:func:`extract_shard_task`).
- :class:`DaskPool`: the workers of a ``dask.distributed`` cluster. Shards carry
  the articles' texts and front matter, never paths; each worker process loads
  the model once and keeps it; a worker that dies mid-shard costs the
  scheduler a re-run of that shard elsewhere.

Only the parent (the driver) ever writes the store. This module imports
neither spaCy nor Dask at import time.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from .errors import ClaimxError
from .schemas import Article

logger = logging.getLogger(__name__)

#: Memory one worker process needs for the default model and a batch of articles (bytes).
WORKER_MEMORY = 1 << 30
#: Seconds to wait for a Dask scheduler to answer.
SCHEDULER_TIMEOUT = 10.0

_EXTRACTIONS: dict[str | None, Any] = {}
_LOCK = threading.Lock()


class WorkerDiedError(ClaimxError):
    """A local worker process died; what was committed before stays."""


def default_workers() -> int:
    """RETURNS (int): the machine's usable cores, capped by the memory available for :data:`WORKER_MEMORY` each."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    available = _available_memory()
    if available is not None:
        cores = min(cores, max(1, available // WORKER_MEMORY))
    return max(1, cores)


def _available_memory() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return None


def _extraction(model: str | None) -> Any:
    """The worker process's loaded pipeline for ``model``: loaded on first use, then kept."""
    extraction = _EXTRACTIONS.get(model)
    if extraction is None:
        from .pipeline import Extraction

        extraction = _EXTRACTIONS[model] = Extraction(model=model)
    return extraction


@contextmanager
def frozen_load() -> Iterator[None]:
    """No automatic collection while the block loads the model, and what the process holds at its end
    frozen (``gc.freeze``: later collections neither walk it nor free it) before the collector runs
    again; the caller unfreezes it (``gc.unfreeze``) once the model has done its work.

    Loading builds a few hundred thousand long-lived objects and next to no garbage: the collector's
    passes over the growing heap took about a tenth of the load's CPU, and each full collection
    during extraction walked the model again. srsly's msgpack reader switches the collector back
    on after every read (``gc.enable``), so it is held off by a threshold of 0, not ``gc.disable``.
    """
    import gc

    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
        gc.freeze()
    finally:
        gc.set_threshold(*thresholds)


def extract_shard_task(articles: list[Article], model: str | None) -> list[Any]:
    """Extract one shard in a worker (a local process or a Dask worker).

    The model is loaded once per process and kept for the next shards; shards
    that arrive on several threads of one process take turns with it.

    articles (list[Article]): the shard, texts and front matter included.
    model (str | None): the base spaCy pipeline; None for the default.
    RETURNS (list[Extracted]): one per article, in order.
    """
    from .pipeline import extract_shard

    with _LOCK:
        return extract_shard(_extraction(model), articles)


def _killed_with_parent() -> None:
    """Have the kernel kill this process when its parent ends (Linux; elsewhere nothing)."""
    import signal

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass


def _die_with_parent(parent: int) -> None:
    """End this worker process when the run that started it dies (``kill -9`` included).

    Workers of a process pool hold both ends of their task queue, so they
    would wait for work forever once the parent is gone.
    """
    _killed_with_parent()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=watch, name="claimx-parent-watch", daemon=True).start()


def _quick_exit() -> None:
    """End a worker process at once, without the interpreter's teardown.

    A worker holds the model and its rule tables: the teardown of a spawned
    process frees them object by object (about 1 s of CPU, 2 s under load),
    while the run waits for its workers before it rolls up. By the time this
    runs (the first exit handler called, after the pool's sentinel ended the
    worker loop and multiprocessing's own clean-up), the worker has handed
    back every result: nothing is left to write but the standard streams.
    """
    import sys

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    os._exit(0)


def _load_in_worker(model: str | None, parent: int | None = None) -> None:
    """Pool initializer: tie the worker to its parent, skip its teardown at exit (:func:`_quick_exit`),
    and load the model before the first shard arrives."""
    import atexit

    if parent is not None:
        _die_with_parent(parent)
    atexit.register(_quick_exit)  # the handlers the model's modules register after it still run first
    with _LOCK, frozen_load():  # (kept frozen: the worker holds the model to its end)
        _extraction(model)


class Executor(Protocol):
    """Runs shards; :meth:`map` yields each shard with its results, in input order."""

    workers: int

    def map(self, shards: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[Any]]]: ...

    def close(self) -> None: ...


class InProcess:
    """Extraction in this process, with the model loaded here once."""

    workers = 1

    def __init__(self, model: str | None) -> None:
        from .pipeline import Extraction

        with frozen_load():
            self.extraction = Extraction(model=model)

    def map(self, shards: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[Any]]]:
        from .pipeline import extract_shard

        for shard in shards:
            yield shard, extract_shard(self.extraction, shard)

    def close(self) -> None:
        import gc

        gc.unfreeze()  # (frozen by the load: the model is collectable again)


def _ordered(submit: Any, shards: Iterable[list[Article]], window: int) -> Iterator[tuple[list[Article], Any]]:
    """Submit shards with at most ``window`` in flight; yield ``(shard, future)`` in input order."""
    pending: deque[tuple[list[Article], Any]] = deque()
    for shard in shards:
        pending.append((shard, submit(shard)))
        if len(pending) >= window:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def _fork_context() -> Any:
    """multiprocessing's ``fork`` context where forking this process is safe, else None.

    Safe: on Linux (macOS's system libraries do not survive a fork), and while
    this process runs no thread but its main one (a fork copies a lock another
    thread holds, locked for good in the child).
    """
    import multiprocessing
    import sys

    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return None
    try:
        return multiprocessing.get_context("fork")
    except ValueError:
        return None


def can_fork() -> bool:
    """RETURNS (bool): whether this process may fork a child that runs Python (:func:`_fork_context`)."""
    return _fork_context() is not None


class Forked:
    """``work()`` run in a child forked from this process, which carries on meanwhile; the child
    holds this process's memory as it was (nothing is sent to it) and hands its result back
    pickled, in an unnamed temporary file. The child runs nothing else: no exit handlers, no
    collections (nothing it inherited is freed or copied for them), and it ends with this
    process. Call where :func:`can_fork`.

    work (Callable[[], Any]): what the child computes.
    """

    def __init__(self, work: Any) -> None:
        import gc
        import tempfile

        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by result()
        parent = os.getpid()
        self._pid = os.fork()
        if self._pid == 0:  # the child
            code = 1
            try:
                gc.disable()
                _killed_with_parent()  # (it holds the store's lock file open: not past its parent's end)
                if os.getppid() != parent:
                    return
                import pickle

                pickle.dump(work(), self._file, protocol=pickle.HIGHEST_PROTOCOL)
                self._file.flush()
                code = 0
            except BaseException:  # noqa: BLE001 - whatever the failure, the parent does the work
                pass
            finally:
                os._exit(code)

    def result(self) -> Any:
        """RETURNS (Any): what ``work()`` returned; None when the child failed (killed, or it raised)."""
        import pickle

        try:
            _, status = os.waitpid(self._pid, 0)
            if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
                logger.debug("forked child %d ended with status %d: its work is done again", self._pid, status)
                return None
            self._file.seek(0)
            return pickle.load(self._file)  # noqa: S301 - written by this process's own child
        except (OSError, EOFError, pickle.UnpicklingError) as exc:
            logger.debug("forked child %d's result unreadable (%s): its work is done again", self._pid, exc)
            return None
        finally:
            self._file.close()


class LocalPool:
    """``workers`` processes on this machine, each holding the model once.

    Where the platform allows (:func:`_fork_context`), this process loads the
    model and the workers are forked from it with the model loaded: one load
    for the run instead of one per worker (spaCy's import, the model, the
    rule packs and the time grammar: about 1.5 s of CPU each), and the
    workers start extracting at once. A forked worker inherits the store's
    connection and lock file, and touches neither: it ends with its parent
    (:func:`_die_with_parent`), and the parent lets go of the lock
    explicitly. Elsewhere the processes are started fresh (``spawn``) and
    each loads the model. The outputs are the same either way.
    """

    def __init__(self, model: str | None, workers: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.model = model
        self.workers = workers
        context = _fork_context()
        if context is not None:
            with _LOCK, frozen_load():
                _extraction(model)  # the forked workers inherit it loaded
        else:
            context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_load_in_worker,
            initargs=(model, os.getpid()),
        )
        if context.get_start_method() == "fork":
            import gc

            # the pool forks all its workers at the first submit: now, before this
            # process starts any other thread (a progress bar's monitor, the pool's own);
            # the objects they inherit frozen, so that their collections neither walk
            # the model's objects nor copy the pages those live on
            gc.freeze()
            try:
                self.pool.submit(os.getpid).result()
            finally:
                gc.unfreeze()

    def map(self, shards: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[Any]]]:
        from concurrent.futures.process import BrokenProcessPool

        submit = lambda shard: self.pool.submit(extract_shard_task, shard, self.model)  # noqa: E731
        for shard, future in _ordered(submit, shards, 2 * self.workers + 1):
            try:
                yield shard, future.result()
            except BrokenProcessPool as exc:
                raise WorkerDiedError(
                    f"A claimx worker process died ({exc}); the articles committed so far are kept: "
                    "run again to finish (with --workers 1 if memory is short)."
                ) from None

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def dask_client(address: str, timeout: float | None = None) -> Any:
    """Connect to a Dask scheduler.

    address (str): the scheduler, e.g. ``tcp://10.0.0.5:8786``.
    timeout (float | None): seconds to wait; None for :data:`SCHEDULER_TIMEOUT`.
    RETURNS (distributed.Client): the connected client.
    """
    try:
        from distributed import Client
    except ImportError:
        raise ClaimxError(
            'claimx run --scheduler needs Dask: install it with pip install "claimx[dask]" '
            "(on this machine and on every worker)."
        ) from None
    try:
        return Client(address, timeout=SCHEDULER_TIMEOUT if timeout is None else timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise ClaimxError(
            f"Cannot reach the Dask scheduler at {address} ({reason}); start one with 'dask scheduler' "
            "and give its address as tcp://HOST:PORT."
        ) from None


class DaskPool:
    """The workers of a ``dask.distributed`` cluster.

    address (str): the scheduler's address (``tcp://HOST:PORT``).
    model (str | None): the base spaCy pipeline, installed on every worker.
    """

    def __init__(self, address: str, model: str | None, client: Any = None) -> None:
        self.client = client if client is not None else dask_client(address)
        self._own_client = client is None
        self.model = model
        info = self.client.scheduler_info()
        threads = sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values())
        self.workers = max(1, threads)

    def map(self, shards: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[Any]]]:
        def submit(shard: list[Article]) -> Any:
            # pure=False: a shard is sent again (not served from a cache) when a run is repeated
            return self.client.submit(extract_shard_task, shard, self.model, pure=False)

        for shard, future in _ordered(submit, shards, 2 * self.workers + 1):
            try:
                result = future.result()
            except Exception as exc:  # KilledWorker, a lost scheduler: the cluster gave up on this shard
                reason = " ".join(str(exc).split())[:300] or type(exc).__name__
                raise ClaimxError(
                    f"The Dask cluster could not extract a shard ({type(exc).__name__}: {reason}); "
                    "the articles committed so far are kept: run again to finish."
                ) from None
            future.release()
            yield shard, result

    def close(self) -> None:
        if self._own_client:
            self.client.close()


def executor(model: str | None, *, workers: int | None, scheduler: str | None, shards: int) -> Executor:
    """The executor for a run.

    workers (int | None): local worker processes; None for :func:`default_workers`.
    scheduler (str | None): a Dask scheduler's address; overrides ``workers``.
    shards (int): how many shards the run has (no more processes are started than shards).
    """
    if scheduler:
        return DaskPool(scheduler, model)
    count = default_workers() if workers is None else workers
    count = max(1, min(count, shards))
    if count == 1:
        return InProcess(model)
    return LocalPool(model, count)

""":mod:`claimx.cli`: the ``claimx`` command line; one module per command.

The CLI is a thin shell: each command calls a plain function that returns data,
and this package is the only place that prints.
"""

from __future__ import annotations

from . import bench as _bench  # noqa: E402,F401
from . import eval as _eval  # noqa: E402,F401
from . import mark as _mark  # noqa: E402,F401
from . import report as _report  # noqa: E402,F401
from . import review as _review  # noqa: E402,F401

# Each command module registers itself on ``app`` when imported.
from . import run as _run  # noqa: E402,F401
from . import schema as _schema  # noqa: E402,F401
from . import status as _status  # noqa: E402,F401
from ._app import app


def main() -> None:
    """The ``claimx`` command: the app run, then the process ended without the interpreter's teardown
    (:func:`end_process`)."""
    try:
        app()
    except SystemExit as done:
        end_process(done.code)
        raise


def end_process(code: object = 0) -> None:
    """End the process with ``code`` (as ``sys.exit`` reads it) once what exiting must do is done: the
    exit handlers run (the log's, the temporary files', multiprocessing's) and the standard streams
    flushed. Left out is the teardown that frees every object one by one: after ``claimx run`` that is
    the model's objects, about 0.35 s of CPU, which the user waits for. Returns (the caller exits as
    usual) while a thread other than daemons runs: the interpreter waits for it first."""
    import atexit
    import os
    import sys
    import threading

    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        return
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # a message: printed, status 1 (as sys.exit does)
        sys.stderr.write(f"{code}\n")
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    os._exit(status & 0xFF)


__all__ = ["app", "end_process", "main"]

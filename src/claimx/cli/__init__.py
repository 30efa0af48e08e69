""":mod:`claimx.cli`: the ``claimx`` command line; one module per command.

The CLI is a thin shell: each command calls a plain function that returns data,
and this package is the only place that prints.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

#: the command modules, each registering its command on ``app`` when imported: ``claimx COMMAND``
#: imports its own alone (``claimx run`` none of the others' modules: rich, the review, the
#: evaluation); help, an unknown command and ``app`` from this package import them all
COMMANDS: tuple[str, ...] = ("bench", "eval", "mark", "report", "review", "run", "schema", "status")


def register(commands: Iterable[str] = COMMANDS) -> Any:
    """Import the modules of ``commands`` (every command's by default).

    RETURNS (typer.Typer): the app they are registered on."""
    import importlib

    for name in commands:
        importlib.import_module(f"{__name__}.{name}")
    from ._app import app, one_of_many

    one_of_many()
    return app


def __getattr__(name: str) -> Any:
    if name == "app":  # the whole command line, every command registered
        return register()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """The ``claimx`` command: the app run, then the process ended without the interpreter's teardown
    (:func:`end_process`)."""
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    app = register((command,) if command in COMMANDS else COMMANDS)
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

""":mod:`claimx.runlog`: tracebacks go to ``outputs/claimx.log``, not to the terminal.

While a command works on an outputs folder, log records of ``claimx.*`` at
WARNING and above (an article whose extraction raised, a reader bug, a
command that failed) are appended to ``claimx.log`` in that folder, with
their tracebacks. The terminal gets one line per file; the summary names the
log when something was written to it. The file is only created when there is
something to write, and a log that cannot be written (a read-only or full
disk) is given up silently: the one-line messages still say what happened.
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import TracebackType

#: The log file's name inside the outputs folder.
LOG_FILE = "claimx.log"
#: The logger whose records (and those of its children) are written.
LOGGER = "claimx"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _LogFile(logging.FileHandler):
    """A file handler that counts what it wrote and never prints its own errors."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.written = 0
        self.failed = False
        self.users = 0
        self.setLevel(logging.WARNING)
        self.setFormatter(logging.Formatter(FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        if self.failed:
            return
        try:
            super().emit(record)  # FileHandler opens the file outside its own error handling
        except OSError:
            self.failed = True
        if not self.failed:
            self.written += 1

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        self.failed = True

    def close(self) -> None:
        try:
            super().close()
        except OSError:  # a full disk refuses the last flush: the one-line messages stand
            self.failed = True


class RunLog:
    """Send ``claimx`` log records to ``OUTPUTS/claimx.log`` inside a ``with`` block.

    outputs (Path): the outputs folder (it must exist before anything is logged).
    Nested blocks on the same folder share one handler, so nothing is written twice.
    """

    def __init__(self, outputs: Path) -> None:
        self.path = Path(outputs) / LOG_FILE
        self._handler: _LogFile | None = None

    def __enter__(self) -> RunLog:
        logger = logging.getLogger(LOGGER)
        target = str(self.path.absolute())
        for handler in logger.handlers:
            if isinstance(handler, _LogFile) and handler.baseFilename == target:
                self._handler = handler
                break
        else:
            self._handler = _LogFile(self.path)
            logger.addHandler(self._handler)
        self._handler.users += 1
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        handler = self._handler
        if handler is None:
            return
        handler.users -= 1
        if handler.users == 0:
            logging.getLogger(LOGGER).removeHandler(handler)
            handler.close()

    @property
    def written(self) -> bool:
        """Whether anything was written to the log in this block (or an enclosing one)."""
        return self._handler is not None and self._handler.written > 0

    @property
    def logged(self) -> Path | None:
        """RETURNS (Path | None): the log file, when something was written to it."""
        return self.path if self.written else None

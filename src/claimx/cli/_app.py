"""The typer app every ``claimx`` command registers on, and shared CLI helpers."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from wasabi import msg

if TYPE_CHECKING:
    from ..runlog import RunLog

Arg = typer.Argument
Opt = typer.Option

app = typer.Typer(
    name="claimx",
    help=(
        "Hedging-aware claim extraction from news articles: what is confirmed, "
        "expected, rumored, denied or unconfirmed, with the words that show it."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def one_of_many() -> None:
    """Keep ``app`` a group of commands when one alone is registered (``claimx run`` imports only its
    own module, :func:`claimx.cli.register`): typer runs a lone command without its name."""
    if app.registered_callback is None:
        app.callback()(_group)


def _group() -> None:  # (no options of its own, nor help: the app's help is shown)
    return None


@contextmanager
def command_log(outputs: Path) -> Iterator[RunLog]:
    """Run a command on an outputs folder: tracebacks to ``OUTPUTS/claimx.log``, one line to the terminal.

    A :class:`~claimx.errors.ClaimxError` is printed as it is; any other error
    (a full or read-only disk, a damaged store, a bug) is printed as one line
    naming the log, where its traceback is. Both exit with status 2.
    """
    from ..errors import ClaimxError
    from ..runlog import RunLog
    from ..store import describe_failure

    log = RunLog(outputs)
    with log:
        try:
            yield log
        except ClaimxError as exc:
            msg.fail(str(exc))
            raise typer.Exit(2) from None
        except (typer.Exit, KeyboardInterrupt):
            raise
        except Exception as exc:
            logging.getLogger("claimx.cli").error("%s failed", " ".join(sys.argv[1:2]) or "claimx", exc_info=True)
            where = f" (traceback in {log.path})" if log.written else ""
            msg.fail(describe_failure(exc, Path(outputs)) + where)
            raise typer.Exit(2) from None

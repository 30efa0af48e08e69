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
    app()


__all__ = ["app", "main"]

""":mod:`claimx.leanspacy`: import spaCy without its command line.

``import spacy`` runs ``from .cli.info import info``, which imports the whole
of ``spacy.cli`` (every command, weasel, requests, httpx: about 350 modules and
0.15 s of CPU on a quiet machine) only to offer ``spacy.info``. claimx never
uses spaCy's command line, and a run pays that import once in the parent, a
serial part of every ``--workers`` run. :func:`import_spacy` imports spaCy
with placeholders for ``spacy.cli`` and ``spacy.cli.info`` and removes them
afterwards: ``spacy.info`` imports the real command when called, and a later
``import spacy.cli`` imports the real package.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any

#: the modules spaCy's ``__init__`` imports only for ``spacy.info``
PLACEHOLDERS: tuple[str, ...] = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, the real command imported when it is called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> ModuleType:
    """RETURNS (ModuleType): the ``spacy`` package, imported without ``spacy.cli``
    if no one imported it before (else as it is)."""
    if "spacy" not in sys.modules:
        placeholders = {name: ModuleType(name) for name in PLACEHOLDERS}
        placeholders["spacy.cli.info"].info = _info  # type: ignore[attr-defined]
        sys.modules.update(placeholders)
        try:
            importlib.import_module("spacy")
        finally:
            for name, module in placeholders.items():
                if sys.modules.get(name) is module:
                    del sys.modules[name]
    return sys.modules["spacy"]

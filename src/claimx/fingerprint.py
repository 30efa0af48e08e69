""":mod:`claimx.fingerprint`: content hashes and the pipeline fingerprint.

The fingerprint names everything that shapes extraction output: claimx's
version, the rule pack (every file and its relative path), the base model's
name and version, and the settings. Same fingerprint and same article text
give the same claims, with the same ids.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .about import __version__
from .rules import default_rules_dir, rules_hash
from .schemas import Extractor


def sha256_text(text: str) -> str:
    """RETURNS (str): hex sha256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_hash(data: Any) -> str:
    """RETURNS (str): hex sha256 of ``data`` as canonical JSON (sorted keys)."""
    return sha256_text(json.dumps(data, sort_keys=True, separators=(",", ":"), default=str))


def extractor_info(
    model: str, model_version: str, *, rules_dir: Path | None = None, settings: dict[str, Any] | None = None
) -> Extractor:
    """RETURNS (Extractor): what produced a record, with its fingerprint."""
    rules = rules_hash(rules_dir or default_rules_dir())
    fingerprint = canonical_hash(
        {
            "claimx": __version__,
            "rules": rules,
            "model": model,
            "model_version": model_version,
            "settings": settings or {},
        }
    )
    return Extractor(
        version=__version__,
        rules_hash=rules,
        model=model,
        model_version=model_version,
        fingerprint=fingerprint,
    )

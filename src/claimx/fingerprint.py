""":mod:`claimx.fingerprint`: content hashes and the pipeline fingerprint.

The fingerprint names everything that shapes extraction output: claimx's
version, its own code (every ``.py`` file of the package and the data files
beside them, so a ``git pull`` or an edit of an editable install counts even
when the version string stays the same), the rule pack actually configured
(every file and its relative path), the base model's name and version, and
the settings. Same fingerprint and same article text give the same claims,
with the same ids.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from .about import __version__
from .rules import default_rules_dir, rules_hash
from .schemas import Extractor

#: The package whose source is hashed into the fingerprint (tests point it at a copy).
CODE_DIR: Path = Path(__file__).resolve().parent
#: Suffixes of the package files that make up its code.
CODE_SUFFIXES: tuple[str, ...] = (".py", ".cfg", ".json", ".jsonl")


def sha256_text(text: str) -> str:
    """RETURNS (str): hex sha256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_hash(data: Any) -> str:
    """RETURNS (str): hex sha256 of ``data`` as canonical JSON (sorted keys)."""
    return sha256_text(json.dumps(data, sort_keys=True, separators=(",", ":"), default=str))


@lru_cache(maxsize=4)
def _hash_files(root: str, stamp: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    for rel, _, _ in stamp:
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update((Path(root) / rel).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def code_hash(code_dir: Path | None = None) -> str:
    """RETURNS (str): sha256 over the package's source files and their relative paths.

    code_dir (Path | None): the package folder; default :data:`CODE_DIR`.
    """
    root = Path(code_dir or CODE_DIR)
    files = sorted(
        p
        for p in root.rglob("*")
        if p.suffix in CODE_SUFFIXES and "__pycache__" not in p.parts and p.is_file()
    )
    stamp = tuple((p.relative_to(root).as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return _hash_files(str(root), stamp)


def configured_rules_dirs(components: Mapping[str, Mapping[str, Any]]) -> list[Path]:
    """The rule packs a pipeline's claimx components read.

    components (Mapping): ``nlp.config["components"]``: component name -> its config.
    RETURNS (list[Path]): each distinct pack, in component order; a component
        without ``rules_dir`` reads :func:`~claimx.rules.default_rules_dir`.
    """
    dirs: list[Path] = []
    for name, config in components.items():
        if not str(config.get("factory", name)).startswith("claimx_"):
            continue
        configured = config.get("rules_dir")
        path = Path(configured) if configured else default_rules_dir()
        if path not in dirs:
            dirs.append(path)
    return dirs


def saved_pipeline_packs(model: str | None) -> list[Path] | None:
    """The rule files a claimx pipeline saved with ``nlp.to_disk`` carries, without loading spaCy.

    model (str | None): what ``--model`` names.
    RETURNS (list[Path] | None): the folders of its tokenizer and components
        that hold rule files, in pipeline order (as :func:`claimx.nlp.rule_packs`
        finds them once it is loaded); None when ``model`` is no such folder.
    """
    if not model or not (Path(model) / "config.cfg").is_file():
        return None
    import configparser

    config = configparser.ConfigParser(interpolation=None)
    config.read(Path(model) / "config.cfg", encoding="utf-8")
    try:
        pipeline = json.loads(config["nlp"]["pipeline"])
    except (KeyError, ValueError):
        return None
    folders = [Path(model) / name for name in ("tokenizer", *pipeline)]
    packs = [folder for folder in folders if folder.is_dir() and any(folder.glob("*.jsonl"))]
    return packs or None


def extractor_info(
    model: str,
    model_version: str,
    *,
    rules_dir: Path | Iterable[Path] | None = None,
    settings: dict[str, Any] | None = None,
) -> Extractor:
    """RETURNS (Extractor): what produced a record, with its fingerprint.

    rules_dir (Path | Iterable[Path] | None): the rule pack(s) the pipeline
        reads (see :func:`configured_rules_dirs`); default the pack in use.
    """
    if rules_dir is None or isinstance(rules_dir, (str, Path)):
        packs = [Path(rules_dir or default_rules_dir())]
    else:
        packs = list(rules_dir) or [default_rules_dir()]
    hashes = [rules_hash(pack) for pack in packs]
    rules = hashes[0] if len(hashes) == 1 else canonical_hash(hashes)
    code = code_hash()
    fingerprint = canonical_hash(
        {
            "claimx": __version__,
            "code": code,
            "rules": rules,
            "model": model,
            "model_version": model_version,
            "settings": settings or {},
        }
    )
    return Extractor(
        version=__version__,
        code_hash=code,
        rules_hash=rules,
        model=model,
        model_version=model_version,
        fingerprint=fingerprint,
    )

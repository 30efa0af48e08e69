""":mod:`claimx.rules`: find, load, validate and hash the rule packs in ``models/``.

A rule pack is a directory (``models/en/`` by default) holding a ``meta.json``
and JSONL files, one rule a line. Each component names the file it reads and
the pydantic model (``extra="forbid"``) each line must satisfy; a bad line
fails with the file, the line number and what is wrong.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import RulePackError

M = TypeVar("M", bound=BaseModel)

#: Environment variable naming another rule-pack directory.
RULES_ENV = "CLAIMX_RULES"


class ExampleEffect(BaseModel):
    """An example sentence on which a rule fires, with the effect it must have.

    text (str): the sentence (written for the pack, never copied from a gold set).
    status (str): the status of the claim the rule fired in.
    claim (str): that claim's evidence text, exactly.
    source (str | None): its attribution's text ("" or None: no source).
    topic (str): its topic. key (str): its roll-up key.
    title (str): the article's title, for rules that read it (title openers, codenames).
    """

    model_config = ConfigDict(extra="forbid")

    text: str
    status: Literal["confirmed", "expected", "rumored", "denied", "unconfirmed"] | None = None
    claim: str | None = None
    source: str | None = None
    topic: str | None = None
    key: str | None = None
    title: str | None = None

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("an example needs a text")
        return value


#: One item of a rule's ``examples``: a sentence the rule must fire on, or an
#: :class:`ExampleEffect` that also states what the firing does.
Example = Annotated[str, Field(pattern=r"\S")] | ExampleEffect


def example_text(example: Example) -> str:
    """RETURNS (str): the sentence of an example, plain or with its effect."""
    return example if isinstance(example, str) else example.text


def default_rules_dir() -> Path:
    """RETURNS (Path): the rule pack in use: ``$CLAIMX_RULES``, the installed copy, or the checkout's."""
    env = os.environ.get(RULES_ENV)
    if env:
        return Path(env)
    packaged = Path(__file__).resolve().parent / "models" / "en"
    if packaged.is_dir():
        return packaged
    # An editable install runs from the source checkout: src/claimx/ -> models/en
    checkout = Path(__file__).resolve().parent.parent.parent / "models" / "en"
    if checkout.is_dir():
        return checkout
    raise RulePackError(
        f"No rule pack found (looked in {packaged} and {checkout}). "
        f"Reinstall claimx, or set {RULES_ENV} to a rule-pack directory."
    )


def load_jsonl(path: Path, model: type[M]) -> list[M]:
    """Read one rule file, validating every line against ``model``.

    path (Path): a ``.jsonl`` file of the pack.
    model (type): the pydantic model of one line.
    RETURNS (list): the validated rules, in file order.
    """
    if not path.is_file():
        raise RulePackError(f"Rule file {path} is missing: restore it or point {RULES_ENV} at a full pack.")
    rules: list[M] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RulePackError(f"{path}:{number}: not valid JSON ({exc.msg}).") from exc
            rule_id = data.get("id") if isinstance(data, dict) else None
            where = f"{path}:{number}: rule {rule_id!r}" if rule_id is not None else f"{path}:{number}"
            try:
                rules.append(model.model_validate(data))
            except ValidationError as exc:
                problems = "; ".join(
                    f"[{'.'.join(str(p) for p in e['loc'])}] {e['msg']}" for e in exc.errors()
                )
                raise RulePackError(f"{where}: {problems}") from exc
    return rules


@lru_cache(maxsize=8)
def _hash_dir(path: str, stamp: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    root = Path(path)
    for rel, _, _ in stamp:
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update((root / rel).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def rules_hash(rules_dir: Path | None = None) -> str:
    """RETURNS (str): sha256 over every file of the pack, relative paths included."""
    root = Path(rules_dir or default_rules_dir()).resolve()
    files = sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))
    stamp = tuple(
        (p.relative_to(root).as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in files
    )
    return _hash_dir(str(root), stamp)

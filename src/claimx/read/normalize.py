""":mod:`claimx.read.normalize`: length-preserving text normalisation for the model.

Typography that news sites love but a small English model has rarely seen
(non-breaking hyphens, curly quotes, primes, odd spaces) is mapped to its plain
ASCII form *one code point for one code point*, so that every offset found in
the normalised text is also an offset in the body: ``len(normalize_text(t)) ==
len(t)`` always holds. The body itself is never changed; callers give the
normalised string to spaCy and keep the body for the records.

The mapping is data: ``normalize.jsonl`` in the rule pack, one
``{"id", "char", "replacement", "name"}`` object a line, where ``char`` and
``replacement`` are exactly one code point each.

Choices made in the default table:

- Only characters whose meaning survives are mapped: hyphens and the minus
  sign become ``-``; en and em dashes are *kept* (they mark ranges and
  asides, not hyphens). The ellipsis ``…`` is kept: it cannot become ``...``
  without changing the length.
- Zero-width space (U+200B) marks a word boundary, so it becomes a space:
  ``deal\\u200bwas`` is then two tokens, as a reader sees it.
- Soft hyphen (U+00AD), word joiner (U+2060), zero-width (non-)joiners and
  U+FEFF inside the text are *not* mapped: they sit inside words, and any
  one-character replacement (a space, a hyphen) would split the word, while
  left alone the word stays one token.
- Line and paragraph separators (U+2028, U+2029) become ``\\n``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import RulePackError
from ..rules import NormalizeRule, default_rules_dir, load_jsonl

#: The rule file, inside the rule pack.
RULE_FILE = "normalize.jsonl"


def load_normalize_rules(rules_dir: Path | None = None) -> list[NormalizeRule]:
    """Load and check the normalisation table of a rule pack.

    rules_dir (Path | None): the rule pack; ``None`` for the default one.
    RETURNS (list[NormalizeRule]): the rules, in file order.
    """
    path = Path(rules_dir or default_rules_dir()) / RULE_FILE
    rules = load_jsonl(path, NormalizeRule)
    seen_ids: set[str] = set()
    seen_chars: dict[str, str] = {}
    for rule in rules:
        if rule.id in seen_ids:
            raise RulePackError(f"{path}: rule id {rule.id!r} is used twice; give each rule its own id.")
        seen_ids.add(rule.id)
        if rule.char in seen_chars:
            raise RulePackError(
                f"{path}: rules {seen_chars[rule.char]!r} and {rule.id!r} both map "
                f"U+{ord(rule.char):04X}; keep one of them."
            )
        if rule.char == rule.replacement:
            raise RulePackError(f"{path}: rule {rule.id!r} maps a character to itself; remove it.")
        seen_chars[rule.char] = rule.id
    return rules


@lru_cache(maxsize=8)
def _table(rules_dir: str) -> dict[int, str]:
    return {ord(rule.char): rule.replacement for rule in load_normalize_rules(Path(rules_dir))}


@lru_cache(maxsize=8)
def _ids(rules_dir: str) -> dict[str, str]:
    return {rule.char: rule.id for rule in load_normalize_rules(Path(rules_dir))}


def rule_ids(rules_dir: Path | None = None) -> dict[str, str]:
    """RETURNS (dict[str, str]): character -> id of the rule that maps it, to record which rule fired."""
    return _ids(str(Path(rules_dir or default_rules_dir()).resolve()))


def translation_table(rules_dir: Path | None = None) -> dict[int, str]:
    """RETURNS (dict[int, str]): the ``str.translate`` table of a rule pack (built once)."""
    return _table(str(Path(rules_dir or default_rules_dir()).resolve()))


def normalize_text(text: str, rules_dir: Path | None = None) -> str:
    """Map typographic characters to plain ones, one code point for one.

    text (str): an article body (or any text).
    rules_dir (Path | None): the rule pack; ``None`` for the default one.
    RETURNS (str): the normalised text, of the same length as ``text``.
    """
    if text.isascii():
        return text
    return text.translate(translation_table(rules_dir))

""":mod:`claimx.amounts`: how news writes a figure (``models/en/amounts.jsonl``).

The roll-up (:mod:`claimx.status`) gives a tracked fact the amount a claim
writes ("$1.2 billion", "300 million euros", "several thousand"). The
entity tagger sometimes takes only the words before a figure for the amount
("more than", "as much as"); the figure written right after them is then read
with :func:`figure_at`, and an amount written in words alone ("a dozen",
"hundreds") is told apart with :func:`number_word`. The English words and
signs are the pack's; this module only compiles them. No spaCy here.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from .rules import AmountRule, default_rules_dir, load_jsonl


def load_amounts(rules_dir: Path | None = None) -> list[AmountRule]:
    """RETURNS (list[AmountRule]): the amount rules of a rule pack (none if it has no ``amounts.jsonl``)."""
    path = Path(rules_dir or default_rules_dir()) / "amounts.jsonl"
    return load_jsonl(path, AmountRule) if path.is_file() else []


def _words(rules: list[AmountRule], kind: str) -> list[str]:
    return [word for rule in rules if rule.kind == kind for word in rule.words]


def _alternatives(words: list[str] | set[str]) -> str:
    """RETURNS (str): the words as one regex alternation, longest first."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace("\\ ", " ") for w in ordered) or "(?!)"


@functools.lru_cache(maxsize=8)
def _figure_pattern(rules_dir: Path | None = None) -> re.Pattern[str]:
    """RETURNS (re.Pattern): a figure as news writes an amount: a currency sign
    (a country's letters before a coded one, "US$"), digits or a vague number
    before a scale word, scale words, a currency name."""
    rules = load_amounts(rules_dir)
    currency = [rule for rule in rules if rule.kind == "currency"]
    coded = {sign for rule in currency for sign in rule.coded_signs}
    plain = {sign for rule in currency for sign in rule.signs} - coded
    signs = [r"[A-Z]{0,3}" + re.escape(sign) for sign in sorted(coded)] + [re.escape(sign) for sign in sorted(plain)]
    vague = [
        rf"(?:{_alternatives(rule.words)})\s(?=(?:{_alternatives(rule.before)}))" for rule in rules if rule.kind == "vague"
    ]
    number = "|".join([r"\d[\d.,]*", *vague])
    prefixes = {word for rule in currency for word in rule.name_prefixes}
    prefix = rf"(?:(?:{_alternatives(prefixes)})\s)?" if prefixes else ""
    return re.compile(
        (rf"(?:{'|'.join(signs)})?" if signs else "")
        + rf"\s?(?:{number})"
        + rf"(?:\s?(?:{_alternatives(_words(rules, 'scale'))})\b)*"
        + rf"(?:\s{prefix}(?:{_alternatives(_words(rules, 'currency'))})\b)?"
    )


@functools.lru_cache(maxsize=8)
def _number_word_pattern(rules_dir: Path | None = None) -> re.Pattern[str]:
    """RETURNS (re.Pattern): a number word standing as a word of its own, any case."""
    return re.compile(
        rf"(?<![^\W_])(?:{_alternatives(_words(load_amounts(rules_dir), 'number'))})(?![^\W_])", re.IGNORECASE
    )


def figure_at(text: str, at: int, rules_dir: Path | None = None) -> str | None:
    """text (str): a claim's text. at (int): where a figure may begin.
    RETURNS (str | None): the figure written there ("US$ 45", "300 million
    euros", "several thousand"), or None."""
    found = _figure_pattern(rules_dir).match(text, at)
    return found.group(0) if found and found.group(0).strip() else None


def number_word(text: str, rules_dir: Path | None = None) -> str | None:
    """RETURNS (str | None): the first number word of ``text``, as written ("dozen", "Hundreds"), or None."""
    found = _number_word_pattern(rules_dir).search(text)
    return found.group(0) if found else None

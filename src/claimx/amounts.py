""":mod:`claimx.amounts`: how news writes a figure (``models/en/amounts.jsonl``).

The roll-up (:mod:`claimx.status`) gives a tracked fact the amount a claim
writes ("$1.2 billion", "300 million euros", "several thousand"). The
entity tagger sometimes takes only the words before a figure for the amount
("more than", "as much as"); the figure written right after them is then read
with :func:`figure_at`, an amount written in words alone ("a dozen",
"hundreds") is told apart with :func:`number_word`, :func:`amount_number`
reads the number an amount writes ("$2.5bn": 2.5e9), and :func:`range_end`
finds where a range the tagger cut after its first figure ends ("25,000 to
30,000": a reader wants the whole range). The English words and
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


@functools.lru_cache(maxsize=8)
def _range_patterns(rules_dir: Path | None = None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """RETURNS: the words that join two figures of a range, with the spaces
    around them, and the words before a first figure that make the two no range."""
    rules = [rule for rule in load_amounts(rules_dir) if rule.kind == "range"]
    joins = _alternatives([word for rule in rules for word in rule.words])
    nots = _alternatives([word for rule in rules for word in rule.not_after])
    return re.compile(rf"\s+(?:{joins})\s+", re.IGNORECASE), re.compile(rf"(?<![^\W_])(?:{nots})\s*$", re.IGNORECASE)


def range_end(text: str, start: int, end: int, rules_dir: Path | None = None) -> int | None:
    """text (str): a claim's text. start, end (int): a figure's place in it, as written.
    RETURNS (int | None): where the range it opens ends ("25,000 to 30,000
    jobs": after "30,000"), or None when no second figure is joined to it,
    the two are a change ("from 14% to 17%"), or the second is a figure of
    another kind ("fell 3% to $8": a share, then a price; "$8 to €9")."""
    joins, nots = _range_patterns(rules_dir)
    joined = joins.match(text, end)
    if joined is None or nots.search(text, 0, start):
        return None
    figure = figure_at(text, joined.end(), rules_dir)
    first = _bare_figure(rules_dir).fullmatch(text[start:end])
    if not figure or first is None:
        return None
    second = _bare_figure(rules_dir).match(figure.strip())
    if second is None or second.group(1) not in ("", first.group(1)):
        return None
    return joined.end() + len(figure.rstrip())


@functools.lru_cache(maxsize=8)
def _bare_figure(rules_dir: Path | None = None) -> re.Pattern[str]:
    """RETURNS (re.Pattern): a figure with no unit after it but a scale word ("$5 billion"), its sign (if any) its first group."""
    scales = _alternatives(_words(load_amounts(rules_dir), "scale"))
    return re.compile(rf"(\D*?)\d[\d.,]*(?:\s?(?:{scales})\b)?", re.IGNORECASE)


def number_word(text: str, rules_dir: Path | None = None) -> str | None:
    """RETURNS (str | None): the first number word of ``text``, as written ("dozen", "Hundreds"), or None."""
    found = _number_word_pattern(rules_dir).search(text)
    return found.group(0) if found else None


@functools.lru_cache(maxsize=8)
def _number_pattern(rules_dir: Path | None = None) -> tuple[re.Pattern[str], dict[str, float]]:
    """RETURNS: a figure in digits and the scale word after it, and each scale word's value (lower case)."""
    scales = {word.lower(): value for rule in load_amounts(rules_dir) if rule.kind == "scale" for word, value in rule.values.items()}
    pattern = re.compile(rf"(\d[\d,]*(?:\.\d+)?)\s*({_alternatives(list(scales))})?(?![^\W\d_])", re.IGNORECASE)
    return pattern, scales


def amount_number(value: str | None, rules_dir: Path | None = None) -> float | None:
    """RETURNS (float | None): the number an amount writes ("4,300" -> 4300,
    "$2.5bn" -> 2.5e9, by the scale words of the pack), or None."""
    pattern, scales = _number_pattern(rules_dir)
    found = pattern.search(value or "")
    if found is None:
        return None
    try:
        number = float(found.group(1).replace(",", ""))
    except ValueError:
        return None
    return number * scales.get((found.group(2) or "").lower(), 1.0)

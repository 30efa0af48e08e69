""":mod:`claimx.timex`: find and normalise time expressions, TIMEX3-style.

Pure Python (no spaCy). The grammar is data: ``models/en/temporal.jsonl``
holds the vocabulary (months, seasons, weekdays, ordinals, number words,
units, holidays), the modifiers that set a TIMEX3 ``mod`` ("around", "mid-",
"late", "the end of", "before", "beyond"...), the leading words that are not
part of an expression ("by", "since", "not"...), the surface patterns (regular
expressions with ``{PLACEHOLDERS}`` filled from the vocabulary) and the tense
cues :mod:`claimx.claims.dates` reads to tell which way a bare date points.

:func:`normalize_timex` reads any TIMEX3 (type DATE, TIME, DURATION, SET) into a
:class:`Timex3`: durations ("three years" P3Y, "the past decade" P10Y, "nearly
five months" P5M LESS_THAN), sets ("every week" P1W, "weekly", "every Monday"
XXXX-WXX-1), times ("16:08 UTC" 2013-03-12T16:08Z, "Tuesday morning"
2013-03-12TMO), reference words ("now" PRESENT_REF, "recently" PAST_REF, "the
future" FUTURE_REF) and dates that are no claim dates ("the day"). Patterns
with ``claim: false`` serve it alone; :func:`normalize` and
:func:`find_expressions` keep to the claim dates.

:func:`normalize` turns one expression into a :class:`claimx.schemas.Timex`:

- ``value``: ``2025``, ``2023-06``, ``2026-03-14``, ``2025-SU`` (SP, SU, FA,
  WI), ``2024-Q3``, ``2026-H1``, ``202X``, ``2026-W06`` (ISO week),
  ``2026-W30-WE`` (that week's weekend).
- ``mod``: ``APPROX``, ``MID``, ``START``, ``END``, ``BEFORE``, ``AFTER``.
- ``earliest``/``latest``: the ISO dates of the interval the value covers
  (``2025-WI`` is 2025-12-01..2026-02-28/29). ``APPROX``/``MID``/``START``/
  ``END`` keep the value's interval. ``BEFORE`` and ``AFTER`` describe the
  open interval the expression covers: "before 2027" has no ``earliest`` and
  ``latest`` 2026-12-31; "after 2026" has ``earliest`` 2027-01-01 and no
  ``latest``.

Relative expressions ("next year", "in February", "on Monday", "the summer")
resolve against ``anchor`` (the article's publication date). A bare calendar
name resolves to the nearest occurrence in the ``direction`` the tense points
("past": the latest one that has begun; "future": the first one not yet over,
for seasons the first whose middle is not yet past; ``None``: the nearest,
counting an interval that holds the anchor as nearest). A day named without a
year ("March 31") takes the other direction when the tense's choice is more
than 180 days away and the other is within 90 (updates written later, wrong
tags). "This summer" is the anchor year's, "next"/"last summer" the year
after/before ("next summer" in May is next year's); "next June" is the first
June after the anchor's month, "last June" the last one before it. With no
direction, "before"/"beyond" names look ahead ("nothing beyond August is
confirmed"). "In two weeks" is a date (the day) unless the tense is
past, where it is a duration. Without an anchor a relative expression gives
``Timex(value=None, unresolved=True)``.

Full dates ("January 28, 2026", "3 March 2026", "March 3") are parsed by one
module-level :class:`dateparser.date.DateDataParser`, its settings
(``RELATIVE_BASE``, ``PREFER_DATES_FROM``) swapped per call under a lock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from dateparser.conf import Settings
from dateparser.date import DateDataParser
from pydantic import BaseModel, ConfigDict

from .casefold import folded_pattern, lowered
from .rules import (
    Direction,
    FillerRule,
    ModifierRule,
    PatternRule,
    TemporalDecisionRule,
    TemporalRule,
    TenseRule,
    Timex3Mod,
    TimexType,
    TriggerRule,
    VocabRule,
    default_rules_dir,
    load_jsonl,
    rule_lines,
)
from .schemas import Mod, Timex

logger = logging.getLogger(__name__)

#: Name of the rule file in the rule pack.
TEMPORAL_FILE = "temporal.jsonl"

# ---------------------------------------------------------------------------
# Rule file models
# ---------------------------------------------------------------------------


class Timex3(BaseModel):
    """One TIMEX3: its ``type``, ``value`` and ``mod``, and the ISO interval a date covers.

    ``value`` follows TimeML: ``2013-03-12`` (DATE), ``2013-03-12T16:08`` or
    ``2013-03-12TMO`` (TIME), ``P3Y``/``PT2H``/``PXY`` (DURATION), ``P1W`` or
    ``XXXX-WXX-1`` (SET), ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` (DATE).
    ``earliest``/``latest`` are set for calendar dates and times only.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: TimexType = "DATE"
    value: str | None
    mod: Timex3Mod | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    unresolved: bool = False

    @classmethod
    def from_timex(cls, timex: Timex) -> Timex3:
        """timex (Timex): a claim date. RETURNS (Timex3): the same, typed DATE."""
        return cls(**timex.model_dump())


# ---------------------------------------------------------------------------
# Compiled grammar
# ---------------------------------------------------------------------------

_HYPHENS = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2212": "-",
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
    }
)

# A match may not start inside a word, a number, an amount or a hyphenated compound
# (but the second year of "2009-2010" is a year, and the second day of "March 30-April 4" a day),
# nor end inside a word, before a percentage or before a number other than the end
# of a range ("2009-2010", "2024-25" keep their first year; "Dec. 6-9", "May 12-14"
# their first day).
_START_GUARD = r"(?<![\w$€£¥/.])(?:(?<!-)|(?<=\d{4}-)|(?<=\d-)(?=[A-Za-z]))"
_END_GUARD = r"(?![\w%]|/\d|-(?=\d)(?!\d\d?(?!\d)|\d{4}(?!\d))|\s*(?:%|per\s*cent\b|percent\b))"


def clean_text(text: str) -> str:
    """Length-preserving normalisation: odd hyphens and dashes (not the em dash) to "-",
    curly apostrophes to "'", odd spaces to " ".

    text (str): any text.
    RETURNS (str): the text, same length, same offsets.
    """
    return text.translate(_HYPHENS)


@dataclass(frozen=True)
class _Pattern:
    rule: PatternRule
    full: re.Pattern[str]
    search: re.Pattern[str]
    #: what every match of ``search`` holds (see :func:`_needs`): a stretch of
    #: text none of these regexes finds anything in holds no match either
    needs: tuple[re.Pattern[str], ...] = ()


class _Unsupported(Exception):
    """A pattern :func:`_needs` does not read: it gets no prefilter."""


#: a placeholder stands for one private-use character while a pattern is parsed (:func:`_needs`)
_MARK = 0xE000
#: literal runs shorter than this are not worth a search of their own
_MIN_LITERAL = 3


def _needs(template: str, places: dict[str, str]) -> list[str]:
    """The parts every match of a pattern's core must contain, as regexes to search for.

    The core (``{PLACEHOLDERS}`` and regex) is parsed with each placeholder
    standing for one character; walking the parse, a placeholder or a run of
    literal characters that no repeat of minimum 0 and no alternative can skip
    is a need, and so is an alternation whose every branch has a need (the
    branches' first needs, as one alternation). Every match of the search
    pattern holds a match of each need at the same place, and a regex found at
    a place by the whole pattern is found there alone (same text, same
    lookarounds, backtracking tries every way), so searching a stretch of text
    for a need (case-insensitively: at least as permissive) and finding none
    proves the pattern has no match in it. Back-references, conditionals and
    atomic groups raise :class:`_Unsupported`.

    RETURNS (list[str]): the needs' regexes (group names dropped), in the order of the pattern.
    """
    from re import _constants as c
    from re import _parser

    names = sorted(places)
    marks = {chr(_MARK + i): name for i, name in enumerate(names)}
    text = re.sub(r"\{([A-Z]+)\}", lambda m: chr(_MARK + names.index(m.group(1))), template)
    parsed = _parser.parse(text, re.IGNORECASE)

    def walk(items: Any) -> list[str]:
        found: list[str] = []
        run: list[str] = []

        def flush() -> None:
            literal = "".join(run)
            if len(literal.strip()) >= _MIN_LITERAL:
                found.append(re.escape(literal))
            run.clear()

        for op, av in items:
            if op is c.LITERAL and chr(av) in marks:
                flush()
                found.append(re.sub(r"\(\?P<\w+>", "(?:", places[marks[chr(av)]]))
            elif op is c.LITERAL:
                run.append(chr(av))
            elif op is c.SUBPATTERN:
                flush()
                found.extend(walk(av[3]))
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                flush()
                if av[0] >= 1:
                    found.extend(walk(av[2]))
            elif op is c.BRANCH:
                flush()
                branches = [walk(branch) for branch in av[1]]
                if all(branches):
                    common = [need for need in branches[0] if all(need in other for other in branches[1:])]
                    found.extend(common or ["|".join(dict.fromkeys(f"(?:{b[0]})" for b in branches))])
            elif op in (c.GROUPREF, c.GROUPREF_EXISTS, c.GROUPREF_IGNORE, c.ATOMIC_GROUP, c.POSSESSIVE_REPEAT):
                raise _Unsupported(str(op))
            else:  # a class, any character, an assertion: the run of literals ends here
                flush()
        flush()
        return found

    return walk(parsed.data)


@dataclass
class Grammar:
    """Everything ``temporal.jsonl`` says, compiled.

    ``patterns`` holds every pattern in file order; ``claim_patterns`` the ones
    that give claim dates (:func:`normalize`, :func:`find_expressions`).
    """

    patterns: list[_Pattern]
    vocab: dict[str, dict[str, VocabRule]]
    modifiers: dict[str, Timex3Mod]
    fillers: re.Pattern[str]
    tense: dict[str, set[str]] = field(default_factory=dict)
    gate: re.Pattern[str] | None = None
    trigger: re.Pattern[str] | None = None
    claim_patterns: list[_Pattern] = field(default_factory=list)
    trigger_extra: re.Pattern[str] | None = None
    #: ``(rule id, type, regex of its words)`` of the rules that name words
    #: rather than patterns, to record which of them took part (:func:`word_patterns`)
    words: list[tuple[str, str, re.Pattern[str]]] = field(default_factory=list)
    #: :func:`word_index` of ``words``: which of them a stretch of text with these word runs can hold
    word_index: tuple[dict[str, tuple[int, ...]], tuple[int, ...]] = field(default_factory=lambda: ({}, ()))
    #: the words of the tense rules, lower-cased, with the ids of the rules that name them
    #: (what their ``words`` regexes fullmatch, looked up rather than matched)
    tense_words: dict[str, frozenset[str]] = field(default_factory=dict)
    match_cache: dict[bool, tuple[str, list[Any]]] = field(init=False, default_factory=dict, repr=False, compare=False)
    #: ``trigger`` and ``trigger_extra`` without IGNORECASE, searched in a lower-cased text
    #: where that finds the same (:func:`_folded_pattern`, :func:`_lowered`); None where it may not
    trigger_folded: re.Pattern[str] | None = None
    trigger_extra_folded: re.Pattern[str] | None = None
    #: the last text :func:`_lowered` was asked of, and its answer (a Doc's two passes share it)
    lowered_cache: tuple[str, str | None] | None = field(init=False, default=None, repr=False, compare=False)
    #: ids of the claim-date patterns that give no TIMEX3 when every one is sought (``timeml: false``)
    claim_only: frozenset[str] = frozenset()
    #: ids of the patterns whose words count from the speaker's day (``speaker: true``)
    speaker_rules: frozenset[str] = frozenset()
    #: the ``decision`` rules, in file order: decisions on the parse around an
    #: expression, compiled where the parse is (:mod:`claimx.claims.tense`)
    decisions: list[TemporalDecisionRule] = field(default_factory=list)
    #: the file the grammar was read from (None: built from rules in memory) and the line of each rule id
    source: Path | None = None
    lines: dict[str, int] = field(default_factory=dict)
    #: what the finder compiled from ``decisions`` once (see :mod:`claimx.claims.tense`)
    compiled_decisions: Any = field(init=False, default=None, repr=False, compare=False)

    def lookup(self, category: str, word: str) -> VocabRule | None:
        """RETURNS (VocabRule | None): the vocabulary entry ``word`` belongs to."""
        table = self.vocab.get(category, {})
        key = _key(word)
        return table.get(key) or table.get(key.rstrip("."))

    def select(self, everything: bool) -> list[_Pattern]:
        """everything (bool): all TIMEX3 patterns, or only claim dates'. RETURNS (list): the patterns."""
        return self.patterns if everything else self.claim_patterns


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", clean_text(word).strip().lower())


def _phrase_regex(phrase: str) -> str:
    return r"\s+".join(re.escape(part) for part in phrase.split())


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))


def _vocab_alternation(rules: list[VocabRule], group: str, bare_only: bool = False) -> str:
    plain: list[str] = []
    cased: list[str] = []
    for rule in rules:
        if bare_only and not rule.bare:
            continue
        for word in rule.words:
            body = _phrase_regex(clean_text(word))
            if rule.case_sensitive:
                cased.append(body)
                cased.append(_phrase_regex(clean_text(word).upper()))
                if rule.lowercase_ok:
                    cased.append(_phrase_regex(clean_text(word).lower()))
            else:
                plain.append(body)
    parts = []
    if cased:
        parts.append("(?-i:" + _alternation(cased) + ")")
    if plain:
        parts.append(_alternation(plain))
    return f"(?P<{group}>" + "|".join(parts) + r")(?!\w)"


def _build(rules: list[Any], compile: Callable[..., re.Pattern[str]] = re.compile) -> Grammar:
    vocab_rules: dict[str, list[VocabRule]] = {}
    vocab: dict[str, dict[str, VocabRule]] = {}
    modifiers: dict[str, Timex3Mod] = {}
    search_mods: dict[str, list[str]] = {"date": [], "duration": []}
    all_mods: dict[str, list[str]] = {"date": [], "duration": []}
    fillers: list[str] = []
    triggers: list[str] = []
    extra_triggers: list[str] = []
    trigger_patterns: list[str] = []
    claim_trigger_patterns: list[str] = []
    pattern_rules: list[PatternRule] = []
    tense: dict[str, set[str]] = {}
    decisions: list[TemporalDecisionRule] = []
    for wrapped in rules:
        rule = wrapped.root
        if isinstance(rule, VocabRule):
            vocab_rules.setdefault(rule.category, []).append(rule)
            for word in rule.words:
                vocab.setdefault(rule.category, {})[_key(word)] = rule
        elif isinstance(rule, ModifierRule):
            for phrase in rule.phrases:
                key = _key(phrase).rstrip("-")
                modifiers[key] = rule.mod
                hyphen = phrase.endswith("-")
                body = _phrase_regex(key) + (r"\s*-\s*" if hyphen else r"(?:\s+|\s*-\s*)")
                for scope in rule.scopes:
                    all_mods[scope].append(body)
                    if rule.search:
                        search_mods[scope].append(body)
        elif isinstance(rule, FillerRule):
            fillers.extend(_phrase_regex(_key(w)) for w in rule.words)
        elif isinstance(rule, TriggerRule):
            (triggers if rule.claim else extra_triggers).extend(_phrase_regex(_key(w)) for w in rule.words)
            (claim_trigger_patterns if rule.claim else trigger_patterns).extend(rule.patterns)
        elif isinstance(rule, PatternRule):
            pattern_rules.append(rule)
        elif isinstance(rule, TenseRule):
            tense.setdefault(rule.role + ":" + str(rule.direction), set()).update(_key(w) for w in rule.words)
        elif isinstance(rule, TemporalDecisionRule):
            decisions.append(rule)

    def category(name: str) -> list[VocabRule]:
        return vocab_rules.get(name, [])

    places = {
        "MONTH": _vocab_alternation(category("month"), "month"),
        "SEASON": _vocab_alternation(category("season"), "season"),
        "SEASONB": _vocab_alternation(category("season"), "season", bare_only=True),
        "WEEKDAY": _vocab_alternation(category("weekday"), "weekday"),
        "ORD": _vocab_alternation(category("ordinal"), "ord"),
        "NUM": "(?P<num>"
        + _alternation([_phrase_regex(w) for r in category("number") for w in r.words])
        + r"|\d{1,3})(?!\w)",
        "UNIT": _vocab_alternation(category("unit"), "unit"),
        "HOLIDAY": _vocab_alternation(category("holiday"), "holiday"),
        "DAY": r"(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)",
        "YEAR": r"(?P<year>(?:1[5-9]|2[01])\d\d)",
        "YEARREF": r"(?:(?P<year>(?:1[5-9]|2[01])\d\d)|(?P<yrel>this|next|last)\s+year)",
    }
    counts = [r for name in ("number", "quantity") for r in category(name)]
    numbers = _alternation([_phrase_regex(w) for r in counts for w in r.words])
    second = _alternation(
        [_phrase_regex(w) for r in counts if not r.vague and not r.approx for w in r.words if _key(w) not in ("a", "an")]
    )
    places["QTY"] = (
        rf"(?P<qty>(?:(?:{numbers})(?:[\s-]+(?:{second})(?!\w))?|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
        r"(?:\s+and\s+a\s+half)?)(?!\w)"
    )
    # a count of days or weeks before or after the date that follows ("the day after
    # Christmas", "two weeks before March 3", "the eve of"): the date is shifted by it
    places["SHIFT"] = (
        r"(?:(?P<seve>the\s+eve\s+of)|(?P<sweek>the\s+week\s+of)|(?:(?:the|an?|one)\s+(?P<sone>day|week|month)"
        rf"|(?P<snum>{second}|\d{{1,2}})\s+(?P<sunit>days|weeks|months))"
        r"\s+(?P<sdir>before|after|ahead\s+of|prior\s+to))\s+"
    )
    places["DUNIT"] = _vocab_alternation(category("duration_unit"), "dunit")
    places["POD"] = _vocab_alternation(category("part_of_day"), "pod")
    places["TZ"] = _vocab_alternation(category("timezone"), "tz")
    compiled: list[_Pattern] = []
    claim_compiled: list[_Pattern] = []
    for rule in pattern_rules:
        scope = "duration" if rule.kind == "duration" else "date"
        full_mods = "(?P<mod>" + _alternation(all_mods[scope]) + ")"
        find_mods = "(?P<mod>" + _alternation(search_mods[scope]) + ")"
        core = re.sub(r"\{([A-Z]+)\}", lambda m: places[m.group(1)], rule.pattern)
        quant = "" if rule.requires_mod else "?"
        full = compile(f"(?:{full_mods}){quant}(?P<core>{core})", re.IGNORECASE)
        search = compile(
            f"{_START_GUARD}(?:(?:{find_mods}){quant}{rule.search_prefix}(?P<core>{core})){_END_GUARD}",
            re.IGNORECASE,
        )
        try:
            needs = tuple(compile(need, re.IGNORECASE) for need in dict.fromkeys(_needs(rule.pattern, places)))
        except (_Unsupported, re.error, ValueError, KeyError):  # no prefilter: searched everywhere
            needs = ()
        compiled.append(_Pattern(rule, full, search, needs))
        if rule.claim:
            claim_compiled.append(compiled[-1])
    filler_re = compile(r"^(?:" + _alternation(fillers) + r")\s+", re.IGNORECASE)
    gate = compile(places["MONTH"] + r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b", re.IGNORECASE)
    for name in ("month", "season", "weekday", "holiday", "unit"):
        triggers.extend(_phrase_regex(_key(w).rstrip(".")) for r in category(name) for w in r.words)
    for name in ("duration_unit", "part_of_day", "timezone"):
        extra_triggers.extend(_phrase_regex(_key(w).rstrip(".")) for r in category(name) for w in r.words)
    # a year ("2025", "the 2020s", "'90s") or a word; day numbers come with a month name
    years = r"(?<!\d)(?:1[5-9]|2[01])\d\d(?!\d)|'\d0s"
    claim_extra = "".join("|" + p for p in claim_trigger_patterns)
    trigger = compile(years + claim_extra + r"|\b(?:" + _alternation(triggers) + r")\b", re.IGNORECASE)
    extra = "".join(p + "|" for p in trigger_patterns)
    trigger_extra = compile(extra + r"\b(?:" + _alternation(extra_triggers) + r")\b", re.IGNORECASE)
    grammar = Grammar(compiled, vocab, modifiers, filler_re, tense, gate, trigger, claim_compiled, trigger_extra)
    grammar.trigger_folded = _folded_pattern(trigger, compile)
    grammar.trigger_extra_folded = _folded_pattern(trigger_extra, compile)
    grammar.claim_only = frozenset(rule.id for rule in pattern_rules if not rule.timeml)
    grammar.speaker_rules = frozenset(rule.id for rule in pattern_rules if rule.speaker)
    grammar.decisions = decisions
    return grammar


@lru_cache(maxsize=8)
def load_grammar(rules_dir: Path | None = None) -> Grammar:
    """Load and compile ``temporal.jsonl`` of the rule pack, once per process.

    rules_dir (Path | None): the rule pack; default :func:`claimx.rules.default_rules_dir`.
    RETURNS (Grammar): the compiled grammar (``load_grammar.cache_clear()`` re-reads it).
    """
    path = Path(rules_dir or default_rules_dir()) / TEMPORAL_FILE
    rules = load_jsonl(path, TemporalRule)
    logger.debug("Loaded %d temporal rules from %s", len(rules), path)
    from .recache import RegexCache

    # the compiled patterns are kept across runs: compiling them is most of loading the grammar
    cache = RegexCache("timex")
    grammar = _build(rules, cache.compile)
    grammar.words = word_patterns(rules, cache.compile)
    cache.save()
    grammar.word_index = word_index(rules)
    grammar.tense_words = tense_words(rules)
    grammar.source = path
    grammar.lines = rule_lines(path)
    return grammar


def tense_words(rules: list[TemporalRule]) -> dict[str, frozenset[str]]:
    """RETURNS (dict): each word of a tense rule, lower-cased, with the ids of the tense rules naming it."""
    found: dict[str, set[str]] = {}
    for line in rules:
        rule = line.root
        if isinstance(rule, TenseRule):
            for word in rule.words:
                found.setdefault(word.lower(), set()).add(rule.id)
    return {word: frozenset(ids) for word, ids in found.items()}


_WORD_RUN = re.compile(r"\w+")


def word_index(rules: list[TemporalRule]) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Which entries of :func:`word_patterns` can match a stretch of text, by its words.

    An entry's regex matches only where the first run of word characters of one
    of its words stands as a whole run (each word is bounded by ``(?<!\\w)``,
    and after that run comes a non-word character of the word, or ``(?!\\w)``).

    RETURNS (tuple): ASCII first runs, lower-cased -> the indices of the entries
        whose words start with one; and the indices of the entries that must always
        be tried (a raw pattern, a word with no ASCII run of its own).
    """
    index: dict[str, list[int]] = {}
    always: list[int] = []
    position = 0
    for line in rules:
        rule = line.root
        words = getattr(rule, "words", None) or getattr(rule, "phrases", None) or []
        if rule.type == "pattern" or not (words or getattr(rule, "patterns", None)):
            continue
        runs = [_WORD_RUN.search(w.lower()) for w in words]
        if getattr(rule, "patterns", None) or not all(r is not None and r.group(0).isascii() for r in runs):
            always.append(position)
        else:
            for run in {r.group(0) for r in runs if r is not None}:
                index.setdefault(run, []).append(position)
        position += 1
    return {run: tuple(found) for run, found in index.items()}, tuple(always)


def word_patterns(
    rules: list[TemporalRule], compile: Callable[..., re.Pattern[str]] = re.compile
) -> list[tuple[str, str, re.Pattern[str]]]:
    """RETURNS (list): ``(rule id, type, regex of its words)`` for the rules of
    ``temporal.jsonl`` that name words rather than patterns.

    compile (Callable): ``re.compile`` or the grammar's cache of compiled patterns (:class:`claimx.recache.RegexCache`)."""
    found: list[tuple[str, str, re.Pattern[str]]] = []
    for line in rules:
        rule = line.root
        words = getattr(rule, "words", None) or getattr(rule, "phrases", None) or []
        if rule.type == "pattern" or not (words or getattr(rule, "patterns", None)):
            continue
        flags = 0 if getattr(rule, "case_sensitive", False) and not getattr(rule, "lowercase_ok", True) else re.IGNORECASE
        alternatives = [
            r"(?<!\w)" + re.escape(w) + (r"(?!\w)" if w[-1:].isalnum() else "")
            for w in sorted(words, key=len, reverse=True)
        ] + list(getattr(rule, "patterns", None) or [])
        found.append((rule.id, rule.type, compile("|".join(alternatives), flags)))
    return found


# ---------------------------------------------------------------------------
# Finding expressions in text (no spaCy)
# ---------------------------------------------------------------------------


class Expression(NamedTuple):
    """A time expression found in a text: offsets, words, and the rule that found it."""

    start: int
    end: int
    text: str
    rule_id: str
    kind: str
    context: str
    unit: str | None
    core_start: int


#: How far before and after a trigger word an expression may reach (characters):
#: "towards the end of the first half of" before, "'s time" after a unit word.
_BEFORE, _AFTER = 44, 16


def _folded_pattern(pattern: re.Pattern[str] | None, compile: Callable[..., re.Pattern[str]]) -> re.Pattern[str] | None:
    """RETURNS (re.Pattern | None): ``pattern`` (case-insensitive) compiled without IGNORECASE,
    to be searched in a lower-cased text (:func:`_lowered`), where that finds the same
    (:func:`claimx.casefold.folded_pattern`); else None."""
    return folded_pattern(pattern, compile)


def _lowered(text: str, grammar: Grammar) -> str | None:
    """RETURNS (str | None): ``text`` lower-cased, where a folded pattern (:func:`_folded_pattern`)
    finds in it what its case-insensitive original finds in ``text`` (:func:`claimx.casefold.lowered`);
    else None. The last text's answer is kept (a Doc's two passes share it)."""
    cached = grammar.lowered_cache
    if cached is not None and cached[0] == text:
        return cached[1]
    low = lowered(text)
    grammar.lowered_cache = (text, low)
    return low


def _windows(clean: str, trigger: re.Pattern[str] | None, folded: tuple[str, re.Pattern[str]] | None = None) -> list[tuple[int, int]]:
    """Stretches of ``clean`` around trigger words: the only places an expression can be.

    folded (tuple | None): ``clean`` lower-cased and the trigger without IGNORECASE
        (:func:`_lowered`, :func:`_folded_pattern`), searched instead: the same matches.
    """
    if trigger is None:
        return [(0, len(clean))]
    windows: list[tuple[int, int]] = []
    for match in trigger.finditer(clean) if folded is None else folded[1].finditer(folded[0]):
        start, end = max(0, match.start() - _BEFORE), min(len(clean), match.end() + _AFTER)
        while end < len(clean) and not clean[end].isspace():  # never cut a word: the end guard looks ahead
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _matches(text: str, clean: str, grammar: Grammar, claim: bool) -> list[tuple[int, int, int, Expression]]:
    """Every match of the claim-date patterns (or of the others) around their triggers.

    RETURNS (list): ``(start, end, order in the file, Expression)``; the last text's
        result per group is kept, so the two passes of a document search it once.
    """
    cached = grammar.match_cache.get(claim)
    if cached is not None and cached[0] == text:
        return cached[1]
    trigger, folded_trigger = (grammar.trigger, grammar.trigger_folded) if claim else (grammar.trigger_extra, grammar.trigger_extra_folded)
    low = _lowered(clean, grammar) if folded_trigger is not None else None
    windows = _windows(clean, trigger, (low, folded_trigger) if low is not None and folded_trigger is not None else None)
    found: list[tuple[int, int, int, Expression]] = []
    # per window, whether each need of a pattern is there (searched once, shared by the patterns)
    present: list[dict[re.Pattern[str], bool]] = [{} for _ in windows]
    for order, pattern in enumerate(grammar.patterns):
        if pattern.rule.claim != claim:
            continue
        spans = windows
        if pattern.needs:
            spans = [window for window, known in zip(windows, present) if _has_needs(clean, window, pattern.needs, known)]
        for match in (m for start, end in spans for m in pattern.search.finditer(clean, start, end)):
            start, end = match.start(), match.end()
            if start == end:
                continue
            unit = match.groupdict().get("unit")
            found.append(
                (
                    start,
                    end,
                    order,
                    Expression(
                        start,
                        end,
                        text[start:end],
                        pattern.rule.id,
                        pattern.rule.kind,
                        pattern.rule.context,
                        unit.lower() if unit else None,
                        match.start("core"),
                    ),
                )
            )
    grammar.match_cache[claim] = (text, found)
    return found


def _has_needs(
    clean: str, window: tuple[int, int], needs: tuple[re.Pattern[str], ...], known: dict[re.Pattern[str], bool]
) -> bool:
    """RETURNS (bool): whether every need of a pattern (:func:`_needs`) is found in the window."""
    start, end = window
    for need in needs:
        hit = known.get(need)
        if hit is None:
            hit = known[need] = need.search(clean, start, end) is not None
        if not hit:
            return False
    return True


def find_expressions(
    text: str, grammar: Grammar | None = None, *, everything: bool = False, prefer: tuple[str, ...] = ()
) -> list[Expression]:
    """Find time expressions in ``text`` with the grammar's patterns (longest match wins).

    text (str): any text; offsets count code points in it.
    grammar (Grammar | None): default :func:`load_grammar`.
    everything (bool): every TIMEX3 (durations, sets, times, "now"...), not only
        claim dates; on equal extents the earlier rule of the file wins.
    prefer (tuple): kinds of pattern that win on equal extents before the file's
        order does (the reference words that date a claim, "the coming months"
        FUTURE_REF, where TimeML marks a duration).
    RETURNS (list): non-overlapping :class:`Expression` in text order.
    """
    grammar = grammar or load_grammar()
    clean = clean_text(text)
    found = list(_matches(text, clean, grammar, True))
    if everything:
        found = [item for item in found if item[3].rule_id not in grammar.claim_only]
        found.extend(_matches(text, clean, grammar, False))
    found.sort(key=lambda item: (-(item[1] - item[0]), item[3].kind not in prefer, item[2], item[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[Expression] = []
    for start, end, _, expression in found:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        chosen.append(expression)
    return sorted(chosen, key=lambda e: e.start)


# ---------------------------------------------------------------------------
# Periods and choosing among candidates
# ---------------------------------------------------------------------------


class Period(NamedTuple):
    """A resolved value and the interval it covers."""

    value: str
    earliest: dt.date
    latest: dt.date


class _Unresolved:
    """Marker: a relative expression and no anchor."""


UNRESOLVED = _Unresolved()
#: what a vague distance back in time gives ("a few weeks ago")
PAST_REF = Timex(value="PAST_REF")
#: what "today" gives with no date to count from
PRESENT_REF = Timex(value="PRESENT_REF")

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def year_period(year: int) -> Period:
    """RETURNS (Period): the calendar year."""
    return Period(f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31))


def month_period(year: int, month: int) -> Period:
    """RETURNS (Period): the calendar month."""
    return Period(f"{year:04d}-{month:02d}", dt.date(year, month, 1), _month_end(year, month))


def day_period(day: dt.date) -> Period:
    """RETURNS (Period): one day."""
    return Period(day.isoformat(), day, day)


def season_period(year: int, code: str) -> Period:
    """RETURNS (Period): a meteorological season; winter YYYY runs from December YYYY."""
    first, last = _SEASON_MONTHS[code]
    end_year = year + 1 if code == "WI" else year
    return Period(f"{year:04d}-{code}", dt.date(year, first, 1), _month_end(end_year, last))


def quarter_period(year: int, quarter: int) -> Period:
    """RETURNS (Period): a calendar quarter."""
    first = 3 * (quarter - 1) + 1
    return Period(f"{year:04d}-Q{quarter}", dt.date(year, first, 1), _month_end(year, first + 2))


def half_period(year: int, half: int) -> Period:
    """RETURNS (Period): a calendar half-year."""
    first = 1 if half == 1 else 7
    return Period(f"{year:04d}-H{half}", dt.date(year, first, 1), _month_end(year, first + 5))


def week_period(day: dt.date) -> Period:
    """RETURNS (Period): the ISO week holding ``day``, Monday to Sunday."""
    iso_year, week, weekday = day.isocalendar()
    monday = day - dt.timedelta(days=weekday - 1)
    return Period(f"{iso_year:04d}-W{week:02d}", monday, monday + dt.timedelta(days=6))


def weekend_period(day: dt.date) -> Period:
    """RETURNS (Period): the weekend of the ISO week holding ``day``."""
    week = week_period(day)
    return Period(week.value + "-WE", week.earliest + dt.timedelta(days=5), week.latest)


def decade_period(first_year: int) -> Period:
    """RETURNS (Period): the decade starting ``first_year`` (value like ``202X``)."""
    return Period(f"{first_year // 10:03d}X", dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31))


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _distance(period: Period, anchor: dt.date) -> int:
    if period.earliest <= anchor <= period.latest:
        return 0
    if anchor < period.earliest:
        return (period.earliest - anchor).days
    return (anchor - period.latest).days


def _is_future(period: Period, anchor: dt.date, future_from: str) -> bool:
    if future_from == "start":
        return period.earliest >= anchor
    if future_from == "mid":
        return period.earliest + (period.latest - period.earliest) / 2 >= anchor
    return period.latest >= anchor


def choose(
    candidates: list[Period],
    anchor: dt.date,
    direction: Direction | None,
    future_from: str = "end",
    day_override: bool = False,
) -> Period | None:
    """Pick the occurrence of a recurring period that a tense points to.

    candidates (list): occurrences around the anchor (e.g. one June per year).
    anchor (date): the reference date.
    direction (str | None): "past", "future" or None (nearest).
    future_from (str): "start", "mid" or "end" (see :class:`PatternRule`).
    day_override (bool): for a day without a year, take the other direction
        when the tense's choice is far and the other near: past beyond 180
        days against a future within 90; future beyond 300 days against a past
        within 45.
    RETURNS (Period | None): the chosen occurrence.
    """
    if not candidates:
        return None
    if direction is None:
        return min(candidates, key=lambda p: (_distance(p, anchor), not _is_future(p, anchor, future_from)))
    if direction == "future":
        inside = [p for p in candidates if _is_future(p, anchor, future_from)]
    else:
        inside = [p for p in candidates if p.earliest <= anchor]
    others = [p for p in candidates if p not in inside]
    if not inside:
        return min(others, key=lambda p: _distance(p, anchor))
    best = min(inside, key=lambda p: _distance(p, anchor))
    if day_override and others:
        other = min(others, key=lambda p: _distance(p, anchor))
        # a past tense far back is more often a misread than a future nine
        # months ahead ("will now open on November 25"), so the future
        # yields only to a day just gone when it is nearly a year away
        far, near = (180, 90) if direction == "past" else (300, 45)
        if _distance(best, anchor) > far and _distance(other, anchor) <= near:
            return other
    return best


# ---------------------------------------------------------------------------
# dateparser, for full dates
# ---------------------------------------------------------------------------

_DP_LOCK = threading.Lock()
_DP_PARSER = DateDataParser(
    languages=["en"],
    settings={
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DAY_OF_MONTH": "first",
        "PARSERS": ["custom-formats", "absolute-time"],
    },
)
_DP_BASE: Settings = _DP_PARSER._settings
_NO_ANCHOR = dt.date(2000, 1, 1)


@lru_cache(maxsize=512)
def _dp_settings(anchor: dt.date, prefer: str) -> Settings:
    return _DP_BASE.replace(
        RELATIVE_BASE=dt.datetime(anchor.year, anchor.month, anchor.day),
        PREFER_DATES_FROM=prefer,
    )


class _Parsed(NamedTuple):
    date: dt.date
    period: str
    has_year: bool


@lru_cache(maxsize=2048)
def _dateparse(text: str, anchor: dt.date | None, direction: Direction | None) -> _Parsed | None:
    prefer = direction or "current_period"
    settings = _dp_settings(anchor or _NO_ANCHOR, prefer)
    with _DP_LOCK:
        _DP_PARSER._settings = settings
        try:
            data = _DP_PARSER.get_date_data(text)
        except (ValueError, OverflowError) as exc:  # dateparser raises on odd input
            logger.debug("dateparser failed on %r: %s", text, exc)
            return None
        finally:
            _DP_PARSER._settings = _DP_BASE
    if data.date_obj is None:
        return None
    parts = tuple(getattr(data, "parts", ()) or ())
    return _Parsed(data.date_obj.date(), data.period or "day", "year" in parts)


# ---------------------------------------------------------------------------
# Handlers, one per pattern kind
# ---------------------------------------------------------------------------

_REL_OFFSET = {
    "this": 0,
    "the current": 0,
    "next": 1,
    "last": -1,
    "earlier this": 0,
    "later this": 0,
    "this past": -1,
    "this coming": 1,
    "later": 0,
    "earlier": 0,
    "previous": -1,
    "prior": -1,
    "preceding": -1,
    "following": 1,
}

#: a count written after its unit ("the year before", "the day after"): one unit back or on
_SHIFT_OFFSET = {
    "before": -1,
    "previous": -1,
    "prior": -1,
    "earlier": -1,
    "after": 1,
    "following": 1,
}

Result = Period | _Unresolved | Timex | None


def _rel(groups: dict[str, str | None], name: str = "rel") -> str | None:
    value = groups.get(name)
    return re.sub(r"\s+", " ", value.lower()) if value else None


def _year_of(groups: dict[str, str | None], anchor: dt.date | None) -> int | None | _Unresolved:
    """The year a ``{YEARREF}`` names: an int, None (not named), or UNRESOLVED."""
    if groups.get("year"):
        return int(groups["year"])  # type: ignore[arg-type]
    yrel = _rel(groups, "yrel")
    if yrel:
        if anchor is None:
            return UNRESOLVED
        return anchor.year + _REL_OFFSET[yrel]
    return None


class _Ctx(NamedTuple):
    grammar: Grammar
    rule: PatternRule
    groups: dict[str, str | None]
    anchor: dt.date | None
    direction: Direction | None
    core: str
    #: the value of the date the expression refers back to, if any ("2009-Q4")
    like: str | None = None



#: What :func:`_in_stated_year` gives when the expression states no year.
_NO_YEAR = object()


def _in_stated_year(ctx: _Ctx, make: Callable[[int], Result]) -> Any:
    """The period in the year the expression names ("June 2023", "next year's
    June"): ``make(year)``, UNRESOLVED, or :data:`_NO_YEAR` when it names none."""
    year = _year_of(ctx.groups, ctx.anchor)
    if isinstance(year, _Unresolved):
        return year
    return _NO_YEAR if year is None else make(year)

def _vocab_value(ctx: _Ctx, category: str, group: str) -> Any:
    word = ctx.groups.get(group)
    if not word:
        return None
    entry = ctx.grammar.lookup(category, word)
    return entry.value if entry else None


def _recurring(ctx: _Ctx, make: Any, day_override: bool = False) -> Result:
    """A calendar name without a year: choose among last, this and next year's."""
    if ctx.anchor is None:
        return UNRESOLVED
    candidates = [p for p in (make(ctx.anchor.year + k) for k in (-1, 0, 1)) if p is not None]
    return choose(candidates, ctx.anchor, ctx.direction, ctx.rule.future_from, day_override)


def _h_year(ctx: _Ctx) -> Result:
    return year_period(int(ctx.groups["year"]))  # type: ignore[arg-type]


def _h_decade(ctx: _Ctx) -> Result:
    g = ctx.groups
    if g.get("decade"):
        return decade_period(int(g["decade"]) * 10)  # type: ignore[arg-type]
    if g.get("dec2") or g.get("dec2b"):
        digit = int(g.get("dec2") or g["dec2b"])  # type: ignore[arg-type]
        return decade_period((1900 if digit >= 3 else 2000) + digit * 10)
    if ctx.anchor is None:
        return UNRESOLVED
    base = ctx.anchor.year // 10 * 10
    rel = _rel(g)
    return decade_period(base + 10 * _REL_OFFSET.get(rel or "this", 0))


def _h_century(ctx: _Ctx) -> Result:
    number = int(ctx.groups.get("cent") or 0)
    if not 1 <= number <= 22:
        return None
    first = (number - 1) * 100
    # a claim date writes the century as it writes a decade ("202X"), SUTime's way: "19XX";
    # TimeML's two digits ("19") are what :func:`normalize_timex` gives
    return Period(f"{number - 1:02d}XX", dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31))


def _h_month(ctx: _Ctx) -> Result:
    month = _vocab_value(ctx, "month", "month")
    if not isinstance(month, int):
        return None
    stated = _in_stated_year(ctx, lambda y: month_period(y, month))
    if stated is not _NO_YEAR:
        return stated
    rel = _rel(ctx.groups)
    if rel:
        if ctx.anchor is None:
            return UNRESOLVED
        a = ctx.anchor
        if rel in ("next", "this coming"):
            return month_period(a.year if month > a.month else a.year + 1, month)
        if rel in ("last", "this past"):
            return month_period(a.year if month < a.month else a.year - 1, month)
        return month_period(a.year, month)
    return _recurring(ctx, lambda y: month_period(y, month))


def _h_season(ctx: _Ctx) -> Result:
    code = _vocab_value(ctx, "season", "season")
    if not isinstance(code, str):
        return None
    stated = _in_stated_year(ctx, lambda y: season_period(y, code))
    if stated is not _NO_YEAR:
        return stated
    rel = _rel(ctx.groups)
    if rel:
        if ctx.anchor is None:
            return UNRESOLVED
        a = ctx.anchor
        this_year = a.year - 1 if code == "WI" and a.month <= 2 else a.year
        if rel == "this coming":
            current = season_period(this_year, code)
            return current if current.earliest > a else season_period(this_year + 1, code)
        if rel in ("last", "this past"):  # "last summer" in a December paper is the summer just gone
            current = season_period(this_year, code)
            return current if current.latest < a else season_period(this_year - 1, code)
        return season_period(this_year + _REL_OFFSET[rel], code)
    return _recurring(ctx, lambda y: season_period(y, code))


def _quarter_number(ctx: _Ctx) -> int | None:
    g = ctx.groups
    if g.get("q"):
        return int(g["q"])  # type: ignore[arg-type]
    if g.get("ord"):
        number = _vocab_value(ctx, "ordinal", "ord")
        return number if isinstance(number, int) and 1 <= number <= 4 else None
    if g.get("month"):
        month = _vocab_value(ctx, "month", "month")
        return (month - 1) // 3 + 1 if isinstance(month, int) else None
    return None


def _h_quarter(ctx: _Ctx) -> Result:
    rel = _rel(ctx.groups)
    if rel and not ctx.groups.get("q") and not ctx.groups.get("ord"):
        if ctx.anchor is None:
            return UNRESOLVED
        index = ctx.anchor.year * 4 + (ctx.anchor.month - 1) // 3 + _REL_OFFSET[rel]
        shifted_year, shifted = divmod(index, 4)
        return quarter_period(shifted_year, shifted + 1)
    quarter = _quarter_number(ctx)
    if quarter is None:
        return None
    stated = _in_stated_year(ctx, lambda y: quarter_period(y, quarter))
    if stated is not _NO_YEAR:
        return stated
    return _of_the_year(ctx, lambda y: quarter_period(y, quarter))


def _h_half(ctx: _Ctx) -> Result:
    g = ctx.groups
    if g.get("h"):
        half = int(g["h"])  # type: ignore[arg-type]
    else:
        number = _vocab_value(ctx, "ordinal", "ord")
        if number not in (1, 2):
            return None
        half = int(number)  # type: ignore[arg-type]
    stated = _in_stated_year(ctx, lambda y: half_period(y, half))
    if stated is not _NO_YEAR:
        return stated
    return _of_the_year(ctx, lambda y: half_period(y, half))


_THE_YEAR = re.compile(r"\bthe\s+year\b", re.IGNORECASE)


def _of_the_year(ctx: _Ctx, make: Callable[[int], Period]) -> Result:
    """A part of "the year" ("the second half of the year", "the first quarter of the
    year") is the anchor's year; a part named alone is the nearest the tense points to."""
    if _THE_YEAR.search(ctx.core):
        if ctx.anchor is None:
            return UNRESOLVED
        return make(ctx.anchor.year)
    return _recurring(ctx, make)


def _unit_period(unit: str, day: dt.date) -> Period:
    if unit == "day":
        return day_period(day)
    if unit == "week":
        return week_period(day)
    if unit == "weekend":
        return weekend_period(day)
    if unit == "month":
        return month_period(day.year, day.month)
    return year_period(day.year)


def _shift(unit: str, day: dt.date, amount: int) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=amount)
    if unit == "month":
        return _add_months(day, amount)
    return _add_months(day, 12 * amount)


def _h_unit(ctx: _Ctx) -> Result:
    if ctx.anchor is None:
        return UNRESOLVED
    unit = (ctx.groups.get("unit") or "year").lower()
    if ctx.groups.get("first"):
        return _first_months(ctx)
    rel = _rel(ctx.groups) or "this"
    if ctx.groups.get("whole"):
        # "spent the entire week": a whole unit the tense puts behind is one already over
        candidates = [_unit_period(unit, _shift(unit, ctx.anchor, k)) for k in (-1, 0, 1)]
        if ctx.direction == "past":
            return max((p for p in candidates if p.latest < ctx.anchor), key=lambda p: p.latest)
        return choose(candidates, ctx.anchor, ctx.direction, ctx.rule.future_from)
    # "the weekend" takes the one the tense points to; so does "this weekend" under a past
    # tense ("told voters this weekend" in a Monday paper is the weekend just gone)
    if unit == "weekend" and rel == "this" and (ctx.rule.context == "sentence" or ctx.direction == "past"):
        return _recurring_days(ctx, [weekend_period(ctx.anchor + dt.timedelta(weeks=k)) for k in (-1, 0, 1)])
    shift = _rel(ctx.groups, "shift")
    offset = _SHIFT_OFFSET.get(shift, 0) if shift else _REL_OFFSET.get(rel, 0)
    return _unit_period(unit, _shift(unit, ctx.anchor, offset))


def _first_months(ctx: _Ctx) -> Result:
    """ "The first ten months" (of the year): the year they lie in, the one named
    ("of 2015") or else the anchor's once that many months are over by its month,
    else the year before; the first three months are its first quarter, the first
    six its first half, as TimeML writes them (``2015-Q1``, ``2015-H1``)."""
    assert ctx.anchor is not None
    count = _count(ctx, ctx.groups.get("first") or "")
    if count is None or not 1 <= count <= 12:
        return None
    named = _year_of(ctx.groups, ctx.anchor)
    if isinstance(named, _Unresolved):
        return named
    year = named if named is not None else ctx.anchor.year if ctx.anchor.month > count else ctx.anchor.year - 1
    if count == 3:
        return quarter_period(year, 1)
    if count == 6:
        return half_period(year, 1)
    return year_period(year)


def _count(ctx: _Ctx, raw: str) -> int | None:
    """A count written in figures or as a number word of the grammar ("ten"), or None."""
    raw = raw.lower().strip()
    if raw.isdigit():
        return int(raw)
    entry = ctx.grammar.lookup("number", raw) or ctx.grammar.lookup("quantity", raw)
    return int(entry.value) if entry is not None and isinstance(entry.value, int) else None


def _recurring_days(ctx: _Ctx, candidates: list[Period], day_override: bool = False) -> Result:
    assert ctx.anchor is not None
    return choose(candidates, ctx.anchor, ctx.direction, ctx.rule.future_from, day_override)


def _h_day(ctx: _Ctx) -> Result:
    word = (ctx.groups.get("deictic") or "today").lower()
    if ctx.anchor is None:
        # with no date to count from, "today" is all TimeML can say: the present
        return PRESENT_REF if word == "today" else UNRESOLVED
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    return day_period(ctx.anchor + dt.timedelta(days=offset))


def _h_weekday(ctx: _Ctx) -> Result:
    weekday = _vocab_value(ctx, "weekday", "weekday")
    if not isinstance(weekday, int):
        return None
    if ctx.anchor is None:
        return UNRESOLVED
    a = ctx.anchor
    this_week = a + dt.timedelta(days=weekday - a.weekday())
    rel = _rel(ctx.groups)
    if rel == "next":
        return day_period(this_week + dt.timedelta(weeks=1))
    if rel in ("last", "this past"):
        return day_period(this_week if this_week < a else this_week - dt.timedelta(weeks=1))
    if rel in ("this", "this coming"):
        return day_period(this_week if this_week >= a else this_week + dt.timedelta(weeks=1))
    return _recurring_days(ctx, [day_period(this_week + dt.timedelta(weeks=k)) for k in (-1, 0, 1)])


def _h_offset(ctx: _Ctx) -> Result:
    g = ctx.groups
    unit_entry = ctx.grammar.lookup("unit", g.get("unit") or "")
    if unit_entry is None:
        return None
    unit = str(unit_entry.value)
    scale = 1
    if unit == "decade":  # "two decades ago": counted in years, a year as TimeML writes it
        unit, scale = "year", 10
    raw = (g.get("num") or "").lower()
    if raw.isdigit():
        amount = int(raw)
    else:
        number = ctx.grammar.lookup("number", raw)
        if number is None:
            return None
        amount = int(number.value)
    # "two weeks ago", and counting back from the date referred to: "a day earlier", "a week before"
    # ("two years back" counts back as "ago" does)
    ago = bool(g.get("ago")) and g["ago"].lower() in ("ago", "back", "earlier", "before")  # type: ignore[union-attr]
    if ago and g["ago"].lower() in ("ago", "back") and not raw.isdigit() and number.vague:  # type: ignore[union-attr]
        return PAST_REF  # "a few weeks ago", "several years ago": TimeML's past reference
    if not ago and ctx.direction == "past" and not g.get("ago"):
        return None  # "sold out in two weeks": a duration
    if ctx.anchor is None:
        return UNRESOLVED
    amount *= scale
    target = _shift(unit, ctx.anchor, -amount if ago else amount)
    return _unit_period("day" if unit == "week" else unit, target)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday) // 433
    month = (h + weekday - 7 * m + 90) // 25
    return dt.date(year, month, (h + weekday - 7 * m + 33 * month + 19) % 32)


#: a holiday value that is one day in history, not a yearly one
_HISTORIC_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _holiday_date(value: str, year: int) -> dt.date | None:
    """value (str): "MM-DD", "MM-nth-weekday" (Monday = 0), either with "+n" days after
    ("11-1-0+1": the Tuesday after the first Monday of November), or "E+n"/"E-n" (days from Easter)."""
    if value.startswith("E"):
        return _easter(year) + dt.timedelta(days=int(value[1:] or 0))
    value, _, after = value.partition("+")
    if after:
        base = _holiday_date(value, year)
        return base + dt.timedelta(days=int(after)) if base else None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 2:
        return dt.date(year, parts[0], parts[1])
    if len(parts) == 3:  # month-nth-weekday (Monday = 0)
        month, nth, weekday = parts
        first = dt.date(year, month, 1)
        offset = (weekday - first.weekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (nth - 1))
    return None


def _h_holiday(ctx: _Ctx) -> Result:
    value = ctx.rule.value or _vocab_value(ctx, "holiday", "holiday")
    if not isinstance(value, str):
        return None
    if _HISTORIC_DAY.fullmatch(value):  # a day in history named on its own ("since 9/11")
        return day_period(dt.date.fromisoformat(value))

    def make(year: int) -> Period | None:
        day = _holiday_date(value, year)
        return day_period(day) if day else None

    stated = _in_stated_year(ctx, make)
    if stated is not _NO_YEAR:
        return stated
    rel = _rel(ctx.groups)
    if rel:
        if ctx.anchor is None:
            return UNRESOLVED
        a = ctx.anchor
        if rel == "next":
            return next(p for p in (make(a.year), make(a.year + 1)) if p and p.earliest > a)
        if rel == "last":
            return next(p for p in (make(a.year), make(a.year - 1)) if p and p.latest < a)
        return make(a.year)
    return _recurring(ctx, make, day_override=True)


def _h_date(ctx: _Ctx) -> Result:
    g = ctx.groups
    has_year = bool(g.get("year") or g.get("yy"))  # "7/8/07": month, day, two-digit year
    text = ctx.core
    if g.get("weekday"):
        text = re.sub(r"^\w+,?\s+", "", text)  # the weekday is implied by the date
    # a year written in two digits is the one nearest the article, whichever way
    # the tense points ("7/8/07" under "will" is not 2107)
    parsed = _dateparse(text, ctx.anchor, None if g.get("yy") else ctx.direction)
    if parsed is not None and parsed.period == "day":
        day = parsed.date
    elif g.get("mm") and g.get("dd") and g.get("year"):
        day = dt.date(int(g["year"]), int(g["mm"]), int(g["dd"]))  # type: ignore[arg-type]
    else:
        month = _vocab_value(ctx, "month", "month")
        if not isinstance(month, int) or not g.get("day"):
            return None
        try:
            day = dt.date(int(g["year"]) if has_year else 2000, month, int(g["day"]))  # type: ignore[arg-type]
        except ValueError:
            return None
    if has_year or (parsed is not None and parsed.has_year and g.get("year")):
        return day_period(day)
    month, number = day.month, day.day

    def make(year: int) -> Period | None:
        try:
            return day_period(dt.date(year, month, number))
        except ValueError:  # 29 February
            return None

    return _recurring(ctx, make, day_override=True)


#: the periods a value names, by its form: what "the same period" takes from the date it refers back to
_LIKE_FORMS = (
    (re.compile(r"^\d{4}-Q([1-4])$"), lambda y, m: quarter_period(y, int(m.group(1)))),
    (re.compile(r"^\d{4}-H([12])$"), lambda y, m: half_period(y, int(m.group(1)))),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)$"), lambda y, m: season_period(y, m.group(1))),
    (re.compile(r"^\d{4}-(\d\d)$"), lambda y, m: month_period(y, int(m.group(1)))),
)


def _h_same(ctx: _Ctx) -> Result:
    """ "The same period in 2008", "the same quarter last year", "the same month a year
    earlier": the period the sentence named before (``ctx.like``, read from ``ctx.anchor``
    when the expression names its unit), in the year named or the year before."""
    g = ctx.groups
    if g.get("year"):
        year = int(g["year"])  # type: ignore[arg-type]
    elif ctx.anchor is None:
        return UNRESOLVED
    else:
        year = ctx.anchor.year - 1
    unit = (g.get("unit") or "").lower()
    if unit == "quarter" and ctx.anchor is not None and ctx.like is not None:
        return quarter_period(year, (ctx.anchor.month - 1) // 3 + 1)
    if unit == "month" and ctx.anchor is not None and ctx.like is not None:
        return month_period(year, ctx.anchor.month)
    for form, make in _LIKE_FORMS if unit in ("time", "period") else ():
        found = form.match(ctx.like or "")
        if found:
            return make(year, found)
    return year_period(year)


_HANDLERS = {
    "year": _h_year,
    "decade": _h_decade,
    "century": _h_century,
    "month": _h_month,
    "season": _h_season,
    "quarter": _h_quarter,
    "half": _h_half,
    "unit": _h_unit,
    "day": _h_day,
    "weekday": _h_weekday,
    "offset": _h_offset,
    "holiday": _h_holiday,
    "date": _h_date,
    "same": _h_same,
}


# ---------------------------------------------------------------------------
# Handlers of the TIMEX3 kinds that are no claim dates
# ---------------------------------------------------------------------------


def _quantity(ctx: _Ctx) -> float | str | None:
    """The number a ``{QTY}`` names: 3, 2.5, "X" (a few, several) or None (no quantity)."""
    raw = ctx.groups.get("qty")
    if not raw:
        return None
    text = _key(raw)
    half = 0.0
    if text.endswith("and a half"):
        text, half = text[: -len("and a half")].strip(), 0.5
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", text):
        return float(text.replace(",", "")) + half
    entry = ctx.grammar.lookup("number", text) or ctx.grammar.lookup("quantity", text)
    if entry is not None:
        if entry.vague:
            return "X"
        return float(entry.value) + half  # type: ignore[arg-type]
    parts = re.split(r"[\s-]+", text)
    if len(parts) > 1 and parts[0] in ("a", "an"):
        parts = parts[1:]  # "a hundred", "a dozen"
    total = 0.0
    for part in parts:
        entry = ctx.grammar.lookup("number", part) or ctx.grammar.lookup("quantity", part)
        if entry is None or entry.vague or not isinstance(entry.value, int):
            return None
        if entry.value in (100, 1000):
            total = (total or 1) * entry.value
        else:
            total += entry.value
    return total + half


def _number_text(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


def _period_value(ctx: _Ctx, amount: float | str) -> str | None:
    """``P3Y``, ``PT30M``, ``P10Y`` (a decade), ``PXY``... for ``amount`` of the matched unit."""
    entry = ctx.grammar.lookup("duration_unit", ctx.groups.get("dunit") or "")
    if entry is None or not isinstance(entry.value, str):
        return None
    if amount == "X":
        return entry.vague_value or entry.value.replace("{n}", "X")
    return entry.value.replace("{n}", _number_text(float(amount) * entry.scale))


def _h3_duration(ctx: _Ctx, mod: Any) -> Timex3 | None:
    amount = _quantity(ctx)
    if amount is None:
        if ctx.groups.get("qty"):
            return None
        unit = (ctx.groups.get("dunit") or "").lower()
        amount = "X" if unit.endswith("s") and not unit.endswith("ss") else 1.0
        if unit in ("centuries",):
            amount = "X"
    value = _period_value(ctx, amount)
    if value is None:
        return None
    return Timex3(type="DURATION", value=value, mod=mod)


def _h3_set(ctx: _Ctx, mod: Any) -> Timex3 | None:
    if ctx.rule.value:
        return Timex3(type="SET", value=ctx.rule.value)
    weekday = _vocab_value(ctx, "weekday", "weekday")
    if isinstance(weekday, int):
        return Timex3(type="SET", value=f"XXXX-WXX-{weekday + 1}")
    amount = _quantity(ctx)
    if ctx.groups.get("other"):
        amount = 2.0
    value = _period_value(ctx, 1.0 if amount is None or amount == "X" else amount)
    return Timex3(type="SET", value=value) if value else None


def _h3_fixed(ctx: _Ctx, mod: Any) -> Timex3 | None:
    return Timex3(type=ctx.rule.timex_type, value=ctx.rule.value, mod=mod)


def _clock(ctx: _Ctx) -> str | None:
    """``T16:08``, ``T17:00``, ``TMO``: the time of day a TIME pattern names, or None."""
    g = ctx.groups
    if g.get("pod"):
        entry = ctx.grammar.lookup("part_of_day", g["pod"] or "")
        return f"T{entry.value}" if entry else None
    if g.get("hh") is None:
        return None
    hour, minute = int(g["hh"] or 0), int(g.get("mi") or 0)
    ampm = re.sub(r"[^ap]", "", (g.get("ampm") or "").lower())
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    zone = ""
    if g.get("tz"):
        entry = ctx.grammar.lookup("timezone", g["tz"] or "")
        zone = str(entry.value) if entry else ""
    return f"T{hour:02d}:{minute:02d}{zone}"


def _h3_time(ctx: _Ctx, mod: Any) -> Timex3 | None:
    clock = _clock(ctx)
    if clock is None:
        return None
    part = ctx.groups.get("dpart")
    if part:
        day = normalize(part, ctx.anchor, direction=ctx.direction, grammar=ctx.grammar)
        if day is None:
            return None
        if day.unresolved:
            return Timex3(type="TIME", value=None, unresolved=True)
        if day.earliest is None or day.earliest != day.latest:
            return None
        date = day.earliest
    elif ctx.anchor is None:
        return Timex3(type="TIME", value=None, unresolved=True)
    else:
        date = ctx.anchor - dt.timedelta(days=1) if ctx.groups.get("prev") else ctx.anchor
    return Timex3(type="TIME", value=date.isoformat() + clock, mod=mod, earliest=date, latest=date)


_HANDLERS3 = {
    "duration": _h3_duration,
    "set": _h3_set,
    "fixed": _h3_fixed,
    "time": _h3_time,
}


# ---------------------------------------------------------------------------
# normalize
# ---------------------------------------------------------------------------


def _mod_of(grammar: Grammar, phrase: str | None) -> Any:
    if not phrase:
        return None
    key = _key(phrase).rstrip("-").strip()
    return grammar.modifiers.get(key)


def _make_timex(period: Period, mod: Mod | None) -> Timex:
    earliest: dt.date | None = period.earliest
    latest: dt.date | None = period.latest
    if mod == "BEFORE":
        earliest, latest = None, period.earliest - dt.timedelta(days=1)
    elif mod == "AFTER":
        earliest, latest = period.latest + dt.timedelta(days=1), None
    return Timex(value=period.value, mod=mod, earliest=earliest, latest=latest)


def _shifted(grammar: Grammar, groups: dict[str, str | None], period: Period) -> Period | None:
    """A day moved by the count before it ("the day after Christmas": 26 December;
    "the eve of" one day back); None for a period longer than a day."""
    if period.earliest != period.latest:
        return None
    if groups.get("seve"):
        return day_period(period.earliest - dt.timedelta(days=1))
    if groups.get("sweek"):
        return week_period(period.earliest)  # "the week of March 16": the week it lies in
    unit = (groups.get("sunit") or groups.get("sone") or "day").lower().rstrip("s")
    unit = unit.split()[-1]  # "the day": its unit
    raw = (groups.get("snum") or "").lower()
    if not raw:
        amount = 1
    elif raw.isdigit():
        amount = int(raw)
    else:
        number = grammar.lookup("number", raw) or grammar.lookup("quantity", raw)
        if number is None or not isinstance(number.value, int):
            return None
        amount = number.value
    back = (groups.get("sdir") or "").lower() in ("before", "prior to") or (groups.get("sdir") or "").lower().startswith("ahead")
    return day_period(_shift(unit, period.earliest, -amount if back else amount))


def _parse(
    grammar: Grammar,
    text: str,
    anchor: dt.date | None,
    direction: Direction | None,
    everything: bool = False,
    rule_id: str | None = None,
    like: str | None = None,
) -> Timex | Timex3 | None:
    patterns = grammar.select(everything)
    if rule_id is not None:
        patterns = [p for p in patterns if p.rule.id == rule_id] + patterns
    for pattern in patterns:
        if pattern.rule.needs_context and pattern.rule.id != rule_id:
            continue
        match = pattern.full.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        if pattern.rule.kind in _HANDLERS3:
            found = _HANDLERS3[pattern.rule.kind](
                _Ctx(grammar, pattern.rule, groups, anchor, direction, match.group("core"), like),
                _mod_of(grammar, groups.get("mod")),
            )
            if found is None:
                continue
            return found
        mod = _mod_of(grammar, groups.get("mod")) or pattern.rule.fixed_mod
        if pattern.rule.kind == "offset" and mod is None:
            number = grammar.lookup("number", groups.get("num") or "")
            if number is not None and number.approx:
                mod = "APPROX"
        resolve_direction = direction
        if resolve_direction is None and mod in ("BEFORE", "AFTER"):
            resolve_direction = "future"  # "before February", "beyond August": plans
        ctx = _Ctx(grammar, pattern.rule, groups, anchor, resolve_direction, match.group("core"), like)
        result = _HANDLERS[pattern.rule.kind](ctx)
        if isinstance(result, Period) and any(groups.get(g) for g in ("sunit", "sone", "seve", "sweek")):
            result = _shifted(grammar, groups, result)
        if isinstance(result, _Unresolved):
            return Timex(value=None, mod=mod, unresolved=True)
        if result is None:
            continue
        if isinstance(result, Timex):
            return result  # a reference word ("a few weeks ago": PAST_REF), no interval, no mod
        return _make_timex(result, mod)
    return None


def _fallback(
    grammar: Grammar, text: str, anchor: dt.date | None, direction: Direction | None
) -> Timex | None:
    """dateparser on what the patterns do not cover, for strings naming a month or a numeric date."""
    if grammar.gate is None or not grammar.gate.search(text) or re.search(r"\d\s*(?:am|pm)\b", text, re.I):
        return None
    parsed = _dateparse(text, anchor, direction)
    if parsed is None or not parsed.has_year:
        return None
    if parsed.period == "day":
        return _make_timex(day_period(parsed.date), None)
    if parsed.period == "month":
        return _make_timex(month_period(parsed.date.year, parsed.date.month), None)
    return None


def normalize(
    text: str,
    anchor: dt.date | None,
    *,
    direction: Direction | None = None,
    grammar: Grammar | None = None,
    like: str | None = None,
    rule_id: str | None = None,
) -> Timex | None:
    """Normalise one time expression, TIMEX3-style.

    text (str): the expression ("around 2025", "mid‑2023", "next week", "on Monday").
        Leading prepositions ("by", "since", "in", "not"...) are skipped.
    anchor (date | None): the date relative expressions count from (the
        article's publication date); None leaves them unresolved.
    direction (str | None): "past" or "future" if the tense says which way a
        bare name ("in February", "on Monday", "the summer") points.
    grammar (Grammar | None): default :func:`load_grammar`.
    like (str | None): the value of the date the expression refers back to
        ("the same period in 2008" after "the fourth quarter": ``2009-Q4``).
    rule_id (str | None): the pattern that found ``text``, as for :func:`normalize_timex`.
    RETURNS (Timex | None): the normalisation, or None for what is not a date
        (durations such as "six months", bare numbers, modal "may").
    """
    grammar = grammar or load_grammar()
    current = re.sub(r"\s+", " ", clean_text(text)).strip().strip(",;:!?()[]\"'").strip()
    for _ in range(4):
        if not current:
            return None
        result = _parse(grammar, current, anchor, direction, rule_id=rule_id, like=like)
        if isinstance(result, Timex):
            return result
        stripped = grammar.fillers.sub("", current, count=1)
        if stripped == current:
            break
        current = stripped.strip()
    return _fallback(grammar, current, anchor, direction)


#: a century as a claim date writes it ("19XX"), and as TimeML does ("19")
_CLAIM_CENTURY = re.compile(r"^(\d\d)XX$")


def _timeml(result: Timex3) -> Timex3:
    """A claim date's value as TimeML writes it: the same, but a century in two digits."""
    century = _CLAIM_CENTURY.match(result.value or "")
    return result.model_copy(update={"value": century.group(1)}) if century else result


def normalize_timex(
    text: str,
    anchor: dt.date | None,
    *,
    direction: Direction | None = None,
    grammar: Grammar | None = None,
    rule_id: str | None = None,
    like: str | None = None,
) -> Timex3 | None:
    """Normalise one time expression of any TIMEX3 type.

    Like :func:`normalize`, but also reads durations ("three years" P3Y, "the
    past decade" P10Y, "more than a week" P1W MORE_THAN), sets ("every week"
    P1W, "weekly", "every Monday" XXXX-WXX-1), times ("16:08 UTC"
    2013-03-12T16:08Z, "Tuesday morning" 2013-03-12TMO) and the reference
    words ("now" PRESENT_REF, "recently" PAST_REF, "the future" FUTURE_REF).

    text (str): the expression. anchor (date | None): the publication date.
    direction (str | None): "past" or "future", as for :func:`normalize`.
    grammar (Grammar | None): default :func:`load_grammar`.
    rule_id (str | None): the pattern that found ``text`` (``Expression.rule_id``),
        tried first; it is the only way a ``needs_context`` pattern applies.
    like (str | None): the value of the date the expression refers back to, as for :func:`normalize`.
    RETURNS (Timex3 | None): the TIMEX3, or None for what is no time expression.
    """
    grammar = grammar or load_grammar()
    current = re.sub(r"\s+", " ", clean_text(text)).strip().strip(",;:!?()[]\"'").strip()
    for _ in range(4):
        if not current:
            return None
        result = _parse(grammar, current, anchor, direction, everything=True, rule_id=rule_id, like=like)
        if isinstance(result, Timex):
            return _timeml(Timex3.from_timex(result))
        if result is not None:
            return result
        stripped = grammar.fillers.sub("", current, count=1)
        if stripped == current:
            break
        current = stripped.strip()
    fallback = _fallback(grammar, current, anchor, direction)
    return Timex3.from_timex(fallback) if fallback is not None else None

""":mod:`claimx.slots`: the slot rule pack (``models/en/slots.jsonl``).

A slot is one kind of tracked fact within a topic (shared/ANNOTATION.md,
"Tracked facts across articles"): a price, a processor, filming, job cuts.
Its rule gives the general English words that say a claim speaks to it, and
what the fact's value is (a date, an amount). The claim tagger
(:mod:`claimx.claims.topic`) gives each claim its slot; the roll-up
(:mod:`claimx.status`) reads a group's value by its slot. No spaCy here.
"""

from __future__ import annotations

import functools
from pathlib import Path

from .rules import SlotRule, ValueKind, default_rules_dir, load_jsonl


def load_slots(rules_dir: Path | None = None) -> list[SlotRule]:
    """RETURNS (list[SlotRule]): the slot rules of a rule pack (none if it has no ``slots.jsonl``)."""
    path = Path(rules_dir or default_rules_dir()) / "slots.jsonl"
    return load_jsonl(path, SlotRule) if path.is_file() else []



@functools.lru_cache(maxsize=8)
def leaving_words(rules_dir: Path | None = None) -> tuple[str, ...]:
    """RETURNS (tuple[str, ...]): the words, as written, that say a person leaves a cast or crew."""
    return tuple(word.lower() for slot in load_slots(rules_dir) if slot.leaves for word in slot.words)


@functools.lru_cache(maxsize=8)
def leaving_stops(rules_dir: Path | None = None) -> tuple[str, ...]:
    """RETURNS (tuple[str, ...]): the words that may not stand between a person's name and a leaving word (``not_across``)."""
    return tuple(word.lower() for slot in load_slots(rules_dir) if slot.leaves for word in slot.not_across)


@functools.lru_cache(maxsize=8)
def ousting_words(rules_dir: Path | None = None) -> tuple[str, ...]:
    """RETURNS (tuple[str, ...]): the words, as written, that say the person named after them leaves (``ousts``)."""
    return tuple(word.lower() for slot in load_slots(rules_dir) if slot.leaves for word in slot.ousts)


@functools.lru_cache(maxsize=8)
def maker_keys(rules_dir: Path | None = None) -> frozenset[tuple[str, str]]:
    """RETURNS (frozenset): (topic, key) of the facts that are a maker's own, not its product's (slots with ``"party": "maker"``)."""
    return frozenset((slot.topic, slot.key) for slot in load_slots(rules_dir) if slot.party == "maker")


@functools.lru_cache(maxsize=8)
def agent_keys(rules_dir: Path | None = None) -> frozenset[tuple[str, str]]:
    """RETURNS (frozenset): (topic, key) of the acts of one party towards another (slots with ``"party": "agent"``)."""
    return frozenset((slot.topic, slot.key) for slot in load_slots(rules_dir) if slot.party == "agent")


@functools.lru_cache(maxsize=8)
def mutual_keys(rules_dir: Path | None = None) -> frozenset[tuple[str, str]]:
    """RETURNS (frozenset): (topic, key) of the acts both parties do together (agent slots with ``"mutual": true``: a meeting)."""
    return frozenset((slot.topic, slot.key) for slot in load_slots(rules_dir) if slot.party == "agent" and slot.mutual)


@functools.lru_cache(maxsize=8)
def agent_words(rules_dir: Path | None = None) -> dict[tuple[str, str], tuple[str, ...]]:
    """RETURNS (dict): (topic, key) of each act of one party towards another -> its words, as written."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for slot in load_slots(rules_dir):
        if slot.party == "agent":
            out[(slot.topic, slot.key)] = out.get((slot.topic, slot.key), ()) + tuple(slot.words)
    return out


@functools.lru_cache(maxsize=8)
def value_kinds(rules_dir: Path | None = None) -> dict[tuple[str, str], ValueKind | None]:
    """RETURNS (dict): (topic, key) -> what the value of a fact in that slot is."""
    kinds: dict[tuple[str, str], ValueKind | None] = {}
    for slot in load_slots(rules_dir):
        kinds.setdefault((slot.topic, slot.key), slot.value)
    return kinds


@functools.lru_cache(maxsize=8)
def once_keys(rules_dir: Path | None = None) -> frozenset[tuple[str, str]]:
    """RETURNS (frozenset): (topic, key) of the milestones that happen once (slots with ``"once": true``: a first flight)."""
    return frozenset((slot.topic, slot.key) for slot in load_slots(rules_dir) if slot.once)


@functools.lru_cache(maxsize=8)
def period_keys(rules_dir: Path | None = None) -> frozenset[tuple[str, str]]:
    """RETURNS (frozenset): (topic, key) of the facts reported per period (slots with ``"period": true``: results, sales)."""
    return frozenset((slot.topic, slot.key) for slot in load_slots(rules_dir) if slot.period)


@functools.lru_cache(maxsize=8)
def named_places(rules_dir: Path | None = None) -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    """RETURNS (dict): (topic, key) of a slot whose words a place's own name may stand
    before (``named``) -> the key of that place's fact and the words, as written."""
    out: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
    for slot in load_slots(rules_dir):
        if slot.named:
            named, words = out.get((slot.topic, slot.key), (slot.named, ()))
            out[(slot.topic, slot.key)] = (named, words + tuple(w.lower() for w in slot.words))
    return out


@functools.lru_cache(maxsize=8)
def placed_keys(rules_dir: Path | None = None) -> frozenset[tuple[str, str]]:
    """RETURNS (frozenset): (topic, key) of the facts held once per place (slots with ``"placed": true``: a primary)."""
    return frozenset((slot.topic, slot.key) for slot in load_slots(rules_dir) if slot.placed)

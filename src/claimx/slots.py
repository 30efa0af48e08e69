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
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .rules import default_rules_dir, load_jsonl

ValueKind = Literal["date", "amount", "count", "measure", "any"]

class SlotRule(BaseModel):
    """One line of ``slots.jsonl``: the words that tie a claim to one tracked fact (topic and key)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    topic: Literal["release", "production", "cast", "crew", "title", "plot", "franchise", "business", "other"]
    #: the roll-up key of the fact ("price", "filming", "processor")
    key: str
    #: lemmas or lower-case forms; several words are matched as a phrase, word by word
    words: list[str]
    #: entity labels that speak to the slot ("MONEY" for a price) when the
    #: claim's key is one of ``over``; empty for none
    labels: list[str] = []
    #: the keys a claim with an entity of ``labels`` gives up for this slot ("deal")
    over: list[str] = []
    #: the entity of ``labels`` must stand in the predicate's direct object,
    #: the thing bought or sold ("agreed to buy 60 jets")
    in_object: bool = False
    #: parts of speech the first word counts as; empty for any
    pos: list[str] = []
    #: lemmas of the verb the word must hang on ("production" counts as
    #: filming only as what begins or wraps); empty for any
    heads: list[str] = []
    #: what the fact's value is: a date, an amount, a count (an amount, a
    #: number of things first: "60 jets", not the deal's "$7bn"), a measure
    #: (a number written with its unit: "12.4-inch", "10,200mAh", "256GB"),
    #: either a date or an amount (a date first), or nothing
    value: ValueKind | None = None
    #: whose fact it is: "actor", the organisation or country that acts in
    #: the claim (its grammatical subject, or the agent of a passive: "Aeroflot
    #: has ordered 22 jets", "owned 55 percent by the union"), rather than the
    #: article's main subject; None for the claim's subject as usual
    party: Literal["actor"] | None = None
    #: a cast or crew rule whose words (as written: "stepped down", "was
    #: replaced") say that the person leaves: not a fact of its own, but a
    #: claim that says so of the person of its key speaks as ``denied`` for
    #: that person's membership in the roll-up
    leaves: bool = False
    examples: list[str] = []


def load_slots(rules_dir: Path | None = None) -> list[SlotRule]:
    """RETURNS (list[SlotRule]): the slot rules of a rule pack (none if it has no ``slots.jsonl``)."""
    path = Path(rules_dir or default_rules_dir()) / "slots.jsonl"
    return load_jsonl(path, SlotRule) if path.is_file() else []



@functools.lru_cache(maxsize=8)
def leaving_words(rules_dir: Path | None = None) -> tuple[str, ...]:
    """RETURNS (tuple[str, ...]): the words, as written, that say a person leaves a cast or crew."""
    return tuple(word.lower() for slot in load_slots(rules_dir) if slot.leaves for word in slot.words)


@functools.lru_cache(maxsize=8)
def value_kinds(rules_dir: Path | None = None) -> dict[tuple[str, str], ValueKind | None]:
    """RETURNS (dict): (topic, key) -> what the value of a fact in that slot is."""
    kinds: dict[tuple[str, str], ValueKind | None] = {}
    for slot in load_slots(rules_dir):
        kinds.setdefault((slot.topic, slot.key), slot.value)
    return kinds

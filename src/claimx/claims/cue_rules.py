""":mod:`claimx.claims.cue_rules`: the schema of ``models/en/cues.jsonl`` and its loader.

The cue tagger (:mod:`claimx.claims.cues`) matches these rules; the segmenter
reads the adverbs among them that open an afterthought of their own
(", *possibly* for a 2028 release").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from ..rules import Example, default_rules_dir, load_jsonl

Category = Literal[
    "certain", "expect", "future", "spec", "neg", "unknown", "pseudo", "tell_verb", "ignore", "complement"
]

class CueRule(BaseModel):
    """One line of ``cues.jsonl``."""

    model_config = ConfigDict(extra="forbid")

    id: str
    category: Category
    status: Literal["confirmed", "expected", "rumored", "denied", "unconfirmed"]
    pattern: str | list[dict[str, Any]]
    examples: list[Example] = []
    counter_examples: list[str] = []
    #: category ``complement`` only: the prepositions by which a noun or
    #: adjective takes its event ("fears *of*", "a delay *in*")
    preps: list[str] = ["of", "for", "on", "over", "about"]
    #: a word that, modifying the clause's subject, hedges the whole clause
    #: ("the *leaked* handset carries a larger battery")
    subject_modifier: bool = False
    #: a one-word adverb that, after a comma and before a preposition, opens a
    #: claim of its own (", *possibly* for a 2028 release")
    afterthought: bool = False


def load_cue_rules(rules_dir: Path | None = None) -> list[CueRule]:
    """RETURNS (list[CueRule]): the rules of ``cues.jsonl`` in ``rules_dir`` (None: the default pack)."""
    return load_jsonl(Path(rules_dir or default_rules_dir()) / "cues.jsonl", CueRule)


def afterthought_adverbs(rules_dir: Path | None = None) -> frozenset[str]:
    """RETURNS (frozenset[str]): one-word cues flagged ``afterthought``: adverbs
    that, after a comma and before a preposition, open a claim of their own
    (", possibly alongside new hardware", ", likely by swapping in …")."""
    return frozenset(
        rule.pattern.lower()
        for rule in load_cue_rules(rules_dir)
        if rule.afterthought and isinstance(rule.pattern, str) and " " not in rule.pattern
    )

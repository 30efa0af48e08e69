"""Rule packs: every file loads and validates; the hash follows every change."""

from __future__ import annotations

import json
import shutil

import pytest

from claimx.errors import RulePackError
from claimx.rules import default_rules_dir, load_jsonl, rules_hash


def _packs():
    from claimx.claims.cue_rules import CueRule
    from claimx.claims.entities import EntityRule
    from claimx.claims.segment import AttributionRule, NonClaimRule, SegmentRule
    from claimx.claims.topic import TopicRule
    from claimx.slots import SlotRule

    return {
        "cues.jsonl": CueRule,
        "entities.jsonl": EntityRule,
        "attribution.jsonl": AttributionRule,
        "topics.jsonl": TopicRule,
        "nonclaims.jsonl": NonClaimRule,
        "slots.jsonl": SlotRule,
        "segmentation.jsonl": SegmentRule,
    }


@pytest.mark.parametrize("filename", sorted(_packs()))
def test_rules_every_pack_loads(filename):
    rules = load_jsonl(default_rules_dir() / filename, _packs()[filename])
    assert rules
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids)), "rule ids must be unique"


def test_rules_meta_names_version_and_licence():
    meta = json.loads((default_rules_dir() / "meta.json").read_text())
    assert {"version", "license", "source"} <= set(meta)


def test_rules_bad_line_names_file_and_line(tmp_path):
    from claimx.claims.cue_rules import CueRule

    path = tmp_path / "cues.jsonl"
    path.write_text('{"id": "a", "category": "spec", "status": "rumored", "pattern": "may"}\n{"id": "b", "category": "nope"}\n')
    with pytest.raises(RulePackError, match=r"cues.jsonl:2"):
        load_jsonl(path, CueRule)


def test_rules_hash_changes_with_content_and_names(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(default_rules_dir(), pack)
    before = rules_hash(pack)
    with (pack / "cues.jsonl").open("a") as handle:
        handle.write('{"id": "extra", "category": "spec", "status": "rumored", "pattern": "mooted"}\n')
    changed = rules_hash(pack)
    assert changed != before
    (pack / "topics.jsonl").rename(pack / "topics2.jsonl")
    assert rules_hash(pack) != changed


@pytest.mark.parametrize(
    "rule_id, text, status",
    [
        ("unknown-no-date", "No release date has been set.", "unconfirmed"),
        ("pseudo-has_not_ruled_out", "The club has not ruled out a move.", "rumored"),
    ],
)
def test_rules_examples_behave(analyse, rule_id, text, status):
    records = analyse(text)
    assert records and records[0].status == status, (rule_id, [(r.text, r.status) for r in records])
